"""Which information a retention rule covers (``data_scope``), read from section VIII.

Pure helpers for ``extractors.retention_rules``: the subject of a retention verb ("les logs
système sont supprimés" → "les logs système"), the antecedent of "qui", the topic ("en
ce qui concerne X, les données sont …" → X), the complement of a noun ("la durée de
conservation des logins" → "logins"), the group after a duration ("6 mois pour les
visiteurs") or before it in an ellipsis ("… 1 an et les logs 6 mois" → "les logs").
"""

from __future__ import annotations

import re

from extractors.common.durations import find_durations, find_ranges
from extractors.common.text import fold, strip_final_period
from extractors.common.wordre import word_re

_AUX = word_re(
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
EXCEPTION = word_re(
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
_FOR_SCOPE = re.compile(
    r"^\s*(?:pour|concernant|s'agissant d(?:es|u|e la|e l'))\s+(?P<np>[^,;.]+?)(?=\s+et\s|[,;.]|$)"
)
#: "conservées 1 an et les logs 6 mois": the group elided before a second duration.
_ELIDED = re.compile(
    r"(?:^|,|\bet|\bpuis)\s+(?P<np>(?:les|le|la|l'|ceux|celles)\b[^,;.]*?)(?:\s+(?:pendant|durant))?\s*$"
)
_NOT_GROUP = re.compile(
    r"^(?:la|le|les|l')\s*(?:duree|delai|periode)|\b(?:etant|est|sont|sera|seront|portee?s?|ramenee?s?)\b"
)
_DUREE = word_re(
    r"\b(?:duree|delai)s? (?:de |d')conservation\s+(?:(?:s'agissant|concernant|applicable)\s+)?(?:des\s|du\s|de la\s|de l'|d'|aux\s|au\s)"
)
#: Where the complement of "la durée de conservation des X" ends when no duration follows.
_SCOPE_VERB = re.compile(
    r"\s(?:ne|n'|est|sont|doit|doivent|devrait|devraient|apparait|parait|semble|lui|leur|excede|prevue?s?|envisagee?s?)\b"
)
_COMMISSION_TOPIC = re.compile(
    r"^(?:[^,]*?,\s*)?(?:en ce qui concerne|s'agissant|concernant|pour ce qui concerne|quant)\s+(?:(?:a|aux|au)\s+)?"
    r"(?:des\s|du\s|de la\s|de l'|d'|de\s)?(?P<np>.+?),\s*(?:la commission|elle|la ccin)\b"
)


def clean(phrase: str) -> str | None:
    """Without leading connectives ("Par ailleurs, …"), edge punctuation and final period."""
    f = fold(phrase)
    m = _CONNECTIVES.match(f)
    phrase = phrase[m.end() :] if m else phrase
    phrase = strip_final_period(phrase.strip(" ,;:-"))
    return phrase or None


def subject(text: str, region_start: int, verb_start: int) -> str | None:
    """The subject of the retention verb at ``verb_start`` ("les X sont conservés")."""
    region = fold(text[region_start:verb_start])
    aux = _AUX.search(region)
    if not aux:
        return None
    head_end = region_start + aux.start()
    head = fold(text[region_start:head_end])
    if re.search(r"\bqui\s*$", head):
        cut = None
        for m in EXCEPTION.finditer(head):
            cut = m.end()
        if cut is None:
            cut = head.rfind(",") + 1
        return clean(text[region_start + cut : head_end].rstrip()[:-3])
    cut = 0
    for m in _BOUNDARY.finditer(head):
        cut = m.end()
    return _topic_or_subject(text[region_start + cut : head_end])


def _topic_or_subject(phrase: str) -> str | None:
    phrase = clean(phrase) or ""
    f = fold(phrase)
    topic = _TOPIC.match(f)
    if topic:
        generic = _GENERIC_SUBJECT.search(f)
        comma = f.rfind(",")
        if generic:
            return clean(phrase[topic.end() : generic.start()])
        if comma > topic.end():
            return clean(phrase[topic.end() : comma])
    return phrase or None


def complement(text: str, noun_end: int, seg_end: int) -> str | None:
    """The complement of a noun marker: "la suppression des X intervient …" → X."""
    tail = text[noun_end:seg_end]
    m = _COMPLEMENT.match(fold(tail))
    if not m:
        return None
    rest = tail[m.end() :]
    stop = re.search(
        r"\s(?:est|sont|sera|seront|intervient|interviendra|a lieu|s'effectue|correspond)\b|[,;:]",
        fold(rest),
    )
    return clean(rest[: stop.start()] if stop else rest)


def duration_scope(seg: str, prev_end: int | None, start: int, end: int) -> str | None:
    """The group one of several durations of a segment is for: "6 mois pour les
    visiteurs" (after it) or "… et les logs 6 mois" (elided before it), else None."""
    own = _FOR_SCOPE.match(fold(seg[end:]))
    if own:
        return seg[end + own.start("np") : end + own.end("np")]
    gap = _ELIDED.search(fold(seg[prev_end:start])) if prev_end is not None else None
    if gap and not _NOT_GROUP.search(gap["np"]):
        return clean(seg[prev_end + gap.start("np") : prev_end + gap.end("np")])
    return None


def commission_scope(sentence: str, f: str, after: int) -> str | None:
    """What the Commission fixes a duration for: "fixe la durée de conservation des X à
    …", "la durée de conservation des X ne saurait excéder … et la fixe à …", "S'agissant
    des X, la Commission …"."""
    m = _DUREE.search(f, after) or _DUREE.search(f)
    if m:
        rest = sentence[m.end() :]
        first = [r.start for r in find_ranges(rest)] + [d.start for d in find_durations(rest)]
        verb = _SCOPE_VERB.search(fold(rest))
        if verb:
            first.append(verb.start())
        cut = min(first) if first and min(first) > 0 else len(rest)
        scope = re.sub(r"\s+(?:a|à|de|d'|pour)$", "", rest[:cut].rstrip(" ,"))
        return clean(scope)
    topic = _COMMISSION_TOPIC.match(f)
    if topic:
        return clean(sentence[topic.start("np") : topic.end("np")])
    return None
