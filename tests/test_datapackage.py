"""The dataset card and the Frictionless data package are generated from models/ and
validate against the written files."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml
from frictionless import Package

from models.docs import COLUMN_DOCS, COLUMN_ENUMS, LIST_ENUMS, TABLE_DOCS
from models.schema import TABLES
from pipeline.publish import accuracy
from pipeline.publish.datapackage import (
    descriptor,
    field_type,
    schema_mismatches,
    validate_package,
    write_dataset_docs,
)
from tests.conftest import ROOT
from tests.research_fixtures import build_demo, build_empty

CONTRACT = next(
    p
    for p in (ROOT.parent / "shared/spec/contract.json", ROOT / "tests/contract/spec/contract.json")
    if p.exists()
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = build_demo(tmp_path_factory.mktemp("package"))
    write_dataset_docs(out)
    return out


def test_every_table_and_column_is_documented():
    assert set(TABLE_DOCS) == set(TABLES)
    for name, table in TABLES.items():
        assert set(COLUMN_DOCS[name]) == set(table.schema.names), name
        for column, doc in COLUMN_DOCS[name].items():
            assert len(doc.split()) >= 3, f"{name}.{column}"
    for name, column in [*COLUMN_ENUMS, *LIST_ENUMS]:
        assert column in TABLES[name].schema.names


def test_additions_to_the_contract_are_said_to_be_additions():
    contract = json.loads(CONTRACT.read_text())["tables"]
    for name, columns in COLUMN_DOCS.items():
        for column, doc in columns.items():
            in_contract = column in contract.get(name, {})
            assert doc.startswith("Addition") != in_contract, f"{name}.{column}: {doc[:40]}"


def test_the_descriptor_is_a_valid_data_package(corpus):
    desc = json.loads((corpus / "datapackage.json").read_text())
    assert Package.validate_descriptor(desc).valid
    assert [r["name"] for r in desc["resources"]] == list(TABLES)
    for resource in desc["resources"]:
        assert resource["format"] == "parquet"
        assert (corpus / resource["path"]).exists()
        written = pq.read_schema(corpus / resource["path"])
        assert [f["name"] for f in resource["schema"]["fields"]] == written.names
        assert all(f["description"] for f in resource["schema"]["fields"])
        assert resource["hash"].startswith("sha256:")
    assert schema_mismatches(corpus) == []


def test_the_package_validates_against_the_written_files(corpus, tmp_path):
    report = validate_package(corpus)
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "note"])
    empty = build_empty(tmp_path)
    write_dataset_docs(empty)
    assert validate_package(empty).valid


def _copy(corpus: Path, target: Path) -> Path:
    shutil.copytree(corpus.resolve(), target)
    return target


def test_validation_catches_a_value_outside_the_contract(corpus, tmp_path):
    broken = _copy(corpus, tmp_path / "broken")
    table = pq.read_table(broken / "deliberations.parquet")
    decisions = pa.array(["maybe", *table.column("decision").to_pylist()[1:]], pa.string())
    table = table.set_column(table.schema.get_field_index("decision"), "decision", decisions)
    pq.write_table(table, broken / "deliberations.parquet")
    report = validate_package(broken)
    assert not report.valid
    assert "constraint-error" in {e.type for e in report.tasks[0].errors}


def test_validation_catches_an_orphan_row_and_a_type_change(corpus, tmp_path):
    broken = _copy(corpus, tmp_path / "orphan")
    table = pq.read_table(broken / "sections.parquet")
    ids = ["1999-1", *table.column("deliberation_id").to_pylist()[1:]]
    table = table.set_column(0, "deliberation_id", pa.array(ids, pa.string()))
    pq.write_table(table, broken / "sections.parquet")
    report = validate_package(broken)
    assert ("sections", "foreign-key") in {(t.name, e.type) for t in report.tasks for e in t.errors}
    typed = _copy(corpus, tmp_path / "typed")
    table = pq.read_table(typed / "citations.parquet")
    table = table.set_column(
        table.schema.get_field_index("date"), "date", table.column("date").cast(pa.string())
    )
    pq.write_table(table, typed / "citations.parquet")
    assert any("citations.date" in m for m in schema_mismatches(typed))
    assert not validate_package(typed).valid


def test_the_dataset_card_lists_every_table_and_column_and_the_coverage(corpus):
    card = (corpus / "README.md").read_text()
    for heading in (
        "## What",
        "## Where from",
        "## Coverage",
        "## Known limits",
        "## Licences",
        "## Authors and contact",
        "## Loading",
        "## Accuracy",
        "## How to cite",
    ):
        assert heading in card
    for name, table in TABLES.items():
        assert f"### `{name}`" in card
        section = card.split(f"### `{name}`")[1].split("### ")[0]
        for column in table.schema.names:
            assert f"| `{column}` |" in section, f"{name}.{column}"
    assert "**4 deliberations**, years 2021–2024" in card
    rows = json.loads((corpus / "manifest.json").read_text())["tables"]["retention_rules"]["rows"]
    assert f"| `retention_rules` | {rows:,} |" in card


def _front_matter(card: str) -> dict:
    assert card.startswith("---\n")
    return yaml.safe_load(card.split("---\n")[1])


def test_the_card_opens_with_metadata_a_data_portal_reads(corpus):
    meta = _front_matter((corpus / "README.md").read_text())
    assert meta["license"] == "other"
    assert meta["license_name"]
    assert meta["language"] == ["fr"]
    assert meta["size_categories"] == ["n<1K"]
    assert meta["pretty_name"]
    configs = {c["config_name"]: c for c in meta["configs"]}
    assert list(configs) == list(TABLES)
    for name, config in configs.items():
        (files,) = config["data_files"]
        assert (corpus / files["path"]).is_file(), name
    assert [c for c in configs.values() if c.get("default")] == [configs["deliberations"]]


def test_the_card_has_loading_snippets_and_a_complete_bibtex_entry(corpus):
    card = (corpus / "README.md").read_text()
    for snippet in ('dtype_backend="pyarrow"', "pl.read_parquet", "from '", "load_dataset("):
        assert snippet in card
    entry = card.split("```bibtex\n")[1].split("```")[0]
    fields = dict(re.findall(r"^\s+(\w+)\s+= \{(.*)\},?$", entry, re.MULTILINE))
    assert {"author", "title", "year", "version", "url"} <= set(fields)
    info = json.loads((corpus / "manifest.json").read_text())
    assert fields["year"] == info["created_at"][:4]
    assert info["extractor_version"] in fields["version"]
    assert entry.count("{") == entry.count("}")


def test_accuracy_is_not_measured_without_a_quality_report(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(accuracy, "ROOT", tmp_path)
    (line,) = accuracy.accuracy_lines(_copy(corpus, tmp_path / "data" / "corpus"))
    assert line.startswith("Not measured")


def test_accuracy_comes_from_the_quality_report_of_the_project(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(accuracy, "ROOT", tmp_path / "elsewhere")
    here = _copy(corpus, tmp_path / "data" / "corpus")
    (tmp_path / "quality").mkdir()
    report = {
        "retention_passages": {"precision": 0.91, "recall": 0.875, "f1": 0.8925, "fields": {}},
        "documents": {"tables": {"recipients": {"precision": 1, "recall": 0.5, "f1": 0.6667}}},
        "titles": {"pages": 3, "field_accuracy": 0.9},
    }
    (tmp_path / "quality" / "latest.json").write_text(json.dumps(report))
    write_dataset_docs(here)
    section = (here / "README.md").read_text().split("## Accuracy")[1].split("\n## ")[0]
    assert "| retention_passages | 0.910 | 0.875 | 0.892 |" in section
    assert "| documents / tables / recipients | 1.000 | 0.500 | 0.667 |" in section
    assert "titles" not in section
    (tmp_path / "quality" / "latest.json").write_text("{not json")
    assert accuracy.accuracy_lines(here)[0].startswith("Not measured")


def test_docs_follow_the_data(corpus, tmp_path):
    """Regenerated after the data changes, the card and the package say the new numbers."""
    smaller = _copy(corpus, tmp_path / "smaller")
    table = pq.read_table(smaller / "deliberations.parquet").slice(0, 2)
    pq.write_table(table, smaller / "deliberations.parquet")
    (smaller / "manifest.json").unlink()
    write_dataset_docs(smaller)
    assert "**2 deliberations**" in (smaller / "README.md").read_text()
    assert "hash" not in descriptor(smaller)["resources"][0]


@pytest.mark.parametrize(
    ("arrow", "kind"),
    [
        (pa.string(), "string"),
        (pa.int32(), "integer"),
        (pa.float64(), "number"),
        (pa.bool_(), "boolean"),
        (pa.date32(), "date"),
        (pa.list_(pa.string()), "array"),
    ],
)
def test_field_types(arrow, kind):
    assert field_type(arrow) == kind
