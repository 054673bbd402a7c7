"""The nightly refresh: find what is new on the site, fetch it, rebuild the corpus.

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
import re
import time
import traceback
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

from bs4 import BeautifulSoup

from extractors.text import fold
from extractors.title import classify_title
from models.enums import Severity
from models.records import Issue
from pipeline.http import ClientConfig, FetchError, SiteClient, decode_body, now_iso
from pipeline.store import (
    FetchRecord,
    PageState,
    RawStore,
    RunLock,
    append_history,
    dry_spell,
    page_states,
    read_history,
)
from scrapers.journal_de_monaco import (
    SITE,
    canonical_url,
    is_missing_page,
    parse_sommaire,
    parse_year_listing,
)

log = logging.getLogger("ccin.refresh")

DEFAULT_SINCE = 2009
EXIT_OK, EXIT_CRASH, EXIT_FAILING, EXIT_LOCKED, EXIT_STALE = 0, 1, 2, 3, 4
_OURS = re.compile(
    r"\bdeliberation|commission\s+de\s+contr[o0]le\s+des\s+informations\s+nominatives"
    r"|autorite\s+de\s+protection\s+des\s+donnees"
)


def is_candidate(title: str) -> bool:
    """Worth fetching: a CCIN/APDP deliberation by its title, or a lookalike naming one
    (the extraction decides; fetching a few lookalikes costs less than missing a page)."""
    return classify_title(title) is None or bool(_OURS.search(fold(title)))


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


# --- the run ---------------------------------------------------------------------------


class _Run:
    def __init__(self, opts: RefreshOptions, report: RunReport, client: SiteClient):
        self.opts, self.report, self.client = opts, report, client
        self.base = opts.base_url.rstrip("/")
        self.store = RawStore(opts.data_dir / "raw")
        self.states = page_states(self.store.records())
        self.attempted = 0
        self.done_issues: set[str] = set()
        self.limit_hit = False

    def state(self, url: str) -> PageState | None:
        return self.states.get(url)

    def fetch(
        self, url: str, kind: str, title: str | None = None
    ) -> tuple[FetchRecord, bytes | None]:
        """Fetch one page, keep it, check it is what ``kind`` should look like, index it."""
        state = self.state(url)
        prev = state.last_ok if state else None
        conditional = prev is not None and kind in ("year", "issue")
        base = FetchRecord(
            url=url, kind=kind, fetched_at=now_iso(), title=title, run_id=self.report.run_id
        )
        self.attempted += 1
        content: bytes | None = None
        try:
            r = self.client.get(
                url,
                etag=prev.etag if conditional and prev else None,
                last_modified=prev.last_modified if conditional and prev else None,
            )
        except FetchError as exc:
            rec = replace(base, status=exc.status, error=exc.reason, structural=exc.structural)
        else:
            if r.status == 304 and prev is not None and prev.sha256 and self.store.has(prev.sha256):
                content = self.store.get(prev.sha256)
                rec = replace(
                    prev,
                    fetched_at=base.fetched_at,
                    status=304,
                    run_id=base.run_id,
                    title=title or prev.title,
                )
            else:
                sha = self.store.put(r.content)
                rec = replace(
                    base,
                    status=r.status,
                    sha256=sha,
                    size=len(r.content),
                    etag=r.etag,
                    last_modified=r.last_modified,
                    content_type=r.content_type,
                )
                content = r.content
                rec = self._check(rec, content)
        self.store.append(rec)
        self.states.setdefault(url, PageState(rec)).update(rec)
        log.debug("%s %s: %s %s", kind, url, rec.status, rec.error or "ok")
        if rec.ok:
            self.report.pages_fetched += 1
            self.report.articles_fetched += kind == "article"
        else:
            self.report.failures += 1
            log.warning("%s page failed: %s (%s)", kind, rec.error, url)
        return rec, content if rec.ok else None

    def _check(self, rec: FetchRecord, content: bytes) -> FetchRecord:
        if rec.kind == "year" and _missing(rec, content):
            return rec  # a year the site does not have (yet): see walk()
        if rec.status != 200:
            return replace(rec, error=f"HTTP {rec.status}", structural=True)
        text = decode_body(content, rec.content_type)
        if is_missing_page(text):
            return replace(rec, error="soft 404: the page reads 'Erreur 404'", structural=True)
        if rec.kind == "issue":
            refs = parse_sommaire(text, self.base)
            if not refs:
                return replace(
                    rec, error="no article link found (layout changed?)", structural=True
                )
            return replace(rec, refs=tuple(r.url for r in refs if is_candidate(r.title)))
        if rec.kind == "article":
            soup = BeautifulSoup(text, "lxml")
            h1 = soup.find("h1")
            if h1 is None or not h1.get_text(strip=True):
                return replace(rec, error="no h1 title (layout changed?)", structural=True)
        return rec

    def skip(self, url: str) -> bool:
        """Already have it, or parked (``--full`` retries both)."""
        state = self.state(url)
        if self.opts.full or state is None:
            return False
        return state.last_ok is not None or state.parked

    def complete(self, issue_url: str) -> bool:
        state = self.state(issue_url)
        if state is None or state.last_ok is None:
            return False
        return all(self.skip(ref) for ref in state.last_ok.refs)

    def do_issue(self, url: str) -> None:
        self.done_issues.add(url)
        state = self.state(url)
        if state is not None and state.parked and not self.opts.full:
            return
        if self.opts.full or state is None or state.last_ok is None:
            rec, _ = self.fetch(url, "issue")
            if not rec.ok:
                return
            state = self.state(url)
        if state is None or state.last_ok is None:
            return
        for ref in state.last_ok.refs:
            if self.limit_hit:
                return
            if self.skip(ref):
                continue
            self.fetch(ref, "article")
            if self.opts.limit is not None and self.report.articles_fetched >= self.opts.limit:
                self.limit_hit = True

    def walk(self, covered: bool) -> None:
        this_year = self.opts.this_year or date.today().year
        listing_failed = reached_known = False
        empty: list[int] = []
        missing: list[int] = []
        listed: list[int] = []
        for year in range(this_year, self.report.since - 1, -1):
            rec, body = self.fetch(canonical_url(f"/Journaux/{year}", self.base), "year")
            if body is None:
                listing_failed = True
                continue
            if _missing(rec, body):
                missing.append(year)
                continue
            refs = parse_year_listing(decode_body(body, rec.content_type), self.base)
            log.info("%d: %d issues listed", year, len(refs))
            if refs:
                listed.append(year)
            elif year < this_year:
                empty.append(year)
            for ref in refs:
                if not self.opts.full and self.complete(ref.url):
                    if covered:
                        reached_known = True
                        break
                    continue
                self.do_issue(ref.url)
                if self.limit_hit:
                    return
            if reached_known:
                break
        # a listing missing between two years that have issues is a hole in the walk;
        # missing after the newest (not published yet) or before the oldest is not
        holes = [y for y in missing if listed and min(listed) < y < max(listed)]
        self.report.walk_complete = not listing_failed and not holes
        for what, years in (("no issue linked from", empty), ("no page for", missing)):
            if years:
                listing = ", ".join(map(str, sorted(years)))
                self.report.warnings.append(f"{what} the listings of {listing}")

    def retry_pending(self) -> None:
        for url, state in list(self.states.items()):
            if self.limit_hit:
                return
            if (
                state.last.kind == "issue"
                and url not in self.done_issues
                and not self.complete(url)
            ):
                self.do_issue(url)


def _missing(rec: FetchRecord, content: bytes | None) -> bool:
    if rec.status == 404:
        return True
    return content is not None and is_missing_page(decode_body(content, rec.content_type))


def corpus_inputs(store: RawStore, states: dict[str, PageState]) -> Iterator:
    """Every article page kept, once per canonical URL, in URL order."""
    from pipeline.inputs import InputDocument

    for url in sorted(states):
        ok = states[url].last_ok
        if ok is None or ok.kind != "article" or not ok.sha256 or not store.has(ok.sha256):
            continue
        # read and decoded by the worker that extracts it (``pipeline.inputs.to_article``)
        path = str(store.path_of(ok.sha256))
        yield InputDocument(url, None, "html", url, path=path, content_type=ok.content_type or "")


def fetch_issues(store: RawStore, states: dict[str, PageState]) -> list[Issue]:
    """One ``issues`` row per page whose last fetch failed (pending a retry, or parked)."""
    rows = []
    for url in sorted(states):
        st = states[url]
        if st.last_ok is not None and st.last.ok:
            if st.last_ok.sha256 and not store.has(st.last_ok.sha256):
                rows.append(
                    Issue(
                        "fetch",
                        Severity.ERROR,
                        "raw_missing",
                        "the stored page body is missing",
                        None,
                        url,
                    )
                )
            continue
        if st.last.ok:
            continue
        n = f"{st.failures} failed fetch{'es' if st.failures > 1 else ''} in a row"
        if st.parked:
            msg = f"{st.last.kind} page parked after {n}: {st.last.error}"
            rows.append(Issue("fetch", Severity.ERROR, "parked_page", msg, None, url))
        else:
            msg = f"{st.last.kind} page failed ({n}; retried next run): {st.last.error}"
            rows.append(Issue("fetch", Severity.WARNING, "fetch_failed", msg, None, url))
    return rows


def rebuild(data_dir: Path, *, progress: bool = False, out: Path | None = None):
    """The corpus from the raw store alone (no network): a ``RunSummary``.

    Written to ``DATA/corpus`` unless ``out`` names another directory.
    """
    from pipeline.build import build_corpus

    store = RawStore(Path(data_dir) / "raw")
    states = page_states(store.records())
    return build_corpus(
        corpus_inputs(store, states),
        out or Path(data_dir) / "corpus",
        progress=progress,
        extra_issues=fetch_issues(store, states),
    )


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
                run = _Run(opts, report, client)
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
