"""``python -m pipeline.cli COMMAND …``: the ``ccin`` command without its entry point."""

from pipeline.cli.main import app

app(prog_name="ccin")
