"""``ccin bench``: how fast the corpus is rebuilt, measured on a realistic generated corpus.

``run(docs=3000)`` generates ``docs`` deliberation pages (``pipeline.testbed.bench_corpus``) in the
raw-page store of a temporary data directory (as ``ccin refresh`` keeps fetched pages),
then measures in one run, every rebuild reading the store as ``ccin rebuild`` does:

- the **naive loop** on a sample: each document read and extracted, then ``nlp(text)``
  with every component of ``fr_core_news_sm``, one document at a time (per-document rate);
- the **cold rebuild** of the whole corpus: empty NER cache, every document extracted;
- the **warm rebuild**: the cache filled, every rule re-run (as after a change to an
  extractor: ``force=True``);
- the **unchanged rebuild**: the nightly case, unchanged documents' rows reused;
- each stage's time (read, parse, split, rules, NER, write; summed over the worker
  processes), documents per second, and the peak memory (RSS of this process and its
  children, sampled every 0.1 s);
- the **entity agreement** between the optimised path and the naive loop on the sample,
  over the text the optimised path covers (the sentences the model is run on).

It writes ``bench/latest.json`` and prints a table.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from extractors.entities import model_units, rule_entities
from pipeline.build.corpus import RunSummary, build_corpus, process
from pipeline.build.inputs import InputDocument
from pipeline.build.ner import MODEL, NerCache, NerStage, model_id
from pipeline.build.rebuild import corpus_inputs
from pipeline.store import RawStore, page_states
from pipeline.testbed import bench_corpus

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"
TARGETS = {
    "cold_seconds": 240.0,
    "warm_seconds": 20.0,
    "speedup_vs_naive": 10.0,
    "peak_rss_mb": 2048.0,
    "site_seconds": 60.0,
}


def _tree_rss_mb(pid: int) -> float:
    """RSS of a process and all its descendants (Linux /proc), in MiB."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += next(
                (int(ln.split()[1]) for ln in status.splitlines() if ln.startswith("VmRSS:")), 0
            )
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total / 1024


class PeakMemory:
    """Samples the RSS of this process tree in a thread; ``peak_mb`` is the highest seen."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval, self.peak_mb = interval, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, _tree_rss_mb(os.getpid()))
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_mb = max(self.peak_mb, _tree_rss_mb(os.getpid()))


def _inputs(raw: Path) -> list[InputDocument]:
    """The store's article pages, as ``ccin rebuild`` reads them (read by the workers)."""
    store = RawStore(raw)
    return list(corpus_inputs(store, page_states(store.records())))


def _rebuild(
    raw: Path, out: Path, cache: Path, docs: int, **options: Any
) -> tuple[RunSummary, float]:
    with PeakMemory() as memory:
        summary = build_corpus(
            _inputs(raw),
            out,
            progress=False,
            total=docs,
            cache_dir=cache,
            detail=True,
            **options,
        )
    return summary, memory.peak_mb


def _phase(summary: RunSummary, peak_mb: float) -> dict[str, Any]:
    ner = summary.ner
    return {
        "seconds": round(summary.seconds, 2),
        "docs_per_second": round(summary.documents / summary.seconds, 2)
        if summary.seconds
        else None,
        "deliberations": summary.deliberations,
        "reused": summary.reused,
        "workers": summary.workers,
        "peak_rss_mb": round(peak_mb, 1),
        "stages_seconds": {k: round(v, 2) for k, v in summary.stages.items()},
        "ner": {
            "units": ner.units,
            "units_cached": ner.cached,
            "units_run": ner.run,
            "share_of_text_run": round(ner.chars_run / ner.chars, 4) if ner.chars else 0.0,
        },
    }


def _naive_and_agreement(raw: Path, cache: Path, n: int, total: int) -> dict[str, Any]:
    """The naive loop on ``n`` documents, and its entities beside the optimised path's."""
    import spacy

    pages = _inputs(raw)
    step = max(1, len(pages) // max(1, n))
    sample = pages[::step][:n]
    t = time.perf_counter()
    nlp = spacy.load(MODEL)  # every component
    load_seconds = time.perf_counter() - t
    stage = NerStage(cache=NerCache(cache / "ner.sqlite", readonly=True))
    seconds = nlp_seconds = 0.0
    naive_n = covered_n = optimised_n = matched = outside = 0
    differences: list[dict[str, Any]] = []
    with PeakMemory() as memory:
        for doc in sample:
            t0 = time.perf_counter()
            result = process(doc)
            text, sections = result.text, result.children.get("sections", [])
            assert text is not None, doc.source  # the bench pages are deliberations
            t1 = time.perf_counter()
            naive = {(e.start_char, e.end_char, e.label_) for e in nlp(text).ents}
            t2 = time.perf_counter()
            seconds += t2 - t0
            nlp_seconds += t2 - t1
            units = model_units(text, sections, rule_entities(text))
            cores = [c for u in units for c in u.cores]
            optimised = {(s.start, s.end, s.label) for s in stage.model_entities(text, units)}
            covered = {e for e in naive if any(a <= e[0] < b for a, b in cores)}
            naive_n += len(naive)
            covered_n += len(covered)
            outside += len(naive) - len(covered)
            optimised_n += len(optimised)
            matched += len(covered & optimised)
            for side, ents in (
                ("naive only", covered - optimised),
                ("optimised only", optimised - covered),
            ):
                for s, e, label in sorted(ents)[: max(0, 12 - len(differences))]:
                    differences.append(
                        {"side": side, "doc": doc.source, "label": label, "text": text[s:e]}
                    )
    precision = matched / optimised_n if optimised_n else 1.0
    recall = matched / covered_n if covered_n else 1.0
    return {
        "naive": {
            "docs": len(sample),
            "seconds": round(seconds, 2),
            "docs_per_second": round(len(sample) / seconds, 3) if seconds else None,
            "nlp_docs_per_second": round(len(sample) / nlp_seconds, 3) if nlp_seconds else None,
            "model_load_seconds": round(load_seconds, 2),
            "estimated_seconds_for_all": round(total * seconds / len(sample), 1)
            if sample
            else None,
            "peak_rss_mb": round(memory.peak_mb, 1),
        },
        "agreement": {
            "naive_entities": naive_n,
            "naive_entities_in_covered_text": covered_n,
            "naive_entities_outside_covered_text": outside,
            "optimised_entities": optimised_n,
            "matched": matched,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(2 * precision * recall / (precision + recall), 4) if matched else 0.0,
            "differences": differences,
        },
        "model_calls_for_agreement": stage.stats.run,
    }


def _profile(raw: Path, cache: Path, n: int, out: Path) -> dict[str, Any]:
    """The warm per-document work (read, parse, rules, cached NER, rows) on ``n`` pages, in
    this process, under pyinstrument (a sampling profiler: it does not inflate the many
    small calls as cProfile does). Writes ``out`` (text) and its ``.html`` twin."""
    try:
        from pyinstrument import Profiler
    except ImportError as exc:  # a dev dependency: `make install` has it
        raise RuntimeError("--profile needs pyinstrument (make install)") from exc
    from pipeline.build.workers import WorkConfig, _Worker

    pages = _inputs(raw)
    sample = pages[:: max(1, len(pages) // max(1, n))][:n]
    config = WorkConfig(True, cache / "ner.sqlite", MODEL, {}, detail=False)
    worker = _Worker(config)
    worker(sample[0])  # imports and caches warmed outside the profile
    profiler = Profiler(interval=0.0005)
    t = time.perf_counter()
    with profiler:
        for doc in sample:
            worker(doc)
    seconds = time.perf_counter() - t
    text = profiler.output_text(unicode=True, color=False, show_all=False)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text)
    out.with_suffix(".html").write_text(profiler.output_html())
    return {
        "docs": len(sample),
        "seconds": round(seconds, 2),
        "ms_per_doc": round(1000 * seconds / len(sample), 2) if sample else None,
        "file": str(out),
    }


def _site(corpus: Path, out: Path) -> dict[str, Any]:
    """The reading room of the rebuilt corpus (``ccin site``), search index included."""
    from pipeline.publish.site.build import build_site

    t = time.perf_counter()
    site = build_site(corpus, out)
    return {
        "seconds": round(time.perf_counter() - t, 2),
        "search_seconds": site.search_seconds,
        "pages": site.pages,
        "largest_page_bytes": site.largest_page[1],
    }


def run(
    docs: int = 3000,
    *,
    naive_docs: int = 40,
    out: Path = Path("bench/latest.json"),
    workers: int | None = None,
    seed: int = 0,
    workdir: Path | None = None,
    keep: bool = False,
    say: Callable[[str], None] = print,
    profile_docs: int = 0,
) -> dict[str, Any]:
    """Generate the corpus, measure every phase, write ``out`` (see the module doc)."""
    tmp = Path(tempfile.mkdtemp(prefix="ccin-bench-", dir=workdir))
    # the layout of a data directory: raw-page store, corpus, NER cache
    raw, corpus, cache = tmp / "data" / "raw", tmp / "data" / "corpus", tmp / "data" / "cache"
    try:
        t = time.perf_counter()
        say(f"generating {docs} pages in the raw-page store {raw} …")
        texts = bench_corpus.generate_store(raw, docs, SAMPLE, seed)
        generate_seconds = time.perf_counter() - t
        seeds = [t.title + "\n" + "\n".join(t.lines) for t in bench_corpus.load_templates(SAMPLE)]
        share, seeds_share = (
            bench_corpus.shared_sentence_share(texts),
            bench_corpus.shared_sentence_share(seeds),
        )
        say(
            f"shared sentence share: {share:.3f} (the four seeds among themselves: {seeds_share:.3f})"
        )
        del texts
        say("cold rebuild (empty caches) …")
        cold = _phase(*_rebuild(raw, corpus, cache, docs, force=True, workers=workers))
        say("warm rebuild (caches filled, every rule re-run) …")
        warm = _phase(*_rebuild(raw, corpus, cache, docs, force=True, workers=workers))
        say("unchanged rebuild (the nightly run: unchanged documents reused) …")
        unchanged = _phase(*_rebuild(raw, corpus, cache, docs, workers=workers))
        say("the reading room (ccin site, search index included) …")
        site = _site(corpus, tmp / "site")
        say(f"naive loop on {naive_docs} documents …")
        naive = _naive_and_agreement(raw, cache, naive_docs, docs)
        profile = None
        if profile_docs:
            say(f"profile of the warm per-document work on {profile_docs} documents …")
            profile = _profile(raw, cache, profile_docs, out.with_name("profile.txt"))
    finally:
        if not keep:
            shutil.rmtree(tmp, ignore_errors=True)
    naive_rate = naive["naive"]["docs_per_second"] or 0.0
    report = {
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "model": model_id(),
        },
        "docs": docs,
        "cold_seconds": cold["seconds"],
        "warm_seconds": warm["seconds"],
        "unchanged_seconds": unchanged["seconds"],
        "naive_docs_per_second": naive_rate,
        "cold_docs_per_second": cold["docs_per_second"],
        "warm_docs_per_second": warm["docs_per_second"],
        "speedup_vs_naive": round(cold["docs_per_second"] / naive_rate, 2) if naive_rate else None,
        "peak_rss_mb": max(cold["peak_rss_mb"], warm["peak_rss_mb"], unchanged["peak_rss_mb"]),
        "shared_sentence_share": round(share, 4),
        "seeds_shared_sentence_share": round(seeds_share, 4),
        "entity_agreement_f1": naive["agreement"]["f1"],
        "generate_seconds": round(generate_seconds, 2),
        "site_seconds": site["seconds"],
        "site": site,
        "cold": cold,
        "warm": warm,
        "unchanged": unchanged,
        **naive,
        "profile": profile,
        "targets": TARGETS,
        "workdir": str(tmp) if keep else None,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return report
