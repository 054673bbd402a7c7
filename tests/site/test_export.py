"""``ccin export --format sqlite``: every table in SQLite with full-text search, opened
through Datasette's own test client."""

from __future__ import annotations

import asyncio
import json
import sqlite3

import pytest
from typer.testing import CliRunner

from models.schema import TABLES
from pipeline.analysis.corpus import load
from pipeline.cli.main import app


@pytest.fixture(scope="module")
def database(linked_corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "corpus.db"
    result = CliRunner().invoke(
        app, ["export", "--format", "sqlite", str(out), "--corpus", str(linked_corpus)]
    )
    assert result.exit_code == 0, result.output
    return out


def test_every_table_and_row_is_exported(linked_corpus, database):
    con = sqlite3.connect(database)
    for name in TABLES:
        rows = con.execute(f"select count(*) from [{name}]").fetchone()[0]
        assert rows == len(load(name, linked_corpus)), name
    row = con.execute(
        "select data_subjects, adopted_on, conditional from deliberations "
        "where deliberation_id = '2021-81'"
    ).fetchone()
    assert json.loads(row[0])[0].startswith("fonctionnaires")
    assert row[1] == "2021-04-21"
    assert row[2] in (0, 1)
    # full-text search, accents folded: "donnees" finds "données"
    hits = con.execute(
        "select count(*) from sections_fts where sections_fts match 'donnees'"
    ).fetchone()[0]
    assert hits > 5
    con.close()


def test_unknown_format_is_refused(linked_corpus, tmp_path):
    result = CliRunner().invoke(app, ["export", "--format", "csv", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert "unknown format" in result.output


def test_datasette_serves_the_tables_with_facets_and_search(database):
    from datasette.app import Datasette

    metadata = json.loads(database.with_suffix(".metadata.json").read_text())

    async def browse():
        ds = Datasette([str(database)], metadata=metadata)
        tables = (await ds.client.get("/corpus.json")).json()["tables"]
        facets = (await ds.client.get("/corpus/deliberations.json?_extra=facet_results")).json()
        search = (await ds.client.get("/corpus/commission_actions.json?_search=passe")).json()
        rights = (await ds.client.get("/corpus/access_rights.json?_facet_array=permissions")).json()
        return tables, facets, search, rights

    tables, facets, search, rights = asyncio.run(browse())
    names = {t["name"]: t for t in tables}
    assert set(TABLES) <= set(names)
    assert names["sections"]["fts_table"] == "sections_fts"
    assert names["deliberations"]["count"] == 5
    results = facets["facet_results"]
    results = results.get("results", results)  # the shape differs between versions
    assert {"decision", "year", "authority"} <= set(results)
    assert search["rows"]
    assert all("passe" in json.dumps(r, ensure_ascii=False).lower() for r in search["rows"])
    assert rights["rows"]
