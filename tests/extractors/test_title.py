"""Titles of every period, annotated inline.

Each case is a title as printed with its parts marked by the field of ``TitleInfo`` they
fill (the syntax: ``pipeline/testbed/annotations.py``): ``<number_as_printed>`` the
number, ``<adopted_on>`` the adoption date, ``<purpose>`` the finalité (inside its
guillemets), ``<system_name>``, ``<operator>``, ``<controller>``, ``<representative>`` (of a
foreign controller); a field not marked is null. The values that are not words of the title
(decision, authority, modification, the adoption date as ISO) are given after it. A lawyer
adding a case copies a title from the Journal and marks it the same way.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.common.normalise import normalise_line
from extractors.title import TitleError, classify_body, classify_title, parse_title
from models.records import NotADeliberation, TitleInfo
from pipeline.testbed.annotations import parse


def case(
    marked: str,
    *,
    id: str,
    decision: str | None = "avis_favorable",
    authority: str = "CCIN",
    modification: bool = False,
    adopted: str | None = None,
):
    return pytest.param(marked, id, decision, authority, modification, adopted, id=id)


DELIBERATIONS = [
    # 2009–2011: no authority named, two-digit years, "sur la demande présentée par"
    case(
        "Délibération n° <number_as_printed>09-07</number_as_printed> du <adopted_on>5 octobre "
        "2009</adopted_on> portant avis favorable sur la demande présentée par le "
        "<controller>Maire de Monaco</controller> relative au traitement automatisé ayant pour "
        "finalité «<purpose>sommier de la nationalité</purpose>»",
        id="2009-7",
        adopted="2009-10-05",
    ),
    case(
        "Délibération n° <number_as_printed>2009-04</number_as_printed> du <adopted_on>10 "
        "septembre 2009</adopted_on> portant avis favorable sur la demande présentée par la "
        "<controller>Caisse de Compensation des Services Sociaux</controller> relative à la mise "
        "en œuvre du traitement automatisé d'informations nominatives ayant pour finalité « "
        "<purpose>Gestion des prestations familiales</purpose> »",
        id="2009-4",
        adopted="2009-09-10",
    ),
    case(
        "Délibération n° <number_as_printed>10-13</number_as_printed> du <adopted_on>3 mai "
        "2010</adopted_on> portant avis favorable sur la demande présentée par le "
        "<controller>Ministre d'Etat</controller> relative au traitement automatisé "
        "d'informations nominatives ayant pour finalité «<purpose>Gestion des demandes d'aides "
        "sociales</purpose>»",
        id="2010-13",
        adopted="2010-05-03",
    ),
    case(
        "Délibération n° <number_as_printed>2010-21</number_as_printed> du <adopted_on>1er juin "
        "2010</adopted_on> portant avis défavorable sur la demande présentée par la "
        "<controller>Société Monégasque des Eaux S.A.M.</controller> relative au traitement "
        "automatisé ayant pour finalité « <purpose>Contrôle de l'activité des salariés</purpose> "
        "»",
        id="2010-21",
        decision="avis_defavorable",
        adopted="2010-06-01",
    ),
    case(
        "Délibération n° <number_as_printed>2011-82</number_as_printed> du <adopted_on>21 "
        "octobre 2011</adopted_on> portant recommandation sur les principes européens "
        "applicables aux traitements automatisés ou non automatisés d'informations nominatives",
        id="2011-82",
        decision="recommandation",
        adopted="2011-10-21",
    ),
    case(
        "Délibération n° <number_as_printed>11-45</number_as_printed> du <adopted_on>4 juillet "
        "2011</adopted_on> portant avis favorable sur la demande modificative présentée par "
        "l'<controller>Office des Émissions de Timbres-Poste</controller> relative au traitement "
        "automatisé d'informations nominatives ayant pour finalité « <purpose>Gestion des "
        "abonnés</purpose> »",
        id="2011-45",
        modification=True,
        adopted="2011-07-04",
    ),
    # 2012–2014: the authority enters the title, sometimes in lower case
    case(
        "Délibération n° <number_as_printed>2012-34</number_as_printed> du <adopted_on>12 mars "
        "2012</adopted_on> de la commission de contrôle des informations nominatives portant "
        "avis favorable sur la demande présentée par la <controller>Société des Bains de "
        "Mer</controller> relative au traitement automatisé d'informations nominatives ayant "
        "pour finalité « <purpose>Gestion des accès aux salles de jeux</purpose> »",
        id="2012-34",
        adopted="2012-03-12",
    ),
    case(
        "Délibération n°<number_as_printed>2012-87</number_as_printed> du <adopted_on>11 juin "
        "2012</adopted_on> de la Commission de Contrôle des Informations Nominatives portant "
        "autorisation à la mise en œuvre du traitement automatisé d'informations nominatives "
        "ayant pour finalité « <purpose>Vidéosurveillance des locaux</purpose> » présenté par la "
        "<controller>SAM Monaco Logistique</controller>",
        id="2012-87",
        decision="autorisation",
        adopted="2012-06-11",
    ),
    case(
        "Délibération n° <number_as_printed>2013-116</number_as_printed> du <adopted_on>14 "
        "octobre 2013</adopted_on> de la Commission de Contrôle des Informations Nominatives "
        "portant avis favorable sur la demande modificative présentée par le <controller>Centre "
        "Hospitalier Princesse Grace</controller> relative au traitement automatisé "
        "d'informations nominatives ayant pour finalité « <purpose>Gestion du dossier patient "
        "informatisé</purpose> »",
        id="2013-116",
        modification=True,
        adopted="2013-10-14",
    ),
    case(
        "Délibération n° <number_as_printed>2014-13</number_as_printed> du <adopted_on>22 "
        "janvier 2014</adopted_on> de la Commission de Contrôle des Informations Nominatives "
        "portant refus de la mise en œuvre du traitement automatisé d'informations nominatives "
        "ayant pour finalité « <purpose>Géolocalisation des véhicules de service</purpose> » "
        "présenté par <controller>Monaco Transports S.A.M.</controller>",
        id="2014-13",
        decision="refus",
        adopted="2014-01-22",
    ),
    case(
        "Délibération n° <number_as_printed>2014-150</number_as_printed> du <adopted_on>17 "
        "décembre 2014</adopted_on> de la Commission de Contrôle des Informations Nominatives "
        "portant autorisation de transfert d'informations nominatives à destination du Canada "
        "ayant pour finalité « <purpose>Gestion des dossiers des clients</purpose> » présentée "
        "par la <controller>Banque J. Safra Sarasin (Monaco) SA</controller>",
        id="2014-150",
        decision="autorisation",
        adopted="2014-12-17",
    ),
    # 2015 on
    case(
        "Délibération n° <number_as_printed>2021-81</number_as_printed> du <adopted_on>21 avril "
        "2021</adopted_on> de la Commission de Contrôle des Informations Nominatives portant "
        "avis favorable à la mise en œuvre du traitement automatisé d'informations nominatives "
        "ayant pour finalité « <purpose>Gestion de la messagerie électronique professionnelle "
        "Exchange</purpose> », dénommé « <system_name>Outlook</system_name> » présenté par la "
        "<controller>Commune de Monaco</controller>.",
        id="2021-81",
        adopted="2021-04-21",
    ),
    case(
        "Délibération n° <number_as_printed>2024‑165</number_as_printed> du "
        "<adopted_on>11 septembre 2024</adopted_on> de la Commission de Contrôle des "
        "Informations Nominatives portant avis favorable à la mise en œuvre du traitement "
        "automatisé d'informations nominatives ayant pour finalité « <purpose>Gestion d'un outil "
        "de réservation de bureau et de suivi du télétravail</purpose> » exploité par la "
        "<operator>Direction des Services Numériques (DSN)</operator> présenté par le "
        "<controller>Ministre d'État</controller>.",
        id="2024-165",
        adopted="2024-09-11",
    ),
    case(
        "Délibération n° <number_as_printed>2024-9</number_as_printed> du <adopted_on>17 janvier "
        "2024</adopted_on> de la Commission de Contrôle des Informations Nominatives portant "
        "avis favorable à la mise en œuvre d'un traitement automatisé d'informations nominatives "
        "ayant pour finalité « <purpose>Gestion et supervision des habilitations et des accès au "
        "système d'information de la DENJS</purpose> » exploité par la <operator>Direction de "
        "l'Éducation Nationale, de la Jeunesse et des Sports</operator> présenté par le "
        "<controller>Ministre d'État</controller>.",
        id="2024-9",
        adopted="2024-01-17",
    ),
    case(
        "Délibération n° <number_as_printed>2016-92</number_as_printed> du <adopted_on>15 juin "
        "2016</adopted_on> de la Commission de Contrôle des Informations Nominatives portant "
        "avis favorable à la mise en œuvre de la modification du traitement automatisé "
        "d'informations nominatives ayant pour finalité « <purpose>Gestion des ressources "
        "humaines</purpose> » présenté par l'<controller>Office de la Médecine du "
        "Travail</controller>",
        id="2016-92",
        modification=True,
        adopted="2016-06-15",
    ),
    case(
        "Délibération n° <number_as_printed>2019-43</number_as_printed> du <adopted_on>20 mars "
        "2019</adopted_on> de la Commission de Contrôle des Informations Nominatives portant "
        "avis favorable à la mise en œuvre du traitement automatisé d'informations nominatives "
        "ayant pour finalité « <purpose>Étude clinique de phase III évaluant le "
        "pembrolizumab</purpose> » dénommé « <system_name>KEYNOTE-123</system_name> » présenté "
        "par <controller>Merck Sharp & Dohme Corp</controller>, représenté en Principauté de "
        "Monaco par le <representative>Centre Hospitalier Princesse Grace</representative>",
        id="2019-43",
        adopted="2019-03-20",
    ),
    case(
        "Délibération n° <number_as_printed>2017-105</number_as_printed> du <adopted_on>12 "
        "juillet 2017</adopted_on> de la Commission de Contrôle des Informations Nominatives "
        "portant avis défavorable à la mise en œuvre du traitement automatisé d'informations "
        "nominatives ayant pour finalité « <purpose>Surveillance des postes de travail par "
        "captures d'écran</purpose> » présenté par <controller>Monaco Digital Services "
        "SARL</controller>",
        id="2017-105",
        decision="avis_defavorable",
        adopted="2017-07-12",
    ),
    case(
        "Délibération n° <number_as_printed>2016-01</number_as_printed> du <adopted_on>1er "
        "février 2016</adopted_on> de la Commission de Contrôle des Informations Nominatives "
        "portant avis favorable à la mise en œuvre du traitement automatisé d'informations "
        "nominatives ayant pour finalité «<purpose>Gestion des demandes de modification des "
        "données des assurés</purpose>» présentée par la <controller>Caisse Autonome des "
        "Retraites</controller>.",
        id="2016-1",
        adopted="2016-02-01",
    ),
    case(
        "Délibération n° <number_as_printed>2018-05</number_as_printed> du <adopted_on>17 "
        "janvier 2018</adopted_on> de la Commission de Contrôle des Informations Nominatives "
        "portant avis favorable à la mise en œuvre du traitement automatisé d'informations "
        "nominatives ayant pour finalité « <purpose>Gestion des « favoris » des "
        "usagers</purpose> », dénommé « <system_name>MonacoWeb</system_name> », exploité par le "
        "<operator>Service des Titres de Circulation</operator>, présenté par le "
        "<controller>Ministre d'État</controller>",
        id="2018-5",
        adopted="2018-01-17",
    ),
    case(
        "Délibération n° <number_as_printed>2015-116</number_as_printed> du <adopted_on>18 "
        "novembre 2015</adopted_on> de la Commission de Contrôle des Informations Nominatives "
        "portant recommandation sur la collecte et la conservation de la copie de documents "
        "d'identité officiels",
        id="2015-116",
        decision="recommandation",
        adopted="2015-11-18",
    ),
    case(
        "Délibération n° <number_as_printed>2020-12</number_as_printed> du <adopted_on>22 "
        "janvier 2020</adopted_on> de la Commission de Contrôle des Informations Nominatives "
        "portant avis sur le projet d'Ordonnance Souveraine relative aux traitements mis en "
        "œuvre par la Direction de la Sûreté Publique",
        id="2020-12",
        decision=None,
        adopted="2020-01-22",
    ),
    # 2025 on: APDP
    case(
        "Délibération n° <number_as_printed>2025-4</number_as_printed> du <adopted_on>19 mars "
        "2025</adopted_on> de l'Autorité de Protection des Données Personnelles portant avis sur "
        "la mise en œuvre du traitement automatisé de données à caractère personnel ayant pour "
        "finalité « <purpose>Gestion des accès aux bâtiments</purpose> » présenté par la "
        "<controller>Caisse Sociale de Monaco</controller>.",
        id="2025-4",
        decision=None,
        authority="APDP",
        adopted="2025-03-19",
    ),
    case(
        "Délibération n° <number_as_printed>2025-31</number_as_printed> du <adopted_on>18 juin "
        "2025</adopted_on> de l'Autorité de Protection des Données Personnelles portant avis "
        "favorable à la mise en œuvre de la modification du traitement ayant pour finalité « "
        "<purpose>Gestion des ressources humaines</purpose> » exploité par la "
        "<operator>Direction des Ressources Humaines et de la Formation de la Fonction "
        "Publique</operator> présenté par le <controller>Ministre d'État</controller>",
        id="2025-31",
        authority="APDP",
        modification=True,
        adopted="2025-06-18",
    ),
    case(
        "DÉLIBÉRATION N° <number_as_printed>2013-45</number_as_printed> DU <adopted_on>8 AVRIL "
        "2013</adopted_on> DE LA COMMISSION DE CONTRÔLE DES INFORMATIONS NOMINATIVES PORTANT "
        "AVIS FAVORABLE SUR LA DEMANDE PRÉSENTÉE PAR LA <controller>MAIRIE DE "
        "MONACO</controller> RELATIVE AU TRAITEMENT AYANT POUR FINALITÉ « <purpose>GESTION DES "
        "CRÈCHES</purpose> »",
        id="2013-45",
        adopted="2013-04-08",
    ),
    # "avis favorable sous réserve": still favourable (the condition is read from the closing);
    # a zero-padded number keeps its printed form, the id drops the zero
    case(
        "Délibération n° <number_as_printed>2018-033</number_as_printed> du <adopted_on>21 mars "
        "2018</adopted_on> de la Commission de Contrôle des Informations Nominatives portant "
        "avis favorable sous réserve à la mise en œuvre du traitement automatisé d'informations "
        "nominatives ayant pour finalité « <purpose>Gestion des inscriptions scolaires</purpose> "
        "» présenté par le <controller>Ministre d'État</controller>",
        id="2018-33",
        adopted="2018-03-21",
    ),
    # the operator stops before "et présenté par"
    case(
        "Délibération n° <number_as_printed>2023-140</number_as_printed> du <adopted_on>18 "
        "octobre 2023</adopted_on> de la Commission de Contrôle des Informations Nominatives "
        "portant avis favorable à la mise en œuvre du traitement automatisé d'informations "
        "nominatives ayant pour finalité « <purpose>Suivi des chantiers publics</purpose> » "
        "exploité par le <operator>Service des Travaux Publics</operator> et présenté par le "
        "<controller>Ministre d'État</controller>",
        id="2023-140",
        adopted="2023-10-18",
    ),
    # where a foreign controller is established is not part of its name
    case(
        "Délibération n° <number_as_printed>2015-12</number_as_printed> du <adopted_on>21 "
        "janvier 2015</adopted_on> de la Commission de Contrôle des Informations Nominatives "
        "portant avis favorable à la mise en œuvre du traitement automatisé d'informations "
        "nominatives ayant pour finalité « <purpose>Essai clinique d'un anticoagulant</purpose> "
        "» présenté par <controller>Nordlys Pharma AS</controller>, établie en Norvège, "
        "représentée en Principauté de Monaco par le <representative>Centre Hospitalier "
        "Princesse Grace</representative>",
        id="2015-12",
        adopted="2015-01-21",
    ),
    # "présenté par son Président": the body named before it
    case(
        "Délibération n° <number_as_printed>2018-77</number_as_printed> du <adopted_on>16 mai "
        "2018</adopted_on> de la Commission de Contrôle des Informations Nominatives portant "
        "avis favorable à la mise en œuvre du traitement automatisé d'informations nominatives "
        "ayant pour finalité « <purpose>Gestion des membres</purpose> » de l'<controller>Amicale "
        "des Anciens du Lycée Technique</controller> présenté par son Président",
        id="2018-77",
        adopted="2018-05-16",
    ),
    # "représentée par son Président" is no representative in Monaco
    case(
        "Délibération n° <number_as_printed>2019-30</number_as_printed> du <adopted_on>20 "
        "février 2019</adopted_on> de la Commission de Contrôle des Informations Nominatives "
        "portant avis favorable à la mise en œuvre du traitement automatisé d'informations "
        "nominatives ayant pour finalité « <purpose>Gestion des dons</purpose> » présenté par la "
        "<controller>Fondation des Amis de l'Opéra</controller>, représentée par son Président",
        id="2019-30",
        adopted="2019-02-20",
    ),
    # "présenté par X et exploité par Y": X alone is the controller
    case(
        "Délibération n° <number_as_printed>2016-44</number_as_printed> du <adopted_on>16 mars "
        "2016</adopted_on> de la Commission de Contrôle des Informations Nominatives portant avis "
        "favorable à la mise en œuvre du traitement automatisé d'informations nominatives ayant pour "
        "finalité « <purpose>Gestion des cantines</purpose> » présenté par la <controller>Mairie de "
        "Monaco</controller> et exploité par le <operator>Service de la Restauration Scolaire</operator>",
        id="2016-44",
        adopted="2016-03-16",
    ),
    # "relative à la modification …" states no decision: the closing part gives it
    case(
        "Délibération n° <number_as_printed>2013-77</number_as_printed> du <adopted_on>15 juillet "
        "2013</adopted_on> de la Commission de Contrôle des Informations Nominatives relative à la "
        "modification du traitement automatisé d'informations nominatives ayant pour finalité « "
        "<purpose>Gestion des adhérents</purpose> » présenté par le <controller>Club Nautique</controller>",
        id="2013-77",
        adopted="2013-07-15",
        decision=None,
        modification=True,
    ),
]


@pytest.mark.parametrize(
    ("marked", "did", "decision", "authority", "modification", "adopted"), DELIBERATIONS
)
def test_deliberation_titles(marked, did, decision, authority, modification, adopted):
    title, marks = parse(marked)
    values = {m.tag: m.words for m in marks}
    info = parse_title(normalise_line(title))
    assert isinstance(info, TitleInfo), info
    assert info.deliberation_id == did
    assert info.number_as_printed == normalise_line(values["number_as_printed"])
    assert (info.year, info.seq) == tuple(int(x) for x in did.split("-"))
    assert info.authority == authority
    assert info.adopted_on == (date.fromisoformat(adopted) if adopted else None)
    assert info.decision == decision
    assert info.modification is modification
    for field in ("purpose", "system_name", "operator", "controller", "representative"):
        expected = normalise_line(values[field]) if field in values else None
        assert getattr(info, field) == expected, field


LOOKALIKES = [
    "Décision n° 2013-02 du 14 octobre 2013 du Président de la Commission de Contrôle des Informations "
    "Nominatives portant mise en œuvre, par la Commission, du traitement automatisé d'informations nominatives "
    "ayant pour finalité « Gestion des plaintes »",
    "Décision n° 2016-RC-3 du 2 mars 2016 du Président de la Commission de Contrôle des Informations Nominatives "
    "portant sanction à l'encontre de la société X",
    "Décision de mise en œuvre n° 2020-RC-14 du Centre Hospitalier Princesse Grace relative au traitement "
    "automatisé ayant pour finalité « Gestion des rendez-vous » (délibération n° 2020-45 de la CCIN)",
    "Décision du Directeur Général du Département de l'Intérieur portant mise en œuvre du traitement ayant pour "
    "finalité « Gestion des cartes de résident », vu la délibération n° 2019-12",
    "Loi n° 1.565 du 3 décembre 2024 relative à la protection des données personnelles",
    "Loi n° 1.165 du 23 décembre 1993 relative à la protection des informations nominatives",
    "Ordonnance Souveraine n° 2.230 du 19 juin 2009 fixant les modalités d'application de la loi n° 1.165",
    "Ordonnance Souveraine n° 10.921 du 8 novembre 2024 portant application de la délibération n° 2024-3",
    "Arrêté Ministériel n° 2021-123 du 15 février 2021 portant application de l'avis de la Commission de "
    "Contrôle des Informations Nominatives (délibération n° 2020-170)",
    "Arrêté Municipal n° 2019-561 du 14 février 2019 portant approbation de la Charte administrateur",
    "Erratum à la délibération n° 2021-81 du 21 avril 2021 de la Commission de Contrôle des Informations "
    "Nominatives publiée au Journal de Monaco du 16 juillet 2021",
    "Délibération du Conseil Communal du 12 mars 2019 relative à la vidéoprotection",
    "Délibération n° 2019-012 du Conseil National portant adoption du règlement intérieur",
    "Délibération du Conseil de Gouvernement n° 2022-334 du 4 mai 2022 relative à la réglementation des taxis",
    "Délibération n° 2021-05 du 3 mars 2021 du Tribunal Suprême",
    "Avis de la Commission de Contrôle des Informations Nominatives relatif au recensement",
    "Communiqué de la Commission de Contrôle des Informations Nominatives",
    # other commissions whose names start like the CCIN's
    "Délibération n° 2018-11 du 6 juin 2018 de la Commission de Contrôle des Activités Financières portant "
    "sanction disciplinaire",
    # the CNIL's opinions on French decrees (Monaco has no décrets)
    "Délibération n° 2021-033 du 11 mars 2021 portant avis sur un projet de décret relatif au fichier des "
    "personnes recherchées",
]


@pytest.mark.parametrize("title", LOOKALIKES)
def test_lookalikes_are_not_deliberations(title):
    result = parse_title(normalise_line(title))
    assert isinstance(result, NotADeliberation), result
    assert result.what


def test_a_deliberation_with_no_number_is_an_error():
    with pytest.raises(TitleError):
        parse_title(
            "Délibération de la Commission de Contrôle des Informations Nominatives portant avis favorable"
        )


def test_classify_title_accepts_the_early_titles_that_name_no_authority():
    assert (
        classify_title(
            "Délibération n° 09-07 du 5 octobre 2009 portant avis favorable sur la demande"
        )
        is None
    )


@given(st.text(max_size=200))
def test_arbitrary_deliberation_like_titles(text):
    try:
        result = parse_title("Délibération n° 2021-81 du 21 avril 2021 " + text)
    except TitleError:
        pytest.fail("a numbered title must parse")
    assert isinstance(result, TitleInfo | NotADeliberation)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Les Administrateurs", "Administrateurs"),
        ("le Ministre d'État", "Ministre d'État"),
        ("l'Office", "Office"),
        ("la Commune de Monaco", "Commune de Monaco"),
        ("Laboratoires Servier", "Laboratoires Servier"),
        ("Lebanon Corp", "Lebanon Corp"),
        ("Laval S.A.M.", "Laval S.A.M."),
    ],
)
def test_drop_article_drops_only_a_whole_article(name, expected):
    from extractors.common.text import drop_article

    assert drop_article(name) == expected


def test_a_controller_whose_name_starts_like_an_article():
    info = parse_title(
        "Délibération n° 2019-7 du 16 janvier 2019 de la Commission de Contrôle des Informations "
        "Nominatives portant avis favorable à la mise en œuvre du traitement ayant pour finalité « X » "
        "présenté par Laboratoires Servier, représenté en Principauté de Monaco par la SAM Y"
    )
    assert isinstance(info, TitleInfo)
    assert (info.controller, info.representative) == ("Laboratoires Servier", "SAM Y")


@pytest.mark.parametrize(
    ("body", "ours"),
    [
        (
            "Vu la Constitution ;\nLa Commission de Contrôle des Informations Nominatives,\nPréambule",
            True,
        ),
        (
            "Vu la loi n° 1.565 ;\nL'Autorité de Protection des Données Personnelles,\nPréambule",
            True,
        ),
        (
            "La Commission nationale de l'informatique et des libertés,\nSaisie par le ministre …",
            False,
        ),
        (
            "Le Conseil National,\nRéuni en séance publique le 3 mai 2021,\nVu la Constitution ;",
            False,
        ),
        (
            "Le Conseil Économique, Social et Environnemental, réuni en assemblée plénière le 2 juin 2022,",
            False,
        ),
        ("Vu le règlement (UE) 2016/679 ;\nVu la loi n° 78-17 du 6 janvier 1978 modifiée ;", False),
        # a CCIN deliberation that speaks of the Conseil Communal in its body is still ours
        (
            "Vu la Constitution ;\nLa Commission de Contrôle des Informations Nominatives,\nLe Conseil Communal, "
            "réuni le 3 mars, a approuvé le projet.",
            True,
        ),
        ("Vu la Constitution ;\nPréambule\nLa Commune souhaite …", True),
    ],
)
def test_classify_body_names_the_body_that_deliberates(body, ours):
    assert (classify_body(body) is None) is ours
