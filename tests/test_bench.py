"""``ccin bench``: the generated corpus, and a small run that writes its report (no timings checked)."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from pipeline.build.corpus import process
from pipeline.build.inputs import InputDocument
from pipeline.cli.bench import register
from pipeline.testbed import bench_corpus
from tests.conftest import SAMPLE


def test_generated_pages_are_distinct_deliberations():
    templates = bench_corpus.load_templates(SAMPLE)
    pages = [bench_corpus.page(templates, i) for i in range(12)]
    assert len({p.name for p in pages}) == 12
    assert bench_corpus.page(templates, 3).html == pages[3].html  # deterministic
    ids = set()
    for p in pages:
        result = process(InputDocument(p.name, p.html.encode(), "html"))
        assert result.deliberation is not None, [i.message for i in result.issues]
        assert f"deliberation-{result.deliberation.deliberation_id}.html" == p.name
        assert len(result.children["sections"]) >= 8
        ids.add(result.deliberation.deliberation_id)
    assert len(ids) == 12


def test_shared_sentence_share():
    a = "Vu la Constitution du pays. Le chat dort sur le tapis. Le chien aboie très fort."
    b = "Vu la Constitution du pays. Un oiseau chante le matin. La pluie tombe sans cesse."
    assert bench_corpus.shared_sentence_share([a, b]) == pytest.approx(1 / 3)
    assert bench_corpus.shared_sentence_share([a]) == 0.0


@pytest.mark.model
def test_bench_runs_on_a_few_documents_and_writes_its_report(tmp_path):
    out = tmp_path / "latest.json"
    app = typer.Typer()
    register(app)

    @app.command()
    def other() -> None:  # a second command, so that "bench" is a subcommand
        pass

    result = CliRunner().invoke(
        app,
        ["bench", "--docs", "20", "--naive-docs", "2", "--workers", "1", "--out", str(out)]
        + ["--profile", "6"],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    for key in (
        "docs",
        "cold_seconds",
        "warm_seconds",
        "naive_docs_per_second",
        "cold_docs_per_second",
        "speedup_vs_naive",
        "peak_rss_mb",
        "shared_sentence_share",
        "site_seconds",
    ):
        assert report[key] is not None, key
    assert report["docs"] == 20
    assert report["warm"]["ner"]["units_run"] == 0
    assert report["unchanged"]["reused"] == 20
    assert set(report["cold"]["stages_seconds"]) == {
        "read",
        "parse",
        "split",
        "rules",
        "ner",
        "write",
    }
    assert 0 <= report["agreement"]["f1"] <= 1
    # the profile of the per-document work, in text and html
    assert report["profile"]["docs"] == 6
    assert "read_extract" in (tmp_path / "profile.txt").read_text()
    assert (tmp_path / "profile.html").stat().st_size > 1000
