"""Citations and request facts from the visas."""

from __future__ import annotations

from datetime import date

import pytest

from extractors import citations
from models.records import DeliberationFields

D = date.fromisoformat


@pytest.mark.parametrize(
    ("visa", "instrument", "number", "when"),
    [
        ("Vu la Constitution ;", "constitution", None, None),
        (
            "Vu la Convention Européenne de Sauvegarde des Droits de l'Homme et des Libertés Fondamentales du Conseil "
            "de l'Europe du 4 novembre 1950 ;",
            "convention",
            None,
            D("1950-11-04"),
        ),
        (
            "Vu la Convention n° 108 du Conseil de l'Europe du 28 janvier 1981 pour la protection des personnes ;",
            "convention",
            "108",
            D("1981-01-28"),
        ),
        (
            "Vu la Convention n° 108 du Conseil de l'Europe pour la protection des personnes ;",
            "convention",
            "108",
            None,
        ),
        (
            "Vu la loi n° 1.165 du 23 décembre 1993 relative à la protection des informations nominatives, modifiée ;",
            "loi",
            "1.165",
            D("1993-12-23"),
        ),
        (
            "Vu la loi n°1.383 du 2 août 2011 pour une Principauté Numérique ;",
            "loi",
            "1.383",
            D("2011-08-02"),
        ),
        (
            "Vu l'Ordonnance Souveraine n° 2.230 du 19 juin 2009 fixant les modalités d'application de la loi n° 1.165 "
            "du 23 décembre 1993, modifiée, susvisée ;",
            "ordonnance_souveraine",
            "2.230",
            D("2009-06-19"),
        ),
        (
            "Vu l'ordonnance-loi n° 674 du 3 novembre 1959 concernant l'urbanisme ;",
            "ordonnance_loi",
            "674",
            D("1959-11-03"),
        ),
        (
            "Vu l'arrêté ministériel n° 2022-331 du 13 juin 2022 portant application de l'article 23 de la loi "
            "n° 1.435 du 8 novembre 2016 ;",
            "arrete_ministeriel",
            "2022-331",
            D("2022-06-13"),
        ),
        (
            "Vu l'arrêté municipal n° 2019-561 du 14 février 2019 ;",
            "arrete_municipal",
            "2019-561",
            D("2019-02-14"),
        ),
        (
            "Vu la délibération n° 2011-82 du 21 octobre 2011 portant recommandation sur les principes européens ;",
            "deliberation",
            "2011-82",
            D("2011-10-21"),
        ),
        ("Vu le Code de la Mer ;", "other", None, None),
        (
            "Vu le Règlement (UE) n° 2016/679 du 27 avril 2016 ;",
            "other",
            "2016/679",
            D("2016-04-27"),
        ),
        (
            "Vu la loi n° 1.565 du 3 décembre 2024 relative à la protection des données personnelles ;",
            "loi",
            "1.565",
            D("2024-12-03"),
        ),
    ],
)
def test_citation(visa, instrument, number, when):
    cited = citations.citation(visa)
    assert cited is not None
    assert (cited.instrument, cited.number, cited.date) == (instrument, number, when)
    assert cited.raw == visa


@pytest.mark.parametrize(
    "visa",
    [
        "Vu la demande d'avis déposée par la Commune de Monaco, le 28 janvier 2021, concernant la mise en œuvre ;",
        "Vu la prorogation du délai d'examen de la présente demande d'avis notifiée le 26 mars 2021 ;",
        "Vu le rapport de la Commission de Contrôle des Informations Nominatives en date du 21 avril 2021 ;",
        "Vu le courrier du responsable de traitement du 3 mars 2020 ;",
    ],
)
def test_procedural_visas_cite_no_instrument(visa):
    assert citations.citation(visa) is None


def test_request_facts():
    text = "\n".join(
        [
            "Vu la Constitution ;",
            "Vu la demande d'avis présentée le 14 février 2022 par le Ministre d'État, concernant la mise en œuvre du "
            "traitement ayant pour finalité « Permettre la prise de rendez-vous en ligne » ;",
            "Vu la prorogation du délai d'examen de la présente demande d'avis notifiée au responsable de traitement le "
            "12 avril 2022, conformément à l'article 19 de l'Ordonnance Souveraine n° 2.230 du 19 juin 2009 ;",
            "Vu le rapport de la Commission en date du 20 avril 2022 ;",
        ]
    )
    out = citations.extract(text)
    assert out.fields == DeliberationFields(
        request_filed_on=D("2022-02-14"),
        purpose_requested="Permettre la prise de rendez-vous en ligne",
        extension_notified_on=D("2022-04-12"),
    )
    [cited] = out.tables["citations"]
    assert cited.instrument == "constitution"
    assert text[cited.start : cited.end] == "Vu la Constitution ;"


def test_request_date_is_not_a_cited_instrument_date():
    out = citations.extract(
        "Vu la demande d'avis déposée conformément à la loi n° 1.165 du 23 décembre 1993, le "
        "3 mars 2015 ;"
    )
    assert out.fields.request_filed_on == D("2015-03-03")


def test_visas_printed_in_one_paragraph():
    text = "Vu la Constitution ; Vu la loi n° 1.165 du 23 décembre 1993 ; Vu le rapport de la Commission ;"
    rows = citations.extract(text).tables["citations"]
    assert [(c.instrument, c.number) for c in rows] == [("constitution", None), ("loi", "1.165")]
    assert [text[c.start : c.end] for c in rows] == [
        "Vu la Constitution ;",
        "Vu la loi n° 1.165 du 23 décembre 1993 ;",
    ]


@pytest.mark.parametrize(
    ("visa", "cited_id"),
    [
        ("Vu la délibération n° 2011-82 du 21 octobre 2011 portant recommandation ;", "2011-82"),
        ("Vu la délibération n° 09-07 du 5 octobre 2009 portant avis favorable ;", "2009-7"),
        ("Vu la délibération n°2012-001 du 9 janvier 2012 ;", "2012-1"),
        ("Vu la recommandation n° 2015-113 du 18 novembre 2015 ;", "2015-113"),
        ("Vu l'arrêté ministériel n° 2022-331 du 13 juin 2022 ;", None),
        ("Vu la loi n° 1.165 du 23 décembre 1993 ;", None),
    ],
)
def test_cited_id_is_the_deliberation_id_of_a_cited_deliberation(visa, cited_id):
    cited = citations.citation(visa)
    assert cited is not None
    assert cited.cited_id == cited_id
