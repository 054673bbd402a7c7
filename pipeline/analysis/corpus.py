"""Find and load the corpus tables (Parquet) as pandas frames.

A missing file loads as an empty frame with the table's columns, so every question can
be asked of any corpus, even one whose extractors have not filled a table yet.
"""

from __future__ import annotations

import json
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
    "manifest",
    "with_year",
]


def empty_table(name: str) -> pd.DataFrame:
    return TABLES[name].schema.empty_table().to_pandas()


def load(name: str, corpus: str | Path | None = None) -> pd.DataFrame:
    """One table as a DataFrame (empty, with its columns, when the file is missing; a
    column of the schema that an older file lacks comes back as nulls)."""
    if name not in TABLES:
        raise KeyError(f"no table {name!r}; tables: {', '.join(TABLES)}")
    path = corpus_dir(corpus) / f"{name}.parquet"
    if not path.exists():
        return empty_table(name)
    table = pq.read_table(path)
    for field in TABLES[name].schema:
        if field.name not in table.column_names:
            table = table.append_column(field, pa.nulls(len(table), field.type))
    return table.to_pandas()


def load_all(corpus: str | Path | None = None) -> dict[str, pd.DataFrame]:
    return {name: load(name, corpus) for name in TABLES}


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
