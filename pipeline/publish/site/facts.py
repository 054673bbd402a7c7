"""How each fact table shows in the reading room: its name, colour class, the columns of
its small table beside the text, and the normalised values a mark shows on hover/focus."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from pipeline.analysis.labels import COLUMN_LABELS, SET_BY_LABELS, label

Row = dict[str, Any]


def cell(value: Any) -> str:
    """A value as shown: lists joined, nulls empty, floats short, booleans as yes/no."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return "" if math.isnan(value) else f"{value:g}"
    if isinstance(value, list | tuple):
        return ", ".join(cell(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def shown(table: str, column: str, value: Any) -> tuple[str, str]:
    """A value as a reader sees it (a code by its label, see ``pipeline.analysis.labels``)
    and, for a coded column, the codes as the Parquet column holds them (else "")."""
    labels = COLUMN_LABELS.get((table, column))
    if labels is None or value is None or (isinstance(value, list | tuple) and not value):
        return cell(value), ""
    if isinstance(value, list | tuple):
        return ", ".join(label(v, labels) for v in value), cell(value)
    return label(value, labels), str(value)


def _label(r: Row, table: str, column: str, missing: str = "?") -> str:
    return shown(table, column, r.get(column))[0] or missing


def _months(iso: Any, months: Any) -> str:
    if not iso:
        return ""
    return f"{iso} ({months:g} months)" if isinstance(months, float | int) else str(iso)


def _retention(r: Row) -> str:
    period = _months(r.get("duration"), r.get("duration_months"))
    bounds = " – ".join(
        b
        for b in (
            _months(r.get("duration_min"), r.get("duration_min_months")),
            _months(r.get("duration_max"), r.get("duration_max_months")),
        )
        if b
    )
    parts = [
        f"{_label(r, 'retention_rules', 'action')} {period}".strip(),
        f"bounds {bounds}" if bounds else "",
        "rolling" if r.get("rolling") else "",
        f"trigger: {r['trigger']}" if r.get("trigger") else "",
        f"until: {r['until']}" if r.get("until") else "",
        f"set by {label(r['set_by'], SET_BY_LABELS)}" if r.get("set_by") else "",
        f"data: {r['data_scope']}" if r.get("data_scope") else "",
    ]
    return " · ".join(p for p in parts if p)


def _access(r: Row) -> str:
    out = f"{r.get('role') or '?'} → {_label(r, 'access_rights', 'permissions')}"
    return f"{out} ({r['restriction']})" if r.get("restriction") else out


def _join(*parts: str) -> str:
    return " · ".join(p for p in parts if p)


@dataclass(frozen=True)
class FactTable:
    name: str
    label: str  # heading of its table beside the text
    code: str  # short code: CSS class, index filter
    columns: tuple[str, ...]
    tip: Callable[[Row], str]


FACT_TABLES: tuple[FactTable, ...] = (
    FactTable(
        "functionalities",
        "Functionalities",
        "fu",
        ("actor", "text"),
        lambda r: _join("functionality", f"actor: {r['actor']}" if r.get("actor") else ""),
    ),
    FactTable(
        "data_categories",
        "Data categories",
        "dc",
        ("subject", "category", "category_norm", "items"),
        lambda r: _join(
            f"{_label(r, 'data_categories', 'category_norm')}: {cell(r.get('items'))}",
            f"subject: {r['subject']}" if r.get("subject") else "",
        ),
    ),
    FactTable(
        "access_rights",
        "Access rights",
        "ar",
        ("role", "permissions", "restriction"),
        _access,
    ),
    FactTable(
        "recipients",
        "Recipients",
        "re",
        ("recipient", "condition"),
        lambda r: _join(f"recipient: {r.get('recipient') or '?'}", r.get("condition") or ""),
    ),
    FactTable(
        "interconnections",
        "Interconnections",
        "ic",
        ("link_type", "target_purpose", "target_status"),
        lambda r: _join(
            f"{_label(r, 'interconnections', 'link_type')} → "
            f"{_label(r, 'interconnections', 'target_status')}",
            r.get("target_purpose") or "",
        ),
    ),
    FactTable(
        "retention_rules",
        "Retention rules",
        "rr",
        (
            "data_scope",
            "action",
            "duration",
            "duration_min",
            "duration_max",
            "trigger",
            "until",
            "rolling",
            "set_by",
        ),
        _retention,
    ),
    FactTable(
        "commission_actions",
        "Actions of the Commission",
        "ca",
        ("verb", "text"),
        lambda r: f"action: {_label(r, 'commission_actions', 'verb')}",
    ),
    FactTable(
        "citations",
        "Citations",
        "ci",
        ("instrument", "number", "date", "cited_id"),
        lambda r: _join(
            f"{_label(r, 'citations', 'instrument')} n° {r['number']}"
            if r.get("number")
            else _label(r, "citations", "instrument"),
            cell(r.get("date")),
            f"→ deliberation {r['cited_id']}" if r.get("cited_id") else "",
        ),
    ),
    FactTable(
        "entities",
        "Named entities",
        "en",
        ("label", "text", "section_kind"),
        lambda r: f"entity: {_label(r, 'entities', 'label')}",
    ),
)
BY_NAME = {t.name: t for t in FACT_TABLES}
