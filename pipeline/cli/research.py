"""The researchers' commands: ``query``, ``stats``, ``show`` and ``notebooks``.

``register(app)`` adds them to a Typer app (``pipeline.cli`` calls it). Output is made
with rich; nothing here changes the corpus.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from pipeline.analysis.paths import DEFAULT_CORPUS, ENV_VAR

if TYPE_CHECKING:
    from rich.text import Text

CorpusOption = Annotated[
    Path | None,
    typer.Option(
        "--corpus",
        "-c",
        help=f"Corpus directory (default: ${ENV_VAR}, else {DEFAULT_CORPUS}).",
        show_default=False,
    ),
]

#: other names `ccin show -t` accepts for a table (a unique prefix or word of a name works too)
TABLE_ALIASES = {
    "durations": "retention_rules",
    "links": "interconnections",
    "features": "functionalities",
    "actions": "commission_actions",
    "categories": "data_categories",
}
#: columns given in months beside the ISO duration they come from
MONTHS_OF = {
    "duration": "duration_months",
    "duration_min": "duration_min_months",
    "duration_max": "duration_max_months",
}
#: columns `ccin show` prints for each fact table (besides the source sentence)
FACT_COLUMNS: dict[str, tuple[str, ...]] = {
    "functionalities": ("actor", "text"),
    "data_categories": ("subject", "category", "category_norm", "items"),
    "access_rights": ("role", "permissions", "restriction"),
    "recipients": ("recipient",),
    "interconnections": ("link_type", "target_purpose", "target_status"),
    "retention_rules": (
        "data_scope",
        "action",
        "duration",
        "duration_min",
        "duration_max",
        "trigger",
        "until",
        "rolling",
        "set_by",
    ),
    "commission_actions": ("verb", "text"),
    "citations": ("instrument", "number", "date"),
    "entities": ("section_kind", "label", "text"),
}
HEADER_FIELDS = (
    "title",
    "authority",
    "adopted_on",
    "decision",
    "conditional",
    "modification",
    "controller",
    "representative",
    "operator",
    "purpose",
    "purpose_requested",
    "purpose_modified",
    "system_name",
    "legal_bases",
    "data_subjects",
    "request_filed_on",
    "journal_number",
    "published_on",
    "page",
    "url",
    "source",
)


def _resolved(path: Path) -> str:
    """`` (/abs/path)`` for a relative path: says where it was looked for."""
    return "" if path.is_absolute() else f" ({path.resolve()})"


def _corpus(corpus: Path | None) -> Path:
    from pipeline.analysis.paths import corpus_dir

    path = corpus_dir(corpus)
    if not (path / "deliberations.parquet").exists():
        typer.secho(
            f"error: no corpus in {path}{_resolved(path)} (build one with `make demo` or "
            "`ccin extract`, or name one with --corpus DIR or CCIN_CORPUS)",
            err=True,
            fg="red",
        )
        raise typer.Exit(2)
    return path


def query(
    sql: Annotated[str, typer.Argument(help="The SQL (DuckDB dialect), in quotes.")],
    corpus: CorpusOption = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Write the result to this file instead (.csv or .parquet)."
        ),
    ] = None,
    max_rows: Annotated[int, typer.Option("--max-rows", "-n", help="Rows to print at most.")] = 50,
) -> None:
    """Run SQL over the corpus: every table is a view named after it.

    Example: ccin query "select decision, count(*) from deliberations group by 1".
    List columns (data_subjects, items, permissions …) are DuckDB lists: use unnest().
    With --out the result is written as CSV or Parquet (by the file's extension). Null
    prints as a dim null, an empty string as "", an empty list as []; a result too wide
    for the terminal prints one row at a time.
    """
    import duckdb

    from pipeline.analysis.duck import connect
    from pipeline.cli import render
    from pipeline.plurals import counted

    path = _corpus(corpus)
    if out is not None and out.suffix.lower() not in (".csv", ".parquet"):
        typer.secho("error: --out must end in .csv or .parquet", err=True, fg="red")
        raise typer.Exit(2)
    con = connect(path)
    try:
        relation = con.sql(sql.strip().rstrip(";"))
        if relation is None:
            typer.echo("done (the statement returns no rows)")
            return
        if out is not None:
            out.parent.mkdir(parents=True, exist_ok=True)
            if out.suffix.lower() == ".csv":
                relation.write_csv(str(out))
            else:
                relation.write_parquet(str(out))
            typer.echo(f"wrote {counted(len(relation), 'row')} to {out}")
            return
        columns = relation.columns
        numeric = [render.is_number(str(t)) for t in relation.types]
        rows = relation.limit(max_rows + 1).fetchall()
    except duckdb.Error as exc:
        typer.secho(f"error: {exc}", err=True, fg="red")
        raise typer.Exit(1) from exc
    console = render.console()
    console.print(render.result(columns, rows[:max_rows], numeric, console.width))
    if len(rows) > max_rows:
        console.print("[dim]… more rows: raise --max-rows or write them with --out[/dim]")


def stats(corpus: CorpusOption = None) -> None:
    """Print a summary of the corpus: versions, rows per table, coverage of each fact
    table, deliberations per year and authority, decisions, and issues."""
    from rich.panel import Panel
    from rich.table import Table

    from pipeline.analysis.summary import corpus_stats
    from pipeline.cli import render
    from pipeline.plurals import counted

    path = _corpus(corpus)
    s = corpus_stats(path)
    console = render.console()
    console.print(
        Panel.fit(
            f"[bold]{path}[/bold]\nschema {s['schema_version']} · extractor "
            f"{s['extractor_version']} · built {s['created_at']}\n"
            f"{counted(s['deliberations'], 'deliberation')}, {s['years']}",
            title="ccin corpus",
        )
    )
    t = Table("table", title="Tables")
    t.add_column("rows", justify="right")
    t.add_column("deliberations with rows", justify="right")
    for name, rows, covered in s["tables"]:
        t.add_row(name, f"{rows:,}", covered)
    console.print(t)
    for title, frame in s["frames"].items():
        if frame.empty:
            console.print(f"[dim]{title}: no data[/dim]")
            continue
        t = Table(*(str(c) for c in frame.columns), title=title)
        for row in frame.itertuples(index=False):
            t.add_row(*(render.cell(v) for v in row))
        console.print(t)


def fact_table(name: str) -> str | None:
    """The fact table ``name`` designates: its own name, an alias (``TABLE_ALIASES``), or
    the one table whose name, or a word of it, starts with ``name`` (``retention``,
    ``access``, ``rights``); None when none or several do."""
    key = name.strip().lower().replace("-", "_")
    if key in FACT_COLUMNS:
        return key
    if key in TABLE_ALIASES:
        return TABLE_ALIASES[key]
    found = [
        t for t in FACT_COLUMNS if t.startswith(key) or any(w.startswith(key) for w in t.split("_"))
    ]
    return found[0] if len(found) == 1 else None


def show(
    deliberation_id: Annotated[str, typer.Argument(help="The deliberation, e.g. 2021-81.")],
    corpus: CorpusOption = None,
    table: Annotated[
        list[str] | None,
        typer.Option(
            "--table",
            "-t",
            help="Only these fact tables (repeatable; a short name such as `retention` works).",
        ),
    ] = None,
    entities: Annotated[
        bool, typer.Option("--entities", help="Also list the named entities.")
    ] = False,
) -> None:
    """Print a deliberation and each of its facts beside its source sentence.

    The sentence is cut from the document text (rebuilt from the sections) around the
    fact's start/end offsets, the fact's own words in bold, and the list's intro line
    above it when the fact is a list item: check any number against the text. Null
    fields are left out; an empty string prints as "", an empty list as [].
    """
    wanted: list[str] = []
    for name in table or ():
        found = fact_table(name)
        if found is None:
            typer.secho(
                f"error: no fact table {name!r}; the fact tables are: {', '.join(FACT_COLUMNS)}",
                err=True,
                fg="red",
            )
            raise typer.Exit(2)
        wanted.append(found)

    from rich.panel import Panel
    from rich.table import Table

    from pipeline.analysis.corpus import load
    from pipeline.analysis.provenance import FACT_TABLES, document_text, with_sources
    from pipeline.cli import render
    from pipeline.plurals import counted

    path = _corpus(corpus)
    deliberations = load("deliberations", path)
    row = deliberations[deliberations["deliberation_id"] == deliberation_id]
    if row.empty:
        typer.secho(
            f"error: no deliberation {deliberation_id!r} in {path} "
            '(list them: ccin query "select deliberation_id, title from deliberations")',
            err=True,
            fg="red",
        )
        raise typer.Exit(1)
    d = row.iloc[0]
    console = render.console()
    header = Table.grid(padding=(0, 2))
    header.add_column(style="bold", no_wrap=True)
    header.add_column(overflow="fold")
    for name in HEADER_FIELDS:
        value = d.get(name)
        if not render.is_null(value):
            header.add_row(name, render.cell(value))
    console.print(Panel(header, title=f"deliberation {deliberation_id}"))
    sections = load("sections", path)
    sections = sections[sections["deliberation_id"] == deliberation_id]
    console.print("sections: " + ", ".join(sections["kind"].astype(str)))
    text = document_text(d.get("title"), sections)
    shown = [t for t in FACT_TABLES if (entities or t != "entities")]
    if wanted:
        shown = [t for t in FACT_TABLES if t in wanted]
    for name in shown:
        facts = load(name, path)
        facts = facts[facts["deliberation_id"] == deliberation_id]
        if facts.empty:
            console.print(f"[dim]{name}: no rows[/dim]")
            continue
        facts = with_sources(facts.sort_values("position"), text)
        t = Table(title=f"{name} ({counted(len(facts), 'row')})", show_lines=True, expand=True)
        t.add_column("#", justify="right")
        t.add_column("fact", ratio=2, overflow="fold")
        t.add_column("source sentence", ratio=3, overflow="fold")
        for fact in facts.to_dict("records"):
            t.add_row(str(fact.get("position", "")), _fact(name, fact), _sentence(fact))
        console.print(t)


def _fact(table: str, fact: dict[str, Any]) -> Text:
    """The fields of one fact, one a line (nulls and false flags left out)."""
    from rich.text import Text

    from pipeline.cli import render

    lines = []
    for column in FACT_COLUMNS[table]:
        value = fact.get(column)
        if render.is_null(value) or value is False:
            continue
        line = Text.assemble((f"{column}: ", "dim"), render.cell(value))
        if column in MONTHS_OF and not render.is_null(fact.get(MONTHS_OF[column])):
            line.append(f" ({render.months(fact[MONTHS_OF[column]])})", style="dim")
        lines.append(line)
    return Text("\n").join(lines)


def _sentence(fact: dict[str, Any]) -> Text:
    from rich.text import Text

    source = fact.get("source")
    if source is None:
        raw = fact.get("raw")
        return Text(f"(no offsets) {raw}" if isinstance(raw, str) else "(no offsets)", style="dim")
    out = Text()
    if source.intro:
        out.append(source.intro + "\n", style="dim")
    s = source.sentence
    out.append(s[: source.start])
    out.append(s[source.start : source.end], style="bold")
    out.append(s[source.end :])
    return out


def notebooks(
    corpus: CorpusOption = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Where the executed notebooks and PNGs go (default: the clone's "
            "notebooks/output, wherever ccin is run from).",
        ),
    ] = None,
    only: Annotated[
        list[str] | None,
        typer.Option("--only", help="Run only the notebooks whose name contains this."),
    ] = None,
) -> None:
    """Execute the notebooks (notebooks/NN-topic.py) on the corpus.

    Writes OUT/<notebook>.ipynb (executed, with outputs) and OUT/<notebook>/<figure>.png.
    Exits 1 when a notebook raises (its partly executed copy is still written).
    """
    from pipeline.publish.notebooks import DEFAULT_OUT, notebook_paths, run_notebooks

    names = [p.name for p in notebook_paths()]
    if only and not any(o in n for o in only for n in names):
        typer.secho(
            f"error: no notebook's name contains {' or '.join(map(repr, only))}; "
            f"the notebooks: {', '.join(names)}",
            err=True,
            fg="red",
        )
        raise typer.Exit(2)
    results = run_notebooks(_corpus(corpus), out or DEFAULT_OUT, only=only)
    failed = 0
    for r in results:
        if r.error is None:
            typer.echo(
                f"ok      {r.notebook.name} → {r.output} ({len(r.figures)} figures, "
                f"{r.seconds:.1f} s)"
            )
        else:
            failed += 1
            typer.secho(f"FAILED  {r.notebook.name}: {r.error}", err=True, fg="red")
    if failed or not results:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add query, stats, show and notebooks to ``app``."""
    for command in (query, stats, show, notebooks):
        app.command()(command)
