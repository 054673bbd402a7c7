"""Answers that are not the page asked for, over real HTTP against the loopback mirror.

A flaky CMS, a CDN or a proxy answers 200 with something else than the page: a
maintenance page with its own title, the home page a removed article redirects to, a
page with no closing tag, an empty 304 nobody asked for. None of them may be kept as
the page (a deliberation lost for good) or count as a listing read (exit 0 for a run
that read nothing).
"""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline import exits
from pipeline.testbed.mirror import Fault, Mirror, build_site
from tests.conftest import SAMPLE
from tests.test_hostile import corpus_ids, published, run

pytestmark = pytest.mark.network


def test_a_page_that_is_not_the_article_announced_is_not_kept(tmp_path: Path) -> None:
    site = build_site(SAMPLE)
    first, second = site.deliberation_paths()[:2]
    with Mirror(site) as mirror:
        mirror.faults = [
            Fault("maintenance", first, times=None),  # 200, "<h1>Site en maintenance</h1>"
            Fault("moved", second, times=None),  # 301 to the home page (a year listing)
        ]
        night = run(mirror, tmp_path)
        assert night.exit_code == exits.OK, night.reason
        assert (night.pending, night.parked) == (2, 0)
        assert len(corpus_ids(tmp_path)) == len(published(site)) - 2
        issues = pq.read_table(tmp_path / "corpus" / "issues.parquet").to_pylist()
        messages = [i["message"] for i in issues if i["code"] == "fetch_failed"]
        assert len(messages) == 2
        assert all("not the article the sommaire announced" in m for m in messages)
        assert any("Site en maintenance" in m for m in messages)

        mirror.faults = []
        back = run(mirror, tmp_path)
        assert back.exit_code == exits.OK, back.reason
        assert back.articles_fetched == 2
        assert corpus_ids(tmp_path) == sorted(published(site))


def test_a_challenge_in_place_of_every_page_fails_the_run_and_parks_nothing(
    tmp_path: Path,
) -> None:
    site = build_site(SAMPLE)
    with Mirror(site) as mirror:
        first = run(mirror, tmp_path, limit=1)
        assert first.exit_code == exits.OK, first.reason
        before = corpus_ids(tmp_path)
        assert len(before) < len(published(site))
        mirror.faults = [Fault("challenge", "any", times=None)]  # robots.txt still answers
        for _ in range(3):  # as many nights as it takes to park a page
            night = run(mirror, tmp_path)
            assert (night.exit_code, night.reason) == (
                exits.FAILING,
                "no year listing could be read",
            )
            assert night.parked == 0
            assert night.pending > 0
            assert corpus_ids(tmp_path) == before
        mirror.faults = []
        back = run(mirror, tmp_path)
        assert back.exit_code == exits.OK, back.reason
        assert back.parked == 0
        assert corpus_ids(tmp_path) == sorted(published(site))


def test_a_run_whose_articles_mostly_failed_exits_non_zero(tmp_path: Path) -> None:
    site = build_site(SAMPLE)
    with Mirror(site) as mirror:
        mirror.faults = [Fault("maintenance", "article", times=None)]  # listings are fine
        night = run(mirror, tmp_path)
        assert night.exit_code == exits.FAILING
        tried = night.failures
        assert tried >= 3
        assert night.reason == (
            f"{tried} of the {tried} article pages tried could not be had (retried next run)"
        )
        assert night.parked == 0


def test_a_whole_page_without_its_end_tag_is_kept_and_a_cut_one_retried(
    tmp_path: Path,
) -> None:
    site = build_site(SAMPLE)
    first, second = site.deliberation_paths()[:2]
    with Mirror(site) as mirror:
        mirror.faults = [
            Fault("unclosed", first, times=None),  # whole (Content-Length), no </html>
            Fault("cutclose", second, times=1),  # no Content-Length, cut, then whole
        ]
        night = run(mirror, tmp_path)
        assert night.exit_code == exits.OK, night.reason
        assert (night.failures, night.pending) == (0, 0)
        assert corpus_ids(tmp_path) == sorted(published(site))
        assert [h.status for h in mirror.hits if h.path.endswith(second)] == [200, 200]


def test_a_304_that_nobody_asked_for_is_no_listing(tmp_path: Path) -> None:
    site = build_site(SAMPLE)
    with Mirror(site) as mirror:
        mirror.faults = [Fault("notmodified", "year", times=1)]
        night = run(mirror, tmp_path)
        assert (night.exit_code, night.reason) == (exits.FAILING, "no year listing could be read")
        assert night.parked == 0
        assert any(w.startswith("could not read the listings of 2009,") for w in night.warnings)
        back = run(mirror, tmp_path)  # the listings answer again
        assert back.exit_code == exits.OK, back.reason
        assert corpus_ids(tmp_path) == sorted(published(site))


def test_a_link_to_the_site_by_another_scheme_is_the_same_page(tmp_path: Path) -> None:
    site = build_site(SAMPLE)
    path = site.deliberation_paths()[0]
    with Mirror(site) as mirror:
        other = "https" if mirror.base_url.startswith("http:") else "http"
        site.articles[path].href = other + mirror.base_url[mirror.base_url.index(":") :] + path
        night = run(mirror, tmp_path)
        assert night.exit_code == exits.OK, night.reason
        assert (night.failures, night.pending) == (0, 0)
        assert corpus_ids(tmp_path) == sorted(published(site))
