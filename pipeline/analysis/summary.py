"""The numbers ``ccin stats`` prints and the dataset card quotes (computed from the data)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq

from models.schema import CHILD_TABLES, TABLES
from pipeline.analysis.corpus import load, manifest


def row_counts(corpus: Path) -> dict[str, int]:
    """Rows per table, read from the Parquet footers (0 for a missing file)."""
    out = {}
    for name in TABLES:
        path = corpus / f"{name}.parquet"
        out[name] = pq.ParquetFile(path).metadata.num_rows if path.exists() else 0
    return out


def coverage(corpus: Path, deliberations: pd.DataFrame) -> dict[str, int]:
    """Per child table: the number of deliberations with at least one row."""
    out = {}
    for name in CHILD_TABLES:
        path = corpus / f"{name}.parquet"
        if not path.exists():
            out[name] = 0
            continue
        ids = pq.read_table(path, columns=["deliberation_id"]).column(0).to_pandas()
        out[name] = int(ids[ids.isin(deliberations["deliberation_id"])].nunique())
    return out


def year_span(deliberations: pd.DataFrame) -> str:
    years = deliberations["year"].dropna().astype(int)
    if years.empty:
        return "no years"
    return f"{years.min()}–{years.max()}" if years.min() != years.max() else str(years.min())


def per_year_authority(deliberations: pd.DataFrame) -> pd.DataFrame:
    """Deliberations per year (index) and authority (columns); empty without deliberations."""
    if deliberations.empty:
        return pd.DataFrame()
    return pd.crosstab(deliberations["year"], deliberations["authority"])


def decision_counts(deliberations: pd.DataFrame) -> pd.Series:
    """Deliberations per decision (``unknown`` for null), most frequent first."""
    return deliberations["decision"].fillna("unknown").value_counts().rename_axis("decision")


def corpus_stats(corpus: Path) -> dict[str, Any]:
    """Versions, row counts, coverage and small summary frames of a corpus."""
    info = manifest(corpus)
    d = load("deliberations", corpus)
    issues = load("issues", corpus)
    n = len(d)
    counts = row_counts(corpus)
    covered = coverage(corpus, d)
    tables = []
    for name in TABLES:
        share = covered.get(name)
        shown = "" if share is None else f"{share} ({share / n:.0%})" if n else "0"
        tables.append((name, counts[name], shown))
    by_year = per_year_authority(d).reset_index() if n else pd.DataFrame()
    decisions = decision_counts(d)
    flag_columns = ("conditional", "modification", "purpose_modified")
    flags = pd.DataFrame(
        {
            "flag": flag_columns,
            "true": [int(d[c].astype("boolean").sum()) for c in flag_columns],
            "false": [int((~d[c].astype("boolean")).sum()) for c in flag_columns],
            "null": [int(d[c].isna().sum()) for c in flag_columns],
        }
    )
    by_severity = (
        issues.groupby(["severity", "code"], dropna=False)
        .size()
        .rename("rows")
        .reset_index()
        .sort_values("rows", ascending=False)
        .head(15)
    )
    return {
        "schema_version": info.get("schema_version", "?"),
        "extractor_version": info.get("extractor_version", "?"),
        "created_at": info.get("created_at", "?"),
        "deliberations": n,
        "years": year_span(d),
        "tables": tables,
        "frames": {
            "Deliberations per year and authority": by_year,
            "Decisions": decisions.rename("deliberations").reset_index(),
            "Flags": flags,
            "Issues (most frequent)": by_severity,
        },
    }
