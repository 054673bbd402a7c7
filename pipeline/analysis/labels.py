"""Readable labels for the corpus's codes, in figures, tables and the reading room: the
one place that says how a code of a closed vocabulary reads.

The codes of the vocabularies that name French wording (decisions, legal bases, data
categories, the Commission's verbs, permissions, retention actions, instruments …) are
shown in French as the deliberations print them, accents included; an unknown code is
shown with its underscores as spaces. ``ENUM_LABELS`` gives the labels of every enum of
``models.enums`` (a test fails when a value has none), ``COLUMN_LABELS`` the vocabulary
of each coded column of the corpus.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from models import enums

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
AUTHORITY_LABELS: dict[str, str] = {
    "CCIN": "Commission de Contrôle des Informations Nominatives",
    "APDP": "Autorité de Protection des Données Personnelles",
}
#: ``deliberations.decision`` → the title's words ("portant avis favorable …")
DECISION_LABELS: dict[str, str] = {
    "avis_favorable": "avis favorable",
    "avis_defavorable": "avis défavorable",
    "autorisation": "autorisation",
    "refus": "refus",
    "recommandation": "recommandation",
    "other": "autre décision",
}
#: what ``deliberations.conditional`` adds to the decision, and what it means
CONDITIONAL_LABEL = "sous conditions"
CONDITIONAL_MEANING = (
    "conditional: the opinion is given « sous le bénéfice de la prise en compte de ce qui "
    "précède » (subject to the Commission's requests and remarks)"
)
#: ``deliberations.legal_bases`` → the wording of section II
LEGAL_BASIS_LABELS: dict[str, str] = {
    "legitimate_interest": "intérêt légitime",
    "consent": "consentement",
    "legal_obligation": "obligation légale",
    "contract": "exécution d'un contrat",
    "public_interest": "motif d'intérêt public",
    "vital_interest": "sauvegarde de l'intérêt vital",
    "other": "autre justification",
}
#: ``sections.kind`` (and ``entities.section_kind``) → the section's usual heading
SECTION_KIND_LABELS: dict[str, str] = {
    "visas": "Visas",
    "preamble": "Préambule",
    "purpose": "Finalité et fonctionnalités",
    "lawfulness": "Licéité et justification",
    "data": "Informations traitées",
    "rights": "Droits des personnes concernées",
    "recipients": "Destinataires et personnes ayant accès",
    "interconnections": "Rapprochements et interconnexions",
    "security": "Sécurité",
    "retention": "Durée de conservation",
    "other": "Autre section",
    "decision": "Décision",
}
#: ``entities.section_kind``: a section's kind, or the title
ENTITY_SECTION_LABELS: dict[str, str] = {"title": "Titre", **SECTION_KIND_LABELS}
#: ``entities.label`` (the NLP stage's labels)
ENTITY_LABELS: dict[str, str] = {
    "ORG": "organisation",
    "PER": "person",
    "LOC": "place",
    "LAW": "law or regulation",
    "DELIBERATION": "deliberation",
    "SYSTEM": "software or system",
    "MISC": "other name",
}
#: ``interconnections.target_status`` → how section VI says it
TARGET_STATUS_LABELS: dict[str, str] = {
    "legally_implemented": "légalement mis en œuvre",
    "submitted_concurrently": "soumis concomitamment",
    "not_legally_implemented": "non légalement mis en œuvre",
    "under_review": "en cours d'examen",
    "unknown": "statut non précisé",
}
#: ``retention_rules.action`` → the noun of section VIII's verb
RETENTION_ACTION_LABELS: dict[str, str] = {
    "retain": "conservation",
    "anonymise": "anonymisation",
    "delete": "suppression",
    "archive": "archivage",
}
#: ``citations.instrument`` → the instrument as the visas name it
INSTRUMENT_LABELS: dict[str, str] = {
    "constitution": "Constitution",
    "convention": "Convention",
    "loi": "loi",
    "ordonnance_loi": "ordonnance-loi",
    "ordonnance_souveraine": "ordonnance souveraine",
    "arrete_ministeriel": "arrêté ministériel",
    "arrete_municipal": "arrêté municipal",
    "deliberation": "délibération",
    "other": "autre texte",
}
SEVERITY_LABELS: dict[str, str] = {"info": "info", "warning": "warning", "error": "error"}

#: the labels of every enum of ``models.enums``
ENUM_LABELS: dict[type[StrEnum], Mapping[str, str]] = {
    enums.Authority: AUTHORITY_LABELS,
    enums.Decision: DECISION_LABELS,
    enums.LegalBasis: LEGAL_BASIS_LABELS,
    enums.SectionKind: SECTION_KIND_LABELS,
    enums.CategoryNorm: CATEGORY_LABELS,
    enums.Permission: PERMISSION_LABELS,
    enums.LinkType: LINK_LABELS,
    enums.TargetStatus: TARGET_STATUS_LABELS,
    enums.RetentionAction: RETENTION_ACTION_LABELS,
    enums.SetBy: SET_BY_LABELS,
    enums.Instrument: INSTRUMENT_LABELS,
    enums.Severity: SEVERITY_LABELS,
}
#: (table, column) → the vocabulary of its codes (open vocabularies: the known ones)
COLUMN_LABELS: dict[tuple[str, str], Mapping[str, str]] = {
    ("deliberations", "authority"): AUTHORITY_LABELS,
    ("deliberations", "decision"): DECISION_LABELS,
    ("deliberations", "legal_bases"): LEGAL_BASIS_LABELS,
    ("sections", "kind"): SECTION_KIND_LABELS,
    ("data_categories", "category_norm"): CATEGORY_LABELS,
    ("access_rights", "permissions"): PERMISSION_LABELS,
    ("interconnections", "link_type"): LINK_LABELS,
    ("interconnections", "target_status"): TARGET_STATUS_LABELS,
    ("retention_rules", "action"): RETENTION_ACTION_LABELS,
    ("retention_rules", "set_by"): SET_BY_LABELS,
    ("commission_actions", "verb"): VERB_LABELS,
    ("citations", "instrument"): INSTRUMENT_LABELS,
    ("entities", "label"): ENTITY_LABELS,
    ("entities", "section_kind"): ENTITY_SECTION_LABELS,
    ("issues", "severity"): SEVERITY_LABELS,
}


def label(code: object, labels: Mapping[str, str]) -> str:
    """The label of ``code`` in ``labels``, else the code with its underscores as spaces."""
    text = str(code)
    return labels.get(text, text.replace("_", " "))


def decision_label(decision: object, conditional: object = None) -> str:
    """``avis favorable``, ``avis favorable sous conditions``, …; ``décision non lue``
    when the decision is null."""
    if not decision:
        return "décision non lue"
    text = label(decision, DECISION_LABELS)
    try:
        conditional = bool(conditional)
    except TypeError:  # pd.NA: not known
        conditional = False
    return f"{text} {CONDITIONAL_LABEL}" if conditional else text
