"""One deliberation's page: its text rebuilt from ``sections`` and cut into blocks (the
title, each heading, one paragraph per line), every fact with offsets marked in it, the
facts as small tables, and its links to other deliberations."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Any

import pandas as pd

from pipeline.analysis import labels
from pipeline.analysis.labels import AUTHORITY_LABELS, SECTION_KIND_LABELS
from pipeline.publish.site.data import Row, SiteData
from pipeline.publish.site.facts import FACT_TABLES, FactTable, cell, shown
from pipeline.publish.site.marks import Span, render

#: nesting between spans of the same extent: lower is outer
_RANK = {"citations": 0, "commission_actions": 1, "entities": 8}
_LINK_RANK = 9


def decision_label(d: Row) -> str:
    """The decision as the title words it: ``avis favorable sous conditions``."""
    return labels.decision_label(d.get("decision"), d.get("conditional"))


@dataclass(slots=True)
class Block:
    kind: str  # "title", "heading" or "line"
    section: int  # index in Page.sections (-1 for the title)
    start: int
    end: int
    html: str = ""
    text: str = ""


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
    rows: list[
        dict[str, Any]
    ]  # anchor, cells [(text, code, link)], marks [(position, mark anchor)]
    count: int  # facts (entities: occurrences, shown grouped by name)


def _int(v: object) -> int | None:
    return None if v is None or (isinstance(v, float) and v != v) or v is pd.NA else int(v)  # type: ignore[call-overload]


def layout(title: str, sections: list[Row]) -> tuple[list[Block], list[Section]]:
    """The blocks of the text as ``document_text`` lays it out, grouped by section."""
    blocks = [Block("title", -1, 0, len(title))] if title else []
    out: list[Section] = []
    for i, s in enumerate(sections):
        start = _int(s.get("start")) or 0
        body_start = _int(s.get("body_start"))
        body_start = start if body_start is None else body_start
        heading = s.get("heading") or ""
        numeral = s.get("numeral") or ""
        kind = str(s.get("kind"))
        label = heading or SECTION_KIND_LABELS.get(kind, kind)
        if numeral and not label.startswith(numeral):
            label = f"{numeral}. {label}"
        section = Section(f"s{i}-{kind}", kind, label, False)
        at = body_start - len(heading) - 1
        if heading and at >= start:
            section.heading = Block("heading", i, at, at + len(heading))
            section.printed = True
            blocks.append(section.heading)
        pos = body_start
        for line in (s.get("text") or "").split("\n"):
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


def _has_offsets(r: Row) -> bool:
    return _int(r.get("start")) is not None and _int(r.get("end")) is not None


def entity_rows(rows: list[Row]) -> tuple[list[dict[str, Any]], dict[int, str]]:
    """Entities grouped by label and name (one table row each, linking every occurrence),
    and the row anchor of each entity's position."""
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    row_of: dict[int, str] = {}
    for r in rows:
        key = (r.get("label") or "", r.get("text") or "")
        g = groups.get(key)
        if g is None:
            g = groups[key] = {
                "anchor": f"en-g{len(groups)}",
                "cells": [(*shown("entities", "label", key[0]), None), (key[1], "", None)],
                "marks": [],
                "kinds": [],
            }
        if _has_offsets(r):
            g["marks"].append((r["position"], f"en-{r['position']}"))
        if r.get("section_kind") and r["section_kind"] not in g["kinds"]:
            g["kinds"].append(r["section_kind"])
        row_of[r["position"]] = g["anchor"]
    for g in groups.values():
        text, code = shown("entities", "section_kind", g.pop("kinds"))
        g["cells"].append((text, code, None))
    return list(groups.values()), row_of


def fact_spans(
    data: SiteData, deliberation_id: str, text: str, entity_row: dict[int, str]
) -> list[Span]:
    spans: list[Span] = []
    for t in FACT_TABLES:
        for r in data.facts[t.name].get(deliberation_id, ()):
            start, end = _int(r.get("start")), _int(r.get("end"))
            if start is None or end is None:
                continue
            pos = r["position"]
            anchor = f"{t.code}-{pos}"
            row = entity_row.get(pos, anchor) if t.name == "entities" else anchor
            head = (
                f'<mark id="m-{anchor}" class="{t.code}" data-table="{t.name}" '
                f'data-position="{pos}" tabindex="0" data-tip="{_attr(t.tip(r))}" '
                f'aria-describedby="f-{row}">'
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


def fact_views(data: SiteData, deliberation_id: str) -> tuple[list[FactView], dict[int, str]]:
    """The fact tables beside the text; and the row anchor of each entity position."""
    views = []
    entity_row: dict[int, str] = {}
    for t in FACT_TABLES:
        rows = data.facts[t.name].get(deliberation_id, [])
        if not rows:
            continue
        if t.name == "entities":
            grouped, entity_row = entity_rows(rows)
            views.append(FactView(t, ["label", "text", "section kind"], grouped, len(rows)))
            continue
        columns = [c for c in t.columns if any(cell(r.get(c)) for r in rows)]
        out = []
        for r in rows:
            cited = r.get("cited_id")
            link = f"{cited}.html" if data.has(cited) and cited != deliberation_id else None
            anchor = f"{t.code}-{r['position']}"
            out.append(
                {
                    "anchor": anchor,
                    "cells": [
                        (*shown(t.name, c, r.get(c)), link if c == "cited_id" else None)
                        for c in columns
                    ],
                    "marks": [(r["position"], anchor)] if _has_offsets(r) else [],
                    "position": r["position"],
                }
            )
        views.append(FactView(t, columns, out, len(rows)))
    return views, entity_row


@dataclass
class TextLayout:
    """A deliberation's text and its blocks (each with its plain text), by section."""

    text: str
    blocks: list[Block]
    sections: list[Section]

    @property
    def title(self) -> Block | None:
        return self.blocks[0] if self.blocks and self.blocks[0].kind == "title" else None


def document_text(title: str, sections: list[Row]) -> str:
    """``pipeline.analysis.provenance.document_text`` (the text every offset points into)
    from the section rows as dicts: the same text (a test checks it on every deliberation),
    without a DataFrame per deliberation, which costs more than the rest of a page."""
    if not sections:
        return title
    size = max([_int(s.get("end")) or 0 for s in sections] + [len(title)])
    pieces: list[tuple[int, str]] = [(0, title)] if title else []
    for s in sections:
        start = _int(s.get("start")) or 0
        body_start = _int(s.get("body_start"))
        body_start = start if body_start is None else body_start
        heading = s.get("heading") or ""
        at = body_start - len(heading) - 1
        if heading and at >= start:
            pieces.append((at, heading))
        pieces.append((body_start, s.get("text") or ""))
    out: list[str] = []
    length = 0
    for at, piece in pieces:  # in the original's order: a later piece overwrites
        if at >= length:
            out += ["\n" * (at - length), piece]
            length = at + len(piece)
        else:
            joined = "".join(out)
            joined = joined[:at] + piece + joined[at + len(piece) :]
            out, length = [joined], len(joined)
    text = "".join(out)
    return (text + "\n" * (size - len(text)))[:size]


def text_layout(data: SiteData, d: Row) -> TextLayout:
    did = d["deliberation_id"]
    title = d.get("title") or ""
    rows = data.section_rows.get(did, [])
    text = document_text(title, rows)
    blocks, section_list = layout(title, rows)
    for b in blocks:
        b.text = text[b.start : b.end]
    return TextLayout(text, blocks, section_list)


def page_context(data: SiteData, d: Row, laid_out: TextLayout | None = None) -> dict[str, Any]:
    """What the deliberation template needs for ``d``."""
    did = d["deliberation_id"]
    laid_out = laid_out or text_layout(data, d)
    text, blocks, section_list = laid_out.text, laid_out.blocks, laid_out.sections
    facts, entity_row = fact_views(data, did)
    for block, html in zip(
        blocks,
        render(text, [(b.start, b.end) for b in blocks], fact_spans(data, did, text, entity_row)),
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
        "authority_name": AUTHORITY_LABELS.get(d.get("authority") or "", d.get("authority") or ""),
        "decision": decision_label(d),
        "conditional_meaning": labels.CONDITIONAL_MEANING,
        "legal_bases": [
            (labels.label(b, labels.LEGAL_BASIS_LABELS), b) for b in d.get("legal_bases") or ()
        ],
        "title_block": laid_out.title,
        "sections": section_list,
        "facts": facts,
        "cites": cites,
        "cited_by": data.cited_by.get(did, []),
        "modifies": [(m, data.has(m)) for m in d.get("modifies") or ()],
        "modified_by": data.modified_by.get(did, []),
        "cell": cell,
    }
