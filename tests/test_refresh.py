"""The nightly refresh against the loopback mirror, over real HTTP on 127.0.0.1.

The mirror serves data/sample/*.html plus two deliberations written here (a 2010 one and
an APDP one of 2025), among ordonnances, arrêtés citing a deliberation, decisions of the
CCIN's President and controllers' "décisions de mise en œuvre" — none of which may
become a deliberation row.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import signal
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
import pyarrow.parquet as pq
import pytest

from extractors.common.normalise import normalise_line
from extractors.title import parse_number
from pipeline import exits
from pipeline import refresh as refresh_mod
from pipeline.build.rebuild import rebuild
from pipeline.fetch.client import (
    ClientConfig,
    FetchError,
    SiteClient,
    parse_retry_after,
)
from pipeline.fetch.walk import RECHECK_ISSUES
from pipeline.refresh import RefreshOptions, refresh
from pipeline.store import FetchRecord, Locked, RawStore, RunLock, dry_spell, read_history
from pipeline.testbed.mirror import Fault, Mirror, build_site
from pipeline.testbed.sample import article_html
from scrapers.decoding import decode_page
from scrapers.journal_de_monaco import parse_search_results, search_next_page
from tests.conftest import ROOT, SAMPLE

pytestmark = pytest.mark.network

EXTRA = [
    (
        "Délibération n° 10-12 du 15 mars 2010 portant avis favorable sur la demande présentée "
        "par le Maire de Monaco relative au traitement automatisé ayant pour finalité "
        "«Gestion des listes électorales»",
        ("7950", "26/03/2010", "96.67%", "12"),
    ),
    (
        "Délibération n° 2025-4 du 19 mars 2025 de l'Autorité de Protection des Données "
        "Personnelles portant avis favorable à la mise en œuvre du traitement automatisé "
        "d'informations nominatives ayant pour finalité « Gestion des accès au parking » "
        "présenté par la Société des Bains de Mer.",
        ("8740", "11/04/2025", "100%", ""),
    ),
]
BODY = [
    "Vu la Constitution ;",
    "Vu la loi n° 1.165 du 23 décembre 1993 relative à la protection des informations nominatives ;",
    "La Commission,",
    "I. Sur la finalité et les fonctionnalités du traitement",
    "Le traitement a pour finalité la gestion demandée.",
    "Après en avoir délibéré, la Commission :",
    "émet un avis favorable à la mise en œuvre du traitement.",
]
FAST = ClientConfig(delay=0, timeout=3, attempts=3, backoff_initial=0.05, backoff_max=0.2)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    pages = tmp_path_factory.mktemp("pages")
    for file in SAMPLE.glob("*.html"):
        shutil.copy(file, pages / file.name)
    for n, (title, meta) in enumerate(EXTRA):
        (pages / f"extra-{n}.html").write_text(article_html(title, BODY, meta), "utf-8")
    return build_site(pages)


@pytest.fixture(scope="module")
def mirror(site):
    with Mirror(site) as m:
        yield m


@pytest.fixture(autouse=True)
def _fresh_faults(request: pytest.FixtureRequest) -> None:
    if "mirror" in request.fixturenames:
        m = request.getfixturevalue("mirror")
        m.faults, m.hits[:] = [], []


def expected_ids(site) -> set[str]:
    ids = set()
    for path in site.deliberation_paths():
        number = parse_number(normalise_line(site.articles[path].title))
        assert number is not None
        ids.add(number[3])
    return ids


def run(mirror: Mirror, data_dir: Path, **kw):
    mirror.hits[:] = []
    return refresh(RefreshOptions(data_dir=data_dir, base_url=mirror.base_url, client=FAST, **kw))


def table(data_dir: Path, name: str):
    return pq.read_table(data_dir / "corpus" / f"{name}.parquet")


def hits(mirror: Mirror, kind: str) -> int:
    return sum(1 for h in mirror.hits if h.kind == kind)


# --- the acceptance runs ------------------------------------------------------------


def test_faults_then_every_deliberation_exactly_once(mirror: Mirror, site, tmp_path: Path) -> None:
    expected = expected_ids(site)
    assert len(expected) >= 6
    stubborn = site.deliberation_paths()[0]  # fails every try of the first run
    mirror.faults = [
        Fault("500", stubborn, times=FAST.attempts),
        Fault("500", "article", every=2),
        Fault("500", "issue", every=3),
        Fault("429", "year", budget=1, retry_after=1),
        Fault("truncate", "article", budget=2),
    ]
    first = run(mirror, tmp_path)
    served = {h.fault for h in mirror.hits}
    assert {"500", "429", "truncate"} <= served
    assert first.exit_code == 0
    assert first.failures == 1
    stubborn_url = mirror.base_url + stubborn
    issues = table(tmp_path, "issues").to_pylist()
    assert [i["code"] for i in issues if i["source"] == stubborn_url] == ["fetch_failed"]
    ids = table(tmp_path, "deliberations").column("deliberation_id").to_pylist()
    assert len(ids) == len(expected) - 1

    second = run(mirror, tmp_path)  # the failed page is retried, and only it
    assert (second.exit_code, second.articles_fetched, second.failures) == (0, 1, 0)
    assert second.new_deliberations == 1
    rows = table(tmp_path, "deliberations").to_pylist()
    assert sorted(r["deliberation_id"] for r in rows) == sorted(expected)  # each once
    lookalikes = {mirror.base_url + p for p in site.lookalike_paths()}
    assert all(r["url"] not in lookalikes and "/en/" not in r["url"] for r in rows)
    assert not [i for i in table(tmp_path, "issues").to_pylist() if i["stage"] == "fetch"]


def test_second_run_fetches_only_a_few_listings(mirror: Mirror, site, tmp_path: Path) -> None:
    first = run(mirror, tmp_path)
    assert first.new_deliberations == len(expected_ids(site))
    assert hits(mirror, "article") == first.articles_fetched
    second = run(mirror, tmp_path)
    years = date.today().year - 2009 + 1
    assert hits(mirror, "article") == 0
    assert hits(mirror, "issue") == RECHECK_ISSUES  # the newest sommaires, read again
    assert hits(mirror, "year") == years  # every listing, in case an issue appeared in it
    assert second.requests == 1 + years + RECHECK_ISSUES  # and robots.txt
    assert {h.status for h in mirror.hits if h.kind in ("year", "issue")} == {304}  # ETags
    history = read_history(tmp_path)
    assert [h["new_deliberations"] for h in history] == [first.new_deliberations, 0]
    assert history[1]["pages_fetched"] == hits(mirror, "year") + RECHECK_ISSUES
    assert history[1]["duration_s"] > 0

    offline = tmp_path / "offline"
    shutil.copytree(tmp_path, offline, symlinks=True)
    before = {p.name: pq.read_table(p) for p in (offline / "corpus").glob("*.parquet")}

    def no_network(*args, **kwargs):
        raise AssertionError("rebuild must not touch the network")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(httpx.Client, "send", no_network)
        summary = rebuild(offline, progress=False)
    assert summary.deliberations == len(expected_ids(site))
    after = {p.name: pq.read_table(p) for p in (offline / "corpus").glob("*.parquet")}
    assert before.keys() == after.keys()
    assert all(before[name].equals(after[name]) for name in before)


def test_changed_layout_and_english_ui(mirror: Mirror, site, tmp_path: Path) -> None:
    mirror.faults = [Fault("layout", "any", times=None)]
    report = run(mirror, tmp_path, since=2020)
    ids = set(table(tmp_path, "deliberations").column("deliberation_id").to_pylist())
    assert ids == {i for i in expected_ids(site) if int(i[:4]) >= 2020}
    assert report.failures == 0
    # the English-UI variant of a page is the same article
    path = site.deliberation_paths()[-1]
    en = httpx.get(f"{mirror.base_url}/en/switchlanguage/to/jdm_eng{path}").text
    assert "No. Journal" in en
    assert "Délibération" in en


def test_missing_year_listings(mirror: Mirror, site, tmp_path: Path) -> None:
    # listings of years not published yet answer 404: not a failure, the walk is complete
    ahead = run(mirror, tmp_path, since=2021, this_year=site.last_year + 2)
    assert (ahead.exit_code, ahead.failures, ahead.walk_complete) == (0, 0, True)
    assert any(w.startswith("no page for the listings of") for w in ahead.warnings)
    # a year missing between years that have issues leaves a hole: the walk is not complete
    mirror.faults = [Fault("soft404", "/Journaux/2022", times=None)]
    holed = run(mirror, tmp_path / "holed", since=2021)
    assert (holed.failures, holed.walk_complete) == (0, False)


def test_structural_failures_are_parked(mirror: Mirror, site, tmp_path: Path) -> None:
    path = site.deliberation_paths()[-1]
    year = int(path.split("/")[2])
    mirror.faults = [Fault("soft404", path, times=None)]
    for _ in range(3):
        report = run(mirror, tmp_path, since=year)
        assert report.failures == 1
    issues = [i for i in table(tmp_path, "issues").to_pylist() if i["stage"] == "fetch"]
    assert [(i["code"], i["source"]) for i in issues] == [("parked_page", mirror.base_url + path)]
    assert "soft 404" in issues[0]["message"]
    report = run(mirror, tmp_path, since=year)
    assert (report.failures, report.parked, hits(mirror, "article")) == (0, 1, 0)
    mirror.faults = []
    report = run(mirror, tmp_path, since=year, full=True)  # --full retries parked pages
    assert report.parked == 0


def test_most_pages_failing_exits_non_zero(mirror: Mirror, tmp_path: Path) -> None:
    mirror.faults = [Fault("500", "any", times=None)]
    report = run(mirror, tmp_path, since=2024)
    assert report.exit_code == exits.FAILING
    assert read_history(tmp_path)[-1]["status"] == "failing"
    assert (tmp_path / "corpus" / "manifest.json").exists()  # an empty corpus, still whole


def test_a_crash_is_recorded(mirror: Mirror, tmp_path: Path, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(refresh_mod, "rebuild", broken)
    report = run(mirror, tmp_path, since=2024)
    assert (report.exit_code, report.status) == (exits.CRASH, "crashed")
    assert "disk full" in read_history(tmp_path)[-1]["error"]


def hold_lock(data_dir: Path) -> subprocess.Popen:
    """Another process holding the data directory's lock, until killed."""
    code = (
        "import sys, time; from pipeline.store import RunLock\n"
        f"with RunLock({str(data_dir)!r}):\n    print('held', flush=True); time.sleep(60)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == b"held"
    return proc


def test_the_lock_keeps_a_second_run_out(mirror: Mirror, tmp_path: Path) -> None:
    holder = hold_lock(tmp_path)
    try:
        with pytest.raises(Locked):
            run(mirror, tmp_path)
    finally:
        holder.kill()
        holder.communicate()
    with RunLock(tmp_path):  # released
        pass


# --- kill -9 --------------------------------------------------------------------------


def _corpus_state(data_dir: Path) -> dict[str, str]:
    corpus = data_dir / "corpus"
    manifest = json.loads((corpus / "manifest.json").read_text())
    for entry in manifest["tables"].values():
        path = corpus / entry["file"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"]
        assert pq.read_table(path).num_rows == entry["rows"]
    return {k: v["sha256"] for k, v in manifest["tables"].items()}


def _cli(mirror: Mirror, data_dir: Path, *extra: str) -> subprocess.Popen:
    args = [sys.executable, "-m", "pipeline.cli", "refresh", "--base-url", mirror.base_url]
    args += ["--data-dir", str(data_dir), "--delay", "0", "--backoff", "0.05", *extra]
    return subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _wait(condition, proc: subprocess.Popen, seconds: float = 20) -> None:
    end = time.monotonic() + seconds
    while not condition():
        assert proc.poll() is None, "the run ended before the kill"
        assert time.monotonic() < end, "timed out"
        time.sleep(0.002)


def test_kill_9_leaves_the_previous_corpus(mirror: Mirror, site, tmp_path: Path) -> None:
    assert run(mirror, tmp_path).exit_code == 0
    before = _corpus_state(tmp_path)

    # killed while fetching
    mirror.hits[:] = []
    mirror.faults = [Fault("slow", "article", times=None, delay=0.3)]
    proc = _cli(mirror, tmp_path, "--full")
    _wait(lambda: any(h.kind == "article" for h in mirror.hits), proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert _corpus_state(tmp_path) == before

    # killed while writing the new corpus
    mirror.faults = []
    versions = tmp_path / ".corpus.versions"
    known = set(versions.iterdir())
    proc = _cli(mirror, tmp_path)
    _wait(lambda: set(versions.iterdir()) - known, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert _corpus_state(tmp_path) == before  # or the new one, complete: same content here

    assert RawStore(tmp_path / "raw").verify() == []
    report = run(mirror, tmp_path)  # the lock died with the process
    assert report.exit_code == 0
    assert report.deliberations == len(expected_ids(site))


# --- pieces ---------------------------------------------------------------------------


def test_search_pages_walk_every_article(mirror: Mirror, site) -> None:
    found: list[str] = []
    url: str | None = "/content/search?SearchText=&sort=published_desc&page_limit=15"
    with SiteClient(ClientConfig(base_url=mirror.base_url, delay=0)) as client:
        while url:
            text = client.get(url).text
            found += [ref.url for ref in parse_search_results(text, mirror.base_url)]
            url = search_next_page(text, mirror.base_url)
    assert sorted(found) == sorted(mirror.base_url + p for p in site.articles)
    assert hits(mirror, "search") > 1


def test_raw_store_survives_a_torn_index_line(tmp_path: Path) -> None:
    store = RawStore(tmp_path)
    sha = store.put(b"<html>page</html>")
    assert sha == hashlib.sha256(b"<html>page</html>").hexdigest()
    assert store.put(b"<html>page</html>") == sha  # stored once
    store.append(
        FetchRecord("https://x/Journaux/2021", "year", "2026-01-01T00:00:00+00:00", 200, sha)
    )
    with store.index_path.open("ab") as fh:
        fh.write(b'{"url": "https://x/Journ')  # killed mid-line
    store.append(
        FetchRecord(
            "https://x/Journaux/2022", "year", "2026-01-01T00:00:01+00:00", 500, error="HTTP 500"
        )
    )
    assert [r.url[-4:] for r in store.records()] == ["2021", "2022"]
    assert [p.name for p in store.objects.rglob("*") if p.is_file()] == [sha]  # never the URL


def test_client_refuses_offsite_and_honours_retry_after(mirror: Mirror, site) -> None:
    path = site.deliberation_paths()[0]
    mirror.faults = [Fault("offsite", path), Fault("429", "year", retry_after=1)]
    with SiteClient(
        ClientConfig(base_url=mirror.base_url, delay=0, backoff_initial=0.01)
    ) as client:
        with pytest.raises(FetchError, match="off the site") as err:
            client.get(path)
        assert err.value.structural
        with pytest.raises(FetchError, match="off-site"):
            client.get("https://example.org/Journaux/2021")
        with pytest.raises(FetchError, match="robots.txt"):  # Disallow: /content/download/
            client.get("/content/download/1/1/file/JO_2021_J_8547.pdf")
        t0 = time.monotonic()
        assert client.get("/fr/Journaux/2021").status == 200
        assert time.monotonic() - t0 >= 0.95
    with SiteClient(ClientConfig(base_url=mirror.base_url, delay=0, max_bytes=1000)) as client:
        with pytest.raises(FetchError, match="larger than") as err:
            client.get(path)
        assert err.value.structural
    robots = [h for h in mirror.hits if h.kind == "robots"]
    assert len(robots) == 2  # once per client


def test_client_gives_up_on_a_slow_page_after_its_attempts(mirror: Mirror, site) -> None:
    path = site.deliberation_paths()[0]
    mirror.faults = [Fault("slow", path, times=2, delay=0.6)]
    cfg = ClientConfig(
        base_url=mirror.base_url, delay=0, timeout=0.3, attempts=2, backoff_initial=0.01
    )
    with SiteClient(cfg) as client:
        with pytest.raises(FetchError, match="timeout"):
            client.get(path)
        assert client.get(path).status == 200  # the third try is served at once


@pytest.mark.parametrize(
    ("content", "content_type", "text"),
    [
        ("Délibération".encode(), "text/html; charset=utf-8", "Délibération"),
        ("Délibération".encode("cp1252"), "text/html; charset=windows-1252", "Délibération"),
        (
            '<meta charset="iso-8859-1"><p>Délibération'.encode("latin-1"),
            "text/html",
            "Délibération",
        ),
        ("<p>Délibération n° 2021-81 de la Commission</p>".encode(), None, "Délibération"),
    ],
)
def test_charset_detection(content: bytes, content_type: str | None, text: str) -> None:
    assert text in decode_page(content, content_type)


def test_retry_after_header() -> None:
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:10 GMT", now=1445412480.0) == 10.0
    assert parse_retry_after("soon") is None


def test_dry_spell_warns_only_when_far_longer_than_usual() -> None:
    t0 = datetime(2026, 1, 2, tzinfo=UTC)
    weekly = [
        {"started_at": (t0 + timedelta(days=7 * k)).isoformat(), "new_deliberations": 2}
        for k in range(10)
    ]
    last = t0 + timedelta(days=63)
    assert dry_spell(weekly, last + timedelta(days=20)) is None
    assert "no new deliberation for 40 days" in (dry_spell(weekly, last + timedelta(days=40)) or "")
    never = [{"started_at": t0.isoformat(), "new_deliberations": 0}]
    assert dry_spell(never, t0 + timedelta(days=10)) is None
    assert dry_spell(never, t0 + timedelta(days=90)) is not None
