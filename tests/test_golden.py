"""The four seeds, end to end, against their reviewed golden files.

The seeds are read twice: as their text rendering (tests/fixtures/seeds/*.txt) and as the
sample article page made from it (data/sample/*.html); both must give the golden rows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.title import parse_title
from models.records import TitleInfo
from pipeline.build.corpus import process
from pipeline.build.inputs import InputDocument
from tests.conftest import FIXTURES, SAMPLE
from tests.golden import check_golden, golden_rows

SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))


def _result(path: Path):
    kind = "html" if path.suffix == ".html" else "text"
    return process(InputDocument(str(path), path.read_bytes(), kind))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_matches_golden(seed, update_golden):
    result = _result(seed)
    assert result.deliberation is not None
    check_golden(seed.with_suffix(".expected.json"), golden_rows(result), update_golden)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_sample_page_gives_the_same_rows_as_the_rendering(seed):
    text = _result(seed)
    did = text.deliberation.deliberation_id
    html = _result(SAMPLE / f"deliberation-{did}.html")
    assert golden_rows(html) == golden_rows(text)
    assert html.text == text.text


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_first_2000_bytes_keep_every_title_level_field(seed):
    full = _result(seed).deliberation
    cut = seed.read_bytes()[:2000].decode("utf-8", "ignore")
    result = process(InputDocument("cut", cut, "text"))
    d = result.deliberation
    assert d is not None
    for field in (
        "deliberation_id",
        "number_as_printed",
        "year",
        "seq",
        "authority",
        "adopted_on",
        "decision",
        "modification",
        "purpose",
        "controller",
        "operator",
        "journal_number",
        "published_on",
        "page",
        "ocr_quality",
        "title",
    ):
        assert getattr(d, field) == getattr(full, field), field
    # the title's system name; the one named only in section I is beyond the first 2,000 bytes
    title = parse_title(full.title)
    assert isinstance(title, TitleInfo)
    assert d.system_name == title.system_name
    assert "no_closing" in {i.code for i in result.issues}
