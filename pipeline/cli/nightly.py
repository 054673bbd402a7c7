"""The nightly run's commands, ``refresh`` and ``rebuild`` (``register(app)`` adds them)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.common import setup_logging

DataDir = Annotated[
    Path,
    typer.Option(
        "--data-dir", help="Directory holding raw/ (the pages fetched), corpus/ and runs.jsonl."
    ),
]


def refresh(
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            envvar="CCIN_BASE_URL",
            help="The site to read: the Journal de Monaco, or a copy of it (e.g. `ccin mirror`).",
            show_default="the Journal de Monaco",
        ),
    ] = None,
    data_dir: DataDir = Path("data"),
    since: Annotated[
        int | None,
        typer.Option(
            help="Oldest year to walk. Default: 2009 on the first run; later runs stop at "
            "the first issue already complete."
        ),
    ] = None,
    delay: Annotated[
        float, typer.Option(help="Seconds to wait between two requests (be polite).")
    ] = 1.0,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            help="Re-walk every year and issue and re-fetch every page (unchanged listings "
            "answer 304), parked pages included.",
        ),
    ] = False,
    limit: Annotated[
        int | None,
        typer.Option(help="Stop after fetching this many article pages (smoke runs)."),
    ] = None,
    timeout: Annotated[float, typer.Option(help="Seconds before a request times out.")] = 30.0,
    attempts: Annotated[
        int, typer.Option(help="Tries per page within a run (429, 5xx, timeouts, cut bodies).")
    ] = 4,
    backoff: Annotated[
        float, typer.Option(help="First wait before a retry, in seconds (then doubled).")
    ] = 2.0,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log every request.")] = False,
) -> None:
    """Fetch what is new on the site into DATA/raw/, then rebuild DATA/corpus/ from it.

    Walks the year listings /Journaux/{YYYY} from this year down to --since and the issue sommaires, fetches every article whose title reads as a CCIN/APDP deliberation (or names the authority), keeps every page byte for byte in DATA/raw/, and rebuilds the corpus atomically. Failed pages are retried on the next run; pages failing structurally 3 times in a row are parked (an `issues` row). One line per run is appended to DATA/runs.jsonl.

    Exit codes (for cron): 0 done; 1 the run crashed; 2 most pages failed; 3 another run holds the lock; 4 no new deliberation for far longer than usual.
    """
    from pipeline.fetch.client import ClientConfig
    from pipeline.refresh import EXIT_LOCKED, RefreshOptions
    from pipeline.refresh import refresh as run_refresh
    from pipeline.store import Locked
    from scrapers.journal_de_monaco import SITE

    base_url = base_url or SITE
    setup_logging(verbose)
    opts = RefreshOptions(
        data_dir=data_dir,
        base_url=base_url,
        since=since,
        full=full,
        limit=limit,
        client=ClientConfig(
            base_url=base_url,
            delay=delay,
            timeout=timeout,
            attempts=attempts,
            backoff_initial=backoff,
        ),
        progress=sys.stderr.isatty(),
    )
    try:
        report = run_refresh(opts)
    except Locked as exc:
        typer.secho(f"error: {exc}", err=True, fg="red")
        raise typer.Exit(EXIT_LOCKED) from exc
    typer.echo(
        f"{report.status}: {report.requests} requests, {report.pages_fetched} pages kept "
        f"({report.articles_fetched} articles), {report.failures} failures, "
        f"{report.parked} parked; {report.new_deliberations} new deliberations, "
        f"{report.deliberations} in the corpus ({report.duration_s:.1f} s)"
    )
    for warning in report.warnings:
        typer.secho(f"warning: {warning}", err=True, fg="yellow")
    if report.error:
        typer.secho(f"error: {report.error}", err=True, fg="red")
    if report.exit_code:
        raise typer.Exit(report.exit_code)


def rebuild(
    data_dir: DataDir = Path("data"),
    progress: Annotated[bool, typer.Option(help="Show a progress bar (on a terminal).")] = True,
) -> None:
    """Rebuild DATA/corpus/ from the pages kept in DATA/raw/, with no network access.

    Re-extracts every article page of the raw store (the latest good copy of each canonical URL) with the current extractors and swaps the new corpus in atomically. Pages whose last fetch failed appear in the `issues` table as in `refresh`.
    """
    from pipeline.build.rebuild import rebuild as run_rebuild
    from pipeline.store import Locked, RunLock

    setup_logging(False)
    try:
        with RunLock(data_dir):
            summary = run_rebuild(data_dir, progress=progress and sys.stderr.isatty())
    except Locked as exc:
        typer.secho(f"error: {exc}", err=True, fg="red")
        raise typer.Exit(3) from exc
    typer.echo(summary.line())


def register(app: typer.Typer) -> None:
    """Add ``refresh`` and ``rebuild`` to the ``ccin`` command."""
    app.command()(refresh)
    app.command()(rebuild)
