"""Notebook 02: how long data is kept, who sets it, and how often the Commission shortens it."""

from __future__ import annotations

import re

import pandas as pd

from extractors.common.text import fold
from pipeline.analysis.corpus import with_year

#: folded keyword (a word start) → category_norm, for the data a rule's scope names
SCOPE_KEYWORDS: dict[str, str] = {
    "identite": "identity",
    "etat civil": "identity",
    "nom et prenom": "identity",
    "situation de famille": "family_situation",
    "situation familiale": "family_situation",
    "coordonnees": "contact",
    "adresse": "contact",
    "telephone": "contact",
    "vie professionnelle": "professional_life",
    "identification electronique": "electronic_identification",
    "identifiant": "electronic_identification",
    "login": "electronic_identification",
    "temporelle": "time_information",
    "horodatage": "time_information",
    "connexion": "connection_data",
    "log": "connection_data",
    "journaux": "connection_data",
    "journalisation": "connection_data",
    "trace": "connection_data",
    "contenu": "content",
    "message": "content",
    "document": "content",
    "compte": "account",
    "statistique": "statistics",
    "financ": "financial",
    "bancaire": "financial",
    "factur": "financial",
    "paiement": "financial",
    "sante": "health",
    "medical": "health",
    "biometri": "biometric",
    "empreinte": "biometric",
    "image": "image",
    "video": "image",
    "photo": "image",
    "localisation": "location",
    "scolar": "education",
    "diplome": "education",
    "infraction": "offences",
    "condamnation": "offences",
}
_SCOPE_RE = re.compile(r"\b(" + "|".join(re.escape(k) for k in SCOPE_KEYWORDS) + r")")
_STOP_TEXT = "les des aux une du de la le et ou en au sur par pour a l d relatives relatif"
_STOP = frozenset(_STOP_TEXT.split())

#: no percentage is stated on fewer comparisons than this: a share of 2 or 5 says nothing
MIN_SHARE_N = 20

VERDICTS = (
    "shortened",
    "same",
    "within the Commission's range",
    "lengthened",
    "no comparable controller duration",
)


def scope_categories(scope: object) -> list[str]:
    """The data categories a scope names ("informations d'identité et de connexion" →
    ``["identity", "connection_data"]``); ``["other"]`` when none, ``["unspecified"]``
    when the scope is null."""
    if not isinstance(scope, str) or not scope.strip():
        return ["unspecified"]
    found = [SCOPE_KEYWORDS[k] for k in _SCOPE_RE.findall(fold(scope))]
    return list(dict.fromkeys(found)) or ["other"]


def durations(rules: pd.DataFrame, deliberations: pd.DataFrame) -> pd.DataFrame:
    """One row per rule with its year, ``months`` (its single duration,
    ``duration_months``), ``months_min``/``months_max`` (its bounds,
    ``duration_min_months``/``duration_max_months``), ``is_range`` (two bounds and no single
    duration: "de 3 mois minimum à un an"), ``open_ended`` (an "until" condition and no
    duration) and ``categories`` (from the scope)."""
    out = with_year(rules, deliberations)
    out["months"] = out["duration_months"].astype("float64")
    out["months_min"] = out["duration_min_months"].astype("float64")
    out["months_max"] = out["duration_max_months"].astype("float64")
    out["is_range"] = out["months"].isna() & out["months_min"].notna() & out["months_max"].notna()
    timed = out["months"].notna() | out["months_min"].notna() | out["months_max"].notna()
    out["open_ended"] = ~timed & out["until"].notna()
    out["categories"] = out["data_scope"].map(scope_categories)
    return out


def by_category(durations_: pd.DataFrame) -> pd.DataFrame:
    """Per data category: rules with a single duration (median, min and max months) and
    rules with a range."""
    d = durations_.explode("categories")
    single = d[d["months"].notna()].groupby("categories")["months"]
    ranges = d[d["is_range"]].groupby("categories").size()
    if d.empty or (single.ngroups == 0 and ranges.empty):
        return pd.DataFrame(columns=["rules", "median", "min", "max", "ranges"])
    out = pd.DataFrame(
        {
            "rules": single.size(),
            "median": single.median(),
            "min": single.min(),
            "max": single.max(),
        }
    )
    out = out.join(ranges.rename("ranges"), how="outer").fillna({"rules": 0, "ranges": 0})
    out[["rules", "ranges"]] = out[["rules", "ranges"]].astype("int64")
    out.index.name = "category"
    return out.sort_values(["median", "rules"], ascending=[False, False])


def category_values(durations_: pd.DataFrame, min_rules: int = 1) -> dict[str, list[float]]:
    """Single durations (months) per data category; categories with fewer than
    ``min_rules`` are left out. Ordered by median, longest first, the catch-alls last."""
    d = durations_[durations_["months"].notna()].explode("categories")
    groups = {k: v.tolist() for k, v in d.groupby("categories")["months"] if len(v) >= min_rules}
    last = ("other", "unspecified")
    return dict(sorted(groups.items(), key=lambda kv: (kv[0] in last, -pd.Series(kv[1]).median())))


def category_ranges(durations_: pd.DataFrame) -> dict[str, list[tuple[float, float]]]:
    """The ranges (lower, upper bound in months) per data category."""
    d = durations_[durations_["is_range"]].explode("categories")
    return {
        str(k): list(zip(g["months_min"], g["months_max"], strict=True))
        for k, g in d.groupby("categories")
    }


def yearly_median(durations_: pd.DataFrame) -> pd.DataFrame:
    """Per year and ``set_by``: median months of the rules with a single duration (ranges
    left out)."""
    d = durations_[durations_["months"].notna() & durations_["year"].notna()]
    if d.empty:
        return pd.DataFrame(index=pd.Index([], name="year"))
    out = d.pivot_table(index="year", columns="set_by", values="months", aggfunc="median")
    out.index = out.index.astype("int64")
    return out


def rules_per_year(durations_: pd.DataFrame) -> pd.DataFrame:
    """Per year and ``set_by``: the rules with a single duration (the ``n`` of each value
    of ``yearly_median``)."""
    d = durations_[durations_["months"].notna() & durations_["year"].notna()]
    if d.empty:
        return pd.DataFrame(index=pd.Index([], name="year"))
    return pd.crosstab(d["year"].astype("int64"), d["set_by"])


def _tokens(text: object) -> set[str]:
    if not isinstance(text, str):
        return set()
    return {t for t in re.findall(r"[a-z0-9]+", fold(text)) if len(t) > 2 and t not in _STOP}


def shortenings(durations_: pd.DataFrame) -> pd.DataFrame:
    """Each duration the Commission sets, beside the controller's duration it replaces.

    The controller's rule is the one of the same deliberation whose scope shares most
    words with the Commission's (or the only one with a duration); ``verdict`` is one of
    ``VERDICTS``.
    """
    cols = [
        "deliberation_id",
        "year",
        "data_scope",
        "controller_months",
        "commission_months",
        "commission_min",
        "commission_max",
        "verdict",
        "raw",
    ]
    rows = []
    for did, group in durations_.groupby("deliberation_id", sort=False):
        own = group[(group["set_by"] == "controller") & group["months"].notna()]
        for rule in group[group["set_by"] == "commission"].itertuples():
            match = _best_match(rule.data_scope, own)
            theirs = None if match is None else float(match["months"])
            rows.append(
                {
                    "deliberation_id": did,
                    "year": rule.year,
                    "data_scope": rule.data_scope,
                    "controller_months": theirs,
                    "commission_months": rule.months,
                    "commission_min": rule.months_min,
                    "commission_max": rule.months_max,
                    "verdict": _verdict(theirs, rule.months, rule.months_min, rule.months_max),
                    "raw": rule.raw,
                }
            )
    return pd.DataFrame(rows, columns=cols)


def _best_match(scope: object, candidates: pd.DataFrame) -> pd.Series | None:
    if candidates.empty:
        return None
    if len(candidates) == 1:
        return candidates.iloc[0]
    words = _tokens(scope)
    scores = candidates["data_scope"].map(lambda s: len(words & _tokens(s)))
    if scores.max() == 0:
        return None
    return candidates.loc[scores.idxmax()]


def _verdict(controller: float | None, single: float, low: float, high: float) -> str:
    """The Commission's duration (``single``, else its bounds) against the controller's."""
    if controller is None:
        return VERDICTS[4]
    low = single if pd.notna(single) else low
    high = single if pd.notna(single) else high
    if pd.notna(high) and controller > high:
        return "shortened"
    if pd.notna(low) and controller < low:
        return "lengthened"
    if pd.notna(single):
        return "same"
    return VERDICTS[2] if pd.notna(low) or pd.notna(high) else VERDICTS[4]


def summary(durations_: pd.DataFrame, shortened: pd.DataFrame) -> str:
    n = len(durations_)
    if n == 0:
        return "The corpus has no retention rules."
    timed = durations_["months"].notna()
    by_commission = (durations_["set_by"] == "commission").sum()
    comparable = shortened[shortened["verdict"] != VERDICTS[4]]
    median = durations_.loc[timed, "months"].median()
    text = (
        f"{n} retention rules in {durations_['deliberation_id'].nunique()} deliberations; "
        f"{timed.sum()} give a single duration"
        + (f" (median {median:.1f} months)" if timed.any() else "")
        + f", {durations_['is_range'].sum()} a range, "
        f"{durations_['open_ended'].sum()} only an open-ended condition. "
        f"The Commission sets {by_commission} of them."
    )
    n_compared = len(comparable)
    if n_compared:
        n_short = int((comparable["verdict"] == "shortened").sum())
        text += (
            f" Where its duration can be set beside the controller's (n = {n_compared} "
            f"rule{'s' if n_compared > 1 else ''}), it is shorter in {n_short} of them"
        )
        if n_compared >= MIN_SHARE_N:
            text += f" ({n_short / n_compared:.0%})."
        else:
            text += f": too few to state a share (none is given below n = {MIN_SHARE_N})."
    return text
