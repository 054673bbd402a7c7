"""The walk of the site: year listings → issue sommaires → article pages, each page kept.

``Walk(opts, report, client).walk()`` reads every year listing from the current year down
to ``report.since``, newest issues first (conditional requests: an unchanged listing
answers 304), and does every issue that is not complete: its sommaire fetched and every
candidate article on it fetched (or parked). What is complete is a fact of the raw
store's index, not a guess: a run that stopped part-way leaves the rest pending, and the
next run finds it, wherever it is. The sommaires of the ``RECHECK_ISSUES`` newest issues
are read again (conditionally) to find articles added to an issue already read.
``retry_pending`` revisits issues left incomplete that no listing links any more.

Every page's failure is recorded, whatever raised it; only the site's failures
(``SiteDown``) and the run's time (``OutOfTime``) stop the walk.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from extractors.common.normalise import normalise_line
from extractors.common.text import fold
from extractors.title import classify_title, parse_number
from pipeline.fetch.client import FetchError, OutOfTime, SiteClient, SiteDown, now_iso
from pipeline.fetch.progress import WalkProgress
from pipeline.store import FetchRecord, PageState, RawStore, page_states
from scrapers.decoding import decode_page
from scrapers.journal_de_monaco import (
    article_title,
    canonical_url,
    is_missing_page,
    parse_sommaire,
    parse_year_listing,
)

if TYPE_CHECKING:
    from pipeline.run import RefreshOptions, RunReport

log = logging.getLogger("ccin.refresh")

#: The newest issues whose sommaire every run reads again (an article added later).
RECHECK_ISSUES = 4

_OURS = re.compile(
    r"\bdeliberation|commission\s+de\s+contr[o0]le\s+des\s+informations\s+nominatives"
    r"|autorite\s+de\s+protection\s+des\s+donnees"
)


_WORD = re.compile(r"[a-z0-9]+")


def same_article(announced: str, found: str) -> bool:
    """The page's title (its ``h1``) is the article the sommaire announced: most of the
    announced title's first words are in it (the sommaire may cut a title short, a
    correction may change a word), and it names no other deliberation number. A
    maintenance page, a captcha, the home page a removed article redirects to are not."""
    words = _WORD.findall(fold(announced))[:30]
    if not words:
        return True
    said, seen = parse_number(normalise_line(announced)), parse_number(normalise_line(found))
    if said is not None and seen is not None and said[3] != seen[3]:
        return False
    present = set(_WORD.findall(fold(found)))
    return sum(w in present for w in words) >= 0.6 * len(words)


class Refused(Exception):
    """robots.txt forbids what the walk needs (the year listings)."""


def is_candidate(title: str) -> bool:
    """Worth fetching: a CCIN/APDP deliberation by its title, or a lookalike naming one
    (the extraction decides; fetching a few lookalikes costs less than missing a page)."""
    return classify_title(title) is None or bool(_OURS.search(fold(title)))


class Walk:
    """One run's walk of the site: listings, sommaires and articles, each page kept."""

    def __init__(self, opts: RefreshOptions, report: RunReport, client: SiteClient):
        self.opts, self.report, self.client = opts, report, client
        self.base = client.site
        self.store = RawStore(opts.data_dir / "raw")
        self.states = page_states(self.store.records())
        self.attempted = 0
        # article pages tried, and failed not for their own sake (outages aside)
        self.articles_tried = self.articles_failed = 0
        self.done_issues: set[str] = set()
        self.stopped: str | None = None  # "limit" or "max-runtime": pages are left pending
        self.listings_read = 0
        self.progress = WalkProgress(opts.progress)

    def state(self, url: str) -> PageState | None:
        return self.states.get(url)

    def fetch(
        self, url: str, kind: str, title: str | None = None
    ) -> tuple[FetchRecord, bytes | None]:
        """Fetch one page, keep it, check it is what ``kind`` should look like, index it.

        Any failure becomes the page's record; ``SiteDown`` is recorded as an outage (held
        against no page) and raised, ``OutOfTime`` raised before anything is sent.
        """
        state = self.state(url)
        prev = state.last_ok if state else None
        conditional = prev is not None and kind in ("year", "issue")
        base = FetchRecord(
            url=url, kind=kind, fetched_at=now_iso(), title=title, run_id=self.report.run_id
        )
        content: bytes | None = None
        down: SiteDown | None = None
        try:
            r = self.client.get(
                url,
                etag=prev.etag if conditional and prev else None,
                last_modified=prev.last_modified if conditional and prev else None,
            )
            self.attempted += 1
        except OutOfTime:
            raise
        except SiteDown as exc:
            self.attempted += 1
            down = exc
            rec = replace(base, error=exc.reason, outage=True)
        except FetchError as exc:
            self.attempted += 1
            rec = replace(base, status=exc.status, error=exc.reason, structural=exc.structural)
        except Exception as exc:  # httpx's InvalidURL and whatever else: this page's failure
            self.attempted += 1
            rec = replace(base, error=_describe(exc), structural=True)
        else:
            if r.status == 304 and prev is not None and prev.sha256 and self.store.has(prev.sha256):
                content = self.store.get(prev.sha256)
                rec = replace(
                    prev, fetched_at=base.fetched_at, status=304, run_id=base.run_id
                )
                rec = replace(rec, title=title or prev.title)
                if kind in ("year", "issue") and (
                    not rec.refs or (kind == "issue" and not rec.ref_titles)
                ):
                    rec = self._checked(rec, content)  # an index written before refs were kept
            elif r.status == 304:  # asked for nothing, or of a copy lost: not a page
                rec = replace(base, status=304, error="304 Not Modified, and no copy kept to reuse")
            else:
                sha = self.store.put(r.content)  # a full disk stops the run here
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
                rec = self._checked(rec, content, prev)
        self.store.append(rec)
        self.states.setdefault(url, PageState(rec)).update(rec)
        log.debug("%s %s: %s %s", kind, url[:300], rec.status, rec.error or "ok")
        if kind == "article" and not rec.outage:
            self.articles_tried += 1
            self.articles_failed += not rec.ok and not rec.structural
        if rec.ok:
            self.report.pages_fetched += 1
            self.report.articles_fetched += kind == "article"
        else:
            self.report.failures += not rec.outage
            log.warning("%s page failed: %s (%s)", kind, rec.error, url[:300])
        if down is not None:
            raise down
        return rec, content if rec.ok else None

    def _checked(
        self, rec: FetchRecord, content: bytes, prev: FetchRecord | None = None
    ) -> FetchRecord:
        try:
            rec = self._check(rec, content, prev)
        except Exception as exc:  # a page no parser can read is that page's failure
            log.exception("could not read %s", rec.url[:300])
            rec = replace(rec, error=f"unreadable page: {_describe(exc)}", structural=True)
        if rec.structural and not self.listings_read:
            # the site has served no real listing this run (a challenge or maintenance
            # page in place of every page?): a page that is not what it should be is not
            # held against it
            rec = replace(rec, structural=False)
        return rec

    def _check(self, rec: FetchRecord, content: bytes, prev: FetchRecord | None) -> FetchRecord:
        if rec.kind == "year" and _missing(rec, content):
            return rec  # a year the site does not have (yet): see walk()
        if rec.status not in (200, 304):
            return replace(rec, error=f"HTTP {rec.status}", structural=True)
        text = decode_page(content, rec.content_type)
        if is_missing_page(text):
            return replace(rec, error="soft 404: the page reads 'Erreur 404'", structural=True)
        if rec.kind == "year":
            issues = tuple(r.url for r in parse_year_listing(text, self.base))
            if not issues and prev is not None and prev.refs:
                # a listing does not lose its issues: a page in its place (a CDN's
                # challenge, a maintenance page); its last good copy is used
                reason = f"the listing links no issue (its last good copy linked {len(prev.refs)})"
                return replace(rec, error=reason)
            return replace(rec, refs=issues)
        if rec.kind == "issue":
            articles = parse_sommaire(text, self.base)
            if not articles:
                return replace(
                    rec, error="no article link found (layout changed?)", structural=True
                )
            kept = [r for r in articles if is_candidate(r.title)]
            return replace(
                rec, refs=tuple(r.url for r in kept), ref_titles=tuple(r.title for r in kept)
            )
        if rec.kind == "article":
            title = article_title(text)
            if not title:
                return replace(rec, error="no h1 title (layout changed?)", structural=True)
            if rec.title and not same_article(rec.title, title):
                # the site answered another page (maintenance, a redirect): not kept as
                # this article, tried again next run
                reason = f"not the article the sommaire announced: the page's title is {title[:150]!r}"
                return replace(rec, error=reason)
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

    def do_issue(self, url: str, *, recheck: bool = False) -> None:
        """The issue's sommaire (again when ``recheck``) and its articles not kept yet."""
        if url in self.done_issues:
            return
        self.done_issues.add(url)
        state = self.state(url)
        if state is not None and state.parked and not self.opts.full:
            return
        if self.opts.full or recheck or state is None or state.last_ok is None:
            self.fetch(url, "issue")
            state = self.state(url)
        if state is None or state.last_ok is None:
            return
        titles = dict(zip(state.last_ok.refs, state.last_ok.ref_titles, strict=False))
        todo = [ref for ref in state.last_ok.refs if not self.skip(ref)]
        self.progress.found(len(todo))
        for ref in todo:
            if self.stopped:
                return
            self.fetch(ref, "article", titles.get(ref))
            self.progress.fetched()
            if self.opts.limit is not None and self.report.articles_fetched >= self.opts.limit:
                self.stopped = "limit"

    def walk(self) -> None:
        """Every listing, every issue not complete; stops early on ``--limit`` or the
        run's time (``self.stopped``). Raises ``SiteDown`` or ``Refused``."""
        this_year = self.opts.this_year or date.today().year
        years = list(range(this_year, self.report.since - 1, -1))
        first = canonical_url(f"/Journaux/{this_year}", self.base)
        if not self.client.allowed(first):
            raise Refused(f"robots.txt forbids the year listings ({first})")
        failed: list[int] = []
        empty: list[int] = []
        missing: list[int] = []
        listed: list[int] = []
        newest = 0
        with self.progress.walking(len(years)):
            try:
                for year in years:
                    refs = self._listing(year, failed, missing)
                    self.progress.listing_read(year)
                    if refs:
                        listed.append(year)
                    elif year < this_year and year not in failed and year not in missing:
                        empty.append(year)
                    for ref in refs:
                        self.do_issue(ref, recheck=newest < RECHECK_ISSUES)
                        newest += 1
                        if self.stopped:
                            return
                self.retry_pending()
            except OutOfTime:
                self.stopped = "max-runtime"
                return
        # a listing missing between two years that have issues is a hole in the walk;
        # missing after the newest (not published yet) or before the oldest is not
        holes = [y for y in missing if listed and min(listed) < y < max(listed)]
        self.report.walk_complete = not failed and not holes and not self.stopped
        for what, found in (
            ("no issue linked from", empty),
            ("no page for", missing),
            ("could not read", failed),
        ):
            if found:
                listing = ", ".join(map(str, sorted(found)))
                self.report.warnings.append(f"{what} the listings of {listing}")

    def _listing(self, year: int, failed: list[int], missing: list[int]) -> tuple[str, ...]:
        """The issues the year's listing links, newest first (the last good copy's when the
        listing cannot be read now)."""
        url = canonical_url(f"/Journaux/{year}", self.base)
        rec, body = self.fetch(url, "year")
        if body is not None and _missing(rec, body):
            missing.append(year)
            return ()
        if body is None:
            if rec.status == 404:
                missing.append(year)
                return ()
            failed.append(year)
            state = self.state(url)
            return state.last_ok.refs if state and state.last_ok else ()
        self.listings_read += bool(rec.refs)  # a page that links no issue proves nothing
        log.info("%d: %d issues listed", year, len(rec.refs))
        return rec.refs

    def retry_pending(self) -> None:
        """Issues left incomplete that no listing read this run links."""
        for url, state in list(self.states.items()):
            if self.stopped:
                return
            if (
                state.last.kind == "issue"
                and url not in self.done_issues
                and not self.complete(url)
            ):
                self.do_issue(url)


def _describe(exc: BaseException) -> str:
    text = str(exc).replace("\n", " ")
    return f"{type(exc).__name__}: {text[:300]}"


def _missing(rec: FetchRecord, content: bytes | None) -> bool:
    if rec.status == 404:
        return True
    return content is not None and is_missing_page(decode_page(content, rec.content_type))
