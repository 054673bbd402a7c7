"""The extractor version written in every row: the package version and a hash of the code.

``EXTRACTOR_VERSION`` changes whenever a file of models/, scrapers/ or extractors/
changes, so the nightly run can tell which rows were made by older code.
"""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent


def _code_hash() -> str:
    h = hashlib.sha256()
    for package in ("models", "scrapers", "extractors"):
        for path in sorted((_ROOT / package).glob("*.py")):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:10]


def _package_version() -> str:
    try:
        return metadata.version("ccin-corpus")
    except metadata.PackageNotFoundError:
        return "0.0.0"


EXTRACTOR_VERSION = f"{_package_version()}+{_code_hash()}"
