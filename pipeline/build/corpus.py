"""Run the extraction over documents and write the corpus (the one place both meet).

``build_corpus(docs, out_dir)`` reads every document, extracts it
(``extractors.document``), finds its entities (``pipeline.build.ner``), keeps one deliberation
per id (the same article reached under several URLs is one deliberation), and streams
the rows to ``pipeline.build.writer``. A document that fails is recorded in ``issues`` and the
run goes on; only a failure to write the corpus stops it, and then the previous corpus
stays in place.

Speed (measured by ``ccin bench``):

- on a long run (``PARALLEL_MIN_DOCS`` documents or more, or an unknown number) the
  per-document work — read the file, parse, rules, NER, and the rows as columns
  (``pipeline.build.workers.Rows``) — runs in worker processes, one per core, fed through a
  bounded window (documents are streamed, never all held in memory) and returned in
  input order; the main process only deduplicates and writes (Parquet, the NER cache),
  so that it takes as little as possible of the cores the workers need;
- unchanged documents are not extracted again (``pipeline.build.reuse``) unless ``force``:
  their rows are copied from the previous corpus as Arrow tables.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.enums import Severity
from models.records import DocumentResult, Issue
from models.schema import table_columns
from pipeline.build import reuse
from pipeline.build.inputs import InputDocument
from pipeline.build.ner import MODEL, NerCache, NerStats, model_id
from pipeline.build.workers import Reused, Rows, WorkConfig, cpus, outputs, read_extract
from pipeline.build.writer import CorpusWriter
from pipeline.plurals import counted
from pipeline.store import corpus_lock

#: Below this many documents the work stays in this process (workers take ~1 s to start).
PARALLEL_MIN_DOCS = 50
#: The main process writes the workers' new NER results to the cache this often.
CACHE_COMMIT_DOCS = 32
STAGES = ("read", "parse", "split", "rules", "ner", "write")

log = logging.getLogger("ccin")
#: Each problem met, as it is written to ``issues`` (``-v`` shows them).
issue_log = logging.getLogger("ccin.issues")


@dataclass(slots=True)
class RunSummary:
    documents: int = 0
    deliberations: int = 0
    skipped: int = 0
    not_deliberations: int = 0
    failed: int = 0
    issues: int = 0
    out_dir: Path | None = None
    ids: list[str] = field(default_factory=list)
    reused: int = 0  # unchanged deliberations whose rows were copied from the previous corpus
    workers: int = 1
    seconds: float = 0.0
    #: seconds per stage, summed over the worker processes (so more than ``seconds``)
    stages: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    ner: NerStats = field(default_factory=NerStats)

    def line(self) -> str:
        unchanged = f", {self.reused} unchanged (rows reused)" if self.reused else ""
        return (
            f"read {counted(self.documents, 'document')}: "
            f"{counted(self.deliberations, 'deliberation')}, "
            f"{self.skipped} skipped (duplicates), {counted(self.not_deliberations, 'other act')}, "
            f"{self.failed} unreadable, {counted(self.issues, 'issue')}{unchanged} → {self.out_dir}"
        )


def process(doc: InputDocument) -> DocumentResult:
    """One document, read and extracted (entities apart); never raises."""
    result, _ = read_extract(doc, {}, {})
    assert result is not None
    return result


class _Deduplicator:
    """Keeps the first page of each deliberation id; says what the others were."""

    def __init__(self) -> None:
        self.seen: dict[str, tuple[str | None, str, str | None]] = {}

    def check(
        self, did: str, url: str | None, sha: str, title: str | None, source: str
    ) -> Issue | None:
        first = self.seen.get(did)
        if first is None:
            self.seen[did] = (url, sha, title)
            return None
        url0, sha0, title0 = first
        if (url and url == url0) or sha == sha0 or title == title0:
            return Issue(
                "deduplicate",
                Severity.INFO,
                "duplicate_page",
                f"same article as the page already read for {did} ({url0 or 'same text'})",
                did,
                source,
            )
        return Issue(
            "deduplicate",
            Severity.WARNING,
            "conflicting_id",
            f"a second, different page claims {did}: kept the first ({(title0 or '')[:100]!r})",
            did,
            source,
        )


def build_corpus(
    docs: Iterable[InputDocument],
    out_dir: Path,
    *,
    progress: bool = True,
    extra_issues: Iterable[Issue] = (),
    total: int | None = None,
    entities: bool = True,
    force: bool = False,
    workers: int | None = None,
    cache_dir: Path | None = None,
    model: str = MODEL,
    detail: bool = False,
    allow_shrink: bool = False,
    manifest: dict | None = None,
) -> RunSummary:
    """Extract every document and write every table into ``out_dir`` atomically.

    ``entities``: find the named entities (rules and model; the NER cache is
    ``cache_dir/ner.sqlite``, by default ``out_dir/../cache``). ``force``: extract even
    the documents unchanged since the previous corpus (see ``pipeline.build.reuse``).
    ``workers``: processes for the per-document work (default: one per core on a long
    run, see ``PARALLEL_MIN_DOCS``). ``detail``: time the section splitter apart.
    ``allow_shrink``: publish even a corpus with fewer deliberations than the one in
    place (else ``CorpusShrinks``). ``manifest``: more keys for ``manifest.json``.

    Holds the lock of ``out_dir``'s data directory (``Locked`` if another writer does).
    """
    with corpus_lock(out_dir):
        return _build(
            docs,
            out_dir,
            progress=progress,
            extra_issues=extra_issues,
            total=total,
            entities=entities,
            force=force,
            workers=workers,
            cache_dir=cache_dir,
            model=model,
            detail=detail,
            allow_shrink=allow_shrink,
            manifest=manifest,
        )


def _build(
    docs: Iterable[InputDocument],
    out_dir: Path,
    *,
    progress: bool,
    extra_issues: Iterable[Issue],
    total: int | None,
    entities: bool,
    force: bool,
    workers: int | None,
    cache_dir: Path | None,
    model: str,
    detail: bool,
    allow_shrink: bool,
    manifest: dict | None,
) -> RunSummary:
    started = time.perf_counter()
    summary = RunSummary(out_dir=out_dir)
    ner_id = model_id(model) if entities else None
    signature = reuse.ner_signature(ner_id)
    writer = CorpusWriter(out_dir, allow_shrink=allow_shrink)
    previous = reuse.PreviousCorpus.load(writer.replaces, signature, reuse=not force)
    cache = None
    if entities:
        cache_path = (cache_dir or out_dir.parent / "cache") / "ner.sqlite"
        cache = NerCache(cache_path, model)  # created before the workers open it read-only
    if workers is None:
        long_run = total is None or total >= PARALLEL_MIN_DOCS
        workers = cpus() if long_run else 1
    summary.workers = workers = max(1, workers)
    config = WorkConfig(entities, cache.path if cache else None, model, previous.by_hash, detail)
    dedup = _Deduplicator()
    reused_ids: set[str] = set()
    pending: list = []
    errors: set[str] = set()
    try:
        with _progress(progress, total) as advance:
            for n, out in enumerate(outputs(_timed(docs, summary), workers, config), start=1):
                summary.documents += 1
                for stage, seconds in out.times.items():
                    summary.stages[stage] += seconds
                summary.ner.add(out.ner)
                pending.extend(out.new_cache)
                if out.error:
                    errors.add(out.error)
                t = time.perf_counter()
                if out.reused is not None:
                    _write_reused(writer, out.reused, dedup, summary, reused_ids)
                elif out.rows is not None:
                    _write_rows(writer, out.rows, dedup, summary)
                if cache is not None and (n % CACHE_COMMIT_DOCS == 0 or len(pending) > 5000):
                    cache.put_many(pending)
                    pending.clear()
                summary.stages["write"] += time.perf_counter() - t
                advance()
        t = time.perf_counter()
        if cache is not None:
            cache.put_many(pending)
        summary.issues += previous.copy_rows(writer, reused_ids).get("issues", 0)
        _write_issues(writer, list(extra_issues), summary)
        no_model = [Issue("entities", Severity.ERROR, "no_model", m) for m in sorted(errors)]
        _write_issues(writer, no_model, summary)
        writer.commit(
            {
                "documents": summary.documents,
                "deliberations": summary.deliberations,
                "reused": summary.reused,
                "ner": signature,
                **(manifest or {}),
            }
        )
        summary.stages["write"] += time.perf_counter() - t
    except BaseException:
        writer.abort()
        raise
    finally:
        if cache is not None:
            cache.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _timed(docs: Iterable[InputDocument], summary: RunSummary) -> Iterator[InputDocument]:
    """The documents, the time spent reading them counted as the "read" stage."""
    it = iter(docs)
    while True:
        t = time.perf_counter()
        try:
            doc = next(it)
        except StopIteration:
            return
        finally:
            summary.stages["read"] += time.perf_counter() - t
        yield doc


def _write_reused(
    writer: CorpusWriter, r: Reused, dedup: _Deduplicator, summary: RunSummary, ids: set[str]
) -> None:
    issues = list(r.issues)
    duplicate = dedup.check(r.deliberation_id, r.url, r.text_sha256, r.title, r.source)
    if duplicate is not None:
        summary.skipped += 1
        issues = [duplicate]
    else:
        summary.deliberations += 1
        summary.reused += 1
        summary.ids.append(r.deliberation_id)
        ids.add(r.deliberation_id)
    _write_issues(writer, issues, summary)


def _write_rows(
    writer: CorpusWriter, rows: Rows, dedup: _Deduplicator, summary: RunSummary
) -> None:
    issues = rows.issues
    d = rows.deliberation
    if d is not None:
        duplicate = dedup.check(*d, rows.source)
        if duplicate is not None:
            summary.skipped += 1
            issues = [duplicate]
            d = None
    if d is not None:
        summary.deliberations += 1
        summary.ids.append(d[0])
        for table, columns in rows.tables.items():
            writer.write(table, columns)
    elif rows.not_a_deliberation:
        summary.not_deliberations += 1
    elif not any(i.code == "duplicate_page" or i.code == "conflicting_id" for i in issues):
        summary.failed += 1
    _write_issues(writer, issues, summary)


def _write_issues(writer: CorpusWriter, issues: list[Issue], summary: RunSummary) -> None:
    if not issues:
        return
    writer.write("issues", table_columns("issues", issues))
    summary.issues += len(issues)
    for issue in issues:
        if issue.severity is not Severity.INFO:
            issue_log.info("%s: %s %s: %s", issue.source, issue.severity, issue.code, issue.message)


class _progress:
    """A rich progress bar on a terminal; nothing otherwise."""

    def __init__(self, enabled: bool, total: int | None) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.total = total
        self._bar: Any = None  # a rich Progress while it runs (imported when needed)

    def __enter__(self):
        if not self.enabled:
            return lambda: None
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        bar = self._bar = Progress(
            TextColumn("extracting"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            transient=True,
        )
        bar.start()
        task = bar.add_task("extract", total=self.total)
        return lambda: bar.advance(task)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
