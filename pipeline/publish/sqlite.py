"""``ccin export --format sqlite``: the corpus as one SQLite database (sqlite-utils), for
Datasette (``datasette corpus.db -m corpus.metadata.json``) and any SQL tool.

Each table keeps its columns: list columns become JSON arrays (Datasette facets them with
``_facet_array``), dates ISO text, booleans 0/1. Child tables have the primary key
``(deliberation_id, position)`` and a foreign key to ``deliberations``; the text columns
have full-text search (FTS5, accents folded). The metadata file beside the database gives
every table and column its description (from ``models.docs``) and default facets.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import sqlite_utils

from models.docs import COLUMN_DOCS, TABLE_DOCS
from models.schema import SCHEMA_VERSION, TABLES

#: table → the text columns searched by full-text search
FTS_COLUMNS: dict[str, tuple[str, ...]] = {
    "deliberations": ("title", "purpose", "purpose_requested", "controller", "operator"),
    "sections": ("heading", "text"),
    "functionalities": ("text",),
    "data_categories": ("category", "items"),
    "access_rights": ("role", "raw"),
    "recipients": ("recipient", "condition"),
    "interconnections": ("target_purpose", "raw"),
    "retention_rules": ("data_scope", "trigger", "until", "raw"),
    "commission_actions": ("text",),
    "citations": ("raw",),
    "entities": ("text",),
    "issues": ("message",),
}
#: table → Datasette's default facets (a dict for a JSON-array column)
FACETS: dict[str, list[Any]] = {
    "deliberations": ["year", "authority", "decision", "conditional", "controller"],
    "sections": ["kind"],
    "functionalities": ["actor"],
    "data_categories": ["category_norm", {"array": "items"}],
    "access_rights": [{"array": "permissions"}],
    "recipients": ["recipient"],
    "interconnections": ["link_type", "target_status"],
    "retention_rules": ["action", "set_by", "duration"],
    "commission_actions": ["verb"],
    "citations": ["instrument"],
    "entities": ["label", "section_kind"],
    "issues": ["stage", "severity", "code"],
}
TOKENIZE = "unicode61 remove_diacritics 2"
BATCH = 5_000


def _sql_type(t: pa.DataType) -> type:
    if pa.types.is_integer(t) or pa.types.is_boolean(t):
        return int
    if pa.types.is_floating(t):
        return float
    return str


def _value(v: Any) -> Any:
    if isinstance(v, list):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, date):
        return v.isoformat()
    return v


def _rows(path: Path, schema: pa.Schema) -> Iterator[dict[str, Any]]:
    if not path.exists():
        return
    names = set(pq.read_schema(path).names)
    for batch in pq.ParquetFile(path).iter_batches(batch_size=BATCH):
        for row in batch.to_pylist():
            yield {f.name: _value(row.get(f.name)) if f.name in names else None for f in schema}


def metadata(database: str) -> dict[str, Any]:
    """Datasette's metadata for a database named ``database``."""
    tables: dict[str, Any] = {}
    for name in TABLES:
        entry: dict[str, Any] = {
            "description": TABLE_DOCS.get(name, ""),
            "columns": COLUMN_DOCS.get(name, {}),
            "facets": FACETS.get(name, []),
        }
        if name == "deliberations":
            entry.update(label_column="title", sort_desc="adopted_on")
        tables[name] = entry
    return {
        "title": "ccin-corpus",
        "description": (
            "The deliberations of Monaco's data-protection authority (CCIN, since 2025 APDP), "
            f"as published in the Journal de Monaco: the corpus tables (schema {SCHEMA_VERSION})."
        ),
        "source": "Journal de Monaco",
        "source_url": "https://journaldemonaco.gouv.mc",
        "databases": {database: {"tables": tables}},
    }


def export_sqlite(corpus: Path, out: Path) -> dict[str, int]:
    """Write every table of ``corpus`` into the SQLite file ``out`` (replaced in one
    rename) and ``out``'s Datasette metadata beside it; rows per table."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    counts: dict[str, int] = {}
    db = sqlite_utils.Database(tmp)
    try:
        for name, table in TABLES.items():
            schema = table.schema
            columns = {f.name: _sql_type(f.type) for f in schema}
            if name == "deliberations":
                keys: dict[str, Any] = {"pk": "deliberation_id"}
            elif "position" in columns:
                keys = {
                    "pk": ("deliberation_id", "position"),
                    "foreign_keys": [("deliberation_id", "deliberations", "deliberation_id")],
                }
            else:
                keys = {}
            db[name].create(columns, **keys)  # type: ignore[union-attr]
            db[name].insert_all(_rows(corpus / f"{name}.parquet", schema), batch_size=BATCH)  # type: ignore[union-attr]
            counts[name] = db[name].count
            fts = [c for c in FTS_COLUMNS.get(name, ()) if c in columns]
            if fts:
                db[name].enable_fts(fts, tokenize=TOKENIZE)  # type: ignore[union-attr]
        db.index_foreign_keys()
        db.vacuum()
    finally:
        db.close()
    tmp.replace(out)
    meta = metadata(out.stem)
    out.with_suffix(".metadata.json").write_text(
        json.dumps(meta, indent=2, ensure_ascii=False) + "\n"
    )
    return counts
