"""One deliberation's page: its text rebuilt from ``sections`` and cut into blocks (the
title, each heading, one paragraph per line), every fact with offsets marked in it, the
facts as small tables, and its links to other deliberations."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Any

import pandas as pd

from pipeline.analysis.provenance import document_text
from pipeline.publish.site.data import Row, SiteData
from pipeline.publish.site.facts import FACT_TABLES, FactTable, cell
from pipeline.publish.site.marks import Span, render

AUTHORITIES = {
    "CCIN": "Commission de Contrôle des Informations Nominatives",
    "APDP": "Autorité de Protection des Données Personnelles",
}
KIND_LABELS = {
    "visas": "Visas",
    "preamble": "Préambule",
    "purpose": "Finalité et fonctionnalités",
    "lawfulness": "Licéité et justification",
    "data": "Informations traitées",
    "rights": "Droits des personnes concernées",
    "recipients": "Destinataires et personnes ayant accès",
    "interconnections": "Rapprochements et interconnexions",
    "security": "Sécurité",
    "retention": "Durée de conservation",
    "other": "Autre section",
    "decision": "Décision",
}
#: nesting between spans of the same extent: lower is outer
_RANK = {"citations": 0, "commission_actions": 1, "entities": 8}
_LINK_RANK = 9


def decision_label(d: Row) -> str:
    decision = (d.get("decision") or "unknown").replace("_", " ")
    return f"{decision}, conditional" if d.get("conditional") else decision


@dataclass
class Block:
    kind: str  # "title", "heading" or "line"
    section: int  # index in Page.sections (-1 for the title)
    start: int
    end: int
    html: str = ""


@dataclass
class Section:
    anchor: str
    kind: str
    label: str  # for the table of contents
    printed: bool  # the heading is printed in the text (else the label is ours)
    heading: Block | None = None
    lines: list[Block] = field(default_factory=list)


@dataclass
class FactView:
    table: FactTable
    columns: list[str]
    rows: list[dict[str, Any]]  # position, anchor, cells (text, link), mark (has offsets)


def _int(v: object) -> int | None:
    return None if v is None or (isinstance(v, float) and v != v) or v is pd.NA else int(v)  # type: ignore[call-overload]


def layout(title: str, sections: pd.DataFrame) -> tuple[list[Block], list[Section]]:
    """The blocks of the text as ``document_text`` lays it out, grouped by section."""
    blocks = [Block("title", -1, 0, len(title))] if title else []
    out: list[Section] = []
    for i, s in enumerate(sections.itertuples()):
        start = _int(s.start) or 0
        body_start = _int(s.body_start)
        body_start = start if body_start is None else body_start
        heading = s.heading if isinstance(s.heading, str) else ""
        numeral = s.numeral if isinstance(s.numeral, str) else ""
        kind = str(s.kind)
        label = heading or KIND_LABELS.get(kind, kind)
        if numeral and not label.startswith(numeral):
            label = f"{numeral}. {label}"
        section = Section(f"s{i}-{kind}", kind, label, False)
        at = body_start - len(heading) - 1
        if heading and at >= start:
            section.heading = Block("heading", i, at, at + len(heading))
            section.printed = True
            blocks.append(section.heading)
        body = s.text if isinstance(s.text, str) else ""
        pos = body_start
        for line in body.split("\n"):
            if line.strip():
                b = Block("line", i, pos, pos + len(line))
                section.lines.append(b)
                blocks.append(b)
            pos += len(line) + 1
        out.append(section)
    blocks.sort(key=lambda b: b.start)
    return blocks, out


def _attr(value: str) -> str:
    return escape(value, quote=True)


def fact_spans(data: SiteData, deliberation_id: str, text: str) -> list[Span]:
    spans: list[Span] = []
    for t in FACT_TABLES:
        for r in data.facts[t.name].get(deliberation_id, ()):
            start, end = _int(r.get("start")), _int(r.get("end"))
            if start is None or end is None:
                continue
            pos = r["position"]
            anchor = f"{t.code}-{pos}"
            head = (
                f'<mark id="m-{anchor}" class="{t.code}" data-table="{t.name}" '
                f'data-position="{pos}" tabindex="0" data-tip="{_attr(t.tip(r))}" '
                f'aria-describedby="f-{anchor}">'
            )
            cont = f'<mark class="{t.code}" data-of="m-{anchor}">'
            spans.append(Span(start, max(end, start), head, cont, "</mark>", _RANK.get(t.name, 2)))
            cited = r.get("cited_id") if t.name == "citations" else None
            if data.has(cited) and cited != deliberation_id:
                # the cited number is the link; the whole citation when it is not found
                number = r.get("number") or ""
                at = text.find(number, start, end) if number else -1
                a, b = (at, at + len(number)) if at >= 0 else (start, end)
                tag = f'<a class="cite" href="{cited}.html">'
                spans.append(Span(a, b, tag, tag, "</a>", _LINK_RANK))
    return spans


def fact_views(data: SiteData, deliberation_id: str) -> list[FactView]:
    views = []
    for t in FACT_TABLES:
        rows = data.facts[t.name].get(deliberation_id, [])
        if not rows:
            continue
        columns = [c for c in t.columns if any(cell(r.get(c)) for r in rows)]
        out = []
        for r in rows:
            cited = r.get("cited_id")
            link = f"{cited}.html" if data.has(cited) and cited != deliberation_id else None
            out.append(
                {
                    "position": r["position"],
                    "anchor": f"{t.code}-{r['position']}",
                    "cells": [(cell(r.get(c)), link if c == "cited_id" else None) for c in columns],
                    "mark": _int(r.get("start")) is not None and _int(r.get("end")) is not None,
                }
            )
        views.append(FactView(t, columns, out))
    return views


def page_context(data: SiteData, d: Row) -> dict[str, Any]:
    """What the deliberation template needs for ``d``."""
    did = d["deliberation_id"]
    sections = data.sections.get(did)
    if sections is None:
        sections = pd.DataFrame(columns=["kind", "numeral", "heading", "text", "start", "end"])
    title = d.get("title") or ""
    text = document_text(title, sections)
    blocks, section_list = layout(title, sections)
    for block, html in zip(
        blocks,
        render(text, [(b.start, b.end) for b in blocks], fact_spans(data, did, text)),
        strict=True,
    ):
        block.html = html
    cites = []
    seen = set()
    for c in data.facts["citations"].get(did, ()):
        cited = c.get("cited_id")
        if c.get("instrument") == "deliberation" and cited and cited not in seen:
            seen.add(cited)
            cites.append((cited, data.has(cited) and cited != did))
    return {
        "d": d,
        "authority_name": AUTHORITIES.get(d.get("authority") or "", d.get("authority") or ""),
        "decision": decision_label(d),
        "title_block": blocks[0] if blocks and blocks[0].kind == "title" else None,
        "sections": section_list,
        "facts": fact_views(data, did),
        "cites": cites,
        "cited_by": data.cited_by.get(did, []),
        "modifies": [(m, data.has(m)) for m in d.get("modifies") or ()],
        "modified_by": data.modified_by.get(did, []),
        "cell": cell,
    }
