"""What the command groups share: how they log."""

from __future__ import annotations

import logging


def setup_logging(verbose: bool, *, quiet: bool = False) -> None:
    """DEBUG with ``verbose``; else INFO, or WARNING when ``quiet`` (progress bars show)."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING if quiet else logging.INFO,
        format="%(asctime)s %(levelname)s %(message)s",
        datefmt="%H:%M:%S",
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("stamina").setLevel(logging.ERROR)
    # each problem written to the issues table: with -v only (the summary counts them)
    logging.getLogger("ccin.issues").setLevel(logging.DEBUG if verbose else logging.WARNING)  # pipeline.fetch.client logs its retries
