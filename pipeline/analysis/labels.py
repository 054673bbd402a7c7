"""Readable labels for the corpus's codes in figures and tables.

The codes of the vocabularies that name French wording (data categories, the
Commission's verbs, permissions) are shown in French as the deliberations print them,
accents included; an unknown code is shown with its underscores as spaces.
"""

from __future__ import annotations

from collections.abc import Mapping

#: ``category_norm`` → the heading the deliberations use for it
CATEGORY_LABELS: dict[str, str] = {
    "identity": "identité",
    "family_situation": "situation de famille",
    "contact": "adresses et coordonnées",
    "professional_life": "vie professionnelle",
    "electronic_identification": "identification électronique",
    "time_information": "informations temporelles",
    "connection_data": "données de connexion",
    "content": "contenu",
    "account": "compte",
    "statistics": "statistiques",
    "financial": "caractéristiques financières",
    "health": "santé",
    "biometric": "données biométriques",
    "image": "images, vidéo",
    "location": "localisation",
    "education": "formation, diplômes",
    "offences": "infractions, condamnations",
    "other": "autres",
    "unspecified": "non précisé",
}
#: ``commission_actions.verb`` (lower case, without accents) → the verb as printed
VERB_LABELS: dict[str, str] = {
    "considere": "considère",
    "prend_acte": "prend acte",
    "precise": "précise",
    "releve": "relève",
    "emet": "émet",
    "reitere": "réitère",
    "preconise": "préconise",
    "suggere": "suggère",
    "other verbs": "autres verbes",
}
#: ``access_rights.permissions`` → the wording of section V
PERMISSION_LABELS: dict[str, str] = {
    "read": "lecture",
    "consult": "consultation",
    "create": "création",
    "modify": "modification",
    "delete": "suppression",
    "export": "export",
    "configure": "paramétrage",
    "all": "tous droits",
    "other": "autres",
}
#: ``interconnections.link_type`` → the heading's words
LINK_LABELS: dict[str, str] = {
    "interconnection": "interconnexion",
    "reconciliation": "rapprochement",
}
SET_BY_LABELS: dict[str, str] = {"controller": "the controller", "commission": "the Commission"}


def label(code: object, labels: Mapping[str, str]) -> str:
    """The label of ``code`` in ``labels``, else the code with its underscores as spaces."""
    text = str(code)
    return labels.get(text, text.replace("_", " "))

