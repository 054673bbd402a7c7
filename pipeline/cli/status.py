"""The ``status`` command: what a data directory holds of the site, and what is left."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def status(
    data_dir: Annotated[
        Path, typer.Option("--data-dir", help="Directory holding raw/ and runs.jsonl.")
    ] = Path("data"),
    all_issues: Annotated[
        bool, typer.Option("--all", help="List every issue, complete ones included.")
    ] = False,
) -> None:
    """Show which years and issues are complete, pending or parked, and why.

    Read from the raw store's index alone (no network). An issue is complete when its sommaire and every candidate article on it were fetched; pending when the next run will fetch what is missing; parked when a page failed structurally too often (`ccin refresh --full` tries it again). The last run's outcome is shown first.
    """
    from pipeline.fetch.coverage import coverage

    cov = coverage(data_dir)
    run = cov.last_run
    if run is None:
        demo = data_dir / "demo" / "runs.jsonl"
        hint = f" (the demo's runs: ccin status --data-dir {demo.parent})" if demo.exists() else ""
        typer.echo(f"{data_dir}: no run yet{hint}")
    else:
        reason = f" — {run['reason']}" if run.get("reason") else ""
        typer.echo(
            f"last run {run.get('run_id')} started {run.get('started_at')}: "
            f"{run.get('status')} (exit {run.get('exit_code')}){reason}"
        )
    if not cov.years:
        typer.echo("no year listing read yet")
        return
    stretch = cov.complete_stretch()
    totals = {s: sum(y.count(s) for y in cov.years) for s in ("complete", "pending", "parked")}
    typer.echo(
        f"years {cov.years[-1].year}–{cov.years[0].year}: "
        + (f"complete from {stretch[0]} to {stretch[1]}; " if stretch else "")
        + f"issues: {totals['complete']} complete, {totals['pending']} pending, "
        f"{totals['parked']} parked"
    )
    for year in cov.years:
        line = (
            f"  {year.year}: listing {year.listing}; {year.count('complete')} complete, "
            f"{year.count('pending')} pending, {year.count('parked')} parked"
        )
        typer.echo(line)
        for issue in year.issues:
            if all_issues or issue.state != "complete":
                why = f": {issue.why}" if issue.why else ""
                typer.echo(f"    {issue.state:<8} {issue.url[:200]}{why}")
    for issue in cov.unlisted:
        if all_issues or issue.state != "complete":
            typer.echo(f"  (no listing) {issue.state:<8} {issue.url[:200]}: {issue.why}")


def register(app: typer.Typer) -> None:
    """Add ``status`` to the ``ccin`` command."""
    app.command()(status)
