"""Unchanged documents: reuse the previous corpus's rows instead of extracting them again.

A document is unchanged when the previous corpus (the version ``build_corpus`` is about to
replace, resolved once when the build starts, under the data directory's lock) holds a
deliberation with the same ``text_sha256`` (``extractors.document.article_text``: the
text the extractor itself hashes), the same ``extractor_version`` (the code of models/,
scrapers/, extractors/), the same NER signature (model, its version, the pipeline code
that runs it: ``manifest.json``'s ``ner``) and the same page facts that do not come from
the text (url, source, journal number, publication date, page, OCR quality). Its rows
are then copied from that version, every table, and only its page is read and parsed (to
hash its text). Pass ``force=True`` to ``build_corpus`` (``ccin extract --force``) to
extract everything.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from extractors.document import article_text, text_sha256
from extractors.version import EXTRACTOR_VERSION, code_hash
from models.records import Article
from models.schema import TABLES
from pipeline.build.writer import CorpusWriter

#: The deliberation row's facts that come from the page, not from its text.
PAGE_FIELDS = ("url", "source", "journal_number", "published_on", "page", "ocr_quality")
_CODE = Path(__file__).resolve().parent

__all__ = ["Previous", "PreviousCorpus", "article_text", "page_facts", "text_sha256"]


def ner_signature(model_id: str | None) -> str | None:
    """The model and the pipeline code the entities depend on, beside EXTRACTOR_VERSION."""
    if model_id is None:
        return None
    return (
        f"{model_id};{code_hash(*(_CODE / name for name in ('ner.py', 'corpus.py', 'reuse.py')))}"
    )


@dataclass(frozen=True, slots=True)
class Previous:
    deliberation_id: str
    title: str | None
    page_facts: tuple[Any, ...]


def page_facts(article: Article, source: str) -> tuple[Any, ...]:
    return (
        article.url,
        source,
        article.journal_number,
        article.published_on,
        article.page,
        article.ocr_quality,
    )


@dataclass
class PreviousCorpus:
    """One version of a corpus, read once: its deliberations by text hash (when its code is
    the current one), and its rows copied from the same files at the end."""

    path: Path | None  # the version directory (the corpus link resolved); None: no corpus
    by_hash: dict[str, Previous] = field(default_factory=dict)
    _deliberations: pa.Table | None = None

    @classmethod
    def load(cls, version: Path | None, signature: str | None, *, reuse: bool) -> PreviousCorpus:
        if version is None or not reuse:
            return cls(version)
        try:
            manifest = json.loads((version / "manifest.json").read_text())
            if (
                manifest.get("extractor_version") != EXTRACTOR_VERSION
                or manifest.get("ner") != signature
            ):
                return cls(version)
            table = pq.read_table(version / "deliberations.parquet")
        except (OSError, ValueError, KeyError, pa.ArrowException):
            return cls(version)
        by_hash: dict[str, Previous] = {}
        columns = ["deliberation_id", "text_sha256", "title", *PAGE_FIELDS]
        for row in table.select(columns).to_pylist():
            facts = tuple(row[f] for f in PAGE_FIELDS)
            by_hash.setdefault(
                row["text_sha256"], Previous(row["deliberation_id"], row["title"], facts)
            )
        return cls(version, by_hash, table)

    def copy_rows(self, writer: CorpusWriter, ids: set[str]) -> dict[str, int]:
        """Every row of the ``ids`` deliberations from this version into ``writer``."""
        copied = dict.fromkeys(TABLES, 0)
        if not ids or self.path is None:
            return copied
        wanted = pa.array(sorted(ids), pa.string())
        for table in TABLES:
            data = (
                self._deliberations
                if table == "deliberations" and self._deliberations is not None
                else pq.read_table(self.path / f"{table}.parquet")
            )
            keep = pc.is_in(data["deliberation_id"], value_set=wanted)
            if table == "issues":  # this run says again which pages were duplicates
                keep = pc.and_(keep, pc.not_equal(data["stage"], "deduplicate"))
            kept = data.filter(pc.fill_null(keep, False))
            writer.write(table, kept)
            copied[table] += kept.num_rows
            del data, kept
        self._deliberations = None
        return copied
