"""Parsers for journaldemonaco.gouv.mc pages: HTML or text in, records out. No I/O.

Article pages (shared/spec/site.md): the title is the ``h1``; the metadata are
``li.meta`` items (``span.meta__label`` + ``span.meta__value``, French or English UI);
the body is under ``div.article__content`` or ``div.body``. Text renderings of the same
pages (the seeds: sprite line, title, "• label value" bullets, body, footer) are read
by ``parse_article_text`` into the same ``Article``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.dammit import UnicodeDammit

from extractors.dates import parse_numeric_date
from models.records import Article

SITE = "https://journaldemonaco.gouv.mc"

# --- URLs ---------------------------------------------------------------------------

_PREFIX = re.compile(r"^(?:/(?:en|fr|switchlanguage/to/[a-z_]+))+(?=/Journaux/)", re.IGNORECASE)


def canonical_url(url: str, base: str = SITE) -> str:
    """The article's one address: absolute, language prefixes dropped, no query/fragment.

    ``/en/switchlanguage/to/jdm_eng/Journaux/2021/Journal-8547/X`` and
    ``/fr/Journaux/2021/Journal-8547/X`` both become ``{base}/Journaux/2021/Journal-8547/X``.
    """
    parts = urlsplit(urljoin(base.rstrip("/") + "/", url.strip()))
    path = re.sub(r"/{2,}", "/", parts.path)
    path = _PREFIX.sub("", path)
    if len(path) > 1:
        path = path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, "", ""))


# --- what the site prints around an article -------------------------------------------

#: Navigation and footer lines, French and English UI.
BOILERPLATE_LINES = frozenset(
    {
        "imprimer l'article",
        "article précédent retour au sommaire article suivant",
        "article précédent",
        "retour au sommaire",
        "article suivant",
        "tous droits reservés monaco 2016",
        "tous droits réservés monaco 2016",
        "print article",
        "previous article return to summary next article",
        "previous article",
        "return to summary",
        "next article",
        "all rights reserved - monaco 2016",
        "all rights reserved monaco 2016",
    }
)
_BOILERPLATE_RE = re.compile(
    r"^(?:version \d{4}\.\d\d\.\d\d\.\d+|tous droits r[ée]serv[ée]s.*|all rights reserved.*"
    r"|(?:imprimer l.article|print article)(?:\s.*)?)$",
    re.IGNORECASE,
)
_SPRITE_TOKEN = re.compile(r"\b(?:icon|logo|image-logo)-[\w-]+")

#: Metadata labels (lower case, whitespace collapsed) → field.
META_LABELS = {
    "n° journal": "journal_number",
    "no. journal": "journal_number",
    "n° du journal": "journal_number",
    "journal no.": "journal_number",
    "date de publication": "published_on",
    "date of publication": "published_on",
    "publication date": "published_on",
    "qualité": "ocr_quality",
    "quality": "ocr_quality",
    "n° de page": "page",
    "page no.": "page",
    "page number": "page",
}
_META_LINE = re.compile(
    r"^[•·\-*]?\s*(?P<label>"
    + "|".join(re.escape(k) for k in sorted(META_LABELS, key=len, reverse=True))
    + r")\s*:?\s*(?P<value>.*)$",
    re.IGNORECASE,
)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u2019", "'")).strip()


_NAV_PHRASES = re.compile(
    r"imprimer l'article|article pr[ée]c[ée]dent|retour au sommaire|article suivant"
    r"|print article|previous article|return to summary|next article"
)


def is_boilerplate(line: str) -> bool:
    """True for the site's navigation, footer and sprite lines."""
    low = _squash(line).lower()
    if not low:
        return True
    if low in BOILERPLATE_LINES or _BOILERPLATE_RE.match(low):
        return True
    if not _NAV_PHRASES.sub("", low).strip(" -|·•"):
        return True
    return len(_SPRITE_TOKEN.findall(low)) >= 3


def parse_meta(fields: Iterable[tuple[str, str]]) -> dict[str, object]:
    """Label/value pairs of the metadata → typed fields (unknown labels ignored)."""
    out: dict[str, object] = {}
    for label, value in fields:
        key = META_LABELS.get(_squash(label).lower().rstrip(":").strip())
        value = _squash(value)
        if key is None or not value:
            continue
        if key in ("journal_number", "page"):
            digits = re.sub(r"[^\d]", "", value)
            if digits:
                out[key] = int(digits)
        elif key == "published_on":
            parsed = parse_numeric_date(value)
            if parsed:
                out[key] = parsed
        elif key == "ocr_quality":
            m = re.search(r"(\d+(?:[.,]\d+)?)\s*%", value)
            if m:
                out[key] = round(float(m[1].replace(",", ".")) / 100, 4)
    return out


# --- HTML ---------------------------------------------------------------------------

_BLOCK = frozenset(
    [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "br",
        "tr",
        "table",
        "thead",
        "tbody",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "dl",
        "dt",
        "dd",
        "hr",
        "pre",
        "address",
        "figure",
        "figcaption",
        "main",
        "aside",
        "form",
        "td",
        "th",
    ]
)
_SKIP = frozenset(
    ["script", "style", "svg", "noscript", "template", "head", "iframe", "button", "select"]
)


def decode_html(content: bytes | str) -> str:
    """HTML bytes as text: the declared charset (header or meta) if any, else detected."""
    if isinstance(content, str):
        return content
    return UnicodeDammit(content, ["utf-8", "windows-1252"], is_html=True).unicode_markup or ""


def block_lines(node: Tag) -> list[str]:
    """The text under ``node``, one line per block element, inline text joined as is.

    Inline elements are concatenated without adding spaces ("1<sup>er</sup>" → "1er",
    a surname in its own span stays inside its sentence); ``li`` items get a "• " mark
    when they carry no bullet of their own, as the site's text renderings show them.
    """
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = _squash_keep_nbsp("".join(current))
        if text:
            lines.append(text)
        current.clear()

    def walk(el: Tag) -> None:
        for child in el.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString or child.__class__.__name__ == "CData":
                    current.append(str(child))
                continue
            if not isinstance(child, Tag) or child.name in _SKIP:
                continue
            if child.name in _BLOCK:
                flush()
                if child.name == "li":
                    current.append("• ")
                walk(child)
                flush()
            else:
                walk(child)

    walk(node)
    flush()
    return [_strip_double_bullet(line) for line in lines if line != "•"]


def _squash_keep_nbsp(text: str) -> str:
    # collapse ordinary whitespace (HTML source line breaks) but keep U+00A0 for the
    # normaliser, which turns it into a space later
    return re.sub(r"[ \t\r\n\f\v]+", " ", text).strip()


def _strip_double_bullet(line: str) -> str:
    # an li that prints its own bullet ("• - item", "• • item") keeps only its own
    m = re.match(r"^• ([-•–>·o*]\s.*)$", line)
    return m[1] if m else line


def parse_article_html(content: bytes | str, url: str | None = None) -> tuple[Article, list[str]]:
    """An article page → ``Article`` and a list of warnings about its layout."""
    html = decode_html(content)
    soup = BeautifulSoup(html, "lxml")
    warnings: list[str] = []

    h1 = soup.find("h1")
    title = _squash(h1.get_text("")) if h1 else ""

    meta = parse_meta(
        (
            li.select_one(".meta__label").get_text("") if li.select_one(".meta__label") else "",
            li.select_one(".meta__value").get_text("") if li.select_one(".meta__value") else "",
        )
        for li in soup.select("li.meta")
    )

    containers = soup.select("div.article__content") or soup.select("div.body")
    containers = [c for c in containers if not any(p in containers for p in c.parents)]
    if containers:
        layout = (
            "article__content"
            if "article__content" in (containers[0].get("class") or [])
            else "body"
        )
        lines = [line for c in containers for line in block_lines(c)]
    else:
        layout = "fallback"
        root = soup.find("main") or soup.find("article") or soup.body or soup
        for tag in root.find_all(["nav", "header", "footer"]):
            tag.decompose()
        lines = block_lines(root)
        if h1 and title:
            # the title and the metadata were read already
            lines = [ln for ln in lines if _squash(ln) != title]
        lines = [ln for ln in lines if not _META_LINE.match(_squash(ln.lstrip("• ")))]
        warnings.append("no div.article__content nor div.body: body read from the whole page")

    lines = [ln for ln in lines if not is_boilerplate(ln)]
    if not title:
        # a page with no h1: read it as a text rendering would be read
        article = parse_article_text("\n".join(lines), url=url)
        warnings.append("no h1 title: title taken from the first line of the page")
        return _with(article, layout="fallback", **meta), warnings

    return (
        Article(
            title=title,
            body="\n".join(lines),
            url=url,
            has_metadata=bool(meta),
            layout=layout,
            **meta,  # type: ignore[arg-type]
        ),
        warnings,
    )


def _with(article: Article, **changes: object) -> Article:
    import dataclasses

    fields = {k: v for k, v in changes.items() if v is not None}
    if any(k in META_LABELS.values() for k in fields):
        fields["has_metadata"] = True
    return dataclasses.replace(article, **fields)  # type: ignore[arg-type]


# --- text renderings ----------------------------------------------------------------


def parse_article_text(text: str, url: str | None = None) -> Article:
    """A text rendering of an article page (the seeds' shape) → ``Article``.

    The sprite line, the navigation and the footer are dropped; "• label value" lines
    are the metadata; the title is the first remaining line (lines up to the metadata
    bullets are joined to it when the title was wrapped). A text may start straight at
    the title, with no sprite line and no metadata.
    """
    raw_lines = [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [ln for ln in raw_lines if ln and not is_boilerplate(ln)]
    meta_pairs: list[tuple[str, str]] = []
    body: list[str] = []
    meta_at: list[int] = []
    for i, line in enumerate(lines):
        m = _META_LINE.match(_squash(line))
        if m and (line.lstrip().startswith(("•", "·", "-", "*")) or i < 8):
            meta_pairs.append((m["label"], m["value"]))
            meta_at.append(i)
        else:
            body.append(line)
    title = ""
    if body:
        title = body.pop(0)
        # a wrapped title: its other lines stand between it and the metadata bullets
        if meta_at:
            first_meta = meta_at[0]
            n_before = sum(1 for i in range(first_meta) if i not in meta_at) - 1
            for _ in range(max(0, min(n_before, 3))):
                if body and not body[0].startswith("Vu "):
                    title = f"{title} {body.pop(0)}"
    meta = parse_meta(meta_pairs)
    return Article(
        title=_squash_keep_nbsp(title),
        body="\n".join(body),
        url=url,
        has_metadata=bool(meta_pairs),
        layout="text",
        **meta,  # type: ignore[arg-type]
    )


def looks_like_html(content: bytes | str) -> bool:
    head = content[:2048]
    if isinstance(head, bytes):
        head = head.decode("latin-1", "replace")
    return bool(
        re.search(r"<\s*(?:!doctype\s+html|html|head|body|h1|div|p)\b", head, re.IGNORECASE)
    )
