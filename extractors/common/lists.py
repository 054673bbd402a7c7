"""Lines of a section as paragraphs and list items, with offsets.

Deliberations print lists as lines that start with "-", "•", "–", "—", "o", ">", "*"
(or as real ``ul/li``, which the page reader renders "• "), ended by ";", "," or ".".
A line ending with ":" introduces the items after it ("Pour les managers :",
"en ce qui concerne l'administrateur :", "Les fonctionnalités du traitement sont :").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BULLET = re.compile(r"^(?P<bullet>[-•–—>*·▪◦●]|o(?=\s)|\d{1,2}[.)°](?=\s)|[a-h]\)(?=\s))\s*")
_END = re.compile(r"\s*(?:[;,.]|;?\s*(?:et|ou))\s*$")


@dataclass(frozen=True, slots=True)
class Block:
    """One line of a section: a list ``item`` or a ``para`` (paragraph or intro)."""

    kind: str  # "item" or "para"
    text: str  # without its bullet; items also without their final ";", "," or "."
    start: int  # offsets of ``text`` in the section text
    end: int
    bullet: str | None = None
    intro: str | None = None  # for items: the last line ending with ":" above them
    intro_index: int | None = None  # index of that intro block

    @property
    def is_intro(self) -> bool:
        return self.kind == "para" and self.text.rstrip().endswith(":")


def blocks(text: str) -> list[Block]:
    """The section's lines, in order, as ``Block``s (empty lines skipped)."""
    out: list[Block] = []
    pos = 0
    intro: str | None = None
    intro_index: int | None = None
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        lead = len(line) - len(line.lstrip())
        m = BULLET.match(line[lead:])
        if m and len(line[lead:]) > m.end():
            body_start = line_start + lead + m.end()
            body = line[lead + m.end() :]
            trimmed = _END.sub("", body).rstrip()
            if (
                trimmed.endswith(":")
                and not out
                or trimmed.endswith(":")
                and _next_is_item(text, pos)
            ):
                # a bulleted intro ("• Pour les visiteurs :") introduces what follows
                out.append(
                    Block("para", trimmed, body_start, body_start + len(trimmed), m["bullet"])
                )
                intro, intro_index = trimmed.rstrip(" :"), len(out) - 1
                continue
            out.append(
                Block(
                    "item",
                    trimmed,
                    body_start,
                    body_start + len(trimmed),
                    m["bullet"],
                    intro,
                    intro_index,
                )
            )
            continue
        body = line.strip()
        start = line_start + lead
        block = Block("para", body, start, start + len(body))
        out.append(block)
        if block.is_intro:
            intro, intro_index = body.rstrip(" :").rstrip(), len(out) - 1
        else:  # a paragraph ends the current list
            intro, intro_index = None, None
    return out


def _next_is_item(text: str, pos: int) -> bool:
    rest = text[pos:].lstrip("\n")
    return bool(BULLET.match(rest))
