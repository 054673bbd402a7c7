"""Durable files: written whole or not at all, and still there after a power cut.

``write_atomic(path, data)`` writes a temporary file beside ``path``, fsyncs it, renames
it over ``path`` and fsyncs the directory; a failure (a full disk) removes the temporary
file. ``fsync_dir`` makes a directory's entries (new names, renames) durable; ``fsync_tree``
fsyncs every file of a directory and then the directory. The raw store and the corpus
writer both go through here.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

TMP_SUFFIX = ".tmp"


def fsync_dir(directory: Path) -> None:
    """Make the entries of ``directory`` durable (best effort where directories cannot be
    opened, as on some filesystems)."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def fsync_tree(directory: Path) -> None:
    """fsync every file directly in ``directory``, then the directory itself."""
    for path in directory.iterdir():
        if path.is_file():
            with path.open("rb") as f:
                os.fsync(f.fileno())
    fsync_dir(directory)


def tmp_path(path: Path) -> Path:
    """The temporary name ``write_atomic`` uses for ``path`` (hidden, per process)."""
    return path.with_name(f".{path.name}.{os.getpid()}{TMP_SUFFIX}")


def write_atomic(path: Path, data: bytes) -> None:
    """``path`` holds ``data`` after this returns, durably; before, its old content."""
    tmp = tmp_path(path)
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def remove_stale_tmp(directory: Path, pattern: str = f"*/.*{TMP_SUFFIX}") -> int:
    """Remove the temporary files a killed writer left under ``directory``; how many.
    Call it only while holding the directory's lock (no writer is running)."""
    removed = 0
    for path in directory.glob(pattern):
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed
