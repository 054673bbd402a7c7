"""The NER stage (cache, batching, failure) and the build around it (unchanged documents, workers)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from models.schema import TABLES
from pipeline.build import reuse
from pipeline.build.corpus import build_corpus, process
from pipeline.build.inputs import InputDocument, iter_sources, to_article
from pipeline.build.ner import NerCache, NerStage, model_id
from tests.conftest import FIXTURES, SAMPLE

SEED = SAMPLE / "deliberation-2021-81.html"


@dataclass
class FakeEnt:
    start_char: int
    end_char: int
    label_: str


@dataclass
class FakeDoc:
    text: str
    ents: list[FakeEnt]


class FakeModel:
    """Tags every capitalised word after the first of a text as LOC; counts the texts it reads."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def pipe(self, texts, batch_size=1):
        for text in texts:
            self.texts.append(text)
            ents = [FakeEnt(i, i + len(w), "LOC") for i, w in _words(text)[1:] if w[:1].isupper()]
            yield FakeDoc(text, ents)


def _words(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for w in text.split(" "):
        out.append((pos, w.strip(".,;:")))
        pos += len(w) + 1
    return out


def _seed() -> tuple[str, list]:
    result = process(InputDocument(str(SEED), SEED.read_bytes(), "html"))
    assert result.text is not None
    return result.text, result.children["sections"]


def test_cache_keeps_results_by_unit_and_model(tmp_path):
    cache = NerCache(tmp_path / "ner.sqlite")
    cache.put_many([(b"k1", [(0, 6, "LOC")]), (b"k2", [])])
    assert cache.get_many([b"k1", b"k2", b"k3"]) == {b"k1": [(0, 6, "LOC")], b"k2": []}
    other = NerCache(tmp_path / "ner.sqlite", model="another_model")
    assert other.get_many([b"k1"]) == {}
    assert model_id("another_model") != model_id()
    reader = NerCache(tmp_path / "ner.sqlite", readonly=True)
    assert len(reader) == 2


def test_unchanged_text_is_never_run_twice(tmp_path):
    text, sections = _seed()
    model = FakeModel()
    cache = NerCache(tmp_path / "ner.sqlite")
    first = NerStage(cache=cache, pipeline=model)
    rows = first.entities(text, sections)
    assert model.texts
    assert first.stats.run == len(set(model.texts))
    assert {r.source for r in rows} == {"rule", "model"}
    calls = len(model.texts)
    again = first.entities(text, sections)  # same process: from memory
    assert len(model.texts) == calls
    assert again == rows
    cache.put_many(first.drain())
    later = NerStage(cache=NerCache(tmp_path / "ner.sqlite", readonly=True), pipeline=model)
    assert later.entities(text, sections) == rows  # another run: from the cache
    assert len(model.texts) == calls
    assert later.stats.cached == later.stats.units > 0


def test_the_model_reads_only_the_units(tmp_path):
    text, sections = _seed()
    model = FakeModel()
    stage = NerStage(pipeline=model)
    stage.entities(text, sections)
    assert sum(map(len, model.texts)) < len(text) / 2
    assert not any("fixant les modalités d'application" in t for t in model.texts)  # a visa
    assert not any("ports non utilisés" in t for t in model.texts)


def test_without_the_model_the_rules_still_give_entities():
    text, sections = _seed()
    stage = NerStage(model="no_such_model_package")
    rows = stage.entities(text, sections)
    assert rows
    assert {r.source for r in rows} == {"rule"}
    assert stage.error
    assert "no_such_model_package" in stage.error


@pytest.mark.parametrize("page", sorted(SAMPLE.glob("*.html")), ids=lambda p: p.stem)
def test_the_reuse_hash_is_the_extractions(page):
    doc = InputDocument(str(page), page.read_bytes(), "html")
    article, _ = to_article(doc)
    assert article is not None
    text = reuse.article_text(article)
    deliberation = process(doc).deliberation
    assert text is not None
    assert deliberation is not None
    assert reuse.text_sha256(text) == deliberation.text_sha256


def _tables(out: Path) -> dict[str, list]:
    frames = {}
    for table in TABLES:
        df = pd.read_parquet(out / f"{table}.parquet")
        frames[table] = sorted(map(repr, df.astype(str).to_dict("records")))
    return frames


def test_unchanged_documents_are_reused_unless_forced(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(SAMPLE, raw)
    out = tmp_path / "data" / "corpus"
    first = build_corpus(iter_sources([raw], []), out, progress=False, entities=False)
    assert first.reused == 0
    assert first.deliberations == 4
    rows = _tables(out)
    second = build_corpus(iter_sources([raw], []), out, progress=False, entities=False)
    assert second.reused == 4
    assert second.stages["rules"] == 0
    assert _tables(out) == rows
    forced = build_corpus(iter_sources([raw], []), out, progress=False, entities=False, force=True)
    assert forced.reused == 0
    assert _tables(out) == rows
    page = raw / "deliberation-2022-62.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("rendez-vous", "rendez vous"), encoding="utf-8"
    )
    changed = build_corpus(iter_sources([raw], []), out, progress=False, entities=False)
    assert changed.reused == 3
    assert changed.deliberations == 4


def test_workers_give_the_rows_of_one_process(tmp_path):
    one = tmp_path / "one" / "corpus"
    two = tmp_path / "two" / "corpus"
    seeds = sorted((FIXTURES / "seeds").glob("*.txt"))
    build_corpus(iter_sources([SAMPLE, *seeds], []), one, progress=False, entities=False, workers=1)
    summary = build_corpus(
        iter_sources([SAMPLE, *seeds], []), two, progress=False, entities=False, workers=2
    )
    assert summary.workers == 2
    assert summary.skipped == 4
    assert _tables(one) == _tables(two)


@pytest.mark.model
def test_fr_core_news_sm_on_one_seed(tmp_path):
    out = tmp_path / "data" / "corpus"
    summary = build_corpus(iter_sources([SEED], []), out, progress=False)
    assert summary.ner.run > 0
    rows = pd.read_parquet(out / "entities.parquet")
    model = rows[rows["source"] == "model"]
    assert set(model["label"]) <= {"LOC", "MISC", "ORG", "PER"}
    rule = rows[rows["source"] == "rule"]
    found = set(zip(rule["label"], rule["text"], strict=True))
    assert {
        ("LAW", "loi n° 1.165"),
        ("SYSTEM", "Outlook"),
        ("SYSTEM", "Lotus"),
        ("ORG", "Commune de Monaco"),
    } <= found
    # what the model adds passes the contract's filter: no role, no finalité phrase
    assert not any(t.startswith(("Ministre", "Gestion")) for t in model["text"])
    assert "visas" not in set(model["section_kind"])
    assert "security" not in set(model["section_kind"])
    again = build_corpus(iter_sources([SEED], []), out, progress=False, force=True)
    assert again.ner.run == 0
    assert again.ner.cached == again.ner.units
    reused = build_corpus(iter_sources([SEED], []), out, progress=False)
    assert reused.reused == 1
    assert len(pd.read_parquet(out / "entities.parquet")) == len(rows)
