"""The one HTTP client of a run: polite, bounded in time, retrying, on the site's host only.

``SiteClient.get(url)`` sends a GET through httpx with the project's User-Agent, waits
``delay`` seconds between requests (or the robots.txt ``Crawl-delay`` when longer), obeys
robots.txt, follows redirects only on the site's host, caps the body size, and retries
timeouts, broken connections, bodies cut short, 429 and 5xx with exponential backoff
(``stamina``), waiting what ``Retry-After`` asks when the server says.

Bounds: every request has a total ``deadline`` (a server that drips one byte at a time
does not restart it); the waits between retries of a whole run share ``retry_budget``
(``Retry-After`` included); past ``stop_at`` (``--max-runtime``) no request is sent.

Whose fault: a failure of the page itself (404, soft 404, a redirect off the site, an
invalid URL) is a ``FetchError`` marked ``structural``; a failure that may be the site's
(a timeout, a 5xx after the retries) is checked against robots.txt: when the site does not
answer that either, or robots.txt cannot be read at all (RFC 9309: then nothing may be
fetched), or the host name does not resolve, the run meets ``SiteDown``, which parks nothing.
"""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx
import stamina

from pipeline.fetch.deadline import Deadline, install
from pipeline.fetch.failures import (
    bad_answer,
    cut_short,
    network_reason,
    parse_retry_after,
    retryable,
)
from scrapers.decoding import decode_page
from scrapers.journal_de_monaco import SITE

log = logging.getLogger("ccin.http")

__all__ = ["ClientConfig", "FetchError", "OutOfTime", "SiteClient", "SiteDown", "parse_retry_after"]

HOMEPAGE = "https://github.com/ccin-corpus/ccin-corpus"
USER_AGENT = f"ccin-corpus/0.1 (+{HOMEPAGE}; research corpus of CCIN/APDP deliberations)"
ROBOTS_AGENT = "ccin-corpus"
MAX_REDIRECTS = 5
MAX_URL = 4096  # characters: a longer link is not a page of the site


@dataclass(frozen=True, slots=True)
class ClientConfig:
    base_url: str = SITE  # where requests go
    site_url: str | None = None  # whose pages they are (None: base_url); see ``SiteClient``
    delay: float = 1.0  # seconds between two requests
    timeout: float = 30.0  # per network operation (connect, each read, write)
    deadline: float = 120.0  # per request, whatever the server does
    attempts: int = 4  # tries per page, the first included
    backoff_initial: float = 2.0
    backoff_max: float = 60.0
    max_retry_after: float = 300.0  # a longer Retry-After gives the page up for this run
    retry_budget: float = 900.0  # seconds of waiting before retries, for the whole run
    max_bytes: int = 10 * 1024 * 1024
    max_crawl_delay: float = 30.0
    user_agent: str = USER_AGENT
    obey_robots: bool = True


class FetchError(Exception):
    """A page could not be fetched. ``structural`` failures will not heal by retrying soon."""

    def __init__(
        self, url: str, reason: str, *, status: int | None = None, structural: bool = False
    ):
        super().__init__(f"{reason} ({url[:300]})")
        self.url, self.reason, self.status, self.structural = url, reason, status, structural


class SiteDown(Exception):
    """The site cannot be read now (down, unresolvable, robots.txt unreachable): the run
    stops and nothing is held against the pages."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class OutOfTime(Exception):
    """The run's time (``--max-runtime``) is up: no more requests."""


class _Retryable(Exception):
    """Inside the retry loop: a 429/5xx or a body cut short."""

    def __init__(self, reason: str, status: int | None = None, retry_after: float | None = None):
        super().__init__(reason)
        self.reason, self.status, self.retry_after = reason, status, retry_after


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # after redirects
    status: int
    content: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")

    @property
    def text(self) -> str:
        return decode_page(self.content, self.content_type)


class SiteClient:
    """One per run; not thread-safe. Use as a context manager.

    ``config.site_url`` names the site whose pages these are when ``base_url`` is a copy of
    it (``ccin demo``): URLs are given and kept as the site's, requests go to the copy.
    """

    def __init__(
        self, config: ClientConfig | None = None, transport: httpx.BaseTransport | None = None
    ):
        self.config = config or ClientConfig()
        self.base = self.config.base_url.rstrip("/")
        self.site = (self.config.site_url or self.base).rstrip("/")
        self.host = urlsplit(self.site).netloc.lower()
        self._wire_host = urlsplit(self.base).netloc.lower()
        self._deadline = Deadline()
        if transport is None:
            transport = install(httpx.HTTPTransport(), self._deadline)
        self._http = httpx.Client(
            headers={"User-Agent": self.config.user_agent, "Accept": "text/html,*/*;q=0.5"},
            timeout=self.config.timeout,
            follow_redirects=False,
            transport=transport,
        )
        self._last_request = 0.0
        self._robots: RobotFileParser | None = None
        self._delay = self.config.delay
        self._current = ""
        self._attempt = 1
        self.retry_waited = 0.0  # seconds spent waiting before retries, this run
        self.stop_at: float | None = None  # time.monotonic() after which nothing is sent
        self.requests = 0  # HTTP requests sent, retries and robots.txt included

    def __enter__(self) -> SiteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def absolute(self, url: str) -> str:
        return urljoin(self.site + "/", url)

    def on_site(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and parts.netloc.lower() == self.host

    def _wire(self, url: str) -> str:
        """Where to send the request for a page of the site."""
        return self.base + url[len(self.site) :] if url.startswith(self.site) else url

    # --- robots.txt -----------------------------------------------------------------

    def _load_robots(self) -> RobotFileParser:
        robots = RobotFileParser()
        url = self.absolute("/robots.txt")
        try:
            response = self._fetch(self._wire(url), {})
        except FetchError as exc:
            if exc.structural:  # redirected off the site, too large, ...
                robots.parse([])  # RFC 9309: unavailable, as a 4xx
                return robots
            raise SiteDown(f"robots.txt could not be read: {exc.reason}") from exc
        if 400 <= response.status < 500:
            robots.parse([])  # no robots.txt: everything allowed
        elif response.status != 200:
            raise SiteDown(f"robots.txt could not be read: HTTP {response.status}")
        else:
            robots.parse(response.text.splitlines())
            crawl_delay = robots.crawl_delay(ROBOTS_AGENT)
            if crawl_delay:
                self._delay = max(self._delay, min(float(crawl_delay), self.config.max_crawl_delay))
        return robots

    def allowed(self, url: str) -> bool:
        """robots.txt lets us fetch ``url`` (raises ``SiteDown`` when it cannot be read)."""
        if not self.config.obey_robots:
            return True
        if self._robots is None:
            self._robots = self._load_robots()
        return self._robots.can_fetch(ROBOTS_AGENT, url)

    def probe(self) -> None:
        """Raise ``SiteDown`` unless the site answers robots.txt now (one try)."""
        url = self._wire(self.absolute("/robots.txt"))
        try:
            response = self._send(url, {})
        except _Retryable as exc:
            raise SiteDown(f"the site fails: robots.txt answers {exc.reason}") from exc
        except FetchError:
            return  # it answered
        except httpx.HTTPError as exc:
            raise SiteDown(network_reason(exc, self._wire_host)) from exc
        if response.status >= 500:
            raise SiteDown(f"the site fails: robots.txt answers HTTP {response.status}")

    # --- GET ------------------------------------------------------------------------

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Response:
        """The page at ``url`` (site-relative or absolute), 304 when unchanged since the
        validators given. Raises ``FetchError`` when the page cannot be had, ``SiteDown``
        when the site cannot, ``OutOfTime`` past ``stop_at``."""
        url = self.absolute(url)
        if len(url) > MAX_URL:
            raise FetchError(url, f"URL of {len(url):,} characters refused", structural=True)
        if any(ord(c) < 32 or ord(c) == 127 for c in url):
            raise FetchError(url, "URL with control characters refused", structural=True)
        if not self.on_site(url):
            raise FetchError(url, "off-site URL refused", structural=True)
        if not self.allowed(url):
            raise FetchError(url, "disallowed by robots.txt", structural=True)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            return self._fetch(self._wire(url), headers)
        except FetchError as exc:
            if not exc.structural:
                self.probe()  # the page's failure, or the site's?
            raise

    def _fetch(self, url: str, headers: dict[str, str]) -> Response:
        cfg = self.config
        self._current = url
        try:
            for attempt in stamina.retry_context(
                on=self._retry_hook,
                attempts=cfg.attempts,
                timeout=None,
                wait_initial=cfg.backoff_initial,
                wait_max=cfg.backoff_max,
                wait_jitter=cfg.backoff_initial / 2,
            ):
                with attempt:
                    self._attempt = attempt.num
                    return self._follow(url, headers)
        except _Retryable as exc:
            raise FetchError(url, exc.reason, status=exc.status) from exc
        except httpx.TimeoutException as exc:
            slow = self._deadline.expired
            reason = f"no complete answer within {cfg.deadline:g} s" if slow else "timeout"
            raise FetchError(url, f"{reason}: {type(exc).__name__}") from exc
        except httpx.InvalidURL as exc:
            raise FetchError(url, f"invalid URL: {exc}", structural=True) from exc
        except httpx.RemoteProtocolError as exc:
            if bad_answer(exc):
                raise FetchError(url, f"bad answer: {exc}", structural=True) from exc
            raise FetchError(url, network_reason(exc, self._wire_host)) from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, network_reason(exc, self._wire_host)) from exc
        raise AssertionError("unreachable")  # pragma: no cover

    def _retry_hook(self, exc: Exception) -> bool | float:
        log.info("try failed (%s): %s", getattr(exc, "reason", type(exc).__name__), self._current)
        cfg = self.config
        if isinstance(exc, _Retryable):
            if exc.retry_after is not None and exc.retry_after > cfg.max_retry_after:
                return False
            wait = max(exc.retry_after, self._delay) if exc.retry_after is not None else None
        elif not retryable(exc, self._deadline.expired):
            return False  # the deadline passed, a name that does not resolve, a bad URL
        else:
            wait = None
        if wait is None:
            wait = min(cfg.backoff_max, cfg.backoff_initial * 2 ** (self._attempt - 1))
            wait += random.uniform(0, cfg.backoff_initial / 2)
        if self.retry_waited + wait > cfg.retry_budget or not self._time_for(wait):
            log.warning("no retry: the run's budget for waiting is spent (%s)", self._current)
            return False
        self.retry_waited += wait
        return wait

    def _time_for(self, seconds: float) -> bool:
        return self.stop_at is None or time.monotonic() + seconds < self.stop_at

    def _follow(self, url: str, headers: dict[str, str]) -> Response:
        for _ in range(MAX_REDIRECTS + 1):
            response = self._send(url, headers)
            if response.status in (301, 302, 303, 307, 308) and "location" in response.headers:
                target = urljoin(url, response.headers["location"])
                parts = urlsplit(target)
                if parts.scheme not in ("http", "https") or parts.netloc.lower() != self._wire_host:
                    raise FetchError(
                        url, f"redirect off the site to {target[:200]!r}", structural=True
                    )
                url = target
                continue
            return response
        raise FetchError(url, "too many redirects", structural=True)

    def _send(self, url: str, headers: dict[str, str]) -> Response:
        if not self._time_for(self._delay):
            raise OutOfTime("the run's time is up")
        wait = self._last_request + self._delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last_request = time.monotonic()
        self.requests += 1
        limit = self.config.deadline
        if self.stop_at is not None:
            limit = max(0.1, min(limit, self.stop_at - time.monotonic()))
        try:
            with self._deadline.within(limit), self._http.stream("GET", url, headers=headers) as r:
                declared = r.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.config.max_bytes:
                    raise self._too_large(url, r.status_code)
                chunks, size = [], 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > self.config.max_bytes:
                        raise self._too_large(url, r.status_code)
                    chunks.append(chunk)
                status, resp_headers = r.status_code, {k.lower(): v for k, v in r.headers.items()}
        finally:
            self._last_request = time.monotonic()
        content = b"".join(chunks)
        if status == 429 or status >= 500:
            raise _Retryable(
                f"HTTP {status}", status, parse_retry_after(resp_headers.get("retry-after"))
            )
        # a body of a declared length (Content-Length, chunked) is whole, or httpx raised
        delimited = "content-length" in resp_headers or "chunked" in resp_headers.get(
            "transfer-encoding", ""
        )
        if status == 200 and not delimited and cut_short(content, resp_headers.get("content-type")):
            raise _Retryable("body cut short (no closing </html>)", status)
        return Response(str(url), status, content, resp_headers)

    def _too_large(self, url: str, status: int) -> FetchError:
        reason = f"response larger than {self.config.max_bytes} bytes"
        return FetchError(url, reason, status=status, structural=True)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
