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
# # 03 · What the Commission asks: verbs, themes and recurring reminders
#
# After "Après en avoir délibéré, la Commission :" come its actions, one row each in
# `commission_actions`, with the lead verb (`rappelle`, `demande`, `fixe`, `considere` …).
# Reminders (`rappelle`) restate the law and the Commission's standing doctrine; requests
# (`demande`) and fixed durations (`fixe`) are the conditions of a conditional opinion.

# %%
from pipeline.analysis import actions
from pipeline.analysis.corpus import corpus_dir, load
from pipeline.analysis.figures import bar_by_year, barh, heatmap, publish, sample

CORPUS = corpus_dir()
deliberations = load("deliberations", CORPUS)
commission_actions = load("commission_actions", CORPUS)
WITH_ACTIONS = commission_actions["deliberation_id"].nunique()
N = sample(len(commission_actions), "action", within=(WITH_ACTIONS, "deliberation"))
print(
    f"{len(commission_actions)} actions in "
    f"{commission_actions['deliberation_id'].nunique()} of {len(deliberations)} deliberations"
)

# %% [markdown]
# ## Verbs over time

# %%
fig = bar_by_year(
    actions.verbs_per_year(commission_actions, deliberations),
    "The Commission's actions per year, by lead verb",
    "actions",
    n=N,
    legend_title="verb",
)
publish(fig, "verbs-per-year")

# %% [markdown]
# ## Themes
#
# Each action is matched against a small list of themes (patterns in
# `pipeline.analysis.actions.THEMES`): strong passwords, encryption of copies and
# extractions, information of persons under article 14 of law 1.165, need-to-know
# access, the legality of linked processings … The bars count deliberations.

# %%
fig = barh(
    actions.theme_counts(commission_actions, deliberations),
    "Themes of the Commission's actions",
    "deliberations mentioning the theme",
    n=sample(WITH_ACTIONS, "deliberation") + " with actions",
    ylabel="theme",
)
publish(fig, "themes")

# %%
fig = heatmap(
    actions.theme_shares_by_year(commission_actions, deliberations).T,
    "Share of deliberations mentioning each theme, per year",
    "year",
    "theme",
    n=sample(WITH_ACTIONS, "deliberation") + " with actions",
    counts=actions.deliberations_with_actions(commission_actions, deliberations),
    percent=True,
)
publish(fig, "themes-per-year")

# %% [markdown]
# ## Recurring reminders, grouped by wording
#
# Reminders and requests are grouped by similar wording (word stems and word pairs,
# Jaccard similarity ≥ 0.3 to the group's first text), without any list of themes: the
# groups found in most deliberations are the Commission's boilerplate — the same
# sentence on unused ports and strong passwords recurs nearly word for word.

# %%
groups = actions.reminder_groups(commission_actions, deliberations)
fig = barh(
    groups.set_index("example")["deliberations"].head(12),
    "Most frequent reminders (grouped by similar wording)",
    "deliberations",
    n=N,
    ylabel="reminder (first text of the group)",
)
publish(fig, "reminder-groups")

# %%
groups.drop(columns="group").head(20)
