"""Notebook 04: the data processed, sensitive data, who has access, and the links
between processings."""

from __future__ import annotations

import re

import pandas as pd

from extractors.common.text import fold
from pipeline.analysis.corpus import explode_list, with_year
from pipeline.analysis.overview import per_year

#: category_norm values that law and doctrine treat as sensitive or highly intrusive
SENSITIVE = ("health", "biometric", "image", "offences", "location")
PERMISSIONS = (
    "read",
    "consult",
    "create",
    "modify",
    "delete",
    "export",
    "configure",
    "all",
    "other",
)
STATUS_LABELS: dict[str, str] = {
    "legally_implemented": "legally implemented",
    "submitted_concurrently": "submitted concurrently",
    "not_legally_implemented": "not legally implemented",
    "under_review": "under review",
    "unknown": "unknown",
}
#: a status's colour in figures: legal green, pending amber, not legal red, unknown grey
STATUS_COLORS: dict[str, str] = {
    "legally implemented": "#2ca02c",
    "submitted concurrently": "#bcbd22",
    "under review": "#ff7f0e",
    "not legally implemented": "#d62728",
    "unknown": "#7f7f7f",
}
_ARTICLE = re.compile(r"^(?:l'|(?:les|le|la)\s+)", re.IGNORECASE)
_PLURAL = re.compile(r"(?<=[a-z])[sx]$")


def category_share(categories: pd.DataFrame, deliberations: pd.DataFrame) -> pd.Series:
    """Share of deliberations that process each normalised data category."""
    total = deliberations["deliberation_id"].nunique()
    counts = categories.groupby("category_norm")["deliberation_id"].nunique()
    if total == 0 or counts.empty:
        return pd.Series(dtype="float64", name="share")
    return (counts / total).sort_values(ascending=False).rename("share")


def sensitive_per_year(categories: pd.DataFrame, deliberations: pd.DataFrame) -> pd.DataFrame:
    """Per year: deliberations processing each sensitive category (``SENSITIVE``)."""
    d = with_year(categories[categories["category_norm"].isin(SENSITIVE)], deliberations)
    d = d.drop_duplicates(["deliberation_id", "category_norm"])
    out = per_year(d, "category_norm")
    return out[[c for c in SENSITIVE if c in out.columns]]


def sensitive_items(categories: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """The most frequent items listed under sensitive categories (what is actually kept)."""
    d = explode_list(categories[categories["category_norm"].isin(SENSITIVE)], "items")
    if d.empty:
        return pd.DataFrame(columns=["category_norm", "item", "deliberations"])
    d["item"] = d["items"].map(lambda s: str(s).strip().lower())
    g = d.groupby(["category_norm", "item"])["deliberation_id"].nunique()
    return g.rename("deliberations").reset_index().nlargest(n, "deliberations")


def role_key(role: object) -> str:
    """A role's grouping key: no article, lower case, no accents, its first word singular
    ("Les Administrateurs" → "administrateur"; "les managers des utilisateurs" →
    "manager des utilisateurs"). Only for grouping: figures show ``role_label``."""
    if not isinstance(role, str) or not role.strip():
        return "unknown"
    words = fold(_ARTICLE.sub("", role.strip())).split()
    if words and not words[0].isupper() and len(words[0]) > 3:
        words[0] = _PLURAL.sub("", words[0])
    return " ".join(words)


def role_label(role: str) -> str:
    """A role as printed, without its leading article ("Les Administrateurs" →
    "Administrateurs")."""
    text = _ARTICLE.sub("", role.strip())
    return text[:1].upper() + text[1:]


def role_labels(access: pd.DataFrame) -> dict[str, str]:
    """Each role key → its most frequent printed form (accents and number as printed)."""
    roles = access["role"].dropna()
    if roles.empty:
        return {}
    forms = pd.DataFrame({"key": roles.map(role_key), "label": roles.map(role_label)})
    top = forms.groupby("key")["label"].agg(lambda s: s.value_counts().index[0])
    return top.to_dict()


def permission_counts(access: pd.DataFrame) -> pd.Series:
    """How many access-right rows grant each permission (``PERMISSIONS`` order)."""
    d = explode_list(access, "permissions")
    counts = d["permissions"].value_counts()
    return counts.reindex([p for p in PERMISSIONS if p in counts.index]).rename("rows")


def role_permissions(access: pd.DataFrame, n: int = 12) -> pd.DataFrame:
    """Roles (grouped by ``role_key``) × permissions: the number of deliberations where
    the role has that permission; the ``n`` roles seen in most deliberations."""
    d = explode_list(access, "permissions")
    if d.empty:
        return pd.DataFrame()
    d["role_key"] = d["role"].map(role_key)
    top = access.assign(role_key=access["role"].map(role_key))
    top = top.groupby("role_key")["deliberation_id"].nunique().nlargest(n).index
    d = d[d["role_key"].isin(top)]
    out = d.groupby(["role_key", "permissions"])["deliberation_id"].nunique().unstack(fill_value=0)
    columns = [p for p in PERMISSIONS if p in out.columns]
    out = out.reindex(index=top, columns=columns).fillna(0).astype("int64")
    names = role_labels(access)
    out.index = [names.get(k, k) for k in out.index]
    out.index.name = "role"
    return out


def interconnection_statuses(links: pd.DataFrame) -> pd.DataFrame:
    """Links per type and legal status of the other processing (English labels)."""
    if links.empty:
        return pd.DataFrame()
    d = links.assign(
        status=links["target_status"].map(STATUS_LABELS).fillna("unknown"),
        link_type=links["link_type"].fillna("unknown"),
    )
    out = pd.crosstab(d["status"], d["link_type"])
    order = [s for s in STATUS_LABELS.values() if s in out.index]
    return out.reindex(order)


def interconnections_per_year(links: pd.DataFrame, deliberations: pd.DataFrame) -> pd.DataFrame:
    """Links per year and status."""
    d = with_year(links, deliberations)
    d["status"] = d["target_status"].map(STATUS_LABELS).fillna("unknown")
    out = per_year(d, "status")
    return out[[s for s in STATUS_LABELS.values() if s in out.columns]]


def summary(
    categories: pd.DataFrame,
    access: pd.DataFrame,
    links: pd.DataFrame,
    deliberations: pd.DataFrame,
) -> str:
    n = deliberations["deliberation_id"].nunique()
    if n == 0:
        return "The corpus has no deliberations."
    sens = categories[categories["category_norm"].isin(SENSITIVE)]["deliberation_id"].nunique()
    with_cat = categories["deliberation_id"].nunique()
    not_legal = (links["target_status"] == "not_legally_implemented").sum()
    return (
        f"{with_cat} of {n} deliberations list data categories; {sens} process sensitive data "
        f"({', '.join(SENSITIVE)}). {len(access)} access rights are recorded, and "
        f"{len(links)} links to other processings, {not_legal} of them to a processing not "
        f"legally implemented."
    )
