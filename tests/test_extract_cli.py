"""`ccin extract` end to end: every table written, the contract kept, bad input recorded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from models.schema import TABLES
from pipeline import exits
from pipeline.build import workers as work
from pipeline.cli.main import app
from tests.conftest import FIXTURES, ROOT, SAMPLE

runner = CliRunner()
SHARED_CHECKER = ROOT.parent / "shared" / "tools" / "check_contract.py"
CHECKER = (
    SHARED_CHECKER
    if SHARED_CHECKER.exists()
    else ROOT / "tests" / "contract" / "tools" / "check_contract.py"
)
SEED = next((FIXTURES / "seeds").glob("000_*.txt"))


def extract(*args: str):
    result = runner.invoke(app, ["extract", *args])
    assert result.exit_code == 0, result.output
    return result


def check_contract(corpus: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(CHECKER), str(corpus)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_sample_corpus_keeps_the_contract(tmp_path):
    out = tmp_path / "corpus"
    result = extract(str(SAMPLE), "--out", str(out))
    assert "4 deliberations" in result.output
    assert sorted(p.stem for p in out.glob("*.parquet")) == sorted(TABLES)
    check_contract(out)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["tables"]["deliberations"]["rows"] == 4
    assert pq.read_schema(out / "deliberations.parquet").metadata[b"schema_version"]


def test_pandas_duckdb_and_polars_read_the_contract_types(tmp_path):
    out = tmp_path / "corpus"
    extract(str(SAMPLE), "--out", str(out))
    df = pd.read_parquet(out / "deliberations.parquet")
    assert str(df["adopted_on"].iloc[0]).startswith("20")
    assert df["year"].dtype.name == "int32"
    counts = duckdb.sql(
        f"select decision, count(*) from read_parquet('{out}/deliberations.parquet') group by 1"
    )
    assert counts is not None
    rows = counts.fetchall()
    assert rows == [("avis_favorable", 4)]
    described = duckdb.sql(f"describe select * from read_parquet('{out}/deliberations.parquet')")
    assert described is not None
    types = {row[0]: row[1] for row in described.fetchall()}
    assert (types["adopted_on"], types["year"], types["data_subjects"]) == (
        "DATE",
        "INTEGER",
        "VARCHAR[]",
    )
    pdf = pl.read_parquet(out / "deliberations.parquet")
    assert pdf.schema["adopted_on"] == pl.Date
    assert pdf.schema["ocr_quality"] == pl.Float64
    assert pl.read_parquet(out / "sections.parquet").height > 30


def test_bad_input_is_recorded_and_never_stops_the_run(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    (src / "a_good.txt").write_text(seed, encoding="utf-8")
    (src / "b_truncated.txt").write_text(seed[: seed.index("959 du 24") + 12], encoding="utf-8")
    (src / "c_empty.html").write_text("", encoding="utf-8")
    (src / "d_garbage.html").write_bytes(bytes(range(256)) * 40)
    (src / "e_layout.html").write_text(
        "<html><body><div class='x'><span>Bonjour</span></div></body></html>"
    )
    big = (
        "<p>"
        + "Le responsable de traitement indique que les données sont chiffrées. " * 150_000
        + "</p>"
    )
    (src / "f_huge.html").write_text(
        f"<html><body><h1>Délibération n° 2020-5 du 5 mai 2020 portant avis favorable</h1>"
        f"<div class='article__content'><p>Vu la Constitution ;</p>{big}</div></body></html>"
    )
    (src / "g_lines.jsonl").write_text(
        json.dumps(
            {"url": "https://journaldemonaco.gouv.mc/en/Journaux/2021/Journal-8547/D", "text": seed}
        )
        + "\n"
        + "{not json\n"
        + json.dumps(
            {"url": "https://journaldemonaco.gouv.mc/Journaux/2021/Journal-8547/D", "text": seed}
        )
        + "\n"
        + json.dumps({"url": "x"})
        + "\n"
    )
    out = tmp_path / "corpus"
    result = extract(str(src), "--out", str(out))
    check_contract(out)
    deliberations = pd.read_parquet(out / "deliberations.parquet")
    issues = pd.read_parquet(out / "issues.parquet")
    # the good page, the truncated one (same id: the first page read wins) and the huge one
    assert sorted(deliberations["deliberation_id"]) == ["2020-5", "2021-81"]
    codes = set(issues["code"])
    assert {
        "empty_page",
        "binary_content",
        "bad_jsonl",
        "oversized",
        "duplicate_page",
        "no_closing",
    } <= codes
    assert "not a CCIN/APDP deliberation" in " ".join(issues["message"]) or "no_title" in codes
    sources = set(issues["source"].dropna())
    for name in ("c_empty.html", "d_garbage.html", "e_layout.html"):
        assert any(s.endswith(name) for s in sources), name
    assert "skipped" in result.output


def test_truncated_page_keeps_its_title_row(tmp_path):
    seed = SEED.read_text(encoding="utf-8")
    (tmp_path / "cut.txt").write_text(seed[:1500], encoding="utf-8")
    out = tmp_path / "corpus"
    extract(str(tmp_path / "cut.txt"), "--out", str(out))
    row = pd.read_parquet(out / "deliberations.parquet").iloc[0]
    assert (row["deliberation_id"], row["controller"], row["journal_number"]) == (
        "2021-81",
        "Commune de Monaco",
        8547,
    )
    assert row["conditional"] is None or pd.isna(row["conditional"])


def test_an_interrupted_run_leaves_the_previous_corpus(tmp_path, monkeypatch):
    out = tmp_path / "corpus"
    extract(str(SAMPLE), "--out", str(out))
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    calls = {"n": 0}
    real = work.read_extract

    def failing(doc, previous, times):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(doc, {}, times)  # no reuse: every page is extracted again

    monkeypatch.setattr(work, "read_extract", failing)
    result = runner.invoke(app, ["extract", str(SAMPLE), "--out", str(out)])
    assert result.exit_code != 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    check_contract(out)


def test_missing_source_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope"), "--out", str(tmp_path / "c")])
    assert result.exit_code == exits.BAD_INPUT
    assert "no such file" in result.output


@pytest.mark.parametrize("command", [[], ["extract"], ["version"]])
def test_every_command_has_help(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output
