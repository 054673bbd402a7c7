"""Cut a normalised deliberation into its parts.

The document text (``extractors.document``) is the title on its first line, then the
body, one paragraph a line. The parts, in order:

- ``visas``: from the first "Vu …" line to the last one of the run;
- ``preamble``: what follows, up to the first numbered heading (its ``heading`` is
  "Préambule" when that word is printed; "La Commission …," before it stays inside
  the span, outside ``text``);
- the numbered sections: a heading line "I. Sur …" (any spacing or punctuation after
  the Roman numeral) whose kind comes from its words (``extractors.vocab.headings``), not
  from the numeral; an unknown heading gives ``other``; an OCR "l" in the numeral is read
  as "I" before "Sur …"; a document with no numbered heading is read from its "Sur …"
  lines alone (numbering lost with an HTML list);
- ``decision``: from "Après en avoir délibéré" to the end (or, when that line is
  missing, from the paragraph that gives the opinion).

Every section spans ``[start, end)`` in the document; consecutive sections are separated
by exactly one newline, so together they cover the text from the first one on, in
order, with nothing lost or repeated. ``text`` is the body without the heading line
(``document[body_start:end]``).
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.common.text import fold
from extractors.vocab.headings import (
    CONDITION_LEAD,
    DECISION_START,
    NUMBERED_HEADING,
    OPINION,
    OPINION_LEAD,
    PREAMBLE_HEADING,
    UNNUMBERED_HEADING,
    VISA_LINE,
    heading_kind,
)
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
    if not m:
        return None
    numeral = m["numeral"].replace("l", "I")
    if numeral not in _ROMAN:
        return None
    rest = m["rest"].strip()
    if len(rest) > 160 or rest.endswith((";", ",")):
        return None
    f = fold(rest)
    if numeral != m["numeral"]:  # an OCR "l": only before "Sur …"
        return (numeral, line.text.strip()) if f.startswith("sur ") else None
    if f.startswith("sur ") or heading_kind(rest) is not None:
        return numeral, line.text.strip()
    return None


def _unnumbered(line: _Line) -> SectionKind | None:
    """The kind of a "Sur …" line that reads as a heading without its numeral."""
    if not line.head.startswith("sur ") or line.text.endswith("."):
        return None
    if not UNNUMBERED_HEADING.match(fold(line.text)):
        return None
    return heading_kind(line.text)


def _ends_visas(line: _Line) -> bool:
    """A line no visa wraps onto: a heading, numbered or not, or "Préambule"."""
    return bool(_numbered_heading(line) or _unnumbered(line) or PREAMBLE_HEADING.match(line.head))


def _unnumbered_headings(lines: list[_Line], start: int, end: int) -> list[_Cut]:
    """Headings printed without numerals ("Sur la durée de conservation" alone on its line).

    Read only when a document has no numbered heading at all, and kept only when they
    name at least two kinds; a "Sur …" line of the kind of the section it stands in is a
    sub-heading ("Sur l'exercice du droit d'accès" under the rights).
    """
    cuts: list[_Cut] = []
    for i in range(start, end):
        kind = _unnumbered(lines[i])
        if kind is None or (cuts and cuts[-1].kind is kind):
            continue
        cuts.append(_Cut(i, kind, None, lines[i].text.strip(), True))
    return cuts if len({c.kind for c in cuts}) >= 2 else []


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
            if any(_ends_visas(lines[j]) for j in range(v1 + 1, i)):
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

    if not headings:
        headings = _unnumbered_headings(lines, after_visas, body_end)
        seen = {c.kind for c in headings}
        if headings:
            issues.append(
                Issue(
                    "sections",
                    Severity.INFO,
                    "unnumbered_headings",
                    "section headings without numerals ('Sur …' alone on a line)",
                )
            )

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
    """The first line of the last sentence giving the authority's opinion.

    The sentence may run over lines broken at its commas ("Sous le bénéfice …,\nla
    Commission …,\német un avis favorable …") or be a verb-led line ("Émet un avis …").
    """
    for i in range(len(lines) - 1, first, -1):
        if not OPINION.search(fold(lines[i].text)):
            continue
        start = i
        while (
            start - 1 > first
            and i - start < 3
            and (lines[start - 1].text.endswith(",") or CONDITION_LEAD.match(lines[start - 1].head))
        ):
            start -= 1
        sentence = " ".join(fold(lines[j].text) for j in range(start, i + 1))
        if "commission" in sentence or "autorite" in sentence or OPINION_LEAD.match(lines[i].head):
            return start
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
