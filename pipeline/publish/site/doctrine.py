"""The doctrine pages: the Commission's actions by verb and theme over the years,
retention periods by data category, and the controllers with their deliberations.

Every number comes from ``pipeline.analysis`` (the notebooks' data functions) and every
figure from ``pipeline.analysis.figures``, saved as SVG with its text kept as text; each
figure has its numbers in a table beside it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import matplotlib as mpl

mpl.use("Agg")  # no display: the figures are only written to files

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from pipeline.analysis import actions, overview, retention  # noqa: E402
from pipeline.analysis import figures as fg  # noqa: E402
from pipeline.analysis.figures import sample  # noqa: E402
from pipeline.analysis.labels import CATEGORY_LABELS, SET_BY_LABELS, VERB_LABELS  # noqa: E402

Cell = str | list[tuple[str, str | None]]
MAX_ROWS = 200  # rows of a table listing single facts (the whole list is in the corpus)
MAX_LINKS = 100  # deliberations linked from one cell, newest first


@dataclass
class Part:
    anchor: str
    title: str
    text: str = ""
    figure: str | None = None  # path relative to the page
    alt: str = ""
    table: dict[str, Any] | None = None  # columns, rows: [{"id", "cells": [Cell]}]
    collapsed: bool = False
    summary: str = ""


@dataclass
class DoctrinePage:
    name: str  # file name in doctrine/
    heading: str
    intro: str
    parts: list[Part] = field(default_factory=list)


def _save(fig: Any, folder: Path, name: str) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": "ccin"}):
        fig.savefig(folder / f"{name}.svg", format="svg", metadata={"Date": None})
    plt.close(fig)
    return f"fig/{name}.svg"


def _links(ids: Iterable[str], most: int | None = None) -> list[tuple[str, str | None]]:
    """Links to the deliberations ``ids`` (the first ``most`` of them, then how many more)."""
    ids = list(ids)
    out: list[tuple[str, str | None]] = [(i, f"../d/{i}.html") for i in ids[:most]]
    if most is not None and len(ids) > most:
        out.append((f"and {len(ids) - most} more", None))
    return out


def _num(v: object) -> str:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ""
    if isinstance(v, float):
        # one decimal at most; "≈" says it was rounded (P30D is 0.986 months: "≈1")
        shown = f"{v:.1f}".removesuffix(".0")
        return shown if abs(v - round(v, 1)) < 1e-9 else f"≈{shown}"
    return str(v)


def _commission_months(rule: Any) -> str:
    """The Commission's months: its single value, else its range ("3–12") or bound ("≥ 3")."""
    if pd.notna(rule.commission_months):
        return _num(float(rule.commission_months))
    low, high = rule.commission_min, rule.commission_max
    if pd.notna(low) and pd.notna(high):
        return f"{_num(float(low))}–{_num(float(high))}"
    if pd.notna(low):
        return f"≥ {_num(float(low))}"
    return f"≤ {_num(float(high))}" if pd.notna(high) else ""


def _frame_table(frame: pd.DataFrame, index_label: str, percent: bool = False) -> dict[str, Any]:
    rows = []
    for key, values in frame.iterrows():
        cells: list[Cell] = [str(key)]
        for v in values:
            cells.append(f"{v:.0%}" if percent else _num(v))
        rows.append({"cells": cells})
    return {"columns": [index_label, *map(str, frame.columns)], "rows": rows}


def actions_page(tables: dict[str, pd.DataFrame], fig_dir: Path) -> DoctrinePage:
    d, acts = tables["deliberations"], tables["commission_actions"]
    page = DoctrinePage(
        "actions.html",
        "The Commission's actions",
        f"What the Commission decides after “Après en avoir délibéré”: {len(acts)} actions in "
        f"{acts['deliberation_id'].nunique()} deliberations, by lead verb and by theme over "
        "the years.",
    )
    with_actions = acts["deliberation_id"].nunique()
    n_actions = sample(len(acts), "action", within=(with_actions, "deliberation"))
    n_deliberations = sample(with_actions, "deliberation") + " with actions"
    verbs = actions.verbs_per_year(acts, d)
    fig = fg.bar_by_year(
        verbs,
        "The Commission's actions per year, by lead verb",
        "actions",
        n=n_actions,
        legend_title="verb",
    )
    page.parts.append(
        Part(
            "verbs",
            "Verbs over the years",
            "Reminders (rappelle) restate the law and the Commission's standing doctrine; "
            "requests (demande) and fixed durations (fixe) are the conditions of a "
            "conditional opinion.",
            _save(fig, fig_dir, "verbs-per-year"),
            "Stacked bars: the Commission's actions per year, by lead verb.",
            _frame_table(verbs, "year") if not verbs.empty else None,
            collapsed=True,
        )
    )
    themed = actions.theme_table(acts, d)
    counts = actions.theme_counts(acts, d)
    rows = []
    recent = themed.merge(d[["deliberation_id", "adopted_on", "seq"]], on="deliberation_id")
    recent = recent.sort_values(["adopted_on", "seq"], ascending=False)
    for theme, n in counts.items():
        ids = recent.loc[recent["theme"] == theme, "deliberation_id"].drop_duplicates()
        rows.append({"cells": [str(theme), str(n), _links(ids, MAX_LINKS)]})
    page.parts.append(
        Part(
            "themes",
            "Themes",
            "Each action is matched against a list of themes (strong passwords, encryption, "
            "information of persons …). The bars count deliberations; the table lists them, "
            f"newest first (at most {MAX_LINKS} each).",
            _save(
                fg.barh(
                    counts,
                    "Themes of the Commission's actions",
                    "deliberations mentioning the theme",
                    n=n_deliberations,
                    ylabel="theme",
                ),
                fig_dir,
                "themes",
            ),
            "Horizontal bars: number of deliberations whose actions mention each theme.",
            {"columns": ["theme", "deliberations", "which"], "rows": rows} if rows else None,
            collapsed=True,
            summary="The deliberations of each theme",
        )
    )
    shares = actions.theme_shares_by_year(acts, d)
    page.parts.append(
        Part(
            "themes-per-year",
            "Themes over the years",
            "",
            _save(
                fg.heatmap(
                    shares.T,
                    "Share of deliberations mentioning each theme, per year",
                    "year",
                    "theme",
                    n=n_deliberations,
                    counts=actions.deliberations_with_actions(acts, d),
                    percent=True,
                ),
                fig_dir,
                "themes-per-year",
            ),
            "Heat map: per year, the share of deliberations whose actions mention each theme.",
            _frame_table(shares.T, "theme", percent=True) if not shares.empty else None,
            collapsed=True,
        )
    )
    groups = actions.reminder_groups(acts, d).head(25)
    page.parts.append(
        Part(
            "reminders",
            "Recurring reminders",
            "Reminders and requests grouped by similar wording: the groups found in most "
            "deliberations are the Commission's standing doctrine.",
            table={
                "columns": ["example", "deliberations", "years", "verbs", "themes"],
                "rows": [
                    {
                        "cells": [
                            str(g.example),
                            str(g.deliberations),
                            f"{_num(g.first_year)}–{_num(g.last_year)}",
                            ", ".join(VERB_LABELS.get(v, v) for v in str(g.verbs).split(", ")),
                            str(g.themes),
                        ]
                    }
                    for g in groups.itertuples()
                ],
            }
            if not groups.empty
            else None,
        )
    )
    return page


def retention_page(tables: dict[str, pd.DataFrame], fig_dir: Path) -> DoctrinePage:
    d, rules = tables["deliberations"], tables["retention_rules"]
    durations = retention.durations(rules, d)
    # only deliberations where the Commission sets a duration can give rows: the others
    # are left out of the (slow, per-deliberation) comparison
    fixing = durations.loc[durations["set_by"] == "commission", "deliberation_id"].unique()
    shortened = retention.shortenings(durations[durations["deliberation_id"].isin(fixing)])
    page = DoctrinePage(
        "retention.html", "Retention periods", retention.summary(durations, shortened)
    )
    n_rules = sample(
        len(rules), "retention rule", within=(rules["deliberation_id"].nunique(), "deliberation")
    )
    by_cat = (
        retention.by_category(durations)
        .round(1)
        .rename(index=lambda k: CATEGORY_LABELS.get(k, k))
        .rename(columns={"rules": "single durations", "ranges": "ranges (min–max)"})
    )
    page.parts.append(
        Part(
            "by-category",
            "Durations by data category",
            "The category of a rule comes from the words of its scope (“informations "
            "d'identité”, “logs de connexion” …); a scope naming several categories counts "
            "for each. Durations in months.",
            _save(
                fg.durations_plot(
                    {
                        CATEGORY_LABELS.get(k, k): v
                        for k, v in retention.category_values(durations).items()
                    },
                    {
                        CATEGORY_LABELS.get(k, k): v
                        for k, v in retention.category_ranges(durations).items()
                    },
                    "Retention durations by data category",
                    n=n_rules,
                    ylabel="data category (from the rule's scope)",
                ),
                fig_dir,
                "durations-by-category",
            ),
            "Dots: each single retention duration (months, log scale) per data category; "
            "red bars: the ranges (min–max).",
            _frame_table(by_cat, "data category") if not by_cat.empty else None,
        )
    )
    median = retention.yearly_median(durations)
    page.parts.append(
        Part(
            "per-year",
            "Over the years",
            "The median duration per year, apart for the rules stated by the controller and "
            "those fixed by the Commission.",
            _save(
                fg.lines_by_year(
                    median.rename(columns=SET_BY_LABELS),
                    "Median retention duration per year",
                    "median duration (months)",
                    n=sample(durations["months"].notna().sum(), "rule") + " with a single duration",
                    counts=retention.rules_per_year(durations).rename(columns=SET_BY_LABELS),
                    unit="rules",
                    legend_title="set by",
                ),
                fig_dir,
                "median-per-year",
            ),
            "Lines: the median retention duration per year, by who sets it.",
            _frame_table(median.rename(columns=SET_BY_LABELS), "year") if len(median) else None,
            collapsed=True,
        )
    )
    verdicts = shortened["verdict"].value_counts().reindex(retention.VERDICTS).fillna(0)
    compared = shortened[shortened["verdict"] != retention.VERDICTS[-1]]
    compared = compared.sort_values(["year", "deliberation_id"], ascending=False)
    rows = [
        {
            "cells": [
                _links([str(s.deliberation_id)]),
                str(s.data_scope or ""),
                _num(s.controller_months),
                _commission_months(s),
                str(s.verdict),
            ]
        }
        for s in compared.head(MAX_ROWS).itertuples()
    ]
    more = (
        f" The {MAX_ROWS} most recent of {len(compared)} are listed."
        if len(compared) > MAX_ROWS
        else ""
    )
    page.parts.append(
        Part(
            "commission",
            "Durations fixed by the Commission",
            "Each duration the Commission fixes, beside the controller's duration for the same "
            f"data (the table: those that can be compared, in months).{more}",
            _save(
                fg.barh(
                    verdicts,
                    "Durations fixed by the Commission, against the controller's",
                    "rules",
                    n=sample(len(shortened), "duration") + " fixed by the Commission",
                    ylabel="verdict",
                ),
                fig_dir,
                "commission-durations",
            ),
            "Horizontal bars: durations fixed by the Commission against the controller's: "
            + ", ".join(retention.VERDICTS)
            + ".",
            table={
                "columns": ["deliberation", "data"]
                + ["controller (months)", "Commission (months)", "verdict"],
                "rows": rows,
            }
            if rows
            else None,
            collapsed=len(rows) > 30,
        )
    )
    return page


def controllers_page(tables: dict[str, pd.DataFrame], fig_dir: Path) -> DoctrinePage:
    d = tables["deliberations"]
    page = DoctrinePage(
        "controllers.html",
        "Controllers",
        "Who asked for the opinions: every controller, as printed (spelling variants apart), "
        "with its deliberations, newest first.",
    )
    top = overview.top_controllers(d)
    named = d[d["controller"].notna()].sort_values(["adopted_on", "seq"], ascending=False)
    groups = sorted(
        named.groupby("controller")["deliberation_id"], key=lambda g: (-len(g[1]), g[0])
    )
    page.parts.append(
        Part(
            "controllers",
            "Controllers and their deliberations",
            "",
            _save(
                fg.barh(
                    top,
                    "Controllers with the most deliberations",
                    "deliberations",
                    n=sample(len(d), "deliberation"),
                    ylabel="controller",
                ),
                fig_dir,
                "controllers",
            ),
            "Horizontal bars: the controllers with the most deliberations.",
            {
                "columns": ["controller", "deliberations", "which"],
                "rows": [
                    {"cells": [str(name), str(len(ids)), _links(ids)]} for name, ids in groups
                ],
            }
            if groups
            else None,
        )
    )
    return page


def doctrine_pages(tables: dict[str, pd.DataFrame], out: Path) -> list[DoctrinePage]:
    fig_dir = out / "doctrine" / "fig"
    return [
        actions_page(tables, fig_dir),
        retention_page(tables, fig_dir),
        controllers_page(tables, fig_dir),
    ]
