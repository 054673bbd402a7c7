"""Notebook 03: the Commission's actions — verbs over time, recurring themes, and
reminders grouped by similar wording.

Grouping needs no new dependency: each text becomes a set of shingles (normalised word
stems and their pairs), and a leader clustering puts a text in the first group whose
leader it resembles (Jaccard similarity ≥ a threshold), else opens a new group.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

import pandas as pd

from extractors.common.text import fold
from pipeline.analysis.corpus import with_year
from pipeline.analysis.labels import VERB_LABELS, label
from pipeline.analysis.overview import per_year

#: theme → folded patterns; an action is about the theme when one pattern matches
THEMES: dict[str, tuple[str, ...]] = {
    "strong passwords": (r"mots? de passe",),
    "encryption": (r"chiffr", r"crypt"),
    "information of persons (art. 14)": (
        r"article 14\b(?!-)",
        r"information (?:prealable )?(?:de toutes les categories )?des personnes",
        r"valablement informees",
    ),
    "exercise of rights": (r"droits? d'acces", r"exercer (?:pleinement )?leurs droits"),
    "retention periods": (r"duree de conservation", r"\bconserv"),
    "need to know / access control": (r"besoin d'en connaitre", r"habilitation", r"restreint"),
    "unused ports, network equipment": (r"ports non utilises", r"pare-feu"),
    "legality of linked processings": (
        r"legalement mis en (?:oe|œ)uvre",
        r"rapprochement",
        r"interconnexion",
    ),
    "secured communications": (r"communications electroniques", r"securis"),
    "subcontractors": (r"sous-traitan", r"prestataire"),
    "transfers abroad": (r"transfert", r"pays (?:tiers|ne disposant)"),
    "video surveillance": (r"video ?(?:surveillance|protection)", r"camera"),
}
_THEME_RE = {k: re.compile("|".join(v)) for k, v in THEMES.items()}

#: verbs whose items are reminders and requests (the recurring doctrine)
REMINDER_VERBS = ("rappelle", "demande", "recommande", "invite", "considere", "estime")

_STOPWORDS_TEXT = """que qu les des aux une un du de la le et ou en au sur par pour dans ce cette ces son sa
    ses leur leurs lui elle il ils elles est sont etre doit doivent devra devront soit soient
    qui dont avec ainsi afin tout toute tous toutes plus pas ne n l d s c y a"""
_STOPWORDS = frozenset(_STOPWORDS_TEXT.split())
_WORD = re.compile(r"[a-z0-9]+")
STEM = 7  # words are cut to their first STEM letters ("chiffree" ~ "chiffrement")


def themes(text: object) -> list[str]:
    """The themes a text is about (see ``THEMES``)."""
    if not isinstance(text, str):
        return []
    folded = fold(text)
    return [k for k, rx in _THEME_RE.items() if rx.search(folded)]


def verbs_per_year(
    actions: pd.DataFrame, deliberations: pd.DataFrame, top: int = 7
) -> pd.DataFrame:
    """Actions per year and verb; verbs outside the ``top`` most frequent are "other verbs"."""
    d = with_year(actions, deliberations)
    keep = d["verb"].value_counts().head(top).index
    d["verb"] = d["verb"].where(d["verb"].isin(keep), "other verbs")
    out = per_year(d, "verb")
    order = [v for v in keep if v in out.columns] + [c for c in out.columns if c not in keep]
    return out[order].rename(columns=lambda v: label(v, VERB_LABELS))


def theme_table(actions: pd.DataFrame, deliberations: pd.DataFrame) -> pd.DataFrame:
    """One row per (action, theme): deliberation_id, year, verb, theme, text."""
    d = with_year(actions, deliberations)
    d["theme"] = d["text"].map(themes)
    d = d.explode("theme")
    return d[d["theme"].notna()][["deliberation_id", "year", "verb", "theme", "text"]]


def theme_counts(actions: pd.DataFrame, deliberations: pd.DataFrame) -> pd.Series:
    """Number of deliberations whose actions mention each theme, most frequent first."""
    t = theme_table(actions, deliberations)
    counts = t.groupby("theme")["deliberation_id"].nunique().sort_values(ascending=False)
    return counts.rename("deliberations")


def deliberations_with_actions(actions: pd.DataFrame, deliberations: pd.DataFrame) -> pd.Series:
    """Per year: the deliberations with at least one action (the ``n`` of each year's
    theme shares)."""
    d = with_year(actions, deliberations)
    d = d[d["year"].notna()]
    return d.groupby(d["year"].astype("int64"))["deliberation_id"].nunique()


def theme_shares_by_year(actions: pd.DataFrame, deliberations: pd.DataFrame) -> pd.DataFrame:
    """Per year: share of the deliberations with actions that mention each theme."""
    t = theme_table(actions, deliberations)
    base = deliberations_with_actions(actions, deliberations)
    if t.empty or base.empty:
        return pd.DataFrame(index=pd.Index([], name="year"))
    hits = t.groupby(["year", "theme"])["deliberation_id"].nunique().unstack(fill_value=0)
    hits.index = hits.index.astype("int64")
    out = hits.div(base, axis=0).fillna(0.0)
    return out[theme_counts(actions, deliberations).index]


def tokens(text: str) -> list[str]:
    """Folded, stemmed content words of a text."""
    return [w[:STEM] for w in _WORD.findall(fold(text)) if w not in _STOPWORDS and len(w) > 1]


def shingles(text: str) -> frozenset[str]:
    """Word stems and consecutive stem pairs of a text."""
    words = tokens(text)
    return frozenset(words) | frozenset(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def group_similar(texts: Sequence[str], threshold: float = 0.3) -> list[int]:
    """A group number for each text: texts whose shingles overlap their group leader's by
    at least ``threshold`` (Jaccard) share a number. Groups are numbered by first text."""
    leaders: list[frozenset[str]] = []
    index: dict[str, list[int]] = defaultdict(list)  # word pair → leaders that have it
    labels = []
    for text in texts:
        sh = shingles(text or "")
        # candidates share a word pair with the leader (cheap, and the rare shingles)
        candidates = {g for x in sh if " " in x for g in index.get(x, ())}
        scored = [(jaccard(sh, leaders[g]), -g) for g in candidates]
        score, neg = max(scored, default=(0.0, 0))
        best = -neg if scored and score >= threshold else -1
        if best < 0:
            best = len(leaders)
            leaders.append(sh)
            for x in sh:
                if " " in x:
                    index[x].append(best)
        labels.append(best)
    return labels


def reminder_groups(
    actions: pd.DataFrame,
    deliberations: pd.DataFrame,
    verbs: Sequence[str] = REMINDER_VERBS,
    threshold: float = 0.3,
    min_deliberations: int = 2,
) -> pd.DataFrame:
    """Recurring reminders: the actions with one of ``verbs``, grouped by similar wording.

    One row per group found in at least ``min_deliberations`` deliberations: its size,
    the number of deliberations, first and last year, the verbs used, the themes and an
    example (the group's first text). Largest groups first.
    """
    cols = [
        "group",
        "actions",
        "deliberations",
        "first_year",
        "last_year",
        "verbs",
        "themes",
        "example",
    ]
    d = with_year(actions, deliberations)
    d = d[d["verb"].isin(verbs) & d["text"].notna()].reset_index(drop=True)
    if d.empty:
        return pd.DataFrame(columns=cols)
    d["group"] = group_similar(d["text"].tolist(), threshold)
    rows = []
    for g, part in d.groupby("group"):
        n = part["deliberation_id"].nunique()
        if n < min_deliberations:
            continue
        years = part["year"].dropna()
        rows.append(
            {
                "group": g,
                "actions": len(part),
                "deliberations": n,
                "first_year": int(years.min()) if len(years) else None,
                "last_year": int(years.max()) if len(years) else None,
                "verbs": ", ".join(part["verb"].value_counts().index),
                "themes": ", ".join(themes(part["text"].iloc[0])),
                "example": part["text"].iloc[0],
            }
        )
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["deliberations", "actions"], ascending=False).reset_index(drop=True)
