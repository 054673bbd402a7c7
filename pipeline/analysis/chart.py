"""What every figure shares: its frame (title, axes, and at its foot the sample size and
the source), the message of an empty figure, label wrapping, the legend's place, and
``publish`` (the PNG into ``$CCIN_FIGURES``). ``figures`` draws the kinds of figure."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from pipeline.plurals import counted

FIGURES_ENV = "CCIN_FIGURES"
SOURCE = "Source: deliberations of the CCIN/APDP in the Journal de Monaco (ccin-corpus)."
SMALL_N = 5  # a share from fewer deliberations is drawn hollow
WRAP = 38  # characters per line of a category label
PALETTE = mpl.colormaps["tab10"].colors + mpl.colormaps["Dark2"].colors  # type: ignore[attr-defined]
_FOOT = {"fontsize": 8, "color": "0.3"}


def sample(count: int, unit: str, within: tuple[int, str] | None = None) -> str:
    """``n = 4 deliberations``, ``n = 16 retention rules in 4 deliberations`` (``within``)."""
    text = f"n = {counted(int(count), unit)}"
    return text if within is None else f"{text} in {counted(int(within[0]), within[1])}"


def new_figure(
    title: str,
    xlabel: str,
    ylabel: str,
    n: str,
    width: float = 8.0,
    height: float = 4.5,
) -> tuple[Figure, plt.Axes]:
    fig, ax = plt.subplots(figsize=(width, height), layout="constrained")
    ax.set_title(title, wrap=True)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    set_foot(fig, n)
    return fig, ax


def set_foot(fig: Figure, n: str, note: str = "") -> None:
    text = textwrap.fill(" ".join(p for p in (f"{n}.", note, SOURCE) if p), 130)
    fig.supxlabel(text, x=0.01, ha="left", **_FOOT)


def foot(fig: Figure) -> str:
    """The text at the foot of ``fig`` (its sample size, notes and source)."""
    label = fig._supxlabel  # type: ignore[attr-defined]
    return "" if label is None else label.get_text()


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


def short(text: object, width: int = WRAP) -> str:
    """At most two lines' worth of ``text`` on one line (cut with "…")."""
    return textwrap.shorten(str(text), width * 2, placeholder=" …")


def wrap(text: object, width: int = WRAP) -> str:
    """``text`` on at most two lines of ``width`` characters (cut with "…")."""
    return textwrap.fill(str(text), width, max_lines=2, placeholder=" …")


def legend(ax: plt.Axes, title: str | None = None, **kwargs: object) -> None:
    ax.legend(
        title=title,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=9,
        frameon=False,
        **kwargs,
    )


def publish(fig: Figure, name: str) -> None:
    """Save ``fig`` as ``$CCIN_FIGURES/<name>.png`` when that variable is set (returns
    nothing, so a notebook cell ending with it shows only the figure)."""
    folder = os.environ.get(FIGURES_ENV)
    if folder:
        path = Path(folder) / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, dpi=120)
