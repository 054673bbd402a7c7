"""Figures a reviewer accepts: sample size and source at the foot, years labelled with
their n, fragile shares drawn hollow, no line across empty years, ranges as ranges, no
box over a handful of points, two colours for a 0/1 grid, labels as printed."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from pipeline.analysis import access, figures, overview, retention
from pipeline.analysis.labels import CATEGORY_LABELS, VERB_LABELS, label


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_the_foot_gives_n_and_the_source():
    fig = figures.barh(pd.Series({"a": 2}), "t", "x", n=figures.sample(1, "deliberation"))
    assert figures.foot(fig).startswith("n = 1 deliberation. Source: deliberations of the CCIN")
    assert figures.sample(16, "retention rule", within=(4, "deliberation")) == (
        "n = 16 retention rules in 4 deliberations"
    )


def test_yearly_shares_skip_empty_years_and_say_when_they_rest_on_few():
    d = pd.DataFrame(
        {
            "deliberation_id": ["2021-1", "2023-1", "2023-2"],
            "year": [2021, 2023, 2023],
            "conditional": [True, False, True],
            "modification": [False, False, False],
            "purpose_modified": [None, None, None],
        }
    )
    shares = overview.flag_shares(d)
    assert shares.index.tolist() == [2021, 2022, 2023]
    assert np.isnan(shares.loc[2022, "conditional opinion"])  # no deliberation, no 0%
    fig = figures.lines_by_year(
        shares, "t", "share", n="n = 3", counts=overview.year_counts(d), percent=True
    )
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["2021\nn=1", "2022\nn=0", "2023\nn=2"]
    line = next(x for x in ax.get_lines() if x.get_label() == "conditional opinion")
    ys = np.asarray(line.get_ydata(), dtype=float)
    assert np.isnan(ys[1])  # the line breaks at 2022
    hollow = [
        x
        for x in ax.get_lines()
        if x.get_markerfacecolor() == "white" and np.asarray(x.get_xdata()).size
    ]
    assert hollow
    assert "fewer than 5 deliberations" in figures.foot(fig)


def test_a_range_is_drawn_from_its_lower_to_its_upper_bound_and_no_box_over_few_points():
    fig = figures.durations_plot({"identité": [3.0, 6.0]}, {"identité": [(3.0, 12.0)]}, "t", n="n")
    ax = fig.axes[0]
    spans = [x for x in ax.get_lines() if np.asarray(x.get_xdata()).tolist() == [3.0, 12.0]]
    assert len(spans) == 1
    assert [t.get_text() for t in ax.get_yticklabels()] == ["identité (n = 3)"]
    assert len(ax.get_lines()) == 1  # the range only: no whisker, no median line
    boxed = figures.durations_plot({"identité": [1.0, 2.0, 3.0, 6.0, 12.0]}, {}, "t", n="n")
    assert len(boxed.axes[0].get_lines()) > 1  # a box (median, whiskers, caps)


def test_a_zero_one_grid_has_two_colours_and_a_legend_not_a_colour_bar():
    grid = pd.DataFrame({"lecture": [1, 0], "tous droits": [0, 1]}, index=["Auditeur", "Admin"])
    fig = figures.heatmap(grid, "t", "x", "y", n="n", binary=("not granted", "granted"))
    assert len(fig.axes) == 1
    shown = fig.axes[0].get_legend()
    assert shown is not None
    assert [t.get_text() for t in shown.get_texts()] == [
        "granted",
        "not granted",
    ]
    counts = figures.heatmap(grid * 3, "t", "x", "y", n="n", binary=("no", "yes"))
    assert len(counts.axes) == 2  # counts keep their colour bar
    links = figures.heatmap(grid, "t", "x", "y", n="n")
    assert len(links.axes) == 2  # counts that happen to be 0 and 1 too


def test_roles_are_shown_as_printed():
    ar = pd.DataFrame(
        {
            "deliberation_id": ["a", "b", "c"],
            "role": ["Les autorités habilitées", "les managers des utilisateurs", "l'auditeur"],
            "permissions": [["read"], ["read", "modify"], ["consult"]],
        }
    )
    roles = access.role_permissions(ar).index.tolist()
    assert sorted(roles) == ["Auditeur", "Autorités habilitées", "Managers des utilisateurs"]
    assert access.role_key("les managers des utilisateurs") == "manager des utilisateurs"


def test_codes_read_as_french_words():
    assert CATEGORY_LABELS["electronic_identification"] == "identification électronique"
    assert label("considere", VERB_LABELS) == "considère"
    assert label("prend_acte", VERB_LABELS) == "prend acte"
    assert label("rappelle", VERB_LABELS) == "rappelle"


@pytest.mark.parametrize(
    ("controller", "single", "low", "high", "verdict"),
    [
        (12, 3, np.nan, np.nan, "shortened"),
        (3, 3, np.nan, np.nan, "same"),
        (1, np.nan, 3, 12, "lengthened"),
        (6, np.nan, 3, 12, "within the Commission's range"),
        (24, np.nan, 3, 12, "shortened"),
        (None, 3, np.nan, np.nan, "no comparable controller duration"),
    ],
)
def test_the_commission_s_range_is_compared_as_a_range(controller, single, low, high, verdict):
    assert retention._verdict(controller, single, low, high) == verdict
