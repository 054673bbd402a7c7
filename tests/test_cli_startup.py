"""`ccin --help` (and every `ccin COMMAND --help`) imports nothing heavy: the libraries
are imported inside the commands, so that the help answers at once."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("pandas", "pyarrow", "duckdb", "spacy", "httpx", "bs4", "matplotlib", "numpy", "lxml")

SCRIPT = """
import json, sys
from typer.testing import CliRunner
from pipeline.cli.main import app
runner = CliRunner()
names = [c.name or c.callback.__name__ for c in app.registered_commands]
codes = [runner.invoke(app, ["--help"]).exit_code]
codes += [runner.invoke(app, [name, "--help"]).exit_code for name in names]
print(json.dumps({"names": names, "codes": codes, "modules": sorted(sys.modules)}))
"""


def test_help_of_every_command_imports_no_heavy_library():
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, timeout=60
    )
    seen = json.loads(out.stdout)
    assert set(seen["codes"]) == {0}
    assert {"query", "show", "refresh", "extract"} <= set(seen["names"])
    loaded = {m.split(".")[0] for m in seen["modules"]}
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_help_reads_as_plain_text():
    from typer.testing import CliRunner

    from pipeline.cli.main import app

    runner = CliRunner()
    for command in ("extract", "show", "refresh", "query", "notebooks"):
        text = runner.invoke(app, [command, "--help"], env={"COLUMNS": "100"}).output
        assert "<bool>" not in text, command
        assert "{" not in text.splitlines()[0], command  # the usage line
        assert "<list[" not in text, command
    usage = runner.invoke(app, ["extract", "--help"]).output.splitlines()[0]
    assert usage == "Usage: ccin extract [OPTIONS] SOURCES..."
