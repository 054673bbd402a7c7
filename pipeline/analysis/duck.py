"""DuckDB over the corpus: one view per table, named after it."""

from __future__ import annotations

from pathlib import Path

import duckdb

from models.schema import TABLES


def connect(corpus: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with a view per table of ``corpus``.

    A table whose file is missing is an empty view with the table's columns.
    """
    con = duckdb.connect(":memory:")
    for name, table in TABLES.items():
        path = corpus / f"{name}.parquet"
        if path.exists():
            quoted = str(path).replace("'", "''")
            con.execute(f"create view {name} as select * from read_parquet('{quoted}')")
        else:
            con.register(name, table.schema.empty_table())
    return con
