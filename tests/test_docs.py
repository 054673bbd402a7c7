"""What a clone reads: the README points at files a clone has, and the copy of the
contract it points at is the project's contract, word for word."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

COPY = ROOT / "tests" / "contract" / "spec" / "schema.md"
SHARED = ROOT.parent / "shared" / "spec" / "schema.md"


def test_the_readme_points_at_what_a_clone_has():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "shared/spec" not in readme
    assert ".venv/bin/ccin" in readme
    links = re.findall(r"\]\(([^)#:]+)\)", readme)
    assert "tests/contract/spec/schema.md" in links
    for link in links:
        assert (ROOT / link).exists(), link


def test_the_copy_of_the_contract_is_the_project_s_contract():
    assert "**Schema 1.1**" in COPY.read_text(encoding="utf-8")
    if not SHARED.exists():
        pytest.skip("shared/ is not beside this clone")
    assert COPY.read_text(encoding="utf-8") == SHARED.read_text(encoding="utf-8")
