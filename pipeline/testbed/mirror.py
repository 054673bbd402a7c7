"""A loopback copy of the Journal de Monaco, served over real HTTP, for tests and the demo.

``build_site(sample_dir)`` places every article page of ``sample_dir/*.html`` in its issue
and year (from the page's "N° journal" and "Date de publication"), among other acts the
mirror writes itself: ordonnances, arrêtés citing a deliberation, a decision of the
CCIN's President, a controller's "décision de mise en œuvre", and a few issues holding no
deliberation. ``Mirror(site)`` serves it on 127.0.0.1 (stdlib ``ThreadingHTTPServer`` in
a thread) with the site's paths (shared/spec/site.md): ``/Journaux/{YYYY}``, sommaires
(``h2`` headings, ``li.u-no-bullet a``), articles, the ``/en/``, ``/fr/`` and
``/switchlanguage/to/jdm[_eng]/`` variants (English UI), ``/content/search``, robots.txt,
ETag/304. ``Fault`` rules spoil chosen responses: 500, 429 + Retry-After, slow, body cut
short, soft 404, changed layout, off-site redirect.
"""

from __future__ import annotations

import hashlib
import html
import logging
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

from extractors.common.text import fold
from pipeline.testbed.sample import UI, article_html, slugify
from scrapers.journal_de_monaco import parse_article_html

log = logging.getLogger("ccin.mirror")

FR_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
FR_MONTHS: tuple[str, ...] = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet")
FR_MONTHS += ("août", "septembre", "octobre", "novembre", "décembre")
_PREFIX = re.compile(r"^((?:/(?:en|fr|switchlanguage/to/[a-z_]+))*)(/.*)?$", re.IGNORECASE)
FAULT_KINDS = ("500", "429", "slow", "truncate", "soft404", "layout", "offsite")


def fr_date(d: date) -> str:
    return f"{FR_DAYS[d.weekday()].capitalize()} {d.day} {FR_MONTHS[d.month - 1]} {d.year}"


def en_date(d: date) -> str:
    return d.strftime("%A %-d %B %Y")


@dataclass
class MirrorArticle:
    path: str
    title: str
    heading: str
    deliberation: bool  # a sample page (an expected deliberation) or a made-up lookalike
    html_fr: str | None = None  # sample pages as they are; lookalikes are rendered
    body: tuple[str, ...] = ()
    meta: tuple[str, str, str, str] = ("", "", "100%", "")


@dataclass
class MirrorIssue:
    year: int
    segment: str
    number: int
    published_on: date
    articles: list[MirrorArticle] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"/Journaux/{self.year}/{self.segment}"


@dataclass
class Site:
    issues: list[MirrorIssue]
    first_year: int
    last_year: int

    def __post_init__(self) -> None:
        self.by_path = {i.path: i for i in self.issues}
        self.articles = {a.path: a for i in self.issues for a in i.articles}

    def deliberation_paths(self) -> list[str]:
        return sorted(p for p, a in self.articles.items() if a.deliberation)

    def lookalike_paths(self) -> list[str]:
        return sorted(p for p, a in self.articles.items() if not a.deliberation)


def _lookalikes(issue: MirrorIssue, cited: str | None, k: int) -> list[tuple[str, str, list[str]]]:
    """(heading, title, body) of the other acts of an issue; ``cited`` a deliberation title."""
    d = issue.published_on
    when = f"{d.day} {FR_MONTHS[d.month - 1]} {d.year}"
    acts = [
        (
            "Ordonnances Souveraines",
            f"Ordonnance Souveraine n° {10_000 + issue.number}.{k} du {when} portant nomination "
            "d'un Attaché Principal au Service des Titres de Circulation.",
            [
                "Albert II, par la Grâce de Dieu, Prince Souverain de Monaco,",
                "Avons Ordonné et Ordonnons :",
            ],
        ),
    ]
    if cited:
        number = re.search(r"n°\s*([\d\u2011-]+)", cited)
        acts.append(
            (
                "Arrêtés Ministériels",
                f"Arrêté Ministériel n° {d.year}-{100 + k} du {when} relatif à la mise en œuvre "
                f"d'un traitement automatisé, après la délibération n° {number[1] if number else '2021-81'} "
                "de la Commission de Contrôle des Informations Nominatives.",
                ["Nous, Ministre d'État de la Principauté,", f"Vu la délibération {cited[:80]} ;"],
            )
        )
    if k % 2 == 0:
        acts.append(
            (
                "Avis et Communiqués",
                f"Décision de mise en œuvre n° {d.year}-RC-{14 + k} du Centre Hospitalier Princesse "
                "Grace relative au traitement ayant pour finalité « Gestion des rendez-vous », "
                "après avis de la Commission de Contrôle des Informations Nominatives.",
                ["Vu la délibération de la Commission de Contrôle des Informations Nominatives ;"],
            )
        )
    else:
        acts.append(
            (
                "Informations",
                f"Décision n° {d.year}-0{k} du {when} du Président de la Commission de Contrôle des "
                "Informations Nominatives portant mise en œuvre du traitement ayant pour finalité "
                "« Gestion des ressources humaines de la Commission ».",
                [
                    "Le Président de la Commission de Contrôle des Informations Nominatives,",
                    "Décide :",
                ],
            )
        )
    return acts


def _made_up(issue: MirrorIssue, heading: str, title: str, body: list[str]) -> MirrorArticle:
    meta = (str(issue.number), issue.published_on.strftime("%d/%m/%Y"), "100%", "")
    path = f"{issue.path}/{slugify(title)}"
    return MirrorArticle(path, title, heading, False, None, tuple(body), meta)


DELIBERATION_HEADINGS = ("Avis et Communiqués", "Informations", "Délibérations")


def build_site(sample_dir: Path, *, first_year: int = 2009, last_year: int | None = None) -> Site:
    """The mirror's content: every ``*.html`` page of ``sample_dir`` in its issue, plus lookalikes."""
    pages: dict[int, list[tuple[str, str, date]]] = {}
    for file in sorted(Path(sample_dir).glob("*.html")):
        text = file.read_text("utf-8", errors="replace")
        article, _ = parse_article_html(text)
        if not article.journal_number or not article.published_on or not article.title:
            log.warning("%s: no journal number, date or title; left out of the mirror", file)
            continue
        pages.setdefault(article.journal_number, []).append(
            (article.title, text, article.published_on)
        )
    issues: list[MirrorIssue] = []
    for n, number in enumerate(sorted(pages)):
        published = pages[number][0][2]
        # the issue id in URLs is opaque, not always the number (Journal-86712 is n° 8671)
        segment = f"Journal-{number}2" if n % 2 else f"Journal-{number}"
        issue = MirrorIssue(published.year, segment, number, published)
        cited = pages[number][0][0]
        acts = _lookalikes(issue, cited, n)
        issue.articles += [_made_up(issue, *a) for a in acts if a[0] != "Avis et Communiqués"]
        heading = DELIBERATION_HEADINGS[n % len(DELIBERATION_HEADINGS)]
        for title, text, _ in pages[number]:
            issue.articles.append(
                MirrorArticle(f"{issue.path}/{slugify(title)}", title, heading, True, text)
            )
        issue.articles += [_made_up(issue, *a) for a in acts if a[0] == "Avis et Communiqués"]
        issues.append(issue)
    numbers = {i.number for i in issues}
    years = sorted({i.year for i in issues} | {first_year})
    for k, year in enumerate(years):
        # an issue with no deliberation in each year, a week before the year's first one
        firsts = [i.published_on for i in issues if i.year == year]
        day = min(firsts) - timedelta(days=7) if firsts else date(year, 3, 6)
        if day.year != year:
            day = date(year, 1, 2)
        number = (
            min(numbers | {8000}) - 1 - k
            if not firsts
            else min(i.number for i in issues if i.year == year) - 1
        )
        while number in numbers:
            number -= 1
        numbers.add(number)
        filler = MirrorIssue(year, f"Journal-{number}", number, day)
        filler.articles = [_made_up(filler, *a) for a in _lookalikes(filler, None, 2 * k + 1)]
        issues.append(filler)
    issues.sort(key=lambda i: (i.published_on, i.number))
    last = max([last_year or date.today().year, *(i.year for i in issues)])
    return Site(issues, min(first_year, *(i.year for i in issues)), last)


# --- pages ------------------------------------------------------------------------------


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
        (i for i in site.issues if i.year == year), key=lambda i: i.published_on, reverse=True
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
    for k, art in enumerate(issue.articles):
        href = e((prefix or variants[k % len(variants)]) + art.path)
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
    dups = [a for a in issue.articles if a.deliberation][:1]
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
        for a in i.articles
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


# --- faults -----------------------------------------------------------------------------


@dataclass
class Fault:
    """Spoil responses. ``pages``: "year", "issue", "article", "search", "any" (all but
    robots.txt) or one canonical path; ``times``: requests spoiled per page (None: all);
    ``budget``: in total; ``every``: only every n-th page of the kind, first one included."""

    kind: str
    pages: str = "any"
    times: int | None = 1
    budget: int | None = None
    every: int = 1
    retry_after: float | None = 1.0
    delay: float = 2.0
    _seen: dict[str, int] = field(default_factory=dict, repr=False)
    _used: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {self.kind!r}; known: {', '.join(FAULT_KINDS)}")

    def hits(self, kind: str, path: str) -> bool:
        if self.pages.startswith("/"):
            if path != self.pages:
                return False
        elif self.pages not in (kind, "any") or kind == "robots":
            return False
        ordinal = self._seen.setdefault(path, len(self._seen))
        if ordinal % self.every:
            return False
        used = self._used.get(path, 0)
        if self.times is not None and used >= self.times:
            return False
        if self.budget is not None and sum(self._used.values()) >= self.budget:
            return False
        self._used[path] = used + 1
        return True


#: What ``ccin mirror --faults NAME`` switches on.
FAULT_PRESETS: dict[str, list[Fault]] = {
    "500": [Fault("500", "article", every=2), Fault("500", "issue", every=3)],
    "429": [Fault("429", "year", budget=1, retry_after=1.0)],
    "slow": [Fault("slow", "article", every=3, delay=2.0)],
    "truncate": [Fault("truncate", "article", budget=2)],
    "soft404": [Fault("soft404", "article", budget=1)],
    "layout": [Fault("layout", "any", times=None)],
    "offsite": [Fault("offsite", "article", budget=1)],
}


def preset_faults(names: list[str]) -> list[Fault]:
    out = []
    for name in names:
        for part in filter(None, (p.strip() for p in name.split(","))):
            if part not in FAULT_PRESETS:
                raise ValueError(f"unknown fault {part!r}; known: {', '.join(FAULT_PRESETS)}")
            out += [
                Fault(f.kind, f.pages, f.times, f.budget, f.every, f.retry_after, f.delay)
                for f in FAULT_PRESETS[part]
            ]
    return out


# --- server -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    path: str  # as requested
    kind: str  # robots, year, issue, article, search, other
    status: int
    fault: str | None


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        log.debug("mirror: " + format, *args)

    def do_GET(self) -> None:  # noqa: N802
        mirror = self.server.mirror
        url = urlsplit(self.path)
        m = _PREFIX.match(url.path)
        prefix, rest = (m[1] or "", m[2] or "/") if m else ("", url.path)
        lang = "fr"
        for part in re.findall(r"/(en|fr|switchlanguage/to/[a-z_]+)", prefix, re.IGNORECASE):
            lang = "en" if part.lower() in ("en", "switchlanguage/to/jdm_eng") else "fr"
        with mirror.lock:
            layout = any(f.kind == "layout" and f.hits("any", rest) for f in mirror.faults)
        kind, status, body = mirror.route(rest, url.query, lang, prefix, layout)
        with mirror.lock:
            fault = next(
                (f for f in mirror.faults if f.kind != "layout" and f.hits(kind, rest)), None
            )
        headers = {
            "Content-Type": "text/plain; charset=utf-8"
            if kind == "robots"
            else "text/html; charset=utf-8"
        }
        payload = body.encode("utf-8")
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.delay)
        elif fault is not None and fault.kind in ("500", "429"):
            status, payload = (
                int(fault.kind),
                b"<html><body><h1>Service unavailable</h1></body></html>",
            )
            if fault.kind == "429" and fault.retry_after is not None:
                headers["Retry-After"] = str(int(fault.retry_after))
        elif fault is not None and fault.kind == "soft404":
            status, payload = 200, missing_page(lang).encode()
        elif fault is not None and fault.kind == "offsite":
            status, payload, headers["Location"] = 302, b"", "http://example.invalid/moved"
        etag = '"' + hashlib.sha256(payload).hexdigest()[:20] + '"'
        if status == 200 and fault is None:
            headers["ETag"] = etag
            if self.headers.get("If-None-Match") == etag:
                status, payload = 304, b""
        mirror.record(Hit(self.path, kind, status, fault.kind if fault else None))
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if fault is not None and fault.kind == "truncate":
                self.wfile.write(payload[: len(payload) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    mirror: Mirror


class Mirror:
    """The site served on ``host:port`` (port 0: any free port) until ``stop()``."""

    def __init__(
        self, site: Site, host: str = "127.0.0.1", port: int = 0, faults: list[Fault] | None = None
    ):
        self.site = site
        self.faults: list[Fault] = list(faults or [])
        self.hits: list[Hit] = []
        self.lock = threading.Lock()
        self._server = _Server((host, port), _Handler)
        self._server.mirror = self
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else host
        return f"http://{host}:{port}"

    def record(self, hit: Hit) -> None:
        with self.lock:
            self.hits.append(hit)

    def start(self) -> Mirror:
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="ccin-mirror", daemon=True
        )
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in this thread until interrupted (Ctrl-C), then close the socket."""
        try:
            self._server.serve_forever()
        finally:
            self._server.server_close()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> Mirror:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def route(
        self, path: str, query: str, lang: str, prefix: str, layout: bool
    ) -> tuple[str, int, str]:
        """(page kind, status, body) for a path without its language prefix."""
        site = self.site
        path = path.rstrip("/") or "/"
        if path == "/robots.txt":
            return "robots", 200, "User-agent: *\nDisallow: /content/download/\n"
        if m := re.fullmatch(r"/Journaux/(\d{4})", path):
            year = int(m[1])
            if site.first_year - 20 <= year <= site.last_year:
                return "year", 200, year_page(site, year, lang, prefix, layout)
        elif re.fullmatch(r"/Journaux/\d{4}/[^/]+", path) and path in site.by_path:
            return "issue", 200, sommaire_page(site.by_path[path], lang, prefix, layout)
        elif re.fullmatch(r"/Journaux/\d{4}/[^/]+/[^/]+", path) and path in site.articles:
            return "article", 200, article_page(site.articles[path], lang, layout)
        elif m := re.fullmatch(r"/content/search(?:/\(offset\)/(\d+))?", path):
            text = parse_qs(query).get("SearchText", [""])[0]
            return "search", 200, search_page(site, text, int(m[1] or 0), lang)
        elif path in ("/", "/Journaux"):
            return "other", 200, year_page(site, site.last_year, lang, prefix, layout)
        return "other", 404, missing_page(lang)
