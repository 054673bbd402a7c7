"""The hostile mode of the loopback copy: the faults a real site and network can throw.

``make_hostile(site)`` adds to the newest issue that holds deliberations, under titles
that read as deliberations (so that a run fetches them):

- links a run must not follow: to other hosts (absolute and protocol-relative),
  ``javascript:``, an href with raw control characters, a 70,000-character slug;
- pages that answer ``302 Location: javascript:…`` or a ``Location`` with a control
  character, and pages that drip their bytes (the body, or the status line already);

and it wraps the newest real deliberation in 100,000 nested ``div``s, and the one before
it in 100,000 nested tables (``<table><tr><td>``: no plain wrapper). It also writes two
real deliberations that are not published yet (``Site.reveal()`` publishes them): one in
an issue dated just before the newest one (it appears *under* a newer issue) and one
added to the newest issue (an issue already read). The site going down, robots.txt
answering 500 and a host name that does not resolve are switched on the ``Mirror``
(``down()``/``up()``, ``robots_status``) and in the client's resolver by the tests.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import timedelta
from http.server import BaseHTTPRequestHandler

from extractors.common.dates import MONTH_NAMES
from pipeline.testbed.sample import article_html, slugify
from pipeline.testbed.site import MirrorArticle, MirrorIssue, Site

#: Trap pages: how each answers.
TRAPS = ("js-redirect", "ctl-redirect", "drip", "drip-head")
#: Links a run must not follow, as the sommaire prints them (``{issue}``: the issue path).
BAD_LINKS = {
    "other-host": "https://elsewhere.example{issue}/Deliberation-n-autre-hote",
    "protocol-relative": "//elsewhere.example{issue}/Deliberation-n-sans-schema",
    "javascript": "javascript:window.location='{issue}/Deliberation-n-script'",
    "control-characters": "{issue}/Deliberation-n-\x01\x08\x1b-controle",
    "long-slug": "{issue}/" + "Deliberation-tres-longue-" * 2800,  # 70,000 characters
}
NESTING = 100_000
BODY = (
    "Vu la Constitution ;",
    "Vu la loi n° 1.165 du 23 décembre 1993 relative à la protection des informations "
    "nominatives ;",
    "La Commission,",
    "I. Sur la finalité et les fonctionnalités du traitement",
    "Le traitement a pour finalité la gestion demandée.",
    "Après en avoir délibéré, la Commission :",
    "émet un avis favorable à la mise en œuvre du traitement.",
)


@dataclass(frozen=True)
class HostileParts:
    """Where the hostile mode put things (canonical paths)."""

    traps: tuple[str, ...]  # pages and links that are not deliberations
    nested: str  # a real deliberation, 100,000 divs deep
    nested_tables: str  # another, 100,000 tables deep
    late_issue: str  # published later, under a newer issue
    late_article: str  # added later to the newest issue


def _title(year: int, seq: int, day: str, what: str) -> str:
    return (
        f"Délibération n° {year}-{seq} du {day} de la Commission de Contrôle des Informations "
        "Nominatives portant avis favorable à la mise en œuvre du traitement automatisé "
        f"d'informations nominatives ayant pour finalité « {what} »"
    )


def _deliberation(issue: MirrorIssue, seq: int, what: str) -> MirrorArticle:
    d = issue.published_on - timedelta(days=10)
    title = _title(d.year, seq, f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}", what)
    meta = (str(issue.number), issue.published_on.strftime("%d/%m/%Y"), "100%", "")
    html = article_html(title, list(BODY), meta)
    path = f"{issue.path}/{slugify(title)}"
    return MirrorArticle(path, title, "Avis et Communiqués", True, html, hidden=True)


def make_hostile(site: Site) -> HostileParts:
    """Add the traps and the late deliberations to ``site`` (see the module doc)."""
    newest = max(
        (i for i in site.issues if any(a.deliberation for a in i.articles)),
        key=lambda i: (i.published_on, i.number),
    )
    traps: list[str] = []
    year, heading = newest.year, "Avis et Communiqués"
    for k, trap in enumerate(TRAPS):
        title = _title(year, 900 + k, f"1 mars {year}", f"Piège {trap}")
        path = f"{newest.path}/Piege-{trap}"
        newest.articles.append(MirrorArticle(path, title, heading, True, trap=trap))
        traps.append(path)
    for k, (name, href) in enumerate(BAD_LINKS.items()):
        title = _title(year, 950 + k, f"2 mars {year}", f"Lien piégé {name}")
        path = f"{newest.path}/Lien-{name}"
        link = href.format(issue=newest.path)
        newest.articles.append(MirrorArticle(path, title, heading, True, href=link, trap="link"))
        traps.append(path)
    nested = max(
        (a for a in newest.articles if a.deliberation and not a.trap), key=lambda a: a.path
    )
    nested.nest = NESTING
    tables = max(
        (
            a
            for i in site.issues
            if i is not newest
            for a in i.articles
            if a.deliberation and not a.trap
        ),
        key=lambda a: a.path,
    )
    tables.nest, tables.nest_markup = NESTING, ("<table><tr><td>", "</td></tr></table>")

    numbers = {i.number for i in site.issues}
    number = newest.number - 1
    while number in numbers:
        number -= 1
    late = MirrorIssue(year, f"Journal-{number}", number, newest.published_on - timedelta(days=3))
    if late.published_on.year != year:
        late.published_on = newest.published_on
    late.hidden = True
    late.articles.append(_deliberation(late, 700, "Gestion des badges d'accès"))
    late.articles[0].hidden = False  # published with its issue
    site.issues.append(late)
    added = _deliberation(newest, 701, "Gestion des rendez-vous en ligne")
    newest.articles.append(added)
    site.index()
    return HostileParts(tuple(traps), nested.path, tables.path, late.path, added.path)


def respond(handler: BaseHTTPRequestHandler, trap: str, page: bytes, interval: float) -> None:
    """Answer a trap page's request (the handler's connection is closed after)."""
    handler.close_connection = True
    if trap in ("js-redirect", "ctl-redirect"):
        target = "javascript:alert(document.cookie)" if trap == "js-redirect" else "/Journaux/\x01x"
        handler.wfile.write(
            f"HTTP/1.1 302 Found\r\nLocation: {target}\r\nContent-Length: 0\r\n\r\n".encode()
        )
        return
    head = (
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(page)}\r\n\r\n"
    ).encode()
    if trap == "drip":
        handler.wfile.write(head)
        head = b""
    for byte in [head[i : i + 1] for i in range(len(head))] + [
        page[i : i + 1] for i in range(len(page))
    ]:
        handler.wfile.write(byte)
        handler.wfile.flush()
        time.sleep(interval)
