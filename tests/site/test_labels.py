"""Readers see labels, not codes: every value of a closed vocabulary (``models.enums``) has
a label in ``pipeline.analysis.labels``, and the reading room shows the label with the
code beside it (a small muted code, or a cell's tooltip); the footer names the versions
the corpus was built with. Checked on the built HTML (the browser tests see it too)."""

from __future__ import annotations

import inspect
import json
import re
import shutil
from enum import StrEnum

import lxml.html
import pytest

from models import enums
from models.schema import TABLES
from pipeline.analysis import labels
from pipeline.analysis.corpus import load
from pipeline.publish.site.build import build_site

CODES = {v.value for e in labels.ENUM_LABELS for v in e if "_" in v.value}


def test_every_enum_value_has_a_label():
    defined = {
        obj
        for _, obj in inspect.getmembers(enums, inspect.isclass)
        if issubclass(obj, StrEnum) and obj.__module__ == enums.__name__
    }
    assert defined - set(labels.ENUM_LABELS) == set(), "an enum of models.enums has no labels"
    for enum, names in labels.ENUM_LABELS.items():
        for value in enum:
            assert names.get(value.value, "").strip(), f"{enum.__name__}.{value.name} has no label"


def test_coded_columns_exist_and_their_values_have_labels(linked_corpus):
    for (table, column), names in labels.COLUMN_LABELS.items():
        assert column in TABLES[table].schema.names, (table, column)
        if table == "commission_actions":  # verbs: an open vocabulary, labelled when known
            continue
        values = load(table, linked_corpus)[column].dropna()
        if values.map(lambda v: isinstance(v, str)).all():
            seen = set(values)
        else:
            seen = {x for v in values for x in v}
        assert seen <= set(names), (table, column, seen - set(names))


def test_decision_labels():
    assert labels.decision_label("avis_favorable", True) == "avis favorable sous conditions"
    assert labels.decision_label("avis_defavorable", False) == "avis défavorable"
    assert labels.decision_label(None, None) == "décision non lue"


def _visible(element) -> str:
    """The text a reader sees in ``element``, without the small codes."""
    copy = lxml.html.fromstring(lxml.html.tostring(element))
    for code in copy.cssselect("code.code"):
        code.drop_tree()
    return copy.text_content()


def test_pages_show_labels_and_keep_the_codes(linked_corpus, built_site):
    deliberations = load("deliberations", linked_corpus).set_index("deliberation_id")
    for did, d in deliberations.iterrows():
        html = lxml.html.fromstring((built_site / "d" / f"{did}.html").read_bytes())
        meta = html.cssselect("dl.meta")[0]
        # no code with an underscore is shown outside the small codes and the text itself
        for part in (meta, html.cssselect("aside.facts")[0], html.cssselect("p.lede")[0]):
            shown = _visible(part)
            assert not {c for c in CODES if re.search(rf"\b{c}\b", shown)}, did
        codes = [c.text_content() for c in meta.cssselect("code.code")]
        assert d["decision"] in codes
        assert set(d["legal_bases"]) <= set(codes)
        for basis in d["legal_bases"]:
            assert labels.LEGAL_BASIS_LABELS[basis] in _visible(meta)
        if d["conditional"]:
            assert "sous le bénéfice de la prise en compte de ce qui précède" in _visible(meta)
        # a coded cell shows the label and keeps the Parquet value in its tooltip
        for td in html.cssselect("aside.facts td[title]"):
            codes = td.get("title").removeprefix("code: ").split(", ")
            assert any(
                td.text_content() == ", ".join(labels.label(c, names) for c in codes)
                for names in labels.COLUMN_LABELS.values()  # verbs: open, labelled when known
            ), (did, td.text_content(), codes)
    page = lxml.html.fromstring((built_site / "d" / "2024-9.html").read_bytes())
    cells = page.cssselect('aside.facts td[title="code: time_information"]')
    assert cells
    assert all(c.text_content() == "informations temporelles" for c in cells)
    tips = [m.get("data-tip") for m in page.cssselect('mark[data-table="retention_rules"]')]
    assert all(not re.search(r"\b(retain|delete|anonymise|archive)\b", t) for t in tips)
    assert any(t.startswith(("conservation", "suppression")) for t in tips)


def test_the_index_filters_decisions_by_code_and_shows_labels(built_site):
    html = lxml.html.fromstring((built_site / "index.html").read_bytes())
    options = {
        o.get("value"): o.text_content() for o in html.cssselect("select[name=decision] option")
    }
    assert options.pop("") == "all"
    assert options
    assert all(labels.DECISION_LABELS[k] == v for k, v in options.items())
    shown = {
        r.cssselect("td")[5].text_content().strip()
        for r in html.cssselect("tr[data-deliberation-id]")
    }
    # each row's decision reads as one of the options (the filter matches on it)
    assert all(any(t == v or t.startswith(v + " ") for v in options.values()) for t in shown)
    assert not {t for t in shown if "_" in t}


@pytest.mark.parametrize("other", [False, True])
def test_the_footer_names_the_corpus_versions(linked_corpus, tmp_path, other):
    corpus = tmp_path / "corpus"
    shutil.copytree(linked_corpus, corpus)
    manifest = json.loads((corpus / "manifest.json").read_text())
    built_with = manifest["extractor_version"]
    if other:  # a corpus built by older code
        built_with = manifest["extractor_version"] = "0.0.9+older"
        (corpus / "manifest.json").write_text(json.dumps(manifest))
    out = tmp_path / "S"
    build_site(corpus, out, search=False)
    footer = lxml.html.fromstring((out / "index.html").read_bytes()).cssselect("footer")[0]
    versions = footer.get_element_by_id("corpus-versions").text_content()
    assert f"extractor {built_with}" in versions
    code = footer.cssselect("#code-versions")
    from extractors.version import EXTRACTOR_VERSION

    if other:
        assert f"extractor {EXTRACTOR_VERSION}" in code[0].text_content()
    else:
        assert not code
    site = json.loads((out / "manifest.json").read_text())
    assert site["corpus_extractor_version"] == built_with
