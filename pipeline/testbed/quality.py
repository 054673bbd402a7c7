"""``make quality``: the extractors scored on the project's own annotated material.

The material is in ``tests/quality/`` (its README gives the formats): whole deliberations
written in the genre's other styles (``documents/``), retention passages (``retention.jsonl``),
section V passages (``recipients.jsonl``), page beginnings (``titles.jsonl``) and entity
annotations (inline ``<ent label=…>`` tags in ``documents/*.txt`` and ``entities/*.txt``).

For each table: **precision** and **recall** of the rows (a row is found when an extracted
row has the same key: see ``KEYS``), **exact** (the share of expected rows found with every
scored field equal) and the accuracy of each field over the rows found. Texts are compared
after ``comparable`` (case, spacing, edge punctuation and a leading article do not count).
Entities are scored as the contract's acceptance does: same label and overlapping span,
``MISC`` aside.

``score(root)`` returns the report (a dict, written to ``quality/latest.json`` by the
command); ``format_report`` prints it as a table.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
MATERIAL = ROOT / "tests" / "quality"

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

_ARTICLE = re.compile(
    r"^(?:les|le|la|l'|des|du|de la|de l'|d'|aux|au|à la|à l'|à|ces|leurs|leur)\s*"
)
_EDGE = re.compile(r"^[\s,;:.«»\"'()\-–—•]+|[\s,;:.«»\"'()\-–—•]+$")
_TAG = re.compile(r"<ent\s+label=(?P<label>[A-Z]+)>(?P<text>.*?)</ent>", re.DOTALL)


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
    out: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = 0
    length = 0
    for m in _TAG.finditer(annotated):
        before = annotated[pos : m.start()]
        out.append(before)
        length += len(before)
        out.append(m["text"])
        spans.append((length, length + len(m["text"]), m["label"]))
        length += len(m["text"])
        pos = m.end()
    out.append(annotated[pos:])
    return "".join(out), spans


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


# --- the material -----------------------------------------------------------------------


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def _section_rules(text: str, section: str) -> list[Any]:
    from extractors import commission_actions, retention_rules

    extractor = commission_actions.extract if section == "decision" else retention_rules.extract
    return extractor(text).tables.get("retention_rules", [])


def score_passages(
    rows: list[dict[str, Any]],
    table: str,
    gold_key: str,
    run: Callable[[dict[str, Any]], list[Any]],
) -> tuple[Tally, dict[str, Tally]]:
    total = Tally()
    by_family: dict[str, Tally] = {}
    for row in rows:
        t = match_rows(table, row[gold_key], run(row), where=row["id"])
        total.add(t)
        by_family.setdefault(row.get("family", "?"), Tally()).add(t)
    return total, by_family


def score_titles(rows: list[dict[str, Any]]) -> dict[str, Any]:
    from pipeline.build.corpus import process
    from pipeline.build.inputs import InputDocument

    fields_right = dict.fromkeys(TITLE_FIELDS, 0)
    n_delib = n_look = look_right = delib_kept = 0
    misses: list[dict[str, Any]] = []
    for row in rows:
        result = process(InputDocument(row["id"], row["page"], "text"))
        exp = row["expected"]
        d = result.deliberation
        if "not_a_deliberation" in exp:
            n_look += 1
            if d is None:
                look_right += 1
            else:
                misses.append(
                    {"where": row["id"], "kind": "lookalike_kept", "got": d.deliberation_id}
                )
            continue
        n_delib += 1
        if d is None:
            misses.append(
                {
                    "where": row["id"],
                    "kind": "deliberation_lost",
                    "issues": [i.message for i in result.issues][:3],
                }
            )
            continue
        delib_kept += 1
        for k in TITLE_FIELDS:
            if k not in exp:
                fields_right[k] += 1
                continue
            got = getattr(d, k)
            got = got.value if isinstance(got, Enum) else got
            got = got.isoformat() if isinstance(got, date) else got
            if got == exp[k]:
                fields_right[k] += 1
            else:
                misses.append(
                    {
                        "where": row["id"],
                        "kind": "field",
                        "field": k,
                        "expected": exp[k],
                        "got": got,
                    }
                )
    values = [v / n_delib for v in fields_right.values()] if n_delib else []
    return {
        "pages": len(rows),
        "deliberations": n_delib,
        "deliberations_kept": delib_kept,
        "lookalikes": n_look,
        "lookalikes_refused": look_right,
        "field_accuracy": round(sum(values) / len(values), 4) if values else None,
        "fields": {k: round(v / n_delib, 4) if n_delib else None for k, v in fields_right.items()},
        "misses": misses,
    }


def score_documents(
    root: Path, with_entities: bool
) -> tuple[dict[str, Tally], dict[str, Any], EntityTally]:
    from pipeline.build.corpus import process
    from pipeline.build.inputs import InputDocument

    tables: dict[str, Tally] = {}
    delib_right: dict[str, list[int]] = {}
    entities = EntityTally()
    stage = _ner_stage() if with_entities else None
    for path in sorted((root / "documents").glob("*.txt")):
        expected_path = path.with_suffix(".expected.json")
        if not expected_path.exists():
            continue
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        text, gold_entities = untag(path.read_text(encoding="utf-8"))
        result = process(InputDocument(path.name, text, "text"))
        for table in FIELDS:
            if table not in expected:
                continue
            t = match_rows(table, expected[table], result.children.get(table, []), where=path.stem)
            tables.setdefault(table, Tally()).add(t)
        d = result.deliberation
        for k, want in (expected.get("deliberations") or {}).items():
            if k not in DELIBERATION_FIELDS:
                continue
            got = getattr(d, k, None) if d is not None else None
            ok = comparable(got) == comparable(want)
            row = delib_right.setdefault(k, [0, 0])
            row[0] += ok
            row[1] += 1
        if stage is not None and d is not None:
            predicted = _predicted_entities(stage, result, text)
            score_entities(_gold_in(result.text or "", text, gold_entities), predicted, entities)
    if stage is not None:
        for path in sorted((root / "entities").glob("*.txt")):
            text, gold_entities = untag(path.read_text(encoding="utf-8"))
            result = process(InputDocument(path.name, text, "text"))
            if result.deliberation is None:
                continue
            predicted = _predicted_entities(stage, result, text)
            score_entities(_gold_in(result.text or "", text, gold_entities), predicted, entities)
    delib = {k: round(v[0] / v[1], 4) for k, v in sorted(delib_right.items())}
    return tables, delib, entities


def _ner_stage() -> Any:
    from pipeline.build.ner import NerStage

    return NerStage()


def _predicted_entities(stage: Any, result: Any, raw: str) -> list[tuple[int, int, str]]:
    stage.annotate(result)
    return [(e.start, e.end, e.label) for e in result.children.get("entities", [])]


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


def score(root: Path = MATERIAL, *, entities: bool = True) -> dict[str, Any]:
    """Every score of the report (see the module doc)."""
    report: dict[str, Any] = {"material": str(root)}
    retention = read_jsonl(root / "retention.jsonl")
    if retention:
        total, fam = score_passages(
            retention, "retention_rules", "rules", lambda r: _section_rules(r["text"], r["section"])
        )
        report["retention_passages"] = {
            "passages": len(retention),
            **total.summary(),
            "by_family": {k: v.summary() for k, v in sorted(fam.items())},
            "misses": total.misses,
        }
    recipients = read_jsonl(root / "recipients.jsonl")
    if recipients:
        from extractors import recipients as recipients_extractor

        total, fam = score_passages(
            recipients,
            "recipients",
            "recipients",
            lambda r: recipients_extractor.extract(r["text"]).tables.get("recipients", []),
        )
        report["recipient_passages"] = {
            "passages": len(recipients),
            **total.summary(),
            "by_family": {k: v.summary() for k, v in sorted(fam.items())},
            "misses": total.misses,
        }
    titles = read_jsonl(root / "titles.jsonl")
    if titles:
        report["titles"] = score_titles(titles)
    tables, delib, ents = score_documents(root, entities)
    if tables:
        summaries = {k: v.summary() for k, v in sorted(tables.items())}
        f1s = [s["f1"] for s in summaries.values()]
        report["documents"] = {
            "documents": len(list((root / "documents").glob("*.expected.json"))),
            "macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else None,
            "tables": summaries,
            "deliberations": delib,
            "misses": [m for t in tables.values() for m in t.misses],
        }
    if entities and ents.gold:
        report["entities"] = ents.summary()
    return report


def format_report(report: dict[str, Any]) -> str:
    """The report as aligned text tables."""
    lines: list[str] = []

    def row(name: str, s: dict[str, Any]) -> str:
        return (
            f"  {name:<28} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
            f"exact {s['exact']:.3f}  ({s['expected']} expected, {s['extracted']} extracted)"
        )

    for key, title in (
        ("retention_passages", "Retention passages"),
        ("recipient_passages", "Section V passages"),
    ):
        if key in report:
            s = report[key]
            lines.append(f"{title} ({s['passages']}):")
            lines.append(row("all", s))
            fields = "  ".join(f"{k} {v:.2f}" for k, v in s["fields"].items() if v is not None)
            lines.append(f"  fields over rows found: {fields}")
            for fam, fs in s["by_family"].items():
                lines.append(row(f"  {fam}", fs))
    if "documents" in report:
        s = report["documents"]
        lines.append(f"Whole documents ({s['documents']}): macro F1 {s['macro_f1']}")
        for table, ts in s["tables"].items():
            lines.append(row(table, ts))
        bad = {k: v for k, v in s["deliberations"].items() if v < 1}
        lines.append(f"  deliberation fields below 1.0: {bad or 'none'}")
    if "titles" in report:
        s = report["titles"]
        lines.append(
            f"Page beginnings ({s['pages']}): {s['deliberations_kept']}/{s['deliberations']} "
            f"deliberations kept, {s['lookalikes_refused']}/{s['lookalikes']} lookalikes refused, "
            f"title fields {s['field_accuracy']}"
        )
        bad = {k: v for k, v in s["fields"].items() if v is not None and v < 1}
        lines.append(f"  fields below 1.0: {bad or 'none'}")
    if "entities" in report:
        s = report["entities"]
        lines.append(
            f"Entities ({s['gold']} gold, MISC aside): P {s['precision']:.3f}  R {s['recall']:.3f}  "
            f"F1 {s['f1']:.3f}"
        )
        for label, ls in s["by_label"].items():
            lines.append(f"  {label:<14} {ls}")
    return "\n".join(lines)


SETS = {
    "development": MATERIAL,
    "heldout": MATERIAL / "heldout",
    "blind": MATERIAL / "blind2",
}


def _without_misses(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _without_misses(v) for k, v in node.items() if k != "misses"}
    return node


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m pipeline.testbed.quality [--no-entities] [--out DIR]``: score every set
    of ``tests/quality`` (development, heldout, blind when present), print the tables,
    write ``DIR/latest.json`` (the scores) and ``DIR/misses.json`` (every row missed)."""
    import argparse
    from datetime import UTC, datetime

    parser = argparse.ArgumentParser(prog="make quality", description=main.__doc__)
    parser.add_argument("--no-entities", action="store_true", help="skip the model (faster)")
    parser.add_argument("--out", type=Path, default=ROOT / "quality")
    args = parser.parse_args(argv)
    report: dict[str, Any] = {"created_at": datetime.now(UTC).isoformat(timespec="seconds")}
    misses: dict[str, Any] = {}
    for name, root in SETS.items():
        if not root.is_dir():
            continue
        scored = score(root, entities=not args.no_entities)
        print(f"== {name} ({root.relative_to(ROOT)})")
        print(format_report(scored))
        report[name] = _without_misses(scored)
        misses[name] = {
            k: v.get("misses", []) for k, v in scored.items() if isinstance(v, dict) and "misses" in v
        }
    args.out.mkdir(parents=True, exist_ok=True)
    for file, data in (("latest.json", report), ("misses.json", misses)):
        tmp = args.out / f".{file}.tmp"
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
        tmp.replace(args.out / file)
    print(f"report written to {args.out / 'latest.json'}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
