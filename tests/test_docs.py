"""What a clone reads: docs/schema.md is the project's contract, word for word."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT

SHARED = ROOT.parent / "shared" / "spec" / "schema.md"


def test_the_contract_in_docs_is_the_project_s_contract():
    copy = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert copy.startswith("<!-- A copy of the project's corpus contract")
    assert "**Schema 1.1**" in copy
    if not SHARED.exists():
        pytest.skip("shared/ is not beside this clone")
    assert copy.endswith(SHARED.read_text(encoding="utf-8"))


def test_the_readme_points_at_what_a_clone_has():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "shared/spec" not in readme
    assert "docs/schema.md" in readme
    assert ".venv/bin/ccin" in readme
