"""The reading room's commands: ``site`` (the static site, optionally previewed) and
``export`` (the corpus as one SQLite database, for Datasette).

``register(app)`` adds them to the Typer app; heavy imports happen inside the commands so
that ``ccin --help`` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline.analysis.paths import DEFAULT_CORPUS, ENV_VAR

CorpusOption = Annotated[
    Path | None,
    typer.Option(
        "--corpus",
        "-c",
        help=f"Corpus directory (default: ${ENV_VAR}, else {DEFAULT_CORPUS}).",
        show_default=False,
    ),
]
DEFAULT_SITE = Path("data/site")


def site(
    corpus: CorpusOption = None,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Where the site goes (a link to its version).")
    ] = DEFAULT_SITE,
    serve: Annotated[
        bool, typer.Option("--serve", help="Then preview it on 127.0.0.1 until Ctrl-C.")
    ] = False,
    port: Annotated[
        int, typer.Option("--port", "-p", help="Port of the preview (0: any free port).")
    ] = 8000,
    search: Annotated[
        bool, typer.Option("--search/--no-search", help="Build the full-text search index.")
    ] = True,
) -> None:
    """Build the reading room: a static site of the corpus, one page per deliberation.

    Writes OUT/index.html (every deliberation, filterable and sortable), OUT/d/{id}.html
    (the text as published with every extracted fact marked, the facts beside it, and the
    links between deliberations), OUT/search.html (full-text search, Pagefind) and
    OUT/doctrine/ (the Commission's actions, retention periods, controllers). The site is
    swapped in atomically. With --serve it is then served on http://127.0.0.1:PORT/.
    """
    from pipeline.analysis.paths import corpus_dir
    from pipeline.publish.site.build import SiteError, build_site

    path = corpus_dir(corpus)
    try:
        summary = build_site(path, out, search=search)
    except SiteError as exc:
        typer.secho(f"error: {exc}", err=True, fg="red")
        raise typer.Exit(2) from exc
    name, size = summary.largest_page
    typer.echo(
        f"wrote {summary.pages} pages ({summary.deliberations} deliberations) to {out} in "
        f"{summary.seconds:.1f} s (the search index ready {summary.search_seconds:.1f} s after "
        "the pages); "
        f"largest page {name}, {size / 1024:.0f} KiB"
    )
    if serve:
        from pipeline.publish.site.serve import make_server

        server = make_server(out, port)
        host, bound = str(server.server_address[0]), int(server.server_address[1])
        typer.echo(f"serving {out} on http://{host}:{bound}/ (Ctrl-C to stop)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()


def export(
    out: Annotated[Path, typer.Argument(help="The database file to write, e.g. corpus.db.")],
    corpus: CorpusOption = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="Output format (only sqlite for now).")
    ] = "sqlite",
) -> None:
    """Export the corpus into one SQLite database, for Datasette and SQL tools.

    Every table becomes a SQLite table (list columns as JSON arrays, dates as ISO text),
    with primary and foreign keys and full-text search on the text columns; a Datasette
    metadata file (OUT.metadata.json: descriptions and facets) is written beside it.
    Browse it with: datasette OUT.db -m OUT.metadata.json
    """
    from pipeline.analysis.paths import corpus_dir
    from pipeline.publish.sqlite import export_sqlite

    if fmt != "sqlite":
        typer.secho(f"error: unknown format {fmt!r} (only sqlite)", err=True, fg="red")
        raise typer.Exit(2)
    path = corpus_dir(corpus)
    if not (path / "deliberations.parquet").exists():
        typer.secho(f"error: no corpus in {path}", err=True, fg="red")
        raise typer.Exit(2)
    counts = export_sqlite(path, out)
    typer.echo(
        f"wrote {sum(counts.values()):,} rows in {len(counts)} tables to {out} "
        f"(datasette {out} -m {out.with_suffix('.metadata.json')})"
    )


def register(app: typer.Typer) -> None:
    """Add site and export to ``app``."""
    app.command()(site)
    app.command()(export)
