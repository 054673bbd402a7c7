"""word_re (the regex module) finds exactly what re.compile finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.common.wordre import word_re

PATTERNS = [
    r"\b(?:conserve|garde|stocke)e?s?\b",
    r"\b(?:supprime|purge|efface|elimine)e?s?\b|\bdetruite?s?\b",
    r"\barchive(?<!en archive)(?:e|es|s)?\b",
    r"\b(?:duree|delai)s? (?:de |d')conservation\b",
    r"\b(?:la commission|la ccin|l'autorite)\b",
    r"\bn(?:o|°)\s*(?P<n>\d+)",
    r"\b\d+\b",
    r"\b[a-z]+(?:[-'][a-z]+)*",
    r"\b_x|\bé[tl]é",
    r"(?<!en )\barchive",
    r"\bfoo|bar",
    r"^\bfoo",
    r"[\b]x",
    r"\b(?i:le|la)\s+(?=[A-Z])",
]
PIECES = list("ab _-'°1é.") + ["conserve", "archive", "en ", "duree de conservation"]
PIECES += ["la commission", "detruites", "n°", "été", "Élé", "_x", "foo", "bar", "LA ", "Le X"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
FLAGS = st.sampled_from([0, re.IGNORECASE, re.ASCII, re.IGNORECASE | re.ASCII])


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(PATTERNS), FLAGS, TEXT, st.integers(0, 12))
def test_same_matches_as_re(pattern, flags, text, pos):
    fast, slow = word_re(pattern, flags), re.compile(pattern, flags)
    spans = lambda it: [(m.span(), m.groups()) for m in it]  # noqa: E731
    assert spans(fast.finditer(text)) == spans(slow.finditer(text))
    assert spans(fast.finditer(text, pos)) == spans(slow.finditer(text, pos))
    assert spans(fast.finditer(text, pos, pos + 9)) == spans(slow.finditer(text, pos, pos + 9))
    a, b = fast.search(text, pos), slow.search(text, pos)
    assert (a and a.span()) == (b and b.span())
    assert fast.findall(text) == slow.findall(text)
    assert fast.sub("<\\g<0>>", text) == slow.sub("<\\g<0>>", text)
    assert fast.sub(lambda m: "#", text, count=1) == slow.sub(lambda m: "#", text, count=1)
    a, b = fast.match(text, pos), slow.match(text, pos)
    assert (a and a.span()) == (b and b.span())
    a, b = fast.fullmatch(text), slow.fullmatch(text)
    assert (a and a.span()) == (b and b.span())
