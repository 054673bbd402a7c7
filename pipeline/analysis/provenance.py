"""The source sentence of every fact: the document text is rebuilt from ``sections``
(each body at its ``body_start``, each heading on the line before it, the title at 0)
and the sentence around a fact's ``[start, end)`` offsets is cut out of it.

Text outside the title, headings and bodies (e.g. "La Commission de Contrôle des
Informations Nominatives," before the preamble heading) is not stored in the corpus and
comes back as blank lines; no fact points there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from extractors.common.lists import BULLET

#: a sentence ends at . ! ? followed by a space and a capital (or an opening guillemet)
_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[«\"A-ZÀ-ÖØ-Þ])")
#: the tables whose rows point into the text, in the order `ccin show` prints them
FACT_TABLES = (
    "functionalities",
    "data_categories",
    "access_rights",
    "recipients",
    "interconnections",
    "retention_rules",
    "commission_actions",
    "citations",
    "entities",
)


def document_text(title: object, sections: pd.DataFrame) -> str:
    """The normalised document text of one deliberation, as far as the corpus keeps it."""
    if sections.empty:
        return title if isinstance(title, str) else ""
    ends = [int(e) for e in sections["end"].dropna()]
    size = max([*ends, len(title) if isinstance(title, str) else 0])
    buf = ["\n"] * size
    if isinstance(title, str):
        buf[: len(title)] = title
    for s in sections.itertuples():
        body_start = int(s.body_start) if pd.notna(s.body_start) else int(s.start)
        heading = s.heading if isinstance(s.heading, str) else ""
        at = body_start - len(heading) - 1
        if heading and at >= int(s.start):
            buf[at : at + len(heading)] = heading
        body = s.text if isinstance(s.text, str) else ""
        buf[body_start : body_start + len(body)] = body
    return "".join(buf[:size])


def _int(value: object) -> int | None:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    return int(value)  # type: ignore[call-overload]


def sentence_bounds(text: str, start: object, end: object) -> tuple[int, int] | None:
    """The ``(start, end)`` of the sentence(s) holding ``text[start:end]``, inside the
    line(s) they sit on; None when the offsets are missing or outside the text."""
    s, e = _int(start), _int(end)
    if s is None or e is None or not 0 <= s < len(text) or e < s:
        return None
    e = min(max(e, s + 1), len(text))
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", e - 1)
    line_end = len(text) if line_end < 0 else line_end
    begin, finish = line_start, line_end
    for m in _BOUNDARY.finditer(text, line_start, line_end):
        if m.end() <= s:
            begin = m.end()
        elif m.start() >= e:
            finish = m.start()
            break
    return begin, finish


def intro_line(text: str, position: int) -> str | None:
    """When ``position`` is on a list item, the line ending with ":" that introduces the
    list ("Rappelle que :", "Pour les managers :"), else None."""
    line_start = text.rfind("\n", 0, position) + 1
    if not BULLET.match(text[line_start : line_start + 8]):
        return None
    cursor = line_start - 1
    while cursor > 0:
        previous = text.rfind("\n", 0, cursor) + 1
        line = text[previous:cursor].strip()
        if line.endswith(":"):
            return line
        if line and not BULLET.match(line):
            return None
        cursor = previous - 1
    return None


@dataclass(frozen=True, slots=True)
class Source:
    """A fact's source: the sentence, where the fact sits in it, and the list intro."""

    sentence: str
    start: int  # offsets of the fact inside ``sentence``
    end: int
    intro: str | None = None


def source_of(text: str, start: object, end: object) -> Source | None:
    bounds = sentence_bounds(text, start, end)
    if bounds is None:
        return None
    b, f = bounds
    s, e = int(start), int(end)  # type: ignore[call-overload]
    sentence = text[b:f]
    return Source(sentence, max(s - b, 0), min(e - b, len(sentence)), intro_line(text, b))


def with_sources(table: pd.DataFrame, text: str) -> pd.DataFrame:
    """``table`` (rows of one deliberation) with a ``source`` column (``Source`` or None)."""
    out = table.copy()
    if "start" not in out.columns:
        out["source"] = None
        return out
    out["source"] = [source_of(text, s, e) for s, e in zip(out["start"], out["end"], strict=True)]
    return out
