"""Execute the notebooks (jupytext percent ``.py`` → nbclient) on a corpus.

Each ``notebooks/NN-topic.py`` runs in a fresh Python kernel (two at a time), from the
repository root, with ``CCIN_CORPUS`` set to the corpus and ``CCIN_FIGURES`` to
``<out>/<notebook>/``, where ``pipeline.analysis.figures.publish`` writes the PNGs. The
executed notebook is written to ``<out>/<notebook>.ipynb``, also when a cell raises.

    python -m pipeline.publish.notebooks [CORPUS] [OUT]      # what `make notebooks` runs
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS_DIR = ROOT / "notebooks"
DEFAULT_OUT = NOTEBOOKS_DIR / "output"
KERNEL = {"name": "python3", "display_name": "Python 3", "language": "python"}


@dataclass(slots=True)
class NotebookRun:
    notebook: Path
    output: Path
    figures: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None  # None when every cell ran


def notebook_paths(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The notebooks, in order: ``NN-topic.py`` files."""
    return sorted(folder.glob("[0-9][0-9]-*.py"))


async def execute(notebook: Path, corpus: Path, out_dir: Path, timeout: int = 600) -> NotebookRun:
    """Run one notebook; never raises on a failing cell (see ``NotebookRun.error``)."""
    import jupytext
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    started = time.monotonic()
    figures_dir = out_dir / notebook.stem
    figures_dir.mkdir(parents=True, exist_ok=True)
    for old in figures_dir.glob("*.png"):
        old.unlink()
    nb = jupytext.read(notebook)
    nb.metadata["kernelspec"] = dict(KERNEL)
    run = NotebookRun(notebook, out_dir / f"{notebook.stem}.ipynb")
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(ROOT)}},
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    env = {
        **os.environ,
        "CCIN_CORPUS": str(corpus.absolute()),
        "CCIN_FIGURES": str(figures_dir.absolute()),
        "JUPYTER_PLATFORM_DIRS": "1",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    try:
        await client.async_execute(env=env)
    except CellExecutionError as exc:
        run.error = _first_line(exc)
    except Exception as exc:  # the kernel died or could not start
        run.error = f"{type(exc).__name__}: {exc}"
    nbformat.write(nb, run.output)
    run.figures = sorted(figures_dir.glob("*.png"))
    run.seconds = time.monotonic() - started
    return run


def _first_line(exc: Exception) -> str:
    """The exception line of a cell error ("KeyError: 'year'")."""
    lines = [line for line in str(exc).splitlines() if line.strip()]
    errors = [line for line in lines if "Error" in line or "Exception" in line]
    return (errors[-1] if errors else lines[-1] if lines else type(exc).__name__)[:300]


def run_notebooks(
    corpus: Path,
    out_dir: Path = DEFAULT_OUT,
    *,
    only: Sequence[str] | None = None,
    folder: Path = NOTEBOOKS_DIR,
    jobs: int = 2,
) -> list[NotebookRun]:
    """Execute every notebook (or those whose name contains one of ``only``), ``jobs``
    kernels at a time; the runs come back in the notebooks' order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [p for p in notebook_paths(folder) if not only or any(o in p.name for o in only)]
    slots = asyncio.Semaphore(max(jobs, 1))

    async def one(path: Path) -> NotebookRun:
        async with slots:
            return await execute(path, corpus, out_dir)

    async def every() -> list[NotebookRun]:
        return list(await asyncio.gather(*(one(p) for p in paths)))

    return asyncio.run(every())


def main(argv: Sequence[str] = ()) -> int:
    corpus = Path(argv[0]) if argv else ROOT / "data" / "corpus"
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    if not (corpus / "deliberations.parquet").exists():
        print(f"no corpus in {corpus}: run `make demo` first", file=sys.stderr)
        return 2
    status = 0
    for r in run_notebooks(corpus, out):
        if r.error is None:
            print(f"ok      {r.output} ({len(r.figures)} figures, {r.seconds:.1f} s)")
        else:
            status = 1
            print(f"FAILED  {r.notebook.name}: {r.error} (see {r.output})", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
