"""Bracket-aware cutting of a line: depth in ( [ « “, top-level splits, sentences.

Shared by the extractors of sections I, II and III (``purpose``, ``subjects``,
``lawfulness``, ``data``): a separator inside a parenthesis or a quotation never cuts.
"""

from __future__ import annotations

import re

from extractors.common.text import fold, sentence_spans

_OPENERS, _CLOSERS = "([«“", ")]»”"
_BRACKET = re.compile("[" + re.escape(_OPENERS + _CLOSERS) + "]")


def depths(text: str) -> list[int]:
    """Nesting depth in ( [ « “ at each character; an unclosed opener runs to the end.

    Built a run of characters at a time between brackets (found by a regex): a loop over
    every character was the rules' single most expensive line.
    """
    out: list[int] = []
    depth = pos = 0
    for m in _BRACKET.finditer(text):
        i = m.start()
        out += [depth] * (i - pos)
        if text[i] in _CLOSERS:
            if depth:
                depth -= 1
                out.append(depth + 1)  # the closer belongs to the group it closes
            else:
                out.append(0)
        else:
            out.append(depth)
            depth += 1
        pos = i + 1
    out += [depth] * (len(text) - pos)
    return out


def split_top(text: str, sep: re.Pattern[str], guard=None) -> list[tuple[int, int]]:
    """Spans of ``text`` cut at matches of ``sep`` (on its fold) outside brackets/quotes.

    ``guard(left, right)`` may veto a cut, given the current chunk and what follows.
    """
    f, d = fold(text), depths(text)
    spans, start = [], 0
    for m in sep.finditer(f):
        if m.start() < start or d[m.start()] or (m.end() > m.start() and d[m.end() - 1]):
            continue
        if guard is not None and not guard(text[start : m.start()], text[m.end() :], m):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


#: Where a sentence of sections I–III ends: ". ! ?" and a space before a capital, also behind
#: a guillemet, a quote or a parenthesis, not after an initial or an abbreviation ("M.",
#: "Mme.", "art.", "cf.", "p." …); never inside brackets (see ``sentences``). The lists of
#: these sections hold names and abbreviations that the rules' ``text.SENTENCE_END`` would
#: cut ("Mme. X", "cf. annexe").
LINE_SENTENCE_END = re.compile(  # the mark first: re skips ahead to it (look-behinds: "." is the mark)
    r"[.!?](?<!\b[A-Z].)(?<!\bMme.)(?<!\bMmes.)(?<!\bMM.)(?<!\bDr.)(?<!\bPr.)(?<!\bSt.)(?<!\bSte.)"
    r"(?<!\bart.)(?<!\bcf.)(?<!\bex.)(?<!\bp.)(\s+)(?=[«\"(]?[A-ZÀ-ÖØ-Þ])"
)


def sentences(line: str) -> list[tuple[int, int]]:
    """Sentences of one line (not cut inside brackets, quotations or after "M.", "S.A.M.")."""
    return sentence_spans(line, ends=LINE_SENTENCE_END, depths=depths(line))
