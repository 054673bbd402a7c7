"""The contract's normalisation, rule by rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.common.normalise import normalise, normalise_line


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("n°\u00a01.165", "n° 1.165"),  # no-break space
        ("Constitution\u202f;", "Constitution ;"),  # narrow no-break space
        ("2024\u2011165", "2024-165"),  # non-breaking hyphen in a number
        ("celui\u2011ci", "celui-ci"),  # … and everywhere else
        ("2015\u2013113", "2015-113"),  # en dash between digits
        ("– item", "– item"),  # an en dash used as a bullet stays
        ("l\u2019Homme", "l'Homme"),  # typographic apostrophe
        ("a  \t b", "a b"),  # whitespace runs
        ("« Outlook »", "« Outlook »"),  # guillemets kept
        ("e\u0301te\u0301", "été"),  # NFC
        ("infor\u00admations", "informations"),  # soft hyphen removed
    ],
)
def test_normalise_line(raw, expected):
    assert normalise_line(raw) == expected


def test_normalise_keeps_one_line_per_paragraph():
    assert normalise("  Vu la Constitution ;\r\n\r\n\n  Vu la loi n°\u00a01.165 ;  \n") == (
        "Vu la Constitution ;\nVu la loi n° 1.165 ;"
    )


@given(st.text())
def test_normalise_is_idempotent(text):
    once = normalise(text)
    assert normalise(once) == once
