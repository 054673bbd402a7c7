"""The walk of the site: year listings → issue sommaires → article pages, each page kept.

``Walk(opts, report, client).walk(covered)`` goes from the current year down to
``report.since``, newest issues first, fetching each page once (conditional requests for
listings and sommaires already seen) into the raw store, and checks each page looks like
its kind; ``retry_pending`` revisits issues left incomplete by earlier runs.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from extractors.common.text import fold
from extractors.title import classify_title
from pipeline.fetch.client import FetchError, SiteClient, decode_body, now_iso
from pipeline.store import FetchRecord, PageState, RawStore, page_states
from scrapers.journal_de_monaco import (
    article_title,
    canonical_url,
    is_missing_page,
    parse_sommaire,
    parse_year_listing,
)

if TYPE_CHECKING:
    from pipeline.refresh import RefreshOptions, RunReport

log = logging.getLogger("ccin.refresh")

_OURS = re.compile(
    r"\bdeliberation|commission\s+de\s+contr[o0]le\s+des\s+informations\s+nominatives"
    r"|autorite\s+de\s+protection\s+des\s+donnees"
)


def is_candidate(title: str) -> bool:
    """Worth fetching: a CCIN/APDP deliberation by its title, or a lookalike naming one
    (the extraction decides; fetching a few lookalikes costs less than missing a page)."""
    return classify_title(title) is None or bool(_OURS.search(fold(title)))


class Walk:
    """One run's walk of the site: listings, sommaires and articles, each page kept."""

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
        if rec.kind == "article" and not article_title(text):
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
