"""What a nightly run is given (``RefreshOptions``) and what it reports (``RunReport``).

Shared by the hand-off (``pipeline.refresh``), which fills the report, and the walk of the
site (``pipeline.fetch.walk``), which counts its pages in it; one JSON line of the report
goes to ``DATA/runs.jsonl`` per run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline import exits
from pipeline.fetch.client import ClientConfig
from scrapers.journal_de_monaco import SITE

DEFAULT_SINCE = 2009
DEFAULT_MAX_RUNTIME = 5 * 3600.0


@dataclass(frozen=True, slots=True)
class RefreshOptions:
    data_dir: Path = Path("data")
    base_url: str = SITE  # where to fetch from
    site_url: str | None = None  # whose pages they are, when base_url is a copy (the demo)
    since: int | None = None
    full: bool = False
    limit: int | None = None
    client: ClientConfig = field(default_factory=ClientConfig)
    this_year: int | None = None
    progress: bool = False
    max_runtime: float | None = DEFAULT_MAX_RUNTIME  # seconds for the walk
    allow_shrink: bool = False
    origin: str | None = None  # said in the corpus's manifest (the demo says it is one)


@dataclass(slots=True)
class RunReport:
    run_id: str
    started_at: str
    base_url: str
    since: int
    full: bool
    limit: int | None
    status: str = "ok"  # ok, failing, stale, site-down, refused, shrink, partial, crashed
    exit_code: int = exits.OK
    reason: str | None = None  # one line: why the exit code is not 0
    requests: int = 0
    pages_fetched: int = 0
    articles_fetched: int = 0
    failures: int = 0
    parked: int = 0
    pending: int = 0  # pages whose last fetch failed and that will be retried
    new_deliberations: int = 0
    new_ids: list[str] = field(default_factory=list)
    deliberations: int = 0
    published: bool = False  # a new corpus was swapped in
    walk_complete: bool = False
    covered_since: int | None = None
    stopped: str | None = None  # "limit", "max-runtime"
    duration_s: float = 0.0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
