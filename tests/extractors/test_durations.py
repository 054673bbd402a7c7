"""Durations in French → ISO 8601 in the printed unit.

To add a case, write the sentence with each duration marked
``<duration iso=P6M>six mois</duration>`` (the annotation syntax:
``pipeline/testbed/annotations.py``); the test checks the value and the span.
"""

from __future__ import annotations

import pytest

from extractors.common.durations import (
    find_durations,
    find_ranges,
    find_trigger,
    find_until,
    is_rolling,
    parse_number,
    to_iso,
)
from pipeline.testbed.annotations import check_records, parse

DURATIONS = [
    "conservées <duration iso=P6M>6 mois</duration>",
    "purgées après <duration iso=P24M>24 mois</duration>",  # 24 mois stays P24M, not P2Y
    "conservées <duration iso=P2Y>deux ans</duration>",
    "conservées <duration iso=P1Y>un an</duration> à compter de la collecte",
    "conservées pendant une durée d'<duration iso=P1Y>un an</duration>",
    "les informations temporelles sont conservées <duration iso=P30D>30 jours</duration>",
    "effacées au bout d'<duration iso=P1W>une semaine</duration>",
    "supprimés à l'issue d'un délai de <duration iso=P2M>deux mois</duration>",
    "conservées <duration iso=P3M>trois (3) mois</duration>",
    "conservées <duration iso=P1Y6M>1 an et 6 mois</duration>",
    "conservées <duration iso=P18M>dix-huit mois</duration>",
    "conservées <duration iso=P5Y>cinq ans</duration> puis archivées <duration iso=P10Y>10 ans</duration>",
    "anonymisées au bout d'<duration iso=P1M>un mois</duration> et purgées après <duration iso=P24M>24 mois</duration>",
    "conservées jusqu'au départ de celui-ci plus <duration iso=P6M>6 mois</duration>",
    "sur une période de <duration iso=P12M>12 mois</duration> glissants",
    "conservées <duration iso=P1Y6M>un an et demi</duration>",
    "les enregistrements sont effacés après <duration iso=PT48H>48 heures</duration>",
    "conservées <duration iso=P24M>vingt-quatre mois</duration>",
    "durant <duration iso=P3Y>3 années</duration>",
    "pendant <duration iso=P1Y>une année</duration>",
    "conservées <duration iso=P10Y>dix ans</duration> à compter de la clôture du dossier",
    "conformément à la recommandation n° 2017-206 du 20 décembre 2017",  # no duration
    "au maximum à la rentrée suivante pour ceux qui quitteraient pendant l'année scolaire",
    "conservées <duration iso=P5Y>5 (cinq) ans</duration>",
    "conservées <duration iso=P12M>12 (douze) mois</duration>",
    "conservées <duration iso=P5Y>5ans</duration>",  # OCR glues the unit to its number
    "conservées <duration iso=P90D>quatre-vingt-dix jours</duration>",
    "conservées quelques mois",
    "les ans passent",
]


@pytest.mark.parametrize("annotated", DURATIONS)
def test_durations(annotated: str) -> None:
    text, marks = parse(annotated)
    check_records(text, find_durations(text), marks)


@pytest.mark.parametrize(
    ("text", "minimum", "maximum"),
    [
        ("la Commission fixe de 3 mois minimum à un an maximum leur durée", "P3M", "P1Y"),
        ("conservées entre 3 et 6 mois", "P3M", "P6M"),
        ("conservées de 3 à 6 mois", "P3M", "P6M"),
        ("conservées de six mois à un an", "P6M", "P1Y"),
        ("conservées 6 mois maximum", None, "P6M"),
        ("conservées au maximum un an", None, "P1Y"),
        ("conservées au moins deux ans", "P2Y", None),
        ("ne pouvant excéder 30 jours", None, "P30D"),
        ("pour une durée maximale de 6 mois", None, "P6M"),
        ("pour une durée minimale de 2 ans", "P2Y", None),
        ("conservées 5 ans au plus", None, "P5Y"),
    ],
)
def test_ranges(text: str, minimum: str | None, maximum: str | None) -> None:
    ranges = find_ranges(text)
    assert [(r.min, r.max) for r in ranges] == [(minimum, maximum)]


@pytest.mark.parametrize(
    "text", ["conservées 6 mois", "conservées jusqu'au départ plus 3 mois", ""]
)
def test_no_range(text: str) -> None:
    assert find_ranges(text) == []


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("un", 1),
        ("une", 1),
        ("deux", 2),
        ("dix-huit", 18),
        ("vingt et un", 21),
        ("12", 12),
        ("d'un", 1),
    ],
)
def test_parse_number(words: str, value: int) -> None:
    assert parse_number(words) == value


@pytest.mark.parametrize("words", ["quelques", "l'", "demi", "", "conservées"])
def test_parse_number_rejects(words: str) -> None:
    assert parse_number(words) is None


def test_to_iso() -> None:
    assert to_iso("deux mois") == "P2M"
    assert to_iso("rien") is None


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("conservées jusqu'au départ de celui-ci plus 6 mois", "départ"),
        (
            "conservées 5 ans à compter de la fin de la relation contractuelle",
            "fin de la relation contractuelle",
        ),
        ("effacées au bout de 6 mois après le départ, et au maximum à la rentrée", "départ"),
        ("à 3 mois après le départ ces derniers", "départ"),
        ("à 3 mois à compter du départ de la personne", "départ de la personne"),
        ("15 ans à compter de leur dernière venue", "dernière venue"),
        ("5 ans à partir de la clôture du dossier", "clôture du dossier"),
        ("supprimées à la fin de la relation contractuelle", "fin de la relation contractuelle"),
        ("effacées dès la clôture du dossier", "clôture du dossier"),
        ("supprimés lors du départ de l'agent", "départ de l'agent"),
        ("pendant la durée du contrat augmentée de 5 ans", "durée du contrat"),
        ("jusqu'à l'expiration du contrat majorée de 5 ans", "expiration du contrat"),
        ("pendant la durée du contrat", None),  # an open condition: see find_until
        ("supprimés à l'issue d'un délai de deux mois", None),  # a delay, not an event
        ("conservées jusqu'au départ de l'agent", None),  # an open condition: see find_until
        ("conservées 6 mois", None),
    ],
)
def test_find_trigger(text: str, trigger: str | None) -> None:
    assert find_trigger(text) == trigger


@pytest.mark.parametrize(
    ("text", "until"),
    [
        (
            "conservées tant que l'utilisateur travaille au sein de la DITN/DSI.",
            "tant que l'utilisateur travaille au sein de la DITN/DSI",
        ),
        (
            "conservées tant que le compte est actif, puis supprimées",
            "tant que le compte est actif",
        ),
        (
            "pendant toute la durée de la relation contractuelle.",
            "pendant toute la durée de la relation contractuelle",
        ),
        ("conservées jusqu'au départ de l'agent", "jusqu'au départ de l'agent"),
        ("conservées 6 mois", None),
    ],
)
def test_find_until(text: str, until: str | None) -> None:
    assert find_until(text) == until


@pytest.mark.parametrize(
    ("text", "rolling"),
    [("12 mois glissants", True), ("une période glissante d'un an", True), ("12 mois", False)],
)
def test_is_rolling(text: str, rolling: bool) -> None:
    assert is_rolling(text) is rolling
