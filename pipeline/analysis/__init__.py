"""The researchers' layer: data functions the notebooks and ``ccin`` commands import.

``corpus`` loads the tables; ``overview``, ``retention``, ``actions`` and ``access`` turn
them into small frames (one function per question); ``figures`` draws them (a figure
with no data says so); ``provenance`` rebuilds a document's text from its sections and
finds the sentence behind each fact. Every function works on empty tables.

``from pipeline.analysis import load``: ``load("data/corpus")`` gives every table as a
typed pandas frame (``corpus.load_tables``).
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:  # lazy: importing a submodule must not load pandas
    if name == "load":
        from pipeline.analysis.corpus import load_tables

        return load_tables
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
