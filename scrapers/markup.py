"""The element tree of a page and its text, for any nesting depth (no recursion).

``tree(html)`` parses with lxml. libxml2 stops reading a document nested deeper than
2,048 elements, and the rest of the page is lost; such a page (100,000 nested ``div``s
on a hostile copy of the site, or as many ``table``s, ``b``s or classed ``div``s) is first
flattened: the elements in the middle of a chain too deep lose their tags, not their text
(a block tag becomes a line break); those near the top and near the leaves, where the
title and the article's own elements are, keep them. ``text(el)`` and
``block_lines(el)`` walk the tree with an explicit stack, so depth costs no recursion.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

#: A page flattened keeps the tags of its elements less deep than this, and of those with
#: at most this many levels below them: its depth stays near ``2 * MAX_DEPTH``.
MAX_DEPTH = 400

BLOCK = frozenset(
    [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "br",
        "tr",
        "table",
        "thead",
        "tbody",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "dl",
        "dt",
        "dd",
        "hr",
        "pre",
        "address",
        "figure",
        "figcaption",
        "main",
        "aside",
        "form",
        "td",
        "th",
    ]
)
SKIP = frozenset(
    ["script", "style", "svg", "noscript", "template", "head", "iframe", "button", "select"]
)
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
#: ``huge_tree``: without it libxml2 silently cuts a text node at 10 MB (a page that long
#: is then recorded as oversized by the extractor, not read as empty).
_PARSER = lxml.html.HTMLParser(huge_tree=True)
_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9:-]*)(\s[^>]*)?>", re.DOTALL)
_RAW_END = {"script": re.compile(r"</script\s*>", re.I), "style": re.compile(r"</style\s*>", re.I)}


def tree(html: str) -> HtmlElement:
    """The page's element tree (lxml's HTML parser, as BeautifulSoup's "lxml" uses).

    An XML declaration (which lxml refuses in a decoded string) and NUL characters are
    dropped; an empty page gives an empty document; a page nested too deep is flattened.
    """
    html = _XML_DECLARATION.sub("", html, count=1).replace("\x00", "")
    root = _parse(html)
    if root is not None and _depth_exceeded():
        root = _parse(flatten(html))
    return root if root is not None else lxml.html.document_fromstring("<html><body></body></html>")


def _parse(html: str) -> HtmlElement | None:
    try:
        return lxml.html.document_fromstring(html, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None


def _depth_exceeded() -> bool:
    return any("depth" in e.message.lower() for e in _PARSER.error_log)


def flatten(html: str, max_depth: int = MAX_DEPTH) -> str:
    """The markup with the tags dropped of every element that is both ``max_depth`` deep
    or more and has more than ``max_depth`` levels below it: the middle of a chain too deep
    (text kept; a dropped block tag becomes ``<br>``, so that lines stay apart). Whatever
    the wrappers (``div``, ``table``, ``b`` …, with classes or not), the elements near the
    top and near the leaves (the title, the metadata, the paragraphs) keep their tags."""
    out: list[str] = []
    # open elements: [name, where its start tag goes in ``out``, its depth, its height]
    stack: list[list] = []
    opened: Counter[str] = Counter()  # of each name, how many are open
    pos = 0

    def close(end_tag: str | None) -> None:
        name, at, depth, height = stack.pop()
        opened[name] -= 1
        keep = depth < max_depth or height <= max_depth
        out[at] = out[at] if keep else _dropped(name)
        if end_tag is not None:
            out.append(end_tag if keep else _dropped(name))
        if stack:
            stack[-1][3] = max(stack[-1][3], height + 1)

    while (m := _TAG.search(html, pos)) is not None:
        out.append(html[pos : m.start()])
        pos = m.end()
        closing, name = m[1], (m[2] or "").lower()
        if not name or name in _VOID or (m[3] or "").rstrip().endswith("/"):
            out.append(m[0])  # a comment, a void or self-closed element
            continue
        if not closing:
            stack.append([name, len(out), len(stack), 0])
            opened[name] += 1
            out.append(m[0])
            if name in _RAW_END:  # the script's text is not markup
                end = _RAW_END[name].search(html, pos)
                stop = end.start() if end else len(html)
                out.append(html[pos:stop])
                pos = stop
            continue
        if not opened[name]:
            continue  # a stray end tag
        while stack[-1][0] != name:
            close(None)  # closed by its parent's end tag
        close(m[0])
    out.append(html[pos:])
    while stack:
        close(None)
    return "".join(out)


def _dropped(name: str) -> str:
    return "<br>" if name in BLOCK else ""


def _walk(node: HtmlElement) -> Iterator[tuple[str, str, HtmlElement | None]]:
    """Events in document order: ("text", s, None), ("open", "", el), ("close", "", el);
    the ``SKIP`` elements and comments give only their tail."""
    if node.text:
        yield "text", node.text, None
    stack: list[tuple[Iterator[HtmlElement], HtmlElement | None]] = [(iter(node), None)]
    while stack:
        children, parent = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if parent is not None:
                yield "close", "", parent
                if parent.tail:
                    yield "text", parent.tail, None
            continue
        if isinstance(child.tag, str) and child.tag not in SKIP:
            yield "open", "", child
            if child.text:
                yield "text", child.text, None
            stack.append((iter(child), child))
        elif child.tail:
            yield "text", child.tail, None


def text(el: HtmlElement) -> str:
    """All the text under ``el``, inline pieces joined as they are (no comment, no script)."""
    return "".join(value for event, value, _ in _walk(el) if event == "text")


def block_lines(node: HtmlElement) -> list[str]:
    """The text under ``node``, one line per block element, inline text joined as is.

    Inline elements are concatenated without adding spaces ("1<sup>er</sup>" → "1er",
    a surname in its own span stays inside its sentence); ``li`` items get a "• " mark
    when they carry no bullet of their own, as the site's text renderings show them.
    Comments, scripts and the other ``SKIP`` elements give no text (their tail does).
    """
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = squash_keep_nbsp("".join(current))
        if line:
            lines.append(line)
        current.clear()

    for event, value, el in _walk(node):
        if el is None:
            current.append(value)
        elif el.tag in BLOCK:
            flush()
            if event == "open" and el.tag == "li":
                current.append("• ")
    flush()
    return [_strip_double_bullet(line) for line in lines if line != "•"]


def squash_keep_nbsp(text: str) -> str:
    """Ordinary whitespace collapsed (HTML source line breaks), U+00A0 kept for the
    normaliser, which turns it into a space later."""
    # str.replace and split(" ") are plain C scans: three times faster than a regex here
    for c in "\t\r\n\f\v":
        if c in text:
            text = text.replace(c, " ")
    return " ".join(filter(None, text.split(" "))).strip()


def _strip_double_bullet(line: str) -> str:
    # an li that prints its own bullet ("• - item", "• • item") keeps only its own
    m = re.match(r"^• ([-•–>·o*]\s.*)$", line)
    return m[1] if m else line
