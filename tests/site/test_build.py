"""The site as files: one page per deliberation with every fact marked, the text as
published, links between deliberations, the index, doctrine pages, the search index, the
atomic swap; checked by parsing the HTML (the browser tests are in test_browser.py)."""

from __future__ import annotations

import json
import re
import shutil

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from pipeline.analysis.corpus import load
from pipeline.analysis.provenance import document_text
from pipeline.cli.main import app
from pipeline.publish.site.build import HERE, MAX_PAGE_BYTES, SiteError, build_site
from pipeline.publish.site.facts import FACT_TABLES
from tests.site.conftest import CITED


def page(site, name):
    return lxml.html.fromstring((site / name).read_bytes())


def with_offsets(corpus, table, deliberation_id):
    rows = load(table, corpus)
    rows = rows[rows["deliberation_id"] == deliberation_id]
    return rows[rows["start"].notna() & rows["end"].notna()]


def test_one_page_per_deliberation_and_the_index_lists_them(linked_corpus, built_site):
    ids = set(load("deliberations", linked_corpus)["deliberation_id"])
    assert CITED in ids
    assert len(ids) == 5
    assert {p.stem for p in (built_site / "d").glob("*.html")} == ids
    rows = page(built_site, "index.html").cssselect("tr[data-deliberation-id]")
    assert {r.get("data-deliberation-id") for r in rows} == ids
    for r in rows:
        link = r.cssselect("a")[0].get("href")
        assert link == f"d/{r.get('data-deliberation-id')}.html"


def test_every_fact_with_offsets_has_one_mark_with_its_tip(linked_corpus, built_site):
    checked = 0
    for d in load("deliberations", linked_corpus)["deliberation_id"]:
        html = page(built_site, f"d/{d}.html")
        ids = set(html.xpath("//@id"))
        for t in FACT_TABLES:
            rows = with_offsets(linked_corpus, t.name, d)
            marks = html.cssselect(f'mark[data-table="{t.name}"]')
            assert len(marks) == len(rows), (d, t.name)
            assert sorted(int(m.get("data-position")) for m in marks) == sorted(rows["position"])
            for m in marks:
                assert m.get("data-tip").strip(), (d, t.name)
                assert m.get("tabindex") == "0"
                assert m.get("aria-describedby") in ids  # its row in the facts table
                row = html.get_element_by_id(m.get("aria-describedby"))
                assert f"#{m.get('id')}" in [a.get("href") for a in row.cssselect("a")]
            checked += len(rows)
    assert checked > 300


def test_retention_marks_cover_the_facts_own_words(linked_corpus, built_site):
    """The text of a mark (its pieces) is the text its offsets point at."""
    d = "2024-9"
    deliberation = load("deliberations", linked_corpus).set_index("deliberation_id").loc[d]
    sections = load("sections", linked_corpus)
    text = document_text(deliberation["title"], sections[sections["deliberation_id"] == d])
    html = page(built_site, f"d/{d}.html")
    rules = with_offsets(linked_corpus, "retention_rules", d)
    assert len(rules) >= 3
    for r in rules.itertuples():
        head = html.cssselect(f'mark[data-table="retention_rules"][data-position="{r.position}"]')[
            0
        ]
        pieces = [head, *html.cssselect(f'mark[data-of="{head.get("id")}"]')]
        shown = " ".join(p.text_content() for p in pieces)  # pieces on several lines
        assert re.sub(r"\s+", " ", shown) == re.sub(r"\s+", " ", text[r.start : r.end].strip())
        if r.duration:
            assert r.duration in head.get("data-tip")


def test_the_text_is_the_document_text_line_by_line(linked_corpus, built_site):
    deliberations = load("deliberations", linked_corpus).set_index("deliberation_id")
    sections = load("sections", linked_corpus)
    for d, row in deliberations.iterrows():
        text = document_text(row["title"], sections[sections["deliberation_id"] == d])
        html = page(built_site, f"d/{d}.html")
        article = html.cssselect("article.text")[0]
        shown = [
            e.text_content()
            for e in article.cssselect("p, h3")
            if "added" not in (e.get("class") or "")
        ]
        assert shown == [line for line in text.split("\n") if line.strip()], d


def test_cited_deliberations_link_both_ways(built_site):
    citing = page(built_site, "d/2021-81.html")
    links = citing.cssselect("article.text a.cite")
    assert [a.get("href") for a in links] == [f"{CITED}.html"]
    assert links[0].text_content() == CITED
    assert links[0].xpath("ancestor::mark[@data-table='citations']")
    cited = page(built_site, f"d/{CITED}.html")
    cited_by = cited.get_element_by_id("cited-by")
    assert {a.get("href") for a in cited_by.cssselect("a")} == {"2021-81.html", "2024-9.html"}
    # a deliberation not in the corpus is named, not linked
    other = page(built_site, "d/2024-9.html")
    assert "2017-206.html" not in [a.get("href") for a in other.cssselect("a")]
    assert "2017-206" in other.cssselect("section.links")[0].text_content()


def test_pages_are_small_and_headings_in_order(built_site):
    files = list(built_site.rglob("*.html"))
    assert len(files) >= 5 + 5
    for f in files:
        if "pagefind" in f.parts:
            continue
        assert f.stat().st_size < MAX_PAGE_BYTES, f
        html = lxml.html.fromstring(f.read_bytes())
        levels = [int(h.tag[1]) for h in html.iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert levels[0] == 1, f
        assert levels.count(1) == 1, f
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), (f, levels)
        assert html.get("lang") == "en"
        assert html.cssselect('meta[name="viewport"]'), f


def test_doctrine_pages_embed_their_figures(built_site):
    for name in ("actions", "retention", "controllers"):
        html = page(built_site, f"doctrine/{name}.html")
        images = html.cssselect("figure img")
        assert images, name
        for img in images:
            assert img.get("alt")
            svg = (built_site / "doctrine" / img.get("src")).read_text()
            assert svg.lstrip().startswith("<?xml")
            assert "<svg" in svg
    controllers = page(built_site, "doctrine/controllers.html")
    assert "../d/2021-81.html" in [a.get("href") for a in controllers.cssselect("td a")]


def test_search_index_covers_every_deliberation(built_site):
    manifest = json.loads((built_site / "manifest.json").read_text())
    assert manifest["search_pages"] == manifest["deliberations"] == 5
    assert (built_site / "pagefind" / "pagefind-ui.js").exists()
    meta = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text())
    assert list(meta["languages"]) == ["fr"]


def test_the_site_is_swapped_in_atomically(linked_corpus, tmp_path):
    out = tmp_path / "S"
    build_site(linked_corpus, out, search=False)
    assert out.is_symlink()
    first = out.resolve()
    build_site(linked_corpus, out, search=False)
    assert out.resolve() != first
    assert (out / "index.html").exists()
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with pytest.raises(SiteError):
        build_site(linked_corpus, foreign, search=False)
    assert (foreign / "notes.txt").read_text() == "keep me"


def test_cli_site_and_its_help(linked_corpus, tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["site", "--help"])
    assert result.exit_code == 0
    assert "--serve" in result.output
    out = tmp_path / "site"
    result = runner.invoke(
        app, ["site", "--corpus", str(linked_corpus), "--out", str(out), "--no-search"]
    )
    assert result.exit_code == 0, result.output
    assert "5 deliberations" in result.output
    assert (out / "index.html").exists()
    result = runner.invoke(app, ["site", "--corpus", str(tmp_path / "none"), "--out", str(out)])
    assert result.exit_code == 2
    assert "no corpus" in result.output


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_colours_pass_wcag_aa():
    css = (HERE / "static" / "site.css").read_text()
    colours = dict(re.findall(r"--([a-z-]+): (#[0-9a-f]{6})", css))
    text, white = colours["text"], "#ffffff"
    for tint in ("fu", "dc", "ar", "re", "ic", "rr", "ca", "ci", "bg-soft"):
        assert contrast(text, colours[tint]) >= 4.5, tint  # text on every mark's colour
    for name in ("text", "muted", "link"):
        assert contrast(colours[name], white) >= 4.5, name
        assert contrast(colours[name], colours["bg-soft"]) >= 4.5, name
    assert contrast(colours["en"], white) >= 3  # the entities' underline (a graphic)


def test_a_modification_links_to_the_deliberation_it_modifies(tmp_path):
    from datetime import date

    from models.schema import rows_to_table
    from pipeline.build.writer import CorpusWriter

    writer = CorpusWriter(tmp_path / "corpus")

    def add(table, row):
        writer.write(table, rows_to_table(table, [row]))

    for did, modifies in (("2018-87", []), ("2021-12", ["2018-87", "2015-3"])):
        title = f"Délibération n° {did} portant avis favorable"
        add(
            "deliberations",
            {
                "deliberation_id": did,
                "title": title,
                "year": int(did[:4]),
                "seq": int(did[5:]),
                "adopted_on": date(int(did[:4]), 1, 1),
                "decision": "avis_favorable",
                "modification": bool(modifies),
                "modifies": modifies,
            },
        )
        body = "Vu la loi n° 1.165 du 23 décembre 1993 ;"
        add(
            "sections",
            {
                "deliberation_id": did,
                "position": 0,
                "kind": "visas",
                "text": body,
                "start": len(title) + 1,
                "end": len(title) + 1 + len(body),
                "body_start": len(title) + 1,
            },
        )
    corpus = writer.commit()
    site = tmp_path / "site"
    build_site(corpus, site, search=False)
    modification = page(site, "d/2021-12.html").cssselect("section.links")[0]
    assert [a.get("href") for a in modification.cssselect("a")] == ["2018-87.html"]
    assert "2015-3 (not in the corpus)" in modification.text_content()
    modified = page(site, "d/2018-87.html").cssselect("section.links")[0]
    assert "Modified by: 2021-12" in " ".join(modified.text_content().split())
    assert [a.get("href") for a in modified.cssselect("a")] == ["2021-12.html"]


def test_the_site_rebuilds_the_same_text_as_provenance(linked_corpus):
    from pipeline.publish.site.data import load_site_data
    from pipeline.publish.site.pages import document_text as site_text

    data = load_site_data(linked_corpus)
    sections = load("sections", linked_corpus)
    for d in data.deliberations:
        did = d["deliberation_id"]
        expected = document_text(d["title"], sections[sections["deliberation_id"] == did])
        assert site_text(d["title"], data.section_rows[did]) == expected, did


@st.composite
def section_rows(draw):
    rows = []
    for _ in range(draw(st.integers(0, 5))):
        start = draw(st.integers(0, 40))
        body_start = start + draw(st.integers(0, 12))
        heading = draw(st.sampled_from(["", "I. Sur", "Préambule"]))
        text = draw(st.text(alphabet="ab\n ", max_size=15))
        end = body_start + len(text) + draw(st.integers(-3, 3))
        rows.append(
            {"start": start, "body_start": body_start, "heading": heading, "text": text, "end": end}
        )
    return rows


@given(st.text(alphabet="T ", max_size=8), section_rows())
def test_the_text_is_provenances_on_any_sections(title, rows):
    import pandas as pd

    from pipeline.publish.site.pages import document_text as site_text

    frame = pd.DataFrame(rows, columns=["start", "body_start", "heading", "text", "end"])
    assert site_text(title, rows) == document_text(title, frame)


def test_retention_tables_read_as_printed(built_site):
    """What a lawyer reads in the retention page's tables: the Commission's range of
    2022-62 ("de 3 mois minimum à un an maximum") as a range, the controller's 30 days
    rounded visibly, French category labels as in the figure, and a caption that says what
    the figure draws."""
    html = page(built_site, "doctrine/retention.html")
    rows = {
        tuple(cell.text_content().strip() for cell in tr.cssselect("th, td"))
        for tr in html.cssselect("#commission table tbody tr")
    }
    assert ("2022-62", "informations temporelles", "≈1", "3–12", "lengthened") in rows
    category_rows = html.cssselect("#by-category table tbody tr")
    categories = {tr.cssselect("th, td")[0].text_content().strip() for tr in category_rows}
    assert "informations temporelles" in categories
    assert not categories & {"time_information", "electronic_identification", "other"}
    text = html.text_content()
    assert "Box plots" not in text
    assert "not the published corpus" not in text.lower()  # no origin: the real site's
    actions = page(built_site, "doctrine/actions.html")
    reminders = actions.cssselect("#reminders tbody tr")
    verbs = [tr.cssselect("th, td")[3].text_content() for tr in reminders]
    assert "considère" in " ".join(verbs)
    assert not any("considere" in v for v in verbs)


def test_a_demonstration_corpus_says_so_on_every_page(linked_corpus, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(linked_corpus, corpus)
    info = json.loads((corpus / "manifest.json").read_text())
    info["origin"] = "a demonstration built from the bundled sample"
    (corpus / "manifest.json").write_text(json.dumps(info))
    out = tmp_path / "S"
    build_site(corpus, out, search=False)
    for name in ("index.html", f"d/{CITED}.html", "doctrine/retention.html", "search.html"):
        note = page(out, name).cssselect("p.origin")
        assert len(note) == 1, name
        assert "a demonstration built from the bundled sample" in note[0].text_content()
