"""What the corpus is, who makes it and under which terms: the constants the dataset card
(``card.py``) and the data package (``datapackage.py``) both say."""

from __future__ import annotations

NAME = "ccin-corpus"
TITLE = "ccin-corpus: the deliberations of Monaco's data-protection authority (CCIN, then APDP)"
PRETTY_NAME = "CCIN/APDP deliberations (Monaco data protection)"
HOMEPAGE = "https://github.com/ccin-corpus/ccin-corpus"
ISSUES = f"{HOMEPAGE}/issues"
AUTHORS = "ccin-corpus contributors"
SOURCE = {
    "title": "Journal de Monaco (official journal of the Principality of Monaco)",
    "path": "https://journaldemonaco.gouv.mc",
}
DESCRIPTION = (
    "The deliberations of the Commission de Contrôle des Informations Nominatives (CCIN), "
    "since 2025 the Autorité de Protection des Données Personnelles (APDP), as published in "
    "the Journal de Monaco: one row per deliberation, its sections, the legal instruments it "
    "cites, the facts of each section (features, data categories, access rights, recipients, "
    "interconnections, retention rules), the Commission's actions, named entities, and what "
    "could not be read. Extracted automatically from the published text by rules."
)
KEYWORDS = ("Monaco", "data protection", "CCIN", "APDP", "legal documents", "Parquet")
#: Hugging Face tags (lower case, no spaces)
TAGS = ("legal", "data-protection", "privacy", "monaco", "ccin", "apdp", "french")
CODE_LICENCE = "MIT"
#: The texts are official acts; the corpus grants no licence of its own on them (see
#: DATA_TERMS), hence ``other`` for data portals.
DATA_LICENCE = "other"
DATA_LICENCE_NAME = "official-acts-of-monaco"
DATA_TERMS = (
    "The deliberations are official acts of a public authority of Monaco (the CCIN, since "
    "2025 the APDP), made public by their publication in the Journal de Monaco, the "
    "Principality's official journal, which publishes them so that anyone may know them. "
    'The site\'s pages read "Tous droits réservés Monaco": this corpus reproduces the '
    "texts, cut into sections, with the facts extracted from them, for research, and grants "
    "no licence of its own on the texts. Quote them with their source (number, issue of the "
    "Journal de Monaco, `url`), and check the publisher's terms before republishing the "
    "texts at large."
)
