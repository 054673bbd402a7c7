"""The closing part → commission actions (and the durations the Commission fixes).

Each case: the closing text and the actions expected in order as ``(verb, text)``;
``text`` is what follows the lead verb and its "que", without the final punctuation.
A text ending with "…" is compared by its beginning.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.decision import extract
from models.records import Extraction

OPINION = (
    "Sous le bénéfice de la prise en compte de ce qui précède,\n"
    "la Commission de Contrôle des Informations Nominatives émet un avis favorable à la mise en œuvre, par le "
    "Ministre d'État, du traitement automatisé d'informations nominatives ayant pour finalité « X ».\n"
    "Le Président de la Commission\nde Contrôle des Informations Nominatives."
)

SEED_2024_9 = (
    "Après en avoir délibéré, la Commission :\n"
    "Modifie la finalité du traitement par « Gestion et supervision des habilitations et des accès au système "
    "d'information de la DENJS ».\n"
    "Estime trop longue la durée de conservation s'agissant des informations relatives à l'identité.\n"
    "Fixe la durée de conservation s'agissant des informations relatives à l'identité et à la vie professionnelle "
    "des utilisateurs élèves à 3 mois après le départ ces derniers.\n"
    "Considère :\n"
    "- que les alertes sont issues du traitement ayant pour finalité « Gestion des politiques de filtrages » et "
    "renvoie en conséquence à la délibération rendue en lien avec ce traitement ;\n"
    "- qu'une procédure relative au droit d'accès par voie électronique devra être mise en place.\n"
    "Demande :\n"
    "- que l'ensemble des personnes concernées soient valablement informées ;\n"
    "- les traitements ayant pour finalités « A », « B » lui soient déposés dans les meilleurs délais.\n"
    "Rappelle :\n"
    "- que tout rapprochement ou interconnexion ne peut avoir lieu qu'entre des traitements légalement mis en "
    "œuvre ;\n"
    "- que la copie ou l'extraction d'informations issues de ce traitement doit être chiffrée sur son support de "
    "réception.\n" + OPINION
)

CASES = [
    pytest.param(
        SEED_2024_9,
        [
            ("modifie", "la finalité du traitement par « Gestion et supervision …"),
            (
                "estime",
                "trop longue la durée de conservation s'agissant des informations relatives à l'identité",
            ),
            ("fixe", "la durée de conservation s'agissant …"),
            ("considere", "les alertes sont issues …"),
            (
                "considere",
                "une procédure relative au droit d'accès par voie électronique devra être mise en place",
            ),
            ("demande", "l'ensemble des personnes concernées soient valablement informées"),
            (
                "demande",
                "les traitements ayant pour finalités « A », « B » lui soient déposés dans les meilleurs délais",
            ),
            (
                "rappelle",
                "tout rapprochement ou interconnexion ne peut avoir lieu qu'entre des traitements …",
            ),
            ("rappelle", "la copie ou l'extraction d'informations …"),
        ],
        id="2024-9",
    ),
    pytest.param(
        "Après en avoir délibéré, la Commission :\n"
        "Rappelle que :\n"
        "- l'information de toutes les catégories de personnes concernées doit être effectuée conformément à "
        "l'article 14 de la loi n° 1.165 ;\n"
        "• les ports non utilisés doivent être désactivés,\n"
        "– toute copie ou extraction de données devra être chiffrée.\n"
        "o les communications électroniques doivent être sécurisées ;\n"
        "> les accès par des Autorités habilitées concernent des accès ponctuels.\n" + OPINION,
        [
            ("rappelle", "l'information de toutes les catégories …"),
            ("rappelle", "les ports non utilisés doivent être désactivés"),
            ("rappelle", "toute copie ou extraction de données devra être chiffrée"),
            ("rappelle", "les communications électroniques doivent être sécurisées"),
            ("rappelle", "les accès par des Autorités habilitées concernent des accès ponctuels"),
        ],
        id="2021-81-bullets",
    ),
    pytest.param(
        "Après en avoir délibéré, la Commission :\n"
        "Demande que les personnes concernées puissent exercer pleinement leurs droits.\n"
        "Recommande que les modalités d'accès les plus protectrices soient mises en avant.\n"
        "Constate que le responsable de traitement s'engage à sensibiliser les utilisateurs.\n"
        "Prend acte de ce que le responsable de traitement procédera à une analyse d'impact.\n"
        "Relève que les informations ne sont pas transférées.\n"
        "Invite le responsable de traitement à mettre à jour sa charte.\n"
        "Par ailleurs, précise que le présent avis ne vaut que pour la Principauté.\n"
        "À la condition de la prise en compte de ce qui précède, la Commission de Contrôle des Informations "
        "Nominatives émet un avis favorable.\n"
        "Le Président de la Commission de Contrôle des Informations Nominatives.",
        [
            ("demande", "les personnes concernées puissent exercer pleinement leurs droits"),
            ("recommande", "les modalités d'accès les plus protectrices soient mises en avant"),
            ("constate", "le responsable de traitement s'engage à sensibiliser les utilisateurs"),
            ("prend_acte", "le responsable de traitement procédera à une analyse d'impact"),
            ("releve", "les informations ne sont pas transférées"),
            ("invite", "le responsable de traitement à mettre à jour sa charte"),
            ("precise", "le présent avis ne vaut que pour la Principauté"),
        ],
        id="one-line-actions",
    ),
    # early-2010s: no action, only the opinion
    pytest.param(
        "Après en avoir délibéré, la Commission émet un avis favorable à la mise en œuvre, par le Ministre d'Etat, "
        "du traitement automatisé d'informations nominatives ayant pour finalité « Gestion des accès ».\n"
        "Le Président,",
        [],
        id="2010-opinion-only",
    ),
    pytest.param(
        "Après en avoir délibéré, la Commission rappelle que le traitement doit être déclaré.",
        [("rappelle", "le traitement doit être déclaré")],
        id="inline",
    ),
    pytest.param("", [], id="empty"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_actions(text: str, expected: list[tuple[str, str]]) -> None:
    rows = extract(text).tables.get("commission_actions", [])
    got = [(r.verb, r.text) for r in rows]
    assert len(got) == len(expected), got
    for (verb, phrase), (exp_verb, exp_phrase) in zip(got, expected, strict=True):
        assert verb == exp_verb
        if exp_phrase.endswith("…"):
            assert phrase.startswith(exp_phrase[:-1].rstrip())
        else:
            assert phrase == exp_phrase
    for r in rows:
        assert text[r.start : r.end] == r.text


def test_unknown_verb_is_reported() -> None:
    result = extract(
        "Après en avoir délibéré, la Commission :\nSignale que le registre est incomplet.\n"
        + OPINION
    )
    assert [(r.verb, r.text) for r in result.tables["commission_actions"]] == [
        ("signale", "le registre est incomplet")
    ]
    assert [i.code for i in result.issues] == ["unknown_label"]


def test_closing_durations_are_retention_rules() -> None:
    rules = extract(SEED_2024_9).tables["retention_rules"]
    assert [(r.duration, r.trigger, r.set_by.value) for r in rules] == [
        ("P3M", "départ", "commission")
    ]


FRAGMENTS = [
    "Après en avoir délibéré, la Commission :",
    "\n",
    "Rappelle que :",
    "- ",
    "que ",
    ";",
    ".",
    "Fixe ",
    "Prend acte de ce que",
    "Sous le bénéfice",
    "émet un avis",
    "Le Président",
    "3 mois",
    "la durée de conservation des",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=30))
def test_never_raises(parts: list[str]) -> None:
    result = extract("".join(parts))
    assert isinstance(result, Extraction)
    assert not [i for i in result.issues if i.code.endswith("_failed")]
