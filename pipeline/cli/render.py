"""How ``ccin query``, ``stats`` and ``show`` print values and tables (rich).

A value prints so that its kind shows: null as a dim ``null``, an empty string as a dim
``""``, an empty list as a dim ``[]``, a list one item a line (``· item``). A result with
more columns than the terminal can hold side by side prints one record at a time, each
column on its own line (as ``psql``'s expanded mode), instead of columns sliced thin.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pipeline.plurals import counted

#: the narrowest a column may get before a table prints record by record
MIN_COLUMN = 14
_NUMBERS = frozenset(
    [
        "TINYINT",
        "SMALLINT",
        "INTEGER",
        "BIGINT",
        "HUGEINT",
        "UTINYINT",
        "USMALLINT",
        "UINTEGER",
        "UBIGINT",
        "FLOAT",
        "DOUBLE",
        "DECIMAL",
    ]
)


def console() -> Console:
    return Console(soft_wrap=False)


def is_null(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        import pandas as pd

        return value is pd.NA or value is pd.NaT
    except ImportError:  # pragma: no cover
        return False


def _is_list(value: Any) -> bool:
    return isinstance(value, list | tuple) or type(value).__name__ == "ndarray"


def plain(value: Any) -> str:
    """A non-null scalar as text: floats short, dates ISO."""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def cell(value: Any) -> Text:
    """A value as printed: null, empty string and empty list told apart, lists one item a
    line."""
    if is_null(value):
        return Text("null", style="dim italic")
    if _is_list(value):
        items = list(value)
        if not items:
            return Text("[]", style="dim")
        if len(items) == 1:
            return Text.assemble(("· ", "dim"), cell(items[0]))
        return Text("\n").join(Text.assemble(("· ", "dim"), cell(v)) for v in items)
    if isinstance(value, str) and value == "":
        return Text('""', style="dim")
    return Text(plain(value))


def is_number(duck_type: str) -> bool:
    return duck_type.split("(")[0] in _NUMBERS


def fits(columns: Sequence[str], rows: Sequence[Sequence[Any]], width: int) -> bool:
    """Whether the columns fit side by side in ``width`` characters, none narrower than its
    header, its longest value or ``MIN_COLUMN`` (the smallest of the three)."""
    needed = 1
    for i, name in enumerate(columns):
        longest = max((cell(row[i]).cell_len for row in rows), default=0)
        needed += min(max(len(name), longest), MIN_COLUMN) + 3
    return needed <= width


def result(
    columns: Sequence[str], rows: Sequence[Sequence[Any]], numeric: Sequence[bool], width: int
) -> Table | Group:
    """A query result: one table when its columns fit the width, else one panel per row."""
    if fits(columns, rows, width):
        table = Table(header_style="bold cyan")
        for name, right in zip(columns, numeric, strict=True):
            table.add_column(name, justify="right" if right else "left", overflow="fold")
        for row in rows:
            table.add_row(*(cell(v) for v in row))
        return table
    panels = []
    for i, row in enumerate(rows, 1):
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold cyan", no_wrap=True)
        grid.add_column(overflow="fold")
        for name, value in zip(columns, row, strict=True):
            grid.add_row(name, cell(value))
        panels.append(Panel(grid, title=f"row {i}", title_align="left"))
    return Group(*panels)


def months(value: Any) -> str:
    """A number of months in words: "1 month", "18 months", "0.99 months"."""
    return "" if is_null(value) else counted(float(value), "month")
