"""The one guard every reader of a section wears: odd input gives an issue, never an
exception, and keeps what was read before the failure.

``@guarded(name)`` turns ``read(text, out)`` into ``extract(text) -> Extraction``; a
failure becomes an issue of stage ``extract.NAME`` and code ``NAME_failed``.
``extractors.document`` calls the readers of ``extractors.registry`` without a guard of
its own: every one of them wears this one (``GUARDED`` lists them; a test checks it).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from models.enums import Severity
from models.records import Extraction, Issue

#: Every guarded reader, and its name.
GUARDED: dict[Callable[[str], Extraction], str] = {}


def guarded(
    name: str,
) -> Callable[[Callable[[str, Extraction], None]], Callable[[str], Extraction]]:
    """``read(text, out)`` → ``extract(text) -> Extraction`` (see the module doc)."""

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

        GUARDED[extract] = name
        return extract

    return wrap
