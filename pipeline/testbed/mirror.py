"""A loopback copy of the Journal de Monaco, served over real HTTP, for tests and the demo.

``Mirror(site)`` serves a ``Site`` (``pipeline.testbed.site``, rendered by
``pipeline.testbed.pages``) on 127.0.0.1 (stdlib ``ThreadingHTTPServer`` in a thread) with
the site's paths (shared/spec/site.md): ``/Journaux/{YYYY}``, sommaires, articles, the
``/en/``, ``/fr/`` and ``/switchlanguage/to/jdm[_eng]/`` variants (English UI),
``/content/search``, robots.txt, ETag/304. ``Fault`` rules spoil chosen responses: 500,
429 + Retry-After, slow, body cut short, soft 404, changed layout, off-site redirect, a
maintenance page (200, with its own ``h1``), a redirect to the home page, a CDN's challenge
page (200) in place of the page, a whole page without ``</html>``, a body of no declared length
cut short, a 304 to a request that asked for none.
The hostile mode (``pipeline.testbed.hostile``) adds trap pages, a robots.txt that
answers ``robots_status``, and a site that goes ``down()`` and comes back ``up()``.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from pipeline.testbed import hostile
from pipeline.testbed.pages import (
    article_page,
    missing_page,
    search_page,
    sommaire_page,
    year_page,
)
from pipeline.testbed.site import Site, build_site
from scrapers.journal_de_monaco import split_language_prefix

__all__ = ["FAULT_PRESETS", "Fault", "Hit", "Mirror", "build_site", "preset_faults"]

log = logging.getLogger("ccin.mirror")

FAULT_KINDS = (
    "500",
    "429",
    "slow",
    "truncate",
    "soft404",
    "layout",
    "offsite",
    "maintenance",
    "moved",
    "challenge",
    "unclosed",
    "cutclose",
    "notmodified",
)
MAINTENANCE = (
    "<!DOCTYPE html><html><head><title>Maintenance</title></head><body>"
    "<h1>Site en maintenance</h1><p>Le Journal de Monaco revient dans quelques instants.</p>"
    "</body></html>"
)
CHALLENGE = (  # a CDN's bot check, in place of any page
    "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
    "<noscript>Enable JavaScript and cookies to continue</noscript></body></html>"
)


# --- faults -----------------------------------------------------------------------------


@dataclass
class Fault:
    """Spoil responses. ``pages``: "year", "issue", "article", "search", "any" (all but
    robots.txt) or one canonical path; ``times``: requests spoiled per page (None: all);
    ``budget``: in total; ``every``: only every n-th page of the kind, first one included."""

    kind: str
    pages: str = "any"
    times: int | None = 1
    budget: int | None = None
    every: int = 1
    retry_after: float | None = 1.0
    delay: float = 2.0
    _seen: dict[str, int] = field(default_factory=dict, repr=False)
    _used: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {self.kind!r}; known: {', '.join(FAULT_KINDS)}")

    def hits(self, kind: str, path: str) -> bool:
        if self.pages.startswith("/"):
            if path != self.pages:
                return False
        elif self.pages not in (kind, "any") or kind == "robots":
            return False
        ordinal = self._seen.setdefault(path, len(self._seen))
        if ordinal % self.every:
            return False
        used = self._used.get(path, 0)
        if self.times is not None and used >= self.times:
            return False
        if self.budget is not None and sum(self._used.values()) >= self.budget:
            return False
        self._used[path] = used + 1
        return True


#: What ``ccin mirror --faults NAME`` switches on.
FAULT_PRESETS: dict[str, list[Fault]] = {
    "500": [Fault("500", "article", every=2), Fault("500", "issue", every=3)],
    "429": [Fault("429", "year", budget=1, retry_after=1.0)],
    "slow": [Fault("slow", "article", every=3, delay=2.0)],
    "truncate": [Fault("truncate", "article", budget=2)],
    "soft404": [Fault("soft404", "article", budget=1)],
    "layout": [Fault("layout", "any", times=None)],
    "offsite": [Fault("offsite", "article", budget=1)],
    "maintenance": [Fault("maintenance", "article", budget=1), Fault("moved", "article", budget=1)],
    "challenge": [Fault("challenge", "any", budget=30)],
}


def preset_faults(names: list[str]) -> list[Fault]:
    out = []
    for name in names:
        for part in filter(None, (p.strip() for p in name.split(","))):
            if part not in FAULT_PRESETS:
                raise ValueError(f"unknown fault {part!r}; known: {', '.join(FAULT_PRESETS)}")
            out += [
                Fault(f.kind, f.pages, f.times, f.budget, f.every, f.retry_after, f.delay)
                for f in FAULT_PRESETS[part]
            ]
    return out


# --- server -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    path: str  # as requested
    kind: str  # robots, year, issue, article, search, other
    status: int
    fault: str | None


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        log.debug("mirror: " + format, *args)

    def do_GET(self) -> None:  # noqa: N802
        mirror = self.server.mirror
        url = urlsplit(self.path)
        prefix, rest = split_language_prefix(url.path)
        lang = "fr"
        for part in re.findall(r"/(en|fr|switchlanguage/to/[a-z_]+)", prefix, re.IGNORECASE):
            lang = "en" if part.lower() in ("en", "switchlanguage/to/jdm_eng") else "fr"
        with mirror.lock:
            layout = any(f.kind == "layout" and f.hits("any", rest) for f in mirror.faults)
        kind, status, body = mirror.route(rest, url.query, lang, prefix, layout)
        trap = mirror.trap(rest) if kind == "article" else None
        with mirror.lock:
            fault = next(
                (f for f in mirror.faults if f.kind != "layout" and f.hits(kind, rest)), None
            )
        headers = {
            "Content-Type": "text/plain; charset=utf-8"
            if kind == "robots"
            else "text/html; charset=utf-8"
        }
        payload = body.encode("utf-8")
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.delay)
        elif fault is not None and fault.kind in ("500", "429"):
            status, payload = (
                int(fault.kind),
                b"<html><body><h1>Service unavailable</h1></body></html>",
            )
            if fault.kind == "429" and fault.retry_after is not None:
                headers["Retry-After"] = str(int(fault.retry_after))
        elif fault is not None and fault.kind == "soft404":
            status, payload = 200, missing_page(lang).encode()
        elif fault is not None and fault.kind == "offsite":
            status, payload, headers["Location"] = 302, b"", "http://example.invalid/moved"
        elif fault is not None and fault.kind == "maintenance":
            status, payload = 200, MAINTENANCE.encode()
        elif fault is not None and fault.kind == "unclosed":
            payload = payload.replace(b"</html>", b"")
        elif fault is not None and fault.kind == "notmodified":
            status, payload = 304, b""
        elif fault is not None and fault.kind == "challenge":
            status, payload = 200, CHALLENGE.encode()
        elif fault is not None and fault.kind == "moved":
            status, payload, headers["Location"] = 301, b"", "/"
        etag = '"' + hashlib.sha256(payload).hexdigest()[:20] + '"'
        if status == 200 and fault is None and trap is None:
            headers["ETag"] = etag
            if self.headers.get("If-None-Match") == etag:
                status, payload = 304, b""
        mirror.record(Hit(self.path, kind, status, fault.kind if fault else trap))
        try:
            if trap is not None:
                hostile.respond(self, trap, payload, mirror.drip_interval)
                return
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if fault is not None and fault.kind == "cutclose":  # no length: ends at close
                self.end_headers()
                self.wfile.write(payload[: len(payload) // 2])
                self.close_connection = True
                return
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if fault is not None and fault.kind == "truncate":
                self.wfile.write(payload[: len(payload) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    mirror: Mirror


class Mirror:
    """The site served on ``host:port`` (port 0: any free port) until ``stop()``."""

    def __init__(
        self, site: Site, host: str = "127.0.0.1", port: int = 0, faults: list[Fault] | None = None
    ):
        self.site = site
        self.faults: list[Fault] = list(faults or [])
        self.hits: list[Hit] = []
        self.lock = threading.Lock()
        self.robots_status = 200  # 500: robots.txt unreachable
        self.robots_text = "User-agent: *\nDisallow: /content/download/\n"
        self.drip_interval = 0.5  # seconds between two bytes of a dripping page
        self._server = self._bind(host, port)
        address = self._server.server_address
        self._address: tuple[str, int] = (str(address[0]), int(address[1]))
        self._thread: threading.Thread | None = None

    def _bind(self, host: str, port: int) -> _Server:
        server = _Server((host, port), _Handler)
        server.mirror = self
        return server

    @property
    def base_url(self) -> str:
        host, port = self._address
        return f"http://{host}:{port}"

    def record(self, hit: Hit) -> None:
        with self.lock:
            self.hits.append(hit)

    def start(self) -> Mirror:
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="ccin-mirror", daemon=True
        )
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in this thread until interrupted (Ctrl-C), then close the socket."""
        try:
            self._server.serve_forever()
        finally:
            self._server.server_close()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def down(self) -> None:
        """The site is down: the port refuses connections until ``up()``."""
        self.stop()

    def up(self) -> None:
        """The site is back, on the same port."""
        self._server = self._bind(*self._address)
        self.start()

    def __enter__(self) -> Mirror:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def trap(self, path: str) -> str | None:
        art = self.site.article(path.rstrip("/"))
        return art.trap if art is not None and art.trap in hostile.TRAPS else None

    def route(
        self, path: str, query: str, lang: str, prefix: str, layout: bool
    ) -> tuple[str, int, str]:
        """(page kind, status, body) for a path without its language prefix."""
        site = self.site
        path = path.rstrip("/") or "/"
        if path == "/robots.txt":
            if self.robots_status != 200:
                return "robots", self.robots_status, "<h1>Internal Server Error</h1>"
            return "robots", 200, self.robots_text
        if m := re.fullmatch(r"/Journaux/(\d{4})", path):
            year = int(m[1])
            if site.first_year - 20 <= year <= site.last_year:
                return "year", 200, year_page(site, year, lang, prefix, layout)
        elif re.fullmatch(r"/Journaux/\d{4}/[^/]+", path) and (issue := site.issue(path)):
            return "issue", 200, sommaire_page(issue, lang, prefix, layout)
        elif re.fullmatch(r"/Journaux/\d{4}/[^/]+/[^/]+", path) and (art := site.article(path)):
            if art.trap == "link":  # a link that must not be followed leads nowhere
                return "article", 404, missing_page(lang)
            return "article", 200, article_page(art, lang, layout)
        elif m := re.fullmatch(r"/content/search(?:/\(offset\)/(\d+))?", path):
            text = parse_qs(query).get("SearchText", [""])[0]
            return "search", 200, search_page(site, text, int(m[1] or 0), lang)
        elif path in ("/", "/Journaux"):
            return "other", 200, year_page(site, site.last_year, lang, prefix, layout)
        return "other", 404, missing_page(lang)
