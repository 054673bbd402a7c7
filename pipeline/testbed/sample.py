"""Article pages in the site's HTML structure, made from text renderings.

The bundled sample (``data/sample/*.html``) is made by this module from the seeds (text
renderings of real Journal de Monaco pages): ``make sample`` runs
``python -m pipeline.testbed.sample SEEDS_DIR data/sample``. The structure follows
shared/spec/site.md: ``h1`` title, four ``li.meta`` (label + value, French or English UI as
the rendering shows), the PDF link, ``div.article__content`` with one ``p`` per paragraph
(inline ``text-align: justify``), "•" lines as a real ``ul/li``, the site's navigation and
footer around it, and an SVG sprite whose symbol titles are the "icon-…" line.
"""

from __future__ import annotations

import html
import re
import sys
import unicodedata
from pathlib import Path
from typing import TypedDict

from scrapers.journal_de_monaco import is_boilerplate, parse_article_text

SPRITE = [
    "icon-summary",
    "icon-grid",
    "list",
    "icon-caret-left",
    "icon-caret-right",
    "icon-preview",
    "icon-tooltip",
    "icon-download",
    "icon-view",
    "icon-arrow_left",
    "icon-arrow_right",
    "icon-cancel",
    "icon-search",
    "icon-file",
    "logo-JDM--large",
    "image-logo-gppm",
    "icon-categories",
    "icon-date",
    "icon-order",
    "icon-themes",
    "icon-cog",
    "icon-print",
    "icon-journal",
    "icon-list-thumbnails",
    "icon-thumbnails",
]

class _Ui(TypedDict):
    labels: tuple[str, str, str, str]
    print: str
    nav: tuple[str, str, str]
    rights: str


UI: dict[str, _Ui] = {
    "fr": {
        "labels": ("N° journal", "Date de publication", "Qualité", "N° de page"),
        "print": "Imprimer l'article",
        "nav": ("Article précédent", "Retour au sommaire", "Article suivant"),
        "rights": "Tous droits reservés Monaco 2016",
    },
    "en": {
        "labels": ("No. Journal", "Date of publication", "Quality", "Page no."),
        "print": "Print article",
        "nav": ("Previous article", "Return to summary", "Next article"),
        "rights": "All rights reserved - Monaco 2016",
    },
}


def slugify(title: str, limit: int = 250) -> str:
    """The site's slug: the title transliterated, non-alphanumerics as '-', cut (often mid-word)."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_title).strip("-")
    return slug[:limit]


def article_html(
    title: str,
    body_lines: list[str],
    meta: tuple[str, str, str, str],
    lang: str = "fr",
    pdf: str | None = None,
) -> str:
    """One article page. ``meta`` = (journal number, DD/MM/YYYY, quality, page) as printed."""
    ui = UI[lang]
    e = html.escape
    sprite = "".join(f'<symbol id="{s}"><title>{s}</title></symbol>' for s in SPRITE)
    metas = "\n".join(
        f'      <li class="meta"><span class="meta__label">{e(label)}</span> '
        f'<span class="meta__value">{e(value)}</span></li>'
        for label, value in zip(ui["labels"], meta, strict=True)
    )
    body: list[str] = []
    in_list = False
    for line in body_lines:
        if line.startswith("•"):
            if not in_list:
                body.append("      <ul>")
                in_list = True
            body.append(f"        <li>{e(line.lstrip('• ').strip())}</li>")
            continue
        if in_list:
            body.append("      </ul>")
            in_list = False
        body.append(f'      <p style="text-align: justify;">{e(line)}</p>')
    if in_list:
        body.append("      </ul>")
    pdf_link = (
        f'    <div class="u-halfTabUp"><a class="button-file" href="{e(pdf)}">PDF</a></div>\n'
        if pdf
        else ""
    )
    nav = " ".join(f'<a href="#">{e(n)}</a>' for n in ui["nav"])
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="utf-8">
  <title>{e(title[:120])} - Journal de Monaco</title>
</head>
<body>
  <svg xmlns="http://www.w3.org/2000/svg" style="display:none">{sprite}</svg>
  <header class="header"><nav class="nav"><a href="/Journaux">Journaux</a> <a href="/content/search">Recherche</a></nav></header>
  <main class="main">
   <div class="article">
    <h1 class="article__title">{e(title)}</h1>
    <ul class="meta-list">
{metas}
    </ul>
{pdf_link}    <div class="article__content">
{chr(10).join(body)}
    </div>
    <div class="article__tools"><a class="print" href="#">{e(ui["print"])}</a></div>
    <div class="article__nav">{nav}</div>
   </div>
  </main>
  <footer class="footer"><p>{e(ui["rights"])}</p><p>Version 2018.11.07.14</p></footer>
</body>
</html>
"""


def html_from_rendering(text: str) -> tuple[str, str]:
    """(file stem, HTML page) for a text rendering in the seeds' shape."""
    article = parse_article_text(text)
    lang = "en" if re.search(r"^\s*•\s*No\. Journal", text, re.MULTILINE) else "fr"
    raw_lines = [ln.strip() for ln in text.split("\n")]
    start = raw_lines.index(article.title.strip()) + 1 if article.title.strip() in raw_lines else 0
    body_lines = [
        ln
        for ln in raw_lines[start:]
        if ln
        and not is_boilerplate(ln)
        and not re.match(
            r"^•\s*(N° journal|No\. Journal|Date |Qualit|Quality|N° de page|Page no)", ln
        )
    ]
    published = article.published_on
    meta = (
        str(article.journal_number or ""),
        published.strftime("%d/%m/%Y") if published else "",
        f"{article.ocr_quality * 100:g}%" if article.ocr_quality is not None else "",
        str(article.page or ""),
    )
    year = published.year if published else 2000
    pdf = f"/content/download/{article.journal_number}/{article.journal_number}/file/JO_{year}_J_{article.journal_number}.pdf"
    m = re.search(r"n°\s*(\d{2,4})[\u2011-](\d+)", article.title)
    stem = f"deliberation-{m[1]}-{m[2]}" if m else slugify(article.title)[:60]
    return stem, article_html(article.title, body_lines, meta, lang, pdf)


def main(argv: list[str]) -> int:
    seeds, out = Path(argv[0]), Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(seeds.glob("*.txt")):
        stem, page = html_from_rendering(path.read_text(encoding="utf-8"))
        (out / f"{stem}.html").write_text(page, encoding="utf-8")
        print(f"{path.name} -> {out / (stem + '.html')}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
