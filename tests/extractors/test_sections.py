"""The section splitter: kinds from the headings' meaning, offsets that tile the text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.sections import split_sections
from extractors.vocab.headings import heading_kind
from models.enums import SectionKind

K = SectionKind


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Sur la finalité et les fonctionnalités du traitement", K.PURPOSE),
        ("Sur la finalité du traitement", K.PURPOSE),
        ("Sur la licéité et la justification du traitement", K.LAWFULNESS),
        ("Sur la justification du traitement", K.LAWFULNESS),
        ("Sur les informations traitées", K.DATA),
        ("Sur les informations nominatives traitées", K.DATA),
        ("Sur les données traitées", K.DATA),
        ("Sur les droits des personnes concernées", K.RIGHTS),
        ("Sur l'information des personnes concernées et l'exercice de leurs droits", K.RIGHTS),
        ("Sur les personnes ayant accès au traitement", K.RECIPIENTS),
        ("Sur les destinataires et les personnes ayant accès au traitement", K.RECIPIENTS),
        ("Sur les destinataires des informations", K.RECIPIENTS),
        ("Sur les rapprochements et interconnexions", K.INTERCONNECTIONS),
        ("Sur les interconnexions et rapprochements", K.INTERCONNECTIONS),
        (
            "Sur les rapprochements et les interconnexions avec d'autres traitements",
            K.INTERCONNECTIONS,
        ),
        ("Sur la sécurité du traitement et des informations", K.SECURITY),
        ("Sur la sécurité et la confidentialité du traitement", K.SECURITY),
        ("Sur la durée de conservation", K.RETENTION),
        ("Sur les durées de conservation des informations", K.RETENTION),
        ("SUR LA DUREE DE CONSERVATION", K.RETENTION),
        # the rights named by one of them (plural "droits d'accès" too)
        ("Sur les droits d'accès des personnes concernées", K.RIGHTS),
        ("Sur les droits d'accès et de rectification", K.RIGHTS),
        ("Sur le droit d'opposition des personnes concernées", K.RIGHTS),
        # … but access *to the processing* is who may use it
        ("Sur les droits d'accès au traitement", K.RECIPIENTS),
    ],
)
def test_heading_kind(heading, kind):
    assert heading_kind(heading) == kind


def _doc(*lines: str) -> str:
    return "\n".join(["Délibération n° 2020-1 du 1er janvier 2020 portant avis favorable", *lines])


@pytest.mark.parametrize(
    "heading",
    [
        "I. Sur la finalité",
        "I.Sur la finalité",
        "I -  Sur la finalité",
        "I) Sur la finalité",
        "I. - Sur la finalité",
        "I – Sur la finalité",
        "I : Sur la finalité",
        "I.  SUR LA FINALITE DU TRAITEMENT",
        "I/ Sur la finalité",
    ],
)
def test_heading_spacing_and_punctuation(heading):
    sections, _ = split_sections(
        _doc("Vu la Constitution ;", heading, "Le traitement a pour finalité X.")
    )
    assert [s.kind for s in sections] == [K.VISAS, K.PURPOSE]
    assert sections[1].numeral == "I"
    assert sections[1].heading == heading
    assert sections[1].text == "Le traitement a pour finalité X."


def test_kind_follows_meaning_not_numeral():
    doc = _doc(
        "Vu la loi n° 1.165 ;",
        "La Commission de Contrôle des Informations Nominatives,",
        "Préambule",
        "Texte du préambule.",
        "I. Sur la finalité et les fonctionnalités du traitement",
        "a",
        "V. Sur les personnes ayant accès au traitement",
        "b",
        "VI. Sur la sécurité du traitement et des informations",
        "c",
        "VII. Sur la durée de conservation",
        "d",
        "IX. Sur le transfert des informations vers un pays tiers",
        "e",
        "Après en avoir délibéré, la Commission :",
        "émet un avis favorable.",
    )
    sections, issues = split_sections(doc)
    assert [(s.kind, s.numeral) for s in sections] == [
        (K.VISAS, None),
        (K.PREAMBLE, None),
        (K.PURPOSE, "I"),
        (K.RECIPIENTS, "V"),
        (K.SECURITY, "VI"),
        (K.RETENTION, "VII"),
        (K.OTHER, "IX"),
        (K.DECISION, None),
    ]
    assert sections[1].heading == "Préambule"
    assert sections[1].text == "Texte du préambule."
    codes = {i.code for i in issues}
    assert {"missing_sections", "unknown_heading"} <= codes


@pytest.mark.parametrize(
    ("heading", "numeral", "kind"),
    [
        # digitised issues: OCR reads "I" as "l" in numerals, before "Sur …" only
        ("Il. - Sur la licéité et la justification du traitement", "II", K.LAWFULNESS),
        ("Ill. Sur les informations traitées", "III", K.DATA),
        ("VIl. Sur la durée de conservation", "VII", K.RETENTION),
        ("l. Sur la finalité du traitement", "I", K.PURPOSE),
    ],
)
def test_ocr_numerals(heading, numeral, kind):
    sections, _ = split_sections(_doc("Vu la Constitution ;", heading, "texte"))
    assert [(s.kind, s.numeral) for s in sections] == [(K.VISAS, None), (kind, numeral)]


@pytest.mark.parametrize(
    "line",
    [
        "Il. Le traitement est justifié.",
        "Il est indiqué que la finalité est déterminée.",
        "VIl. Finalité",
    ],
)
def test_ocr_numerals_need_sur(line):
    sections, _ = split_sections(_doc("Vu la Constitution ;", line))
    assert [s.kind for s in sections] == [K.VISAS, K.PREAMBLE]


def test_headings_without_numerals():
    # an HTML list's numbering lost: "Sur …" alone on its line; the rights' sub-headings
    # (same kind) stay inside; a "Vu ce qui précède" line later does not extend the visas
    doc = _doc(
        "Vu la Constitution ;",
        "La Commission de Contrôle des Informations Nominatives,",
        "Sur la finalité et les fonctionnalités du traitement",
        "a",
        "Sur les droits des personnes concernées",
        "Sur l'information préalable des personnes concernées",
        "b",
        "Sur l'exercice du droit d'accès",
        "Vu ce qui précède, la Commission considère que ces modalités sont conformes.",
        "Sur la durée de conservation",
        "Sur la durée de conservation, la Commission observe que …",
        "Après en avoir délibéré, la Commission émet un avis favorable.",
    )
    sections, issues = split_sections(doc)
    assert [(s.kind, s.numeral) for s in sections] == [
        (K.VISAS, None),
        (K.PREAMBLE, None),
        (K.PURPOSE, None),
        (K.RIGHTS, None),
        (K.RETENTION, None),
        (K.DECISION, None),
    ]
    assert sections[3].heading == "Sur les droits des personnes concernées"
    assert "unnumbered_headings" in {i.code for i in issues}


@pytest.mark.parametrize(
    "lines",
    [
        # one "Sur …" line is not a layout: it needs two kinds
        ["Sur la finalité et les fonctionnalités du traitement", "a"],
        # a numbered document: unnumbered lines stay text
        ["I. Sur la finalité", "a", "Sur la durée de conservation", "b"],
    ],
)
def test_unnumbered_headings_only_as_a_layout(lines):
    sections, _ = split_sections(_doc("Vu la Constitution ;", *lines))
    assert not [
        s for s in sections if s.kind is K.RETENTION or (s.kind is K.PURPOSE and s.numeral is None)
    ]


def test_sub_headings_with_bullets_are_not_sections():
    doc = _doc(
        "Vu la Constitution ;",
        "IV. Sur les droits des personnes concernées",
        "• Sur l'information préalable des personnes concernées",
        "texte",
        "> Sur l'exercice du droit d'accès",
        "texte",
    )
    sections, _ = split_sections(doc)
    assert [s.kind for s in sections] == [K.VISAS, K.RIGHTS]


def test_truncated_page_keeps_what_it_has_and_says_so():
    doc = _doc("Vu la Constitution ;", "Vu la loi n° 1.165 du 23 décembre 1993 relative à la prot")
    sections, issues = split_sections(doc)
    assert [s.kind for s in sections] == [K.VISAS]
    assert "no_closing" in {i.code for i in issues}


def test_missing_closing_formula_falls_back_to_the_opinion():
    doc = _doc(
        "Vu la Constitution ;",
        "I. Sur la finalité",
        "x",
        "Sous le bénéfice de la prise en compte de ce qui précède,",
        "la Commission de Contrôle des Informations Nominatives émet un avis favorable.",
    )
    sections, issues = split_sections(doc)
    assert sections[-1].kind == K.DECISION
    assert sections[-1].text.startswith("Sous le bénéfice")
    assert "no_deliberation_formula" in {i.code for i in issues}


def test_missing_closing_formula_opinion_over_three_lines():
    doc = _doc(
        "Vu la Constitution ;",
        "I. Sur la finalité",
        "x",
        "Sous le bénéfice de la prise en compte de ce qui précède,",
        "l'Autorité de Protection des Données Personnelles,",
        "émet un avis favorable.",
        "Le Président",
    )
    sections, _ = split_sections(doc)
    assert sections[-1].kind == K.DECISION
    assert sections[-1].text.startswith("Sous le bénéfice")


def test_missing_closing_formula_verb_led_opinion():
    doc = _doc(
        "Vu la Constitution ;",
        "I. Sur la finalité",
        "x",
        "Rappelle que y ;",
        "Émet un avis défavorable à la mise en œuvre du traitement.",
    )
    sections, _ = split_sections(doc)
    assert sections[-1].kind == K.DECISION
    assert sections[-1].text.startswith("Émet un avis")


def test_empty_body():
    sections, issues = split_sections("Délibération n° 2020-1")
    assert sections == []
    assert issues[0].code == "no_body"


LINE = st.one_of(
    st.sampled_from(
        [
            "Vu la Constitution ;",
            "I. Sur la finalité",
            "II. Sur la licéité",
            "Préambule",
            "VIII. Sur la durée",
            "Après en avoir délibéré, la Commission :",
            "• Sur l'information",
            "VI. Sur les interconnexions",
            "La Commission émet un avis favorable.",
            "- item ;",
            "IX. Sur autre chose",
        ]
    ),
    st.text(
        alphabet=st.characters(blacklist_characters="\n", blacklist_categories=["Cs"]),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool),
)


@settings(max_examples=300)
@given(st.lists(LINE, max_size=30))
def test_splitter_never_loses_duplicates_or_reorders_text(lines):
    text = "\n".join(["Délibération n° 2020-1", *lines])
    sections, _ = split_sections(text)
    if not sections:
        return
    # consecutive, ordered, separated by exactly one newline, to the end of the text
    assert "\n".join(text[s.start : s.end] for s in sections) == text[sections[0].start :]
    for s in sections:
        assert s.start <= s.body_start <= s.end
        assert s.text == text[s.body_start : s.end]
    # nothing of the body before the first section is lost
    assert text[: sections[0].start].count("\n") == 1
