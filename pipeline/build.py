"""Run the extraction over documents and write the corpus (the one place both meet).

``build_corpus(docs, out_dir)`` reads every document, extracts it
(``extractors.document``), keeps one deliberation per id (the same article reached under
several URLs is one deliberation), and streams the rows to ``pipeline.writer``. A
document that fails is recorded in ``issues`` and the run goes on; only a failure to
write the corpus stops it, and then the previous corpus stays in place.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extractors.document import extract_article
from models.enums import Severity
from models.records import DocumentResult, Issue
from models.schema import CHILD_TABLES, record_row
from pipeline.inputs import InputDocument, to_article
from pipeline.writer import CorpusWriter

log = logging.getLogger("ccin")


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

    def line(self) -> str:
        return (
            f"read {self.documents} documents: {self.deliberations} deliberations, "
            f"{self.skipped} skipped (duplicates), {self.not_deliberations} other acts, "
            f"{self.failed} unreadable, {self.issues} issues → {self.out_dir}"
        )


def process(doc: InputDocument) -> DocumentResult:
    """One document, read and extracted; never raises."""
    try:
        article, read_issues = to_article(doc)
        if article is None:
            return DocumentResult(source=doc.source, issues=read_issues)
        result = extract_article(article, doc.source)
        result.issues[:0] = read_issues
        return result
    except Exception as exc:  # a bug on one page must not stop the run
        log.exception("failed on %s", doc.source)
        return DocumentResult(
            source=doc.source,
            issues=[
                Issue(
                    "extract",
                    Severity.ERROR,
                    "internal_error",
                    f"{type(exc).__name__}: {exc}",
                    None,
                    doc.source,
                )
            ],
        )


class _Deduplicator:
    """Keeps the first page of each deliberation id; says what the others were."""

    def __init__(self) -> None:
        self.seen: dict[str, tuple[str | None, str, str]] = {}

    def check(self, result: DocumentResult) -> Issue | None:
        d = result.deliberation
        assert d is not None
        first = self.seen.get(d.deliberation_id)
        if first is None:
            self.seen[d.deliberation_id] = (d.url, d.text_sha256, d.title)
            return None
        url, sha, title = first
        if (d.url and d.url == url) or d.text_sha256 == sha or d.title == title:
            return Issue(
                "deduplicate",
                Severity.INFO,
                "duplicate_page",
                f"same article as the page already read for {d.deliberation_id} ({url or 'same text'})",
                d.deliberation_id,
                result.source,
            )
        return Issue(
            "deduplicate",
            Severity.WARNING,
            "conflicting_id",
            f"a second, different page claims {d.deliberation_id}: kept the first ({title[:100]!r})",
            d.deliberation_id,
            result.source,
        )


def build_corpus(
    docs: Iterable[InputDocument],
    out_dir: Path,
    *,
    progress: bool = True,
    extra_issues: Iterable[Issue] = (),
    total: int | None = None,
) -> RunSummary:
    """Extract every document and write every table into ``out_dir`` atomically."""
    summary = RunSummary(out_dir=out_dir)
    writer = CorpusWriter(out_dir)
    dedup = _Deduplicator()
    try:
        with _progress(progress, total) as advance:
            for doc in docs:
                result = process(doc)
                summary.documents += 1
                _write_result(writer, result, dedup, summary)
                advance()
        for issue in extra_issues:
            writer.add("issues", record_row(issue))
            summary.issues += 1
        writer.commit({"documents": summary.documents, "deliberations": summary.deliberations})
    except BaseException:
        writer.abort()
        raise
    return summary


def _write_result(
    writer: CorpusWriter, result: DocumentResult, dedup: _Deduplicator, summary: RunSummary
) -> None:
    issues = list(result.issues)
    d = result.deliberation
    if d is not None:
        duplicate = dedup.check(result)
        if duplicate is not None:
            summary.skipped += 1
            issues = [duplicate]
            d = None
    if d is not None:
        summary.deliberations += 1
        summary.ids.append(d.deliberation_id)
        writer.add("deliberations", record_row(d))
        for table in CHILD_TABLES:
            for position, record in enumerate(result.children.get(table, ())):
                writer.add(
                    table, record_row(record, deliberation_id=d.deliberation_id, position=position)
                )
    elif result.not_a_deliberation is not None:
        summary.not_deliberations += 1
    elif not any(i.code == "duplicate_page" or i.code == "conflicting_id" for i in issues):
        summary.failed += 1
    for issue in issues:
        writer.add("issues", record_row(issue))
        summary.issues += 1


class _progress:
    """A rich progress bar on a terminal; nothing otherwise."""

    def __init__(self, enabled: bool, total: int | None) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.total = total
        self._bar = None

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

        self._bar = Progress(
            TextColumn("extracting"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            transient=True,
        )
        self._bar.start()
        task = self._bar.add_task("extract", total=self.total)
        return lambda: self._bar.advance(task)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
