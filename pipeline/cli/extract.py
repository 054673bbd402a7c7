"""The ``extract`` command: local pages, text renderings and JSON Lines into a corpus."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

from models.records import Issue


def _count(files: list[Path]) -> int:
    total = 0
    for f in files:
        if f.suffix.lower() == ".jsonl":
            with f.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            total += 1
    return total


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
        Path, typer.Option("--out", "-o", help="Corpus directory to write (replaced atomically).")
    ] = Path("data/corpus"),
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
) -> None:
    """Extract deliberations from local pages and write every corpus table into OUT.

    Each table of the corpus contract is written as OUT/<table>.parquet (tables with no rows are written empty, with their schema), with OUT/manifest.json, and swapped in atomically.

    A page that cannot be read is recorded in the issues table and the run goes on: the exit code is 0 whenever the run completed, and non-zero only when it could not (2: a missing source; 1: OUT could not be written).
    """
    from pipeline.build.corpus import build_corpus
    from pipeline.build.inputs import SourceError, iter_sources, list_files

    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s"
    )
    try:
        files = list_files(sources)
    except SourceError as exc:
        typer.secho(f"error: {exc}", err=True, fg="red")
        raise typer.Exit(2) from exc
    read_issues: list[Issue] = []
    try:
        summary = build_corpus(
            iter_sources(files, read_issues),
            out,
            progress=progress,
            extra_issues=read_issues,
            total=_count(files),
            force=force,
        )
    except OSError as exc:
        typer.secho(f"error: could not write the corpus to {out}: {exc}", err=True, fg="red")
        raise typer.Exit(1) from exc
    typer.echo(summary.line())


def register(app: typer.Typer) -> None:
    """Add ``extract`` to the ``ccin`` command."""
    app.command()(extract)
