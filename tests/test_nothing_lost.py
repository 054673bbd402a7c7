"""Nothing lost on this machine either: any input, any writer, any interruption.

Local files in any common encoding, JSON Lines with lines too long or URLs that are not
the site's, folders with PDFs, broken links and link loops; one lock for every writer of
a corpus directory; a corpus never replaced by a smaller one unless asked; killed
versions and temporary files cleaned; the demo the same every time.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline import exits
from pipeline.atomic import write_atomic
from pipeline.build import inputs
from pipeline.build.writer import CorpusWriter, versions_dir
from pipeline.cli.main import app
from pipeline.store import RawStore
from scrapers.decoding import decode_page_as, decode_text
from scrapers.journal_de_monaco import parse_article_html
from scrapers.markup import flatten
from tests.conftest import FIXTURES, ROOT, SAMPLE

runner = CliRunner()
SEED = next((FIXTURES / "seeds").glob("000_*.txt"))
PAGE = SAMPLE / "deliberation-2021-81.html"


def extract(*args: str, code: int = 0):
    result = runner.invoke(app, ["extract", *args])
    assert result.exit_code == code, result.output
    return result


def rows(corpus: Path, table: str) -> list[dict]:
    return pq.read_table(corpus / f"{table}.parquet").to_pylist()


def hold_lock(data_dir: Path) -> subprocess.Popen:
    code = (
        "import time; from pipeline.store import RunLock\n"
        f"with RunLock({str(data_dir)!r}):\n    print('held', flush=True); time.sleep(60)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == b"held"
    return proc


# --- input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "bom", "said"),
    [
        ("cp1252", b"", "windows-1252"),
        ("latin-1", b"", "windows-1252"),
        ("utf-16-le", b"", "utf-16-le"),
        ("utf-16", b"", "utf-16"),
        ("utf-8", b"\xef\xbb\xbf", None),
    ],
)
def test_text_files_in_any_common_encoding(tmp_path, encoding, bom, said) -> None:
    text = SEED.read_text("utf-8")
    (tmp_path / "seed.txt").write_bytes(bom + text.encode(encoding, "replace"))  # (latin-1: no œ)
    out = tmp_path / "corpus"
    extract(str(tmp_path / "seed.txt"), "--out", str(out))
    assert [d["deliberation_id"] for d in rows(out, "deliberations")] == ["2021-81"]
    notes = [i["message"] for i in rows(out, "issues") if i["code"] == "encoding"]
    assert notes == ([f"not UTF-8: read as {said}"] if said else [])


def test_undecodable_bytes_leak_no_third_party_warning(caplog) -> None:
    garbage = b"<html><body><p>" + bytes(range(128, 256)) * 4 + b"\xc3\xa9</p>"
    with caplog.at_level(logging.WARNING):
        for content_type in ("text/html; charset=ascii", "text/html; charset=utf-16", None):
            decoded = decode_page_as(garbage, content_type)
            assert "<p>" in decoded.text
            assert decoded.encoding
    assert not caplog.records  # bs4's "Some characters could not be decoded" included
    assert decode_text("Délibération".encode("cp1252")).encoding == "windows-1252"


def test_folders_and_json_lines_lose_no_document_silently(tmp_path, monkeypatch, caplog) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.html").write_bytes(PAGE.read_bytes())
    (src / "journal.pdf").write_bytes(b"%PDF-1.4 ...")
    (src / "sub" / "loop").symlink_to(src, target_is_directory=True)
    (src / "sub" / "gone.html").symlink_to(tmp_path / "nowhere.html")
    seed = SEED.read_text("utf-8")
    lines = [
        {"url": "file:///etc/passwd", "text": seed},
        {"url": "javascript:alert(1)", "text": seed},
        {"url": "https://journaldemonaco.gouv.mc/fr/Journaux/2021/Journal-8547/X", "text": seed},
    ]
    long_line = json.dumps({"url": "https://journaldemonaco.gouv.mc/x", "text": "a" * 100_000})
    (src / "pages.jsonl").write_text(
        "\n".join([json.dumps(lines[0]), long_line, json.dumps(lines[1]), json.dumps(lines[2])])
        + "\n"
    )
    monkeypatch.setattr(inputs, "MAX_LINE_BYTES", 60_000)
    out = tmp_path / "corpus"
    with caplog.at_level(logging.INFO, logger="ccin.issues"):
        result = extract(str(src), "--out", str(out), "-v")
    issues = rows(out, "issues")
    by_code: dict[str, list[str]] = {}
    for i in issues:
        by_code.setdefault(i["code"], []).append(i["source"] or "")
    assert any(s.endswith("journal.pdf") for s in by_code["skipped_file"])
    assert any(s.endswith("loop") for s in by_code["symlink_loop"])
    assert any(s.endswith("gone.html") for s in by_code["unreadable_file"])
    assert [s.rsplit(":", 1)[1] for s in by_code["oversized_line"]] == ["2"]
    assert len(by_code["bad_url"]) == 2
    urls = {d["url"] for d in rows(out, "deliberations")}
    assert urls <= {None, "https://journaldemonaco.gouv.mc/Journaux/2021/Journal-8547/X"}
    assert not any(u and ("file:" in u or "javascript:" in u) for u in urls)
    logged = caplog.text
    for code in ("bad_url", "oversized_line", "symlink_loop"):  # -v: each problem as met
        assert code in logged, code
    assert "issues table" in result.output
    assert "ccin query" in result.output


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("<div>", "</div>"),
        ("<table><tr><td>", "</td></tr></table>"),  # no plain wrapper: every tag kept once
        ('<div class="wrap">', "</div>"),
        ("<b>", "</b>"),
    ],
)
def test_a_page_nested_100000_deep_keeps_its_text(start: str, end: str) -> None:
    html = PAGE.read_text("utf-8")
    expected, _ = parse_article_html(html)
    deep = html.replace("<body>", "<body>" + start * 100_000).replace(
        "</body>", end * 100_000 + "</body>"
    )
    article, warnings = parse_article_html(deep)
    assert (article.title, article.body, warnings) == (expected.title, expected.body, [])


def test_flatten_drops_the_middle_of_a_chain_too_deep() -> None:
    flat = flatten("<div>" * 1000 + "<p>a</p><script>x<div></script>" + "</div>" * 1000)
    # the 400 outermost and the 400 innermost divs keep their tags (the one in the script
    # is its text); the 200 between become line breaks
    assert flat.count("<div>") == 800 + 1
    assert flat.count("<br>") == 2 * 200
    assert "<p>a</p>" in flat
    assert "x<div></script>" in flat
    assert flatten("<b>" * 900 + "<h1>T</h1>" + "</b>" * 900).count("<h1>T</h1>") == 1


# --- writers ----------------------------------------------------------------------


def test_extract_needs_out_and_never_shrinks_a_corpus(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["extract", str(SEED)])
    assert result.exit_code == 2
    assert "--out" in result.output
    assert not (tmp_path / "data").exists()

    out = tmp_path / "data" / "corpus"
    extract(str(SAMPLE), "--out", str(out))
    before = (out / "manifest.json").read_text()
    result = extract(str(SEED), "--out", str(out), code=exits.SHRINK)
    assert "fewer than the 4" in result.output
    assert "--allow-shrink" in result.output
    assert (out / "manifest.json").read_text() == before
    extract(str(SEED), "--out", str(out), "--allow-shrink")
    assert len(rows(out, "deliberations")) == 1

    holder = hold_lock(out.parent)  # a nightly run of the same data directory
    try:
        result = extract(str(SAMPLE), "--out", str(out), code=exits.LOCKED)
    finally:
        holder.kill()
        holder.communicate()
    assert "another run holds" in result.output
    assert len(rows(out, "deliberations")) == 1


def test_killed_versions_and_temporary_files_are_cleaned(tmp_path, monkeypatch) -> None:
    out = tmp_path / "corpus"
    CorpusWriter(out).commit()
    first = out.resolve()
    killed = CorpusWriter(out)  # killed after its manifest, before the switch
    for table in ("deliberations",):
        killed.write(table, pq.read_table(first / f"{table}.parquet"))
    (killed.version_dir / "manifest.json").write_text("{}")
    half = versions_dir(out) / "half-written"
    half.mkdir()
    CorpusWriter(out).commit()
    kept = set(versions_dir(out).iterdir())
    assert kept == {out.resolve(), first}  # the real previous one, nothing else

    store = RawStore(tmp_path / "raw")
    sha = store.put(b"<html>page</html>")
    stale = store.path_of(sha).with_name(".deadbeef.999.tmp")
    stale.write_bytes(b"half")
    assert store.clean() == 1
    assert not stale.exists()
    assert store.has(sha)

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    target = tmp_path / "x" / "object"
    target.parent.mkdir()
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, b"data")
    assert list(target.parent.iterdir()) == []  # no temporary file left


def test_make_demo_twice_gives_the_same_corpus_and_survives_no_network(tmp_path) -> None:
    out, work = tmp_path / "data" / "corpus", tmp_path / "data" / "demo"
    seen = []
    for _ in range(2):
        result = runner.invoke(app, ["demo", "--out", str(out), "--work-dir", str(work)])
        assert result.exit_code == 0, result.output
        delibs = rows(out, "deliberations")
        seen.append((sorted(d["deliberation_id"] for d in delibs), len(rows(out, "issues"))))
        assert all(d["url"].startswith("https://journaldemonaco.gouv.mc/") for d in delibs)
    assert seen[0] == seen[1]
    assert len(seen[0][0]) == 4
    card = (out / "README.md").read_text()
    assert "demonstration" in card
    assert "local copy" in card

    # `make refresh` with no network: exit non-zero, the demo's corpus stays
    result = runner.invoke(
        app,
        ["refresh", "--data-dir", str(out.parent), "--base-url", "http://127.0.0.1:9"]
        + ["--delay", "0", "--attempts", "1"],
    )
    assert result.exit_code == exits.SITE_DOWN, result.output
    assert "site unreachable" in result.output
    assert "robots" in result.output
    assert sorted(d["deliberation_id"] for d in rows(out, "deliberations")) == seen[0][0]
