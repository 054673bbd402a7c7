"""Plain help text for every command: typer's own marks (``{sources}...``, ``<list[Path]>``,
``<str>``) read as the usual ``SOURCES...``, ``<path>...`` and ``<text>``."""

from __future__ import annotations

import re

import typer
from typer._click import Context, HelpFormatter
from typer.core import TyperCommand

_REQUIRED = re.compile(r"\{([a-z_]+)\}")
_LIST = re.compile(r"<list\[(\w+)\]>")
_TYPES = {"str": "text", "Path": "path"}


def plain(text: str) -> str:
    """``text`` with typer's argument and type marks rewritten."""
    text = _REQUIRED.sub(lambda m: m[1].upper(), text)
    text = _LIST.sub(lambda m: f"<{_TYPES.get(m[1], m[1].lower())}>...", text)
    return text.replace("<str>", "<text>")


class Command(TyperCommand):
    """A command whose usage line and options read as plain text (see ``plain``);
    arguments are listed by name (``SOURCES...``), their type left to the help."""

    def get_usage(self, ctx: Context) -> str:
        return plain(super().get_usage(ctx))

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        pieces = plain(" ".join(self.collect_usage_pieces(ctx)))
        formatter.write_usage(ctx.command_path, pieces)

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        args, opts = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                name = (param.name or "").upper() + ("..." if param.nargs != 1 else "")
                args.append((name, record[1]))
            else:
                opts.append((plain(record[0]), record[1]))
        for title, rows in (("Arguments", args), ("Options", opts)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def use_plain_help(app: typer.Typer) -> None:
    """Give every command of ``app`` registered so far the plain help."""
    for info in app.registered_commands:
        if info.cls in (None, TyperCommand):
            info.cls = Command
