"""Which extractor reads which section kind.

Each extractor is a pure function ``text -> Extraction`` (models.records) of one
section's body text; offsets in its records are relative to that text, and the
pipeline shifts them into the document. To teach the pipeline a new fact, open the
module of that section kind and its test under tests/extractors/.
"""

from __future__ import annotations

from collections.abc import Callable

from models.enums import SectionKind
from models.records import Extraction

Extractor = Callable[[str], Extraction]


def _nothing(text: str) -> Extraction:
    """Sections whose facts no table of the contract holds yet."""
    return Extraction()


#: Filled in by the section-kind modules as they land; kinds not listed read nothing.
SECTION_EXTRACTORS: dict[SectionKind, Extractor] = {kind: _nothing for kind in SectionKind}
