"""``kill -9`` at random moments of a long run: after each, the next plain run ends with
every deliberation exactly once, and the corpus in place is always a whole one.

The mirror holds 200 short deliberations in 25 issues (and the other acts ``build_site``
adds), fetched with ``--delay 0``. The moments are drawn at random (the seed is in every
assertion message): while the walk fetches, while the corpus is built, or anywhere.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from extractors.common.dates import MONTH_NAMES
from pipeline.store import RawStore, read_history
from pipeline.testbed.hostile import BODY
from pipeline.testbed.mirror import Mirror
from pipeline.testbed.sample import article_html, slugify
from pipeline.testbed.site import MirrorArticle, MirrorIssue, Site
from tests.conftest import ROOT

pytestmark = pytest.mark.network

N, PER_ISSUE = 200, 8


def long_site() -> tuple[Site, set[str]]:
    issues, ids = [], set()
    for k in range(N // PER_ISSUE):
        published = date(2015, 1, 2) + timedelta(days=7 * k)
        issue = MirrorIssue(published.year, f"Journal-{8000 + k}", 8000 + k, published)
        meta = (str(issue.number), published.strftime("%d/%m/%Y"), "100%", "")
        for j in range(PER_ISSUE):
            seq = k * PER_ISSUE + j + 1
            d = published - timedelta(days=9)
            title = (
                f"Délibération n° {d.year}-{seq} du {d.day} {MONTH_NAMES[d.month - 1]} {d.year} "
                "de la Commission de Contrôle des Informations Nominatives portant avis "
                "favorable à la mise en œuvre du traitement automatisé d'informations "
                f"nominatives ayant pour finalité « Gestion du registre n° {seq} »"
            )
            page = article_html(title, list(BODY), meta)
            path = f"{issue.path}/{slugify(title)}"
            issue.articles.append(MirrorArticle(path, title, "Avis et Communiqués", True, page))
            ids.add(f"{d.year}-{seq}")
        issues.append(issue)
    return Site(issues, 2015, issues[-1].year), ids


def cli(mirror: Mirror, data_dir: Path, *extra: str) -> subprocess.Popen:
    args = [sys.executable, "-m", "pipeline.cli", "refresh", "--base-url", mirror.base_url]
    args += ["--data-dir", str(data_dir), "--delay", "0", "--backoff", "0.05", "--since", "2015"]
    return subprocess.Popen(
        [*args, *extra], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def whole_corpus(data_dir: Path) -> list[str]:
    """The deliberation ids of the corpus in place, after checking every file against the
    manifest (a corpus is never half written)."""
    corpus = data_dir / "corpus"
    if not corpus.exists():
        return []
    manifest = json.loads((corpus / "manifest.json").read_text())
    for entry in manifest["tables"].values():
        path = corpus / entry["file"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"]
    table = pq.read_table(corpus / "deliberations.parquet")
    return sorted(table.column("deliberation_id").to_pylist())


def kill_when(proc: subprocess.Popen, condition, extra: float, seed: int) -> None:
    end = time.monotonic() + 120
    while not condition():
        assert proc.poll() is None, f"the run ended before the kill (seed {seed})"
        assert time.monotonic() < end, f"timed out (seed {seed})"
        time.sleep(0.005)
    time.sleep(extra)
    if proc.poll() is None:  # (a random moment may come after the end)
        proc.send_signal(signal.SIGKILL)
    proc.wait()


def test_kill_9_at_random_moments_loses_nothing(tmp_path: Path) -> None:
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    site, expected = long_site()
    data = tmp_path / "data"
    versions = data / ".corpus.versions"
    with Mirror(site) as mirror:
        total = 1 + len(range(2015, date.today().year + 1)) + len(site.issues) + N
        threshold = rng.randrange(5, total)
        moments = [
            # while the walk fetches: after a random number of requests
            ("walk", lambda: len(mirror.hits) >= threshold, 0.0, ()),
            # while the corpus is written: once the new version directory exists
            (
                "build",
                lambda: versions.exists() and len(list(versions.iterdir())) > 1,
                rng.uniform(0, 0.5),
                ("--full",),
            ),
            # anywhere
            ("any", lambda: True, rng.uniform(0.5, 8.0), ("--full",)),
        ]
        for what, condition, extra, args in moments:
            mirror.hits[:] = []
            before = whole_corpus(data)
            proc = cli(mirror, data, *args)
            kill_when(proc, condition, extra, seed)
            after_kill = whole_corpus(data)
            assert after_kill in (before, sorted(expected)), f"{what} (seed {seed})"
            assert RawStore(data / "raw").verify() == [], f"{what} (seed {seed})"
            plain = cli(mirror, data)
            assert plain.wait(timeout=300) == 0, f"{what}: the next run failed (seed {seed})"
            ids = whole_corpus(data)
            assert ids == sorted(expected), f"{what}: not every deliberation once (seed {seed})"
    history = read_history(data)
    assert [r["status"] for r in history if r["status"] != "ok"] == ["killed"] * len(
        [r for r in history if r["status"] == "killed"]
    )
    assert len([r for r in history if r["status"] == "killed"]) >= 2, f"seed {seed}"  # walk, build
    assert len(list(versions.iterdir())) <= 2  # killed versions do not pile up
