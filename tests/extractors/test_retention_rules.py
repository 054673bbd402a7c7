"""Section VIII "Sur la durée de conservation" → retention rules.

Each case is a French text (one line a paragraph or list item, as after normalisation)
and the rules expected in order, written as ``R(field=value, …)``: only the fields
given are checked (``scope`` is ``data_scope``, ``dur`` is ``duration``).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.retention_rules import extract, extract_closing, merge_rules
from models.enums import SetBy
from models.records import Extraction, RetentionRule

C, K = SetBy.CONTROLLER, SetBy.COMMISSION


def R(**fields: object) -> dict[str, object]:
    rename = {
        "scope": "data_scope",
        "dur": "duration",
        "min": "duration_min",
        "max": "duration_max",
    }
    return {rename.get(k, k): v for k, v in fields.items()}


def check(rules: list[RetentionRule], expected: list[dict[str, object]]) -> None:
    assert len(rules) == len(expected), [(r.data_scope, r.duration, r.set_by) for r in rules]
    for rule, exp in zip(rules, expected, strict=True):
        got = {k: getattr(rule, k) for k in exp}
        assert got == exp


SEED_2021_81 = (
    "Les informations relatives aux contacts (destinataires/expéditeurs/contacts des messages), aux messages, "
    "documents de travail et au calendrier répondent à une politique d'archivage.\n"
    "Les informations d'identité relatives à l'administrateur (identité, vie professionnelle, coordonnées "
    "professionnelles, données d'identification électronique) sont conservées jusqu'au départ de celui-ci plus 6 mois.\n"
    "Les informations d'identité relatives à l'utilisateur (identité, vie professionnelle, coordonnées "
    "professionnelles, données d'identification électronique) sont conservées jusqu'au départ de celui-ci plus 3 mois. "
    "Il peut retirer sa photo à tout moment.\n"
    "Les autres informations liées à la solution, qui comprennent les données de connexion, les informations "
    "temporelles et les informations en lien avec les messages, sont conservées sur une période de 12 mois glissants.\n"
    "La Commission considère que ces durées de conservation sont conformes aux exigences légales."
)
SEED_2024_165 = (
    "Le responsable de traitement indique que les informations relatives à l'identité, aux coordonnées, à la vie "
    "professionnelle, aux données d'identification électronique, aux données statistiques et aux informations "
    "temporelles concernant les utilisateurs, les managers et les administrateurs de la solution sont conservées "
    "tant que l'utilisateur travaille au sein de la DITN/DSI.\n"
    "Par ailleurs, les logs système sont supprimés à l'issue d'un délai de deux mois.\n"
    "Enfin, il est précisé que les données des visiteurs de la DITN/DSI sont conservées tant que le visiteur a un "
    "bureau réservé.\n"
    "La Commission relève que ces délais sont conformes aux exigences légales."
)
SEED_2022_62 = (
    "Les données sont anonymisées de manière automatique au bout d'un mois et purgées après 24 mois, à l'exception "
    "des informations relatives aux agents de l'administration et au prestataire qui sont conservées tant que le "
    "compte est actif.\n"
    "Le responsable de traitement indique, par ailleurs, que les informations temporelles sont conservées 30 jours. "
    "À cet égard, la Commission fixe de 3 mois minimum à un an maximum leur durée de conservation.\n"
    "Sous cette réserve elle considère que ces délais sont conformes aux exigences légales."
)
IDENTITY = (
    "informations relatives à l'identité et à la vie professionnelle des utilisateurs élèves, personnel enseignant "
    "ou assimilé, personnel administratif/technique"
)
SEED_2024_9 = (
    "Le responsable de traitement indique que les informations sont conservées comme suit :\n"
    "- en ce qui concerne les informations relatives à l'identité et à la vie professionnelle des utilisateurs "
    "élèves, personnel enseignant ou assimilé, personnel administratif/ technique les données sont effacées au bout "
    "de 6 mois après le départ, et au maximum à la rentrée suivante pour ceux qui quitteraient les établissements "
    "pendant l'année scolaire.\n"
    "Le responsable de traitement précise que ce délai est nécessaire pour s'assurer que le matériel informatique "
    "soit rendu avant que le nom de l'utilisateur ne soit effacé du système.\n"
    "- les informations temporelles sont conservées 12 mois.\n"
    f"S'agissant des {IDENTITY}, la Commission estime cette durée trop longue et la fixe, conformément à sa "
    "recommandation n° 2017-206 du 20 décembre 2017, à 3 mois après le départ ces derniers.\n"
    "En conséquence, elle fixe la durée de conservation des logins à 3 mois à compter du départ de la personne.\n"
    "Sous cette réserve, la Commission considère que ces délais sont conformes aux exigences légales."
)

CASES = [
    pytest.param(
        SEED_2021_81,
        [
            R(
                action="archive",
                dur=None,
                set_by=C,
                scope="informations relatives aux contacts "
                "(destinataires/expéditeurs/contacts des messages), aux messages, documents de travail et au calendrier",
            ),
            R(action="retain", dur="P6M", trigger="départ", set_by=C),
            R(action="retain", dur="P3M", trigger="départ", until=None),
            R(dur="P12M", rolling=True, trigger=None),
        ],
        id="2021-81",
    ),
    pytest.param(
        SEED_2024_165,
        [
            R(
                action="retain",
                dur=None,
                until="tant que l'utilisateur travaille au sein de la DITN/DSI",
            ),
            R(scope="logs système", action="delete", dur="P2M", trigger=None),
            R(
                scope="données des visiteurs de la DITN/DSI",
                until="tant que le visiteur a un bureau réservé",
            ),
        ],
        id="2024-165",
    ),
    pytest.param(
        SEED_2022_62,
        [
            R(scope="données", action="anonymise", dur="P1M"),
            R(scope="données", action="delete", dur="P24M"),
            R(
                scope="informations relatives aux agents de l'administration et au prestataire",
                action="retain",
                until="tant que le compte est actif",
            ),
            R(scope="informations temporelles", dur="P30D", set_by=C),
            R(scope="informations temporelles", dur=None, min="P3M", max="P1Y", set_by=K),
        ],
        id="2022-62",
    ),
    pytest.param(
        SEED_2024_9,
        [
            R(
                scope="informations relatives à l'identité et à la vie professionnelle des utilisateurs élèves, "
                "personnel enseignant ou assimilé, personnel administratif/ technique",
                action="delete",
                dur="P6M",
                trigger="départ",
                set_by=C,
            ),
            R(scope="informations temporelles", dur="P12M", set_by=C),
            R(scope=IDENTITY, dur="P3M", trigger="départ", set_by=K),
            R(scope="logins", dur="P3M", trigger="départ de la personne", set_by=K),
        ],
        id="2024-9",
    ),
    # chained periods are two rules
    pytest.param(
        "Les dossiers sont conservés 5 ans à compter de la fin de la relation contractuelle puis archivés 10 ans.",
        [
            R(
                scope="dossiers",
                action="retain",
                dur="P5Y",
                trigger="fin de la relation contractuelle",
            ),
            R(scope="dossiers", action="archive", dur="P10Y", trigger=None),
        ],
        id="chained",
    ),
    # durations in words
    pytest.param(
        "Les images sont conservées deux mois.\nLes comptes rendus sont détruits après cinq ans.\n"
        "Les données de connexion sont conservées un an.",
        [
            R(scope="images", dur="P2M"),
            R(scope="comptes rendus", action="delete", dur="P5Y"),
            R(scope="données de connexion", dur="P1Y"),
        ],
        id="words",
    ),
    # early-2010s wording: a single sentence, "durée de conservation" as a noun
    pytest.param(
        "La durée de conservation des informations est de 3 ans à compter de la date de clôture du dossier.\n"
        "La Commission considère que cette durée est conforme aux exigences légales.",
        [
            R(
                scope="informations",
                action="retain",
                dur="P3Y",
                trigger="date de clôture du dossier",
                set_by=C,
            )
        ],
        id="2011-noun",
    ),
    pytest.param(
        "Les informations sont conservées pendant toute la durée de la relation contractuelle.",
        [
            R(
                scope="informations",
                dur=None,
                until="pendant toute la durée de la relation contractuelle",
            )
        ],
        id="until-contract",
    ),
    pytest.param(
        "Le responsable de traitement indique que les informations sont conservées 10 ans. "
        "La Commission demande que cette durée soit ramenée à 5 ans.",
        [
            R(scope="informations", dur="P10Y", set_by=C),
            R(scope="informations", dur="P5Y", set_by=K),
        ],
        id="commission-shortens",
    ),
    # a list with "-", "•", "–", "o" and ">" bullets, ending ";", "," or "."
    pytest.param(
        "Les informations sont conservées comme suit :\n"
        "- les données d'identification sont conservées 1 an ;\n"
        "• les logs sont supprimés au bout de 6 mois,\n"
        "– les courriels sont archivés 3 ans.\n"
        "o les images sont effacées après 30 jours ;\n"
        "> les badges sont détruits au départ de l'agent.",
        [
            R(scope="données d'identification", dur="P1Y"),
            R(scope="logs", action="delete", dur="P6M"),
            R(scope="courriels", action="archive", dur="P3Y"),
            R(scope="images", action="delete", dur="P30D"),
            R(scope="badges", action="delete", dur=None, trigger="départ de l'agent"),
        ],
        id="bullets",
    ),
    # items with no verb, under an intro
    pytest.param(
        "Les durées de conservation sont les suivantes :\n- identité : 5 ans après le départ ;\n- logs : 1 an.",
        [R(scope="identité", dur="P5Y", trigger="départ"), R(scope="logs", dur="P1Y")],
        id="bare-items",
    ),
    pytest.param(
        "S'agissant des visiteurs, leurs données sont conservées 1 mois.",
        [R(scope="visiteurs", dur="P1M")],
        id="topic",
    ),
    pytest.param(
        "Les données relatives aux candidats non retenus sont conservées 2 ans à compter du dernier contact.",
        [
            R(
                scope="données relatives aux candidats non retenus",
                dur="P2Y",
                trigger="dernier contact",
            )
        ],
        id="retenus-is-not-a-verb",
    ),
    pytest.param(
        "Les données sont conservées le temps de l'instruction de la demande puis 5 ans en archive.",
        [
            R(
                scope="données",
                action="retain",
                dur=None,
                until="le temps de l'instruction de la demande",
            ),
            R(scope="données", action="archive", dur="P5Y"),
        ],
        id="en-archive",
    ),
    pytest.param(
        "Les données sont conservées 6 mois pour les visiteurs et 1 an pour les salariés.",
        [R(scope="visiteurs", dur="P6M"), R(scope="salariés", dur="P1Y")],
        id="one-duration-per-group",
    ),
    pytest.param(
        "Le responsable de traitement indique que les données des patients sont conservées 15 ans à compter de "
        "leur dernière venue, et que les données des visiteurs sont supprimées au bout de 48 heures.",
        [
            R(scope="données des patients", dur="P15Y", trigger="dernière venue"),
            R(scope="données des visiteurs", action="delete", dur="PT48H"),
        ],
        id="two-subjects",
    ),
    pytest.param(
        "Les données sont conservées au maximum 6 mois.",
        [R(dur="P6M", max="P6M", min=None)],  # a lone bound fills duration too (schema 1.1)
        id="half-range",
    ),
    # the Commission reports the controller's duration: the rule is the controller's
    pytest.param(
        "La Commission relève que les données sont conservées 5 ans.",
        [R(scope="données", dur="P5Y", set_by=C)],
        id="commission-reports",
    ),
    # the Commission only approves or reminds: no row
    pytest.param(
        "La Commission considère que ces durées sont conformes aux exigences légales.",
        [],
        id="approval",
    ),
    # the Commission reminding of a period states it as its own (set_by commission)
    pytest.param(
        "La Commission rappelle que les données ne peuvent être conservées au-delà de 6 mois.",
        [R(scope="données", dur="P6M", max="P6M", set_by=K)],
        id="reminder",
    ),
    pytest.param("", [], id="empty"),
    # --- wordings of the genre beyond the seeds
    pytest.param(
        "Les informations sont conservées pendant toute la durée de la relation commerciale puis archivées 10 ans.",
        [
            R(action="retain", dur=None, until="pendant toute la durée de la relation commerciale"),
            R(scope="informations", action="archive", dur="P10Y"),
        ],
        id="relation-then-archive",
    ),
    pytest.param(
        "Les données des clients sont conservées tant que le compte est actif.\n"
        "Les logs de connexion sont conservés 1 an glissant.\n"
        "Les images sont conservées entre 3 et 6 mois.",
        [
            R(scope="données des clients", dur=None, until="tant que le compte est actif"),
            R(scope="logs de connexion", dur="P1Y", rolling=True),
            R(scope="images", dur=None, min="P3M", max="P6M"),
        ],
        id="until-rolling-range",
    ),
    # the contract's duration plus a period: the period runs from the contract
    pytest.param(
        "Les données sont conservées pendant la durée du contrat augmentée de 5 ans.",
        [R(scope="données", dur="P5Y", trigger="durée du contrat", until=None)],
        id="augmentee-de",
    ),
    pytest.param(
        "Les informations sont conservées jusqu'à l'extinction des délais de recours.",
        [R(dur=None, trigger=None, until="jusqu'à l'extinction des délais de recours")],
        id="until-recours",
    ),
    pytest.param(
        "La Commission fixe la durée de conservation à 3 mois.",
        [R(scope=None, dur="P3M", set_by=K)],
        id="commission-fixes",
    ),
    pytest.param(
        "Les enregistrements sont conservés trente jours.\nLes données sont conservées dix-huit mois.\n"
        "Les données de badge sont conservées un mois.\nLes pièces justificatives sont conservées dix (10) ans.",
        [R(dur="P30D"), R(dur="P18M"), R(scope="données de badge", dur="P1M"), R(dur="P10Y")],
        id="numbers-in-words",
    ),
    # deletion at an event, without a period
    pytest.param(
        "Les données sont effacées dès la fin de la relation contractuelle.",
        [
            R(
                scope="données",
                action="delete",
                dur=None,
                trigger="fin de la relation contractuelle",
            )
        ],
        id="des-la-fin",
    ),
    # an elided verb: "et les logs [sont conservés] 6 mois"
    pytest.param(
        "Les données sont conservées 1 an et les logs 6 mois.",
        [R(scope="données", dur="P1Y"), R(scope="logs", dur="P6M")],
        id="ellipsis",
    ),
    # … and the event belongs to its own duration only
    pytest.param(
        "Les données sont conservées 5 ans à compter de la fin de la relation contractuelle, et les données de "
        "connexion 1 an.",
        [
            R(scope="données", dur="P5Y", trigger="fin de la relation contractuelle"),
            R(scope="données de connexion", dur="P1Y", trigger=None),
        ],
        id="ellipsis-trigger",
    ),
    pytest.param(
        "La Commission considère que la durée de conservation des images ne saurait excéder 1 mois et la fixe à "
        "30 jours.",
        [R(scope="images", dur="P30D", set_by=K)],
        id="commission-scope-before-fixe",
    ),
    pytest.param(
        "La Commission demande que les images soient conservées un mois maximum.",
        [R(scope="images", dur="P1M", max="P1M", set_by=K)],
        id="commission-subject",
    ),
    pytest.param(
        "Les données sont conservées pour une durée maximale de 6 mois.",
        [R(dur="P6M", min=None, max="P6M")],
        id="duree-maximale",
    ),
    pytest.param(
        "Les durées de conservation sont les suivantes :\n"
        "- données d'identification : 1 mois à compter de la fin du contrat ;\n"
        "- logs de connexion : 1 an glissant ;\n"
        "- données de facturation : 10 ans.",
        [
            R(scope="données d'identification", dur="P1M", trigger="fin du contrat"),
            R(scope="logs de connexion", dur="P1Y", rolling=True),
            R(scope="données de facturation", dur="P10Y", rolling=False),
        ],
        id="bare-items-trigger-rolling",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_section(text: str, expected: list[dict[str, object]]) -> None:
    check(extract(text).tables.get("retention_rules", []), expected)


def test_offsets_point_to_raw() -> None:
    for rule in extract(SEED_2022_62).tables["retention_rules"]:
        assert SEED_2022_62[rule.start : rule.end].startswith(rule.raw)


CLOSING_2022_62 = (
    "Après en avoir délibéré, la Commission :\n"
    "Fixe de 3 mois minimum à un an maximum la durée de conservation des informations temporelles.\n"
    "Sous le bénéfice de la prise en compte de ce qui précède,"
)
CLOSING_2024_9 = (
    "Après en avoir délibéré, la Commission :\n"
    "Estime trop longue la durée de conservation s'agissant des informations relatives à l'identité.\n"
    "Fixe la durée de conservation s'agissant des informations relatives à l'identité et à la vie "
    "professionnelle des utilisateurs élèves, personnel enseignant ou assimilé, personnel administratif/ technique "
    "à 3 mois après le départ ces derniers.\n"
    "Rappelle que les logs ne peuvent être conservés plus d'un an."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (CLOSING_2022_62, [R(scope="informations temporelles", min="P3M", max="P1Y", set_by=K)]),
        (
            CLOSING_2024_9,
            [
                R(
                    scope="informations relatives à l'identité et à la vie professionnelle des utilisateurs élèves, "
                    "personnel enseignant ou assimilé, personnel administratif/ technique",
                    dur="P3M",
                    trigger="départ",
                    set_by=K,
                )
            ],
        ),
        (
            "Demande que les images soient supprimées au bout de 15 jours.",
            [R(action="delete", dur="P15D")],
        ),
        ("Rappelle que les données doivent être conservées 1 an.", []),
    ],
)
def test_closing(text: str, expected: list[dict[str, object]]) -> None:
    check(extract_closing(text), expected)


@pytest.mark.parametrize(
    ("section", "closing", "kept_from_closing"),
    [
        (
            SEED_2022_62,
            CLOSING_2022_62,
            0,
        ),  # the range is fixed in VIII and repeated in the closing part
        (SEED_2024_9, CLOSING_2024_9, 0),
        (SEED_2024_165, CLOSING_2022_62, 1),  # only the closing part fixes it
        ("", CLOSING_2024_9, 1),
    ],
)
def test_merge_rules(section: str, closing: str, kept_from_closing: int) -> None:
    section_rules = extract(section).tables.get("retention_rules", [])
    merged = merge_rules(section_rules, extract_closing(closing))
    assert merged[: len(section_rules)] == section_rules
    assert len(merged) - len(section_rules) == kept_from_closing


def test_merge_keeps_controller_rules() -> None:
    """A controller's duration equal to the closing's is not a Commission fix: keep both."""
    section = extract("Les informations temporelles sont conservées 3 mois.").tables[
        "retention_rules"
    ]
    closing = extract_closing(
        "Fixe à 3 mois la durée de conservation des informations temporelles."
    )
    assert len(merge_rules(section, closing)) == 2


FRAGMENTS = [
    "conservées",
    "6 mois",
    "deux ans",
    "jusqu'au",
    "tant que",
    "la Commission fixe",
    "de 3 mois minimum à",
    "un an maximum",
    "qui sont",
    "à l'exception des",
    "puis archivées",
    ":",
    "\n- ",
    ";",
    ".",
    " ",
    "« ",
    "»",
    "durée de conservation des",
    "après le départ",
    "leur",
    "S'agissant des",
    ",",
    "(3)",
    "et demi",
    "à compter du",
    "augmentée de",
    "dès la fin",
    "et les logs",
    "ne saurait excéder",
    "et la fixe à",
    "durée maximale de",
    "5 (cinq) ans",
    "pendant la durée du",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=30))
def test_never_raises(parts: list[str]) -> None:
    text = "".join(parts)
    result = extract(text)
    assert isinstance(result, Extraction)
    assert not [i for i in result.issues if i.code.endswith("_failed")]
    assert isinstance(extract_closing(text), list)
