"""The ``ccin bench`` command (``register(app)`` adds it to the ``ccin`` Typer app).

``make bench`` runs ``python -m pipeline.cli bench --profile 300``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer


def _table(report: dict[str, Any]) -> Any:
    from rich.table import Table

    targets = report["targets"]

    def mark(key: str, ok: bool) -> str:
        return f"{'✓' if ok else '✗'} (target {targets[key]:g})"

    cold, warm, unchanged, naive = (
        report["cold"],
        report["warm"],
        report["unchanged"],
        report["naive"],
    )
    table = Table(title=f"ccin bench — {report['docs']} deliberations", show_lines=False)
    for column in ("", "naive loop", "cold", "warm", "unchanged"):
        table.add_column(column, justify="right" if column else "left")
    est = naive["estimated_seconds_for_all"]
    table.add_row(
        "seconds",
        f"{naive['seconds']} ({naive['docs']} docs; ≈{est:g} for all)",
        f"{cold['seconds']}",
        f"{warm['seconds']}",
        f"{unchanged['seconds']}",
    )
    table.add_row(
        "documents/s",
        f"{naive['docs_per_second']}",
        f"{cold['docs_per_second']}",
        f"{warm['docs_per_second']}",
        f"{unchanged['docs_per_second']}",
    )
    table.add_row(
        "peak RSS (MiB)",
        f"{naive['peak_rss_mb']}",
        f"{cold['peak_rss_mb']}",
        f"{warm['peak_rss_mb']}",
        f"{unchanged['peak_rss_mb']}",
    )
    for stage in cold["stages_seconds"]:
        table.add_row(
            f"  {stage} (s, all workers)",
            "",
            f"{cold['stages_seconds'][stage]}",
            f"{warm['stages_seconds'][stage]}",
            f"{unchanged['stages_seconds'][stage]}",
        )
    table.add_row(
        "NER units run / cached",
        "",
        f"{cold['ner']['units_run']} / {cold['ner']['units_cached']}",
        f"{warm['ner']['units_run']} / {warm['ner']['units_cached']}",
        "",
    )
    table.add_row(
        "share of the text run by the model", "1.0", f"{cold['ner']['share_of_text_run']}", "", ""
    )
    agreement = report["agreement"]
    speedup = report["speedup_vs_naive"] or 0
    table.caption = (
        f"speed-up vs naive: {speedup}× {mark('speedup_vs_naive', speedup >= targets['speedup_vs_naive'])}; "
        f"cold {mark('cold_seconds', cold['seconds'] <= targets['cold_seconds'])}; "
        f"warm {mark('warm_seconds', warm['seconds'] <= targets['warm_seconds'])}; "
        f"peak {report['peak_rss_mb']} MiB {mark('peak_rss_mb', report['peak_rss_mb'] <= targets['peak_rss_mb'])}\n"
        f"entities, optimised vs naive over the covered text: F1 {agreement['f1']} "
        f"({agreement['matched']} matched of {agreement['naive_entities_in_covered_text']} naive / "
        f"{agreement['optimised_entities']} optimised; {agreement['naive_entities_outside_covered_text']} "
        f"naive entities outside it)\n"
        f"shared sentence share {report['shared_sentence_share']} "
        f"(seeds: {report['seeds_shared_sentence_share']})"
    )
    return table


def bench(
    docs: Annotated[int, typer.Option(help="Deliberation pages to generate and rebuild.")] = 3000,
    naive_docs: Annotated[int, typer.Option(help="Documents the naive loop is timed on.")] = 40,
    out: Annotated[Path, typer.Option(help="Where to write the JSON report.")] = Path(
        "bench/latest.json"
    ),
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (default: one per core).")
    ] = None,
    seed: Annotated[int, typer.Option(help="Seed of the generated corpus.")] = 0,
    workdir: Annotated[
        Path | None, typer.Option(help="Where to make the temporary directory.")
    ] = None,
    keep: Annotated[bool, typer.Option(help="Keep the generated pages, corpus and cache.")] = False,
    profile: Annotated[
        int,
        typer.Option(
            help="Also profile the warm per-document work on this many pages, in one process "
            "(pyinstrument; writes profile.txt and profile.html beside --out). 0: no profile."
        ),
    ] = 0,
) -> None:
    """Measure the rebuild: naive loop, cold and warm rebuilds, stages, memory, agreement."""
    from rich.console import Console

    from pipeline.testbed.bench import run

    console = Console(stderr=True)
    report = run(
        docs,
        naive_docs=naive_docs,
        out=out,
        workers=workers,
        seed=seed,
        workdir=workdir,
        keep=keep,
        say=lambda m: console.print(m),
        profile_docs=profile,
    )
    Console().print(_table(report))
    if report.get("profile"):
        p = report["profile"]
        typer.echo(f"profile: {p['docs']} documents, {p['ms_per_doc']} ms each → {p['file']}")
    site = report["site"]
    typer.echo(
        f"site: {site['pages']} pages (search index included) in {report['site_seconds']} s "
        f"(target ≤ {report['targets']['site_seconds']:g}); largest page "
        f"{site['largest_page_bytes'] / 1024:.0f} KiB"
    )
    typer.echo(f"report written to {out}")


def register(app: typer.Typer) -> None:
    """Add ``bench`` to the ``ccin`` command."""
    app.command("bench")(bench)
