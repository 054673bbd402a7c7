"""Notebook 01: who asks, what the Commission answers, and what the documents contain."""

from __future__ import annotations

import pandas as pd

from models.enums import NUMBERED_KINDS

#: decision values as short English labels for figures
DECISION_LABELS: dict[str, str] = {
    "avis_favorable": "favourable opinion",
    "avis_defavorable": "unfavourable opinion",
    "autorisation": "authorisation",
    "refus": "refusal",
    "recommandation": "recommendation",
    "other": "other",
}


def per_year(table: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Rows per year (index: year), one column per value of ``by`` (or ``count``).

    Years without rows between the first and the last appear with 0, so gaps show.
    """
    data = table[table["year"].notna()] if "year" in table else table.iloc[0:0]
    if data.empty:
        return pd.DataFrame(index=pd.Index([], name="year", dtype="int64"))
    years = data["year"].astype("int64")
    if by is None:
        counts = years.value_counts().sort_index().to_frame("count")
    else:
        labels = data[by].astype(object).where(data[by].notna(), "unknown").astype(str)
        counts = pd.crosstab(years, labels)
    full = range(int(years.min()), int(years.max()) + 1)
    counts = counts.reindex(full, fill_value=0)
    counts.index.name = "year"
    counts.columns.name = by
    return counts


def decisions(deliberations: pd.DataFrame) -> pd.DataFrame:
    """Deliberations per year and decision (English labels)."""
    d = deliberations.assign(
        decision=deliberations["decision"].map(DECISION_LABELS).fillna("unknown")
    )
    out = per_year(d, "decision")
    order = [*DECISION_LABELS.values(), "unknown"]
    return out[[c for c in order if c in out.columns]]


def year_counts(table: pd.DataFrame) -> pd.Series:
    """Rows per year (every year between the first and the last; 0 where none): the ``n``
    of each year's figures."""
    per = per_year(table)
    return per["count"] if "count" in per else pd.Series(dtype="int64", name="count")


def flag_shares(deliberations: pd.DataFrame) -> pd.DataFrame:
    """Per year: share of deliberations that are conditional, on a modification, or
    whose finalité the Commission rewrote (nulls are left out of each share; a year
    without deliberations is NaN, not 0)."""
    flags = {
        "conditional": "conditional opinion",
        "modification": "modification of a processing",
        "purpose_modified": "finalité rewritten",
    }
    d = deliberations[deliberations["year"].notna()]
    if d.empty:
        return pd.DataFrame(columns=list(flags.values()), index=pd.Index([], name="year"))
    out = {}
    for column, label in flags.items():
        values = d[column].astype("boolean")
        out[label] = values.groupby(d["year"].astype("int64")).mean().astype("float64")
    frame = pd.DataFrame(out)
    years = frame.index.astype("int64")
    frame = frame.reindex(range(int(years.min()), int(years.max()) + 1))
    frame.index.name = "year"
    return frame


def top_controllers(deliberations: pd.DataFrame, n: int = 15) -> pd.Series:
    """The ``n`` controllers with most deliberations (spelling variants kept apart)."""
    c = deliberations["controller"].dropna()
    return c.value_counts().head(n).rename("deliberations")


def sections_present(deliberations: pd.DataFrame, sections: pd.DataFrame) -> pd.Series:
    """Share of deliberations that have each numbered section kind (I–VIII)."""
    kinds = [str(k) for k in NUMBERED_KINDS]
    total = deliberations["deliberation_id"].nunique()
    if total == 0:
        return pd.Series(0.0, index=kinds, name="share")
    has = sections[sections["kind"].isin(kinds)].groupby("kind")["deliberation_id"].nunique()
    return (has.reindex(kinds, fill_value=0) / total).rename("share")


def summary(deliberations: pd.DataFrame) -> str:
    """A few computed sentences on the corpus."""
    n = len(deliberations)
    if n == 0:
        return "The corpus has no deliberations."
    years = deliberations["year"].dropna().astype(int)
    span = f"from {years.min()} to {years.max()}" if len(years) else "of unknown years"
    auth = ", ".join(f"{k}: {v}" for k, v in deliberations["authority"].value_counts().items())
    fav = (deliberations["decision"] == "avis_favorable").mean()
    cond = deliberations["conditional"].astype("boolean").mean()
    cond_text = "unknown" if pd.isna(cond) else f"{cond:.0%}"
    return (
        f"{n} deliberations {span} ({auth}). {fav:.0%} are favourable opinions; "
        f"{cond_text} of those with a closing part are given subject to conditions."
    )
