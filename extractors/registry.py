"""Which extractor reads which section kind.

Each extractor is a pure function ``text -> Extraction`` (models.records) of one
section's body text; offsets in its records are relative to that text, and the
pipeline shifts them into the document. To teach the pipeline a new fact, open the
module of that section kind and its test under tests/extractors/.

The visas are read by ``extractors.visas`` and the closing opinion by
``extractors.closing`` (called by ``extractors.document``); the kinds below that no
table of the contract describes (rights, security, preamble, other) read nothing yet.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from models.enums import SectionKind
from models.records import Extraction

Extractor = Callable[[str], Extraction]


def _nothing(text: str) -> Extraction:
    """Sections whose facts no table of the contract holds yet."""
    return Extraction()


#: section kind → module of extractors/ whose ``extract(text)`` reads it.
MODULES: dict[SectionKind, str] = {
    SectionKind.VISAS: "visas",
    SectionKind.PURPOSE: "purpose",
    SectionKind.LAWFULNESS: "lawfulness",
    SectionKind.DATA: "data",
    SectionKind.RECIPIENTS: "recipients",
    SectionKind.INTERCONNECTIONS: "interconnections",
    SectionKind.RETENTION: "retention",
    SectionKind.DECISION: "decision",
}


def _load(name: str) -> Extractor:
    return importlib.import_module(f"extractors.{name}").extract


SECTION_EXTRACTORS: dict[SectionKind, Extractor] = {
    kind: _load(MODULES[kind]) if kind in MODULES else _nothing for kind in SectionKind
}
