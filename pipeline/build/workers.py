"""The per-document work — read, parse, rules, entities — in this process or in workers.

``outputs(docs, workers, config)`` yields one ``Output`` per document, in input order.
With ``workers`` > 1 the documents go to worker processes (spawned: nothing inherited
but the ``WorkConfig``) through a bounded window, so that documents are streamed and
never all held in memory; each worker builds its NER stage once and reads the NER cache,
and returns what the model computed so that the main process, the only writer, stores it.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from extractors.document import extract_article
from models.enums import Severity
from models.records import DocumentResult, Issue
from models.schema import CHILD_TABLES, table_columns
from pipeline.build import reuse
from pipeline.build.inputs import InputDocument, load, to_article
from pipeline.build.ner import NerCache, NerStage, NerStats

log = logging.getLogger("ccin")

#: Documents sent to a worker at once: one message each way per chunk, not per document
#: (the main process shares the cores with the workers: its per-message work counts).
CHUNK_DOCS = 4
#: Chunks in flight per worker.
WINDOW_PER_WORKER = 4


@dataclass(frozen=True, slots=True)
class Reused:
    """An unchanged document: its rows are copied from the previous corpus."""

    deliberation_id: str
    title: str | None
    url: str | None
    text_sha256: str
    source: str
    issues: list[Issue]


def read_extract(
    doc: InputDocument, previous: dict[str, reuse.Previous], times: dict[str, float]
) -> tuple[DocumentResult | None, Reused | None]:
    """The document read and extracted, or ``Reused`` when unchanged; never raises."""
    t = time.perf_counter()
    doc, unreadable = load(doc)  # a listed file is read here, in the worker
    if unreadable is not None:
        return DocumentResult(source=doc.source, issues=[unreadable]), None
    times["read"] = time.perf_counter() - t
    t = time.perf_counter()
    try:
        article, read_issues = to_article(doc)
        times["parse"] = time.perf_counter() - t
        if article is None:
            return DocumentResult(source=doc.source, issues=read_issues), None
        if previous:
            text = reuse.article_text(article)
            sha = reuse.text_sha256(text) if text is not None else ""
            prev = previous.get(sha)
            if prev is not None and prev.page_facts == reuse.page_facts(article, doc.source):
                return None, Reused(
                    prev.deliberation_id, prev.title, article.url, sha, doc.source, read_issues
                )
        t = time.perf_counter()
        result = extract_article(article, doc.source, times)
        times["rules"] = time.perf_counter() - t - times.get("split", 0.0)
        result.issues[:0] = read_issues
        return result, None
    except Exception as exc:  # a bug on one page must not stop the run
        log.exception("failed on %s", doc.source)
        issue = Issue(
            "extract",
            Severity.ERROR,
            "internal_error",
            f"{type(exc).__name__}: {exc}",
            None,
            doc.source,
        )
        return DocumentResult(source=doc.source, issues=[issue]), None


@dataclass(frozen=True, slots=True)
class WorkConfig:
    entities: bool
    cache_path: Path | None
    model: str
    previous: dict[str, reuse.Previous]
    detail: bool  # time the section splitter apart from the other rules


@dataclass(slots=True)
class Rows:
    """A document's rows, built where it was extracted: the main process only writes them.

    ``tables`` holds the deliberation's row and its child tables' rows as columns
    (``models.schema.table_columns``), which cross the process boundary far faster than
    the records; ``deliberation`` is what the main process deduplicates on: id, url,
    text hash and title.
    """

    source: str
    deliberation: tuple[str, str | None, str, str | None] | None
    tables: dict[str, dict[str, list]]
    issues: list[Issue]
    not_a_deliberation: bool


def rows_of(result: DocumentResult) -> Rows:
    d = result.deliberation
    tables: dict[str, dict[str, list]] = {}
    key = None
    if d is not None:
        key = (d.deliberation_id, d.url, d.text_sha256, d.title)
        tables["deliberations"] = table_columns("deliberations", [d])
        for table in CHILD_TABLES:
            records = result.children.get(table)
            if records:
                tables[table] = table_columns(table, records, deliberation_id=d.deliberation_id)
    return Rows(
        result.source, key, tables, list(result.issues), result.not_a_deliberation is not None
    )


@dataclass(slots=True)
class Output:
    rows: Rows | None
    reused: Reused | None
    new_cache: list
    times: dict[str, float]
    ner: NerStats
    error: str | None = None


class _Worker:
    def __init__(self, config: WorkConfig) -> None:
        self.config = config
        self.stage: NerStage | None = None
        if config.entities:
            cache = None
            if config.cache_path is not None and config.cache_path.exists():
                cache = NerCache(config.cache_path, config.model, readonly=True)
            self.stage = NerStage(cache=cache, model=config.model)

    def __call__(self, doc: InputDocument) -> Output:
        times: dict[str, float] = {}
        result, reused = read_extract(doc, self.config.previous, times)
        if not self.config.detail:
            times["rules"] = times.get("rules", 0.0) + times.pop("split", 0.0)
        stats = NerStats()
        if self.stage is not None and result is not None and result.deliberation is not None:
            self.stage.stats = stats
            try:
                self.stage.annotate(result)
            except Exception as exc:  # entities are not worth losing the document
                log.exception("entities failed on %s", doc.source)
                result.issues.append(
                    Issue(
                        "entities",
                        Severity.ERROR,
                        "internal_error",
                        f"{type(exc).__name__}: {exc}",
                        result.deliberation.deliberation_id,
                        doc.source,
                    )
                )
            times["rules"] = times.get("rules", 0.0) + stats.rules_seconds
            times["ner"] = stats.ner_seconds
        t = time.perf_counter()
        rows = rows_of(result) if result is not None else None
        times["write"] = time.perf_counter() - t
        if self.stage is None:
            return Output(rows, reused, [], times, stats)
        return Output(rows, reused, self.stage.drain(), times, stats, self.stage.error)


_WORKER: _Worker | None = None


def _init_worker(config: WorkConfig) -> None:
    global _WORKER
    _WORKER = _Worker(config)


def _work(docs: list[InputDocument]) -> list[Output]:
    assert _WORKER is not None
    return [_WORKER(doc) for doc in docs]


def _chunks(docs: Iterable[InputDocument], n: int) -> Iterator[list[InputDocument]]:
    chunk: list[InputDocument] = []
    for doc in docs:
        chunk.append(doc)
        if len(chunk) >= n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def outputs(docs: Iterable[InputDocument], workers: int, config: WorkConfig) -> Iterator[Output]:
    """Each document's output, in input order, from this process or from ``workers``."""
    if workers <= 1:
        worker = _Worker(config)
        for doc in docs:
            yield worker(doc)
        return
    executor = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),  # no inherited threads or handles
        initializer=_init_worker,
        initargs=(config,),
    )
    window: deque = deque()
    try:
        for chunk in _chunks(docs, CHUNK_DOCS):
            window.append(executor.submit(_work, chunk))
            if len(window) >= workers * WINDOW_PER_WORKER:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
