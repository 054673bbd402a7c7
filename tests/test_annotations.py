"""The one inline-annotation syntax (pipeline/testbed/annotations.py)."""

from __future__ import annotations

import pytest

from models.enums import SetBy
from models.records import RetentionRule
from pipeline.testbed.annotations import Mark, check_records, differences, parse, plain, shown


def test_text_marks_and_fields():
    text, marks = parse(
        'Les données sont conservées <rule action=retain duration=P6M data_scope="les données" '
        "trigger=null>six mois</rule> et <ent label=ORG>la DSI</ent>."
    )
    assert text == "Les données sont conservées six mois et la DSI."
    assert marks == [
        Mark(
            "rule",
            28,
            36,
            "six mois",
            {"action": "retain", "duration": "P6M", "data_scope": "les données", "trigger": None},
        ),
        Mark("ent", 40, 46, "la DSI", {"label": "ORG"}),
    ]
    assert text[marks[1].start : marks[1].end] == "la DSI"


def test_tags_without_fields_and_across_lines():
    text, marks = parse("- <functionality>créer\nles comptes</functionality> ;")
    assert text == "- créer\nles comptes ;"
    assert [(m.tag, m.words, dict(m.fields)) for m in marks] == [
        ("functionality", "créer\nles comptes", {})
    ]


@pytest.mark.parametrize(
    "annotated",
    [
        "un <rule duration=P6M>six mois</rul> oublié",
        "un <rule duration=P6M>six mois oublié",
        "six mois</rule> de trop",
        "<rule>un <ent label=ORG>emboîté</ent></rule>",
    ],
)
def test_a_stray_or_nested_tag_is_an_error(annotated):
    with pytest.raises(ValueError, match="tag"):
        parse(annotated)


def test_text_that_only_looks_like_markup_stays():
    assert plain("moins de 5 < 6 et > 3") == "moins de 5 < 6 et > 3"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (None, None),
        (True, "true"),
        (False, "false"),
        (SetBy.COMMISSION, "commission"),
        (("read", "consult"), "read|consult"),
        (("all",), "all"),
        ((), ""),
        ("P6M", "P6M"),
    ],
)
def test_shown_writes_values_as_an_annotation_does(value, written):
    assert shown(value) == written


def _rule(**changes: object) -> RetentionRule:
    fields: dict = dict(
        data_scope="données",
        action="retain",
        duration="P6M",
        duration_min=None,
        duration_max=None,
        trigger=None,
        until=None,
        rolling=False,
        set_by=SetBy.CONTROLLER,
        raw="Les données sont conservées six mois",
        start=0,
        end=36,
    )
    return RetentionRule(**{**fields, **changes})


def test_records_compare_field_by_field_with_defaults():
    text, [mark] = parse(
        "Les données sont conservées <rule duration=P6M rolling=false>six mois</rule>"
    )
    assert differences(_rule(), mark) == {}
    assert differences(_rule(duration="P1Y"), mark) == {"duration": ("P6M", "P1Y")}
    assert differences(_rule(trigger="départ"), mark, {"trigger": None}) == {
        "trigger": (None, "départ")
    }
    check_records(text, [_rule()], [mark], span="within")
    with pytest.raises(AssertionError):
        check_records(text, [_rule()], [mark], span="exact")
    with pytest.raises(AssertionError):
        check_records(text, [_rule(), _rule()], [mark], span="within")
