"""Corpora for the researchers' layer tests: the demo corpus (data/sample) and an empty
one (every table written with its schema and no row)."""

from __future__ import annotations

from pathlib import Path

from pipeline.build.corpus import build_corpus
from pipeline.build.inputs import iter_sources, list_files
from pipeline.build.writer import CorpusWriter
from tests.conftest import SAMPLE


def build_demo(folder: Path) -> Path:
    """The corpus of data/sample, as `make demo` builds it, in ``folder/corpus``."""
    out = folder / "corpus"
    build_corpus(iter_sources(list_files([SAMPLE]), []), out, progress=False)
    return out


def build_empty(folder: Path) -> Path:
    """A corpus whose every table is empty, in ``folder/empty``."""
    return CorpusWriter(folder / "empty").commit({"documents": 0, "deliberations": 0})
