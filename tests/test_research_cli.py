"""`ccin query`, `stats`, `show` and `notebooks` on the demo corpus (and an empty one)."""

from __future__ import annotations

import re

import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from pipeline.analysis.corpus import load
from pipeline.analysis.provenance import document_text, source_of
from pipeline.cli import research
from pipeline.cli.research import register
from tests.research_fixtures import build_demo, build_empty

runner = CliRunner()
COMMANDS = ("query", "stats", "show", "notebooks")
WIDE = {"COLUMNS": "1000"}  # rich tables on one line each, so phrases can be searched


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build_demo(tmp_path_factory.mktemp("research"))


@pytest.fixture(scope="module")
def empty(tmp_path_factory):
    return build_empty(tmp_path_factory.mktemp("research-empty"))


def run(app, *args: str, code: int = 0):
    result = runner.invoke(app, list(args), env=WIDE)
    assert result.exit_code == code, result.output
    return result.output


def test_every_command_is_registered_with_its_help(app):
    names = {c.name or c.callback.__name__ for c in app.registered_commands}
    assert names == set(COMMANDS)
    for name in COMMANDS:
        text = run(app, name, "--help")
        assert "--corpus" in text
        doc = next(
            c.callback.__doc__ for c in app.registered_commands if c.callback.__name__ == name
        )
        assert len(doc.split()) > 12, f"{name} needs a real help text"


def test_query_prints_a_table(app, corpus):
    out = run(
        app,
        "query",
        "select decision, count(*) as n from deliberations group by 1",
        "--corpus",
        str(corpus),
    )
    assert re.search(r"avis_favorable\s*│\s*4", out)


def test_query_sees_every_table_as_a_view_even_empty_ones(app, corpus, empty):
    out = run(app, "query", "select count(*) as n from entities", "--corpus", str(empty))
    assert re.search(r"│\s*0\s*│", out)
    out = run(
        app,
        "query",
        "select count(*) as rules from retention_rules r "
        "join deliberations d using (deliberation_id) where d.year >= 2021",
        "--corpus",
        str(corpus),
    )
    assert str(len(load("retention_rules", corpus))) in out


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_query_writes_csv_and_parquet(app, corpus, tmp_path, suffix):
    target = tmp_path / f"out{suffix}"
    out = run(
        app,
        "query",
        "select deliberation_id, data_subjects from deliberations order by 1",
        "--corpus",
        str(corpus),
        "--out",
        str(target),
    )
    assert "wrote 4 rows" in out
    frame = pd.read_csv(target) if suffix == ".csv" else pd.read_parquet(target)
    assert frame["deliberation_id"].tolist() == ["2021-81", "2022-62", "2024-165", "2024-9"]


def test_query_errors_are_reported_not_raised(app, corpus, tmp_path):
    result = runner.invoke(
        app, ["query", "select nope from deliberations", "--corpus", str(corpus)]
    )
    assert result.exit_code == 1
    assert "nope" in result.output
    result = runner.invoke(app, ["query", "select 1", "--corpus", str(corpus), "--out", "x.txt"])
    assert result.exit_code == 2
    result = runner.invoke(app, ["query", "select 1", "--corpus", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "no corpus" in result.output


def test_query_caps_the_printed_rows(app, corpus):
    out = run(app, "query", "select * from sections", "--corpus", str(corpus), "-n", "3")
    assert "more rows" in out


def test_stats(app, corpus, empty):
    out = run(app, "stats", "--corpus", str(corpus))
    assert "4 deliberations, 2021–2024" in out
    for table in ("deliberations", "retention_rules", "issues"):
        assert table in out
    assert "avis_favorable" in out
    assert "0 deliberations" in run(app, "stats", "--corpus", str(empty))


def test_show_prints_each_retention_rule_beside_its_sentence(app, corpus):
    out = run(app, "show", "2021-81", "--corpus", str(corpus))
    assert "Gestion de la messagerie électronique professionnelle Exchange" in out
    rules = load("retention_rules", corpus)
    rules = rules[rules["deliberation_id"] == "2021-81"]
    assert len(rules), "the demo corpus has retention rules for 2021-81"
    d = load("deliberations", corpus).set_index("deliberation_id")
    sections = load("sections", corpus)
    text = document_text(
        d.loc["2021-81", "title"], sections[sections["deliberation_id"] == "2021-81"]
    )
    flat = " ".join(out.split())
    for r in rules.itertuples():
        source = source_of(text, r.start, r.end)
        assert source is not None
        assert text[r.start : r.end] in source.sentence  # the sentence holds the fact
        assert " ".join(source.sentence.split())[:60] in flat
        if isinstance(r.duration, str):
            months = f"{r.duration_months:g} month" + ("" if r.duration_months == 1 else "s")
            assert f"duration: {r.duration} ({months})" in out


def test_show_one_table_and_unknown_ids(app, corpus):
    out = run(app, "show", "2024-9", "--corpus", str(corpus), "--table", "commission_actions")
    assert "commission_actions" in out
    assert "retention_rules" not in out
    result = runner.invoke(app, ["show", "1999-1", "--corpus", str(corpus)])
    assert result.exit_code == 1
    assert "no deliberation '1999-1'" in result.output
    result = runner.invoke(app, ["show", "2024-9", "--corpus", str(corpus), "-t", "nope"])
    assert result.exit_code == 2
    assert "no fact table 'nope'" in result.output
    assert "retention_rules, commission_actions" in " ".join(result.output.split())


@pytest.mark.parametrize(
    ("short", "table"),
    [
        ("retention", "retention_rules"),
        ("actions", "commission_actions"),
        ("access", "access_rights"),
        ("rights", "access_rights"),
        ("categories", "data_categories"),
        ("links", "interconnections"),
        ("Retention_Rules", "retention_rules"),
    ],
)
def test_show_accepts_short_table_names(short, table):
    assert research.fact_table(short) == table


def test_show_refuses_an_ambiguous_short_name():
    assert research.fact_table("c") is None  # citations, data_categories, commission_actions


def test_show_with_a_short_name(app, corpus):
    out = run(app, "show", "2024-9", "--corpus", str(corpus), "-t", "retention")
    assert "retention_rules (" in out
    assert "commission_actions" not in out


def test_query_tells_null_empty_string_and_empty_list_apart(app, corpus):
    sql = "select null as a, '' as b, []::varchar[] as c, ['x', 'y'] as d, 1 as n"
    out = run(app, "query", sql, "--corpus", str(corpus))
    row = next(line for line in out.splitlines() if "null" in line)
    assert [c.strip() for c in row.strip("│ ").split("│")] == ["null", '""', "[]", "· x", "1"]
    assert "· y" in out  # the second item on its own line


def test_a_wide_result_prints_record_by_record_at_80_columns(app, corpus):
    result = runner.invoke(
        app,
        ["query", "select * from deliberations", "--corpus", str(corpus)],
        env={"COLUMNS": "80"},
    )
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert sum("╭─ row" in line for line in lines) == 4
    title = load("deliberations", corpus)["title"].iloc[0]
    assert " ".join(title.split()[:6]) in " ".join(result.output.split())  # words not sliced


def test_notebooks_command_runs_the_chosen_notebooks(app, empty, tmp_path):
    out = run(app, "notebooks", "--corpus", str(empty), "--out", str(tmp_path), "--only", "01-")
    assert out.startswith("ok      01-overview.py")
    assert (tmp_path / "01-overview.ipynb").exists()
    assert len(list((tmp_path / "01-overview").glob("*.png"))) == 5


def test_show_knows_the_fact_tables_the_provenance_knows():
    from pipeline.analysis.provenance import FACT_TABLES

    assert tuple(research.FACT_COLUMNS) == FACT_TABLES
    assert set(research.TABLE_ALIASES.values()) <= set(FACT_TABLES)
