"""The corpus from the raw store alone, offline: what ``ccin rebuild`` and the end of every
nightly run do. ``corpus_inputs`` lists the kept article pages, ``fetch_issues`` turns the
pages that could not be fetched into ``issues`` rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from models.enums import Severity
from models.records import Issue
from pipeline.build.inputs import InputDocument
from pipeline.store import PageState, RawStore, page_states


def corpus_inputs(store: RawStore, states: dict[str, PageState]) -> Iterator:
    """Every article page kept, once per canonical URL, in URL order."""
    for url in sorted(states):
        ok = states[url].last_ok
        if ok is None or ok.kind != "article" or not ok.sha256 or not store.has(ok.sha256):
            continue
        # read and decoded by the worker that extracts it (``pipeline.build.inputs.to_article``)
        path = str(store.path_of(ok.sha256))
        yield InputDocument(url, None, "html", url, path=path, content_type=ok.content_type or "")


def fetch_issues(store: RawStore, states: dict[str, PageState]) -> list[Issue]:
    """One ``issues`` row per page whose last fetch failed (pending a retry, or parked)."""
    rows = []
    for url in sorted(states):
        st = states[url]
        if st.last_ok is not None and st.last.ok:
            if st.last_ok.sha256 and not store.has(st.last_ok.sha256):
                rows.append(
                    Issue(
                        "fetch",
                        Severity.ERROR,
                        "raw_missing",
                        "the stored page body is missing",
                        None,
                        url,
                    )
                )
            continue
        if st.last.ok:
            continue
        n = f"{st.failures} failed fetch{'es' if st.failures != 1 else ''} in a row"
        if st.last.outage:
            n = "the site was unreachable"
        if st.parked:
            msg = f"{st.last.kind} page parked after {n}: {st.last.error}"
            rows.append(Issue("fetch", Severity.ERROR, "parked_page", msg, None, url))
        else:
            msg = f"{st.last.kind} page failed ({n}; retried next run): {st.last.error}"
            rows.append(Issue("fetch", Severity.WARNING, "fetch_failed", msg, None, url))
    return rows


def rebuild(
    data_dir: Path,
    *,
    progress: bool = False,
    out: Path | None = None,
    allow_shrink: bool = False,
    origin: str | None = None,
):
    """The corpus from the raw store alone (no network): a ``RunSummary``.

    Written to ``DATA/corpus`` unless ``out`` names another directory; raises
    ``CorpusShrinks`` rather than publish fewer deliberations than the corpus in place
    (unless ``allow_shrink``). ``origin`` is said in the manifest and the dataset card.
    """
    from pipeline.build.corpus import build_corpus  # heavy: only when a rebuild runs

    store = RawStore(Path(data_dir) / "raw")
    states = page_states(store.records())
    total = sum(1 for _ in corpus_inputs(store, states))
    return build_corpus(
        corpus_inputs(store, states),
        out or Path(data_dir) / "corpus",
        progress=progress,
        extra_issues=fetch_issues(store, states),
        total=total,
        allow_shrink=allow_shrink,
        manifest={"origin": origin} if origin else None,
    )
