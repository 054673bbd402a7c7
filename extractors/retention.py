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

from extractors.durations import find_durations, find_ranges, find_trigger, find_until, is_rolling
from extractors.guard import guarded
from extractors.lists import blocks
from extractors.text import fold, sentence_spans, strip_final_period
from models.enums import RetentionAction, SetBy, Severity
from models.records import Extraction, Issue, RetentionRule

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
_MARKERS = tuple((re.compile(p), a, v) for p, a, v in MARKERS)

COMMISSION = re.compile(
    r"\b(?:la commission|la ccin|l'autorite|l'apdp)\b|(?:^|[,;]\s*|\bet\s+)elle\s"
)
#: What the Commission does when it sets a duration itself.
FIX_VERB = re.compile(
    r"\b(?:fixe|fixee|fixer|ramene|ramenee|reduit|reduite|limite|limitee|demande|recommande|exige|requiert|preconise)\b"
)
#: The Commission reports what the controller said (the rule stays the controller's).
REPORTS = re.compile(r"\s*(?:\w+\s+){0,2}?(?:releve|note|constate|prend acte de ce|observe)\s+qu")
_AUX = re.compile(
    r"\b(?:sont|est|seront|sera|soient|soit|restent|reste|demeurent|demeure|seraient|serait"
    r"|(?:doivent|devront|peuvent|pourront|doit|devra|peut|pourra) etre|ont ete|a ete"
    r"|repondent|repond|relevent|releve|suivent|suit|font l'objet|fait l'objet|obeissent|obeit)\b"
    r"(?P<gap>(?:\s+(?!qu)[\w',()-]+){0,4}?)\s*$"
)
_BOUNDARY = re.compile(
    r";|:|(?<!ainsi )(?<!tant )(?<!sorte )(?<!alors )\bque\s|(?<!ainsi )(?<!tant )\bqu'|,\s*(?:et|puis|mais)\s|\s(?:puis|tandis que|alors que)\s"
)
_CONNECTIVES = re.compile(
    r"^(?:[\s,;:]|\b(?:et|puis|mais|par ailleurs|enfin|en outre|de plus|ensuite|de meme|toutefois"
    r"|cependant|egalement|aussi|a cet egard|en revanche|au surplus|dans ce cadre|neanmoins|il est precise"
    r"|il est indique)\b)+"
)
_EXCEPTION = re.compile(
    r"\b(?:a l'exception|a l'exclusion|sauf|excepte|hormis)\b\s*(?:des|du|de la|de l'|d')?\s*"
)
_TOPIC = re.compile(
    r"^(?:en ce qui concerne|s'agissant|concernant|pour ce qui concerne|pour ce qui est|quant|pour)\s+"
    r"(?:(?:a|aux|au)\s+)?(?:des\s|du\s|de la\s|de l'|d'|de\s)?\s*"
)
_GENERIC_SUBJECT = re.compile(
    r"(?:,\s*|\s)(?:les|ces|leurs|ses) (?:donnees|informations)\s*$|(?:,\s*|\s)(?:celles-ci|ceux-ci|elles|ils)\s*$"
)
_COMPLEMENT = re.compile(
    r"^\s*(?:s'agissant|concernant|relative)?\s*(?:des\s|du\s|de la\s|de l'|d'|de\s|aux\s|au\s)\s*"
)
_PRONOUN_SCOPE = re.compile(
    r"\b(?:leur|leurs|cette|ces|sa|son|la|les)\s+(?:duree|delai)s?\b|\bla fixe\b|\bles fixe\b"
)
_BACK_BOUNDARY = re.compile(r"\bpuis\b|[,;]|\bet\b")
_FOR_SCOPE = re.compile(
    r"^\s*(?:pour|concernant|s'agissant d(?:es|u|e la|e l'))\s+(?P<np>[^,;.]+?)(?=\s+et\s|[,;.]|$)"
)


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
            _subject(text, markers[i - 1].end if i else start, mk)
            if mk.verb
            else _complement(text, mk, seg_end)
        )
        scope = new_scope or scope
        exc = _EXCEPTION.search(fold(text[seg_start:seg_end]))
        if exc:
            seg_end = seg_start + exc.start()
        out.extend(
            _build(text, seg_start, seg_end, scope, mk.action, SetBy.CONTROLLER, raw, start, end)
        )
    return out


def _subject(text: str, region_start: int, mk: _Marker) -> str | None:
    region = fold(text[region_start : mk.start])
    aux = _AUX.search(region)
    if not aux:
        return None
    head_end = region_start + aux.start()
    head = fold(text[region_start:head_end])
    if re.search(r"\bqui\s*$", head):
        cut = None
        for m in _EXCEPTION.finditer(head):
            cut = m.end()
        if cut is None:
            cut = head.rfind(",") + 1
        return _clean(text[region_start + cut : head_end].rstrip()[:-3])
    cut = 0
    for m in _BOUNDARY.finditer(head):
        cut = m.end()
    return _topic_or_subject(text[region_start + cut : head_end])


def _topic_or_subject(phrase: str) -> str | None:
    phrase = _clean(phrase) or ""
    f = fold(phrase)
    topic = _TOPIC.match(f)
    if topic:
        generic = _GENERIC_SUBJECT.search(f)
        comma = f.rfind(",")
        if generic:
            return _clean(phrase[topic.end() : generic.start()])
        if comma > topic.end():
            return _clean(phrase[topic.end() : comma])
    return phrase or None


def _complement(text: str, mk: _Marker, seg_end: int) -> str | None:
    tail = text[mk.end : seg_end]
    m = _COMPLEMENT.match(fold(tail))
    if not m:
        return None
    rest = tail[m.end() :]
    stop = re.search(
        r"\s(?:est|sont|sera|seront|intervient|interviendra|a lieu|s'effectue|correspond)\b|[,;:]",
        fold(rest),
    )
    return _clean(rest[: stop.start()] if stop else rest)


def _clean(phrase: str) -> str | None:
    f = fold(phrase)
    m = _CONNECTIVES.match(f)
    phrase = phrase[m.end() :] if m else phrase
    phrase = strip_final_period(phrase.strip(" ,;:-"))
    return phrase or None


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
        scope, seg_start = _clean(item[:colon]), start + colon + 1
    else:
        first = find_durations(item)
        scope = _clean(item[: first[0].start]) if first else None
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
    for d in durations:
        own = _FOR_SCOPE.match(fold(seg[d.end :])) if len(durations) > 1 else None
        scope_d = seg[d.end + own.start("np") : d.end + own.end("np")] if own else scope
        fields = {**base, "data_scope": scope_d}
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
    scope = _commission_scope(sentence, f, fix.end())
    if scope is None and before and _PRONOUN_SCOPE.search(f):
        scope = before[-1].data_scope
    rules = _build(text, seg_start, end, scope, action, SetBy.COMMISSION, sentence, start, end)
    return [r for r in rules if r.duration or r.duration_min or r.duration_max]


_DUREE = re.compile(
    r"\b(?:duree|delai)s? (?:de |d')conservation\s+(?:(?:s'agissant|concernant|applicable)\s+)?(?:des\s|du\s|de la\s|de l'|d'|aux\s|au\s)"
)
_COMMISSION_TOPIC = re.compile(
    r"^(?:[^,]*?,\s*)?(?:en ce qui concerne|s'agissant|concernant|pour ce qui concerne|quant)\s+(?:(?:a|aux|au)\s+)?"
    r"(?:des\s|du\s|de la\s|de l'|d'|de\s)?(?P<np>.+?),\s*(?:la commission|elle|la ccin)\b"
)


def _commission_scope(sentence: str, f: str, after: int) -> str | None:
    m = _DUREE.search(f, after)
    if m:
        rest = sentence[m.end() :]
        first = [r.start for r in find_ranges(rest)] + [d.start for d in find_durations(rest)]
        cut = min(first) if first and min(first) > 0 else len(rest)
        scope = re.sub(r"\s+(?:a|à|de|d'|pour)$", "", rest[:cut].rstrip(" ,"))
        return _clean(scope)
    topic = _COMMISSION_TOPIC.match(f)
    if topic:
        return _clean(sentence[topic.start("np") : topic.end("np")])
    return None


def _issue(code: str, message: str) -> Issue:
    return Issue(stage="extract.retention", severity=Severity.WARNING, code=code, message=message)
