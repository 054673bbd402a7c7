"""A total time limit per request, below httpx: every socket operation gets what is left.

httpx's timeouts bound each network operation, so a server that sends one byte every few
seconds holds a request for ever. ``install(transport, deadline)`` wraps the transport's
network backend (httpcore's) so that connecting, each read and each write wait at most the
time left before ``deadline`` ends: past it they raise httpcore's timeouts, which httpx
turns into its own ``TimeoutException``.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable, Iterator
from typing import Any

import httpcore
import httpx


class Deadline:
    """The end of the current request, in ``time.monotonic()`` seconds (None: no limit)."""

    def __init__(self) -> None:
        self.at: float | None = None
        self.expired = False  # the last request ran out of time

    @contextlib.contextmanager
    def within(self, seconds: float) -> Iterator[None]:
        self.at, self.expired = time.monotonic() + seconds, False
        try:
            yield
        finally:
            self.at = None

    def left(self, timeout: float | None, error: type[Exception]) -> float | None:
        """The timeout for one operation: ``timeout`` or less; raises ``error`` past the end."""
        if self.at is None:
            return timeout
        left = self.at - time.monotonic()
        if left <= 0:
            self.expired = True
            raise error("the request's deadline passed")
        if timeout is None or left < timeout:
            self.expired = True  # if this operation times out, the deadline did it
            return left
        self.expired = False
        return timeout


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, deadline: Deadline) -> None:
        self._inner, self._deadline = inner, deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._deadline.left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._deadline.left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        left = self._deadline.left(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, left), self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend, deadline: Deadline) -> None:
        self._inner, self._deadline = inner, deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        left = self._deadline.left(timeout, httpcore.ConnectTimeout)
        stream = self._inner.connect_tcp(host, port, left, local_address, socket_options)
        return _Stream(stream, self._deadline)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        left = self._deadline.left(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.connect_unix_socket(path, left, socket_options), self._deadline)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def install(transport: httpx.HTTPTransport, deadline: Deadline) -> httpx.HTTPTransport:
    """``transport`` with every connection it opens bound by ``deadline``."""
    pool = transport._pool  # httpx keeps its httpcore pool here (checked by the tests)
    pool._network_backend = _Backend(pool._network_backend, deadline)  # type: ignore[union-attr]
    return transport
