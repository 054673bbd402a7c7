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
# # 01 · Overview of the corpus
#
# What the corpus holds: deliberations per year and authority (CCIN until 2024, APDP from
# 2025), the decisions, how often an opinion is conditional or concerns a modification,
# who asks, and which sections the documents contain. The corpus is read from
# `data/corpus/` (or `$CCIN_CORPUS`); every function comes from `pipeline.analysis`.

# %%
from pipeline.analysis import overview
from pipeline.analysis.corpus import corpus_dir, load
from pipeline.analysis.figures import bar_by_year, barh, lines_by_year, publish, sample

CORPUS = corpus_dir()
deliberations = load("deliberations", CORPUS)
sections = load("sections", CORPUS)
N = sample(len(deliberations), "deliberation")
print(f"corpus: {CORPUS}")
print(overview.summary(deliberations))

# %% [markdown]
# ## Deliberations per year and authority
#
# Each bar counts the deliberations adopted that year (from the number's year). A gap
# or a dip is first a question about coverage (pages not collected, or not recognised
# as deliberations: see the `issues` table) before it is one about the Commission.

# %%
fig = bar_by_year(
    overview.per_year(deliberations, "authority"),
    "Deliberations per year and authority",
    "deliberations",
    n=N,
    legend_title="authority",
)
publish(fig, "deliberations-per-year")

# %% [markdown]
# ## Decisions
#
# Most of the Commission's work is advisory: opinions on the processings of public
# bodies. A refusal or an unfavourable opinion is rare; the Commission's influence shows
# rather in the conditions it sets (notebook 03).

# %%
fig = bar_by_year(
    overview.decisions(deliberations),
    "Decisions per year",
    "deliberations",
    n=N,
    legend_title="decision",
)
publish(fig, "decisions-per-year")

# %% [markdown]
# ## Conditional opinions, modifications, rewritten finalités
#
# The share, per year, of opinions given "sous le bénéfice de la prise en compte de ce
# qui précède" (conditional), of requests that modify an existing processing, and of
# finalités the Commission rewrote. Each year is labelled with its number of
# deliberations: a share from fewer than five is drawn hollow (one deliberation gives 0%
# or 100%), and no line is drawn across a year without deliberations.

# %%
fig = lines_by_year(
    overview.flag_shares(deliberations),
    "Conditional opinions, modifications and rewritten finalités",
    "share of the year's deliberations",
    n=N,
    counts=overview.year_counts(deliberations),
    percent=True,
)
publish(fig, "flags-per-year")

# %% [markdown]
# ## Who asks
#
# Controllers as printed (without their article): the State ("Ministre d'État"), the
# Commune, hospitals, public establishments. Spelling variants ("Ministre d'Etat") are
# kept apart on purpose: the corpus keeps the text's wording.

# %%
fig = barh(
    overview.top_controllers(deliberations),
    "Controllers with the most deliberations",
    "deliberations",
    n=N,
    ylabel="controller",
)
publish(fig, "top-controllers")

# %% [markdown]
# ## Sections present
#
# The share of deliberations that have each numbered section (I to VIII). A section
# missing often means the processing has none of it (no interconnection), sometimes that
# its heading was not recognised.

# %%
fig = barh(
    overview.sections_present(deliberations, sections),
    "Share of deliberations with each numbered section",
    "share of deliberations",
    n=N,
    percent=True,
    ylabel="section kind",
)
publish(fig, "sections-present")
