"""Unchanged documents: reuse the previous corpus's rows instead of extracting them again.

A document is unchanged when the previous corpus (the one ``build_corpus`` is about to
replace) holds a deliberation with the same ``text_sha256``, the same
``extractor_version`` (the code of models/, scrapers/, extractors/), the same NER
signature (model, its version, the pipeline code that runs it: ``manifest.json``'s
``ner``) and the same page facts that do not come from the text (url, source, journal
number, publication date, page, OCR quality). Its rows are then copied from the previous
corpus, every table, and only its page is read and parsed (to hash its text). Pass
``force=True`` to ``build_corpus`` (``ccin extract --force``) to extract everything.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from extractors.common.normalise import normalise, normalise_line
from extractors.document import MAX_CHARS
from extractors.version import EXTRACTOR_VERSION, code_hash
from models.records import Article
from models.schema import TABLES
from pipeline.build.writer import CorpusWriter

#: The deliberation row's facts that come from the page, not from its text.
PAGE_FIELDS = ("url", "source", "journal_number", "published_on", "page", "ocr_quality")
_CODE = Path(__file__).resolve().parent


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


def document_text(article: Article) -> str | None:
    """The normalised text ``extract_article`` hashes (None when it would take another path)."""
    title = normalise_line(article.title)
    if not title:
        return None
    return normalise(title + "\n" + article.body)[:MAX_CHARS]


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def page_facts(article: Article, source: str) -> tuple[Any, ...]:
    return (
        article.url,
        source,
        article.journal_number,
        article.published_on,
        article.page,
        article.ocr_quality,
    )


def load_previous(out_dir: Path, signature: str | None) -> dict[str, Previous]:
    """The previous corpus's deliberations by text hash, when its code is the current one."""
    try:
        manifest = json.loads((out_dir / "manifest.json").read_text())
        if (
            manifest.get("extractor_version") != EXTRACTOR_VERSION
            or manifest.get("ner") != signature
        ):
            return {}
        table = pq.read_table(
            out_dir / "deliberations.parquet",
            columns=["deliberation_id", "text_sha256", "title", *PAGE_FIELDS],
        )
    except (OSError, ValueError, KeyError, pa.ArrowException):
        return {}
    out: dict[str, Previous] = {}
    for row in table.to_pylist():
        facts = tuple(row[f] for f in PAGE_FIELDS)
        out.setdefault(row["text_sha256"], Previous(row["deliberation_id"], row["title"], facts))
    return out


def copy_rows(writer: CorpusWriter, out_dir: Path, ids: set[str]) -> dict[str, int]:
    """Every row of the ``ids`` deliberations from the previous corpus into ``writer``."""
    copied = dict.fromkeys(TABLES, 0)
    if not ids:
        return copied
    wanted = pa.array(sorted(ids), pa.string())
    for table in TABLES:
        data = pq.read_table(out_dir / f"{table}.parquet")
        keep = pc.is_in(data["deliberation_id"], value_set=wanted)
        if table == "issues":  # this run says again which pages were duplicates
            keep = pc.and_(keep, pc.not_equal(data["stage"], "deduplicate"))
        kept = data.filter(pc.fill_null(keep, False))
        writer.add_table(table, kept)
        copied[table] += kept.num_rows
        del data, kept
    return copied
