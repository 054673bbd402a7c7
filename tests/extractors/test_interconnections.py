"""Section VI "Sur les rapprochements et les interconnexions" → interconnections.

Each case: the section text, and the rows expected in order as
``(link_type, target_purpose, target_status)`` with ``INTER`` = interconnection,
``RAPPR`` = reconciliation.
"""

from __future__ import annotations

import pytest

from extractors.interconnections import extract

INTER, RAPPR = "interconnection", "reconciliation"
LEGAL, CONC, NOT, REVIEW, UNK = (
    "legally_implemented",
    "submitted_concurrently",
    "not_legally_implemented",
    "under_review",
    "unknown",
)

SEED_2021_81 = (
    "Le responsable de traitement indique que le traitement est interconnecté avec les traitements suivants :\n"
    "- « Gestion des techniques automatisées d'information et de communication », légalement mis en œuvre, afin "
    "de migrer les comptes utilisateurs d'un outil à l'autre ;\n"
    "- « Gestion des outils de communication instantanée », concomitamment soumis, afin d'associer les "
    "fonctionnalités complémentaires des deux traitements.\n"
    "La Commission rappelle toutefois que le traitement ayant pour finalité « Gestion des outils de communication "
    "instantanée » doit être légalement mis en œuvre préalablement à son rapprochement avec le présent traitement."
)
SEED_2024_165 = (
    "Le responsable de traitement indique que le présent traitement fait l'objet d'interconnexions avec les "
    "traitements, légalement mis en œuvre, ayant pour finalité respective la « Gestion des habilitations et des "
    "accès au Système d'information », la « Gestion de la messagerie professionnelle », la « Gestion centralisée "
    "des accès aux applications du Système d'information » et la « Gestion et analyse des évènements du Système "
    "d'information ».\n"
    "De plus, il indique que le présent traitement fait également l'objet d'un rapprochement avec le traitement "
    "ayant pour finalité « Assistance aux utilisateurs par le Centre de Service de la DSI ».\n"
    "La Commission estime que ces interconnexions et rapprochements sont conformes aux exigences légales."
)
SEED_2022_62 = (
    "Le responsable de traitement indique que le présent traitement fait l'objet d'un rapprochement avec le "
    "traitement ayant pour finalité « Gestion de la messagerie électronique professionnelle » légalement mis en "
    "œuvre par l'État.\n"
    "La Commission considère que ce rapprochement est conforme aux exigences légales."
)
SEED_2024_9 = (
    "Le présent traitement fait l'objet d'un rapprochement avec le traitement, légalement mis en œuvre ayant pour "
    "finalité « Gestion des dossiers scolaires des élèves inscrits dans les établissements publics de la "
    "Principauté ».\n"
    "Il est également interconnecté avec les traitements, en cours d'analyse auprès de la CCIN, en lien avec "
    "l'outil Microsoft 365.\n"
    "Le responsable de traitement précise par ailleurs que le présent traitement fait l'objet d'un rapprochement "
    "avec le traitement « Assistance aux utilisateurs du système d'information de la DENJS » et d'une "
    "interconnexion avec le traitement « Gestion et analyse des évènements du système d'information ».\n"
    "Il est en outre susceptible de faire l'objet d'un rapprochement ou d'une interconnexion avec tout traitement "
    "de la DENJS nécessitant une habilitation gérée par le système d'information de cette Direction.\n"
    "Enfin, il appert que le présent traitement est interconnecté avec un traitement ayant pour finalité la gestion "
    "de la messagerie professionnelle, propre au responsable de traitement, non légalement mis à œuvre. Il est "
    "enfin susceptible de faire l'objet d'un rapprochement avec un traitement en lien avec les ressources humaines.\n"
    "Au regard de ce qui précède, la Commission rappelle que tout rapprochement ou interconnexion ne peut avoir "
    "lieu qu'entre des traitements légalement mis en œuvre.\n"
    "Aussi, elle demande que les traitements ayant pour finalité « Assistance aux utilisateurs du système "
    "d'information de la DENJS », « Gestion et analyse des évènements du système d'information » et celui relatif "
    "à la gestion de la messagerie professionnelle lui soient déposés dans les meilleurs délais.\n"
    "La Commission rappelle au surplus que les traitements de la DENJS, non légalement mis en œuvre, appelés à "
    "faire l'objet d'une interconnexion ou d'un rapprochement avec le présent traitement devront lui être "
    "préalablement soumis."
)

CASES = [
    pytest.param(
        SEED_2021_81,
        [
            (INTER, "Gestion des techniques automatisées d'information et de communication", LEGAL),
            (INTER, "Gestion des outils de communication instantanée", CONC),
        ],
        id="2021-81",
    ),
    pytest.param(
        SEED_2024_165,
        [
            (INTER, "Gestion des habilitations et des accès au Système d'information", LEGAL),
            (INTER, "Gestion de la messagerie professionnelle", LEGAL),
            (
                INTER,
                "Gestion centralisée des accès aux applications du Système d'information",
                LEGAL,
            ),
            (INTER, "Gestion et analyse des évènements du Système d'information", LEGAL),
            (RAPPR, "Assistance aux utilisateurs par le Centre de Service de la DSI", UNK),
        ],
        id="2024-165",
    ),
    pytest.param(
        SEED_2022_62,
        [(RAPPR, "Gestion de la messagerie électronique professionnelle", LEGAL)],
        id="2022-62",
    ),
    pytest.param(
        SEED_2024_9,
        [
            (
                RAPPR,
                "Gestion des dossiers scolaires des élèves inscrits dans les établissements publics de la Principauté",
                LEGAL,
            ),
            (INTER, "les traitements en lien avec l'outil Microsoft 365", REVIEW),
            (RAPPR, "Assistance aux utilisateurs du système d'information de la DENJS", UNK),
            (INTER, "Gestion et analyse des évènements du système d'information", UNK),
            (
                INTER,
                "tout traitement de la DENJS nécessitant une habilitation gérée par le système d'information de "
                "cette Direction",
                UNK,
            ),
            (
                INTER,
                "un traitement ayant pour finalité la gestion de la messagerie professionnelle",
                NOT,
            ),
            (RAPPR, "un traitement en lien avec les ressources humaines", UNK),
        ],
        id="2024-9",
    ),
    # early-2010s wording
    pytest.param(
        "Le traitement est interconnecté avec le traitement automatisé d'informations nominatives ayant pour "
        "finalité « Gestion des ressources humaines », dûment mis en œuvre.",
        [(INTER, "Gestion des ressources humaines", LEGAL)],
        id="2012-duement",
    ),
    pytest.param(
        "Le responsable de traitement indique que le traitement n'est ni interconnecté ni rapproché avec d'autres "
        "traitements.",
        [],
        id="none",
    ),
    pytest.param("Le traitement ne fait l'objet d'aucune interconnexion.", [], id="aucune"),
    pytest.param("", [], id="missing-section"),
    pytest.param(
        "Le traitement fait l'objet d'un rapprochement avec les traitements « Gestion de la paie » et « Gestion des "
        "congés », légalement mis en œuvre.",
        [(RAPPR, "Gestion de la paie", LEGAL), (RAPPR, "Gestion des congés", LEGAL)],
        id="status-after-list",
    ),
    pytest.param(
        "Le présent traitement est rapproché du traitement ayant pour finalité « Gestion des badges », qui sera "
        "prochainement soumis à la Commission.",
        [(RAPPR, "Gestion des badges", NOT)],
        id="to-be-submitted",
    ),
    pytest.param(
        "Les traitements interconnectés sont les suivants :\n"
        "• « Gestion des accès », légalement mis en œuvre ;\n"
        "> « Gestion des visiteurs », concomitamment soumis ;\n"
        "o « Vidéoprotection », en cours d'examen.",
        [
            (INTER, "Gestion des accès", LEGAL),
            (INTER, "Gestion des visiteurs", CONC),
            (INTER, "Vidéoprotection", REVIEW),
        ],
        id="bullets",
    ),
    pytest.param(
        "La Commission rappelle que tout rapprochement ou interconnexion ne peut avoir lieu qu'entre des "
        "traitements légalement mis en œuvre.",
        [],
        id="reminder",
    ),
    # --- wordings of the genre beyond the seeds
    pytest.param(
        "Le traitement est interconnecté avec le traitement ayant pour finalité « Gestion de la paie », légalement "
        "mis en œuvre.",
        [(INTER, "Gestion de la paie", LEGAL)],
        id="interconnecte-legal",
    ),
    pytest.param(
        "Le responsable de traitement indique que le traitement fait l'objet d'un rapprochement avec le traitement "
        "ayant pour finalité « Gestion administrative des élèves », concomitamment soumis à l'avis de la "
        "Commission.",
        [(RAPPR, "Gestion administrative des élèves", CONC)],
        id="concomitamment-a-la-commission",
    ),
    pytest.param("Le traitement n'est pas interconnecté.", [], id="pas-interconnecte"),
    pytest.param(
        "Le responsable de traitement indique que le traitement ne fait l'objet d'aucun rapprochement ni d'aucune "
        "interconnexion.",
        [],
        id="aucun-ni-aucune",
    ),
    # the CCIN as a complement ("par la CCIN") does not make the item the Commission's
    pytest.param(
        "Le présent traitement est rapproché des traitements suivants :\n"
        "- « Gestion du personnel », légalement mis en œuvre ;\n"
        "- « Gestion de la formation », en cours d'analyse par la CCIN.",
        [(RAPPR, "Gestion du personnel", LEGAL), (RAPPR, "Gestion de la formation", REVIEW)],
        id="par-la-ccin",
    ),
    pytest.param(
        "Il est rapproché avec le traitement « Gestion des visiteurs », qui a reçu un avis favorable de la "
        "Commission.",
        [(RAPPR, "Gestion des visiteurs", LEGAL)],
        id="avis-favorable",
    ),
    pytest.param(
        "Le traitement fait l'objet d'une interconnexion avec le traitement ayant pour finalité « Gestion de la "
        "téléphonie », non encore soumis à la Commission.",
        [(INTER, "Gestion de la téléphonie", NOT)],
        id="non-encore-soumis",
    ),
    # one status for two coordinated targets
    pytest.param(
        "Des interconnexions sont réalisées avec les traitements « Gestion des congés » et « Gestion des absences », "
        "légalement mis en œuvre, et avec le traitement « Gestion des plannings », concomitamment soumis.",
        [
            (INTER, "Gestion des congés", LEGAL),
            (INTER, "Gestion des absences", LEGAL),
            (INTER, "Gestion des plannings", CONC),
        ],
        id="coordinated",
    ),
    # a described target that is a software, not a processing
    pytest.param(
        "Le traitement est interconnecté avec le logiciel de gestion de la paie de la Direction.",
        [(INTER, "le logiciel de gestion de la paie de la Direction", UNK)],
        id="logiciel",
    ),
    # statuses in other words; "Elle" is not always the Commission; a described target ends at "qui"
    pytest.param(
        "Il est interconnecté avec le traitement « Gestion des badges », pour lequel aucune formalité n'a été "
        "accomplie, et rapproché du traitement « Gestion des congés », dont l'examen est en cours.",
        [(INTER, "Gestion des badges", NOT), (RAPPR, "Gestion des congés", REVIEW)],
        id="formalite-examen-en-cours",
    ),
    pytest.param(
        "La modification introduit un nouveau module. Elle introduit une interconnexion avec le traitement "
        "« Gestion des stocks », soumis concomitamment.",
        [(INTER, "Gestion des stocks", CONC)],
        id="elle-is-the-modification",
    ),
    pytest.param(
        "Il est rapproché du traitement relatif à la facturation des adhérents, qui n'a pas été soumis.",
        [(RAPPR, "traitement relatif à la facturation des adhérents", NOT)],
        id="rapproche-du-traitement",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_section(text: str, expected: list[tuple[str, str, str]]) -> None:
    rows = extract(text).tables.get("interconnections", [])
    assert [(r.link_type.value, r.target_purpose, r.target_status.value) for r in rows] == expected


def test_offsets() -> None:
    for row in extract(SEED_2024_165).tables["interconnections"]:
        assert row.target_purpose in SEED_2024_165[row.start : row.end]
