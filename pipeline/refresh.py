"""The nightly refresh: the hand-off between fetching and building.

It walks the site (``pipeline.fetch.walk``), then rebuilds the corpus from the raw store
(``pipeline.build.rebuild``).

A run walks the year listings from the current year down to ``since`` (newest issues
first). Once a past run has walked that whole range, the walk stops at the first issue
already complete (its sommaire and every candidate article fetched), so a night with
nothing new costs a few listing requests. Issues left incomplete by earlier runs are
retried; a page failing structurally (404, soft 404, unreadable layout) a few times in a
row is parked and reported in ``issues``. The corpus is then rebuilt from every article
page in the raw store (``rebuild`` does only that, offline). One JSON line per run goes to
``DATA/runs.jsonl``; the exit code tells cron when something is wrong.
"""

from __future__ import annotations

import logging
import time
import traceback
import uuid
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from pipeline.build.rebuild import rebuild
from pipeline.fetch.client import ClientConfig, SiteClient
from pipeline.fetch.walk import Walk
from pipeline.store import (
    RunLock,
    append_history,
    dry_spell,
    read_history,
)
from scrapers.journal_de_monaco import (
    SITE,
)

log = logging.getLogger("ccin.refresh")

DEFAULT_SINCE = 2009
EXIT_OK, EXIT_CRASH, EXIT_FAILING, EXIT_LOCKED, EXIT_STALE = 0, 1, 2, 3, 4


@dataclass(frozen=True, slots=True)
class RefreshOptions:
    data_dir: Path = Path("data")
    base_url: str = SITE
    since: int | None = None
    full: bool = False
    limit: int | None = None
    client: ClientConfig = field(default_factory=ClientConfig)
    this_year: int | None = None
    progress: bool = False


@dataclass(slots=True)
class RunReport:
    run_id: str
    started_at: str
    base_url: str
    since: int
    full: bool
    limit: int | None
    status: str = "ok"  # ok, failing, stale, crashed
    exit_code: int = EXIT_OK
    requests: int = 0
    pages_fetched: int = 0
    articles_fetched: int = 0
    failures: int = 0
    parked: int = 0
    new_deliberations: int = 0
    new_ids: list[str] = field(default_factory=list)
    deliberations: int = 0
    walk_complete: bool = False
    covered_since: int | None = None
    duration_s: float = 0.0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


def _corpus_ids(corpus: Path) -> set[str]:
    path = corpus / "deliberations.parquet"
    if not path.exists():
        return set()
    import pyarrow.parquet as pq

    try:
        return set(pq.read_table(path, columns=["deliberation_id"]).column(0).to_pylist())
    except Exception:  # an unreadable old corpus: everything counts as new
        return set()


def refresh(opts: RefreshOptions) -> RunReport:
    """One nightly run (takes the lock; raises ``Locked`` if another run holds it)."""
    data_dir = Path(opts.data_dir)
    history = [r for r in read_history(data_dir) if r.get("base_url") == opts.base_url.rstrip("/")]
    since = opts.since if opts.since is not None else DEFAULT_SINCE
    started, t0 = datetime.now(UTC), time.monotonic()
    report = RunReport(
        run_id=uuid.uuid4().hex[:12],
        started_at=started.isoformat(timespec="seconds"),
        base_url=opts.base_url.rstrip("/"),
        since=since,
        full=opts.full,
        limit=opts.limit,
    )
    with RunLock(data_dir):
        try:
            covered = any(
                r.get("covered_since") is not None and r["covered_since"] <= since for r in history
            )
            with SiteClient(replace(opts.client, base_url=opts.base_url)) as client:
                run = Walk(opts, report, client)
                run.walk(covered and not opts.full)
                run.retry_pending()
                report.requests = client.requests
            if run.limit_hit:
                report.walk_complete = False
            if report.walk_complete:
                report.covered_since = since
            before = _corpus_ids(data_dir / "corpus")
            summary = rebuild(data_dir, progress=opts.progress)
            report.deliberations = summary.deliberations
            new = sorted(set(summary.ids) - before)
            report.new_deliberations, report.new_ids = len(new), new[:500]
            report.parked = sum(1 for s in run.states.values() if s.parked and not s.last.ok)
            if run.attempted >= 3 and report.failures > run.attempted / 2:
                report.status, report.exit_code = "failing", EXIT_FAILING
                report.warnings.append(f"{report.failures} of {run.attempted} pages failed")
            stale = None if report.new_deliberations else dry_spell(history, started)
            if stale and report.exit_code == EXIT_OK:
                report.status, report.exit_code = "stale", EXIT_STALE
            if stale:
                report.warnings.append(stale)
        except Exception as exc:
            log.error("refresh crashed:\n%s", traceback.format_exc())
            report.status, report.exit_code = "crashed", EXIT_CRASH
            report.error = f"{type(exc).__name__}: {exc}"
        finally:
            report.duration_s = round(time.monotonic() - t0, 3)
            append_history(data_dir, asdict(report))
    return report
