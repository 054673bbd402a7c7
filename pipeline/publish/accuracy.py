"""The accuracy figures of the dataset card: the report ``make quality`` writes
(``quality/latest.json``: precision and recall of each extractor on the annotated quality
set), read tolerantly; "not measured" when there is none."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

REPORT = Path("quality") / "latest.json"
ROOT = Path(__file__).resolve().parents[2]
#: keys whose breakdowns are too fine for the card
_SKIP = frozenset({"by_family", "by_label", "fields", "deliberations"})


def find_report(corpus_dir: Path) -> Path | None:
    """``quality/latest.json`` of the project the corpus sits in (a parent folder of the
    corpus), else of this checkout; None when neither exists."""
    for folder in (*Path(corpus_dir).resolve().parents, ROOT):
        if (folder / REPORT).is_file():
            return folder / REPORT
    return None


def _scores(node: Any, path: tuple[str, ...] = (), depth: int = 0) -> list[tuple[str, dict]]:
    """Every dict under ``node`` with numeric precision and recall, with its path."""
    if not isinstance(node, dict) or depth > 3:
        return []
    found = []
    if all(isinstance(node.get(k), int | float) for k in ("precision", "recall")):
        found.append((" / ".join(path) or "all", node))
    for key, value in node.items():
        if key not in _SKIP:
            found += _scores(value, (*path, str(key)), depth + 1)
    return found


def _number(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, int | float) else ""


def accuracy_lines(corpus_dir: Path) -> list[str]:
    """The card's accuracy section: a table of precision, recall and F1, or "not measured"."""
    path = find_report(corpus_dir)
    report: Any = None
    if path is not None:
        try:
            report = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            report = None
    scores = _scores(report)
    if not scores:
        return [
            "Not measured: no report of `make quality` was found beside this corpus. The "
            "values are extracted by rules and were not checked by hand."
        ]
    lines = [
        "Measured by `make quality` on the project's annotated quality set (texts in other "
        "styles than the bundled sample, annotated from the contract), "
        f"report `{REPORT}`"
        + (f" of {report['created_at']}" if isinstance(report.get("created_at"), str) else "")
        + ": precision and recall of the rows each extractor finds.",
        "",
        "| measured on | precision | recall | F1 |",
        "|---|---|---|---|",
    ]
    for name, s in scores:
        lines.append(
            f"| {name} | {_number(s['precision'])} | {_number(s['recall'])} | "
            f"{_number(s.get('f1'))} |"
        )
    return lines
