"""The extractor version written in every row: the package version and a hash of the code.

``EXTRACTOR_VERSION`` changes whenever a file of models/, scrapers/ or extractors/
changes, so the nightly run can tell which rows were made by older code.
"""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent


def code_hash(*files: Path) -> str:
    """A short hash of source files (their paths below the project and their bytes); a folder
    stands for every ``.py`` file below it, subfolders included."""
    h = hashlib.sha256()
    for item in files:
        paths = sorted(item.rglob("*.py")) if item.is_dir() else [item]
        for path in paths:
            h.update(path.resolve().relative_to(_ROOT).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:10]


def _package_version() -> str:
    try:
        return metadata.version("ccin-corpus")
    except metadata.PackageNotFoundError:
        return "0.0.0"


EXTRACTOR_VERSION = (
    f"{_package_version()}+{code_hash(*(_ROOT / p for p in ('models', 'scrapers', 'extractors')))}"
)
