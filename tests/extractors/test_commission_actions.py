"""The closing part → commission actions (and the durations the Commission fixes).

Each case: the closing text and the actions expected in order as ``(verb, text)``;
``text`` is what follows the lead verb and its "que", without the final punctuation.
A text ending with "…" is compared by its beginning.
"""

from __future__ import annotations

import pytest

from extractors.commission_actions import extract

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
    # --- wordings of other deliberations (2009-2025) ---
    # "Demande que le responsable de traitement :" + items: each row is the item as printed
    # (a span of the document); the intro's complement is not repeated in it.
    pytest.param(
        "Après en avoir délibéré, la Commission :\n"
        "Demande que le responsable de traitement :\n"
        "- informe les personnes concernées conformément à l'article 14 de la loi n° 1.165 ;\n"
        "- mette en place un registre des accès.\n" + OPINION,
        [
            (
                "demande",
                "informe les personnes concernées conformément à l'article 14 de la loi n° 1.165",
            ),
            ("demande", "mette en place un registre des accès"),
        ],
        id="genre demande que le responsable de traitement : list",
    ),
    pytest.param(
        "Après en avoir délibéré, la Commission demande que le responsable de traitement : - informe les "
        "personnes concernées ; - mette en place un registre des accès.\n" + OPINION,
        [
            ("demande", "informe les personnes concernées"),
            ("demande", "mette en place un registre des accès"),
        ],
        id="genre dash items on the verb's line",
    ),
    pytest.param(
        "Après en avoir délibéré, la Commission :\n"
        "Rappelle également que les mots de passe doivent être renouvelés.\n"
        "Considère, au vu de ce qui précède, que la durée de conservation est excessive.\n"
        "Prend acte, en outre, de ce que les données sont hébergées en Principauté.\n"
        "Recommande au responsable de traitement de chiffrer les sauvegardes.\n"
        "Estime que la durée de conservation des images doit être réduite.\n" + OPINION,
        [
            ("rappelle", "les mots de passe doivent être renouvelés"),
            ("considere", "la durée de conservation est excessive"),
            ("prend_acte", "les données sont hébergées en Principauté"),
            ("recommande", "au responsable de traitement de chiffrer les sauvegardes"),
            ("estime", "la durée de conservation des images doit être réduite"),
        ],
        id="genre adverbs and incidental phrases before que",
    ),
    pytest.param(
        "Après en avoir délibéré,\n"
        "La Commission :\n"
        "Constate que le traitement a été mis en œuvre avant la délivrance de l'avis.\n"
        "Invite le responsable de traitement à :\n"
        "- mettre à jour sa charte informatique ;\n"
        "- sensibiliser les utilisateurs.\n" + OPINION,
        [
            ("constate", "le traitement a été mis en œuvre avant la délivrance de l'avis"),
            ("invite", "mettre à jour sa charte informatique"),
            ("invite", "sensibiliser les utilisateurs"),
        ],
        id="genre La Commission : on its own line",
    ),
    pytest.param(
        "Après en avoir délibéré,\n"
        "La Commission rappelle que les personnes concernées doivent être informées.\n"
        "Par ailleurs, la Commission demande que les accès soient journalisés.\n" + OPINION,
        [
            ("rappelle", "les personnes concernées doivent être informées"),
            ("demande", "les accès soient journalisés"),
        ],
        id="genre the Commission as the subject of each action",
    ),
    pytest.param(
        "Après en avoir délibéré, la Commission :\n"
        "- rappelle que les accès doivent être restreints ;\n"
        "- demande que les personnes concernées soient informées ;\n"
        "- fixe à 1 an la durée de conservation des journaux.\n" + OPINION,
        [
            ("rappelle", "les accès doivent être restreints"),
            ("demande", "les personnes concernées soient informées"),
            ("fixe", "à 1 an la durée de conservation des journaux"),
        ],
        id="genre actions as a dash list with lower-case verbs",
    ),
    pytest.param(
        "Après en avoir délibéré, la Commission :\n"
        "Modifie la finalité comme suit : « Gestion des accès aux locaux ».\n"
        "Fixe à 30 jours la durée de conservation des images.\n"
        "Relève que les caméras ne filment pas la voie publique.\n"
        "Autorise le responsable de traitement à conserver les journaux pendant un an.\n" + OPINION,
        [
            ("modifie", "la finalité comme suit : « Gestion des accès aux locaux »"),
            ("fixe", "à 30 jours la durée de conservation des images"),
            ("releve", "les caméras ne filment pas la voie publique"),
            ("autorise", "le responsable de traitement à conserver les journaux pendant un an"),
        ],
        id="genre modifie, fixe, relève, autorise as actions",
    ),
    pytest.param(
        "Après en avoir délibéré, la Commission :\n"
        "Prend acte :\n"
        "- de l'engagement du responsable de traitement de mettre à jour la charte ;\n"
        "- de ce que les données ne sont pas transférées.\n"
        "Autorise le transfert des informations vers la société mère.\n"
        "Le Président de la Commission de Contrôle des Informations Nominatives.",
        [
            (
                "prend_acte",
                "de l'engagement du responsable de traitement de mettre à jour la charte",
            ),
            ("prend_acte", "les données ne sont pas transférées"),
        ],
        id="genre the authorisation of a transfer ends the actions",
    ),
    pytest.param(
        "Après en avoir délibéré,\n"
        "La Commission de Contrôle des Informations Nominatives,\n"
        "Considérant que le traitement est licite ;\n"
        "Considérant que les mesures de sécurité sont adéquates ;\n"
        "Émet un avis favorable à la mise en œuvre du traitement.",
        [
            ("considere", "le traitement est licite"),
            ("considere", "les mesures de sécurité sont adéquates"),
        ],
        id="older closing: the Commission's considerations before the opinion",
    ),
    pytest.param(
        "Après en avoir délibéré, la Commission :\n"
        "Rappelle que les personnes doivent être informées ;\n"
        "Refuse d'autoriser la mise en œuvre du traitement.",
        [("rappelle", "les personnes doivent être informées")],
        id="refusing to authorise is the decision, not an action",
    ),
    pytest.param(
        "Après en avoir délibéré, l'Autorité de Protection des Données Personnelles :\n"
        "- rappelle que l'information des personnes doit être complétée ;\n"
        "- demande que les journaux soient conservés 1 an.\n"
        "L'Autorité émet un avis favorable à la mise en œuvre du traitement.",
        [
            ("rappelle", "l'information des personnes doit être complétée"),
            ("demande", "les journaux soient conservés 1 an"),
        ],
        id="APDP 2025: l'Autorité speaks",
    ),
    pytest.param(
        "Après en avoir délibéré, l'Autorité :\n"
        "L'Autorité rappelle que les données de santé sont sensibles ;\n"
        "Émet un avis favorable.",
        [("rappelle", "les données de santé sont sensibles")],
        id="APDP 2025: an action led by l'Autorité",
    ),
    pytest.param(
        "Après en avoir délibéré, la Commission :\n"
        "Demande que les accès soient journalisés ;\n"
        "Et, sous le bénéfice de la prise en compte de ce qui précède,\n"
        "la Commission émet un avis favorable.",
        [("demande", "les accès soient journalisés")],
        id="'Et, sous le bénéfice …' is the opinion",
    ),
    pytest.param(
        "Après en avoir délibéré, la Commission :\n"
        "Estime excessive la durée de conservation ;\n"
        "En conséquence, refuse la mise en œuvre du traitement.",
        [("estime", "excessive la durée de conservation")],
        id="'En conséquence, refuse …' is the opinion",
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
