"""What a data directory keeps between runs: the raw store, the run history, the lock.

The raw store ``DATA/raw/`` holds every page fetched, byte for byte, and an index of fetches.

Bodies are content-addressed: ``objects/<2 hex>/<sha256>`` (names never come from the
URL). ``index.jsonl`` has one JSON line per fetch attempt, successful or not (canonical
URL, page kind, time, status, hash, ETag/Last-Modified, error). A body is written
(temporary file, fsync, rename) before the line that names it is appended and fsynced,
so a run killed at any moment leaves at worst an unreferenced object or a torn last
line, which readers skip.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import statistics
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from pipeline.atomic import remove_stale_tmp, write_atomic

log = logging.getLogger("ccin.store")


@dataclass(frozen=True, slots=True)
class FetchRecord:
    url: str  # canonical URL
    kind: str  # "year", "issue", "article", "search"
    fetched_at: str  # ISO 8601, UTC
    status: int | None = None  # HTTP status; None when no response came
    sha256: str | None = None
    size: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    error: str | None = None  # None: the page was fetched and read well
    structural: bool = False  # the failure will not heal by retrying soon
    outage: bool = False  # the site's failure, not the page's: never held against it
    refs: tuple[str, ...] = ()  # issue pages: the candidate articles they list
    ref_titles: tuple[str, ...] = ()  # issue pages: the title the sommaire gives each ref
    title: str | None = None  # articles: the title the sommaire gave
    run_id: str | None = None
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None and self.sha256 is not None

    def to_json(self) -> str:
        data = {k: v for k, v in asdict(self).items() if v not in (None, (), {}, False)}
        if self.refs:
            data["refs"] = list(self.refs)
        if self.ref_titles:
            data["ref_titles"] = list(self.ref_titles)
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, line: str) -> FetchRecord:
        data = json.loads(line)
        if not isinstance(data, dict) or "url" not in data or "kind" not in data:
            raise ValueError("not a fetch record")
        known = set(cls.__dataclass_fields__) - {"extra"}
        data = {**(data.pop("extra", None) or {}), **data}
        data["refs"] = tuple(data.get("refs") or ())
        data["ref_titles"] = tuple(data.get("ref_titles") or ())
        extra = {k: v for k, v in data.items() if k not in known}
        kept = {k: v for k, v in data.items() if k in known}
        return cls(**kept, extra=extra)  # type: ignore[arg-type]


class RawStore:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.objects = self.root / "objects"
        self.index_path = self.root / "index.jsonl"

    def _object_path(self, sha256: str) -> Path:
        return self.objects / sha256[:2] / sha256

    def put(self, content: bytes) -> str:
        """Keep ``content``; its sha256 (the same bytes are stored once)."""
        sha = hashlib.sha256(content).hexdigest()
        path = self._object_path(sha)
        if path.exists() and path.stat().st_size == len(content):
            return sha
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, content)
        return sha

    def clean(self) -> int:
        """Remove the temporary objects of writers killed mid-write (under the lock)."""
        return remove_stale_tmp(self.objects)

    def path_of(self, sha256: str) -> Path:
        """Where the object is kept (for a reader in another process)."""
        return self._object_path(sha256)

    def get(self, sha256: str) -> bytes:
        return self._object_path(sha256).read_bytes()

    def has(self, sha256: str) -> bool:
        return self._object_path(sha256).is_file()

    def append(self, record: FetchRecord) -> None:
        """Add one line to the index, durably (a torn line left by a kill is closed first)."""
        self.root.mkdir(parents=True, exist_ok=True)
        line = record.to_json().encode("utf-8") + b"\n"
        with self.index_path.open("ab+") as fh:
            fh.seek(0, os.SEEK_END)
            if fh.tell() > 0:
                fh.seek(-1, os.SEEK_END)
                if fh.read(1) != b"\n":
                    fh.write(b"\n")
            fh.write(line)
            fh.flush()
            os.fsync(fh.fileno())

    def records(self) -> Iterator[FetchRecord]:
        """Every fetch in the index, oldest first; unreadable lines are skipped."""
        if not self.index_path.exists():
            return
        with self.index_path.open("rb") as fh:
            for n, raw in enumerate(fh, start=1):
                if not raw.strip():
                    continue
                try:
                    yield FetchRecord.from_json(raw.decode("utf-8"))
                except (ValueError, TypeError, UnicodeDecodeError):
                    log.warning("raw index line %d unreadable (a run killed while writing?)", n)

    def verify(self) -> list[str]:
        """URLs of successful fetches whose body is missing or altered (should be none)."""
        bad = []
        for rec in self.records():
            if rec.ok and rec.sha256:
                path = self._object_path(rec.sha256)
                if (
                    not path.is_file()
                    or hashlib.sha256(path.read_bytes()).hexdigest() != rec.sha256
                ):
                    bad.append(rec.url)
        return bad


# --- what the index says about each URL -----------------------------------------------

PARK_AFTER_STRUCTURAL = 3  # soft 404s, 404s, unreadable layouts in a row
PARK_AFTER_ANY = 8  # failures of any kind in a row


@dataclass(slots=True)
class PageState:
    last: FetchRecord
    last_ok: FetchRecord | None = None
    failures: int = 0  # failed fetches since the last good one
    structural: int = 0  # of which structural

    @property
    def parked(self) -> bool:
        return self.structural >= PARK_AFTER_STRUCTURAL or self.failures >= PARK_AFTER_ANY

    def update(self, rec: FetchRecord) -> None:
        self.last = rec
        if rec.outage:
            return
        if rec.ok:
            self.last_ok, self.failures, self.structural = rec, 0, 0
        else:
            self.failures += 1
            self.structural += int(rec.structural)


def page_states(records: Iterator[FetchRecord] | list[FetchRecord]) -> dict[str, PageState]:
    """URL → its state, from the fetches in order."""
    states: dict[str, PageState] = {}
    for rec in records:
        state = states.get(rec.url)
        if state is None:
            state = states[rec.url] = PageState(rec)
        state.update(rec)
    return states


# --- the lock and the run history of a data directory -------------------------------


class Locked(RuntimeError):
    """Another run holds the data directory's lock."""


_HELD: dict[Path, list[int]] = {}  # lock file → [fd, depth] held by this process


class RunLock:
    """``DIR/ccin.lock``, held with flock: released by the kernel even on ``kill -9``.

    The one lock of every writer of a data directory: the nightly run (its raw store and
    history) and every writer of a corpus directory in it (``corpus_lock``): ``refresh``,
    ``rebuild``, ``extract``, ``demo``. Re-entrant within a process (the nightly run's
    rebuild takes it again).
    """

    def __init__(self, data_dir: Path):
        self.path = Path(data_dir).absolute() / "ccin.lock"

    def __enter__(self) -> RunLock:
        held = _HELD.get(self.path)
        if held is not None:
            held[1] += 1
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise Locked(f"another run holds {self.path}") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        _HELD[self.path] = [fd, 1]
        return self

    def __exit__(self, *exc: object) -> None:
        held = _HELD.get(self.path)
        if held is None:
            return
        held[1] -= 1
        if held[1] == 0:
            del _HELD[self.path]
            fcntl.flock(held[0], fcntl.LOCK_UN)
            os.close(held[0])


def corpus_lock(corpus_dir: Path) -> RunLock:
    """The lock of the data directory that holds ``corpus_dir`` (its versions, its NER
    cache and, for ``DATA/corpus``, the nightly run's raw store)."""
    return RunLock(Path(corpus_dir).absolute().parent)


def read_history(data_dir: Path) -> list[dict]:
    """One dict per run, in the order they started: a run's last line is its outcome
    (a run killed before its end has only its first line, ``status`` "running")."""
    path = Path(data_dir) / "runs.jsonl"
    if not path.exists():
        return []
    runs: dict[str, dict] = {}
    for n, line in enumerate(path.read_text("utf-8", errors="replace").splitlines()):
        try:
            run = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(run, dict):
            key = str(run.get("run_id") or f"line-{n}")
            runs[key] = {**runs.get(key, {}), **run}
    return list(runs.values())


def append_history(data_dir: Path, run: dict) -> None:
    path = Path(data_dir) / "runs.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(run, ensure_ascii=False, sort_keys=True, default=str) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def close_killed_runs(data_dir: Path) -> list[str]:
    """Record as "killed" the runs that never wrote their outcome (call under the lock:
    no other run is going on); their ids."""
    killed = [r for r in read_history(data_dir) if r.get("status") == "running"]
    for run in killed:
        append_history(
            data_dir, {"run_id": run["run_id"], "status": "killed", "exit_code": None}
        )
    return [str(r["run_id"]) for r in killed]


def dry_spell(history: list[dict], now: datetime, min_days: float = 30.0) -> str | None:
    """A warning when no new deliberation has come for far longer than usual."""
    productive = sorted(
        datetime.fromisoformat(r["started_at"])
        for r in history
        if r.get("new_deliberations") and r.get("started_at")
    )
    if len(productive) >= 3:
        gaps = [(b - a).total_seconds() for a, b in zip(productive, productive[1:], strict=False)]
        usual = timedelta(seconds=statistics.median(gaps))
        limit = max(4 * usual, timedelta(days=min_days))
        if now - productive[-1] > limit:
            days = (now - productive[-1]).days
            return f"no new deliberation for {days} days (usually one every {usual.days or 1} days)"
    elif not productive:
        starts = [datetime.fromisoformat(r["started_at"]) for r in history if r.get("started_at")]
        if starts and now - min(starts) > timedelta(days=2 * min_days):
            return f"no deliberation found by any run since {min(starts):%Y-%m-%d}"
    return None
