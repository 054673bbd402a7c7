"""Rule entities and where the model runs, on annotated French sentences (no model loaded).

Write a case as the sentence with each expected entity marked ``<ent label=LABEL>…</ent>``
(the syntax of ``pipeline/testbed/annotations.py``, as in ``tests/quality``):
``"Vu la <ent label=LAW>loi n° 1.165</ent> du 23 décembre 1993 ;"``. A sentence without
tags expects no rule entity at all.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.common.text import fold
from extractors.entities import (
    MARGIN_WORDS,
    TITLE,
    Span,
    fast_fold,
    merge,
    model_cores,
    model_units,
    rule_entities,
    section_kind_at,
)
from extractors.sections import split_sections
from pipeline.testbed.annotations import check_records, parse

RULE_CASES = [
    # bodies: acronyms and full names (ORG)
    "La <ent label=ORG>Direction des Services Numériques</ent> (<ent label=ORG>DSN</ent>) exploite le traitement.",
    "Pour les visiteurs de la <ent label=ORG>DITN</ent>/<ent label=ORG>DSI</ent> :",
    "La <ent label=ORG>Direction de l'Éducation Nationale, de la Jeunesse et des Sports</ent> (la « <ent label=ORG>DENJS</ent> ») est un service exécutif.",
    "présenté par le <ent label=ORG>Centre Hospitalier Princesse Grace</ent>.",
    "Les données sont transmises au <ent label=ORG>CHPG</ent>, à la <ent label=ORG>CCSS</ent> et à la <ent label=ORG>CAR</ent>.",
    "auprès du <ent label=ORG>Service de l'Emploi</ent> et de l'<ent label=ORG>Inspection du Travail</ent> de la <ent label=ORG>Direction du Travail</ent>",
    # a role is no entity (schema.md); the places and company forms the rules know are
    "présenté par le Ministre d'État.",
    "les serveurs sont situés en <ent label=LOC>Irlande</ent> et à <ent label=LOC>Genève</ent>.",
    "le promoteur <ent label=ORG>Nordlys Pharma AS</ent>, avec la <ent label=ORG>Régie Monégasque des Parcs et Jardins</ent>.",
    "le <ent label=ORG>Centre de Soins Palliatifs Rainier</ent> (<ent label=ORG>CSPR</ent>) ; le <ent label=ORG>CSPR</ent> conserve …",
    "l'environnement <ent label=SYSTEM>Lotus</ent> et la messagerie <ent label=SYSTEM>Exchange</ent>.",
    "selon Me <ent label=PER>Jeanne Martin</ent>, M. <ent label=PER>Paul Durand</ent> a signé.",
    "la <ent label=ORG>Délégation Interministérielle chargée de la Transition Numérique</ent> pilote le projet",
    "la <ent label=ORG>Direction de la Sûreté Publique</ent> (<ent label=ORG>DSP</ent>) et les <ent label=ORG>CSM</ent>",
    "la <ent label=ORG>Commission de Contrôle des Informations Nominatives</ent> émet un avis favorable",
    "le service informatique de la commune gère les comptes",
    "La Commission rappelle que le responsable doit informer les personnes concernées.",
    "car il est précisé que les accès sont journalisés",
    # laws and regulations by number or name (LAW)
    "Vu la <ent label=LAW>loi n° 1.165</ent> du 23 décembre 1993 relative à la protection des informations nominatives ;",
    "Vu l'<ent label=LAW>Ordonnance Souveraine n° 2.230</ent> du 19 juin 2009 ;",
    "Vu l'<ent label=LAW>arrêté ministériel n° 2022-331</ent> du 13 juin 2022 ;",
    "annexées à l'<ent label=LAW>arrêté municipal n° 2019-561</ent> du 14 février 2019",
    "conformément à l'article 14 de la <ent label=LAW>loi n°1.165</ent>",
    "Vu l'<ent label=LAW>Ordonnance-Loi n° 674</ent> du 3 novembre 1959 ;",
    # a law's name takes the body that issued it
    "Vu la <ent label=LAW>Convention n° 108 du Conseil de l'Europe</ent> ;",
    "Vu la <ent label=LAW>Recommandation n° R (97) 5 du Comité des Ministres du Conseil de l'Europe</ent> ;",
    "Les représentants du <ent label=ORG>Conseil de l'Europe</ent> et la <ent label=LAW>Convention n° 108</ent>.",
    # a body named in « » after "établissement … dénommé"; a company whose form comes first;
    # a code's name whatever the case after its first letter
    "l'établissement public dénommé « <ent label=ORG>Musée Océanographique</ent> » ;",
    "la <ent label=ORG>SARL Azur Taxis</ent> et le <ent label=LAW>Code de la Mer</ent>",
    "la <ent label=ORG>Brigade des Mineurs</ent> de la <ent label=ORG>Direction de la Sûreté Publique</ent>",
    "au sens du <ent label=LAW>Règlement (UE) 2016/679</ent> du 27 avril 2016",
    "au sens de l'article 44 de la <ent label=LAW>Constitution</ent>.",
    "la constitution d'un dossier de demande est obligatoire",
    "les infractions prévues par le <ent label=LAW>Code pénal</ent>",
    # other deliberations by number (DELIBERATION)
    "comme rappelé dans sa <ent label=DELIBERATION>délibération n° 2015-113</ent> du 18 novembre 2015",
    "<ent label=DELIBERATION>Délibération n° 09-07</ent> du 20 avril 2009 portant avis favorable",
    # software and systems (SYSTEM)
    "ayant pour finalité « Gestion de la messagerie », dénommé « <ent label=SYSTEM>Outlook</ent> » présenté",
    "La solution utilisée est dénommée « <ent label=SYSTEM>Deskare</ent> ».",
    "l'outil de flexoffice « <ent label=SYSTEM>Deskare</ent> » aura comme seul usage",
    "sont issues du traitement ayant pour finalité « Gestion des dossiers scolaires », dénommé <ent label=SYSTEM>Pronote</ent>.",
    "le logiciel <ent label=SYSTEM>Octime</ent> permet de badger",
    "les comptes de l'<ent label=SYSTEM>Active Directory</ent> sont synchronisés",
    "l'application «<ent label=SYSTEM>MonacoSafe</ent>» est téléchargeable",
    "un outil de réservation dit de « gestion du flex office »",
    "ayant pour finalité « Gestion des habilitations au système d'information »",
    "la solution « clé en main » proposée par le prestataire",
    # addresses and named sites; "mise en place" is none
    "les caméras du <ent label=LOC>quai Albert Ier</ent> et de l'<ent label=LOC>avenue de la Madone</ent>",
    "au <ent label=LOC>Stade Louis II</ent>, <ent label=LOC>rue du Gabian</ent>",
    "la mise en place des badges est prévue en juin",
    # a company named after the word that says it is one; not a place after "à"
    "le logiciel est édité par la société <ent label=ORG>Kelvion Data</ent>",
    "le prestataire de télépaiement <ent label=ORG>Paynord</ent> encaisse les paiements",
    "un laboratoire établi à Bruges",
    # the codes by name
    "conformément au <ent label=LAW>Code des douanes</ent> et au <ent label=LAW>Code monétaire et financier</ent>",
]


@pytest.mark.parametrize("case", RULE_CASES)
def test_rule_entities(case):
    text, marks = parse(case)
    check_records(text, rule_entities(text), marks)


# --- where the model runs -------------------------------------------------------------
# True: the sentence has a capitalised word the rules do not explain (the model runs).

CANDIDATE_CASES = [
    ("La Commission considère que ce traitement est licite et justifié.", False),
    ("- gestion des comptes utilisateurs ;", False),
    ("- Gestion des habilitations d'accès à la messagerie ;", False),
    ("Le droit d'accès s'exerce auprès du Data Protection Officer.", True),
    ("Les données proviennent de l'Active Directory.", False),
    ("Les informations sont hébergées chez Microsoft Ireland.", True),
    ("Les informations sont hébergées par la société Microsoft Ireland.", False),  # the rules name it
    ("La DENJS gère le traitement conformément à la loi n° 1.165.", False),
    ("Le serveur est situé à Carpentras.", True),
    ("Il est précisé que l'État et la Principauté ne sont pas destinataires.", False),
    ("Le présent traitement a pour finalité « Gestion des badges ».", False),
    ("Il concerne les élèves du pensionnat Sainte-Anne.", True),
]


@pytest.mark.parametrize(("sentence", "runs"), CANDIDATE_CASES)
def test_the_model_runs_only_on_sentences_with_unexplained_names(sentence, runs):
    cores = model_cores(sentence, [], rule_entities(sentence))
    assert bool(cores) is runs


DOCUMENT = "\n".join(
    [
        "Délibération n° 2021-81 du 21 avril 2021 de la Commission de Contrôle des Informations Nominatives portant avis favorable à la mise en œuvre du traitement ayant pour finalité « Gestion de la messagerie » présenté par la Commune de Monaco.",
        "Vu la Constitution ;",
        "Vu la Convention n° 108 du Conseil de l'Europe du 28 janvier 1981 ;",
        "Vu la demande d'avis déposée par Monsieur Jean Dupont ;",
        "La Commission de Contrôle des Informations Nominatives,",
        "Préambule",
        "La Mairie souhaite utiliser les serveurs de Microsoft en Irlande.",
        "I. Sur la finalité et les fonctionnalités du traitement",
        "Le traitement concerne les agents. Les messages sont archivés par Mimecast.",
        "VII. Sur la sécurité du traitement et des informations",
        "Les serveurs sont protégés par un pare-feu Fortinet.",
        "Après en avoir délibéré, la Commission :",
        "Émet un avis favorable.",
    ]
)


def test_the_model_skips_the_visas_and_the_security_section():
    sections, _ = split_sections(DOCUMENT)
    cores = model_cores(DOCUMENT, sections, rule_entities(DOCUMENT))
    covered = [DOCUMENT[a:b] for a, b in cores]
    assert covered == [
        "La Mairie souhaite utiliser les serveurs de Microsoft en Irlande.",
        "Les messages sont archivés par Mimecast.",
    ]
    for a, _ in cores:
        assert section_kind_at(sections, a) not in ("visas", "security")


def test_units_carry_a_margin_of_context_and_merge_when_they_touch():
    text = "Un deux trois quatre cinq. Le serveur est à Carpentras. Six sept huit neuf dix onze douze treize quatorze quinze seize. Le site est à Besançon. Fin"
    units = model_units(text, [], rule_entities(text))
    assert len(units) == 2
    first = text[units[0].start : units[0].end]
    assert first == "deux trois quatre cinq. Le serveur est à Carpentras. Six sept huit neuf"
    assert (
        len(first.split()) == len(["Le", "serveur", "est", "à", "Carpentras."]) + 2 * MARGIN_WORDS
    )
    close = "Il vit à Carpentras. Elle vit à Besançon."
    merged = model_units(close, [], rule_entities(close))
    assert len(merged) == 1
    assert len(merged[0].cores) == 2


def test_a_rule_entity_beats_an_overlapping_model_entity():
    text = "Vu la loi n° 959 sur l'organisation de Carpentras."
    rules = rule_entities(text)
    model = [Span(0, 16, "MISC"), Span(39, 49, "LOC")]  # "Vu la loi n° 959", "Carpentras"
    rows = merge(text, [], rules, model)
    assert [(r.label, r.text, r.source, r.section_kind) for r in rows] == [
        ("LAW", "loi n° 959", "rule", TITLE),
        ("LOC", "Carpentras", "model", TITLE),
    ]


@pytest.mark.parametrize(
    ("text", "span", "kept"),
    [
        ("Le traitement est présenté par le Ministre d'État.", "Ministre d'État", None),  # a role
        (
            "Elle a pour finalité « Gestion des horaires des agents ».",
            "Gestion des horaires des agents",
            None,
        ),
        ("La Banque indique que la banque conserve …", "Banque", None),  # a common noun
        ("II. SUR LE TRAITEMENT", "TRAITEMENT", None),  # a heading
        ("les données de la Banque habilités", "Banque habilités", None),
        ("selon la Politique de Sécurité de l'État", "Politique de Sécurité de l'État", "MISC"),
        ("le cabinet Arnaud Lefèvre Conseil assure …", "Arnaud Lefèvre Conseil", "ORG"),
    ],
)
def test_what_the_model_finds_is_kept_only_when_it_is_a_name(text, span, kept):
    at = text.index(span)
    rows = merge(text, [], [], [Span(at, at + len(span), "ORG")])
    assert [r.label for r in rows] == ([kept] if kept else [])


def test_section_kind_of_an_entity():
    sections, _ = split_sections(DOCUMENT)
    at = DOCUMENT.index("Mimecast")
    assert section_kind_at(sections, at) == "purpose"
    assert section_kind_at(sections, 5) == TITLE


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300))
@settings(max_examples=200, deadline=None)
def test_nothing_raises_and_offsets_hold(text):
    rules = rule_entities(text)
    for s in rules:
        assert 0 <= s.start < s.end <= len(text)
    units = model_units(text, [], rules)
    for u in units:
        assert 0 <= u.start <= u.end <= len(text)
    merge(text, [], rules, [])
    assert fast_fold(text) == fold(text) or len(fast_fold(text)) == len(text)


@given(st.text(alphabet="aàâäeéèêëiîïoôöuùûüçÀÉÈÊÇœŒæ' -AZaz", max_size=100))
def test_fast_fold_is_fold(text):
    assert fast_fold(text) == fold(text)
