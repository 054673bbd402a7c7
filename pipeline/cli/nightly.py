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
            help="Oldest year to walk (default: 2009). Every run reads every listing down to "
            "it (an unchanged one answers 304) and does every issue not complete yet."
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
    deadline: Annotated[
        float,
        typer.Option(help="Seconds a request may take in all, however slowly the server sends."),
    ] = 120.0,
    retry_budget: Annotated[
        float,
        typer.Option(help="Seconds the whole run may wait before retries (Retry-After included)."),
    ] = 900.0,
    max_runtime: Annotated[
        float,
        typer.Option(
            help="Seconds after which the walk stops, publishes what it has and leaves the "
            "rest pending for the next run (exit 8)."
        ),
    ] = 5 * 3600.0,
    allow_shrink: Annotated[
        bool,
        typer.Option(
            "--allow-shrink",
            help="Publish the new corpus even if it has fewer deliberations than the one "
            "in place (refused by default: exit 7).",
        ),
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log every request.")] = False,
) -> None:
    """Fetch what is new on the site into DATA/raw/, then rebuild DATA/corpus/ from it.

    Reads every year listing /Journaux/{YYYY} from this year down to --since (an unchanged one answers 304), does every issue not complete yet (its sommaire, every article whose title reads as a CCIN/APDP deliberation or names the authority), reads the newest sommaires again, keeps every page byte for byte in DATA/raw/, and rebuilds the corpus atomically. Failed pages are retried on the next run; pages failing structurally 3 times in a row are parked (an `issues` row). When the site is down, robots.txt cannot be read or the host name does not resolve, the run stops, parks nothing and leaves the corpus as it was. `ccin status` shows what is complete, pending and parked. One line per run is appended to DATA/runs.jsonl when it starts and when it ends.

    Exit codes (for cron), with the reason on one line: 0 done; 1 crashed; 2 most pages failed, or no listing could be read; 3 another run holds the lock; 4 no new deliberation for far longer than usual; 5 the site is unreachable; 6 robots.txt forbids the walk; 7 the corpus would shrink (not published); 8 --max-runtime reached (published what it had).
    """
    from pipeline import exits
    from pipeline.fetch.client import ClientConfig
    from pipeline.refresh import refresh as run_refresh
    from pipeline.run import RefreshOptions
    from pipeline.store import Locked
    from scrapers.journal_de_monaco import SITE

    base_url = base_url or SITE
    progress = sys.stderr.isatty()
    setup_logging(verbose, quiet=progress)
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
            deadline=deadline,
            attempts=attempts,
            backoff_initial=backoff,
            retry_budget=retry_budget,
        ),
        progress=progress,
        max_runtime=max_runtime,
        allow_shrink=allow_shrink,
    )
    try:
        report = run_refresh(opts)
    except Locked as exc:
        typer.secho(f"error: {exc}", err=True, fg="red")
        raise typer.Exit(exits.LOCKED) from exc
    typer.echo(
        f"{report.status}: {report.requests} requests, {report.pages_fetched} pages kept "
        f"({report.articles_fetched} articles), {report.failures} failures, "
        f"{report.pending} pending, {report.parked} parked; {report.new_deliberations} new "
        f"deliberations, {report.deliberations} in the corpus"
        + ("" if report.published else " (kept as it was)")
        + f" ({report.duration_s:.1f} s)"
    )
    for warning in report.warnings:
        typer.secho(f"warning: {warning}", err=True, fg="yellow")
    if report.pending or report.parked:
        typer.echo(f"`ccin status --data-dir {data_dir}` lists what is pending and parked, and why")
    if report.exit_code:
        typer.secho(f"error: {report.reason}", err=True, fg="red")
        raise typer.Exit(report.exit_code)


def rebuild(
    data_dir: DataDir = Path("data"),
    progress: Annotated[bool, typer.Option(help="Show a progress bar (on a terminal).")] = True,
    allow_shrink: Annotated[
        bool,
        typer.Option(
            "--allow-shrink",
            help="Publish even if the corpus would have fewer deliberations than the one in "
            "place (refused by default: exit 7).",
        ),
    ] = False,
) -> None:
    """Rebuild DATA/corpus/ from the pages kept in DATA/raw/, with no network access.

    Re-extracts every article page of the raw store (the latest good copy of each canonical URL) with the current extractors and swaps the new corpus in atomically. Pages whose last fetch failed appear in the `issues` table as in `refresh`. Exit codes: 0 done; 3 another run holds the lock; 7 the corpus would shrink (not published); 9 DATA/raw/ holds no page (nothing is written).
    """
    from pipeline import exits
    from pipeline.build.rebuild import rebuild as run_rebuild
    from pipeline.build.writer import CorpusShrinks
    from pipeline.store import Locked, RawStore, RunLock

    setup_logging(False)
    if next(RawStore(data_dir / "raw").records(), None) is None:
        # a wrong --data-dir, or `ccin rebuild` right after `make demo`: nothing to build
        # from, and an empty corpus is never what was meant
        typer.secho(
            f"error: no page kept in {data_dir / 'raw'} ({data_dir.resolve() / 'raw'}): "
            f"nothing to rebuild from; `ccin refresh --data-dir {data_dir}` fetches the pages "
            "(the demo keeps its own in data/demo: `make demo` rebuilds its corpus)",
            err=True,
            fg="red",
        )
        raise typer.Exit(exits.BAD_INPUT)
    try:
        with RunLock(data_dir):
            summary = run_rebuild(
                data_dir, progress=progress and sys.stderr.isatty(), allow_shrink=allow_shrink
            )
    except Locked as exc:
        typer.secho(f"error: {exc}", err=True, fg="red")
        raise typer.Exit(exits.LOCKED) from exc
    except CorpusShrinks as exc:
        typer.secho(f"error: {exc}", err=True, fg="red")
        raise typer.Exit(exits.SHRINK) from exc
    typer.echo(summary.line())


def register(app: typer.Typer) -> None:
    """Add ``refresh`` and ``rebuild`` to the ``ccin`` command."""
    app.command()(refresh)
    app.command()(rebuild)
