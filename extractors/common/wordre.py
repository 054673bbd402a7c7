"""Word-initial patterns, searched fast: ``word_re(r"\\bconserv…")`` instead of ``re.compile``.

Python's ``re`` skips quickly to where a match can begin only when the pattern starts
with a literal or a set of characters. A pattern that starts with ``\\b`` is tried at
every position instead: three to twenty times slower on a page (``ccin bench``), and the
extractors search hundreds of such patterns in every deliberation. ``word_re`` compiles
the pattern without its leading ``\\b`` and checks the word boundary itself where the
body matches; when the boundary fails there, it searches again one character further.
That finds exactly the matches the original pattern finds (``\\b`` is an assertion of
width zero: it does not change how the rest matches).

A pattern qualifies when it starts with ``\\b``, or when each of its top-level
alternatives does (``\\bfoo|\\bbar`` is ``\\b(?:foo|bar)``). Any other pattern is compiled
as it is. ``match`` and ``fullmatch`` use the original pattern (they do not scan).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_MAX = 2**63 - 1


def _top_level_branches(pattern: str) -> list[str]:
    """``pattern`` cut at its top-level ``|`` (outside groups, classes and escapes)."""
    branches, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "^":
                i += 1
            if pattern[i + 1 : i + 2] == "]":  # "[]…]" and "[^]…]": a literal "]"
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    return branches


def _body(pattern: str) -> str | None:
    """The pattern without its leading ``\\b`` (each branch's), or None if it has none."""
    branches = _top_level_branches(pattern)
    if not all(b.startswith(r"\b") for b in branches):
        return None
    if len(branches) == 1:
        return pattern[2:]
    return "(?:" + "|".join(b[2:] for b in branches) + ")"


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


class WordPattern:
    """A compiled word-initial pattern with the ``re.Pattern`` methods the extractors use."""

    __slots__ = ("_body", "_full", "flags", "pattern")

    def __init__(self, pattern: str, body: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._full = re.compile(pattern, flags)
        self._body = re.compile(body, flags)

    def _at_boundary(self, string: str, i: int) -> bool:
        before = i > 0 and _is_word(string[i - 1])
        after = i < len(string) and _is_word(string[i])
        return before != after

    def search(self, string: str, pos: int = 0, endpos: int = _MAX) -> re.Match[str] | None:
        body = self._body
        while True:
            m = body.search(string, pos, endpos)
            if m is None or self._at_boundary(string, m.start()):
                return m
            pos = m.start() + 1

    def finditer(self, string: str, pos: int = 0, endpos: int = _MAX) -> Iterator[re.Match[str]]:
        end = min(endpos, len(string))
        while pos <= end:
            m = self.search(string, pos, endpos)
            if m is None:
                return
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1

    def findall(self, string: str, pos: int = 0, endpos: int = _MAX) -> list:
        out = []
        for m in self.finditer(string, pos, endpos):
            groups = m.groups()
            out.append(m.group() if not groups else groups[0] if len(groups) == 1 else groups)
        return out

    def sub(self, repl, string: str, count: int = 0) -> str:
        parts, last = [], 0
        for n, m in enumerate(self.finditer(string), start=1):
            parts.append(string[last : m.start()])
            parts.append(repl(m) if callable(repl) else m.expand(repl))
            last = m.end()
            if count and n >= count:
                break
        parts.append(string[last:])
        return "".join(parts)

    def match(self, string: str, pos: int = 0, endpos: int = _MAX) -> re.Match[str] | None:
        return self._full.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = _MAX) -> re.Match[str] | None:
        return self._full.fullmatch(string, pos, endpos)

    def __repr__(self) -> str:
        return f"word_re({self.pattern!r})"


def word_re(pattern: str, flags: int = 0) -> WordPattern | re.Pattern[str]:
    """``pattern`` compiled for fast searching when it is word-initial (see the module doc)."""
    body = _body(pattern) if not flags & re.ASCII else None
    if body is None:
        return re.compile(pattern, flags)
    return WordPattern(pattern, body, flags)
