"""The dataset card (``README.md`` of a corpus), as Markdown, from ``models/`` and from
facts computed on the data (``pipeline.publish.datapackage.card_facts``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa

from models.docs import COLUMN_DOCS, COLUMN_ENUMS, LIST_ENUMS, TABLE_DOCS
from models.schema import CHILD_TABLES, TABLES
from pipeline.publish.datapackage import DESCRIPTION, HOMEPAGE, SOURCE, TITLE

LIMITS = (
    "Every value is extracted automatically, by rules, from the published text; nothing is "
    "checked by hand. Each fact keeps the offsets of its source passage (`start`/`end` into "
    "the normalised text), and `ccin show DELIBERATION_ID` prints it beside its sentence: "
    "check the numbers you rely on.",
    "Coverage is what the Journal de Monaco publishes and what was collected: deliberations "
    "that were not published, or pages that could not be read, are missing. A page that "
    "could not be read, or that is not a deliberation, has a row in `issues`; look there "
    "before reading a gap in the years as a fact about the Commission.",
    "Older issues are digitised: the site's `ocr_quality` score is below 100% for some of "
    "them, and OCR errors can break a heading, a date or a number.",
    "Section facts depend on the section being recognised from its heading; a deliberation "
    "without a given section (no interconnection, an older layout) has no rows for it. The "
    "'deliberations with rows' column of the tables below shows how far each table reaches.",
    "A label outside the contract's vocabularies is recorded as `other`, with an `issues` row "
    "(code `unknown_label`) naming it; null means the text does not say.",
    "Durations keep the printed unit (`P24M` is not rewritten `P2Y`); convert with care "
    "(`pipeline.analysis.retention.iso_months`).",
    "Named entities come from a small statistical model (fr_core_news_sm) and patterns; they "
    "are indicative.",
    "Text values keep the document's wording (spelling variants such as \"Ministre d'Etat\" / "
    '"Ministre d\'État" are not merged).',
)


def _table(header: list[str], rows: list[list[Any]]) -> str:
    def esc(v: Any) -> str:
        return str(v).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(esc(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _coverage(facts: dict[str, Any]) -> list[str]:
    n = facts["deliberations"]
    out = [
        f"- **{n:,} deliberations**, years {facts['years']}, published {facts['published']}.",
        "- Decisions: "
        + (", ".join(f"{k} {v:,}" for k, v in facts["decisions"].items()) or "none")
        + ".",
        "- Issues recorded: "
        + (", ".join(f"{k} {v:,}" for k, v in facts["issues"].items()) or "none")
        + ".",
        f"- Schema version {facts['schema_version']}, extractor version "
        f"{facts['extractor_version']}, built {facts['created_at']}.",
        "",
    ]
    rows = []
    for name in TABLES:
        covered = facts["coverage"].get(name)
        share = "" if covered is None else f"{covered:,}" + (f" ({covered / n:.0%})" if n else "")
        rows.append([f"`{name}`", f"{facts['rows'][name]:,}", share])
    out.append(_table(["table", "rows", "deliberations with rows"], rows))
    per_year = facts["per_year"]
    if per_year is not None and len(per_year):
        out += ["", "Deliberations per year and authority:", ""]
        authorities = [str(c) for c in per_year.columns]
        out.append(
            _table(
                ["year", *authorities],
                [[int(y), *(int(v) for v in row)] for y, row in per_year.iterrows()],
            )
        )
    return out


def _type_name(t: pa.DataType) -> str:
    if pa.types.is_list(t):
        return f"list<{_type_name(t.value_type)}>"
    if pa.types.is_date(t):
        return "date"
    if pa.types.is_floating(t):
        return "float64"
    return str(t)


def _columns(name: str) -> list[str]:
    rows = []
    for f in TABLES[name].schema:
        doc = COLUMN_DOCS[name][f.name]
        values = COLUMN_ENUMS.get((name, f.name)) or LIST_ENUMS.get((name, f.name)) or ()
        if values and not all(f"`{v}`" in doc for v in values):
            doc += " Values: " + ", ".join(f"`{v}`" for v in values) + "."
        type_ = _type_name(f.type) + ("" if f.nullable else ", never null")
        rows.append([f"`{f.name}`", type_, doc])
    return [_table(["column", "type", "description"], rows)]


def dataset_card(corpus_dir: Path, facts: dict[str, Any]) -> str:
    """The Markdown of ``corpus_dir/README.md``."""
    lines = [
        f"# {TITLE}",
        "",
        "*This file and `datapackage.json` are generated with the corpus "
        "(`pipeline/datapackage.py`, from `models/`): do not edit them by hand.*",
        "",
        "## What",
        "",
        DESCRIPTION,
        "",
        "One Parquet file per table (zstd); `manifest.json` gives row counts and checksums; "
        "`datapackage.json` describes every table for Frictionless tools. Every table has "
        "`deliberation_id`; every child table has `position`, the 0-based order of the row "
        "in its deliberation. Check the files against the package with "
        "`python -m pipeline.publish.datapackage DIR` (the generic `frictionless validate` reads "
        "Parquet through pandas and reports list columns and null integers as type errors).",
        "",
        "## Where from",
        "",
        f"The article pages of the {SOURCE['title']}, <{SOURCE['path']}>, one act per page. "
        "The text is normalised (Unicode NFC, no-break spaces and typographic apostrophes "
        "unified, whitespace collapsed), cut into its sections by their headings, and each "
        "section is read by its own extractor. Code and issue tracker: "
        f"<{HOMEPAGE}>.",
        "",
        "## Coverage",
        "",
        *_coverage(facts),
        "",
        "## Tables and columns",
        "",
        f"Parent table `deliberations`; the child tables ({', '.join(CHILD_TABLES)}) refer to "
        "it by `deliberation_id`; `issues` may have a null `deliberation_id`.",
    ]
    for name in TABLES:
        lines += ["", f"### `{name}`", "", TABLE_DOCS[name], "", *_columns(name)]
    lines += [
        "",
        "## Known limits",
        "",
        *(f"- {limit}" for limit in LIMITS),
        "",
        "## Licence of the source",
        "",
        "The deliberations are official acts of the CCIN/APDP, published in the Journal de "
        "Monaco by the Government of the Principality of Monaco; the site's pages read "
        '"Tous droits réservés Monaco". This corpus reproduces their text, with extracted '
        "facts, for research; it grants no licence on the texts themselves: check the "
        "publisher's terms before redistributing them. The code that builds the corpus is "
        "under the MIT licence.",
        "",
        "## How to cite",
        "",
        "Cite the corpus with its versions, and each deliberation by its number and its issue "
        "of the Journal de Monaco (`journal_number`, `published_on`, `url`):",
        "",
        "```bibtex",
        "@misc{ccin_corpus,",
        "  title  = {ccin-corpus: the deliberations of Monaco's data-protection authority "
        "(CCIN, then APDP)},",
        f"  note   = {{schema {facts['schema_version']}, extractor "
        f"{facts['extractor_version']}, built {facts['created_at']}}},",
        f"  url    = {{{HOMEPAGE}}},",
        "}",
        "```",
    ]
    return "\n".join(lines)
