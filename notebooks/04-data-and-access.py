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
# # 04 · Data and access
#
# What is processed (section III, `data_categories`, one normalised category per label),
# which sensitive data appear (health, biometrics, images, offences, location), who has
# access and with which permissions (section V, `access_rights`), and how the processings
# are linked to others (section VI, `interconnections`) — in particular to processings
# that are not (yet) legally implemented, which the Commission always points out.

# %%
from pipeline.analysis import access
from pipeline.analysis.corpus import corpus_dir, load
from pipeline.analysis.figures import bar_by_year, barh, heatmap, publish, sample
from pipeline.analysis.labels import CATEGORY_LABELS, LINK_LABELS, PERMISSION_LABELS

CORPUS = corpus_dir()
deliberations = load("deliberations", CORPUS)
categories = load("data_categories", CORPUS)
access_rights = load("access_rights", CORPUS)
links = load("interconnections", CORPUS)
N = sample(len(deliberations), "deliberation")
N_ACCESS = sample(
    len(access_rights),
    "access right",
    within=(access_rights["deliberation_id"].nunique(), "deliberation"),
)
N_LINKS = sample(len(links), "link", within=(links["deliberation_id"].nunique(), "deliberation"))
print(access.summary(categories, access_rights, links, deliberations))

# %% [markdown]
# ## Categories of data processed

# %%
fig = barh(
    access.category_share(categories, deliberations).rename(CATEGORY_LABELS),
    "Share of deliberations processing each category of data",
    "share of deliberations",
    n=N,
    percent=True,
    ylabel="data category",
)
publish(fig, "data-categories")

# %% [markdown]
# ## Sensitive data
#
# Health data, biometrics, images (photographs, video), offences and location data call
# for the Commission's closest scrutiny. The table below lists what is actually listed
# under those categories.

# %%
fig = bar_by_year(
    access.sensitive_per_year(categories, deliberations).rename(columns=CATEGORY_LABELS),
    "Deliberations processing sensitive data, per year",
    "deliberations",
    n=N,
    legend_title="category",
    empty="No deliberation of this corpus lists health, biometric, image, offence or "
    "location data.",
)
publish(fig, "sensitive-per-year")

# %%
access.sensitive_items(categories)

# %% [markdown]
# ## Access roles and permissions
#
# Roles are grouped loosely (no article, no accents, first word singular: "Les
# Administrateurs" and "l'administrateur" are one role) and shown as most often printed.
# "Tous droits" is a permission of its own; "consultation" and "lecture" are kept apart
# as the texts keep them apart.

# %%
fig = barh(
    access.permission_counts(access_rights).rename(PERMISSION_LABELS),
    "Permissions granted in access rights",
    "access-right rows",
    n=N_ACCESS,
    ylabel="permission",
)
publish(fig, "permissions")

# %%
fig = heatmap(
    access.role_permissions(access_rights).rename(columns=PERMISSION_LABELS),
    "Roles and their permissions (deliberations granting it)",
    "permission",
    "role",
    n=N_ACCESS,
    binary=("not granted", "granted"),
)
publish(fig, "role-permissions")

# %% [markdown]
# ## Interconnections and reconciliations
#
# The legal status of the other processing, as the text gives it. A link to a processing
# that is "not legally implemented" usually comes with a reminder that it must be before
# the link is made (notebook 03).

# %%
fig = heatmap(
    access.interconnection_statuses(links).rename(columns=LINK_LABELS),
    "Links to other processings, by type and legal status",
    "link type",
    "status of the other processing",
    n=N_LINKS,
)
publish(fig, "interconnection-statuses")

# %%
fig = bar_by_year(
    access.interconnections_per_year(links, deliberations),
    "Links to other processings per year, by legal status",
    "links",
    n=N_LINKS,
    legend_title="status",
    colors=access.STATUS_COLORS,
)
publish(fig, "interconnections-per-year")
