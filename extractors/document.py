"""One page in, every record out: the extraction of a whole document (no I/O).

``extract_article(article, source)`` runs the stages on an ``Article`` (the page already
read by ``scrapers.journal_de_monaco``): classify the title, normalise, split into
sections, read the visas, the closing opinion and every section's facts, and assemble
the ``Deliberation`` row. Problems become ``Issue`` rows; nothing raises.
"""

from __future__ import annotations

import hashlib
import re
import time

from extractors import functionalities, opinion, retention_rules
from extractors.common.normalise import normalise, normalise_line
from extractors.common.text import fold
from extractors.registry import SECTION_EXTRACTORS
from extractors.sections import split_sections
from extractors.title import TitleError, classify_body, deliberation_id_of, parse_title
from extractors.version import EXTRACTOR_VERSION
from models.enums import NUMBERED_KINDS, Decision, SectionKind, Severity
from models.records import (
    Article,
    Deliberation,
    DeliberationFields,
    DocumentResult,
    Issue,
    NotADeliberation,
    Section,
    TitleInfo,
    shifted,
)

#: Deliberations run to about 30,000 characters; a page far longer is cut here.
MAX_CHARS = 1_000_000
_STARTS_LIKE_DELIBERATION = re.compile(r"^\W*d[ée]lib[ée]ration\s+n", re.IGNORECASE)


def _issue(
    result: DocumentResult,
    stage: str,
    severity: Severity,
    code: str,
    message: str,
    deliberation_id: str | None = None,
) -> None:
    result.issues.append(Issue(stage, severity, code, message, deliberation_id, result.source))


def document_text(title: str, body: str) -> tuple[str, int]:
    """The normalised text that is extracted and hashed (cut at ``MAX_CHARS``), and its
    length before the cut."""
    text = normalise(title + "\n" + body)
    return text[:MAX_CHARS], len(text)


def text_sha256(text: str) -> str:
    """``Deliberation.text_sha256`` of a document text."""
    return hashlib.sha256(text.encode()).hexdigest()


def article_text(article: Article) -> str | None:
    """The text ``extract_article`` hashes for this page (None when it would read the title
    from the body): what tells an unchanged document (``pipeline.build.reuse``)."""
    title = normalise_line(article.title)
    return document_text(title, article.body)[0] if title else None


def extract_article(
    article: Article, source: str, timings: dict[str, float] | None = None
) -> DocumentResult:
    """Every record of one article page (see the module doc). ``timings``, when given,
    receives the seconds spent in the section splitter ("split")."""
    result = DocumentResult(source=source)
    title = normalise_line(article.title)
    body = article.body
    if not title:
        # a page whose title was lost: a deliberation still opens its body with it
        first, _, rest = body.lstrip().partition("\n")
        if _STARTS_LIKE_DELIBERATION.match(first):
            title, body = normalise_line(first), rest
            _issue(
                result,
                "read",
                Severity.WARNING,
                "title_from_body",
                "no title found: the first body line is used",
            )
    try:
        parsed = parse_title(title)
    except TitleError as exc:
        _issue(result, "identify", Severity.ERROR, "no_number", f"{exc}: {title[:160]!r}")
        return result
    if isinstance(parsed, NotADeliberation):
        result.not_a_deliberation = parsed
        shown = title[:160] or "(no title)"
        severity = Severity.INFO if title else Severity.ERROR
        code = "not_a_deliberation" if title else "no_title"
        _issue(
            result,
            "classify",
            severity,
            code,
            f"not a CCIN/APDP deliberation: {parsed.what}: {shown!r}",
        )
        return result

    other = classify_body(body)
    if other is not None:
        result.not_a_deliberation = other
        _issue(
            result,
            "classify",
            Severity.INFO,
            "not_a_deliberation",
            f"not a CCIN/APDP deliberation: {other.what}: {title[:160]!r}",
        )
        return result
    info: TitleInfo = parsed
    did = info.deliberation_id
    text, length = document_text(title, body)
    if length > MAX_CHARS:
        _issue(
            result,
            "read",
            Severity.WARNING,
            "oversized",
            f"page of {length:,} characters: only the first {MAX_CHARS:,} are read",
            did,
        )
    result.text = text

    started = time.perf_counter()
    sections, section_issues = split_sections(text)
    if timings is not None:
        timings["split"] = timings.get("split", 0.0) + time.perf_counter() - started
    for i in section_issues:
        result.issues.append(Issue(i.stage, i.severity, i.code, i.message, did, source))
    result.children["sections"] = sections

    fields = DeliberationFields()
    closing_rules: list = []
    for section in sections:
        extraction = SECTION_EXTRACTORS[section.kind](section.text)  # guarded: never raises
        for table, records in extraction.tables.items():
            moved = [shifted(r, section.body_start) for r in records]
            if table == "retention_rules" and section.kind is SectionKind.DECISION:
                closing_rules.extend(moved)  # merged with section VIII's below
                continue
            result.children.setdefault(table, []).extend(moved)
        fields.fill(extraction.fields)
        for i in extraction.issues:
            result.issues.append(Issue(i.stage, i.severity, i.code, i.message, did, source))

    if closing_rules:
        rules = result.children.get("retention_rules", [])
        result.children["retention_rules"] = retention_rules.merge_rules(rules, closing_rules)

    decision_section = next((s for s in sections if s.kind is SectionKind.DECISION), None)
    decision, conditional = info.decision, None
    decision_source: str | None = "title"
    if decision_section is not None:
        op = opinion.opinion(decision_section.text)
        conditional = op.conditional
        if (decision is None or decision is Decision.OTHER) and op.decision is not None:
            decision, decision_source = op.decision, "closing"
    if decision is None:
        decision_source = None
        _issue(
            result,
            "closing",
            Severity.WARNING,
            "no_decision",
            "the title says only 'avis' and no closing opinion was found",
            did,
        )

    purpose_requested = fields.purpose_requested
    purpose_modified = _purpose_modified(info.purpose, purpose_requested, text)
    if not body.strip():
        _issue(
            result, "read", Severity.WARNING, "empty_body", "the page has a title but no body", did
        )

    modifies = (
        _modifies(did, result.children.get("citations", []), sections, text)
        if info.modification
        else ()
    )
    result.deliberation = Deliberation(
        deliberation_id=did,
        number_as_printed=info.number_as_printed,
        year=info.year,
        seq=info.seq,
        authority=info.authority,
        adopted_on=info.adopted_on,
        title=title,
        decision=decision,
        modification=info.modification,
        conditional=conditional,
        purpose=info.purpose,
        purpose_requested=purpose_requested,
        purpose_modified=purpose_modified,
        system_name=info.system_name
        or fields.system_name
        or fields.system_name_in_preamble
        or _tool_named_later(sections),
        controller=info.controller,
        representative=info.representative,
        operator=info.operator,
        request_filed_on=fields.request_filed_on,
        extension_notified_on=fields.extension_notified_on,
        journal_number=article.journal_number,
        published_on=article.published_on,
        page=article.page,
        ocr_quality=article.ocr_quality,
        url=article.url,
        data_subjects=fields.data_subjects,
        legal_bases=fields.legal_bases,
        text_sha256=text_sha256(text),
        extractor_version=EXTRACTOR_VERSION,
        source=source,
        decision_source=decision_source,
        sections_present=tuple(dict.fromkeys(str(s.kind) for s in sections)),
        n_chars=len(text),
        modifies=modifies,
    )
    return result


_OPINION_ON = re.compile(r"\b(?:avis|autoris\w*|mise?\s+en\s+(?:œuvre|oeuvre))\b")
_RECOMMENDATION = re.compile(r"\brecommandation\b")
_CITED_DELIBERATION = re.compile(
    r"\bdeliberations?\s+n\s*[°ºo˚]\s*\.?\s*(\d{2,4}\s*-\s*\d{1,4})(?!\d)"
)


def _modifies(did: str, citations: list, sections: list[Section], text: str) -> tuple[str, ...]:
    """The earlier opinions a modification amends: cited deliberations that gave an opinion
    on a processing (visas, then preamble), not the Commission's general recommendations."""
    found: list[str] = []
    for c in citations:
        f = fold(c.raw)
        if c.cited_id and _OPINION_ON.search(f) and not _RECOMMENDATION.search(f):
            found.append(c.cited_id)
    for section in sections:
        if section.kind is not SectionKind.PREAMBLE:
            continue
        for sentence in re.split(r"(?<=[.;])\s+", section.text):
            f = fold(sentence)
            if not _OPINION_ON.search(f) or _RECOMMENDATION.search(f):
                continue
            for m in _CITED_DELIBERATION.finditer(f):
                found.append(deliberation_id_of(m[1].replace(" ", "")) or "")
    return tuple(x for x in dict.fromkeys(found) if x and x != did)




def _comparable(purpose: str) -> str:
    return re.sub(r"[^\w]+", " ", fold(purpose)).strip()


def _purpose_modified(purpose: str | None, requested: str | None, text: str) -> bool | None:
    """True when the Commission rewrote the finalité (title ≠ request, or it says so)."""
    if purpose and requested:
        return _comparable(purpose) != _comparable(requested)
    if re.search(r"\bmodifie\s+(?:la|sa)\s+finalite\b", fold(text)):
        return True
    return None


def _tool_named_later(sections: list[Section]) -> str | None:
    """The tool's name a later section gives when section I and the preamble give none
    ("saisies dans un cahier d'observation électronique dénommé « ClinFlow EDC »"): only
    after a word that says it is software."""
    for section in sections:
        if section.kind in _LATER:
            name = functionalities.software_name(section.text)
            if name:
                return name
    return None


_LATER = frozenset(NUMBERED_KINDS[1:])  # sections II–VIII

