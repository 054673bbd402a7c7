"""French dates, composed from small named regex atoms (edsnlp style).

``FRENCH_DATE`` matches "21 avril 2021", "1er avril 2020", "1 er août 2011",
"5 octobre 2009", "15 Décembre 2021" (any case, accents optional); ``date_from_match``
turns a match into a ``date``. Numeric dates ("16/07/2021") are read by
``parse_numeric_date``.
"""

from __future__ import annotations

import re
from datetime import date

from extractors.common.wordre import word_re

MONTHS: dict[str, int] = {
    "janvier": 1,
    "fevrier": 2,
    "février": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "aout": 8,
    "août": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "decembre": 12,
    "décembre": 12,
}
#: the months as printed ("février", "août", "décembre"), January first
MONTH_NAMES: tuple[str, ...] = tuple(
    max((name for name, n in MONTHS.items() if n == month), key=lambda name: not name.isascii())
    for month in range(1, 13)
)

DAY = r"(?P<day>[0-3]?\d)\s?(?:er|ER|Er)?"
MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
YEAR = r"(?P<year>(?:19|20)\d\d)"
FRENCH_DATE = word_re(rf"\b{DAY}\s+{MONTH}\s+{YEAR}\b", re.IGNORECASE)
NUMERIC_DATE = word_re(r"\b(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[/.](?P<year>(?:19|20)\d\d)\b")


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def date_from_match(m: re.Match[str]) -> date | None:
    """The date of a ``FRENCH_DATE`` match (None when it names no real day)."""
    return _make(int(m["year"]), MONTHS[m["month"].lower()], int(m["day"]))


def parse_numeric_date(text: str) -> date | None:
    """A DD/MM/YYYY date (the site's metadata), or None."""
    m = NUMERIC_DATE.search(text)
    return _make(int(m["year"]), int(m["month"]), int(m["day"])) if m else None
