"""The closed vocabularies of the corpus contract (shared/spec/schema.md).

Every enum is a ``StrEnum`` whose values are exactly the strings written in the
Parquet files, so ``Decision.AVIS_FAVORABLE == "avis_favorable"``.
"""

from __future__ import annotations

from enum import StrEnum


class Authority(StrEnum):
    CCIN = "CCIN"  # Commission de Contrôle des Informations Nominatives (to 2024)
    APDP = "APDP"  # Autorité de Protection des Données Personnelles (2025 on)


class Decision(StrEnum):
    AVIS_FAVORABLE = "avis_favorable"
    AVIS_DEFAVORABLE = "avis_defavorable"
    AUTORISATION = "autorisation"
    REFUS = "refus"
    RECOMMANDATION = "recommandation"
    OTHER = "other"


class LegalBasis(StrEnum):
    LEGITIMATE_INTEREST = "legitimate_interest"
    CONSENT = "consent"
    LEGAL_OBLIGATION = "legal_obligation"
    CONTRACT = "contract"
    PUBLIC_INTEREST = "public_interest"
    VITAL_INTEREST = "vital_interest"
    OTHER = "other"


class SectionKind(StrEnum):
    VISAS = "visas"
    PREAMBLE = "preamble"
    PURPOSE = "purpose"  # I. finalité et fonctionnalités
    LAWFULNESS = "lawfulness"  # II. licéité et justification
    DATA = "data"  # III. informations traitées
    RIGHTS = "rights"  # IV. droits des personnes concernées
    RECIPIENTS = "recipients"  # V. destinataires et personnes ayant accès
    INTERCONNECTIONS = "interconnections"  # VI. rapprochements et interconnexions
    SECURITY = "security"  # VII. sécurité
    RETENTION = "retention"  # VIII. durée de conservation
    OTHER = "other"
    DECISION = "decision"  # "Après en avoir délibéré" to the end


#: The eight numbered kinds, in their usual order.
NUMBERED_KINDS: tuple[SectionKind, ...] = (
    SectionKind.PURPOSE,
    SectionKind.LAWFULNESS,
    SectionKind.DATA,
    SectionKind.RIGHTS,
    SectionKind.RECIPIENTS,
    SectionKind.INTERCONNECTIONS,
    SectionKind.SECURITY,
    SectionKind.RETENTION,
)


class CategoryNorm(StrEnum):
    IDENTITY = "identity"
    FAMILY_SITUATION = "family_situation"
    CONTACT = "contact"
    PROFESSIONAL_LIFE = "professional_life"
    ELECTRONIC_IDENTIFICATION = "electronic_identification"
    TIME_INFORMATION = "time_information"
    CONNECTION_DATA = "connection_data"
    CONTENT = "content"
    ACCOUNT = "account"
    STATISTICS = "statistics"
    FINANCIAL = "financial"
    HEALTH = "health"
    BIOMETRIC = "biometric"
    IMAGE = "image"
    LOCATION = "location"
    EDUCATION = "education"
    OFFENCES = "offences"
    OTHER = "other"


class Permission(StrEnum):
    READ = "read"
    CONSULT = "consult"
    CREATE = "create"
    MODIFY = "modify"
    DELETE = "delete"
    EXPORT = "export"
    CONFIGURE = "configure"
    ALL = "all"
    OTHER = "other"


class LinkType(StrEnum):
    INTERCONNECTION = "interconnection"
    RECONCILIATION = "reconciliation"


class TargetStatus(StrEnum):
    LEGALLY_IMPLEMENTED = "legally_implemented"
    SUBMITTED_CONCURRENTLY = "submitted_concurrently"
    NOT_LEGALLY_IMPLEMENTED = "not_legally_implemented"
    UNDER_REVIEW = "under_review"
    UNKNOWN = "unknown"


class RetentionAction(StrEnum):
    RETAIN = "retain"
    ANONYMISE = "anonymise"
    DELETE = "delete"
    ARCHIVE = "archive"


class SetBy(StrEnum):
    CONTROLLER = "controller"
    COMMISSION = "commission"


class Instrument(StrEnum):
    CONSTITUTION = "constitution"
    CONVENTION = "convention"
    LOI = "loi"
    ORDONNANCE_LOI = "ordonnance_loi"
    ORDONNANCE_SOUVERAINE = "ordonnance_souveraine"
    ARRETE_MINISTERIEL = "arrete_ministeriel"
    ARRETE_MUNICIPAL = "arrete_municipal"
    DELIBERATION = "deliberation"
    OTHER = "other"


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"
