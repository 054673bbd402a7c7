"""Which engine compiles the extractors' patterns, measured.

``python -m pipeline.testbed.compile_bench [--docs 600] [--repeat 3] [--rounds 3]`` times
``extract_article`` (CPU time, best of ``--repeat``) on pages of the bench corpus with
``extractors.common.wordre.word_re`` as it is (the ``regex`` module) and replaced by
``re.compile``. Each engine runs in a fresh process, ``--rounds`` times, alternating (the
patterns are compiled when the extractors are imported), and must give the same records.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ENGINES = ("regex", "re")
ROOT = Path(__file__).resolve().parents[2]


def _measure(engine: str, docs: int, repeat: int) -> dict[str, float | str]:
    """In this process: time ``extract_article`` with ``engine`` (imports the extractors)."""
    if engine == "re":
        from extractors.common import wordre

        wordre.word_re = lambda pattern, flags=0: re.compile(pattern, flags)  # type: ignore[assignment]
    from extractors.common.text import fold
    from extractors.document import extract_article
    from pipeline.build.inputs import InputDocument, to_article
    from pipeline.testbed.bench_corpus import load_templates, page

    templates = load_templates(ROOT / "data" / "sample")
    articles = []
    for i in range(docs):
        p = page(templates, i)
        article, _ = to_article(InputDocument(p.name, p.html.encode(), "html"))
        articles.append(article)
    best = float("inf")
    digest = ""
    for _ in range(repeat):
        fold.cache_clear()
        started = time.process_time()
        results = [extract_article(a, str(i)) for i, a in enumerate(articles) if a is not None]
        best = min(best, time.process_time() - started)
        digest = hashlib.sha256(
            repr([(r.deliberation, r.children) for r in results]).encode()
        ).hexdigest()
    return {"engine": engine, "seconds": round(best, 3), "records": digest}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--engine", choices=ENGINES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.engine:  # the child process
        print(json.dumps(_measure(args.engine, args.docs, args.repeat)))
        return 0
    seconds: dict[str, list[float]] = {e: [] for e in ENGINES}
    digests = set()
    for _ in range(args.rounds):
        for engine in ENGINES:
            out = subprocess.run(
                [sys.executable, "-m", "pipeline.testbed.compile_bench", "--engine", engine,
                 "--docs", str(args.docs), "--repeat", str(args.repeat)],
                check=True, capture_output=True, text=True, cwd=ROOT,
            )  # fmt: skip
            row = json.loads(out.stdout)
            seconds[engine].append(row["seconds"])
            digests.add(row["records"])
    for engine, values in seconds.items():
        shown = ", ".join(f"{v:.2f}" for v in values)
        print(f"{engine:6s} extract_article on {args.docs} pages, CPU s (best of {args.repeat}): {shown}")
    print("same records from every engine" if len(digests) == 1 else "RECORDS DIFFER")
    return 0 if len(digests) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
