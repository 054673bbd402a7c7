"""Find and load the corpus tables (Parquet) as pandas frames.

A missing file loads as an empty frame with the table's columns, so every question can
be asked of any corpus, even one whose extractors have not filled a table yet.

``load_tables`` (also ``pipeline.analysis.load``) is the researcher's entry: every table
with its Parquet types kept (pandas' pyarrow-backed dtypes: dates are dates, so
``.dt.year`` works; integers with nulls stay integers; lists are lists). ``load`` gives
pandas' default NumPy-backed frames, as the analysis functions use them (dates as
``datetime.date`` objects, integers with nulls as float64).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from models.schema import TABLES
from pipeline.analysis.paths import DEFAULT_CORPUS, ENV_VAR, corpus_dir

__all__ = [  # corpus_dir and the defaults live in paths.py (no pandas) and are re-exported
    "DEFAULT_CORPUS",
    "ENV_VAR",
    "corpus_dir",
    "empty_table",
    "explode_list",
    "load",
    "load_all",
    "load_tables",
    "read_arrow",
    "Tables",
    "manifest",
    "with_year",
]


def empty_table(name: str) -> pd.DataFrame:
    return TABLES[name].schema.empty_table().to_pandas()


def read_arrow(name: str, corpus: str | Path | None = None) -> pa.Table:
    """One table as a pyarrow Table with every column of the schema (empty when the file
    is missing; a column that an older file lacks comes back as nulls)."""
    if name not in TABLES:
        raise KeyError(f"no table {name!r}; tables: {', '.join(TABLES)}")
    path = corpus_dir(corpus) / f"{name}.parquet"
    if not path.exists():
        return TABLES[name].schema.empty_table()
    table = pq.read_table(path)
    for field in TABLES[name].schema:
        if field.name not in table.column_names:
            table = table.append_column(field, pa.nulls(len(table), field.type))
    return table


def load(name: str, corpus: str | Path | None = None, *, typed: bool = False) -> pd.DataFrame:
    """One table as a DataFrame, NumPy-backed (pandas' default), or with ``typed`` the
    Parquet types kept (pyarrow-backed dtypes, as ``dtype_backend="pyarrow"``)."""
    table = read_arrow(name, corpus)
    return table.to_pandas(types_mapper=pd.ArrowDtype) if typed else table.to_pandas()


def load_all(corpus: str | Path | None = None) -> dict[str, pd.DataFrame]:
    return {name: load(name, corpus) for name in TABLES}


class Tables(dict[str, pd.DataFrame]):
    """The corpus tables by name, also as attributes (``tables.deliberations``)."""

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"no table {name!r}; tables: {', '.join(self)}") from None

    def __dir__(self) -> list[str]:
        return [*super().__dir__(), *self]


def load_tables(corpus: str | Path | None = None, tables: Iterable[str] | None = None) -> Tables:
    """The corpus tables, typed: ``tables = load_tables("data/corpus")``, then
    ``tables.deliberations.adopted_on.dt.year``.

    Columns keep their Parquet types through pandas' pyarrow-backed dtypes: dates are
    ``date32[day][pyarrow]`` (``.dt.year``, ``.dt.month`` work; ``.astype("datetime64[s]")``
    for NumPy datetimes), integers with nulls stay integers (``page`` is
    ``int32[pyarrow]``, nulls ``<NA>``), booleans with nulls stay booleans, lists are
    ``list<…>[pyarrow]`` (``.explode()`` works). ``tables`` picks some (default: all).
    """
    names = list(TABLES) if tables is None else list(tables)
    return Tables((name, load(name, corpus, typed=True)) for name in names)


def manifest(corpus: str | Path | None = None) -> dict[str, Any]:
    """The corpus's manifest.json ({} when absent)."""
    path = corpus_dir(corpus) / "manifest.json"
    return json.loads(path.read_text()) if path.exists() else {}


def with_year(table: pd.DataFrame, deliberations: pd.DataFrame) -> pd.DataFrame:
    """``table`` with the ``year`` (and ``authority``) of its deliberation joined."""
    keys = deliberations[["deliberation_id", "year", "authority"]]
    drop = [c for c in ("year", "authority") if c in table.columns]
    return table.drop(columns=drop).merge(keys, on="deliberation_id", how="left")


def explode_list(table: pd.DataFrame, column: str) -> pd.DataFrame:
    """One row per element of a list column; rows with an empty or null list are dropped."""
    if table.empty:
        return table.assign(**{column: pd.Series(dtype=object)})
    out = table.explode(column)
    return out[out[column].notna()].reset_index(drop=True)
