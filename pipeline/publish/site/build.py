"""``build_site``: the reading room, rendered from a corpus into a static site, swapped in
atomically.

The site is written into a fresh version directory beside the target
(``S`` → ``.S.versions/<stamp>``) and ``S``, a symbolic link, is switched to it in one
rename, as the corpus writer does: a server or a reader sees the old site or the new
one, never half of each. Layout::

    index.html            every deliberation, filterable and sortable
    d/{id}.html           one page per deliberation
    search.html           full-text search (Pagefind, in the browser)
    doctrine/*.html       the Commission's actions, retention periods, controllers
    static/               CSS and the small script of the filters and highlights
    pagefind/             the search index
    manifest.json         what was built, from which corpus
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from extractors.version import EXTRACTOR_VERSION
from models.schema import SCHEMA_VERSION
from pipeline.analysis.corpus import load, manifest
from pipeline.analysis.labels import DECISION_LABELS, label
from pipeline.build.writer import swap_in, versions_dir
from pipeline.publish.site.data import SiteData, load_site_data
from pipeline.publish.site.facts import FACT_TABLES
from pipeline.publish.site.pages import decision_label, page_context, text_layout
from pipeline.publish.site.search import SearchIndex

HERE = Path(__file__).resolve().parent
SITE_KIND = "ccin-reading-room"
MAX_PAGE_BYTES = 1 << 20
PURPOSE_CHARS = 150  # a finalité longer than this is cut in the index


class SiteError(RuntimeError):
    """The site cannot be built where asked (no corpus, or a foreign directory)."""


@dataclass(frozen=True)
class SiteSummary:
    out: Path
    deliberations: int
    pages: int
    largest_page: tuple[str, int]
    seconds: float
    search_seconds: float  # what the search index takes after the last page is written
    search_pages: int | None


def environment(built_at: str | None = None, corpus: Path | None = None) -> Environment:
    """The templates, with what every page shows: the versions the corpus was built with
    (and the code's, when they differ), build time, and the corpus's ``origin`` when it is
    not the real site's (the demo says it is a demonstration)."""
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
    )
    source = manifest(corpus) if corpus is not None else {}
    env.globals.update(
        # the versions the corpus was built with (its manifest), and the code's
        schema_version=source.get("schema_version") or "unknown",
        extractor_version=source.get("extractor_version") or "unknown",
        code_schema_version=SCHEMA_VERSION,
        code_extractor_version=EXTRACTOR_VERSION,
        built_at=built_at or datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        origin=source.get("origin"),
    )
    return env


def _check_target(out: Path) -> None:
    """Refuse to replace a directory that is not a site of ours."""
    if out.is_symlink() or not out.exists():
        return
    if not out.is_dir():
        raise SiteError(f"{out} exists and is not a directory")
    marker = out / "manifest.json"
    ours = marker.exists() and SITE_KIND in marker.read_text(errors="replace")
    if any(out.iterdir()) and not ours:
        raise SiteError(f"{out} is a directory that holds something else than a site: not replaced")


def _shortened(purpose: str) -> str:
    """A finalité cut at about ``PURPOSE_CHARS`` characters, at a word."""
    if len(purpose) <= PURPOSE_CHARS:
        return purpose
    return purpose[: PURPOSE_CHARS - 1].rsplit(" ", 1)[0] + " …"


def _index_rows(data: SiteData) -> list[dict[str, str]]:
    rows = []
    for d in data.deliberations:
        did = d["deliberation_id"]
        purpose = _shortened(d.get("purpose") or "")
        rows.append(
            {
                "id": did,
                "date": str(d.get("adopted_on") or ""),
                "authority": d.get("authority") or "",
                "controller": d.get("controller") or "",
                "purpose": purpose,
                "decision": decision_label(d),
                "tables": " ".join(t.code for t in FACT_TABLES if did in data.facts[t.name]),
            }
        )
    return rows


def _write(path: Path, html: str) -> int:
    data = html.encode("utf-8")
    path.write_bytes(data)
    return len(data)


def render_site(
    corpus: Path, out: Path, env: Environment | None = None, search: SearchIndex | None = None
) -> dict[str, int]:
    """Every page of the site into the directory ``out``; each deliberation's search
    record goes to ``search`` as its page is written. The doctrine pages (matplotlib) are
    made meanwhile in a process of their own, on the core that Pagefind leaves free."""
    env = env or environment(corpus=corpus)
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        doctrine = pool.submit(render_doctrine, corpus, out, str(env.globals["built_at"]))
        sizes = render_deliberations(corpus, out, env, search)
        sizes.update(doctrine.result())
    return sizes


def render_deliberations(
    corpus: Path, out: Path, env: Environment, search: SearchIndex | None
) -> dict[str, int]:
    """The deliberation pages, the index and the search page (and the search records)."""
    data = load_site_data(corpus)
    shutil.copytree(HERE / "static", out / "static")
    (out / "d").mkdir(parents=True)
    sizes: dict[str, int] = {}
    template = env.get_template("deliberation.html")
    layouts = {d["deliberation_id"]: text_layout(data, d) for d in data.deliberations}
    if search is not None:  # the search records first: Pagefind indexes while pages render
        record = env.get_template("record.html")
        for d in data.deliberations:
            did = d["deliberation_id"]
            html = record.render(
                d=d,
                layout=layouts[did],
                decision=decision_label({"decision": d.get("decision")}),
                purpose=_shortened(d.get("purpose") or ""),
            )
            search.add(f"d/{did}.html", html)
        search.start()
    for d in data.deliberations:
        name = f"d/{d['deliberation_id']}.html"
        context = page_context(data, d, layouts.pop(d["deliberation_id"]))
        sizes[name] = _write(out / name, template.render(root="../", here="", **context))
    index = env.get_template("index.html").render(
        root="",
        here="index",
        deliberations=data.deliberations,
        rows=_index_rows(data),
        years=sorted({d["year"] for d in data.deliberations if d.get("year")}, reverse=True),
        authorities=sorted({d["authority"] for d in data.deliberations if d.get("authority")}),
        decisions=sorted(
            {
                (d["decision"], label(d["decision"], DECISION_LABELS))
                for d in data.deliberations
                if d.get("decision")
            },
            key=lambda x: x[1],
        ),
        controllers=sorted({d["controller"] for d in data.deliberations if d.get("controller")}),
        tables=FACT_TABLES,
    )
    sizes["index.html"] = _write(out / "index.html", index)
    sizes["search.html"] = _write(
        out / "search.html", env.get_template("search.html").render(root="", here="search")
    )
    return sizes


def render_doctrine(corpus: Path, out: Path, built_at: str) -> dict[str, int]:
    """The doctrine pages and their figures."""
    from pipeline.publish.site.doctrine import doctrine_pages

    env = environment(built_at, corpus)
    sizes: dict[str, int] = {}
    (out / "doctrine").mkdir(parents=True, exist_ok=True)
    tables = {
        name: load(name, corpus)
        for name in ("deliberations", "commission_actions", "retention_rules")
    }
    page = env.get_template("doctrine.html")
    for p in doctrine_pages(tables, out):
        name = f"doctrine/{p.name}"
        html = page.render(
            root="../",
            here=p.name.removesuffix(".html"),
            heading=p.heading,
            intro=p.intro,
            parts=p.parts,
        )
        sizes[name] = _write(out / name, html)
    return sizes


def build_site(corpus: Path, out: Path, *, search: bool = True) -> SiteSummary:
    """Render the site of ``corpus`` and swap it in at ``out`` (see the module doc)."""
    started = time.monotonic()
    if not (corpus / "deliberations.parquet").exists():
        where = "" if corpus.is_absolute() else f" ({corpus.resolve()})"
        raise SiteError(
            f"no corpus in {corpus}{where} (build one with `make demo` or `ccin extract`, "
            "or name one with --corpus DIR)"
        )
    _check_target(out)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    version = versions_dir(out) / f"{stamp}-{os.getpid()}"
    version.mkdir(parents=True)
    try:
        index = SearchIndex(version) if search else None
        try:
            built = render_site(corpus, version, search=index)
        except BaseException:
            if index is not None:
                index.abort()
            raise
        t = time.monotonic()  # what indexing adds after the pages are written
        indexed = index.finish() if index is not None else None
        search_seconds = time.monotonic() - t
        sizes = built
        deliberations = sum(name.startswith("d/") for name in sizes)
        largest = max(sizes.items(), key=lambda kv: kv[1])
        seconds = time.monotonic() - started
        source = manifest(corpus)
        info = {
            "kind": SITE_KIND,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "corpus_created_at": source.get("created_at"),
            "schema_version": SCHEMA_VERSION,
            "extractor_version": EXTRACTOR_VERSION,
            "corpus_schema_version": source.get("schema_version"),
            "corpus_extractor_version": source.get("extractor_version"),
            "deliberations": deliberations,
            "pages": len(sizes),
            "largest_page": {"path": largest[0], "bytes": largest[1]},
            "search_pages": indexed,
            "seconds": round(seconds, 2),
        }
        (version / "manifest.json").write_text(json.dumps(info, indent=2) + "\n")
        swap_in(version, out)
    except BaseException:
        shutil.rmtree(version, ignore_errors=True)
        raise
    return SiteSummary(
        out,
        deliberations,
        len(sizes),
        largest,
        round(seconds, 2),
        round(search_seconds, 2),
        indexed,
    )
