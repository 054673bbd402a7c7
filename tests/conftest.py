"""Shared test set-up: the --update-golden switch and paths to the fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = ROOT / "data" / "sample"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files (tests/fixtures/*.expected.json) from the current code",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


# No per-example deadline: CI machines are shared and the first example pays for imports.
settings.register_profile("ccin", deadline=None)
settings.load_profile("ccin")


@pytest.fixture(scope="session")
def demo_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus of data/sample, built once per session; tests must not change it."""
    from tests.research_fixtures import build_demo

    return build_demo(tmp_path_factory.mktemp("demo-corpus"))
