"""Where the corpus is: ``corpus_dir()`` (no heavy import, so ``ccin --help`` stays fast)."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_CORPUS = Path("data/corpus")
ENV_VAR = "CCIN_CORPUS"


def corpus_dir(path: str | Path | None = None) -> Path:
    """The corpus directory: ``path``, else ``$CCIN_CORPUS``, else ``data/corpus``.

    A relative default is looked up from the working directory upwards, so a notebook
    opened from ``notebooks/`` finds the repository's ``data/corpus``.
    """
    chosen = Path(path or os.environ.get(ENV_VAR) or DEFAULT_CORPUS)
    if chosen.is_absolute() or chosen.exists():
        return chosen
    for parent in Path.cwd().parents:
        if (parent / chosen).exists():
            return parent / chosen
    return chosen
