"""``ccin site --serve``: preview the static site on 127.0.0.1 (the standard library's
HTTP server; any static host serves the same files)."""

from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _Handler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".svg": "image/svg+xml",
        ".pf_meta": "application/octet-stream",
        ".pf_index": "application/octet-stream",
        ".pf_fragment": "application/octet-stream",
        ".pf_filter": "application/octet-stream",
    }

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        pass  # quiet: the preview is for reading, not for logs


def make_server(site: Path, port: int = 8000, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    """A server of ``site`` (bound, not yet serving); ``port`` 0 picks a free port."""
    handler = functools.partial(_Handler, directory=str(site))
    return ThreadingHTTPServer((host, port), handler)
