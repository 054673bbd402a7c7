"""Bytes as text, in one place: fetched pages, saved pages and local text files.

``decode_page(content, content_type)`` reads HTML: the HTTP header's charset when there is
one, else UTF-8 when the bytes are valid UTF-8, else the page's own declaration (BOM,
``<meta charset>``), else windows-1252. ``decode_text(content)`` reads a plain text file:
BOM, UTF-16 without BOM, UTF-8, windows-1252, and latin-1 last (which never fails). Both
say which encoding they used and whether characters had to be replaced, so that the
caller can record it (an ``issues`` row) instead of a third-party warning on the terminal.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass

from bs4.dammit import UnicodeDammit

# UnicodeDammit logs "Some characters could not be decoded" on its own: ``Decoded.replaced``
# says it to the caller, which records it where the user looks (the issues table).
logging.getLogger("bs4.dammit").setLevel(logging.ERROR)

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str | None  # None: the content was text already
    replaced: bool = False  # some bytes could not be decoded and became U+FFFD


def header_charset(content_type: str | None) -> str | None:
    """The charset named by a ``Content-Type`` header, lower case."""
    m = _CHARSET.search(content_type or "")
    return m[1].lower() if m else None


def decode_page_as(content: bytes | str, content_type: str | None = None) -> Decoded:
    """An HTML page as text, with the encoding used (see the module doc for the order)."""
    if isinstance(content, str):
        return Decoded(content, None)
    charset = header_charset(content_type)
    known = [charset, "utf-8"] if charset else ["utf-8"]
    dammit = UnicodeDammit(content, known, is_html=True, user_encodings=["windows-1252"])
    if dammit.unicode_markup is None:
        return Decoded(content.decode("utf-8", "replace"), "utf-8", True)
    return Decoded(
        dammit.unicode_markup,
        dammit.original_encoding,
        bool(dammit.contains_replacement_characters),
    )


def decode_page(content: bytes | str, content_type: str | None = None) -> str:
    """An HTML page as text (``decode_page_as`` without the details)."""
    return decode_page_as(content, content_type).text


def decode_text(content: bytes | str) -> Decoded:
    """A plain text file as text: BOM, UTF-16 without BOM, UTF-8, windows-1252, latin-1."""
    if isinstance(content, str):
        return Decoded(content, None)
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            return _decode(content, encoding)
    utf16 = _utf16_without_bom(content)
    if utf16:
        return _decode(content, utf16)
    for encoding in ("utf-8", "windows-1252"):
        try:
            return Decoded(content.decode(encoding), encoding)
        except UnicodeDecodeError:
            continue
    return Decoded(content.decode("latin-1"), "latin-1")


def _decode(content: bytes, encoding: str) -> Decoded:
    try:
        return Decoded(content.decode(encoding), encoding)
    except UnicodeDecodeError:
        return Decoded(content.decode(encoding, "replace"), encoding, True)


def _utf16_without_bom(content: bytes) -> str | None:
    """UTF-16 text of a Latin script has a NUL in every other byte."""
    sample = content[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None
