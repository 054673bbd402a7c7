"""What a failed request means: wait and retry, the page's fault, or the site's.

``network_reason`` says a network failure in words (a DNS failure is not a refusal);
``retryable`` tells a failure worth another try soon; ``bad_answer`` a malformed answer
the page will give again; ``cut_short`` an HTML body the server closed early on.
"""

from __future__ import annotations

import email.utils
import socket
import time
from datetime import UTC

import httpx


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


def network_reason(exc: BaseException, host: str) -> str:
    """What a network failure means, in words: a DNS failure is not a refusal."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, socket.gaierror):
            return f"DNS failure: the host name {host} does not resolve ({seen.strerror})"
        seen = seen.__cause__ or seen.__context__
    text = str(exc)
    if "Name or service not known" in text or "name resolution" in text:
        return f"DNS failure: the host name {host} does not resolve"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect to {host} ({text or type(exc).__name__})"
    if isinstance(exc, httpx.TimeoutException):
        return f"{host} did not answer in time ({type(exc).__name__})"
    return f"network failure reaching {host} ({type(exc).__name__}: {text})"


def retryable(exc: Exception, deadline_passed: bool) -> bool:
    """A network failure worth another try soon (not a slow server past its deadline, not
    a name that does not resolve, not a malformed answer the page will give again)."""
    if isinstance(exc, httpx.TimeoutException):
        return not deadline_passed
    if isinstance(exc, httpx.TransportError):
        return not bad_answer(exc) and not network_reason(exc, "").startswith("DNS")
    return False


def bad_answer(exc: Exception) -> bool:
    """A malformed answer the page will give again (a bad ``Location``), not a cut one."""
    return isinstance(exc, httpx.RemoteProtocolError) and "invalid url" in str(exc).lower()


def cut_short(content: bytes, content_type: str | None) -> bool:
    # (a body with no declared length) the server closed early without a Content-Length
    # to betray it: an HTML page that has an <html> start but no end
    if "html" not in (content_type or "text/html").lower():
        return False
    head, tail = content[:4096].lower(), content[-4096:].lower()
    return b"<html" in head and b"</html" not in tail
