"""The listing parsers of scrapers/journal_de_monaco.py, on HTML strings (no network)."""

from __future__ import annotations

from datetime import date

import pytest

from scrapers.journal_de_monaco import (
    SITE,
    is_missing_page,
    parse_search_results,
    parse_sommaire,
    parse_year_listing,
    search_next_page,
)

YEAR_2021 = """<html><body>
<nav><a href="/Journaux/2020">2020</a> <a href="/Journaux/2022">2022</a></nav>
<ul class="journal-list">
  <li><a href="/Journaux/2021/Journal-8546">Vendredi 9 juillet 2021</a></li>
  <li><a href="/fr/Journaux/2021/Journal-8547">Vendredi 16&nbsp;juillet 2021</a></li>
  <li><a href="/en/Journaux/2021/Journal-8547"></a></li>
  <li><a href="https://example.org/Journaux/2021/Journal-9999">ailleurs</a></li>
  <li><a href="/Journaux/2021/Journal-85482">Vendredi 23 juillet 2021</a></li>
</ul></body></html>"""


def test_year_listing_gives_each_issue_once_newest_first() -> None:
    refs = parse_year_listing(YEAR_2021)
    assert [r.url for r in refs] == [
        f"{SITE}/Journaux/2021/Journal-85482",  # an opaque id, not the number (site.md)
        f"{SITE}/Journaux/2021/Journal-8547",  # /fr/ and /en/ links are one issue
        f"{SITE}/Journaux/2021/Journal-8546",
    ]
    assert refs[1].published_on == date(2021, 7, 16)
    assert refs[1].label == "Vendredi 16 juillet 2021"
    assert refs[0].segment == "Journal-85482"
    assert all(r.year == 2021 for r in refs)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Vendredi 1er octobre 2010", date(2010, 10, 1)),  # French UI, "1er"
        ("Friday 16 July 2021", date(2021, 7, 16)),  # English UI
        ("July 16, 2021", date(2021, 7, 16)),
        ("16/07/2021", date(2021, 7, 16)),
        ("Journal 8547", None),  # no date printed: ordered by its id
    ],
)
def test_year_listing_reads_the_date_in_the_link(label: str, expected: date | None) -> None:
    html = f'<a href="/Journaux/2021/Journal-8547">{label}</a>'
    assert parse_year_listing(html)[0].published_on == expected


def test_year_listing_relative_to_a_mirror() -> None:
    base = "http://127.0.0.1:8765"
    refs = parse_year_listing('<a href="/Journaux/2024/Journal-8720">8 novembre 2024</a>', base)
    assert refs[0].url == f"{base}/Journaux/2024/Journal-8720"
    # a link to the real site from a mirror is off-site
    assert parse_year_listing(f'<a href="{SITE}/Journaux/2024/Journal-1">x</a>', base) == []


SOMMAIRE = """<html><body>
<header><nav><a href="/Journaux/2021/Journal-8547/Menu-article">Menu</a></nav></header>
<h1>Journal n° 8547</h1>
<h2>Ordonnances Souveraines</h2>
<ul><li class="u-no-bullet"><a href="/Journaux/2021/Journal-8547/Ordonnance-Souveraine-n-8-700">
  Ordonnance Souveraine n° 8.700 du 9 juillet 2021 portant nomination</a></li></ul>
<h2>Avis et Communiqués</h2>
<ul>
 <li class="u-no-bullet"><a href="/switchlanguage/to/jdm/Journaux/2021/Journal-8547/Deliberation-n-2021-81-du-21">
  Délibération n° 2021-81 du 21 avril 2021 de la Commission de Contrôle des Informations Nominatives portant avis favorable</a></li>
 <li class="u-no-bullet"><a href="/en/switchlanguage/to/jdm_eng/Journaux/2021/Journal-8547/Deliberation-n-2021-81-du-21">doublon</a></li>
 <li class="u-no-bullet"><a href="/Journaux/2020/Journal-8500/Deliberation-n-2020-170">
  Délibération n° 2020-170 du 16 décembre 2020</a></li>
 <li class="u-no-bullet"><a href="/Journaux/2021/Journal-8547">back to the issue</a></li>
</ul>
<footer><a href="/Journaux/2021/Journal-8547/Mentions-legales">Mentions</a></footer>
</body></html>"""


def test_sommaire_gives_titles_headings_and_canonical_urls() -> None:
    refs = parse_sommaire(SOMMAIRE)
    assert [(r.heading, r.title[:24]) for r in refs] == [
        ("Ordonnances Souveraines", "Ordonnance Souveraine n°"),
        ("Avis et Communiqués", "Délibération n° 2021-81 "),
        # an issue page may link an article under the previous year's path (site.md)
        ("Avis et Communiqués", "Délibération n° 2020-170"),
    ]
    assert refs[1].url == f"{SITE}/Journaux/2021/Journal-8547/Deliberation-n-2021-81-du-21"
    assert refs[1].issue_url == f"{SITE}/Journaux/2021/Journal-8547"
    assert refs[2].issue_url == f"{SITE}/Journaux/2020/Journal-8500"


CHANGED_LAYOUT = """<html><body>
<nav><a href="/Journaux/2024/Journal-8720/Plan-du-site">Plan</a></nav>
<section class="summary">
 <h3 class="summary__category">Arrêtés Ministériels</h3>
 <div class="summary__item"><a href="/Journaux/2024/Journal-8720/Arrete-Ministeriel-n-2024-1">Arrêté Ministériel n° 2024-1</a></div>
 <h3 class="summary__category">Informations</h3>
 <div class="summary__item"><a href="/fr/Journaux/2024/Journal-8720/Deliberation-n-2024-165"
   title="Délibération n° 2024-165 du 11 septembre 2024"></a></div>
</section></body></html>"""


def test_sommaire_in_a_changed_layout_still_yields_the_articles() -> None:
    refs = parse_sommaire(CHANGED_LAYOUT)
    assert [(r.heading, r.title) for r in refs] == [
        ("Arrêtés Ministériels", "Arrêté Ministériel n° 2024-1"),
        ("Informations", "Délibération n° 2024-165 du 11 septembre 2024"),  # from title=""
    ]


def test_sommaire_without_articles_is_empty() -> None:
    assert parse_sommaire("<html><body><h2>Rien</h2><p>Pas de lien</p></body></html>") == []
    assert parse_sommaire("") == []


SEARCH = """<html><body><div class="search-results" data-offset="15">
<div class="search-results__content">
 <a class="result-item" href="/Journaux/2022/Journal-8588/Deliberation-n-2022-62">
   <div class="result-item__title">Délibération n° 2022-62 du 20 avril 2022</div>
   <div class="result-item__date">29/04/2022</div></a>
 <a class="result-item" href="/en/Journaux/2022/Journal-8588/Deliberation-n-2022-62">
   <div class="result-item__title">Délibération n° 2022-62 du 20 avril 2022</div></a>
 <a class="result-item" href="/content/search?SearchText=x">not an article</a>
</div>
<a href="/content/search/(offset)/0?SearchText=CCIN">Précédent</a>
<a href="/content/search/(offset)/30?SearchText=CCIN">Suivant</a>
<a href="/content/search/(offset)/45?SearchText=CCIN">4</a>
</div></body></html>"""


def test_search_results_and_next_page() -> None:
    refs = parse_search_results(SEARCH)
    assert [(r.url, r.title) for r in refs] == [
        (
            f"{SITE}/Journaux/2022/Journal-8588/Deliberation-n-2022-62",
            "Délibération n° 2022-62 du 20 avril 2022",
        )
    ]
    assert search_next_page(SEARCH) == f"{SITE}/content/search/(offset)/30?SearchText=CCIN"
    assert search_next_page(SEARCH.replace("(offset)/30", "(offset)/0")) == (
        f"{SITE}/content/search/(offset)/45?SearchText=CCIN"
    )
    assert search_next_page("<html></html>") is None


@pytest.mark.parametrize(
    ("html", "missing"),
    [
        ("<html><head><title>Erreur 404 - Journal de Monaco</title></head><body></body></html>", True),
        ("<html><body><h1>Erreur 404</h1><p>La page demandée n'existe pas.</p></body></html>", True),
        ("<html><body><h1>Error 404</h1></body></html>", True),
        ("<html><body><div><p>Page introuvable</p></div></body></html>", True),
        ("<html><body><h1>Délibération n° 2021-81</h1><li class='meta'>x</li>"
         "<div class='article__content'><p>… l'erreur 404 affichée aux usagers …</p></div></body></html>", False),
        ("<html><body><h1>Délibération n° 2021-81 du 21 avril 2021</h1></body></html>", False),
    ],
)  # fmt: skip
def test_soft_404(html: str, missing: bool) -> None:
    assert is_missing_page(html) is missing
