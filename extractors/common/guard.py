"""The one guard every section extractor wears: odd input gives an issue, never an exception."""

from __future__ import annotations

import functools
from collections.abc import Callable

from models.enums import Severity
from models.records import Extraction, Issue


def guarded(
    name: str,
) -> Callable[[Callable[[str, Extraction], None]], Callable[[str], Extraction]]:
    """``read(text, out)`` → ``extract(text) -> Extraction``; a failure is an issue
    (stage ``extract.NAME``, code ``NAME_failed``) and keeps what was read before it."""

    def wrap(read: Callable[[str, Extraction], None]) -> Callable[[str], Extraction]:
        @functools.wraps(read)
        def extract(text: str) -> Extraction:
            out = Extraction()
            try:
                read(text, out)
            except Exception as exc:  # never raise on odd input; say so instead
                out.issues.append(
                    Issue(
                        f"extract.{name}", Severity.WARNING, f"{name}_failed", f"not read: {exc!r}"
                    )
                )
            return out

        return extract

    return wrap
