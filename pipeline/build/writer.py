"""Write the corpus: one Parquet file per table, streamed, swapped in atomically.

A run writes into a fresh version directory beside the corpus
(``data/.corpus.versions/<stamp>``); when every file is closed and fsynced, the corpus
path (``data/corpus``, a symbolic link) is switched to it with one ``rename``. A reader, or
a run killed at any moment, sees the previous corpus or the new one, never a mix. The
previous version is kept; older ones are removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from extractors.version import EXTRACTOR_VERSION
from models.schema import SCHEMA_VERSION, TABLES

KEEP_VERSIONS = 2
FLUSH_ROWS = 20_000


def versions_dir(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.versions"


class CorpusWriter:
    """Streams rows per table into Parquet files of a new corpus version."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        self.version_dir = versions_dir(out_dir) / f"{stamp}-{os.getpid()}"
        self.version_dir.mkdir(parents=True, exist_ok=False)
        # rows waiting to be written, per table, as columns in schema order
        self._buffers: dict[str, dict[str, list[Any]]] = {name: _empty(name) for name in TABLES}
        self._pending: dict[str, int] = dict.fromkeys(TABLES, 0)
        self._writers: dict[str, pq.ParquetWriter] = {}
        self.rows: dict[str, int] = dict.fromkeys(TABLES, 0)
        self._started = time.monotonic()

    def add(self, table: str, row: dict[str, Any]) -> None:
        """One row (a dict; keys outside the table's schema are dropped)."""
        for key, values in self._buffers[table].items():
            values.append(row.get(key))
        self._added(table, 1)

    def add_columns(self, table: str, columns: dict[str, list[Any]]) -> None:
        """Rows as columns (``models.schema.table_columns``: every column, schema order)."""
        n = 0
        for key, values in self._buffers[table].items():
            added = columns[key]
            values.extend(added)
            n = len(added)
        self._added(table, n)

    def add_table(self, table: str, data: pa.Table) -> None:
        """Rows already in Arrow (copied from the previous corpus), written as they are."""
        self._flush(table)
        if data.num_rows:
            schema = self._schema(table)
            self._writers[table].write_table(data.select(schema.names).cast(schema))
            self.rows[table] += data.num_rows

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
        """Close every file, write the manifest, and switch the corpus to this version."""
        for table in TABLES:
            self._flush(table)  # also creates the empty tables, with their schema
            self._writers[table].close()
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
        _fsync_dir(self.version_dir)
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


def _fsync_dir(directory: Path) -> None:
    for path in directory.iterdir():
        with path.open("rb") as f:
            os.fsync(f.fileno())
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def swap_in(version_dir: Path, out_dir: Path) -> None:
    """Point ``out_dir`` (a symlink) at ``version_dir`` in one atomic rename."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    if out_dir.exists() and not out_dir.is_symlink():
        # a plain directory from elsewhere: keep it as a version, then link
        legacy = versions_dir(out_dir) / f"legacy-{int(time.time())}-{os.getpid()}"
        out_dir.rename(legacy)
    link = out_dir.parent / f".{out_dir.name}.link-{os.getpid()}"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(os.path.relpath(version_dir, out_dir.parent))
    link.replace(out_dir)
    fd = os.open(out_dir.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    _prune(out_dir, keep=version_dir)


def _prune(out_dir: Path, keep: Path) -> None:
    """Remove old versions: keep the current one and the one before it."""
    root = versions_dir(out_dir)
    versions = sorted(
        (p for p in root.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime, reverse=True
    )
    kept = 0
    for path in versions:
        if path == keep:
            continue
        if (path / "manifest.json").exists() and kept < KEEP_VERSIONS - 1:
            kept += 1
            continue
        if time.time() - path.stat().st_mtime > 3600 or (path / "manifest.json").exists():
            shutil.rmtree(path, ignore_errors=True)
