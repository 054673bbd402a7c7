"""ISO 8601 durations as numbers of months (schema 1.1 ``*_months`` columns).

A month is the average Gregorian month, 30.4375 days: ``P6M`` → 6, ``P1Y`` → 12,
``P30D`` → 30 / 30.4375, ``P2W`` → 14 / 30.4375, ``PT48H`` → 2 / 30.4375 (after ``T``,
``M`` is minutes). A value that is not an ISO 8601 duration gives None.
"""

from __future__ import annotations

import re

DAYS_PER_MONTH = 30.4375
_NUMBER = r"\d+(?:[.,]\d+)?"
_ISO = re.compile(
    rf"P(?:(?P<Y>{_NUMBER})Y)?(?:(?P<M>{_NUMBER})M)?(?:(?P<W>{_NUMBER})W)?(?:(?P<D>{_NUMBER})D)?"
    rf"(?:T(?:(?P<h>{_NUMBER})H)?(?:(?P<m>{_NUMBER})M)?(?:(?P<s>{_NUMBER})S)?)?"
)
_PER_UNIT = {
    "Y": 12.0,
    "M": 1.0,
    "W": 7 / DAYS_PER_MONTH,
    "D": 1 / DAYS_PER_MONTH,
    "h": 1 / (24 * DAYS_PER_MONTH),
    "m": 1 / (24 * 60 * DAYS_PER_MONTH),
    "s": 1 / (24 * 3600 * DAYS_PER_MONTH),
}


def iso_months(iso: str | None) -> float | None:
    """The duration ``iso`` (``P6M``, ``P1Y6M``, ``P30D``, ``PT48H`` …) in months, or None."""
    if not iso:
        return None
    m = _ISO.fullmatch(iso)
    if m is None or not any(m.groupdict().values()):
        return None
    return sum(
        float(v.replace(",", ".")) * _PER_UNIT[unit] for unit, v in m.groupdict().items() if v
    )
