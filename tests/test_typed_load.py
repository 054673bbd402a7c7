"""pandas users get the corpus's types: dates as dates, integers with nulls as integers,
lists as lists, through `pipeline.analysis.load` or `dtype_backend="pyarrow"`."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from models.schema import TABLES
from pipeline.analysis import load


@pytest.fixture(scope="module")
def with_null_page(demo_corpus, tmp_path_factory):
    """The demo corpus with a page number on the first deliberation only (the others have
    none, as often on the site)."""
    out = tmp_path_factory.mktemp("typed")
    for name in TABLES:
        source = demo_corpus / f"{name}.parquet"
        if source.exists():
            (out / source.name).write_bytes(source.read_bytes())
    table = pq.read_table(out / "deliberations.parquet")
    pages: list[int | None] = [None] * len(table)
    pages[0] = 12
    i = table.schema.get_field_index("page")
    table = table.set_column(i, table.schema.field(i), pa.array(pages, pa.int32()))
    pq.write_table(table, out / "deliberations.parquet")
    return out


def test_load_gives_every_table_typed(demo_corpus):
    tables = load(demo_corpus)
    assert set(tables) == set(TABLES)
    d = tables.deliberations
    assert len(d) == len(pq.read_table(demo_corpus / "deliberations.parquet"))
    years = d["adopted_on"].dt.year
    assert years.dropna().astype(int).tolist() == d["year"].dropna().astype(int).tolist()
    assert str(d["adopted_on"].dtype) == "date32[day][pyarrow]"
    assert d["adopted_on"].dt.month.between(1, 12).all()
    items = tables.data_categories["items"].explode().dropna()
    assert len(items) > 0
    assert all(isinstance(x, str) for x in items)
    assert "deliberations" in dir(tables)
    with pytest.raises(AttributeError, match="no table 'nope'"):
        _ = tables.nope


def test_integers_with_nulls_stay_integers(with_null_page):
    d = load(with_null_page, ["deliberations"])["deliberations"]
    assert pd.api.types.is_integer_dtype(d["page"].dtype)
    assert d["page"].isna().sum() == len(d) - 1
    assert d["page"].dropna().tolist() == [12]
    # pandas' default reading turns the same column into floats, which is why load exists
    assert pd.read_parquet(with_null_page / "deliberations.parquet")["page"].dtype == "float64"


def test_read_parquet_with_the_pyarrow_backend_keeps_the_types(with_null_page):
    d = pd.read_parquet(with_null_page / "deliberations.parquet", dtype_backend="pyarrow")
    assert d["adopted_on"].dt.year.notna().any()
    assert pd.api.types.is_integer_dtype(d["page"].dtype)
    # the file itself keeps the contract's types
    schema = pq.read_schema(with_null_page / "deliberations.parquet")
    assert schema.field("adopted_on").type == pa.date32()


def test_a_missing_table_loads_empty_with_its_types(tmp_path):
    tables = load(tmp_path, ["retention_rules"])
    rules = tables.retention_rules
    assert rules.empty
    assert list(rules.columns) == TABLES["retention_rules"].schema.names
    assert pd.api.types.is_float_dtype(rules["duration_months"].dtype)
