"""One pyarrow schema per corpus table: the contract of shared/spec/schema.md.

Every listed column keeps its name, type and meaning; the columns after them are
additions of this project (documented in ``COLUMN_DOCS`` and the dataset card).
Each file carries ``SCHEMA_VERSION`` and the extractor version in its metadata.
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

import pyarrow as pa

from models import records as r

#: Bumped on any change of meaning of a column (and written in CHANGELOG.md).
SCHEMA_VERSION = "1.1"

_str = pa.string()
_int = pa.int32()
_bool = pa.bool_()
_date = pa.date32()
_float = pa.float64()
_list = pa.list_(pa.string())


def _f(name: str, type_: pa.DataType, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable)


@dataclass(frozen=True)
class Table:
    name: str
    schema: pa.Schema
    record: type | None  # the record class a row comes from (child tables)
    doc: str


_ID = _f("deliberation_id", _str)
_POS = _f("position", _int, nullable=False)

DELIBERATIONS = pa.schema(
    [
        _f("deliberation_id", _str, nullable=False),
        _f("number_as_printed", _str),
        _f("year", _int),
        _f("seq", _int),
        _f("authority", _str),
        _f("adopted_on", _date),
        _f("title", _str),
        _f("decision", _str),
        _f("modification", _bool),
        _f("conditional", _bool),
        _f("purpose", _str),
        _f("purpose_requested", _str),
        _f("purpose_modified", _bool),
        _f("system_name", _str),
        _f("controller", _str),
        _f("representative", _str),
        _f("operator", _str),
        _f("request_filed_on", _date),
        _f("extension_notified_on", _date),
        _f("journal_number", _int),
        _f("published_on", _date),
        _f("page", _int),
        _f("ocr_quality", _float),
        _f("url", _str),
        _f("data_subjects", _list),
        _f("legal_bases", _list),
        _f("modifies", _list),
        _f("text_sha256", _str),
        _f("extractor_version", _str),
        # additions
        _f("source", _str),
        _f("decision_source", _str),
        _f("sections_present", _list),
        _f("n_chars", _int),
    ]
)

SECTIONS = pa.schema(
    [
        _ID,
        _POS,
        _f("kind", _str),
        _f("numeral", _str),
        _f("heading", _str),
        _f("text", _str),
        _f("start", _int),
        _f("end", _int),
        _f("body_start", _int),
    ]
)

_OFFSETS = [_f("start", _int), _f("end", _int)]

FUNCTIONALITIES = pa.schema([_ID, _POS, _f("actor", _str), _f("text", _str), *_OFFSETS])

DATA_CATEGORIES = pa.schema(
    [
        _ID,
        _POS,
        _f("subject", _str),
        _f("category", _str),
        _f("category_norm", _str),
        _f("items", _list),
        *_OFFSETS,
    ]
)

ACCESS_RIGHTS = pa.schema(
    [
        _ID,
        _POS,
        _f("role", _str),
        _f("permissions", _list),
        _f("restriction", _str),
        _f("raw", _str),
        *_OFFSETS,
    ]
)

RECIPIENTS = pa.schema([_ID, _POS, _f("recipient", _str), _f("condition", _str), *_OFFSETS])

INTERCONNECTIONS = pa.schema(
    [
        _ID,
        _POS,
        _f("link_type", _str),
        _f("target_purpose", _str),
        _f("target_status", _str),
        _f("raw", _str),
        *_OFFSETS,
    ]
)

RETENTION_RULES = pa.schema(
    [
        _ID,
        _POS,
        _f("data_scope", _str),
        _f("action", _str),
        _f("duration", _str),
        _f("duration_min", _str),
        _f("duration_max", _str),
        _f("trigger", _str),
        _f("until", _str),
        _f("rolling", _bool),
        _f("set_by", _str),
        _f("raw", _str),
        _f("duration_months", _float),
        _f("duration_min_months", _float),
        _f("duration_max_months", _float),
        *_OFFSETS,
    ]
)

COMMISSION_ACTIONS = pa.schema([_ID, _POS, _f("verb", _str), _f("text", _str), *_OFFSETS])

CITATIONS = pa.schema(
    [
        _ID,
        _POS,
        _f("instrument", _str),
        _f("number", _str),
        _f("date", _date),
        _f("raw", _str),
        _f("cited_id", _str),
        *_OFFSETS,
    ]
)

ENTITIES = pa.schema(
    [
        _ID,
        _POS,
        _f("section_kind", _str),
        _f("label", _str),
        _f("text", _str),
        _f("start", _int),
        _f("end", _int),
        _f("source", _str),
    ]
)

ISSUES = pa.schema(
    [
        _ID,
        _f("source", _str),
        _f("stage", _str),
        _f("severity", _str),
        _f("message", _str),
        _f("code", _str),
    ]
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table("deliberations", DELIBERATIONS, r.Deliberation, "one row per deliberation"),
        Table("sections", SECTIONS, r.Section, "the document cut into its parts"),
        Table("functionalities", FUNCTIONALITIES, r.Functionality, "listed features (I)"),
        Table("data_categories", DATA_CATEGORIES, r.DataCategory, "information processed (III)"),
        Table("access_rights", ACCESS_RIGHTS, r.AccessRight, "who can do what (V)"),
        Table("recipients", RECIPIENTS, r.Recipient, "to whom data may be communicated (V)"),
        Table("interconnections", INTERCONNECTIONS, r.Interconnection, "links (VI)"),
        Table("retention_rules", RETENTION_RULES, r.RetentionRule, "how long data is kept"),
        Table("commission_actions", COMMISSION_ACTIONS, r.CommissionAction, "closing part"),
        Table("citations", CITATIONS, r.Citation, "instruments cited in the visas"),
        Table("entities", ENTITIES, r.Entity, "named entities"),
        Table("issues", ISSUES, r.Issue, "what could not be read"),
    )
}

#: Child tables: the ones whose rows come from a list of records per deliberation.
CHILD_TABLES = tuple(n for n in TABLES if n not in ("deliberations", "issues"))


def _value(v: Any) -> Any:
    if isinstance(v, Enum):
        return v.value
    if isinstance(v, tuple):
        return [_value(x) for x in v]
    return v


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def record_row(record: Any, **extra: Any) -> dict[str, Any]:
    """A record as a row dict (enums as their values, tuples as lists)."""
    row = {name: _value(getattr(record, name)) for name in _field_names(type(record))}
    row.update(extra)
    return row


def table_columns(name: str, records: Sequence[Any], **constant: Any) -> dict[str, list[Any]]:
    """Records of table ``name`` as its columns, in its schema's order.

    Values as ``record_row`` gives them; ``constant`` columns (``deliberation_id``) repeat
    one value; ``position`` numbers the records from 0 when the record has none. A column
    the records do not have is null.
    """
    n = len(records)
    have = set(_field_names(type(records[0]))) if records else set()
    wanted = [f.name for f in TABLES[name].schema]
    read = [k for k in wanted if k in have and k not in constant]
    # every attribute of every record in one C-level pass, then transposed
    found: dict[str, list[Any]] = {}
    if read and n:
        get = operator.attrgetter(*read)
        rows = list(map(get, records)) if len(read) > 1 else [(v,) for v in map(get, records)]
        for key, values in zip(read, map(list, zip(*rows, strict=True)), strict=True):
            if any(issubclass(t, (Enum, tuple)) for t in set(map(type, values))):
                values = [_value(v) for v in values]
            found[key] = values
    out: dict[str, list[Any]] = {}
    for key in wanted:
        if key in constant:
            out[key] = [constant[key]] * n
        elif key in found:
            out[key] = found[key]
        elif key == "position":
            out[key] = list(range(n))
        else:
            out[key] = [None] * n
    return out


def rows_to_table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows (dicts) as a pyarrow table of the table's schema; unknown keys are dropped."""
    schema = TABLES[name].schema
    columns = {f.name: [row.get(f.name) for row in rows] for f in schema}
    return pa.Table.from_pydict(columns, schema=schema)
