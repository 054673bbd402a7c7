"""word_re finds exactly what re.compile finds, faster."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.common.wordre import WordPattern, word_re

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
]
PIECES = list("ab _-'°1é.") + ["conserve", "archive", "en ", "duree de conservation"]
PIECES += ["la commission", "detruites", "n°", "été", "Élé", "_x"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@pytest.mark.parametrize("pattern", PATTERNS)
def test_is_a_word_pattern(pattern):
    assert isinstance(word_re(pattern), WordPattern)


@pytest.mark.parametrize(
    "pattern", [r"(?<!en )\barchive", r"\bfoo|bar", r"^\bfoo", r"[\b]x", r"(\bfoo)"]
)
def test_other_patterns_are_compiled_as_they_are(pattern):
    assert isinstance(word_re(pattern), re.Pattern)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(PATTERNS), TEXT, st.integers(0, 12))
def test_same_matches_as_re(pattern, text, pos):
    fast, slow = word_re(pattern), re.compile(pattern)
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
