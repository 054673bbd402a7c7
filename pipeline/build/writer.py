"""Write the corpus: one Parquet file per table, streamed, swapped in atomically.

A run writes into a fresh version directory beside the corpus
(``data/.corpus.versions/<stamp>``); when every file is closed and fsynced, the corpus
path (``data/corpus``, a symbolic link) is switched to it with one ``rename``. A reader, or
a run killed at any moment, sees the previous corpus or the new one, never a mix. The
version replaced is kept; every other one (older ones, and those of killed runs) is
removed. A corpus with fewer deliberations than the one it replaces is not published
(``CorpusShrinks``) unless ``allow_shrink``. Callers hold the data directory's lock
(``pipeline.store.corpus_lock``).

Rows come in one way, ``write(table, data)``: columns in the table's schema order
(``models.schema.table_columns``) or an Arrow table (rows copied from a previous version).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import time
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from extractors.version import EXTRACTOR_VERSION
from models.schema import SCHEMA_VERSION, TABLES
from pipeline.atomic import fsync_dir, fsync_tree

FLUSH_ROWS = 20_000


def versions_dir(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.versions"


def current_version(out_dir: Path) -> Path | None:
    """The directory the corpus path points at now (a plain directory is its own)."""
    if out_dir.is_symlink():
        target = out_dir.resolve()
        return target if target.is_dir() else None
    return out_dir if out_dir.is_dir() else None


def deliberations_in(version: Path | None) -> int:
    """How many deliberations a corpus version holds (0 for none)."""
    if version is None:
        return 0
    try:
        manifest = json.loads((version / "manifest.json").read_text())
        return int(manifest["tables"]["deliberations"]["rows"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    try:
        return pq.ParquetFile(version / "deliberations.parquet").metadata.num_rows
    except (OSError, pa.ArrowException):
        return 0


class CorpusShrinks(Exception):
    """The new corpus has fewer deliberations than the one in place: not published."""

    def __init__(self, out_dir: Path, new: int, previous: int):
        super().__init__(
            f"the new corpus would have {new:,} deliberation{'s' if new != 1 else ''}, fewer "
            f"than the {previous:,} of {out_dir}: not published (--allow-shrink publishes it)"
        )
        self.new, self.previous = new, previous


class CorpusWriter:
    """Streams rows per table into Parquet files of a new corpus version."""

    def __init__(self, out_dir: Path, *, allow_shrink: bool = False) -> None:
        self.out_dir = out_dir
        self.allow_shrink = allow_shrink
        #: the version this one replaces, resolved once (reuse reads its rows from there)
        self.replaces = current_version(out_dir)
        self.previous_deliberations = deliberations_in(self.replaces)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        self.version_dir = versions_dir(out_dir) / f"{stamp}-{os.getpid()}"
        self.version_dir.mkdir(parents=True, exist_ok=False)
        # rows waiting to be written, per table, as columns in schema order
        self._buffers: dict[str, dict[str, list[Any]]] = {name: _empty(name) for name in TABLES}
        self._pending: dict[str, int] = dict.fromkeys(TABLES, 0)
        self._writers: dict[str, pq.ParquetWriter] = {}
        self.rows: dict[str, int] = dict.fromkeys(TABLES, 0)
        self._started = time.monotonic()

    def write(self, table: str, data: pa.Table | Mapping[str, Sequence[Any]]) -> None:
        """Rows of ``table``: as columns (``models.schema.table_columns``: every column of
        the schema), buffered; or an Arrow table (copied from a previous version), written
        as it is."""
        if isinstance(data, pa.Table):
            self._flush(table)
            if data.num_rows:
                schema = self._schema(table)
                self._writers[table].write_table(data.select(schema.names).cast(schema))
                self.rows[table] += data.num_rows
            return
        n = 0
        for key, values in self._buffers[table].items():
            added = data[key]
            values.extend(added)
            n = len(added)
        self._added(table, n)

    def _added(self, table: str, n: int) -> None:
        self.rows[table] += n
        self._pending[table] += n
        if self._pending[table] >= FLUSH_ROWS:
            self._flush(table)

    def _schema(self, table: str) -> pa.Schema:
        return TABLES[table].schema.with_metadata(
            {
                "schema_version": SCHEMA_VERSION,
                "extractor_version": EXTRACTOR_VERSION,
                "table": table,
            }
        )

    def _flush(self, table: str) -> None:
        schema = self._schema(table)
        if table not in self._writers:
            self._writers[table] = pq.ParquetWriter(
                self.version_dir / f"{table}.parquet", schema, compression="zstd"
            )
        if self._pending[table]:
            data = pa.Table.from_pydict(self._buffers[table], schema=schema)
            self._writers[table].write_table(data)
            self._buffers[table] = _empty(table)
            self._pending[table] = 0

    def commit(self, extra_manifest: dict[str, Any] | None = None) -> Path:
        """Close every file, write the manifest, and switch the corpus to this version
        (raises ``CorpusShrinks``, and publishes nothing, when it would lose deliberations)."""
        for table in TABLES:
            self._flush(table)  # also creates the empty tables, with their schema
            self._writers[table].close()
        new = self.rows["deliberations"]
        if new < self.previous_deliberations and not self.allow_shrink:
            raise CorpusShrinks(self.out_dir, new, self.previous_deliberations)
        manifest = {
            "schema_version": SCHEMA_VERSION,
            "extractor_version": EXTRACTOR_VERSION,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "run_seconds": round(time.monotonic() - self._started, 3),
            "tables": {
                table: {
                    "file": f"{table}.parquet",
                    "rows": self.rows[table],
                    "sha256": _sha256(self.version_dir / f"{table}.parquet"),
                }
                for table in TABLES
            },
            **(extra_manifest or {}),
        }
        (self.version_dir / "manifest.json").write_text(
            json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
        )
        # the dataset card and the Frictionless descriptor, generated from models/
        from pipeline.publish.datapackage import write_dataset_docs

        write_dataset_docs(self.version_dir)
        fsync_tree(self.version_dir)
        swap_in(self.version_dir, self.out_dir)
        return self.out_dir

    def abort(self) -> None:
        for writer in self._writers.values():
            with contextlib.suppress(Exception):  # best effort on the way out
                writer.close()
        shutil.rmtree(self.version_dir, ignore_errors=True)


def _empty(table: str) -> dict[str, list[Any]]:
    return {f.name: [] for f in TABLES[table].schema}


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def swap_in(version_dir: Path, out_dir: Path) -> None:
    """Point ``out_dir`` (a symlink) at ``version_dir`` in one atomic rename; keep the
    version it pointed at, remove every other."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    previous = current_version(out_dir)
    if out_dir.exists() and not out_dir.is_symlink():
        # a plain directory from elsewhere: keep it as a version, then link
        legacy = versions_dir(out_dir) / f"legacy-{int(time.time())}-{os.getpid()}"
        out_dir.rename(legacy)
        previous = legacy
    link = out_dir.parent / f".{out_dir.name}.link-{os.getpid()}"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(os.path.relpath(version_dir, out_dir.parent))
    link.replace(out_dir)
    fsync_dir(out_dir.parent)
    _prune(out_dir, keep={version_dir.resolve(), *([previous.resolve()] if previous else [])})


def _prune(out_dir: Path, keep: set[Path]) -> None:
    """Remove the versions other than ``keep``: older ones, and those of runs killed before
    they switched the link (with or without their manifest)."""
    for path in versions_dir(out_dir).iterdir():
        if path.is_dir() and path.resolve() not in keep:
            shutil.rmtree(path, ignore_errors=True)
