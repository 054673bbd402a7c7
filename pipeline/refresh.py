"""The nightly refresh: the hand-off between fetching and building.

It walks the site (``pipeline.fetch.walk``: every year listing, every issue not complete,
the newest sommaires again), then rebuilds the corpus from the raw store
(``pipeline.build.rebuild``). A page failing structurally (404, soft 404, unreadable
layout, a bad link) a few times in a row is parked and reported in ``issues``; an outage
of the site (down, DNS failure, robots.txt unreachable) stops the run, parks nothing and
publishes nothing. ``--max-runtime`` stops the walk in time and publishes what it has. A
new corpus with fewer deliberations than the one in place is not published unless
``allow_shrink``. One JSON line per run goes to ``DATA/runs.jsonl`` when it starts and one
when it ends; the exit code (``pipeline.exits``) tells cron what happened, and
``RunReport.reason`` says it in one line.
"""

from __future__ import annotations

import logging
import time
import traceback
import uuid
from dataclasses import asdict, replace
from datetime import UTC, datetime
from pathlib import Path

from pipeline import exits
from pipeline.build.rebuild import rebuild
from pipeline.build.writer import CorpusShrinks
from pipeline.fetch.client import SiteClient, SiteDown
from pipeline.fetch.walk import Refused, Walk
from pipeline.run import DEFAULT_SINCE, RefreshOptions, RunReport
from pipeline.store import (
    RawStore,
    RunLock,
    append_history,
    close_killed_runs,
    dry_spell,
    page_states,
    read_history,
)

log = logging.getLogger("ccin.refresh")

def _corpus_ids(corpus: Path) -> set[str]:
    path = corpus / "deliberations.parquet"
    if not path.exists():
        return set()
    import pyarrow.parquet as pq

    try:
        return set(pq.read_table(path, columns=["deliberation_id"]).column(0).to_pylist())
    except Exception:  # an unreadable old corpus: everything counts as new
        return set()


def _set(report: RunReport, status: str, code: int, reason: str) -> None:
    report.status, report.exit_code, report.reason = status, code, reason


def refresh(opts: RefreshOptions) -> RunReport:
    """One nightly run (takes the lock; raises ``Locked`` if another run holds it)."""
    data_dir = Path(opts.data_dir)
    site = (opts.site_url or opts.base_url).rstrip("/")
    since = opts.since if opts.since is not None else DEFAULT_SINCE
    started, t0 = datetime.now(UTC), time.monotonic()
    report = RunReport(
        run_id=uuid.uuid4().hex[:12],
        started_at=started.isoformat(timespec="seconds"),
        base_url=site,
        since=since,
        full=opts.full,
        limit=opts.limit,
    )
    with RunLock(data_dir):
        for run_id in close_killed_runs(data_dir):
            report.warnings.append(f"run {run_id} was killed before it ended")
        history = [r for r in read_history(data_dir) if r.get("base_url") == site]
        append_history(data_dir, {**asdict(report), "status": "running", "exit_code": None})
        client: SiteClient | None = None
        try:
            RawStore(data_dir / "raw").clean()
            config = replace(opts.client, base_url=opts.base_url, site_url=opts.site_url)
            with SiteClient(config) as client:
                if opts.max_runtime is not None:
                    client.stop_at = time.monotonic() + opts.max_runtime
                run = Walk(opts, report, client)
                run.walk()
            report.stopped = run.stopped
            if report.walk_complete:
                report.covered_since = since
            _publish(opts, report, run, history, started)
        except SiteDown as exc:
            _set(report, "site-down", exits.SITE_DOWN, f"site unreachable: {exc.reason}")
        except Refused as exc:
            _set(report, "refused", exits.REFUSED, str(exc))
        except Exception as exc:
            log.error("refresh crashed:\n%s", traceback.format_exc())
            report.error = f"{type(exc).__name__}: {exc}"
            _set(report, "crashed", exits.CRASH, f"the run crashed: {report.error}")
        finally:
            if client is not None:
                report.requests = client.requests
            if not report.published:  # nothing published: the corpus is the one before
                report.deliberations = len(_corpus_ids(data_dir / "corpus"))
            states = page_states(RawStore(data_dir / "raw").records())
            report.parked = sum(1 for s in states.values() if s.parked and not s.last.ok)
            report.pending = sum(1 for s in states.values() if not s.last.ok and not s.parked)
            report.duration_s = round(time.monotonic() - t0, 3)
            append_history(data_dir, asdict(report))
    return report


def _publish(
    opts: RefreshOptions, report: RunReport, run: Walk, history: list[dict], started: datetime
) -> None:
    """Rebuild the corpus from the raw store and set the run's outcome."""
    data_dir = Path(opts.data_dir)
    before = _corpus_ids(data_dir / "corpus")
    try:
        summary = rebuild(
            data_dir,
            progress=opts.progress,
            allow_shrink=opts.allow_shrink,
            origin=opts.origin,
        )
    except CorpusShrinks as exc:
        report.deliberations = exc.previous
        _set(report, "shrink", exits.SHRINK, str(exc))
        return
    report.published = True
    report.deliberations = summary.deliberations
    new = sorted(set(summary.ids) - before)
    report.new_deliberations, report.new_ids = len(new), new[:500]
    if run.listings_read == 0:
        _set(report, "failing", exits.FAILING, "no year listing could be read")
    elif run.attempted and report.failures > run.attempted / 2:
        reason = f"{report.failures} of {run.attempted} pages failed"
        _set(report, "failing", exits.FAILING, reason)
        report.warnings.append(reason)
    elif run.articles_tried >= 3 and run.articles_failed > run.articles_tried / 2:
        reason = (
            f"{run.articles_failed} of the {run.articles_tried} article pages tried could not "
            "be had (retried next run)"
        )
        _set(report, "failing", exits.FAILING, reason)
        report.warnings.append(reason)
    elif run.stopped == "max-runtime":
        reason = "--max-runtime reached: the rest of the walk is pending"
        _set(report, "partial", exits.PARTIAL, reason)
    stale = None if report.new_deliberations else dry_spell(history, started)
    if stale and report.exit_code == exits.OK:
        _set(report, "stale", exits.STALE, stale)
    if stale:
        report.warnings.append(stale)
