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
# Commission when it fixes another duration. Durations are compared in months (a day is
# 1/30.44 month; for a range, the upper bound).

# %%
from pipeline.analysis import retention
from pipeline.analysis.corpus import corpus_dir, load
from pipeline.analysis.figures import bar_by_year, barh, durations_box, lines_by_year, publish
from pipeline.analysis.overview import per_year

CORPUS = corpus_dir()
deliberations = load("deliberations", CORPUS)
rules = load("retention_rules", CORPUS)
durations = retention.durations(rules, deliberations)
shortened = retention.shortenings(durations)
print(retention.summary(durations, shortened))

# %% [markdown]
# ## Durations by data category
#
# The category of a rule comes from the words of its scope ("informations d'identité",
# "logs de connexion" …; a scope naming several categories counts for each). Identity
# data tied to a person's presence ("jusqu'au départ … plus 6 mois") is usually kept
# briefly after the trigger; logs and time stamps cluster around a year.

# %%
fig = durations_box(
    retention.category_values(durations),
    "Retention durations by data category",
    ylabel="data category (from the rule's scope)",
)
publish(fig, "durations-by-category")

# %%
retention.by_category(durations).round(1)

# %% [markdown]
# ## Over the years, and who sets them
#
# The median duration per year, apart for the rules stated by the controller and those
# fixed by the Commission, and the number of rules each sets per year.

# %%
fig = lines_by_year(
    retention.yearly_median(durations),
    "Median retention duration per year",
    "median duration (months)",
    legend_title="set by",
)
publish(fig, "median-duration-per-year")

# %%
fig = bar_by_year(
    per_year(durations, "set_by"),
    "Retention rules per year, by who sets them",
    "rules",
    legend_title="set by",
)
publish(fig, "set-by-per-year")

# %% [markdown]
# ## How often the Commission shortens a duration
#
# Each duration the Commission fixes is set beside the controller's duration for the
# same data (the controller's rule whose scope shares most words with it). "Shortened"
# means the Commission's duration is shorter; "lengthened" usually means it imposed a
# minimum (a range such as "de 3 mois minimum à un an maximum").

# %%
fig = barh(
    shortened["verdict"].value_counts().reindex(retention.VERDICTS).fillna(0),
    "Durations fixed by the Commission, against the controller's",
    "rules",
    ylabel="verdict",
)
publish(fig, "commission-shortenings")

# %%
shortened.drop(columns="raw")
