"""Section VIII "Sur la durée de conservation" → ``retention_rules``.

One rule per action verb ("conservées", "anonymisées", "supprimés", "archivées" …) of a
sentence or list item; its ``data_scope`` is the verb's subject as printed ("les logs
système"), or the antecedent of "qui" ("à l'exception des informations … qui sont
conservées"), or the topic ("en ce qui concerne X, les données sont …"). A verb without
a subject ("… et purgées après 24 mois") keeps the scope of the verb before it, so
chained periods are separate rules.

Sentences of the Commission give a rule (``set_by=commission``) only when they fix a
duration ("la Commission fixe …", "la fixe … à 3 mois après le départ", "demande que …
soit ramenée à …"); approvals ("ces durées sont conformes") and reminders give none.
A pronoun scope ("leur durée de conservation") is the scope of the rule before it.

``extract_closing`` reads the durations the Commission fixes in the closing part
("Fixe … la durée de conservation …"); ``merge_rules`` drops those already counted in
section VIII (see its docstring).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.common.durations import (
    find_durations,
    find_ranges,
    find_trigger,
    find_until,
    is_rolling,
)
from extractors.common.guard import guarded
from extractors.common.lists import blocks
from extractors.common.retention_scope import (
    EXCEPTION,
    clean,
    commission_scope,
    complement,
    duration_scope,
    subject,
)
from extractors.common.text import fold, sentence_spans, strip_final_period
from extractors.common.wordre import word_re
from models.enums import RetentionAction, SetBy
from models.records import Extraction, RetentionRule

#: (folded pattern, action, is_verb). Verbs take their subject as scope; nouns
#: ("durée de conservation des X", "la suppression des X") their complement, and only
#: count when the sentence has no verb.
MARKERS: tuple[tuple[str, RetentionAction, bool], ...] = (
    (r"\b(?:conserve|garde|stocke)e?s?\b", RetentionAction.RETAIN, True),
    (r"\banonymise(?:e|es|s)?\b", RetentionAction.ANONYMISE, True),
    (r"\b(?:supprime|purge|efface|elimine)e?s?\b|\bdetruite?s?\b", RetentionAction.DELETE, True),
    (r"(?<!en )\barchive(?:e|es|s)?\b|\bpolitique d'archivage\b", RetentionAction.ARCHIVE, True),
    (r"\ben archives?\b", RetentionAction.ARCHIVE, True),  # "puis 5 ans en archive"
    (r"\b(?:duree|delai)s? (?:de |d')conservation\b", RetentionAction.RETAIN, False),
    (r"\banonymisation\b", RetentionAction.ANONYMISE, False),
    (r"\b(?:suppression|effacement|destruction)\b", RetentionAction.DELETE, False),
    (r"(?<!politique d')\barchivage\b", RetentionAction.ARCHIVE, False),
)
_MARKERS = tuple((word_re(p), a, v) for p, a, v in MARKERS)

COMMISSION = re.compile(
    r"\b(?:la commission|la ccin|l'autorite|l'apdp)\b|(?:^|[,;]\s*|\bet\s+)elle\s"
)
#: What the Commission does when it sets a duration itself.
FIX_VERB = word_re(
    r"\b(?:fixe|fixee|fixer|ramene|ramenee|reduit|reduite|limite|limitee|demande|recommande|exige|requiert|preconise)\b"
)
#: The Commission reports what the controller said (the rule stays the controller's).
REPORTS = re.compile(r"\s*(?:\w+\s+){0,2}?(?:releve|note|constate|prend acte de ce|observe)\s+qu")
_PRONOUN_SCOPE = word_re(
    r"\b(?:leur|leurs|cette|ces|sa|son|la|les)\s+(?:duree|delai)s?\b|\bla fixe\b|\bles fixe\b"
)
_BACK_BOUNDARY = re.compile(r"\bpuis\b|[,;]|\bet\b")


@dataclass(frozen=True, slots=True)
class _Marker:
    start: int
    end: int
    action: RetentionAction
    verb: bool


@guarded("retention")
def extract(text: str, out: Extraction) -> None:
    """Retention rules of section VIII (offsets relative to ``text``)."""
    for rule in _rules(text):
        out.add("retention_rules", rule)


def extract_closing(text: str) -> list[RetentionRule]:
    """Durations the Commission fixes in the closing part ("Fixe … la durée …")."""
    rules: list[RetentionRule] = []
    try:
        for start, end in sentence_spans(text):
            if FIX_VERB.search(fold(text[start:end])):
                rules.extend(_commission_rules(text, start, end, rules))
    except Exception:  # pure helper: odd input gives no rule
        return rules
    return rules


def merge_rules(
    section_rules: list[RetentionRule], closing_rules: list[RetentionRule]
) -> list[RetentionRule]:
    """Section VIII's rules, then the closing part's rules that VIII does not already hold.

    The closing part usually repeats what the Commission fixed in section VIII ("Fixe
    de 3 mois minimum à un an maximum la durée de conservation des informations
    temporelles", 2022-62). A closing rule is dropped when a ``commission`` rule of VIII
    has the same duration, bounds and trigger and a similar scope (half the content
    words shared, or one scope unknown), so each fixed duration is counted once. The
    controller's rules are never dropped: both the stated and the fixed duration stay.
    """
    kept = list(section_rules)
    for rule in closing_rules:
        if not any(_same_fix(rule, other) for other in section_rules):
            kept.append(rule)
    return kept


def _same_fix(a: RetentionRule, b: RetentionRule) -> bool:
    if b.set_by != SetBy.COMMISSION:
        return False
    if (a.duration, a.duration_min, a.duration_max, _fold(a.trigger)) != (
        b.duration,
        b.duration_min,
        b.duration_max,
        _fold(b.trigger),
    ):
        return False
    wa, wb = _words(a.data_scope), _words(b.data_scope)
    return not wa or not wb or len(wa & wb) >= 0.5 * min(len(wa), len(wb))


def _fold(value: str | None) -> str | None:
    return fold(value) if value else None


_STOP = {"les", "des", "aux", "relative", "relatives", "informations", "donnees", "concernant"}


def _words(scope: str | None) -> set[str]:
    if not scope:
        return set()
    return {w for w in re.findall(r"[a-z]{3,}", fold(scope)) if w not in _STOP}


# ---------------------------------------------------------------- section VIII


def _rules(text: str) -> list[RetentionRule]:
    rules: list[RetentionRule] = []
    all_blocks = blocks(text)
    for block in all_blocks:
        intro = all_blocks[block.intro_index].text if block.intro_index is not None else ""
        for start, end in sentence_spans(text, block.start, block.end):
            f = fold(text[start:end])
            who = COMMISSION.search(f)
            markers = _markers(f, start)
            if who and (not markers or who.start() + start < markers[0].start):
                if FIX_VERB.search(f):
                    rules.extend(_commission_rules(text, start, end, rules))
                elif REPORTS.match(
                    f, who.end()
                ):  # "la Commission relève que les X sont conservés …"
                    rules.extend(_controller_rules(text, start, end, markers))
                continue
            if not markers and block.kind == "item":
                rules.extend(_bare_item_rule(text, start, end, intro))
                continue
            rules.extend(_controller_rules(text, start, end, markers))
    return rules


def _markers(folded: str, offset: int) -> list[_Marker]:
    found = [
        _Marker(m.start() + offset, m.end() + offset, a, v)
        for rx, a, v in _MARKERS
        for m in rx.finditer(folded)
    ]
    verbs = [m for m in found if m.verb]
    chosen = verbs or found
    return sorted(chosen, key=lambda m: m.start)


def _controller_rules(
    text: str, start: int, end: int, markers: list[_Marker]
) -> list[RetentionRule]:
    out: list[RetentionRule] = []
    scope: str | None = None
    raw = text[start:end]
    segments = [
        [mk.end, markers[i + 1].start if i + 1 < len(markers) else end]
        for i, mk in enumerate(markers)
    ]
    for i, mk in enumerate(markers):
        if fold(text[mk.start : mk.end]).startswith("en "):
            region_start = markers[i - 1].end if i else start
            cuts = list(_BACK_BOUNDARY.finditer(fold(text[region_start : mk.start])))
            cut_start, cut_end = (cuts[-1].start(), cuts[-1].end()) if cuts else (0, 0)
            segments[i] = [region_start + cut_end, mk.start]
            if i:
                segments[i - 1][1] = region_start + cut_start
    for i, mk in enumerate(markers):
        seg_start, seg_end = segments[i]
        new_scope = (
            subject(text, markers[i - 1].end if i else start, mk.start)
            if mk.verb
            else complement(text, mk.end, seg_end)
        )
        scope = new_scope or scope
        exc = EXCEPTION.search(fold(text[seg_start:seg_end]))
        if exc:
            seg_end = seg_start + exc.start()
        out.extend(
            _build(text, seg_start, seg_end, scope, mk.action, SetBy.CONTROLLER, raw, start, end)
        )
    return out


def _bare_item_rule(text: str, start: int, end: int, intro: str) -> list[RetentionRule]:
    """ "- identité : 5 ans après le départ ;" under "… sont conservées comme suit :"."""
    intro_markers = _markers(fold(intro), 0)
    f_intro = fold(intro)
    if not intro_markers and not re.search(r"conserv|duree|delai", f_intro):
        return []
    action = intro_markers[0].action if intro_markers else RetentionAction.RETAIN
    item = text[start:end]
    colon = item.find(":")
    if colon > 0:
        scope, seg_start = clean(item[:colon]), start + colon + 1
    else:
        first = find_durations(item)
        scope = clean(item[: first[0].start]) if first else None
        seg_start = start + (first[0].start if first else 0)
    return _build(text, seg_start, end, scope, action, SetBy.CONTROLLER, item, start, end)


def _build(
    text: str,
    seg_start: int,
    seg_end: int,
    scope: str | None,
    action: RetentionAction,
    set_by: SetBy,
    raw: str,
    start: int,
    end: int,
) -> list[RetentionRule]:
    seg = text[seg_start:seg_end]
    ranges = find_ranges(seg)
    durations = [
        d for d in find_durations(seg) if not any(r.start <= d.start < r.end for r in ranges)
    ]
    trigger = find_trigger(seg)
    until = find_until(seg) if not durations and not ranges else None
    if trigger and until and fold(until).startswith("jusqu"):
        until = None if durations else until
    rolling = is_rolling(seg)
    base = {
        "data_scope": scope,
        "action": action.value,
        "trigger": trigger,
        "until": until,
        "rolling": rolling,
    }
    common = {"set_by": set_by, "raw": strip_final_period(raw), "start": start, "end": end}
    out: list[RetentionRule] = []
    for r in ranges:
        out.append(
            RetentionRule(duration=None, duration_min=r.min, duration_max=r.max, **base, **common)
        )
    for i, d in enumerate(durations):
        fields = dict(base)
        if len(durations) > 1:  # each duration has its own group and event
            prev_end = durations[i - 1].end if i else None
            nxt = durations[i + 1].start if i + 1 < len(durations) else len(seg)
            own = seg[d.start if i else 0 : nxt]
            fields["data_scope"] = duration_scope(seg, prev_end, d.start, d.end) or scope
            fields["trigger"], fields["rolling"] = find_trigger(own), is_rolling(own)
        out.append(
            RetentionRule(duration=d.iso, duration_min=None, duration_max=None, **fields, **common)
        )
    if not out and (trigger or until or action == RetentionAction.ARCHIVE):
        out.append(
            RetentionRule(duration=None, duration_min=None, duration_max=None, **base, **common)
        )
    return out


# ------------------------------------------------------------------ Commission


def _commission_rules(
    text: str, start: int, end: int, before: list[RetentionRule]
) -> list[RetentionRule]:
    sentence = text[start:end]
    f = fold(sentence)
    fix = FIX_VERB.search(f)
    if not fix:
        return []
    seg_start = start + fix.start()
    markers = [m for m in _markers(f[fix.end() :], seg_start + fix.end() - fix.start()) if m.verb]
    action = markers[0].action if markers else RetentionAction.RETAIN
    scope = commission_scope(sentence, f, fix.end())
    if scope is None and markers:  # "demande que les images soient conservées …"
        scope = subject(text, start + fix.end(), markers[0].start)
    if scope is None and before and _PRONOUN_SCOPE.search(f):
        scope = before[-1].data_scope
    rules = _build(text, seg_start, end, scope, action, SetBy.COMMISSION, sentence, start, end)
    return [r for r in rules if r.duration or r.duration_min or r.duration_max]
