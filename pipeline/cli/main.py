"""The ``ccin`` app: every command group registered on one Typer app."""

from __future__ import annotations

import typer

from pipeline.cli import bench, extract, nightly, research, site, status, testbed
from pipeline.cli.help import use_plain_help

app = typer.Typer(
    name="ccin",
    help=(
        "ccin-corpus: the deliberations of Monaco's data-protection authority (CCIN, then "
        "APDP), from the Journal de Monaco to a Parquet corpus (one file per table)."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.command()
def version() -> None:
    """Print the package, extractor and schema versions."""
    from extractors.version import EXTRACTOR_VERSION
    from models.schema import SCHEMA_VERSION

    typer.echo(f"extractor {EXTRACTOR_VERSION}, schema {SCHEMA_VERSION}")


extract.register(app)
nightly.register(app)
status.register(app)
testbed.register(app)
research.register(app)
bench.register(app)
site.register(app)
use_plain_help(app)


def main() -> None:  # pragma: no cover - entry point
    app()
