"""Small text helpers shared by the extractors (pure functions, no state)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence


def _fold_char(c: str) -> str:
    base = unicodedata.normalize("NFD", c)[0]
    return base.lower() if len(base.lower()) == 1 else c


class _FoldTable(dict):
    """code point → its folded character, filled on first sight (for ``str.translate``)."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_match(m: re.Match[str]) -> str:
    return _FOLD_TABLE[ord(m[0])]


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower case without accents, **same length** as ``text`` (offsets stay valid).

    ``str.lower`` does the ASCII letters, and only the other characters (a few in a
    hundred in French) go through the table: twice as fast as ``str.translate`` with a
    dict, which looks every character up. The rare characters whose lower case is
    longer ("İ"), and Σ, send the whole text through the table. Results are cached: the
    extractors fold the same sentences again and again.
    """
    low = text.lower()
    if low.isascii():
        return low
    if len(low) != len(text) or "\u03a3" in text:  # (Σ lowers to ς or σ by its context)
        return text.translate(_FOLD_TABLE)
    return _NON_ASCII.sub(_fold_match, low)


_OPEN, _CLOSE = "«“", "»”"


def guillemet_spans(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the outermost « … » quotations, nesting respected.

    ``end`` is just after the closing mark. An unclosed quotation runs to the end.
    Straight double quotes are paired left to right when there is no guillemet.
    """
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for i, c in enumerate(text):
        if c in _OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif c in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    if depth:
        spans.append((start, len(text)))
    if not spans:
        spans = [(m.start(), m.end()) for m in re.finditer(r'"[^"]+"?', text)]
    return spans


def strip_guillemets(text: str) -> str:
    """``« X »`` → ``X`` (only the outer pair); anything else is only stripped."""
    t = text.strip()
    if t[:1] in _OPEN + '"' and (t[-1:] in _CLOSE + '"') and len(t) > 1:
        t = t[1:-1]
    elif t[:1] in _OPEN + '"':
        t = t[1:]
    return t.strip()


_ARTICLE = re.compile(r"^(?:les\s+|le\s+|la\s+|l')(?=\S)", re.IGNORECASE)


def drop_article(name: str) -> str:
    """``le Ministre d'État`` → ``Ministre d'État``; ``l'Office`` → ``Office``."""
    return _ARTICLE.sub("", name.strip(), count=1).strip()


_ABBREV_END = re.compile(
    r"(?:\b[A-Z]\.|\b(?:Inc|Ltd|Co|Corp|Cie|Ste|Sté|Mme|MM|Dr|Pr|etc|S\.A\.M|S\.A\.R\.L|S\.A)\.)$"
)


def strip_final_period(text: str) -> str:
    """Drop the sentence's final period, not an abbreviation's (``S.A.M.``)."""
    t = text.rstrip().rstrip(";,:").rstrip()
    if t.endswith(".") and not t.endswith("..") and not _ABBREV_END.search(t):
        t = t[:-1].rstrip()
    return t


#: Where a sentence ends, for the facts read sentence by sentence (retention, recipients,
#: interconnections): a line break, or the space after ".", "!" or "?" before a capital, a
#: guillemet or a quote, not after an initial or an abbreviation ("Art.", "MM.", "Me." …).
SENTENCE_END = re.compile(
    r"\n|[.!?](?<!\bArt\.)(?<!\bart\.)(?<!\b[A-Z]\.)(?<!\bMM\.)(?<!\bDr\.)(?<!\bMe\.)(?<!\bSt\.)(?<!\bn°\.)"
    r"(\s+)(?=[A-ZÀ-ÖØ-Þ«\"])"
)


def sentence_spans(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    ends: re.Pattern[str] = SENTENCE_END,
    depths: Sequence[int] | None = None,
) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text[start:end]``, a normalised text.

    The sentences are the pieces between the matches of ``ends`` (its group 1 when it took
    part, else the whole match, is what separates two sentences), trailing space trimmed,
    blank pieces left out. With ``depths`` (``clauses.depths``), a match that starts inside
    brackets or a quotation separates nothing. Three uses, three ``ends``: the rules'
    ``SENTENCE_END`` here, ``clauses.sentences`` for the lines of sections I–III, and
    ``entities.MODEL_SENTENCE_END`` for where the model runs (each says why it differs).
    """
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    pos = start
    for m in ends.finditer(text, start, end):
        if depths is not None and depths[m.start()]:
            continue
        cut, after = m.span(1) if m.lastindex else m.span()
        piece = text[pos:cut].rstrip()
        if piece.strip():
            out.append((pos, pos + len(piece)))
        pos = after
    piece = text[pos:end].rstrip()
    if piece.strip():
        out.append((pos, pos + len(piece)))
    return out
