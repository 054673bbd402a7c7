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
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup, Tag
from lxml.html import HtmlElement

from extractors.common.dates import FRENCH_DATE, date_from_match, parse_numeric_date
from models.records import Article
from scrapers.decoding import decode_page
from scrapers.markup import block_lines, squash_keep_nbsp, text, tree

SITE = "https://journaldemonaco.gouv.mc"
SITE_HOSTS = frozenset({"journaldemonaco.gouv.mc", "www.journaldemonaco.gouv.mc"})

# --- URLs ---------------------------------------------------------------------------

#: One path segment that changes only the UI language: /en, /fr, /switchlanguage/to/jdm_eng …
LANGUAGE_PREFIX = r"/(?:en|fr|switchlanguage/to/[a-z_]+)"
_PREFIX = re.compile(rf"^(?:{LANGUAGE_PREFIX})+(?=/Journaux/)", re.IGNORECASE)
_ANY_PREFIX = re.compile(rf"^((?:{LANGUAGE_PREFIX})*)(/.*)?$", re.IGNORECASE)


def split_language_prefix(path: str) -> tuple[str, str]:
    """(the language prefixes, the rest) of a path: ``/en/Journaux/2021`` → ``("/en", "/Journaux/2021")``."""
    m = _ANY_PREFIX.match(path)
    return (m[1] or "", m[2] or "/") if m else ("", path)


def canonical_url(url: str, base: str = SITE) -> str:
    """The article's one address: absolute, language prefixes dropped, no fragment.

    ``/en/switchlanguage/to/jdm_eng/Journaux/2021/Journal-8547/X`` and
    ``/fr/Journaux/2021/Journal-8547/X`` both become ``{base}/Journaux/2021/Journal-8547/X``,
    and so do ``http://`` and ``www.`` links to the site's host (the scheme and host of
    ``base``).
    The query string of a Journal page says nothing about the article and is dropped; that
    of another site's page may be what tells two pages apart (``…/entity/x?page=2``) and is
    kept.
    """
    parts = urlsplit(urljoin(base.rstrip("/") + "/", url.strip()))
    path = re.sub(r"/{2,}", "/", parts.path)
    path = _PREFIX.sub("", path)
    if len(path) > 1:
        path = path.rstrip("/")
    scheme, netloc = parts.scheme.lower(), parts.netloc.lower()
    home = urlsplit(base)
    if scheme in ("http", "https") and (
        netloc == home.netloc.lower() or {netloc, home.netloc.lower()} <= SITE_HOSTS
    ):
        # the site's page however the link writes its host: http://, www.
        scheme, netloc = home.scheme.lower(), home.netloc.lower()
    journal = path.startswith("/Journaux") or netloc == home.netloc.lower()
    query = "" if journal else parts.query
    return urlunsplit((scheme, netloc, path, query, ""))


def is_site_url(url: str) -> bool:
    """An ``http(s)`` address on the site's host (not ``file:``, ``javascript:``, elsewhere)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and (parts.hostname or "") in SITE_HOSTS


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
    """Whitespace runs (any Unicode space) → one space, ends stripped; ’ → '."""
    return " ".join(text.replace("\u2019", "'").split())


_NAV_PHRASES = re.compile(
    r"imprimer l'article|article pr[ée]c[ée]dent|retour au sommaire|article suivant"
    r"|print article|previous article|return to summary|next article"
)


def is_boilerplate(line: str) -> bool:
    """True for the site's navigation, footer and sprite lines."""
    if len(line) > 240 and "icon-" not in line and "logo-" not in line:
        # a body paragraph, unless it opens like the footer ("Tous droits réservés …"):
        # its first words decide, and the whole line need not be squashed
        return bool(_BOILERPLATE_RE.match(_squash(line[:80]).lower()))
    low = _squash(line).lower()
    if not low:
        return True
    if low in BOILERPLATE_LINES or _BOILERPLATE_RE.match(low):
        return True
    if len(low) < 200 and not _NAV_PHRASES.sub("", low).strip(" -|·•"):
        return True  # (a line of nothing but navigation is short: body lines skip the sub)
    return ("icon-" in low or "logo-" in low) and len(_SPRITE_TOKEN.findall(low)) >= 3


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


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def article_title(content: bytes | str) -> str:
    """The article page's title (its ``h1``), whitespace collapsed; empty when it has none."""
    h1 = next(tree(decode_page(content)).iter("h1"), None)
    return _squash(text(h1)) if h1 is not None else ""


def parse_article_html(content: bytes | str, url: str | None = None) -> tuple[Article, list[str]]:
    """An article page → ``Article`` and a list of warnings about its layout."""
    root = tree(decode_page(content))
    warnings: list[str] = []

    h1 = next(root.iter("h1"), None)
    title = _squash(text(h1)) if h1 is not None else ""
    if url is None:
        # a saved page may still say where it came from
        links = root.xpath("//link[@rel='canonical'][@href] | //meta[@property='og:url'][@content]")
        if links:
            found = str(links[0].get("href") or links[0].get("content") or "")
            url = canonical_url(found) if "/Journaux/" in found else None

    def part(li: HtmlElement, name: str) -> str:
        found = li.xpath(f".//*[{_has_class(name)}]")
        return text(found[0]) if found else ""

    meta = parse_meta(
        (part(li, "meta__label"), part(li, "meta__value"))
        for li in root.xpath(f"//li[{_has_class('meta')}]")
    )

    containers = root.xpath(f"//div[{_has_class('article__content')}]") or root.xpath(
        f"//div[{_has_class('body')}]"
    )
    inside = set(containers)
    containers = [c for c in containers if not any(p in inside for p in c.iterancestors())]
    if containers:
        layout = (
            "article__content"
            if "article__content" in (containers[0].get("class") or "").split()
            else "body"
        )
        lines = [line for c in containers for line in block_lines(c)]
    else:
        layout = "fallback"
        body_element = root.find("body")
        main = next(root.iter("main"), None)
        if main is None:
            main = next(root.iter("article"), None)
        page = main if main is not None else body_element if body_element is not None else root
        for tag in list(page.iter("nav", "header", "footer")):
            tag.drop_tree()
        lines = block_lines(page)
        if h1 is not None and title:
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
        title=squash_keep_nbsp(title),
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


# --- listings: year pages, issue sommaires, search results ----------------------------
# Appended by the refresh work; pure like the rest of the module.


_ISSUE_PATH = re.compile(r"^/Journaux/(?P<year>\d{4})/(?P<segment>Journal-[^/]+)$")
_ARTICLE_PATH = re.compile(
    r"^/Journaux/(?P<year>\d{4})/(?P<segment>Journal-[^/]+)/(?P<slug>[^/]+)$"
)
_EN_MONTHS = {
    m: i
    for i, m in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august")
        + ("september", "october", "november", "december"),
        start=1,
    )
}
_EN_DATE = re.compile(
    r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month>[a-z]+)\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_EN_DATE_US = re.compile(
    r"\b(?P<month>[a-z]+)\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_MISSING = re.compile(
    r"\b(?:erreur|error)\s*404\b|page\s+(?:introuvable|non\s+trouv[ée]e)|page\s+not\s+found",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class IssueRef:
    """One issue linked from a year listing (``/Journaux/{YYYY}/Journal-{N}``).

    ``segment`` is the URL's opaque issue id, not always the issue number
    (``Journal-86712`` shows "N° journal 8671"); ``published_on`` is read from the link text.
    """

    url: str
    year: int
    segment: str
    label: str
    published_on: date | None = None


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """One article linked from a sommaire or a search result page."""

    url: str
    title: str
    heading: str | None = None
    issue_url: str | None = None


def _site_path(href: str, base: str) -> tuple[str, str] | None:
    """(canonical URL, path) of a link on the site's host; None for off-site links."""
    href = (href or "").strip()
    if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
        return None
    url = canonical_url(href, base)
    parts, home = urlsplit(url), urlsplit(canonical_url("/", base))
    if parts.netloc != home.netloc or parts.scheme not in ("http", "https"):
        return None
    return url, parts.path


def _link_date(text: str) -> date | None:
    found = parse_numeric_date(text)
    if found:
        return found
    m = FRENCH_DATE.search(text)
    if m:
        return date_from_match(m)
    for pattern in (_EN_DATE, _EN_DATE_US):
        m = pattern.search(text)
        if m and m["month"].lower() in _EN_MONTHS:
            try:
                return date(int(m["year"]), _EN_MONTHS[m["month"].lower()], int(m["day"]))
            except ValueError:
                return None
    return None


def _issue_order(ref: IssueRef) -> tuple[date, int]:
    digits = re.sub(r"\D", "", ref.segment)
    return (ref.published_on or date.min, int(digits) if digits else 0)


def parse_year_listing(html: bytes | str, base: str = SITE) -> list[IssueRef]:
    """A year listing ``/Journaux/{YYYY}`` → its issues, newest first, each once."""
    soup = BeautifulSoup(decode_page(html), "lxml")
    refs: dict[str, IssueRef] = {}
    for a in soup.find_all("a", href=True):
        site = _site_path(str(a["href"]), base)
        m = _ISSUE_PATH.match(site[1]) if site else None
        if not site or not m:
            continue
        label = _squash(a.get_text(" "))
        known = refs.get(site[0])
        if known is None or (not known.label and label):
            refs[site[0]] = IssueRef(
                site[0], int(m["year"]), m["segment"], label, _link_date(label)
            )
    return sorted(refs.values(), key=_issue_order, reverse=True)


def _issue_of(path: str, base: str) -> str | None:
    m = _ARTICLE_PATH.match(path)
    return canonical_url(f"/Journaux/{m['year']}/{m['segment']}", base) if m else None


def _in_chrome(tag: Tag) -> bool:
    return any(p.name in ("nav", "header", "footer") for p in tag.parents)


def parse_sommaire(html: bytes | str, base: str = SITE) -> list[ArticleRef]:
    """An issue page → its articles in page order, each with its title and category heading.

    The site prints ``h2`` category headings, then ``li.u-no-bullet a[href]`` entries whose
    text is the title. When no such entry is found (a changed layout), every link to an
    article-shaped path outside the navigation is read, under the nearest ``h2``/``h3``.
    Links to the same article under several language prefixes count once.
    """
    soup = BeautifulSoup(decode_page(html), "lxml")
    entries = {id(a) for a in soup.select("li.u-no-bullet a[href]")}
    refs: dict[str, ArticleRef] = {}
    heading: str | None = None
    for el in soup.find_all(["h2", "h3", "a"]):
        if el.name in ("h2", "h3"):
            if entries and el.name == "h3":
                continue
            heading = _squash(el.get_text(" ")) or heading
            continue
        if (
            not el.get("href")
            or (entries and id(el) not in entries)
            or (not entries and _in_chrome(el))
        ):
            continue
        site = _site_path(str(el["href"]), base)
        if not site or not _ARTICLE_PATH.match(site[1]) or site[0] in refs:
            continue
        title = _squash(el.get_text(" ")) or _squash(str(el.get("title") or ""))
        refs[site[0]] = ArticleRef(site[0], title, heading, _issue_of(site[1], base))
    return list(refs.values())


def parse_search_results(html: bytes | str, base: str = SITE) -> list[ArticleRef]:
    """A search result page → the articles it lists (``div.search-results__content a.result-item``)."""
    soup = BeautifulSoup(decode_page(html), "lxml")
    refs: dict[str, ArticleRef] = {}
    for a in soup.select("div.search-results__content a.result-item[href]"):
        site = _site_path(str(a["href"]), base)
        if not site or not _ARTICLE_PATH.match(site[1]) or site[0] in refs:
            continue
        title_el = a.select_one("div.result-item__title")
        title = _squash((title_el or a).get_text(" "))
        refs[site[0]] = ArticleRef(site[0], title, None, _issue_of(site[1], base))
    return list(refs.values())


def search_next_page(html: bytes | str, base: str = SITE) -> str | None:
    """The next result page (``/content/search/(offset)/{k}?…``) after this one, if any."""
    soup = BeautifulSoup(decode_page(html), "lxml")
    best: tuple[int, str] | None = None
    current = 0
    marker = soup.select_one("[data-offset]")
    if marker is not None:
        digits = re.sub(r"\D", "", str(marker["data-offset"]))
        current = int(digits) if digits else 0
    for a in soup.find_all("a", href=True):
        href = str(a["href"])
        m = re.search(r"/content/search/\(offset\)/(\d+)", href)
        if m and int(m[1]) > current and (best is None or int(m[1]) < best[0]):
            best = (int(m[1]), urljoin(base.rstrip("/") + "/", href))
    return best[1] if best else None


def is_missing_page(html: bytes | str) -> bool:
    """True for the site's "Erreur 404" page, even when served with status 200 (a soft 404)."""
    soup = BeautifulSoup(decode_page(html), "lxml")
    heads = " ".join(el.get_text(" ") for el in soup.find_all(["title", "h1", "h2"], limit=6))
    if _MISSING.search(heads):
        return True
    if soup.select_one("li.meta, div.article__content, div.body, li.u-no-bullet"):
        return False
    body = soup.body or soup
    return bool(_MISSING.search(_squash(body.get_text(" "))[:2000]))
