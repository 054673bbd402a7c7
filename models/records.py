"""Typed records: one frozen dataclass per row kind of the corpus.

These are *records* (typed rows), not machine-learning models.

Child records (sections, citations, retention rules …) carry neither
``deliberation_id`` nor ``position``: extractors are pure functions of a text and do
not know which deliberation it belongs to. The pipeline adds both when it writes the
row (``position`` is the 0-based order of the record in its deliberation).

Offsets (``start``/``end``) are character offsets into the normalised document text
(``extractors.common.normalise``); an extractor that works on one section returns offsets
relative to that section, and the pipeline shifts them (``shifted``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date

from models.durations import iso_months
from models.enums import (
    Authority,
    Decision,
    Instrument,
    LinkType,
    SectionKind,
    SetBy,
    Severity,
    TargetStatus,
)


@dataclass(frozen=True, slots=True)
class Article:
    """One Journal de Monaco article page, read but not yet interpreted.

    ``body`` is the article's text, one paragraph or list item a line, before
    normalisation; the site's sprite line, navigation and footer are already gone.
    """

    title: str
    body: str
    journal_number: int | None = None
    published_on: date | None = None
    ocr_quality: float | None = None
    page: int | None = None
    url: str | None = None
    has_metadata: bool = False
    layout: str = "unknown"  # "article__content", "body", "text", "fallback", "unknown"


@dataclass(frozen=True, slots=True)
class TitleInfo:
    """What the title line of a deliberation says (``extractors.title``)."""

    deliberation_id: str
    number_as_printed: str
    year: int
    seq: int
    authority: Authority
    adopted_on: date | None
    decision: Decision | None
    modification: bool
    purpose: str | None = None
    system_name: str | None = None
    controller: str | None = None
    representative: str | None = None
    operator: str | None = None


@dataclass(frozen=True, slots=True)
class NotADeliberation:
    """A page that is not a CCIN/APDP deliberation, and what it is instead."""

    what: str  # e.g. "décision du Président de la CCIN", "loi", "arrêté ministériel"
    reason: str


@dataclass(frozen=True, slots=True)
class Section:
    kind: SectionKind
    numeral: str | None
    heading: str | None
    text: str  # the section's body, without its heading line
    start: int  # start of the section (its heading line, when it has one)
    end: int
    body_start: int  # where ``text`` starts in the document


@dataclass(frozen=True, slots=True)
class Citation:
    instrument: Instrument
    number: str | None
    date: date | None
    raw: str
    start: int | None = None
    end: int | None = None
    cited_id: str | None = None  # a cited deliberation's deliberation_id (schema 1.1)


@dataclass(frozen=True, slots=True)
class Functionality:
    actor: str | None
    text: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class DataCategory:
    subject: str | None
    category: str
    category_norm: str
    items: tuple[str, ...]
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class AccessRight:
    role: str
    permissions: tuple[str, ...]
    restriction: str | None
    raw: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Recipient:
    recipient: str  # the name alone
    start: int | None = None
    end: int | None = None
    condition: str | None = None  # what limits or explains the communication (schema 1.1)


@dataclass(frozen=True, slots=True)
class Interconnection:
    link_type: LinkType
    target_purpose: str | None
    target_status: TargetStatus
    raw: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class RetentionRule:
    data_scope: str | None
    action: str
    duration: str | None
    duration_min: str | None
    duration_max: str | None
    trigger: str | None
    until: str | None
    rolling: bool
    set_by: SetBy
    raw: str
    start: int | None = None
    end: int | None = None
    # the same periods in months (schema 1.1), always computed from the ISO values
    duration_months: float | None = field(init=False, default=None)
    duration_min_months: float | None = field(init=False, default=None)
    duration_max_months: float | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        object.__setattr__(self, "duration_months", iso_months(self.duration))
        object.__setattr__(self, "duration_min_months", iso_months(self.duration_min))
        object.__setattr__(self, "duration_max_months", iso_months(self.duration_max))


@dataclass(frozen=True, slots=True)
class CommissionAction:
    verb: str
    text: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    section_kind: str | None
    label: str
    text: str
    start: int
    end: int
    source: str = "model"  # "model" (fr_core_news_sm) or "rule" (project patterns)


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem met on a document. ``code`` is a stable machine-readable key."""

    stage: str
    severity: Severity
    code: str
    message: str
    deliberation_id: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Deliberation:
    deliberation_id: str
    number_as_printed: str
    year: int
    seq: int
    authority: Authority
    adopted_on: date | None
    title: str
    decision: Decision | None
    modification: bool
    conditional: bool | None
    purpose: str | None
    purpose_requested: str | None
    purpose_modified: bool | None
    system_name: str | None
    controller: str | None
    representative: str | None
    operator: str | None
    request_filed_on: date | None
    extension_notified_on: date | None
    journal_number: int | None
    published_on: date | None
    page: int | None
    ocr_quality: float | None
    url: str | None
    data_subjects: tuple[str, ...]
    legal_bases: tuple[str, ...]
    text_sha256: str
    extractor_version: str
    source: str | None = None
    decision_source: str | None = None  # "title" or "closing"
    sections_present: tuple[str, ...] = ()
    n_chars: int = 0
    modifies: tuple[str, ...] = ()  # schema 1.1: deliberations this modification amends


@dataclass(slots=True)
class DocumentResult:
    """Everything extracted from one input document."""

    source: str
    deliberation: Deliberation | None = None
    text: str | None = None
    children: dict[str, list] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    not_a_deliberation: NotADeliberation | None = None


def shifted(record, offset: int):
    """The record with ``start``/``end`` moved by ``offset`` (None stays None)."""
    changes = {}
    for name in ("start", "end", "body_start"):
        value = getattr(record, name, None)
        if value is not None:
            changes[name] = value + offset
    return dataclasses.replace(record, **changes) if changes else record


@dataclass(slots=True)
class DeliberationFields:
    """The deliberation-level values a section extractor reads (empty: not read).

    ``extractors.document`` keeps, per field, the first value read in document order.
    """

    data_subjects: tuple[str, ...] = ()  # section I
    system_name: str | None = None  # section I
    system_name_in_preamble: str | None = None  # the preamble, when section I names none
    legal_bases: tuple[str, ...] = ()  # section II
    purpose_requested: str | None = None  # the visas: the finalité of the request
    request_filed_on: date | None = None  # the visas
    extension_notified_on: date | None = None  # the visas

    def fill(self, other: DeliberationFields) -> None:
        """Take ``other``'s values for the fields still empty here."""
        for name in _FIELD_NAMES:
            if getattr(self, name) in (None, ()) and getattr(other, name) not in (None, ()):
                setattr(self, name, getattr(other, name))


_FIELD_NAMES = tuple(f.name for f in dataclasses.fields(DeliberationFields))


@dataclass(slots=True)
class Extraction:
    """What one section extractor found in one section's text.

    ``tables`` maps a corpus table name (``"functionalities"``, ``"retention_rules"`` …)
    to its records, offsets relative to the text the extractor was given;
    ``fields`` holds deliberation-level values (``DeliberationFields``); ``issues`` what
    the extractor could not place (a label outside a vocabulary → the value ``other`` and
    an issue naming the label).
    """

    tables: dict[str, list] = field(default_factory=dict)
    fields: DeliberationFields = field(default_factory=DeliberationFields)
    issues: list[Issue] = field(default_factory=list)

    def add(self, table: str, record: object) -> None:
        self.tables.setdefault(table, []).append(record)
