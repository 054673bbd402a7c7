"""Inline annotations, edsnlp style: ``<tag field=value …>the words</tag>`` in a French text.

One syntax for every annotated text of the project: the extractor cases under
``tests/extractors/`` and the entity mentions of the quality set (``tests/quality``).

- ``tag`` names what is marked: a record (``rule``, ``recipient``, ``functionality``,
  ``ent`` …) or, for titles, the field the words fill (``controller``, ``purpose`` …);
- each ``field=value`` is a field of that record under its full name (``data_scope``,
  ``duration``, ``set_by`` …); a value holding a space, ``>`` or ``=`` is written in double
  quotes (``data_scope="données de connexion"``);
- a list is written ``a|b`` (one item: ``a``; none: ``""``), null as ``null``, booleans as
  ``true`` and ``false``, enums by their value, dates as ``2017-12-20``.

``parse(annotated)`` gives the text with the tags removed (only the tags: the words between
them stay) and one ``Mark`` per tag, offsets into that text. Tags do not nest. A stray
``<tag …>`` or ``</tag>`` is an error, so that a typo cannot silently drop a case.
``shown(value)`` writes a record's value as an annotation writes it, so that a mark and a
record compare field by field (``differences``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_VALUE = r'"[^"]*"|[^\s>"]+'
_TAG = re.compile(
    rf"<(?P<tag>{_NAME})(?P<fields>(?:\s+{_NAME}=(?:{_VALUE}))*)\s*>(?P<words>.*?)</(?P=tag)>",
    re.DOTALL,
)
_FIELD = re.compile(rf"({_NAME})=({_VALUE})")
_STRAY = re.compile(rf"</?{_NAME}(?:\s+{_NAME}=[^>]*)?\s*>")


@dataclass(frozen=True, slots=True)
class Mark:
    """One tag: its name, the span of its words in the plain text, and its fields."""

    tag: str
    start: int
    end: int
    words: str
    fields: Mapping[str, str | None]  # as written; ``null`` → None


def _value(written: str) -> str | None:
    if written == "null":
        return None
    if len(written) >= 2 and written[0] == written[-1] == '"':
        return written[1:-1]
    return written


def parse(annotated: str) -> tuple[str, list[Mark]]:
    """The plain text and its marks, in order (see the module doc)."""
    plain: list[str] = []
    marks: list[Mark] = []
    pos = length = 0
    for m in _TAG.finditer(annotated):
        before = annotated[pos : m.start()]
        plain.append(before)
        length += len(before)
        words = m["words"]
        if _STRAY.search(words):
            raise ValueError(f"nested or unclosed tag inside {m[0]!r}")
        fields = {k: _value(v) for k, v in _FIELD.findall(m["fields"])}
        marks.append(Mark(m["tag"], length, length + len(words), words, fields))
        plain.append(words)
        length += len(words)
        pos = m.end()
    plain.append(annotated[pos:])
    text = "".join(plain)
    stray = next((s for s in map(_STRAY.search, plain[::2]) if s), None)  # outside the tags
    if stray:
        raise ValueError(f"unclosed or stray tag {stray[0]!r} in {annotated[:80]!r}")
    return text, marks


def plain(annotated: str) -> str:
    """The text with its tags removed."""
    return parse(annotated)[0]


def shown(value: Any) -> str | None:
    """A record's value written as an annotation writes it (see the module doc)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "|".join(str(shown(v)) for v in value)
    return str(value)


def differences(
    record: Any, mark: Mark, defaults: Mapping[str, str | None] | None = None
) -> dict[str, tuple[str | None, str | None]]:
    """Fields where the record differs from the mark: name → (written, found). ``defaults``
    are checked too when the mark does not write them."""
    expected = {**(defaults or {}), **mark.fields}
    found = {name: shown(getattr(record, name)) for name in expected}
    return {k: (v, found[k]) for k, v in expected.items() if found[k] != v}


def check_records(
    text: str,
    records: Sequence[Any],
    marks: Iterable[Mark],
    *,
    span: str = "exact",
    words: str | None = None,
    defaults: Mapping[str, str | None] | None = None,
) -> None:
    """Assert that ``records`` are the marks, in order, field by field.

    ``span`` says how a record's ``start``/``end`` relate to its mark: ``"exact"`` (the
    record is the marked words), ``"within"`` (the marked words lie inside the record's
    span, as a duration inside the sentence of its rule). ``words`` names the field that
    must equal the marked words (``recipient``, ``text`` …).
    """
    marks = list(marks)
    assert len(records) == len(marks), [text[r.start : r.end] for r in records]
    for record, mark in zip(records, marks, strict=True):
        diff = differences(record, mark, defaults)
        assert not diff, (mark.words, diff)
        if words is not None:
            assert getattr(record, words) == mark.words, (getattr(record, words), mark.words)
        start, end = record.start, record.end
        if span == "exact":
            assert (start, end) == (mark.start, mark.end), (text[start:end], mark.words)
        elif span == "within":
            assert start <= mark.start <= mark.end <= end, (text[start:end], mark.words)
        else:
            raise ValueError(f"span must be 'exact' or 'within', not {span!r}")
