"""The four notebooks execute (jupytext → nbclient, a real kernel) on the demo corpus and
on an empty one, write their figures, and define no logic of their own."""

from __future__ import annotations

import ast

import nbformat
import pytest

from pipeline.publish.notebooks import NOTEBOOKS_DIR, notebook_paths, run_notebooks
from tests.research_fixtures import build_demo, build_empty

pytestmark = pytest.mark.notebooks

EXPECTED = ["01-overview", "02-retention", "03-commission-actions", "04-data-and-access"]
PACKAGES = ("pipeline", "models", "extractors")


def test_the_four_notebooks_are_there():
    assert [p.stem for p in notebook_paths()] == EXPECTED


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.stem)
def test_a_notebook_imports_its_logic_and_reads_only_the_corpus(path):
    source = path.read_text()
    assert source.lstrip().startswith("# ---")
    assert "format_name: percent" in source
    tree = ast.parse(source)
    for node in ast.walk(tree):
        assert not isinstance(
            node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda
        ), f"{path.name}:{node.lineno}: define it in pipeline.analysis"
        if isinstance(node, ast.ImportFrom):
            assert node.module is not None, f"{path.name}: a relative import"
            assert node.module.split(".")[0] in PACKAGES, f"{path.name}: import {node.module}"
        if isinstance(node, ast.Import):
            raise AssertionError(f"{path.name}: import from the packages, not `import …`")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            assert node.func.attr not in ("read_parquet", "read_csv", "open", "read_text")
    assert "## " in source
    assert source.count("publish(") >= 3


def _check(runs, out):
    assert [r.notebook.stem for r in runs] == EXPECTED
    for r in runs:
        assert r.error is None, f"{r.notebook.name}: {r.error}"
        nb = nbformat.read(r.output, as_version=4)
        errors = [
            o
            for c in nb.cells
            if c.cell_type == "code"
            for o in c.outputs
            if o.output_type == "error"
        ]
        assert not errors
        images = [
            o
            for c in nb.cells
            if c.cell_type == "code"
            for o in c.outputs
            if "image/png" in o.get("data", {})
        ]
        assert len(images) == len(r.figures) >= 3
        for png in r.figures:
            assert png.parent == out / r.notebook.stem
            assert png.read_bytes()[:4] == b"\x89PNG"


def test_the_notebooks_execute_on_the_demo_corpus(tmp_path):
    corpus = build_demo(tmp_path)
    out = tmp_path / "output"
    _check(run_notebooks(corpus, out), out)


def test_the_notebooks_execute_on_an_empty_corpus(tmp_path):
    corpus = build_empty(tmp_path)
    out = tmp_path / "output"
    _check(run_notebooks(corpus, out), out)


def test_a_failing_notebook_is_reported_with_its_partial_output(tmp_path):
    folder = tmp_path / "nbs"
    folder.mkdir()
    (folder / "01-broken.py").write_text(
        "# %%\nfrom pipeline.analysis.corpus import load\n\n# %%\nload('no_such_table')\n"
    )
    (run,) = run_notebooks(build_empty(tmp_path), tmp_path / "out", folder=folder)
    assert run.error is not None
    assert "KeyError" in run.error
    assert run.output.exists()
    assert NOTEBOOKS_DIR.name == "notebooks"
