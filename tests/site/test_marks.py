"""The mark-up of overlapping spans: nested, every span once, the text untouched."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from pipeline.publish.site.marks import Span, render


def span(i: int, start: int, end: int, rank: int = 0) -> Span:
    return Span(start, end, f'<m h="{i}">', f'<m c="{i}">', "</m>", rank)


class Reader(HTMLParser):
    """Reads the rendered blocks back: the text, and which spans cover each character."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.stack: list[int] = []
        self.heads: list[int] = []
        self.covered: dict[int, set[int]] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        i = int(a.get("h", a.get("c")))
        if "h" in a:
            self.heads.append(i)
        self.stack.append(i)

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        for ch in data:
            for i in self.stack:
                self.covered.setdefault(i, set()).add(len(self.text))
            self.text += ch


def read(text, blocks, spans):
    html = render(text, blocks, spans)
    assert len(html) == len(blocks)
    readers = []
    for chunk, (a, b) in zip(html, blocks, strict=True):
        r = Reader()
        r.feed(chunk)
        r.close()
        assert r.stack == [], "every element is closed in its block"
        assert r.text == text[a:b]
        readers.append(r)
    return html, readers


def test_nested_spans_stay_whole():
    text = "Vu la loi n° 1.165 du 23 décembre 1993"
    spans = [span(0, 0, len(text)), span(1, 6, 18)]
    html = render(text, [(0, len(text))], spans)
    assert html == ['<m h="0">Vu la <m h="1">loi n° 1.165</m> du 23 décembre 1993</m>']


def test_crossing_spans_are_split_cleanly():
    text = "abcdefghij"
    html = render(text, [(0, 10)], [span(0, 0, 6), span(1, 3, 9)])
    assert html == ['<m h="0">abc<m h="1">def</m></m><m c="1">ghi</m>j']


def test_spans_over_blocks_continue_and_gaps_get_empty_heads():
    text = "one\ntwo\n\nsix"
    blocks = [(0, 3), (4, 7), (9, 12)]
    html = render(text, blocks, [span(0, 1, 6), span(1, 8, 9), span(2, 20, 22)])
    assert html == ['o<m h="0">ne</m>', '<m c="0">tw</m>o', '<m h="1"></m>six<m h="2"></m>']


def test_escapes_text():
    assert render("a<b & c", [(0, 7)], [span(0, 2, 3)]) == ['a&lt;<m h="0">b</m> &amp; c']


@st.composite
def documents(draw):
    text = draw(st.text(alphabet="ab <&\n", min_size=1, max_size=60))
    blocks, at = [], 0
    for line in text.split("\n"):
        blocks.append((at, at + len(line)))
        at += len(line) + 1
    n = draw(st.integers(0, 12))
    spans = []
    for i in range(n):
        s = draw(st.integers(0, len(text) + 2))
        e = draw(st.integers(s, len(text) + 3))
        spans.append(span(i, s, e, draw(st.integers(0, 2))))
    return text, blocks, spans


@given(documents())
def test_every_span_has_one_head_and_covers_exactly_its_text(doc):
    text, blocks, spans = doc
    _, readers = read(text, blocks, spans)
    heads = sorted(i for r in readers for i in r.heads)
    assert heads == list(range(len(spans)))
    shown = {p for a, b in blocks for p in range(a, b)}
    for i, s in enumerate(spans):
        covered = set()
        for r, (a, _b) in zip(readers, blocks, strict=True):
            covered |= {a + p for p in r.covered.get(i, ())}
        assert covered == set(range(s.start, s.end)) & shown


@given(documents())
def test_a_span_inside_another_is_never_cut(doc):
    text, blocks, spans = doc
    html = render(text, blocks, spans)
    for i, s in enumerate(spans):
        inside_one_block = any(a <= s.start and s.end <= b for a, b in blocks)
        crossed = any(
            o.start < s.start < o.end < s.end or s.start < o.start < s.end < o.end for o in spans
        )
        if inside_one_block and not crossed and s.end > s.start:
            assert not any(f'<m c="{i}">' in h for h in html)
