"""The pages of the loopback copy of the site, rendered from its content (``Site``).

The site's paths and markup (shared/spec/site.md): year listings ``/Journaux/{YYYY}``,
sommaires (``h2`` headings, ``li.u-no-bullet a``), articles, French and English UI,
search result pages, the "Erreur 404" page; ``layout=True`` renders the changed layout
(cards, ``h3`` headings, ``div.body``). Unpublished (hidden) issues and articles are left out.
"""

from __future__ import annotations

import html
from urllib.parse import quote

from extractors.common.text import fold
from pipeline.testbed.sample import UI, article_html
from pipeline.testbed.site import MirrorArticle, MirrorIssue, Site, en_date, fr_date


def _page(title: str, main: str, lang: str) -> str:
    e = html.escape
    nav = '<a href="/Journaux">Journaux</a> <a href="/content/search">Recherche</a>'
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n  <meta charset="utf-8">\n'
        f"  <title>{e(title)} - Journal de Monaco</title>\n</head>\n<body>\n"
        f'  <header class="header"><nav class="nav">{nav}</nav></header>\n'
        f'  <main class="main">\n{main}\n  </main>\n'
        f'  <footer class="footer"><p>{e(str(UI[lang]["rights"]))}</p></footer>\n</body>\n</html>\n'
    )


def year_page(site: Site, year: int, lang: str, prefix: str, layout: bool) -> str:
    e = html.escape
    items = []
    for issue in sorted(
        (i for i in site.issues if i.year == year and not i.hidden),
        key=lambda i: i.published_on,
        reverse=True,
    ):
        label = en_date(issue.published_on) if lang == "en" else fr_date(issue.published_on)
        href = e(prefix + issue.path)
        if layout:
            items.append(
                f'<div class="issue-card"><a href="{href}"><span>{e(label)}</span></a></div>'
            )
        else:
            items.append(f'<li class="journal-item"><a href="{href}">{e(label)}</a></li>')
    years = " ".join(
        f'<a href="{prefix}/Journaux/{y}">{y}</a>'
        for y in range(site.first_year, site.last_year + 1)
    )
    body = "\n".join(items) if layout else f'<ul class="journal-list">{"".join(items)}</ul>'
    return _page(
        f"Journaux {year}",
        f'<div class="years">{years}</div><h1>Journaux {year}</h1>\n{body}',
        lang,
    )


def sommaire_page(issue: MirrorIssue, lang: str, prefix: str, layout: bool) -> str:
    e = html.escape
    variants = (
        ["/en", "/en/switchlanguage/to/jdm_eng"]
        if lang == "en"
        else ["", "/fr", "/switchlanguage/to/jdm"]
    )
    parts, heading = [], None
    shown = [a for a in issue.articles if not a.hidden]
    for k, art in enumerate(shown):
        href = e((prefix or variants[k % len(variants)]) + art.path)
        if art.href is not None:
            href = art.href.replace('"', "&quot;")  # as hostile as it was written
        if art.heading != heading:
            heading = art.heading
            parts.append(
                f'<h3 class="summary__category">{e(heading)}</h3>'
                if layout
                else f"<h2>{e(heading)}</h2>"
            )
        if layout:
            parts.append(
                f'<div class="summary__item"><a class="summary__link" href="{href}">{e(art.title)}</a></div>'
            )
        else:
            parts.append(
                f'<ul><li class="u-no-bullet"><a href="{href}">{e(art.title)}</a></li></ul>'
            )
    dups = [a for a in shown if a.deliberation and not a.trap][:1]
    for art in dups:  # the same article linked again under another prefix
        href = e("/switchlanguage/to/jdm" + art.path)
        parts.append(
            "<h2>Voir aussi</h2>" if not layout else '<h3 class="summary__category">Voir aussi</h3>'
        )
        parts.append(f'<ul><li class="u-no-bullet"><a href="{href}">{e(art.title)}</a></li></ul>')
    title = f"Journal n° {issue.number} du {fr_date(issue.published_on)}"
    return _page(title, f"<h1>{e(title)}</h1>\n" + "\n".join(parts), lang)


def article_page(art: MirrorArticle, lang: str, layout: bool) -> str:
    if art.html_fr is not None:
        text = art.html_fr
        if lang == "en":
            text = _to_english(text)
    else:
        text = article_html(art.title, list(art.body), art.meta, lang=lang)
    if layout:
        text = text.replace('class="article__content"', 'class="body"')
    if art.nest:
        start, end = art.nest_markup
        text = text.replace("<body>", "<body>" + start * art.nest, 1)
        text = text.replace("</body>", end * art.nest + "</body>", 1)
    return text


def _to_english(text: str) -> str:
    fr, en = UI["fr"], UI["en"]
    pairs: list[tuple[str, str]] = [('lang="fr"', 'lang="en"')]
    for key in ("labels", "nav", "print", "rights"):
        a, b = fr[key], en[key]
        if isinstance(a, str) and isinstance(b, str):
            pairs.append((a, b))
        else:
            pairs += [(str(x), str(y)) for x, y in zip(a, b, strict=True)]
    for a, b in pairs:
        text = text.replace(a, b).replace(html.escape(a), html.escape(b))
    return text


def search_page(site: Site, query: str, offset: int, lang: str, per_page: int = 15) -> str:
    e = html.escape
    words = fold(query).split()
    hits = [
        a
        for i in sorted(site.issues, key=lambda i: i.published_on, reverse=True)
        if not i.hidden
        for a in i.articles
        if not a.hidden
    ]
    hits = [a for a in hits if all(w in fold(a.title) for w in words)]
    shown = hits[offset : offset + per_page]
    items = "".join(
        f'<a class="result-item" href="{e(a.path)}"><div class="result-item__title">{e(a.title)}</div></a>'
        for a in shown
    )
    nav = ""
    if offset + per_page < len(hits):
        nav = f'<a class="next" href="/content/search/(offset)/{offset + per_page}?SearchText={quote(query)}">Suivant</a>'
    main = f'<div class="search-results" data-offset="{offset}"><div class="search-results__content">{items}</div>{nav}</div>'
    return _page("Recherche", main, lang)


def missing_page(lang: str) -> str:
    return _page("Erreur 404", "<h1>Erreur 404</h1><p>La page demandée n'existe pas.</p>", lang)
