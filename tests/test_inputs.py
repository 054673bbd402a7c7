"""Files are listed by the main process and read where they are extracted."""

from __future__ import annotations

from pipeline.build.corpus import process
from pipeline.build.inputs import iter_sources, to_article
from tests.conftest import SAMPLE


def test_files_are_listed_then_read_by_to_article(tmp_path):
    page = tmp_path / "d.html"
    page.write_bytes((SAMPLE / "deliberation-2021-81.html").read_bytes())
    issues: list = []
    (doc,) = iter_sources([tmp_path], issues)
    assert (doc.content, doc.path, doc.kind) == (None, str(page), "html")
    article, read_issues = to_article(doc)
    assert article is not None
    assert article.title.startswith("Délibération n° 2021-81")
    assert read_issues == []
    assert issues == []


def test_a_file_gone_before_it_is_read_is_an_issue_not_a_crash(tmp_path):
    page = tmp_path / "gone.html"
    page.write_text("<h1>x</h1>")
    (doc,) = iter_sources([tmp_path], [])
    page.unlink()
    result = process(doc)
    assert result.deliberation is None
    assert [i.code for i in result.issues] == ["unreadable_file"]
    assert result.issues[0].source == str(page)
