"""The test bed's commands: ``mirror`` (a local copy of the site) and ``demo``."""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.common import setup_logging


def _check_sample(sample: Path) -> None:
    """Exit 9 with a clear line when --sample holds no article page: the default is
    relative to the current directory, so ``ccin demo`` run elsewhere than the clone's
    root would otherwise serve a site with no deliberation and publish an empty corpus."""
    from pipeline import exits

    if sample.is_dir() and any(sample.glob("*.html")):
        return
    where = "does not exist" if not sample.exists() else "holds no article page (*.html)"
    typer.secho(
        f"error: the sample directory {sample} ({sample.resolve()}) {where}: run this "
        "from the root of the clone, or give --sample DIR",
        err=True,
        fg="red",
    )
    raise typer.Exit(exits.BAD_INPUT)


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
            "(a redirect off the site), maintenance (a maintenance page with status 200, "
            "and a redirect to the home page), challenge (a CDN's bot check in place of "
            "30 pages)."
        ),
    ] = None,
    hostile: Annotated[
        bool,
        typer.Option(
            "--hostile",
            help="Add trap pages: links to other hosts, javascript: and control characters, "
            "a 70,000-character slug, redirects to javascript:, pages that drip their bytes, "
            "a deliberation 100,000 divs deep.",
        ),
    ] = False,
) -> None:
    """Serve a local copy of the Journal de Monaco on 127.0.0.1 until Ctrl-C.

    Built from the article pages in --sample (placed in their issue and year by their metadata) among generated acts that are not deliberations, with the site's paths, year listings, sommaires, French and English UI variants and search. Point `ccin refresh --base-url` at the URL it prints.
    """
    from pipeline.testbed.hostile import make_hostile
    from pipeline.testbed.mirror import Mirror, build_site, preset_faults

    setup_logging(False)
    _check_sample(sample)
    try:
        rules = preset_faults(faults or [])
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--faults") from exc
    site = build_site(sample)
    if hostile:
        make_hostile(site)
        site.reveal()
    try:
        server = Mirror(site, port=port, faults=rules)
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

    Serves a copy of the Journal de Monaco built from --sample on 127.0.0.1 (with a few 500s, a 429 with Retry-After and a body cut short switched on), runs `ccin refresh` against it twice (the second run finds nothing new), and publishes the corpus to --out. Pages are fetched from the local copy and kept under their address on the real site (so the demo gives the same corpus every time); the corpus's manifest and card say it was built from the bundled sample. The demo's raw pages stay in --work-dir, apart from the nightly run's data/raw. A corpus in --out with more deliberations than the demo's is left in place (exit 7).
    """
    from pipeline import exits
    from pipeline.build.rebuild import rebuild as run_rebuild
    from pipeline.build.writer import CorpusShrinks
    from pipeline.fetch.client import ClientConfig
    from pipeline.plurals import counted
    from pipeline.refresh import refresh as run_refresh
    from pipeline.run import RefreshOptions
    from pipeline.store import Locked, RawStore
    from pipeline.testbed.mirror import Mirror, build_site, preset_faults
    from scrapers.journal_de_monaco import SITE

    _check_sample(sample)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    logging.getLogger("stamina").setLevel(logging.ERROR)  # the retries are the demo's point
    origin = (
        f"a demonstration: `ccin demo` fetched the bundled sample pages ({sample}) from a "
        "local copy of the site; their URLs are where the real site publishes them"
    )
    if any(not r.url.startswith(SITE) for r in RawStore(work_dir / "raw").records()):
        # pages kept by an older demo under the local copy's port: start its store afresh
        shutil.rmtree(work_dir / "raw", ignore_errors=True)
        (work_dir / "runs.jsonl").unlink(missing_ok=True)
    try:
        with Mirror(build_site(sample), faults=preset_faults(["500", "429", "truncate"])) as site:
            typer.echo(f"local copy of the site on {site.base_url}")
            for label in ("first run", "second run"):
                report = run_refresh(
                    RefreshOptions(
                        data_dir=work_dir,
                        base_url=site.base_url,
                        site_url=SITE,
                        client=ClientConfig(delay=0, backoff_initial=0.2),
                        progress=sys.stderr.isatty(),
                        origin=origin,
                    )
                )
                typer.echo(
                    f"{label}: {counted(report.requests, 'request')}, "
                    f"{counted(report.articles_fetched, 'article')} fetched, "
                    f"{counted(report.failures, 'failure')} retried or left for the next run, "
                    f"{counted(report.new_deliberations, 'new deliberation')}"
                )
                if report.exit_code:
                    typer.secho(f"error: {report.reason}", err=True, fg="red")
                    raise typer.Exit(report.exit_code)
        summary = run_rebuild(work_dir, out=out, origin=origin)
    except Locked as exc:
        typer.secho(f"error: {exc}", err=True, fg="red")
        raise typer.Exit(exits.LOCKED) from exc
    except CorpusShrinks as exc:
        typer.secho(f"error: {exc}", err=True, fg="red")
        raise typer.Exit(exits.SHRINK) from exc
    typer.echo(summary.line())
    import duckdb

    table = duckdb.sql(
        f"select deliberation_id, adopted_on, decision, conditional, controller, journal_number "
        f"from read_parquet('{out}/deliberations.parquet') order by adopted_on"
    )
    if table is not None:
        table.show()
    typer.echo(f"The corpus is in {out}/ (one Parquet file per table; see {out}/manifest.json).")


def register(app: typer.Typer) -> None:
    """Add ``mirror`` and ``demo`` to the ``ccin`` command."""
    app.command()(mirror)
    app.command()(demo)
