"""The dataset card (``README.md`` of a corpus), as Markdown with Hugging Face-compatible
YAML front matter (the folder can be pushed as a dataset as it is), from ``models/``, from
facts computed on the data (``card_facts``) and from the ``make quality`` report when there
is one (``pipeline.publish.accuracy``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import yaml

from models.docs import COLUMN_DOCS, COLUMN_ENUMS, LIST_ENUMS, TABLE_DOCS
from models.schema import CHILD_TABLES, SCHEMA_VERSION, TABLES
from pipeline.analysis.corpus import load, manifest
from pipeline.analysis.summary import (
    coverage,
    decision_counts,
    per_year_authority,
    row_counts,
    year_span,
)
from pipeline.publish.about import (
    AUTHORS,
    CODE_LICENCE,
    DATA_LICENCE,
    DATA_LICENCE_NAME,
    DATA_TERMS,
    DESCRIPTION,
    HOMEPAGE,
    ISSUES,
    PRETTY_NAME,
    SOURCE,
    TAGS,
    TITLE,
)
from pipeline.publish.accuracy import accuracy_lines

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
    "'deliberations with rows' column of the Coverage table above shows how far each table "
    "reaches.",
    "A label outside the contract's vocabularies is recorded as `other`, with an `issues` row "
    "(code `unknown_label`) naming it; null means the text does not say.",
    "Durations keep the printed unit (`P24M` is not rewritten `P2Y`); `duration_months`, "
    "`duration_min_months` and `duration_max_months` give them in months (a month is "
    "30.4375 days) to sort, average or plot.",
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


def card_facts(corpus_dir: Path) -> dict[str, Any]:
    """What the dataset card says of the data: counts, years, coverage, versions."""
    d = load("deliberations", corpus_dir)
    issues = load("issues", corpus_dir)
    info = manifest(corpus_dir)
    published = d["published_on"].dropna()
    return {
        "deliberations": len(d),
        "years": year_span(d),
        "per_year": per_year_authority(d) if len(d) else None,
        "decisions": decision_counts(d).to_dict(),
        "published": f"{min(published)} to {max(published)}" if len(published) else "unknown",
        "rows": row_counts(corpus_dir),
        "coverage": coverage(corpus_dir, d),
        "issues": issues["severity"].value_counts().to_dict(),
        "schema_version": info.get("schema_version", SCHEMA_VERSION),
        "extractor_version": info.get("extractor_version", "unknown"),
        "created_at": info.get("created_at", "unknown"),
        "origin": info.get("origin"),  # set when the corpus is not the real site's (the demo)
    }


def size_category(n: int) -> str:
    """The Hugging Face size category of ``n`` records (here: deliberations)."""
    for bound, label in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K")):
        if n < bound:
            return label
    return "100K<n<1M"


def front_matter(facts: dict[str, Any]) -> str:
    """The YAML metadata block data portals read (Hugging Face dataset card fields): the
    licence, language, size, tasks, and one ``configs`` entry per table's Parquet file."""
    meta: dict[str, Any] = {
        "pretty_name": PRETTY_NAME,
        "license": DATA_LICENCE,
        "license_name": DATA_LICENCE_NAME,
        "license_link": SOURCE["path"],
        "language": ["fr"],
        "multilinguality": ["monolingual"],
        "language_creators": ["found"],
        "annotations_creators": ["machine-generated"],
        "source_datasets": ["original"],
        "size_categories": [size_category(int(facts["deliberations"]))],
        "task_categories": ["text-classification", "token-classification"],
        "tags": list(TAGS),
        "configs": [
            {
                "config_name": name,
                "data_files": [{"split": "train", "path": f"{name}.parquet"}],
                **({"default": True} if name == "deliberations" else {}),
            }
            for name in TABLES
        ],
    }
    text = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{text}---"


def loading(folder: str = "data/corpus") -> list[str]:
    """How to read the tables with pandas, Polars, DuckDB and Hugging Face ``datasets``."""
    return [
        f"`{folder}` is where a clone of the code publishes the corpus: put the folder "
        "holding this file in its place.",
        "",
        "```python",
        "# pandas: keep the Parquet types (dates as dates, integers with nulls as integers)",
        "import pandas as pd",
        f'rules = pd.read_parquet("{folder}/retention_rules.parquet", dtype_backend="pyarrow")',
        "# or, in a clone of the code: every table typed, by name",
        "from pipeline.analysis import load",
        f'tables = load("{folder}")',
        "tables.deliberations.adopted_on.dt.year.value_counts()",
        "```",
        "",
        "```python",
        "# Polars",
        "import polars as pl",
        f'rules = pl.read_parquet("{folder}/retention_rules.parquet")',
        "```",
        "",
        "```sql",
        "-- DuckDB",
        "select d.year, r.set_by, count(*) as rules, median(r.duration_months) as months",
        f"from '{folder}/retention_rules.parquet' r",
        f"join '{folder}/deliberations.parquet' d using (deliberation_id)",
        "group by all order by all;",
        "```",
        "",
        "```python",
        "# Hugging Face datasets: one configuration per table (see the metadata above)",
        "from datasets import load_dataset",
        f'rules = load_dataset("{folder}", "retention_rules", split="train")',
        "```",
        "",
        'Without pandas\' `dtype_backend="pyarrow"`, pandas reads dates as `datetime.date` '
        "objects (no `.dt`) and integer columns with nulls (`page`) as floats.",
    ]


def bibtex(facts: dict[str, Any]) -> list[str]:
    """A complete BibTeX entry for this build of the corpus."""
    created = str(facts["created_at"])
    year = created[:4] if created[:4].isdigit() else "n.d."
    version = f"schema {facts['schema_version']}, extractor {facts['extractor_version']}"
    return [
        "```bibtex",
        "@misc{ccin_corpus,",
        f"  author       = {{{{{AUTHORS}}}}},",
        "  title        = {{ccin-corpus}: the deliberations of Monaco's data-protection "
        "authority ({CCIN}, then {APDP})},",
        f"  year         = {{{year}}},",
        f"  version      = {{{version}}},",
        "  howpublished = {Parquet corpus, extracted from the Journal de Monaco},",
        f"  url          = {{{HOMEPAGE}}},",
        f"  note         = {{Built {created}; source: {SOURCE['path']}}},",
        "}",
        "```",
    ]


def dataset_card(corpus_dir: Path, facts: dict[str, Any]) -> str:
    """The Markdown of ``corpus_dir/README.md``."""
    lines = [
        front_matter(facts),
        "",
        f"# {TITLE}",
        "",
        "*This file and `datapackage.json` are generated with the corpus "
        "(`pipeline/publish/card.py` and `datapackage.py`, from `models/`): do not edit them "
        "by hand.*",
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
        "## Loading",
        "",
        *loading(),
        "",
        "## Where from",
        "",
        *([f"**This corpus is {facts['origin']}.**", ""] if facts.get("origin") else []),
        f"The article pages of the {SOURCE['title']}, <{SOURCE['path']}>, one act per page. "
        "The text is normalised (Unicode NFC, no-break spaces and typographic apostrophes "
        "unified, whitespace collapsed), cut into its sections by their headings, and each "
        "section is read by its own extractor.",
        "",
        "## Coverage",
        "",
        *_coverage(facts),
        "",
        "## Accuracy",
        "",
        *accuracy_lines(corpus_dir),
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
        "## Licences",
        "",
        DATA_TERMS,
        "",
        f"Code: {CODE_LICENCE} licence, <{HOMEPAGE}>.",
        "",
        "## Authors and contact",
        "",
        f"Made by the {AUTHORS} (<{HOMEPAGE}>). Questions, errors in a row, a deliberation "
        f"missing: open an issue at <{ISSUES}>, with the `deliberation_id` and what "
        "`ccin show DELIBERATION_ID` prints.",
        "",
        "## How to cite",
        "",
        "Cite the corpus with its versions, and each deliberation by its number and its issue "
        "of the Journal de Monaco (`journal_number`, `published_on`, `url`):",
        "",
        *bibtex(facts),
    ]
    return "\n".join(lines)
