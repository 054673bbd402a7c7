"""The corpus's own documentation: ``README.md`` (a dataset card) and a Frictionless
``datapackage.json``, both generated from ``models/`` (schema, enums, column docs) and
from the data itself, so they cannot drift from what is written.

``write_dataset_docs(corpus_dir)`` writes both; ``validate_package(corpus_dir)``
validates the data against the descriptor with frictionless. (frictionless 5 reads
Parquet through pandas, which turns null integers into NaN and lists into numpy arrays
and so reports false type errors; here the rows are read with pyarrow and given to
frictionless as Python values, and each file's Parquet schema is checked against the
descriptor's field types.)
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from models.docs import COLUMN_DOCS, COLUMN_ENUMS, TABLE_DOCS
from models.schema import SCHEMA_VERSION, TABLES
from pipeline.analysis.corpus import manifest
from pipeline.publish.about import (
    AUTHORS,
    DATA_LICENCE_NAME,
    DESCRIPTION,
    HOMEPAGE,
    KEYWORDS,
    NAME,
    SOURCE,
    TITLE,
)
from pipeline.publish.card import card_facts, dataset_card

PARQUET_MEDIATYPE = "application/vnd.apache.parquet"


def field_type(t: pa.DataType) -> str:
    """The Table Schema type of a pyarrow type."""
    if pa.types.is_integer(t):
        return "integer"
    if pa.types.is_floating(t):
        return "number"
    if pa.types.is_boolean(t):
        return "boolean"
    if pa.types.is_date(t):
        return "date"
    if pa.types.is_timestamp(t):
        return "datetime"
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return "array"
    return "string"


def table_schema(name: str) -> dict[str, Any]:
    """The Table Schema of one corpus table, from ``models.schema`` and ``models.docs``."""
    fields = []
    for f in TABLES[name].schema:
        field: dict[str, Any] = {
            "name": f.name,
            "type": field_type(f.type),
            "description": COLUMN_DOCS[name][f.name],
        }
        constraints: dict[str, Any] = {}
        if not f.nullable:
            constraints["required"] = True
        if (name, f.name) in COLUMN_ENUMS:
            constraints["enum"] = list(COLUMN_ENUMS[(name, f.name)])
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    schema: dict[str, Any] = {"fields": fields}
    columns = TABLES[name].schema.names
    if name == "deliberations":
        schema["primaryKey"] = ["deliberation_id"]
    elif name != "issues" and "position" in columns:
        schema["primaryKey"] = ["deliberation_id", "position"]
        schema["foreignKeys"] = [
            {
                "fields": ["deliberation_id"],
                "reference": {"resource": "deliberations", "fields": ["deliberation_id"]},
            }
        ]
    return schema


def descriptor(corpus_dir: Path) -> dict[str, Any]:
    """The ``datapackage.json`` of a corpus (checksums from its manifest.json)."""
    info = manifest(corpus_dir)
    files = info.get("tables", {})
    resources = []
    for name in TABLES:
        resource: dict[str, Any] = {
            "name": name,
            "path": f"{name}.parquet",
            "format": "parquet",
            "mediatype": PARQUET_MEDIATYPE,
            "title": name,
            "description": TABLE_DOCS[name],
            "schema": table_schema(name),
        }
        sha = files.get(name, {}).get("sha256")
        if sha:
            resource["hash"] = f"sha256:{sha}"
        resources.append(resource)
    return {
        "name": NAME,
        "title": TITLE,
        "description": DESCRIPTION,
        "version": f"schema-{SCHEMA_VERSION}",
        "homepage": HOMEPAGE,
        "created": info.get("created_at") or datetime.now(UTC).isoformat(timespec="seconds"),
        "keywords": list(KEYWORDS),
        "sources": [SOURCE],
        "licenses": [{"name": DATA_LICENCE_NAME, "path": SOURCE["path"]}],
        "contributors": [{"title": AUTHORS, "path": HOMEPAGE}],
        "ccin": {
            "schema_version": SCHEMA_VERSION,
            "extractor_version": info.get("extractor_version"),
        },
        "resources": resources,
    }


def write_dataset_docs(corpus_dir: Path) -> None:
    """Write ``corpus_dir/datapackage.json`` and ``corpus_dir/README.md``."""
    corpus_dir = Path(corpus_dir)
    package = descriptor(corpus_dir)
    _write(corpus_dir / "datapackage.json", json.dumps(package, indent=2, ensure_ascii=False))
    _write(corpus_dir / "README.md", dataset_card(corpus_dir, card_facts(corpus_dir)))


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
    tmp.replace(path)


def _python_rows(path: Path, name: str) -> list[list[Any]]:
    table = pq.read_table(path)
    header = table.schema.names
    return [header, *([row[c] for c in header] for row in table.to_pylist())]


def schema_mismatches(corpus_dir: Path) -> list[str]:
    """Columns whose Parquet type does not give the descriptor's field type, or are missing."""
    problems = []
    for name in TABLES:
        path = corpus_dir / f"{name}.parquet"
        if not path.exists():
            problems.append(f"{name}: file missing")
            continue
        written = pq.read_schema(path)
        for f in table_schema(name)["fields"]:
            if f["name"] not in written.names:
                problems.append(f"{name}.{f['name']}: column missing")
            elif field_type(written.field(f["name"]).type) != f["type"]:
                problems.append(
                    f"{name}.{f['name']}: {written.field(f['name']).type} ≠ {f['type']}"
                )
    return problems


def validate_package(corpus_dir: Path):
    """Validate the written files against ``corpus_dir/datapackage.json`` (a frictionless
    ``Report``): the descriptor itself, each table's rows (types, required values, enums,
    primary keys, foreign keys to ``deliberations``) and each file's Parquet schema."""
    from frictionless import Package, Report

    package_path = Path(corpus_dir) / "datapackage.json"
    desc = json.loads(package_path.read_text(encoding="utf-8"))
    report = Package.validate_descriptor(desc)
    if not report.valid:
        return report
    inline = dict(desc)
    inline["resources"] = []
    for resource in desc["resources"]:
        r = {
            k: v
            for k, v in resource.items()
            if k not in ("path", "format", "mediatype", "bytes", "hash")
        }
        r["data"] = _python_rows(Path(corpus_dir) / resource["path"], resource["name"])
        inline["resources"].append(r)
    report = Package(inline).validate()
    mismatches = schema_mismatches(Path(corpus_dir))
    if mismatches:
        return Report.from_validation(errors=[_schema_error(m) for m in mismatches])
    return report


def _schema_error(note: str):
    from frictionless import errors

    return errors.PackageError(note=f"parquet schema: {note}")


def main(argv: list[str]) -> int:
    """``python -m pipeline.publish.datapackage [CORPUS]``: (re)write the docs and validate."""
    corpus = Path(argv[0]) if argv else Path("data/corpus")
    write_dataset_docs(corpus)
    report = validate_package(corpus)
    for task in report.tasks:
        for error in task.errors[:20]:
            print(f"{task.name}: {error.type}: {error.note}", file=sys.stderr)
    for error in report.errors:
        print(f"{error.type}: {error.note}", file=sys.stderr)
    print(f"{corpus}/datapackage.json: {'valid' if report.valid else 'INVALID'}")
    return 0 if report.valid else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
