"""The ``refresh``, ``rebuild`` and ``mirror`` commands (``register(app)`` adds them)."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from scrapers.journal_de_monaco import SITE

DataDir = Annotated[
    Path,
    typer.Option(
        "--data-dir", help="Directory holding raw/ (the pages fetched), corpus/ and runs.jsonl."
    ),
]


def _logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(message)s",
        datefmt="%H:%M:%S",
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("stamina").setLevel(logging.ERROR)  # pipeline.http logs its retries


def refresh(
    base_url: Annotated[
        str,
        typer.Option(
            "--base-url",
            envvar="CCIN_BASE_URL",
            help="The site to read: the Journal de Monaco, or a copy of it (e.g. `ccin mirror`).",
        ),
    ] = SITE,
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
    from pipeline.http import ClientConfig
    from pipeline.refresh import EXIT_LOCKED, RefreshOptions
    from pipeline.refresh import refresh as run_refresh
    from pipeline.store import Locked

    _logging(verbose)
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
    from pipeline.refresh import rebuild as run_rebuild
    from pipeline.store import Locked, RunLock

    _logging(False)
    try:
        with RunLock(data_dir):
            summary = run_rebuild(data_dir, progress=progress and sys.stderr.isatty())
    except Locked as exc:
        typer.secho(f"error: {exc}", err=True, fg="red")
        raise typer.Exit(3) from exc
    typer.echo(summary.line())


def mirror(
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 (0: any free port).")] = 8765,
    sample: Annotated[
        Path, typer.Option(help="Directory of article pages (*.html) to serve.")
    ] = Path("data/sample"),
    faults: Annotated[
        list[str] | None,
        typer.Option(
            help="Faults to switch on, repeated or comma-separated: 500 (some pages fail "
            "once), 429 (with Retry-After), slow, truncate (bodies cut short), soft404 "
            "('Erreur 404' with status 200), layout (a changed page layout), offsite "
            "(a redirect off the site)."
        ),
    ] = None,
) -> None:
    """Serve a local copy of the Journal de Monaco on 127.0.0.1 until Ctrl-C.

    Built from the article pages in --sample (placed in their issue and year by their metadata) among generated acts that are not deliberations, with the site's paths, year listings, sommaires, French and English UI variants and search. Point `ccin refresh --base-url` at the URL it prints.
    """
    from pipeline.mirror import Mirror, build_site, preset_faults

    _logging(False)
    try:
        rules = preset_faults(faults or [])
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--faults") from exc
    try:
        server = Mirror(build_site(sample), port=port, faults=rules)
    except OSError as exc:
        typer.secho(f"error: cannot serve on 127.0.0.1:{port}: {exc}", err=True, fg="red")
        raise typer.Exit(1) from exc
    typer.echo(f"serving {len(server.site.issues)} issues on {server.base_url} (Ctrl-C to stop)")
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        typer.echo("stopped")


def demo(
    out: Annotated[
        Path, typer.Option("--out", help="Corpus directory to publish the result to.")
    ] = Path("data/corpus"),
    work_dir: Annotated[
        Path,
        typer.Option(help="Where the demo keeps its own raw store and run history."),
    ] = Path("data/demo"),
    sample: Annotated[
        Path, typer.Option(help="Directory of article pages (*.html) the local site is built from.")
    ] = Path("data/sample"),
) -> None:
    """Run the real refresh against a local copy of the site, then show the corpus.

    Serves a copy of the Journal de Monaco built from --sample on 127.0.0.1 (with a few 500s, a 429 with Retry-After and a body cut short switched on), runs `ccin refresh` against it twice (the second run finds nothing new), and publishes the corpus to --out. The demo's raw pages stay in --work-dir, apart from the nightly run's data/raw.
    """
    from pipeline.http import ClientConfig
    from pipeline.mirror import Mirror, build_site, preset_faults
    from pipeline.refresh import RefreshOptions
    from pipeline.refresh import rebuild as run_rebuild
    from pipeline.refresh import refresh as run_refresh

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    logging.getLogger("stamina").setLevel(logging.ERROR)  # the retries are the demo's point
    with Mirror(build_site(sample), faults=preset_faults(["500", "429", "truncate"])) as site:
        typer.echo(f"local copy of the site on {site.base_url}")
        for label in ("first run", "second run"):
            report = run_refresh(
                RefreshOptions(
                    data_dir=work_dir,
                    base_url=site.base_url,
                    client=ClientConfig(base_url=site.base_url, delay=0, backoff_initial=0.2),
                    progress=sys.stderr.isatty(),
                )
            )
            typer.echo(
                f"{label}: {report.requests} requests, {report.articles_fetched} articles fetched, "
                f"{report.failures} failures retried or left for the next run, "
                f"{report.new_deliberations} new deliberations"
            )
            if report.exit_code:
                typer.secho(f"error: {report.error or report.status}", err=True, fg="red")
                raise typer.Exit(report.exit_code)
    summary = run_rebuild(work_dir, out=out)
    typer.echo(summary.line())
    import duckdb

    duckdb.sql(
        f"select deliberation_id, adopted_on, decision, conditional, controller, journal_number "
        f"from read_parquet('{out}/deliberations.parquet') order by adopted_on"
    ).show()
    typer.echo(f"The corpus is in {out}/ (one Parquet file per table; see {out}/manifest.json).")


def register(app: typer.Typer) -> None:
    """Add ``refresh``, ``rebuild``, ``mirror`` and ``demo`` to the ``ccin`` command."""
    app.command()(refresh)
    app.command()(rebuild)
    app.command()(mirror)
    app.command()(demo)


def main() -> None:  # `python -m pipeline.refresh_cli …` until the lead wires it in
    app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
    register(app)
    app(prog_name=os.environ.get("CCIN_PROG", "ccin"))


if __name__ == "__main__":
    main()
