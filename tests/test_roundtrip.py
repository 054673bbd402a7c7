"""Records survive the Parquet round trip; arbitrary pages never raise."""

from __future__ import annotations

import dataclasses
from datetime import date

import pyarrow.parquet as pq
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.enums import Authority, Decision, Instrument, SectionKind
from models.records import Citation, Deliberation, Section
from models.schema import CHILD_TABLES, record_row, rows_to_table, table_columns
from pipeline.build.corpus import process
from pipeline.build.inputs import InputDocument
from tests.conftest import SAMPLE

text = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=60)
maybe_text = st.none() | text
dates = st.none() | st.dates(min_value=date(1950, 1, 1), max_value=date(2030, 12, 31))
small = st.integers(min_value=0, max_value=2**31 - 1)

deliberations = st.builds(
    Deliberation,
    deliberation_id=text.filter(bool),
    number_as_printed=text,
    year=small,
    seq=small,
    authority=st.sampled_from(Authority),
    adopted_on=dates,
    title=text,
    decision=st.none() | st.sampled_from(Decision),
    modification=st.booleans(),
    conditional=st.none() | st.booleans(),
    purpose=maybe_text,
    purpose_requested=maybe_text,
    purpose_modified=st.none() | st.booleans(),
    system_name=maybe_text,
    controller=maybe_text,
    representative=maybe_text,
    operator=maybe_text,
    request_filed_on=dates,
    extension_notified_on=dates,
    journal_number=st.none() | small,
    published_on=dates,
    page=st.none() | small,
    ocr_quality=st.none() | st.floats(0, 1),
    url=maybe_text,
    data_subjects=st.lists(text, max_size=3).map(tuple),
    legal_bases=st.lists(text, max_size=3).map(tuple),
    text_sha256=text,
    extractor_version=text,
    source=maybe_text,
    decision_source=maybe_text,
    sections_present=st.lists(text, max_size=3).map(tuple),
    n_chars=small,
)
sections = st.builds(
    Section,
    kind=st.sampled_from(SectionKind),
    numeral=maybe_text,
    heading=maybe_text,
    text=text,
    start=small,
    end=small,
    body_start=small,
)
citations = st.builds(
    Citation,
    instrument=st.sampled_from(Instrument),
    number=maybe_text,
    date=dates,
    raw=text,
    start=st.none() | small,
    end=st.none() | small,
)


def _plain(v):
    return (
        [_plain(x) for x in v] if isinstance(v, tuple) else (v.value if hasattr(v, "value") else v)
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(d=deliberations, s=st.lists(sections, max_size=3), c=st.lists(citations, max_size=3))
def test_records_survive_the_parquet_round_trip(tmp_path, d, s, c):
    for name, records, extra in (
        ("deliberations", [d], lambda i: {}),
        ("sections", s, lambda i: {"deliberation_id": "x", "position": i}),
        ("citations", c, lambda i: {"deliberation_id": "x", "position": i}),
    ):
        rows = [record_row(r, **extra(i)) for i, r in enumerate(records)]
        path = tmp_path / f"{name}.parquet"
        pq.write_table(rows_to_table(name, rows), path)
        back = pq.read_table(path).to_pylist()
        for record, row in zip(records, back, strict=True):
            for f in dataclasses.fields(record):
                assert row[f.name] == _plain(getattr(record, f.name)), (name, f.name)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=2000), st.sampled_from(["html", "text"]))
def test_arbitrary_pages_never_raise(content, kind):
    result = process(
        InputDocument("fuzz", "Délibération n° 2020-1 du 1er mai 2020\n" + content, kind)
    )
    assert result.deliberation is not None or result.issues
    assert not any(
        i.code == "internal_error" or i.code.endswith("_failed") for i in result.issues
    )


def test_columns_are_the_rows_transposed():
    # the workers send columns (table_columns); they must hold what record_row gives
    page = SAMPLE / "deliberation-2021-81.html"
    result = process(InputDocument(str(page), page.read_bytes(), "html"))
    assert result.deliberation is not None
    did = result.deliberation.deliberation_id
    checked = 0
    for name in ("deliberations", *CHILD_TABLES):
        records = [result.deliberation] if name == "deliberations" else result.children.get(name)
        if not records:
            continue
        extra = {} if name == "deliberations" else {"deliberation_id": did}
        columns = table_columns(name, records, **extra)
        rows = [
            record_row(r, **extra, **({} if name == "deliberations" else {"position": i}))
            for i, r in enumerate(records)
        ]
        expected = rows_to_table(name, rows).to_pydict()
        assert columns == expected, name
        checked += 1
    assert checked >= 8
