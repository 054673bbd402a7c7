"""The architecture the folders promise: models → extractors → scrapers → pipeline, no
import running back up, no import cycle, small modules in pipeline/.

Imports are read from the source (an AST walk), those inside functions and under
``TYPE_CHECKING`` included: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Each package, and the packages of the project it may import (its own aside).
LAYERS = {
    "models": set(),
    "extractors": {"models"},
    "scrapers": {"models", "extractors"},
    "pipeline": {"models", "extractors", "scrapers"},
}
PIPELINE_MAX_LINES = 400


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for package in LAYERS for p in sorted((ROOT / package).rglob("*.py"))}


def _resolve(name: str) -> str | None:
    """The project module ``name`` stands for (a module, or the package holding it)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports(module: str) -> Iterator[tuple[str, int]]:
    """The project modules ``module`` imports, and the line of each import."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            # "from pipeline.build import reuse" imports the module pipeline.build.reuse
            names = [f"{base}.{a.name}" for a in node.names] + [base]
        else:
            continue
        for name in names:
            target = _resolve(name)
            if target is not None and target != module:
                yield target, node.lineno


GRAPH = {m: sorted({t for t, _ in _imports(m)}) for m in MODULES}


def test_the_walk_sees_the_project():
    assert len(MODULES) > 80
    assert "extractors.common.guard" in GRAPH["extractors.retention_rules"]
    assert "pipeline.build.reuse" in GRAPH["pipeline.build.workers"]


@pytest.mark.parametrize("package", list(LAYERS))
def test_no_import_runs_back_up_the_layers(package):
    wrong = [
        f"{MODULES[m].relative_to(ROOT)}:{line} imports {target}"
        for m in MODULES
        if m.split(".")[0] == package
        for target, line in _imports(m)
        if target.split(".")[0] not in LAYERS[package] | {package}
    ]
    assert wrong == []


def _cycle() -> list[str] | None:
    """One import cycle between modules of the project, or None."""
    state: dict[str, int] = {}  # 1: on the path being walked, 2: done
    path: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        path.append(m)
        for t in GRAPH[m]:
            if state.get(t) == 1:
                return path[path.index(t) :] + [t]
            if t not in state:
                found = visit(t)
                if found:
                    return found
        path.pop()
        state[m] = 2
        return None

    for m in GRAPH:
        if m not in state:
            found = visit(m)
            if found:
                return found
    return None


def test_no_import_cycle():
    cycle = _cycle()
    assert cycle is None, " → ".join(cycle or [])


def test_the_cycle_finder_finds_cycles():
    GRAPH["models"].append("models.records")  # a package importing its module importing it
    GRAPH["models.records"].append("models")
    try:
        assert _cycle() is not None
    finally:
        GRAPH["models"].remove("models.records")
        GRAPH["models.records"].remove("models")


def test_pipeline_modules_are_small():
    long = {
        str(p.relative_to(ROOT)): n
        for m, p in MODULES.items()
        if m.startswith("pipeline.")
        and (n := len(p.read_text(encoding="utf-8").splitlines())) > PIPELINE_MAX_LINES
    }
    assert long == {}


def test_the_extractor_version_covers_the_subfolders():
    """A module under extractors/common/ or extractors/vocab/ changes EXTRACTOR_VERSION too."""
    from extractors.version import code_hash

    top_level_only = code_hash(*sorted((ROOT / "extractors").glob("*.py")))
    assert code_hash(ROOT / "extractors") != top_level_only
    assert code_hash(ROOT / "extractors") == code_hash(*sorted((ROOT / "extractors").rglob("*.py")))
