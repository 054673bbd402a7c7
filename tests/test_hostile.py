"""Nothing lost: the nightly run against a hostile copy of the site, over real HTTP.

Each fault family of the hostile mode (``pipeline.testbed.hostile``) and of the mirror
(down, robots.txt 500 or refusing all, a host name that does not resolve, listings that
fail): the run completes or fails loudly with the reason, never exit 1, never parks a
page for the site's failure, and the next plain run ends with every deliberation once.
"""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from extractors.common.normalise import normalise_line
from extractors.title import parse_number
from pipeline import exits
from pipeline.fetch.client import ClientConfig, FetchError, SiteClient
from pipeline.refresh import RefreshOptions, refresh
from pipeline.store import read_history
from pipeline.testbed.hostile import make_hostile
from pipeline.testbed.mirror import Fault, Mirror, build_site
from tests.conftest import SAMPLE

pytestmark = pytest.mark.network

FAST = ClientConfig(
    delay=0, timeout=2, deadline=1.5, attempts=3, backoff_initial=0.05, backoff_max=0.2
)


def ids_of(site, paths) -> set[str]:
    out = set()
    for path in paths:
        number = parse_number(normalise_line(site.articles[path].title))
        assert number is not None
        out.add(number[3])
    return out


def published(site) -> set[str]:
    """The real deliberations the site shows now."""
    return ids_of(site, [p for p in site.deliberation_paths() if site.article(p) is not None])


def run(mirror: Mirror, data_dir: Path, **kw):
    mirror.hits[:] = []
    base = kw.pop("base_url", mirror.base_url)
    return refresh(RefreshOptions(data_dir=data_dir, base_url=base, client=FAST, **kw))


def corpus_ids(data_dir: Path) -> list[str]:
    table = pq.read_table(data_dir / "corpus" / "deliberations.parquet")
    return sorted(table.column("deliberation_id").to_pylist())


def manifest(data_dir: Path) -> dict:
    return json.loads((data_dir / "corpus" / "manifest.json").read_text())


@pytest.fixture
def hostile_site():
    site = build_site(SAMPLE)
    parts = make_hostile(site)
    return site, parts


@pytest.fixture
def hostile(hostile_site):
    site, parts = hostile_site
    with Mirror(site) as m:
        m.drip_interval = 0.3
        yield m, site, parts


def test_traps_never_stop_a_run_and_later_pages_are_found(hostile, tmp_path: Path) -> None:
    mirror, site, parts = hostile
    t0 = time.monotonic()
    first = run(mirror, tmp_path)
    assert first.exit_code == exits.OK, first.reason
    assert corpus_ids(tmp_path) == sorted(published(site))  # the nested one included
    assert ids_of(site, [parts.nested, parts.nested_tables]) <= set(corpus_ids(tmp_path))
    served = {h.fault for h in mirror.hits}
    assert {"js-redirect", "ctl-redirect", "drip", "drip-head"} <= served
    assert time.monotonic() - t0 < 60  # the dripping pages held the run for seconds
    issues = pq.read_table(tmp_path / "corpus" / "issues.parquet").to_pylist()
    failed = {i["source"] for i in issues if i["stage"] == "fetch"}
    trap_urls = {mirror.base_url + p for p in parts.traps}
    assert failed
    assert failed <= {u for u in trap_urls} | {
        u for u in failed if "Deliberation-tres-longue" in u or "\x01" in u
    }
    assert not any("elsewhere.example" in (i["source"] or "") for i in issues)  # not followed
    messages = " ".join(i["message"] for i in issues if i["stage"] == "fetch")
    assert "invalid URL" in messages
    assert "bad answer: Invalid URL in location" in messages
    assert "no complete answer within" in messages

    site.reveal()  # an issue under the newest one, an article added to the newest one
    second = run(mirror, tmp_path)
    assert second.exit_code == exits.OK, second.reason
    ids = corpus_ids(tmp_path)
    assert ids == sorted(published(site))  # each once
    assert ids_of(site, [p for p in site.articles if p.startswith(parts.late_issue)]) <= set(ids)
    assert ids_of(site, [parts.late_article]) <= set(ids)
    assert second.new_deliberations == 2

    third = run(mirror, tmp_path)  # the night after: the traps again, nothing lost
    assert third.exit_code == exits.OK, third.reason
    assert corpus_ids(tmp_path) == ids


def test_a_run_stopped_part_way_leaves_nothing_behind(tmp_path: Path) -> None:
    site = build_site(SAMPLE)
    with Mirror(site) as mirror:
        expected = sorted(published(site))
        first = run(mirror, tmp_path, limit=1)  # the newest issue's first article only
        assert (first.exit_code, first.articles_fetched) == (exits.OK, 1)
        assert len(corpus_ids(tmp_path)) < len(expected)
        mirror.faults = [Fault("slow", "article", times=None, delay=0.4)]
        cut = run(mirror, tmp_path, max_runtime=0.6)  # out of time after an article or two
        assert (cut.exit_code, cut.status, cut.stopped) == (exits.PARTIAL, "partial", "max-runtime")
        assert read_history(tmp_path)[-1]["reason"].startswith("--max-runtime")
        mirror.faults = []
        plain = run(mirror, tmp_path)
        assert plain.exit_code == exits.OK
        assert corpus_ids(tmp_path) == expected


def test_an_outage_parks_nothing_and_keeps_the_corpus(tmp_path: Path) -> None:
    site = build_site(SAMPLE)
    with Mirror(site) as mirror:
        stubborn = site.deliberation_paths()[0]
        mirror.faults = [Fault("500", stubborn, times=None)]
        first = run(mirror, tmp_path)
        assert first.exit_code == exits.OK
        assert first.pending == 1
        before = manifest(tmp_path)

        mirror.down()
        down = run(mirror, tmp_path)
        assert (down.exit_code, down.status) == (exits.SITE_DOWN, "site-down")
        assert "cannot connect" in down.reason
        assert "robots" in down.reason
        assert manifest(tmp_path) == before
        assert not down.published
        mirror.up()

        mirror.robots_status = 500
        for _ in range(4):  # more nights than it takes to park a page
            night = run(mirror, tmp_path)
            assert night.exit_code == exits.SITE_DOWN
            assert "robots.txt could not be read: HTTP 500" in night.reason
            assert "disallowed" not in night.reason
            assert night.parked == 0
            assert manifest(tmp_path) == before
        mirror.robots_status = 200
        mirror.faults = []
        back = run(mirror, tmp_path)
        assert back.exit_code == exits.OK
        assert (back.articles_fetched, back.parked, back.pending) == (1, 0, 0)
        assert corpus_ids(tmp_path) == sorted(published(site))
        assert [r["status"] for r in read_history(tmp_path)] == (
            ["ok", "site-down"] + ["site-down"] * 4 + ["ok"]
        )


def test_a_host_name_that_does_not_resolve_is_said_so(tmp_path: Path, monkeypatch) -> None:
    site = build_site(SAMPLE)
    real = socket.getaddrinfo

    def resolver(host, *args, **kwargs):
        if host == "jdm.invalid":  # no query leaves the machine
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    with Mirror(site) as mirror:
        assert run(mirror, tmp_path).exit_code == exits.OK
        before = manifest(tmp_path)
        port = mirror.base_url.rsplit(":", 1)[1]
        report = run(mirror, tmp_path, base_url=f"http://jdm.invalid:{port}")
    assert report.exit_code == exits.SITE_DOWN
    assert "DNS failure" in report.reason
    assert "jdm.invalid" in report.reason
    assert "disallowed" not in report.reason
    assert report.requests == 1  # a name that does not resolve is not retried
    assert manifest(tmp_path) == before


def test_robots_refusing_all_and_listings_failing_exit_non_zero(tmp_path: Path) -> None:
    site = build_site(SAMPLE)
    with Mirror(site) as mirror:
        mirror.robots_text = "User-agent: *\nDisallow: /\n"
        refused = run(mirror, tmp_path / "a", since=2024)
        assert (refused.exit_code, refused.requests) == (exits.REFUSED, 1)
        assert "robots.txt forbids" in refused.reason
        mirror.robots_text = "User-agent: *\nDisallow:\n"
        mirror.faults = [Fault("500", "year", times=None)]
        failing = run(mirror, tmp_path / "b", since=2025)  # two listings, both 503
        assert (failing.exit_code, failing.reason) == (
            exits.FAILING,
            "no year listing could be read",
        )
        assert failing.parked == 0


def test_a_request_has_a_deadline_and_retries_a_budget(hostile) -> None:
    mirror, site, parts = hostile
    drip = next(p for p in parts.traps if p.endswith("-drip"))
    cfg = ClientConfig(base_url=mirror.base_url, delay=0, timeout=5, deadline=1.0, attempts=4)
    with SiteClient(cfg) as client:
        t0 = time.monotonic()
        with pytest.raises(FetchError, match="no complete answer within 1 s"):
            client.get(drip)
        assert time.monotonic() - t0 < 3  # one try: the deadline is not restarted by a byte
    mirror.faults = [Fault("429", "year", times=None, retry_after=1)]
    cfg = ClientConfig(base_url=mirror.base_url, delay=0, attempts=10, retry_budget=2.5)
    with SiteClient(cfg) as client:
        t0 = time.monotonic()
        with pytest.raises(FetchError, match="HTTP 429"):
            client.get("/Journaux/2021")
        assert 1.9 < time.monotonic() - t0 < 4  # two waits of Retry-After, then no more
        assert client.retry_waited <= 2.5
