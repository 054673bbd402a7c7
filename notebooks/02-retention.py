# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 02 · Retention: how long data is kept
#
# Section VIII of each deliberation says how long each kind of data is kept. Each rule
# of `retention_rules` carries an ISO 8601 duration in the printed unit (`P6M`, `P2Y`,
# `P30D`), or a range (`duration_min`/`duration_max`), or only an open-ended condition
# (`until`: "tant que le compte est actif"), and who set it: the controller, or the
# Commission when it fixes another duration. Durations are compared in months, from the
# `duration_months`, `duration_min_months` and `duration_max_months` columns (a month is
# 30.4375 days); a range ("de 3 mois minimum à un an maximum") is drawn as a range, from
# its lower to its upper bound, and left out of medians.

# %%
from pipeline.analysis import retention
from pipeline.analysis.corpus import corpus_dir, load
from pipeline.analysis.figures import (
    bar_by_year,
    barh,
    durations_plot,
    lines_by_year,
    publish,
    sample,
)
from pipeline.analysis.labels import CATEGORY_LABELS, SET_BY_LABELS
from pipeline.analysis.overview import per_year

CORPUS = corpus_dir()
deliberations = load("deliberations", CORPUS)
rules = load("retention_rules", CORPUS)
durations = retention.durations(rules, deliberations)
shortened = retention.shortenings(durations)
N = sample(
    len(rules), "retention rule", within=(rules["deliberation_id"].nunique(), "deliberation")
)
print(retention.summary(durations, shortened))

# %% [markdown]
# ## Durations by data category
#
# The category of a rule comes from the words of its scope ("informations d'identité",
# "logs de connexion" …; a scope naming several categories counts for each). Identity
# data tied to a person's presence ("jusqu'au départ … plus 6 mois") is usually kept
# briefly after the trigger; logs and time stamps cluster around a year. Each point is a
# rule, each segment a range; a box is drawn only over five rules or more.

# %%
fig = durations_plot(
    {CATEGORY_LABELS.get(k, k): v for k, v in retention.category_values(durations).items()},
    {CATEGORY_LABELS.get(k, k): v for k, v in retention.category_ranges(durations).items()},
    "Retention durations by data category",
    n=N,
    ylabel="data category (from the rule's scope)",
)
publish(fig, "durations-by-category")

# %%
retention.by_category(durations).round(1)

# %% [markdown]
# ## Over the years, and who sets them
#
# The median single duration per year, apart for the rules stated by the controller and
# those fixed by the Commission (each year labelled with its number of rules), and the
# number of rules each sets per year.

# %%
fig = lines_by_year(
    retention.yearly_median(durations).rename(columns=SET_BY_LABELS),
    "Median retention duration per year",
    "median duration (months)",
    n=sample(durations["months"].notna().sum(), "rule") + " with a single duration",
    counts=retention.rules_per_year(durations).rename(columns=SET_BY_LABELS),
    unit="rules",
    legend_title="set by",
)
publish(fig, "median-duration-per-year")

# %%
fig = bar_by_year(
    per_year(durations, "set_by").rename(columns=SET_BY_LABELS),
    "Retention rules per year, by who sets them",
    "rules",
    n=N,
    legend_title="set by",
)
publish(fig, "set-by-per-year")

# %% [markdown]
# ## How often the Commission shortens a duration
#
# Each duration the Commission fixes is set beside the controller's duration for the
# same data (the controller's rule whose scope shares most words with it). "Shortened"
# means the Commission's duration (or the upper bound of its range) is shorter;
# "lengthened" means it is longer (or the Commission imposed a minimum above the
# controller's duration); "within the Commission's range" means the controller's duration
# lies between the bounds the Commission set.

# %%
fig = barh(
    shortened["verdict"].value_counts().reindex(retention.VERDICTS).fillna(0),
    "Durations fixed by the Commission, against the controller's",
    "rules",
    n=sample(len(shortened), "duration") + " fixed by the Commission",
    ylabel="verdict",
)
publish(fig, "commission-shortenings")

# %%
shortened.drop(columns="raw")
