"""ISO 8601 durations as months (the schema 1.1 ``*_months`` columns)."""

from __future__ import annotations

import pytest

from models.durations import DAYS_PER_MONTH, iso_months
from models.enums import SetBy
from models.records import RetentionRule


@pytest.mark.parametrize(
    ("iso", "months"),
    [
        ("P6M", 6.0),
        ("P1Y", 12.0),
        ("P12M", 12.0),
        ("P1Y6M", 18.0),
        ("P30D", 30 / DAYS_PER_MONTH),
        ("P2W", 14 / DAYS_PER_MONTH),
        ("PT48H", 2 / DAYS_PER_MONTH),  # "48 heures"
        ("PT30M", 30 / (24 * 60 * DAYS_PER_MONTH)),  # after T, M is minutes
        ("P1DT12H", 1.5 / DAYS_PER_MONTH),
        ("PT", None),
        (None, None),
        ("", None),
        ("P", None),
        ("6 mois", None),
    ],
)
def test_iso_months(iso, months):
    if months is None:
        assert iso_months(iso) is None
    else:
        assert iso_months(iso) == pytest.approx(months)


def test_a_rule_carries_its_periods_in_months():
    rule = RetentionRule(
        "logs", "retain", "P1Y", None, "P1Y", None, None, False, SetBy.CONTROLLER, "…"
    )
    assert (rule.duration_months, rule.duration_min_months, rule.duration_max_months) == (
        12,
        None,
        12,
    )
