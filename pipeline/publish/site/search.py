"""The full-text search index, made by Pagefind (the ``pagefind[bin]`` package ships its
binary: nothing is downloaded). The deliberation pages mark their text with
``data-pagefind-body``; the index is forced to French, for French stemming."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

LANGUAGE = "fr"


def pagefind_executable() -> Path:
    from pagefind_bin import get_executable

    return get_executable()


def index_site(site: Path) -> int | None:
    """Index ``site`` into ``site/pagefind``; the number of pages indexed (None when
    Pagefind does not say)."""
    result = subprocess.run(
        [
            str(pagefind_executable()),
            "--site",
            str(site),
            "--output-subdir",
            "pagefind",
            "--force-language",
            LANGUAGE,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"pagefind failed ({result.returncode}): {result.stderr or result.stdout}"
        )
    found = re.search(r"Indexed (\d+) pages?", result.stdout)
    return int(found.group(1)) if found else None
