"""How the quality set is scored: rows paired on their key and compared field by field,
entities by label and overlapping span (used by ``pipeline.testbed.quality``).

Texts are compared after ``comparable`` (case, spacing, edge punctuation and a leading
article do not count); an action of the Commission is compared with or without its lead
verb, which the contract leaves open.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from pipeline.testbed.annotations import parse

#: The fields scored per table, and the ones that make a row's key.
FIELDS: dict[str, tuple[str, ...]] = {
    "retention_rules": (
        "data_scope",
        "action",
        "duration",
        "duration_min",
        "duration_max",
        "trigger",
        "until",
        "rolling",
        "set_by",
    ),
    "recipients": ("recipient", "condition"),
    "access_rights": ("role", "permissions", "restriction"),
    "data_categories": ("subject", "category", "category_norm", "items"),
    "functionalities": ("actor", "text"),
    "interconnections": ("link_type", "target_purpose", "target_status"),
    "commission_actions": ("verb", "text"),
    "citations": ("instrument", "number", "date", "cited_id"),
}
KEYS: dict[str, tuple[str, ...]] = {
    "retention_rules": ("action", "duration", "duration_min", "duration_max"),
    "recipients": ("recipient", "condition"),
    "access_rights": ("role",),
    "data_categories": ("category",),
    "functionalities": ("text",),
    "interconnections": ("target_purpose",),
    "commission_actions": ("verb", "text"),
    "citations": ("instrument", "number"),
}
TITLE_FIELDS = (
    "deliberation_id",
    "number_as_printed",
    "authority",
    "adopted_on",
    "decision",
    "modification",
    "purpose",
    "system_name",
    "controller",
    "representative",
    "operator",
)
DELIBERATION_FIELDS = (*TITLE_FIELDS, "conditional", "modifies", "legal_bases", "data_subjects")

#: A leading article, a whole word ("leurs X" → "X", "lecteurs" stays "lecteurs").
_ARTICLE = re.compile(
    r"^(?:(?:leurs|leur|les|le|la|des|du|de la|aux|au|à la|à|ces)\s+|(?:l|de l|d|à l)'\s*)"
)
_EDGE = re.compile(r"^[\s,;:.«»\"'()\-–—•]+|[\s,;:.«»\"'()\-–—•]+$")


def comparable(value: Any) -> Any:
    """A value as compared: texts without case, accents kept, spacing, edge punctuation and a
    leading article; enums as their values; lists item by item."""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return tuple(comparable(v) for v in value)
    if isinstance(value, str):
        s = unicodedata.normalize("NFC", value).replace("’", "'").casefold()
        s = re.sub(r"\s+", " ", s)
        s = _EDGE.sub("", s)
        s = _ARTICLE.sub("", s)
        return _EDGE.sub("", s) or None
    return value


def as_dict(record: Any, names: Iterable[str]) -> dict[str, Any]:
    if isinstance(record, dict):
        return {n: record.get(n) for n in names}
    return {n: getattr(record, n, None) for n in names}


@dataclass
class Tally:
    """Counts for one table (or one slice of it)."""

    expected: int = 0
    extracted: int = 0
    found: int = 0
    exact: int = 0
    field_right: dict[str, int] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.expected += other.expected
        self.extracted += other.extracted
        self.found += other.found
        self.exact += other.exact
        for k, v in other.field_right.items():
            self.field_right[k] = self.field_right.get(k, 0) + v
        self.misses.extend(other.misses)

    def summary(self) -> dict[str, Any]:
        p = self.found / self.extracted if self.extracted else (1.0 if not self.expected else 0.0)
        r = self.found / self.expected if self.expected else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "expected": self.expected,
            "extracted": self.extracted,
            "found": self.found,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f1, 4),
            "exact": round(self.exact / self.expected, 4) if self.expected else 1.0,
            "fields": {
                k: round(v / self.found, 4) if self.found else None
                for k, v in sorted(self.field_right.items())
            },
        }


def _action_text(row: dict[str, Any]) -> dict[str, Any]:
    """An action's text with or without its lead verb ("Rappelle que les X …" / "les X …"):
    the contract leaves it open, so both count."""
    text, verb = row.get("text"), row.get("verb")
    if isinstance(text, str) and isinstance(verb, str):
        from extractors.common.text import fold

        folded = fold(text)
        first = folded.split(" ", 1)[0]
        if " " in folded and first[:5] == fold(verb)[:5]:
            link = re.match(
                r"(?:acte\s+(?:de\s+ce\s+)?)?(?:que\s+|qu'|de\s+ce\s+que\s+)?",
                folded[len(first) + 1 :],
            )
            row = {**row, "text": comparable(text[len(first) + 1 + (link.end() if link else 0) :])}
    return row


def match_rows(
    table: str, expected: Sequence[Any], extracted: Sequence[Any], where: str = ""
) -> Tally:
    """Pair expected and extracted rows on their key, best agreement first."""
    fields, key = FIELDS[table], KEYS[table]
    want = [{k: comparable(v) for k, v in as_dict(r, fields).items()} for r in expected]
    got = [{k: comparable(v) for k, v in as_dict(r, fields).items()} for r in extracted]
    if table == "commission_actions":
        want, got = [_action_text(r) for r in want], [_action_text(r) for r in got]
    pairs = []
    for i, w in enumerate(want):
        for j, g in enumerate(got):
            if all(w[k] == g[k] for k in key):
                agree = sum(w[k] == g[k] for k in fields)
                pairs.append((-agree, abs(i - j), i, j))
    pairs.sort()
    used_w: set[int] = set()
    used_g: set[int] = set()
    tally = Tally(expected=len(want), extracted=len(got))
    tally.field_right = {k: 0 for k in fields}
    for _, _, i, j in pairs:
        if i in used_w or j in used_g:
            continue
        used_w.add(i)
        used_g.add(j)
        tally.found += 1
        right = [k for k in fields if want[i][k] == got[j][k]]
        for k in right:
            tally.field_right[k] += 1
        if len(right) == len(fields):
            tally.exact += 1
        else:
            tally.misses.append(
                {
                    "where": where,
                    "kind": "field",
                    "expected": as_dict(expected[i], fields),
                    "got": as_dict(extracted[j], fields),
                }
            )
    for i, row in enumerate(expected):
        if i not in used_w:
            tally.misses.append(
                {"where": where, "kind": "missed", "expected": as_dict(row, fields)}
            )
    for j, row in enumerate(extracted):
        if j not in used_g:
            tally.misses.append({"where": where, "kind": "extra", "got": as_dict(row, fields)})
    return tally


# --- entities ---------------------------------------------------------------------------


def untag(annotated: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The plain text of an ``<ent label=…>`` annotated text, and its (start, end, label)."""
    text, marks = parse(annotated)
    return text, [(m.start, m.end, m.fields.get("label") or "") for m in marks if m.tag == "ent"]


@dataclass
class EntityTally:
    gold: int = 0
    predicted: int = 0
    gold_found: int = 0
    predicted_right: int = 0
    by_label: dict[str, list[int]] = field(
        default_factory=dict
    )  # label → [gold, found, pred, right]

    def summary(self) -> dict[str, Any]:
        p = self.predicted_right / self.predicted if self.predicted else 1.0
        r = self.gold_found / self.gold if self.gold else 1.0
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "by_label": {
                k: {
                    "gold": v[0],
                    "recall": round(v[1] / v[0], 4) if v[0] else None,
                    "predicted": v[2],
                    "precision": round(v[3] / v[2], 4) if v[2] else None,
                }
                for k, v in sorted(self.by_label.items())
            },
        }


def score_entities(
    gold: list[tuple[int, int, str]], predicted: list[tuple[int, int, str]], tally: EntityTally
) -> None:
    """Same label and overlapping span; MISC aside on both sides."""
    gold = [g for g in gold if g[2] != "MISC"]
    predicted = [p for p in predicted if p[2] != "MISC"]

    def overlaps(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
        return a[2] == b[2] and a[0] < b[1] and b[0] < a[1]

    for g in gold:
        row = tally.by_label.setdefault(g[2], [0, 0, 0, 0])
        row[0] += 1
        tally.gold += 1
        if any(overlaps(g, p) for p in predicted):
            row[1] += 1
            tally.gold_found += 1
    for p in predicted:
        row = tally.by_label.setdefault(p[2], [0, 0, 0, 0])
        row[2] += 1
        tally.predicted += 1
        if any(overlaps(p, g) for g in gold):
            row[3] += 1
            tally.predicted_right += 1


def _gold_in(
    normalised: str, raw: str, gold: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The gold spans (offsets in the raw text) moved into the normalised document text.

    Line by line: each raw line is found, normalised, in the document text (in order; the
    page reader drops the sprite line and the metadata), then its characters are aligned
    with that line (normalisation turns no-break spaces, typographic apostrophes and runs of
    spaces into plain ones)."""
    import difflib

    from extractors.common.normalise import normalise_line

    line_map: list[tuple[int, int, int, list]] = []  # raw start, raw end, norm start, blocks
    pos = 0
    raw_pos = 0
    for line in raw.split("\n"):
        raw_start = raw_pos
        raw_pos += len(line) + 1
        target = normalise_line(line)
        if not target:
            continue
        at = normalised.find(target, pos)
        if at < 0:
            continue
        pos = at + len(target)
        blocks = difflib.SequenceMatcher(None, line, target, autojunk=False).get_matching_blocks()
        line_map.append((raw_start, raw_start + len(line), at, [bk for bk in blocks if bk.size]))

    def moved(offset: int, end: bool) -> int | None:
        for r0, r1, n0, blocks in line_map:
            if r0 <= offset <= r1:
                local = offset - r0
                for bk in blocks:
                    if bk.a <= local < bk.a + bk.size or (end and local == bk.a + bk.size):
                        return n0 + bk.b + local - bk.a
        return None

    out: list[tuple[int, int, str]] = []
    for start, end, label in gold:
        a, b = moved(start, False), moved(end, True)
        if a is not None and b is None:
            last = moved(end - 1, False)
            b = last + 1 if last is not None else None
        if a is not None and b is not None and b > a:
            out.append((a, b, label))
    return out
