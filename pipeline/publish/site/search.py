"""The full-text search index, made by Pagefind (``pagefind[bin]`` ships its binary:
nothing is downloaded) while the pages are rendered.

Each deliberation gets a light search record — its title, filters and text, the headings
with the page's anchors, no marks or tables — written beside the site; Pagefind indexes
the records in its own process, on the other core, while Python renders the pages, and
writes the bundle into ``site/pagefind/`` with the records' URLs (``/d/{id}.html``). The
index is French (stemming).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

LANGUAGE = "fr"


def pagefind_executable() -> Path:
    from pagefind_bin import get_executable

    return get_executable()


class SearchIndex:
    """``add(path, html)`` for every record, ``start()``, then ``finish()``."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.records = Path(tempfile.mkdtemp(prefix=f"{site.name}.records-", dir=site.parent))
        self._process: subprocess.Popen[str] | None = None

    def add(self, path: str, html: str) -> None:
        """The record of the page at ``path`` (relative to the site)."""
        target = self.records / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")

    def start(self) -> None:
        """Index the records in the background."""
        self._process = subprocess.Popen(
            [
                str(pagefind_executable()),
                "--site",
                str(self.records),
                "--output-path",
                str(self.site / "pagefind"),
                "--force-language",
                LANGUAGE,
                "--quiet",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def finish(self) -> int:
        """Wait for the index; the number of pages it holds."""
        try:
            if self._process is None:
                self.start()
            assert self._process is not None
            output, _ = self._process.communicate()
            if self._process.returncode != 0:
                raise RuntimeError(f"pagefind failed ({self._process.returncode}): {output}")
            entry = json.loads((self.site / "pagefind" / "pagefind-entry.json").read_text())
            return sum(int(lang.get("page_count", 0)) for lang in entry["languages"].values())
        finally:
            shutil.rmtree(self.records, ignore_errors=True)

    def abort(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.communicate()
        shutil.rmtree(self.records, ignore_errors=True)
