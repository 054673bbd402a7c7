"""A corpus whose deliberations link to each other: the four bundled deliberations (two
of them cite 2011-82) and a generated page for deliberation 2011-82 itself."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.build.corpus import build_corpus
from pipeline.build.inputs import iter_sources, list_files
from pipeline.testbed import bench_corpus
from tests.conftest import SAMPLE

CITED = "2011-82"  # cited by 2021-81 and 2024-9 of the sample


def cited_page() -> bench_corpus.Page:
    """The bench corpus's page of deliberation 2011-82 (page i is deliberation
    ``2009 + i % 16``-``i // 16 + 1``)."""
    year, seq = map(int, CITED.split("-"))
    page = bench_corpus.page(bench_corpus.load_templates(SAMPLE), (seq - 1) * 16 + year - 2009)
    assert page.name == f"deliberation-{CITED}.html", "bench_corpus numbers its pages differently"
    return page


@pytest.fixture(scope="session")
def linked_corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("linked")
    pages = folder / "pages"
    pages.mkdir()
    for path in SAMPLE.glob("*.html"):
        shutil.copy(path, pages / path.name)
    page = cited_page()
    (pages / page.name).write_text(page.html, encoding="utf-8")
    out = folder / "corpus"
    build_corpus(iter_sources(list_files([pages]), []), out, progress=False)
    return out


@pytest.fixture(scope="session")
def built_site(linked_corpus, tmp_path_factory) -> Path:
    from pipeline.publish.site.build import build_site

    out = tmp_path_factory.mktemp("site") / "S"
    build_site(linked_corpus, out)
    return out
