"""Put a text in the one form every extractor reads (the contract's "Normalisation").

- Unicode NFC;
- no-break and other fixed-width spaces (U+00A0, U+202F, U+2007, U+2009 …) → space;
- the non-breaking hyphen U+2011 → ``-`` everywhere, and any other hyphen-like dash
  (U+2010, U+2012, U+2013, U+2014, U+2212) → ``-`` when it stands between two digits
  ("2024‑165", "2015–113"); a dash used as a list bullet or an incise stays;
- typographic apostrophes ’ (and the modifier letter ʼ) → ``'``;
- whitespace runs collapsed to one space inside a line, lines stripped at both ends;
  line breaks kept (one paragraph or list item a line, no empty lines);
- zero-width characters and soft hyphens removed (they split words invisibly); this is
  the one addition to the contract's list, and changes no visible character.

Guillemets « » are kept. The function is idempotent.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = dict.fromkeys(
    map(
        ord, "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000\t\f\v"
    ),
    " ",
)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_APOSTROPHES = {ord("\u2019"): "'", ord("\u02bc"): "'"}
_TABLE = {**_SPACES, **_INVISIBLE, **_APOSTROPHES, ord("\u2011"): "-"}

#: (character, replacement) pairs of ``_TABLE``: a ``str.replace`` per character present is
#: a plain C scan, where ``str.translate`` with a dict costs a lookup per character
#: (``ccin bench``: normalising was a quarter of the rules' time).
_REPLACEMENTS = tuple((chr(k), v or "") for k, v in _TABLE.items())
_DASHES = "\u2010\u2012\u2013\u2014\u2212"
_DASH_BETWEEN_DIGITS = re.compile(rf"(?<=\d)[{_DASHES}](?=\d)")


def _clean(text: str) -> str:
    """NFC, the character table and the dashes between digits; lines left as they are."""
    if not text.isascii():
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)  # (U+2000 becomes U+2002, a space)
        for char, replacement in _REPLACEMENTS:
            if char in text:
                text = text.replace(char, replacement)
        # and NFC again once the invisible characters are gone: "e\u200b\u0301" is "é"
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        if any(dash in text for dash in _DASHES):
            text = _DASH_BETWEEN_DIGITS.sub("-", text)
    for char in "\t\f\v":
        if char in text:
            text = text.replace(char, " ")
    return text


def _squash(text: str) -> str:
    # space runs → one space (str.replace is a C scan, faster than a regex here)
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def normalise_line(line: str) -> str:
    """One line in normal form (no line breaks expected)."""
    return _squash(_clean(line)).strip()


def normalise(text: str) -> str:
    """The whole text in normal form: non-empty normalised lines joined by ``\\n``."""
    text = (
        text.replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\u2028", "\n")
        .replace("\u2029", "\n")
    )
    # lines stripped of any Unicode space at their ends, as str.strip does
    lines = (line.strip() for line in _squash(_clean(text)).split("\n"))
    return "\n".join(line for line in lines if line)
