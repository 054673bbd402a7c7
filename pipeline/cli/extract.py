"""The ``extract`` command: local pages, text renderings and JSON Lines into a corpus."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

from models.records import Issue


def extract(
    sources: Annotated[
        list[Path],
        typer.Argument(
            help="Article pages (.html/.htm), text renderings (.txt), JSON Lines files (.jsonl, one "
            "object per line with 'url' and 'html' or 'text') or directories (read recursively).",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="Corpus directory to write (replaced atomically). Required: there is no "
            "default, so that an extract never replaces the nightly or demo corpus "
            "(data/corpus) by accident.",
            show_default=False,
        ),
    ],
    progress: Annotated[
        bool, typer.Option(help="Show a progress bar (on a terminal only).")
    ] = True,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log each problem as it is met.")
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Extract every page again, even those unchanged since the corpus in OUT "
            "(same text, extractor version and NER model: their rows are reused by default).",
        ),
    ] = False,
    allow_shrink: Annotated[
        bool,
        typer.Option(
            "--allow-shrink",
            help="Replace a corpus in OUT that has more deliberations than the new one "
            "(refused by default: exit 7).",
        ),
    ] = False,
) -> None:
    """Extract deliberations from local pages and write every corpus table into OUT.

    Each table of the corpus contract is written as OUT/<table>.parquet (tables with no rows are written empty, with their schema), with OUT/manifest.json, and swapped in atomically.

    A page that cannot be read is recorded in the issues table and the run goes on (`-v` logs each problem as it is met): the exit code is 0 whenever the run completed, and non-zero only when it could not, with the reason on one line (9: a missing source; 1: OUT could not be written; 3: another run writes to OUT's directory; 7: OUT holds a corpus with more deliberations).
    """
    from pipeline import exits
    from pipeline.build.corpus import build_corpus
    from pipeline.build.inputs import SourceError, count_documents, iter_sources, list_files
    from pipeline.build.writer import CorpusShrinks
    from pipeline.store import Locked

    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s"
    )
    read_issues: list[Issue] = []
    try:
        files = list_files(sources, read_issues)
    except SourceError as exc:
        typer.secho(f"error: {exc}", err=True, fg="red")
        raise typer.Exit(exits.BAD_INPUT) from exc
    try:
        summary = build_corpus(
            iter_sources(files, read_issues),
            out,
            progress=progress,
            extra_issues=read_issues,
            total=count_documents(files),
            force=force,
            allow_shrink=allow_shrink,
        )
    except Locked as exc:
        typer.secho(f"error: {exc}", err=True, fg="red")
        raise typer.Exit(exits.LOCKED) from exc
    except CorpusShrinks as exc:
        typer.secho(f"error: {exc}", err=True, fg="red")
        raise typer.Exit(exits.SHRINK) from exc
    except OSError as exc:
        typer.secho(f"error: could not write the corpus to {out}: {exc}", err=True, fg="red")
        raise typer.Exit(exits.CRASH) from exc
    typer.echo(summary.line())
    if summary.issues:
        typer.echo(
            f"{summary.issues} problems are in the issues table: "
            f"ccin query \"select severity, code, count(*) from issues group by all\" "
            f"--corpus {out}"
        )


def register(app: typer.Typer) -> None:
    """Add ``extract`` to the ``ccin`` command."""
    app.command()(extract)
