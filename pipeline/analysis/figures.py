"""Matplotlib figures for the notebooks, drawn so that a reviewer can read them alone.

Every figure has a title, labelled axes, and at its foot its sample size (``n = …``, a
required argument) and its source. Per-year figures label each year with its number of
deliberations; a share computed from fewer than ``SMALL_N`` deliberations is drawn hollow
and the foot says so; lines are not drawn through years without data. Durations are
drawn as points, ranges as segments from their lower to their upper bound, and a box only
over ``MIN_BOX`` points or more. A 0/1 grid is drawn in two colours with a legend, not
with a colour bar. A figure with no data says so instead of raising.

``publish(fig, name)`` writes the PNG into ``$CCIN_FIGURES`` when that is set (the
notebook runner sets it to ``notebooks/output/<notebook>/``); in a notebook the figure
is shown inline as usual.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator, PercentFormatter

from pipeline.analysis.chart import (
    FIGURES_ENV,
    PALETTE,
    SMALL_N,
    foot,
    legend,
    new_figure,
    no_data,
    publish,
    sample,
    set_foot,
    short,
    wrap,
)

__all__ = [
    "FIGURES_ENV",
    "bar_by_year",
    "barh",
    "durations_plot",
    "foot",
    "heatmap",
    "lines_by_year",
    "publish",
    "sample",
]
MIN_BOX = 5  # fewer points than this get no box
TICK_MONTHS = (7 / 30.4375, 1, 3, 6, 12, 24, 60, 120, 360)  # 1 week … 30 years


def _year_labels(years: Sequence[int], counts: pd.Series | None) -> list[str]:
    step = 1 if len(years) <= 14 else 2
    labels = []
    for i, y in enumerate(years):
        if i % step:
            labels.append("")
        elif counts is None:
            labels.append(str(y))
        else:
            labels.append(f"{y}\nn={int(counts.get(y, 0))}")
    return labels


def _years_axis(ax: plt.Axes, years: Sequence[int], counts: pd.Series | None = None) -> None:
    ax.set_xticks(range(len(years)))
    tilt = len(years) > 8 and counts is None
    ax.set_xticklabels(
        _year_labels(years, counts),
        rotation=45 if tilt else 0,
        ha="right" if tilt else "center",
        fontsize=9 if counts is not None else None,
    )


def _full_years(index: pd.Index, counts: pd.Series | None) -> list[int]:
    years = [int(y) for y in index]
    if counts is not None:
        years += [int(y) for y in counts.index]
    return list(range(min(years), max(years) + 1)) if years else []


def bar_by_year(
    frame: pd.DataFrame,
    title: str,
    ylabel: str,
    *,
    n: str,
    empty: str = "No data in this corpus.",
    legend_title: str | None = None,
    colors: Mapping[str, str] | None = None,
) -> Figure:
    """Stacked bars of counts: one bar per year (the index, every year between the first
    and the last), one segment per column (coloured from ``colors`` when it names it)."""
    fig, ax = new_figure(title, "year", ylabel, n)
    if frame.empty or frame.shape[1] == 0 or not frame.to_numpy().any():
        no_data(ax, empty)
        return fig
    years = _full_years(frame.index, None)
    data = frame.reindex(years, fill_value=0)
    bottom = np.zeros(len(years))
    for i, column in enumerate(data.columns):
        values = data[column].astype(float).to_numpy()
        ax.bar(
            range(len(years)),
            values,
            bottom=bottom,
            label=short(column, 30),
            color=(colors or {}).get(column, PALETTE[i % len(PALETTE)]),
        )
        bottom += values
    _years_axis(ax, years)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    if data.shape[1] > 1 or legend_title:
        legend(ax, legend_title)
    return fig


def lines_by_year(
    frame: pd.DataFrame,
    title: str,
    ylabel: str,
    *,
    n: str,
    counts: pd.Series | pd.DataFrame | None = None,
    unit: str = "deliberations",
    empty: str = "No data in this corpus.",
    percent: bool = False,
    legend_title: str | None = None,
) -> Figure:
    """One line per column over the years of the index. Years without a value break the
    line. With ``counts`` (per year, or per year and column: how many ``unit`` each value
    rests on) each year is labelled with its ``n`` and a value resting on fewer than
    ``SMALL_N`` is drawn hollow."""
    fig, ax = new_figure(title, "year", ylabel, n)
    data = frame.dropna(how="all")
    if data.empty or data.shape[1] == 0:
        no_data(ax, empty)
        return fig
    total = counts.sum(axis=1) if isinstance(counts, pd.DataFrame) else counts
    years = _full_years(data.index, total)
    data = data.reindex(years)
    x = np.arange(len(years))
    any_small = False
    for i, column in enumerate(data.columns):
        color = PALETTE[i % len(PALETTE)]
        values = data[column].astype(float).to_numpy()
        ax.plot(x, values, color=color, label=short(column, 30))  # NaN breaks the line
        small = _small(counts, column, years)
        any_small |= bool((small & ~np.isnan(values)).any())
        solid = ~small & ~np.isnan(values)
        ax.plot(x[solid], values[solid], "o", color=color)
        hollow = small & ~np.isnan(values)
        ax.plot(x[hollow], values[hollow], "o", mfc="white", color=color)
    _years_axis(ax, years, total)
    if percent:
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_ylim(-0.03, 1.05)
    handles, _ = ax.get_legend_handles_labels()
    if any_small:
        handles.append(
            Line2D([], [], marker="o", mfc="white", color="0.4", ls="", label=f"n < {SMALL_N}")
        )
        caveat = " (a share of 0% or 100% may rest on one or two)" if percent else ""
        set_foot(fig, n, f"Hollow points: fewer than {SMALL_N} {unit} that year{caveat}.")
    legend(ax, legend_title, handles=handles)
    return fig


def _small(counts: pd.Series | pd.DataFrame | None, column: object, years: list[int]) -> np.ndarray:
    """Per year: whether the value of ``column`` rests on fewer than ``SMALL_N``."""
    if counts is None:
        return np.zeros(len(years), dtype=bool)
    series = counts[column] if isinstance(counts, pd.DataFrame) else counts
    return np.array([series.get(y, 0) < SMALL_N for y in years], dtype=bool)


def barh(
    series: pd.Series,
    title: str,
    xlabel: str,
    *,
    n: str,
    empty: str = "No data in this corpus.",
    percent: bool = False,
    ylabel: str = "",
) -> Figure:
    """Horizontal bars, in the order of ``series`` from the top, each with its value."""
    data = series.dropna()
    labels = [wrap(i) for i in data.index]
    lines = sum(label.count("\n") + 1 for label in labels)
    fig, ax = new_figure(title, xlabel, ylabel, n, 8.0, max(3.0, 0.32 * lines + 1.6))
    if data.empty or not data.any():
        no_data(ax, empty)
        return fig
    positions = range(len(data))[::-1]
    ax.barh(list(positions), data.astype(float).tolist(), color=PALETTE[0])
    ax.set_yticks(list(positions), labels, fontsize=9)
    top = float(data.max())
    for y, v in zip(positions, data, strict=True):
        ax.text(v + top * 0.01, y, f"{v:.0%}" if percent else f"{v:g}", va="center", fontsize=8)
    ax.set_xlim(0, top * 1.12)
    if percent:
        ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    else:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    return fig


def _months(v: float, _pos: object = None) -> str:
    if v >= 12 and round(v) % 12 == 0:
        return f"{round(v) // 12} y"
    return f"{v:.3g} m" if v >= 1 else f"{v * 30.4375:.0f} d"


def durations_plot(
    points: Mapping[str, Sequence[float]],
    ranges: Mapping[str, Sequence[tuple[float, float]]],
    title: str,
    xlabel: str = "duration (log scale)",
    *,
    n: str,
    empty: str = "No retention rule with a duration in this corpus.",
    ylabel: str = "",
) -> Figure:
    """Durations in months per category (log scale): each single duration a point, each
    range a segment from its lower to its upper bound, a box over ``MIN_BOX`` points or
    more. Categories in the order of ``points``, then those with ranges only."""
    names = [*points, *(k for k in ranges if k not in points)]
    single = {k: [x for x in points.get(k, ()) if x and x > 0] for k in names}
    spans = {k: [(lo, hi) for lo, hi in ranges.get(k, ()) if lo > 0 and hi > 0] for k in names}
    names = [k for k in names if single[k] or spans[k]]
    labels = [f"{wrap(k, 30)} (n = {len(single[k]) + len(spans[k])})" for k in names]
    fig, ax = new_figure(title, xlabel, ylabel, n, 8.5, max(3.0, 0.5 * len(names) + 1.8))
    if not names:
        no_data(ax, empty)
        return fig
    positions = list(range(len(names), 0, -1))
    boxed = [(y, single[k]) for y, k in zip(positions, names, strict=True)]
    boxed = [(y, v) for y, v in boxed if len(v) >= MIN_BOX]
    if boxed:
        ax.boxplot(
            [v for _, v in boxed],
            positions=[y for y, _ in boxed],
            orientation="horizontal",
            widths=0.5,
            showfliers=False,
        )
    rng = np.random.default_rng(0)  # a fixed jitter: the same figure every run
    for y, k in zip(positions, names, strict=True):
        xs = single[k]
        ax.scatter(xs, y + rng.uniform(-0.12, 0.12, len(xs)), s=16, alpha=0.7, color=PALETTE[0])
        for j, (lo, hi) in enumerate(spans[k]):
            level = y - 0.22 - 0.06 * (j % 3)
            ax.plot([lo, hi], [level, level], color=PALETTE[3], lw=2, marker="|", ms=8)
    ax.set_yticks(positions, labels, fontsize=9)
    ax.set_xscale("log")
    values = [x for v in single.values() for x in v] + [
        x for v in spans.values() for r in v for x in r
    ]
    lo, hi = min(values) / 1.6, max(values) * 1.6
    ax.set_xlim(lo, hi)
    ax.set_xticks([t for t in TICK_MONTHS if lo <= t <= hi] or [lo, hi])
    ax.xaxis.set_major_formatter(FuncFormatter(_months))
    ax.xaxis.set_minor_formatter(FuncFormatter(lambda *_: ""))
    handles: list[Line2D | Patch] = [
        Line2D([], [], marker="o", ls="", color=PALETTE[0], label="one duration"),
        Line2D([], [], marker="|", color=PALETTE[3], lw=2, label="a range (min–max)"),
    ]
    if boxed:
        handles.append(Patch(fc="white", ec="black", label=f"box: {MIN_BOX}+ durations"))
    legend(ax, None, handles=handles)
    return fig


def heatmap(
    frame: pd.DataFrame,
    title: str,
    xlabel: str,
    ylabel: str,
    *,
    n: str,
    empty: str = "No data in this corpus.",
    percent: bool = False,
    counts: pd.Series | None = None,
    binary: tuple[str, str] | None = None,
) -> Figure:
    """A table of numbers as coloured cells, each with its value. With ``binary`` (the
    names of 0 and 1), a grid of 0 and 1 only is drawn in two colours with a legend. With ``counts``,
    each column (a year) is labelled with its ``n`` and columns with fewer than
    ``SMALL_N`` are hatched."""
    rows = [wrap(i, 30) for i in frame.index]
    width = max(7.5, 0.7 * frame.shape[1] + 4.5)
    fig, ax = new_figure(title, xlabel, ylabel, n, width, max(3.0, 0.42 * len(rows) + 2.0))
    if frame.empty or frame.shape[1] == 0:
        no_data(ax, empty)
        return fig
    values = frame.astype(float).to_numpy()
    two = binary is not None and not percent and set(np.unique(values)) <= {0.0, 1.0}
    if two and binary is not None:
        ax.imshow(
            values, aspect="auto", cmap=ListedColormap(["#f0f0f0", "#1f5f9e"]), vmin=0, vmax=1
        )
        legend(
            ax,
            None,
            handles=[
                Patch(fc="#1f5f9e", label=binary[1]),
                Patch(fc="#f0f0f0", ec="0.7", label=binary[0]),
            ],
        )
    else:
        image = ax.imshow(values, aspect="auto", cmap="Blues", vmin=0)
        bar = fig.colorbar(image, ax=ax, shrink=0.8)
        if percent:
            bar.ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        else:
            bar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    columns = [str(c) for c in frame.columns]
    if counts is not None:
        columns = [f"{c}\nn={int(counts.get(c, 0))}" for c in frame.columns]
        ax.set_xticks(range(frame.shape[1]), columns, fontsize=9)
        for j, c in enumerate(frame.columns):
            if counts.get(c, 0) < SMALL_N:
                ax.add_patch(
                    mpl.patches.Rectangle(
                        (j - 0.5, -0.5), 1, len(rows), fill=False, hatch="//", ec="0.6", lw=0
                    )
                )
        if (counts.reindex(frame.columns).fillna(0) < SMALL_N).any():
            set_foot(fig, n, f"Hatched: fewer than {SMALL_N} deliberations that year.")
    else:
        ax.set_xticks(
            range(frame.shape[1]),
            [short(c, 14) for c in columns],
            rotation=45,
            ha="right",
            fontsize=9,
        )
    ax.set_yticks(range(len(rows)), rows, fontsize=9)
    if two:
        return fig
    high = values.max() if values.size else 0
    for (r, c), v in pd.DataFrame(values).stack().items():
        ax.text(
            c,
            r,
            f"{v:.0%}" if percent else f"{v:g}",
            ha="center",
            va="center",
            fontsize=8,
            color="white" if high and v > high * 0.6 else "black",
        )
    return fig
