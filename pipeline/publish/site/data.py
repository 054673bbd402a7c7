"""The corpus as the reading room needs it: rows as plain dicts, grouped by deliberation,
and the links between deliberations (citations, modifications) in both directions."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from models.schema import TABLES
from pipeline.publish.site.facts import FACT_TABLES

Row = dict[str, Any]


def rows(name: str, corpus: Path) -> list[Row]:
    """Every row of a table as a dict (Python values: dates, lists, None), ordered by
    deliberation and position; columns of the schema that the file lacks are None."""
    path = corpus / f"{name}.parquet"
    if not path.exists():
        return []
    table = pq.read_table(path)
    for f in TABLES[name].schema:
        if f.name not in table.column_names:
            table = table.append_column(f, pa.nulls(len(table), f.type))
    if "position" in table.column_names:
        table = table.sort_by([("deliberation_id", "ascending"), ("position", "ascending")])
    return table.to_pylist()


def _grouped(items: list[Row]) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = defaultdict(list)
    for row in items:
        out[row["deliberation_id"]].append(row)
    return out


@dataclass
class SiteData:
    deliberations: list[Row]  # newest first
    by_id: dict[str, Row]
    section_rows: dict[str, list[Row]]
    facts: dict[str, dict[str, list[Row]]]  # table → deliberation → rows
    cited_by: dict[str, list[str]] = field(default_factory=dict)
    modified_by: dict[str, list[str]] = field(default_factory=dict)

    def has(self, deliberation_id: object) -> bool:
        return isinstance(deliberation_id, str) and deliberation_id in self.by_id


def load_site_data(corpus: Path) -> SiteData:
    deliberations = rows("deliberations", corpus)
    deliberations.sort(
        key=lambda d: (d.get("adopted_on") or pd.Timestamp.min.date(), d.get("seq") or 0),
        reverse=True,
    )
    data = SiteData(
        deliberations=deliberations,
        by_id={d["deliberation_id"]: d for d in deliberations},
        section_rows=_grouped(rows("sections", corpus)),
        facts={t.name: _grouped(rows(t.name, corpus)) for t in FACT_TABLES},
    )
    cited_by: dict[str, set[str]] = defaultdict(set)
    for citing, cites in data.facts["citations"].items():
        for c in cites:
            if data.has(c.get("cited_id")) and c["cited_id"] != citing:
                cited_by[c["cited_id"]].add(citing)
    modified_by: dict[str, set[str]] = defaultdict(set)
    for d in deliberations:
        for m in d.get("modifies") or ():
            if data.has(m):
                modified_by[m].add(d["deliberation_id"])
    order = {d["deliberation_id"]: i for i, d in enumerate(deliberations)}
    data.cited_by = {k: sorted(v, key=order.__getitem__) for k, v in cited_by.items()}
    data.modified_by = {k: sorted(v, key=order.__getitem__) for k, v in modified_by.items()}
    return data
