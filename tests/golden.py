"""Golden files: a document's rows, compared field by field with a reviewed JSON file.

A missing golden file is written and the test fails until someone has reviewed it;
``pytest --update-golden`` rewrites them on purpose (review the diff).
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

import pytest

from models.records import DocumentResult

#: What a golden file holds for each table (long texts are kept as head, tail and length).
GOLDEN_TABLES = (
    "deliberations",
    "sections",
    "citations",
    "functionalities",
    "data_categories",
    "access_rights",
    "recipients",
    "interconnections",
    "retention_rules",
    "commission_actions",
)
_SKIP = {"source", "url", "extractor_version", "text_sha256"}


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def _row(record: Any) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        if f.name in _SKIP:
            continue
        value = _plain(getattr(record, f.name))
        if f.name == "text" and isinstance(value, str) and len(value) > 160:
            row["text_head"], row["text_tail"], row["text_len"] = (
                value[:100],
                value[-50:],
                len(value),
            )
            continue
        row[f.name] = value
    return row


def golden_rows(result: DocumentResult, tables: tuple[str, ...] = GOLDEN_TABLES) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for table in tables:
        if table == "deliberations":
            out[table] = [_row(result.deliberation)] if result.deliberation else []
        else:
            out[table] = [_row(r) for r in result.children.get(table, [])]
    return out


def check_golden(path: Path, actual: dict[str, Any], update: bool) -> None:
    text = json.dumps(actual, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if update or not path.exists():
        path.write_text(text, encoding="utf-8")
        if not update:
            pytest.fail(
                f"{path.name} was missing: written from the current code, review it and run again"
            )
        return
    expected = json.loads(path.read_text(encoding="utf-8"))
    for table, rows in actual.items():
        assert table in expected, (
            f"{path.name} has no {table!r}: run pytest --update-golden and review"
        )
        want = expected[table]
        assert len(rows) == len(want), f"{table}: {len(rows)} rows, golden has {len(want)}"
        for i, (got, exp) in enumerate(zip(rows, want, strict=True)):
            for key in sorted(set(got) | set(exp)):
                assert got.get(key) == exp.get(key), (
                    f"{table}[{i}].{key}: {got.get(key)!r} != golden {exp.get(key)!r}"
                )
