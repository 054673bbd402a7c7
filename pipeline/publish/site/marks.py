"""Mark spans of a text in HTML: every span gets exactly one head element, nested.

A deliberation's facts point into its text by ``[start, end)`` offsets, and they overlap:
an entity inside a citation, a retention rule inside an action of the Commission, now and
then two spans that cross. HTML elements must nest, and the text is cut into blocks (the
title, headings, one paragraph per line). ``render`` therefore writes each span as one or
more pieces: the first piece opens with the span's *head* tag (the one that carries its
identity: ``<mark data-table=… data-position=…>``), every further piece — after a block
boundary or where a crossing span had to be closed and reopened — with its *continuation*
tag. Longer spans are opened first, so a span that merely contains another one is never
cut.

A span that no block covers (a fact pointing at text that the corpus does not keep) still
gets its head, empty, at the start of the next block, so every span has exactly one head.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True, slots=True)
class Span:
    """A span to mark: its offsets and its tags, already rendered."""

    start: int
    end: int
    head: str  # opening tag of the first piece
    cont: str  # opening tag of any further piece
    close: str  # closing tag
    rank: int = 0  # between spans of equal extent: the lower rank is the outer one


def render(text: str, blocks: Sequence[tuple[int, int]], spans: Sequence[Span]) -> list[str]:
    """The HTML of each block ``text[a:b]`` (blocks in order, not overlapping), with every
    span marked; text is escaped."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i].start, -spans[i].end, spans[i].rank))
    headed = [False] * len(spans)
    active: list[int] = []
    nxt = 0
    out: list[str] = []
    for k, (a, b) in enumerate(blocks):
        last = k == len(blocks) - 1
        while nxt < len(order) and (spans[order[nxt]].start < b or last):
            active.append(order[nxt])
            nxt += 1
        pieces: list[tuple[int, int, int]] = []  # (clipped start, clipped end, span index)
        for i in active:
            s = spans[i]
            if s.end > a and s.start < b:
                pieces.append((max(s.start, a), min(s.end, b), i))
            elif not headed[i] and (s.end <= a or s.start >= b):
                # in a gap between blocks (or past the last one): an empty head here
                at = b if s.start >= b else a
                pieces.append((at, at, i))
        out.append(_block(text, a, b, pieces, spans, headed))
        active = [
            i
            for i in active
            if spans[i].end > b and not headed[i] or spans[i].end > b > spans[i].start
        ]
    return out


def _block(
    text: str,
    a: int,
    b: int,
    pieces: list[tuple[int, int, int]],
    spans: Sequence[Span],
    headed: list[bool],
) -> str:
    if not pieces:
        return escape(text[a:b], quote=False)
    starts: dict[int, list[tuple[int, int, int]]] = {}
    ends: set[int] = set()
    for p in pieces:
        starts.setdefault(p[0], []).append(p)
        ends.add(p[1])
    html: list[str] = []
    stack: list[tuple[int, int, int]] = []
    pos = a

    def opening(p: tuple[int, int, int]) -> str:
        i = p[2]
        if headed[i]:
            return spans[i].cont
        headed[i] = True
        return spans[i].head

    for point in sorted(starts.keys() | ends):
        html.append(escape(text[pos:point], quote=False))
        pos = point
        reopen: list[tuple[int, int, int]] = []
        first = next((j for j, p in enumerate(stack) if p[1] == point), None)
        if first is not None:
            closing = stack[first:]
            html.append("".join(spans[p[2]].close for p in reversed(closing)))
            reopen = [p for p in closing if p[1] != point]
            del stack[first:]
        new = reopen + [p for p in starts.get(point, ()) if p[1] > p[0]]
        new.sort(key=lambda p: (-p[1], spans[p[2]].rank))
        for p in new:
            html.append(opening(p))
            stack.append(p)
        for p in starts.get(point, ()):
            if p[1] == p[0]:
                html.append(opening(p) + spans[p[2]].close)
    html.append(escape(text[pos:b], quote=False))
    html.append("".join(spans[p[2]].close for p in reversed(stack)))
    return "".join(html)
