"""The reading room in a real browser: headless Chromium (Debian's package) driven by
Playwright, against ``ccin site --serve`` on 127.0.0.1.

Without Chromium these tests are skipped, saying how to install it (`.ci/run` installs it
on CI). Playwright never downloads a browser here: it is given Chromium's executable.
"""

from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from pipeline.analysis.corpus import load
from tests.site.conftest import CITED

CHROMIUM = Path(os.environ.get("CCIN_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL = (
    f"headless Chromium not found at {CHROMIUM}: install it with "
    "`apt-get install -y chromium` (Debian; .ci/run does it on CI) to run the browser tests"
)
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(linked_corpus, tmp_path_factory):
    """``ccin site --serve --port 0`` in its own process; yields the site's base URL."""
    if not CHROMIUM.exists():
        pytest.skip(INSTALL)
    out = tmp_path_factory.mktemp("served") / "S"
    command = [sys.executable, "-m", "pipeline.cli", "site", "--corpus", str(linked_corpus)]
    command += ["--out", str(out), "--serve", "--port", "0"]
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in process.stdout], daemon=True).start()
    seen: list[str] = []
    deadline = time.monotonic() + 240
    try:
        found = None
        while found is None:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("ccin site --serve did not start:\n" + "".join(seen))
                continue
            seen.append(line)
            found = re.search(r"serving .* on (http://127\.0\.0\.1:\d+/)", line)
        yield found.group(1)
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    yield context.new_page()
    context.close()


def test_the_index_lists_every_deliberation_and_filters_them(server, page, linked_corpus):
    deliberations = load("deliberations", linked_corpus)
    page.goto(server + "index.html")
    rows = page.locator("tr[data-deliberation-id]")
    assert sorted(rows.evaluate_all("rs => rs.map(r => r.dataset.deliberationId)")) == sorted(
        deliberations["deliberation_id"]
    )
    page.select_option("select[name=year]", "2024")
    visible = page.locator("tr[data-deliberation-id]:visible")
    expected = deliberations.loc[deliberations["year"] == 2024, "deliberation_id"]
    assert sorted(visible.evaluate_all("rs => rs.map(r => r.dataset.deliberationId)")) == sorted(
        expected
    )
    assert page.locator("#shown").inner_text() == f"{len(expected)} of 5 deliberations shown"
    page.select_option("select[name=year]", "")
    page.get_by_role("button", name="Number").click()  # sorted by year, then number
    order = rows.evaluate_all("rs => rs.map(r => r.dataset.deliberationId)")
    assert order == sorted(order, key=lambda i: tuple(map(int, i.split("-"))))


def test_the_index_works_without_javascript(server, browser, linked_corpus):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "index.html")
    ids = page.locator("tr[data-deliberation-id]:visible").evaluate_all(
        "rs => rs.map(r => r.getAttribute('data-deliberation-id'))"
    )
    assert sorted(ids) == sorted(load("deliberations", linked_corpus)["deliberation_id"])
    assert not page.locator("#filters").is_visible()  # the filters need the script
    page.locator(f'tr[data-deliberation-id="{CITED}"] a').click()
    page.wait_for_url(server + f"d/{CITED}.html")
    context.close()


def test_a_search_for_a_word_of_the_text_finds_the_deliberation(server, page, linked_corpus):
    sections = load("sections", linked_corpus)
    words: dict[str, set[str]] = {}
    for d, text in zip(sections["deliberation_id"], sections["text"], strict=True):
        for w in re.findall(r"[a-zéèàç]{9,}", (text or "").lower()):
            words.setdefault(w, set()).add(d)
    only = sorted((w for w, ds in words.items() if ds == {"2022-62"}), key=lambda w: (-len(w), w))
    word = only[0]  # the longest word that only 2022-62 uses
    page.goto(server + f"search.html?q={word}")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15_000)
    hrefs = page.locator(".pagefind-ui__result-link").evaluate_all("as => as.map(a => a.href)")
    assert server + "d/2022-62.html" in {h.split("#")[0] for h in hrefs}, word
    excerpts = page.locator(".pagefind-ui__result-excerpt mark").all_inner_texts()
    assert any(word in e.lower() for e in excerpts)  # the matching passage is shown


def test_search_stems_french_words(server, page, linked_corpus):
    texts = " ".join(load("sections", linked_corpus)["text"].dropna()).lower()
    assert "conservations" not in texts
    assert "conservées" in texts
    page.goto(server + "search.html?q=conservations")  # a form no text has
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15_000)
    excerpts = " ".join(page.locator(".pagefind-ui__result-excerpt mark").all_inner_texts())
    assert "conserv" in excerpts.lower()


def test_every_fact_is_marked_with_its_hover_text(server, page, linked_corpus, tmp_path):
    d = "2024-9"
    page.goto(server + f"d/{d}.html")
    for table in (
        "retention_rules",
        "access_rights",
        "recipients",
        "commission_actions",
        "citations",
        "data_categories",
    ):
        rows = load(table, linked_corpus)
        rows = rows[(rows["deliberation_id"] == d) & rows["start"].notna()]
        marks = page.locator(f"mark[data-table={table}]")
        assert marks.count() == len(rows) > 0, table
        for i in range(marks.count()):
            mark = marks.nth(i)
            mark.hover()
            tip = mark.get_attribute("data-tip")
            assert tip
            assert page.locator("#tip").is_visible(), (table, i)
            assert tip in page.locator("#tip > div").all_inner_texts(), (table, i)
    path = tmp_path / f"{d}.png"
    page.locator("mark[data-table=retention_rules]").first.hover()
    page.screenshot(path=str(path))
    assert path.stat().st_size > 20_000
    print(f"screenshot: {path}")


def test_without_javascript_css_shows_the_tip(server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "d/2024-9.html")
    mark = page.locator("mark[data-table=retention_rules]").first
    mark.hover()
    shown = mark.evaluate("m => getComputedStyle(m, '::after').content")
    assert shown == f'"{mark.get_attribute("data-tip")}"'
    assert (
        page.locator("tr[id^=f-rr-]").count()
        == page.locator("mark[data-table=retention_rules]").count()
    )
    context.close()


def test_marks_are_reachable_by_keyboard_and_show_their_values(server, page):
    page.goto(server + "d/2021-81.html")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "MARK":
            break
    else:
        pytest.fail("no mark reached with Tab")
    tip = page.evaluate("document.activeElement.dataset.tip")
    assert page.locator("#tip").is_visible()
    assert page.locator("#tip > div").first.inner_text() == tip


def test_a_cited_deliberation_is_one_click_away(server, page):
    page.goto(server + "d/2021-81.html")
    page.locator("article.text a.cite").first.click()
    page.wait_for_url(server + f"d/{CITED}.html")
    assert CITED in page.locator("h1").inner_text()
    page.locator("#cited-by a", has_text="2021-81").click()
    page.wait_for_url(server + "d/2021-81.html")


def test_readable_on_a_phone(server, browser, tmp_path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    phone = context.new_page()
    phone.goto(server + "d/2024-9.html")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # no sideways scrolling of the page (wide tables scroll in their box)
    phone.screenshot(path=str(tmp_path / "phone.png"))
    context.close()


SHOWN_WITHOUT_CODES = """main => {
  const copy = main.cloneNode(true);
  copy.querySelectorAll("code.code, article.text").forEach(e => e.remove());
  document.body.appendChild(copy);  // innerText needs a rendered element
  const text = copy.innerText;
  copy.remove();
  return text;
}"""


def test_a_reader_sees_labels_not_codes(server, page, linked_corpus):
    from pipeline.analysis.labels import ENUM_LABELS

    codes = {v.value for e in ENUM_LABELS for v in e if "_" in v.value}
    d = load("deliberations", linked_corpus).set_index("deliberation_id").loc["2021-81"]
    assert d["conditional"]
    assert list(d["legal_bases"]) == ["legitimate_interest"]
    page.goto(server + "d/2021-81.html")
    meta = page.locator("dl.meta")
    decision = meta.locator("div", has=page.locator("dt", has_text="Decision")).inner_text()
    assert "avis favorable sous conditions" in decision
    assert "sous le bénéfice de la prise en compte de ce qui précède" in decision
    bases = meta.locator("div", has=page.locator("dt", has_text="Legal bases"))
    assert "intérêt légitime" in bases.inner_text()
    assert bases.locator("code.code").inner_text() == "legitimate_interest"  # for the Parquet
    shown = page.locator("main").evaluate(SHOWN_WITHOUT_CODES)
    assert "intérêt légitime" in shown
    assert [c for c in codes if re.search(rf"\b{c}\b", shown)] == []
    cell = page.locator('aside.facts td[title="code: time_information"]').first
    assert cell.inner_text() == "informations temporelles"
    page.goto(server + "index.html")
    page.select_option("select[name=decision]", label="avis favorable")
    visible = page.locator("tr[data-deliberation-id]:visible")
    assert (
        visible.count()
        == (load("deliberations", linked_corpus)["decision"] == "avis_favorable").sum()
    )
    assert "avis favorable" in visible.first.locator("td").nth(5).inner_text()


def test_search_results_show_date_controller_and_finalite(server, page, linked_corpus):
    d = load("deliberations", linked_corpus).set_index("deliberation_id").loc["2022-62"]
    page.goto(server + "search.html?q=" + d["controller"].split()[-1])
    page.wait_for_selector(".pagefind-ui__result", timeout=15_000)
    result = page.locator(".pagefind-ui__result", has=page.locator('a[href$="2022-62.html"]'))
    tags = result.locator(".pagefind-ui__result-tag").all_inner_texts()
    assert f"Date: {d['adopted_on']}" in tags
    assert f"Controller: {d['controller']}" in tags
    assert any(t.startswith("Finalité: " + d["purpose"][:40]) for t in tags), tags


def test_the_retention_summary_gives_n_and_no_share_on_few_rules(server, page):
    page.goto(server + "doctrine/retention.html")
    intro = page.locator("main > p").first.inner_text()
    assert re.search(r"\(n = \d+ rules?\), it is shorter in \d+ of them: too few", intro), intro
    assert "%" not in intro


def test_the_footer_names_the_corpus_extractor(server, page, linked_corpus):
    import json

    built_with = json.loads((linked_corpus / "manifest.json").read_text())["extractor_version"]
    page.goto(server + "index.html")
    assert f"extractor {built_with}" in page.locator("#corpus-versions").inner_text()
