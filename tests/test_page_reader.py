"""Reading Journal de Monaco article pages: HTML and text renderings."""

from __future__ import annotations

from datetime import date

import pytest

from scrapers.journal_de_monaco import canonical_url, parse_article_html, parse_article_text

TITLE = "Délibération n° 2021-81 du 21 avril 2021 de la Commission de Contrôle des Informations Nominatives"


def page(
    body: str, meta: str = "", container: str = '<div class="article__content">{}</div>'
) -> str:
    return f"""<html><body><header><nav>Accueil Journaux</nav></header>
    <svg><symbol><title>icon-summary</title></symbol></svg>
    <h1>{TITLE}</h1><ul>{meta}</ul>{container.format(body)}
    <div><a>Imprimer l'article</a></div><div><a>Article précédent</a> <a>Retour au sommaire</a></div>
    <footer><p>Tous droits reservés Monaco 2016</p><p>Version 2018.11.07.14</p></footer></body></html>"""


FR_META = """<li class="meta"><span class="meta__label">N° journal</span><span class="meta__value">8547</span></li>
<li class="meta"><span class="meta__label">Date de publication</span><span class="meta__value">16/07/2021</span></li>
<li class="meta"><span class="meta__label">Qualité</span><span class="meta__value">96.67%</span></li>
<li class="meta"><span class="meta__label">N° de page</span><span class="meta__value">1234</span></li>"""
EN_META = """<li class="meta"><span class="meta__label">No. Journal</span> <span class="meta__value">8720</span></li>
<li class="meta"><span class="meta__label">Date of publication</span> <span class="meta__value">08/11/2024</span></li>
<li class="meta"><span class="meta__label">Quality</span> <span class="meta__value">100%</span></li>
<li class="meta"><span class="meta__label">Page no.</span> <span class="meta__value"></span></li>"""


def test_metadata_in_french_and_english():
    fr, _ = parse_article_html(page("<p>Vu la Constitution ;</p>", FR_META))
    assert (fr.journal_number, fr.published_on, fr.ocr_quality, fr.page) == (
        8547,
        date(2021, 7, 16),
        0.9667,
        1234,
    )
    en, _ = parse_article_html(page("<p>Vu la Constitution ;</p>", EN_META))
    assert (en.journal_number, en.published_on, en.ocr_quality, en.page) == (
        8720,
        date(2024, 11, 8),
        1.0,
        None,
    )
    assert en.title == TITLE


def test_inline_elements_join_without_breaking_words():
    body = (
        '<p style="text-align: justify;">Vu la loi n°\u00a01.165 du 1<sup>er</sup> août, de M. <span>Jean</span> '
        "<span class='nom'>DUPONT</span>, mo<em>di</em>fiée ;</p>\n<p>Suite\n   du texte</p>"
    )
    article, warnings = parse_article_html(page(body, FR_META))
    assert article.body.split("\n") == [
        "Vu la loi n°\u00a01.165 du 1er août, de M. Jean DUPONT, modifiée ;",
        "Suite du texte",
    ]
    assert warnings == []
    assert article.layout == "article__content"


def test_lists_and_div_body():
    body = "<p>Sont traitées :</p><ul><li>identité : nom ;</li><li>- adresse</li></ul>"
    article, _ = parse_article_html(page(body, container='<div class="body">{}</div>'))
    assert article.body.split("\n") == ["Sont traitées :", "• identité : nom ;", "- adresse"]
    assert article.layout == "body"
    assert not article.has_metadata


def test_unknown_layout_reads_the_page_and_warns():
    article, warnings = parse_article_html(
        page("<p>Vu la Constitution ;</p>", FR_META, container="<section>{}</section>")
    )
    assert article.body == "Vu la Constitution ;"
    assert article.layout == "fallback"
    assert warnings


def test_page_without_h1_takes_its_first_line():
    html = (
        '<html><body><div class="article__content"><p>'
        + TITLE
        + "</p><p>Vu la Constitution ;</p></div></body></html>"
    )
    article, warnings = parse_article_html(html)
    assert article.title == TITLE
    assert article.body == "Vu la Constitution ;"
    assert warnings


def test_bytes_in_windows_1252_are_decoded():
    html = page("<p>Vu la d\xe9lib\xe9ration ;</p>").encode("cp1252", "replace")
    html = html.replace(b"<html>", b'<html><head><meta charset="windows-1252"></head>')
    article, _ = parse_article_html(html)
    assert article.body == "Vu la d\xe9lib\xe9ration ;"


SPRITE = "icon-summary icon-grid list icon-caret-left icon-caret-right icon-preview icon-tooltip icon-download"


def test_text_rendering_like_the_seeds():
    text = f"""{SPRITE}

{TITLE}

  • N° journal 8547
  • Date de publication 16/07/2021
  • Qualité 100%
  • N° de page

Vu la Constitution ;

Imprimer l'article
Article précédent Retour au sommaire Article suivant

Tous droits reservés Monaco 2016
Version 2018.11.07.14"""
    article = parse_article_text(text)
    assert article.title == TITLE
    assert article.body == "Vu la Constitution ;"
    assert (article.journal_number, article.published_on, article.ocr_quality, article.page) == (
        8547,
        date(2021, 7, 16),
        1.0,
        None,
    )


def test_text_rendering_without_sprite_nor_metadata():
    article = parse_article_text(f"{TITLE}\nVu la Constitution ;\nVu la loi n° 1.165 du 23 déc")
    assert article.title == TITLE
    assert article.body == "Vu la Constitution ;\nVu la loi n° 1.165 du 23 déc"
    assert not article.has_metadata


def test_text_rendering_with_a_wrapped_title():
    text = f"{SPRITE}\n{TITLE[:40]}\n{TITLE[41:]}\n  • No. Journal 8720\n  • Date of publication 08/11/2024\nVu la Constitution ;"
    article = parse_article_text(text)
    assert article.title == TITLE
    assert article.journal_number == 8720


@pytest.mark.parametrize(
    "url",
    [
        "https://journaldemonaco.gouv.mc/Journaux/2021/Journal-8547/Deliberation-n-2021-81",
        "/Journaux/2021/Journal-8547/Deliberation-n-2021-81",
        "https://journaldemonaco.gouv.mc/en/Journaux/2021/Journal-8547/Deliberation-n-2021-81",
        "https://journaldemonaco.gouv.mc/fr/Journaux/2021/Journal-8547/Deliberation-n-2021-81/",
        "https://journaldemonaco.gouv.mc/switchlanguage/to/jdm/Journaux/2021/Journal-8547/Deliberation-n-2021-81",
        "https://JournalDeMonaco.gouv.mc/en/switchlanguage/to/jdm_eng/Journaux/2021/Journal-8547/Deliberation-n-2021-81?x=1#top",
        "http://journaldemonaco.gouv.mc/Journaux/2021/Journal-8547/Deliberation-n-2021-81",
        "https://www.journaldemonaco.gouv.mc/fr/Journaux/2021/Journal-8547/Deliberation-n-2021-81",
    ],
)
def test_canonical_url(url):
    assert (
        canonical_url(url)
        == "https://journaldemonaco.gouv.mc/Journaux/2021/Journal-8547/Deliberation-n-2021-81"
    )


def test_another_sites_query_string_tells_its_pages_apart():
    a = canonical_url("https://www.legimonaco.mc/entity/x?page=2#top")
    b = canonical_url("https://www.legimonaco.mc/entity/x?page=3")
    assert (a, b) == (
        "https://www.legimonaco.mc/entity/x?page=2",
        "https://www.legimonaco.mc/entity/x?page=3",
    )


def test_a_saved_page_keeps_its_canonical_address():
    html = page("<p>Vu la Constitution ;</p>").replace(
        "<html>",
        '<html><head><link rel="canonical" href="/en/Journaux/2021/Journal-8547/D-2021-81"></head>',
    )
    article, _ = parse_article_html(html)
    assert article.url == "https://journaldemonaco.gouv.mc/Journaux/2021/Journal-8547/D-2021-81"
    assert (
        parse_article_html(html, url="https://x.test/Journaux/1")[0].url
        == "https://x.test/Journaux/1"
    )


def test_comments_scripts_and_declarations_give_no_text():
    html = '<?xml version="1.0" encoding="utf-8"?>\n' + page(
        "<p>Vu la <!-- note --> Constitution<script>var x = 1;</script> ;</p>"
        "<p>Seconde\x00 ligne<style>p {}</style></p>",
        FR_META,
    ).replace(f"<h1>{TITLE}</h1>", f"<h1>{TITLE}<!-- fin --><script>t()</script></h1>")
    article, warnings = parse_article_html(html)
    assert article.title == TITLE
    assert article.body.split("\n") == ["Vu la Constitution ;", "Seconde ligne"]
    assert (article.layout, article.journal_number, warnings) == ("article__content", 8547, [])


def test_a_page_longer_than_libxml2s_text_limit_is_read_whole():
    # libxml2 cuts a text node at 10 MB unless told otherwise: the page must not come out empty
    sentence = "Le responsable de traitement indique que les données sont chiffrées. "
    article, _ = parse_article_html(page(f"<p>{sentence * 160_000}</p>"))
    assert len(article.body) == len(sentence.strip()) + (len(sentence) * 159_999)
