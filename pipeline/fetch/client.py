"""The one HTTP client of a run: polite, bounded, retrying, on the site's host only.

``SiteClient.get(url)`` sends a GET through httpx with the project's User-Agent, waits
``delay`` seconds between requests (or the robots.txt ``Crawl-delay`` when longer), obeys
robots.txt (RFC 9309: a 4xx robots.txt allows everything, an unreachable one forbids
everything), follows redirects only on the site's host, caps the body size, and retries
timeouts, broken connections, bodies cut short, 429 and 5xx with exponential backoff
(``stamina``), waiting what ``Retry-After`` asks when the server says.
"""

from __future__ import annotations

import email.utils
import logging
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx
import stamina
from bs4.dammit import UnicodeDammit

from scrapers.journal_de_monaco import SITE

log = logging.getLogger("ccin.http")

HOMEPAGE = "https://github.com/ccin-corpus/ccin-corpus"
USER_AGENT = f"ccin-corpus/0.1 (+{HOMEPAGE}; research corpus of CCIN/APDP deliberations)"
ROBOTS_AGENT = "ccin-corpus"
MAX_REDIRECTS = 5
DISALLOW_ALL = ["User-agent: *", "Disallow: /"]


@dataclass(frozen=True, slots=True)
class ClientConfig:
    base_url: str = SITE
    delay: float = 1.0  # seconds between two requests
    timeout: float = 30.0  # per request (connect, read, write, pool)
    attempts: int = 4  # tries per page, the first included
    backoff_initial: float = 2.0
    backoff_max: float = 60.0
    max_retry_after: float = 300.0  # a longer Retry-After gives the page up for this run
    max_bytes: int = 10 * 1024 * 1024
    max_crawl_delay: float = 30.0
    user_agent: str = USER_AGENT
    obey_robots: bool = True


class FetchError(Exception):
    """A page could not be fetched. ``structural`` failures will not heal by retrying soon."""

    def __init__(
        self, url: str, reason: str, *, status: int | None = None, structural: bool = False
    ):
        super().__init__(f"{reason} ({url})")
        self.url, self.reason, self.status, self.structural = url, reason, status, structural


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
        return decode_body(self.content, self.content_type)


def header_charset(content_type: str | None) -> str | None:
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.IGNORECASE)
    return m[1].lower() if m else None


def decode_body(content: bytes, content_type: str | None = None) -> str:
    """Bytes as text: the header's charset, else the page's own declaration, else detected."""
    charset = header_charset(content_type)
    known = [charset] if charset else []
    dammit = UnicodeDammit(content, known, is_html=True, user_encodings=["utf-8", "windows-1252"])
    return dammit.unicode_markup or content.decode("utf-8", "replace")


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


class SiteClient:
    """One per run; not thread-safe. Use as a context manager."""

    def __init__(
        self, config: ClientConfig | None = None, transport: httpx.BaseTransport | None = None
    ):
        self.config = config or ClientConfig()
        self.base = self.config.base_url.rstrip("/")
        self.host = urlsplit(self.base).netloc.lower()
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
        self.requests = 0  # HTTP requests sent, retries and robots.txt included

    def __enter__(self) -> SiteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def absolute(self, url: str) -> str:
        return urljoin(self.base + "/", url)

    def on_site(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and parts.netloc.lower() == self.host

    # --- robots.txt -----------------------------------------------------------------

    def _load_robots(self) -> RobotFileParser:
        robots = RobotFileParser()
        url = self.absolute("/robots.txt")
        try:
            response = self._fetch(url, {})
        except FetchError as exc:
            log.warning("robots.txt unreachable (%s): nothing will be fetched this run", exc.reason)
            robots.parse(DISALLOW_ALL)
            return robots
        if 400 <= response.status < 500:
            robots.parse([])  # no robots.txt: everything allowed
        elif response.status >= 300:
            robots.parse(DISALLOW_ALL)
        else:
            robots.parse(response.text.splitlines())
            crawl_delay = robots.crawl_delay(ROBOTS_AGENT)
            if crawl_delay:
                self._delay = max(self._delay, min(float(crawl_delay), self.config.max_crawl_delay))
        return robots

    def allowed(self, url: str) -> bool:
        if not self.config.obey_robots:
            return True
        if self._robots is None:
            self._robots = self._load_robots()
        return self._robots.can_fetch(ROBOTS_AGENT, url)

    # --- GET ------------------------------------------------------------------------

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Response:
        """The page at ``url`` (site-relative or absolute), 304 when unchanged since the
        validators given. Raises ``FetchError`` when it cannot be had."""
        url = self.absolute(url)
        if not self.on_site(url):
            raise FetchError(url, "off-site URL refused", structural=True)
        if not self.allowed(url):
            raise FetchError(url, "disallowed by robots.txt", structural=True)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._fetch(url, headers)

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
                    return self._follow(url, headers)
        except _Retryable as exc:
            raise FetchError(url, exc.reason, status=exc.status) from exc
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timeout: {type(exc).__name__}") from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"network: {type(exc).__name__}: {exc}") from exc
        raise AssertionError("unreachable")  # pragma: no cover

    def _retry_hook(self, exc: Exception) -> bool | float:
        log.info("try failed (%s): %s", getattr(exc, "reason", type(exc).__name__), self._current)
        if isinstance(exc, _Retryable):
            if exc.retry_after is None:
                return True
            if exc.retry_after > self.config.max_retry_after:
                return False
            return max(exc.retry_after, self._delay)
        return isinstance(exc, httpx.TimeoutException | httpx.TransportError)

    def _follow(self, url: str, headers: dict[str, str]) -> Response:
        for _ in range(MAX_REDIRECTS + 1):
            response = self._send(url, headers)
            if response.status in (301, 302, 303, 307, 308) and "location" in response.headers:
                target = urljoin(url, response.headers["location"])
                if not self.on_site(target):
                    raise FetchError(url, f"redirect off the site to {target}", structural=True)
                url = target
                continue
            return response
        raise FetchError(url, "too many redirects", structural=True)

    def _send(self, url: str, headers: dict[str, str]) -> Response:
        wait = self._last_request + self._delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last_request = time.monotonic()
        self.requests += 1
        try:
            with self._http.stream("GET", url, headers=headers) as r:
                declared = r.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.config.max_bytes:
                    raise FetchError(
                        url,
                        f"response larger than {self.config.max_bytes} bytes",
                        status=r.status_code,
                        structural=True,
                    )
                chunks, size = [], 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > self.config.max_bytes:
                        raise FetchError(
                            url,
                            f"response larger than {self.config.max_bytes} bytes",
                            status=r.status_code,
                            structural=True,
                        )
                    chunks.append(chunk)
                status, resp_headers = r.status_code, {k.lower(): v for k, v in r.headers.items()}
        finally:
            self._last_request = time.monotonic()
        content = b"".join(chunks)
        if status == 429 or status >= 500:
            raise _Retryable(
                f"HTTP {status}", status, parse_retry_after(resp_headers.get("retry-after"))
            )
        if status == 200 and _cut_short(content, resp_headers.get("content-type")):
            raise _Retryable("body cut short (no closing </html>)", status)
        return Response(str(url), status, content, resp_headers)


def _cut_short(content: bytes, content_type: str | None) -> bool:
    # the server closed early without a Content-Length to betray it: an HTML page that
    # has an <html> start but no end
    if "html" not in (content_type or "text/html").lower():
        return False
    head, tail = content[:4096].lower(), content[-4096:].lower()
    return b"<html" in head and b"</html" not in tail


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
