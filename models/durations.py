"""ISO 8601 durations as numbers of months (schema 1.1 ``*_months`` columns).

A month is the average Gregorian month, 30.4375 days: ``P6M`` → 6, ``P1Y`` → 12,
``P30D`` → 30 / 30.4375, ``P2W`` → 14 / 30.4375. A value that is not an ISO 8601 date
duration gives None.
"""

from __future__ import annotations

import re

DAYS_PER_MONTH = 30.4375
_ISO = re.compile(r"P(?:(?P<Y>\d+(?:\.\d+)?)Y)?(?:(?P<M>\d+(?:\.\d+)?)M)?(?:(?P<W>\d+(?:\.\d+)?)W)?(?:(?P<D>\d+(?:\.\d+)?)D)?")
_PER_UNIT = {"Y": 12.0, "M": 1.0, "W": 7 / DAYS_PER_MONTH, "D": 1 / DAYS_PER_MONTH}


def iso_months(iso: str | None) -> float | None:
    """The duration ``iso`` (``P6M``, ``P1Y6M``, ``P30D`` …) in months, or None."""
    if not iso:
        return None
    m = _ISO.fullmatch(iso)
    if m is None or not any(m.groupdict().values()):
        return None
    return sum(float(v) * _PER_UNIT[unit] for unit, v in m.groupdict().items() if v)
