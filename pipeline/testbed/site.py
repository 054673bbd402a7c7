"""The content of the loopback copy of the site: issues, articles, and where they sit.

``build_site(sample_dir)`` places every article page of ``sample_dir/*.html`` in its issue
and year (from the page's "N° journal" and "Date de publication"), among other acts it
writes itself: ordonnances, arrêtés citing a deliberation, a decision of the CCIN's
President, a controller's "décision de mise en œuvre", and a few issues holding no
deliberation. ``pipeline.testbed.pages`` renders it, ``pipeline.testbed.mirror`` serves it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from extractors.common.dates import MONTH_NAMES
from pipeline.testbed.sample import slugify
from scrapers.journal_de_monaco import parse_article_html

log = logging.getLogger("ccin.mirror")

FR_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def fr_date(d: date) -> str:
    return f"{FR_DAYS[d.weekday()].capitalize()} {d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


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
    href: str | None = None  # the link as the sommaire prints it, when not the path
    trap: str | None = None  # a hostile page (``pipeline.testbed.hostile.TRAPS``)
    nest: int = 0  # the page wrapped in this many ``nest_markup``s (a ``div`` by default)
    nest_markup: tuple[str, str] = ("<div>", "</div>")
    hidden: bool = False  # not published yet


@dataclass
class MirrorIssue:
    year: int
    segment: str
    number: int
    published_on: date
    articles: list[MirrorArticle] = field(default_factory=list)
    hidden: bool = False  # not published yet

    @property
    def path(self) -> str:
        return f"/Journaux/{self.year}/{self.segment}"


@dataclass
class Site:
    issues: list[MirrorIssue]
    first_year: int
    last_year: int

    def __post_init__(self) -> None:
        self.index()

    def index(self) -> None:
        """The lookups by path, again (after issues or articles were added)."""
        self.issues.sort(key=lambda i: (i.published_on, i.number))
        self.by_path = {i.path: i for i in self.issues}
        self.articles = {a.path: a for i in self.issues for a in i.articles}

    def deliberation_paths(self) -> list[str]:
        """The real deliberations, published or not yet."""
        return sorted(p for p, a in self.articles.items() if a.deliberation and not a.trap)

    def lookalike_paths(self) -> list[str]:
        return sorted(p for p, a in self.articles.items() if not a.deliberation and not a.trap)

    def issue(self, path: str) -> MirrorIssue | None:
        issue = self.by_path.get(path)
        return issue if issue is not None and not issue.hidden else None

    def article(self, path: str) -> MirrorArticle | None:
        art = self.articles.get(path)
        if art is None or art.hidden:
            return None
        return art if self.issue(path.rsplit("/", 1)[0]) is not None else None

    def reveal(self) -> list[str]:
        """Publish what was hidden; the paths that appeared."""
        shown = [i.path for i in self.issues if i.hidden]
        shown += [a.path for i in self.issues for a in i.articles if a.hidden]
        for i in self.issues:
            i.hidden = False
            for a in i.articles:
                a.hidden = False
        return shown


def _lookalikes(issue: MirrorIssue, cited: str | None, k: int) -> list[tuple[str, str, list[str]]]:
    """(heading, title, body) of the other acts of an issue; ``cited`` a deliberation title."""
    d = issue.published_on
    when = f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"
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
