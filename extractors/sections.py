"""Cut a normalised deliberation into its parts.

The document text (``extractors.document``) is the title on its first line, then the
body, one paragraph a line. The parts, in order:

- ``visas``: from the first "Vu …" line to the last one of the run;
- ``preamble``: what follows, up to the first numbered heading (its ``heading`` is
  "Préambule" when that word is printed; "La Commission …," before it stays inside
  the span, outside ``text``);
- the numbered sections: a heading line "I. Sur …" (any spacing or punctuation after
  the Roman numeral) whose kind comes from its words (``extractors.patterns``), not
  from the numeral; an unknown heading gives ``other``;
- ``decision``: from "Après en avoir délibéré" to the end (or, when that line is
  missing, from the paragraph that gives the opinion).

Every section spans ``[start, end)`` in the document; consecutive sections are separated
by exactly one newline, so together they cover the text from the first one on, in
order, with nothing lost or repeated. ``text`` is the body without the heading line
(``document[body_start:end]``).
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.patterns import (
    CONDITION_LEAD,
    DECISION_START,
    NUMBERED_HEADING,
    OPINION,
    PREAMBLE_HEADING,
    VISA_LINE,
    heading_kind,
)
from extractors.text import fold
from models.enums import NUMBERED_KINDS, SectionKind, Severity
from models.records import Issue, Section

_ROMAN = {
    "I": 1,
    "II": 2,
    "III": 3,
    "IV": 4,
    "V": 5,
    "VI": 6,
    "VII": 7,
    "VIII": 8,
    "IX": 9,
    "X": 10,
    "XI": 11,
    "XII": 12,
    "XIII": 13,
    "XIV": 14,
    "XV": 15,
}


#: The patterns matched on every line look at its first words only: that much is folded.
_HEAD = 48


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str
    head: str  # the first ``_HEAD`` characters, folded


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        out.append(_Line(pos, end, raw, fold(raw[:_HEAD])))
        pos = end + 1
    return out


@dataclass(frozen=True, slots=True)
class _Cut:
    line: int
    kind: SectionKind
    numeral: str | None
    heading: str | None
    has_heading_line: bool


def _numbered_heading(line: _Line) -> tuple[str, str] | None:
    m = NUMBERED_HEADING.match(line.text)
    if not m or not m["numeral"] or m["numeral"] not in _ROMAN:
        return None
    rest = m["rest"].strip()
    if len(rest) > 160 or rest.endswith((";", ",")):
        return None
    f = fold(rest)
    if f.startswith("sur ") or heading_kind(rest) is not None:
        return m["numeral"], line.text.strip()
    return None


def split_sections(text: str, has_title: bool = True) -> tuple[list[Section], list[Issue]]:
    """The document's sections, in order, and what was odd about them."""
    lines = _lines(text)
    first = 1 if has_title and lines else 0
    issues: list[Issue] = []
    if first >= len(lines) or not text.strip():
        return [], [Issue("sections", Severity.WARNING, "no_body", "the page has no body text")]

    # the closing part
    decision_at = next(
        (i for i in range(first, len(lines)) if DECISION_START.match(lines[i].head)), None
    )
    if decision_at is None:
        decision_at = _opinion_fallback(lines, first)
        if decision_at is not None:
            issues.append(
                Issue(
                    "sections",
                    Severity.INFO,
                    "no_deliberation_formula",
                    "no 'Après en avoir délibéré': the closing part starts at the opinion",
                )
            )
    body_end = decision_at if decision_at is not None else len(lines)

    # the visas
    visa_lines = [i for i in range(first, body_end) if VISA_LINE.match(lines[i].head)]
    cuts: list[_Cut] = []
    after_visas = first
    if visa_lines:
        v0 = visa_lines[0]
        v1 = v0
        for i in visa_lines[1:]:
            if any(_numbered_heading(lines[j]) for j in range(v1 + 1, i)):
                break
            v1 = i
        if v0 > first:
            cuts.append(_Cut(first, SectionKind.PREAMBLE, None, None, False))
        cuts.append(_Cut(v0, SectionKind.VISAS, None, None, False))
        after_visas = v1 + 1
    else:
        issues.append(Issue("sections", Severity.WARNING, "no_visas", "no 'Vu …' line found"))

    # numbered headings (and the preamble before them)
    headings: list[_Cut] = []
    seen: set[SectionKind] = set()
    for i in range(after_visas, body_end):
        found = _numbered_heading(lines[i])
        if not found:
            continue
        numeral, heading = found
        kind = heading_kind(heading) or SectionKind.OTHER
        if kind is SectionKind.OTHER:
            issues.append(
                Issue(
                    "sections",
                    Severity.INFO,
                    "unknown_heading",
                    f"section heading not in the vocabulary: {heading!r}",
                )
            )
        elif kind in seen:
            issues.append(
                Issue(
                    "sections",
                    Severity.INFO,
                    "repeated_kind",
                    f"a second '{kind}' section: {heading!r}",
                )
            )
        seen.add(kind)
        headings.append(_Cut(i, kind, numeral, heading, True))

    preamble_end = headings[0].line if headings else body_end
    if after_visas < preamble_end and (visa_lines or not cuts):
        pre_heading = next(
            (
                lines[i].text
                for i in range(after_visas, min(preamble_end, after_visas + 4))
                if PREAMBLE_HEADING.match(fold(lines[i].text))
            ),
            None,
        )
        cuts.append(_Cut(after_visas, SectionKind.PREAMBLE, None, pre_heading, False))
    cuts.extend(headings)
    if decision_at is not None:
        cuts.append(_Cut(decision_at, SectionKind.DECISION, None, None, False))
    else:
        issues.append(
            Issue(
                "sections",
                Severity.WARNING,
                "no_closing",
                "no closing part ('Après en avoir délibéré'): the page may be truncated",
            )
        )

    missing = [k for k in NUMBERED_KINDS if k not in seen]
    if headings and missing:
        severity = Severity.INFO if missing == [SectionKind.INTERCONNECTIONS] else Severity.WARNING
        issues.append(
            Issue(
                "sections",
                severity,
                "missing_sections",
                "no section on: " + ", ".join(str(k) for k in missing),
            )
        )
    elif not headings:
        issues.append(
            Issue(
                "sections",
                Severity.WARNING,
                "no_numbered_sections",
                "no numbered section heading (I. Sur …) found",
            )
        )

    return _build(text, lines, cuts), issues


def _opinion_fallback(lines: list[_Line], first: int) -> int | None:
    for i in range(len(lines) - 1, first, -1):
        f = fold(lines[i].text)
        if OPINION.search(f) and ("commission" in f or "autorite" in f):
            if i - 1 > first and CONDITION_LEAD.match(lines[i - 1].head):
                return i - 1
            return i
    return None


def _build(text: str, lines: list[_Line], cuts: list[_Cut]) -> list[Section]:
    cuts = sorted(cuts, key=lambda c: c.line)
    sections: list[Section] = []
    for n, cut in enumerate(cuts):
        last_line = (cuts[n + 1].line if n + 1 < len(cuts) else len(lines)) - 1
        if last_line < cut.line:
            continue
        start, end = lines[cut.line].start, lines[last_line].end
        if cut.has_heading_line:
            body_start = min(lines[cut.line].end + 1, end)
        elif cut.heading is not None:  # the preamble's "Préambule" line
            h = next(i for i in range(cut.line, last_line + 1) if lines[i].text == cut.heading)
            body_start = min(lines[h].end + 1, end)
        else:
            body_start = start
        sections.append(
            Section(
                kind=cut.kind,
                numeral=cut.numeral,
                heading=cut.heading,
                text=text[body_start:end],
                start=start,
                end=end,
                body_start=body_start,
            )
        )
    return sections


def heading_numeral_value(numeral: str | None) -> int | None:
    """``"VIII"`` → 8 (None for an unnumbered section)."""
    return _ROMAN.get(numeral or "")
