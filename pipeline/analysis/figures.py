"""Matplotlib figures for the notebooks: every one has a title and labelled axes, and a
figure with no data says so instead of raising.

``publish(fig, name)`` writes the PNG into ``$CCIN_FIGURES`` when that is set (the
notebook runner sets it to ``notebooks/output/<notebook>/``); in a notebook the figure
is shown inline as usual.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator, PercentFormatter

FIGURES_ENV = "CCIN_FIGURES"
WRAP = 38  # characters per line of a category label
TICK_MONTHS = (7 / 30.4375, 1, 3, 6, 12, 24, 60, 120, 360)  # 1 week … 30 years
_PALETTE = mpl.colormaps["tab10"].colors + mpl.colormaps["Dark2"].colors


def _figure(
    title: str, xlabel: str, ylabel: str, width: float = 8.0, height: float = 4.5
) -> tuple[Figure, plt.Axes]:
    fig, ax = plt.subplots(figsize=(width, height), layout="constrained")
    ax.set_title(title, wrap=True)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return fig, ax


def no_data(ax: plt.Axes, message: str) -> None:
    """Write ``message`` in the middle of an empty plot."""
    ax.text(
        0.5,
        0.5,
        textwrap.fill(message, 60),
        ha="center",
        va="center",
        transform=ax.transAxes,
        fontsize=11,
        color="0.35",
    )
    ax.set_xticks([])
    ax.set_yticks([])


def _label(text: object, width: int = WRAP) -> str:
    """At most two lines' worth of ``text`` on one line (cut with "…")."""
    return textwrap.shorten(str(text), width * 2, placeholder=" …")


def _wrap(text: object, width: int = WRAP) -> str:
    """``text`` on at most two lines of ``width`` characters (cut with "…")."""
    return textwrap.fill(str(text), width, max_lines=2, placeholder=" …")


def _years_axis(ax: plt.Axes, years: Sequence[int]) -> None:
    ax.set_xticks(range(len(years)))
    step = 1 if len(years) <= 14 else 2
    ax.set_xticklabels(
        [str(y) if i % step == 0 else "" for i, y in enumerate(years)],
        rotation=45 if len(years) > 8 else 0,
        ha="right" if len(years) > 8 else "center",
    )


def bar_by_year(
    frame: pd.DataFrame,
    title: str,
    ylabel: str,
    *,
    empty: str = "No data in this corpus.",
    legend_title: str | None = None,
    percent: bool = False,
    colors: Mapping[str, str] | None = None,
) -> Figure:
    """Stacked bars: one bar per year (the index), one segment per column (coloured from
    ``colors`` when it names the column)."""
    fig, ax = _figure(title, "year", ylabel)
    if frame.empty or frame.shape[1] == 0 or not frame.to_numpy().any():
        no_data(ax, empty)
        return fig
    years = [int(y) for y in frame.index]
    bottom = [0.0] * len(years)
    for i, column in enumerate(frame.columns):
        values = frame[column].astype(float).tolist()
        ax.bar(
            range(len(years)),
            values,
            bottom=bottom,
            label=_label(column, 30),
            color=(colors or {}).get(column, _PALETTE[i % len(_PALETTE)]),
        )
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    _years_axis(ax, years)
    if percent:
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    else:
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    if frame.shape[1] > 1 or legend_title:
        ax.legend(
            title=legend_title,
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            fontsize=9,
            frameon=False,
        )
    return fig


def lines_by_year(
    frame: pd.DataFrame,
    title: str,
    ylabel: str,
    *,
    empty: str = "No data in this corpus.",
    percent: bool = False,
    legend_title: str | None = None,
) -> Figure:
    """One line (with markers) per column over the years of the index."""
    fig, ax = _figure(title, "year", ylabel)
    data = frame.dropna(how="all")
    if data.empty or data.shape[1] == 0:
        no_data(ax, empty)
        return fig
    for i, column in enumerate(data.columns):
        ax.plot(
            data.index.astype(int),
            data[column].astype(float),
            marker="o",
            label=_label(column, 30),
            color=_PALETTE[i % len(_PALETTE)],
        )
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    if percent:
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_ylim(-0.02, 1.05)
    ax.legend(
        title=legend_title, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9, frameon=False
    )
    return fig


def barh(
    series: pd.Series,
    title: str,
    xlabel: str,
    *,
    empty: str = "No data in this corpus.",
    percent: bool = False,
    ylabel: str = "",
) -> Figure:
    """Horizontal bars, largest on top, each with its value at the end."""
    data = series.dropna()
    labels = [_wrap(i) for i in data.index]
    lines = sum(label.count("\n") + 1 for label in labels)
    fig, ax = _figure(title, xlabel, ylabel, 8.0, max(3.0, 0.32 * lines + 1.4))
    if data.empty or not data.any():
        no_data(ax, empty)
        return fig
    positions = range(len(data))[::-1]
    ax.barh(list(positions), data.astype(float).tolist(), color=_PALETTE[0])
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


def durations_box(
    values: Mapping[str, Sequence[float]],
    title: str,
    xlabel: str = "duration (log scale)",
    *,
    empty: str = "No retention rule with a duration in this corpus.",
    ylabel: str = "",
) -> Figure:
    """Horizontal box plots of durations in months (log scale), each point drawn too."""
    labels = [_wrap(k) for k in values]
    fig, ax = _figure(title, xlabel, ylabel, 8.0, max(3.0, 0.42 * len(labels) + 1.6))
    data = [[x for x in v if x and x > 0] for v in values.values()]
    if not any(data):
        no_data(ax, empty)
        return fig
    positions = list(range(len(data), 0, -1))
    ax.boxplot(data, positions=positions, orientation="horizontal", widths=0.6, showfliers=False)
    for y, points in zip(positions, data, strict=True):
        ax.scatter(points, [y] * len(points), s=14, alpha=0.6, color=_PALETTE[2], zorder=3)
    ax.set_yticks(positions, labels, fontsize=9)
    ax.set_xscale("log")
    lo = min(min(v) for v in data if v) / 1.6
    hi = max(max(v) for v in data if v) * 1.6
    ax.set_xlim(lo, hi)
    ax.set_xticks([t for t in TICK_MONTHS if lo <= t <= hi] or [lo, hi])
    ax.xaxis.set_major_formatter(FuncFormatter(_months))
    ax.xaxis.set_minor_formatter(FuncFormatter(lambda *_: ""))
    return fig


def heatmap(
    frame: pd.DataFrame,
    title: str,
    xlabel: str,
    ylabel: str,
    *,
    empty: str = "No data in this corpus.",
    percent: bool = False,
) -> Figure:
    """A table of numbers as coloured cells, each with its value."""
    rows = [_wrap(i, 30) for i in frame.index]
    width = max(7.5, 0.62 * frame.shape[1] + 4.0)
    fig, ax = _figure(title, xlabel, ylabel, width, max(3.0, 0.4 * len(rows) + 1.8))
    if frame.empty or frame.shape[1] == 0:
        no_data(ax, empty)
        return fig
    values = frame.astype(float).to_numpy()
    image = ax.imshow(values, aspect="auto", cmap="Blues", vmin=0)
    ax.set_xticks(
        range(frame.shape[1]),
        [_label(c, 14) for c in frame.columns],
        rotation=45,
        ha="right",
        fontsize=9,
    )
    ax.set_yticks(range(len(rows)), rows, fontsize=9)
    high = values.max() if values.size else 0
    for (r, c), v in pd.DataFrame(values).stack().items():
        text = f"{v:.0%}" if percent else f"{v:g}"
        ax.text(
            c,
            r,
            text,
            ha="center",
            va="center",
            fontsize=8,
            color="white" if high and v > high * 0.6 else "black",
        )
    bar = fig.colorbar(image, ax=ax, shrink=0.8)
    if percent:
        bar.ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    else:
        bar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    return fig


def publish(fig: Figure, name: str) -> None:
    """Save ``fig`` as ``$CCIN_FIGURES/<name>.png`` when that variable is set (returns
    nothing, so a notebook cell ending with it shows only the figure)."""
    folder = os.environ.get(FIGURES_ENV)
    if folder:
        path = Path(folder) / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, dpi=120)
