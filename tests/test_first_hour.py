"""A newcomer's plausible mistakes, each answered by one clear line and nothing written:
`ccin demo` run elsewhere than the clone's root, `ccin rebuild` on a data directory that
holds no page, a notebook name that matches none, a corpus looked for in the wrong place."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pipeline import exits
from pipeline.build.corpus import RunSummary
from pipeline.cli.main import app
from pipeline.publish.notebooks import notebook_paths

runner = CliRunner()


def test_demo_outside_the_clone_says_where_the_sample_is_and_writes_nothing(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no data/sample here: the default is relative
    out, work = tmp_path / "data" / "corpus", tmp_path / "data" / "demo"
    result = runner.invoke(app, ["demo", "--out", str(out), "--work-dir", str(work)])
    assert result.exit_code == exits.BAD_INPUT, result.output
    assert f"{tmp_path / 'data' / 'sample'}" in result.output
    assert "root of the clone" in result.output
    assert not (tmp_path / "data").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("not a page")
    for command in (["demo", "--out", str(out), "--work-dir", str(work)], ["mirror", "--port", "0"]):
        result = runner.invoke(app, [*command, "--sample", str(empty)])
        assert result.exit_code == exits.BAD_INPUT, result.output
        assert "holds no article page" in result.output
    assert not (tmp_path / "data").exists()


def test_rebuild_without_pages_refuses_to_publish_an_empty_corpus(tmp_path: Path) -> None:
    data = tmp_path / "nowhere"
    result = runner.invoke(app, ["rebuild", "--data-dir", str(data)])
    assert result.exit_code == exits.BAD_INPUT, result.output
    assert "no page kept in" in result.output
    assert "ccin refresh" in result.output
    assert not data.exists()  # neither a corpus nor a lock file left behind


def test_status_of_an_empty_data_dir_points_at_the_demos(tmp_path: Path) -> None:
    result = runner.invoke(app, ["status", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0
    assert "no run yet" in result.output
    assert "demo" not in result.output
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "runs.jsonl").write_text(json.dumps({"run_id": "x"}) + "\n")
    result = runner.invoke(app, ["status", "--data-dir", str(tmp_path)])
    assert f"ccin status --data-dir {tmp_path / 'demo'}" in result.output


def test_notebooks_only_matching_nothing_lists_the_notebooks(tmp_path: Path) -> None:
    result = runner.invoke(app, ["notebooks", "--only", "09", "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "no notebook's name contains '09'" in result.output
    for path in notebook_paths():
        assert path.name in result.output
    assert not (tmp_path / "o").exists()


def test_a_missing_corpus_is_named_with_its_full_path(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CCIN_CORPUS", raising=False)
    result = runner.invoke(app, ["stats"])
    assert result.exit_code == 2
    assert f"({tmp_path / 'data' / 'corpus'})" in result.output
    assert "--corpus" in result.output


def test_the_summary_line_counts_in_good_english() -> None:
    one = RunSummary(documents=1, not_deliberations=1, issues=1).line()
    assert "1 other act," in one
    assert "1 issue " in one
    assert "1 document:" in one
    two = RunSummary(documents=2, not_deliberations=2, issues=2).line()
    assert "2 other acts," in two
    assert "2 issues " in two
