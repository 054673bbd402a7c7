"""Progress bars of the walk (rich, on a terminal only): the year listings read, and the
article pages fetched out of those found so far (the total grows as sommaires are read)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import Any


class WalkProgress:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self._bar: Any = None
        self._years: Any = None
        self._pages: Any = None
        self._found = 0

    @contextlib.contextmanager
    def walking(self, years: int) -> Iterator[None]:
        if not self.enabled:
            yield
            return
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self._bar = Progress(
            TextColumn("{task.description:<22}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[note]}"),
        )
        with self._bar:
            self._years = self._bar.add_task("year listings", total=years, note="")
            self._pages = self._bar.add_task("article pages", total=None, note="")
            yield
        self._bar = None

    def listing_read(self, year: int) -> None:
        if self._bar is not None:
            self._bar.update(self._years, advance=1, note=str(year))

    def found(self, n: int) -> None:
        if self._bar is not None and n:
            self._found += n
            self._bar.update(self._pages, total=self._found)

    def fetched(self) -> None:
        if self._bar is not None:
            self._bar.update(self._pages, advance=1)
