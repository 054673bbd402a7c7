"""Which extractor reads which section kind.

Each extractor is a pure function ``text -> Extraction`` (models.records) of one
section's body text, wearing ``extractors.common.guard.guarded`` (a failure is an issue,
never an exception); offsets in its records are relative to that text, and the
pipeline shifts them into the document. To teach the pipeline a new fact, open the
module of that section kind and its test under tests/extractors/.

The visas are read by ``extractors.citations`` and the closing opinion by
``extractors.opinion`` (called by ``extractors.document``); the kinds below that no
table of the contract describes (rights, security, preamble, other) read nothing yet.
"""

from __future__ import annotations

from collections.abc import Callable

from extractors import (
    citations,
    commission_actions,
    data_categories,
    functionalities,
    interconnections,
    legal_bases,
    recipients,
    retention_rules,
)
from models.enums import SectionKind
from models.records import Extraction

Extractor = Callable[[str], Extraction]


def _nothing(text: str) -> Extraction:
    """Sections whose facts no table of the contract holds yet."""
    return Extraction()


#: section kind → the extractor that reads its body text.
READERS: dict[SectionKind, Extractor] = {
    SectionKind.VISAS: citations.extract,
    SectionKind.PREAMBLE: functionalities.extract_preamble,
    SectionKind.PURPOSE: functionalities.extract,
    SectionKind.LAWFULNESS: legal_bases.extract,
    SectionKind.DATA: data_categories.extract,
    SectionKind.RECIPIENTS: recipients.extract,
    SectionKind.INTERCONNECTIONS: interconnections.extract,
    SectionKind.RETENTION: retention_rules.extract,
    SectionKind.DECISION: commission_actions.extract,
}

SECTION_EXTRACTORS: dict[SectionKind, Extractor] = {
    kind: READERS.get(kind, _nothing) for kind in SectionKind
}
