"""Section VI "Sur les rapprochements et les interconnexions" → ``interconnections``.

One row per other processing the present one is linked with. A target is a finalité
in guillemets ("avec le traitement « Gestion … »"; "ayant pour finalité respective la
« A », la « B » et la « C »" is three targets) or, without guillemets, its description
("un traitement ayant pour finalité la gestion de la messagerie professionnelle").
``link_type`` is the nearest link word before the target (interconnexion/interconnecté
→ interconnection, rapprochement/rapproché → reconciliation), else the list's intro.
``target_status`` is the status phrase of the target, or the only one of its sentence.

Sentences spoken by the Commission ("la Commission rappelle que tout rapprochement …
ne peut avoir lieu qu'entre des traitements légalement mis en œuvre", "elle demande
que …") and negations ("n'est ni interconnecté ni rapproché") give no row.
"""

from __future__ import annotations

import re

from extractors.common.guard import guarded
from extractors.common.lists import blocks
from extractors.common.text import fold, guillemet_spans, sentence_spans, strip_guillemets
from extractors.common.wordre import word_re
from extractors.vocab.speakers import COMMISSION
from models.enums import LinkType, TargetStatus
from models.records import Extraction, Interconnection

LINK_WORDS: tuple[tuple[str, LinkType], ...] = (
    (r"\binterconnexions?\b|\binterconnecte(?:e|es|s)?\b|\binterconnect", LinkType.INTERCONNECTION),
    (r"\brapprochements?\b|\brapproche(?:e|es|s)?\b", LinkType.RECONCILIATION),
)
_LINKS = tuple((word_re(p), t) for p, t in LINK_WORDS)

#: Status phrases, most specific first ("non légalement" before "légalement").
STATUSES: tuple[tuple[str, TargetStatus], ...] = (
    (
        r"\b(?:non|pas|ni|pas encore|jamais)\s+(?:encore\s+|ete\s+)?(?:legalement|regulierement|dument)\s+mis\w*\s+(?:en|a)\s+(?:oe|œ)uvre"
        r"|\bdevra(?:it)?\s+etre\s+(?:prealablement\s+)?soumis|\bsera\s+(?:prochainement\s+)?soumis|\ba\s+soumettre\b"
        r"|\b(?:non|pas)\s+(?:encore\s+)?(?:ete\s+)?soumis"
        r"|\baucune\s+formalite|\bsans\s+(?:aucune\s+)?formalite|\bn'a\s+(?:jamais\s+|pas\s+)?ete\s+declare",
        TargetStatus.NOT_LEGALLY_IMPLEMENTED,
    ),
    (
        r"\bconcomitamment\b|\bsimultanement\s+soumis|\bsoumis\w*\s+simultanement",
        TargetStatus.SUBMITTED_CONCURRENTLY,
    ),
    (
        r"\ben cours d'(?:analyse|examen|instruction|etude)\b|\ben cours de (?:traitement|validation)\b"
        r"|\b(?:analyse|examen|instruction|etude)\s+(?:\w+\s+){0,2}?(?:est|sont)\s+(?:actuellement\s+)?en\s+cours\b",
        TargetStatus.UNDER_REVIEW,
    ),
    (
        r"\b(?:legalement|regulierement|dument)\s+mis\w*\s+(?:en|a)\s+(?:oe|œ)uvre"
        r"|\b(?:ayant|qui a|a)\s+(?:deja\s+)?(?:recu|obtenu|fait l'objet d')\s*un\s+avis\s+favorable",
        TargetStatus.LEGALLY_IMPLEMENTED,
    ),
)
_STATUSES = tuple((word_re(p), s) for p, s in STATUSES)

#: The Commission as the speaker, not as a complement ("en cours d'analyse par la CCIN").
_COMMISSION = COMMISSION  # who speaks for the Commission (extractors.vocab.speakers)
_NEGATION = word_re(
    r"\baucune?\s+(?:interconnexion|rapprochement)|\bn'est\s+(?:ni|pas)\s+(?:interconnecte|rapproche)"
    r"|\bne fait (?:l'objet )?d'aucun|\bpas d'(?:interconnexion|rapprochement)|\bni\s+(?:interconnecte|rapproche)"
)
#: A described target: "avec un traitement …", "avec tout traitement …", "avec le logiciel …".
_DESCRIBED = word_re(
    r"\b(?:rapprochee?s?|interconnectee?s?)\s+(?:du|des)\s+(?P<np>traitements?\b)"
    r"|\b(?:avec|a)\s+(?P<np>(?:le|les|un|des|tout|tous les|l'ensemble des|d'autres)\s+traitements?\b"
    r"|(?:le|les|un|une|des|l')\s*(?:logiciels?|applications?|progiciels?|bases? de donnees)\b)"
)
#: Only a conjunction between two targets: they form one group.
_COORDINATED = re.compile(r"\s*(?:,|et|ou)?\s*(?:(?:la|le|l'|celui|ceux)\s*)?")
_NP_END = re.compile(
    r"[,;.:]|\s(?:afin|dans le cadre|(?<!ayant )pour|permettant de|de maniere a|et d'une?|et (?:avec|a) )\b"
    r"|\s(?:qui|dont|lequel|laquelle|lesquels|lesquelles)\s"
)


@guarded("interconnections")
def extract(text: str, out: Extraction) -> None:
    """Interconnections of section VI (offsets relative to ``text``); nothing when absent."""
    _read(text, out)


def _read(text: str, out: Extraction) -> None:
    all_blocks = blocks(text)
    for block in all_blocks:
        intro = all_blocks[block.intro_index] if block.intro_index is not None else None
        intro_link = _first_link(fold(intro.text)) if intro else None
        if intro is not None and _COMMISSION.search(fold(intro.text)):
            continue
        if block.is_intro and "«" not in block.text and '"' not in block.text:
            continue  # "… interconnecté avec les traitements ayant pour finalité :": the items say which
        for start, end in sentence_spans(text, block.start, block.end):
            for row in _rows(text, start, end, intro_link if block.kind == "item" else None):
                out.add("interconnections", row)


def _first_link(folded: str) -> LinkType | None:
    hits = [(m.start(), t) for rx, t in _LINKS for m in rx.finditer(folded)]
    return min(hits)[1] if hits else None


def _rows(text: str, start: int, end: int, intro_link: LinkType | None) -> list[Interconnection]:
    sentence = text[start:end]
    f = fold(sentence)
    links = sorted((m.start(), t) for rx, t in _LINKS for m in rx.finditer(f))
    if not links and intro_link is None:
        return []
    who = _COMMISSION.search(f)
    if who and (not links or who.start() < links[0][0]):
        return []  # the Commission reminds or asks; it states no link
    if _NEGATION.search(f):
        return []
    statuses = sorted((m.start(), m.end(), s) for rx, s in _STATUSES for m in rx.finditer(f))
    statuses = _drop_nested(statuses)
    targets = _targets(sentence, f, statuses)
    rows: list[Interconnection] = []
    for i, (t_start, t_end, purpose) in enumerate(targets):
        before = [t for pos, t in links if pos < t_start]
        link = before[-1] if before else (intro_link or (links[0][1] if links else None))
        if link is None:
            continue
        link_pos = max((pos for pos, _ in links if pos < t_start), default=0)
        status = _status_for(statuses, f, targets, i, link_pos)
        rows.append(
            Interconnection(link, purpose, status, sentence, start + t_start, start + t_end)
        )
    return rows


def _drop_nested(
    statuses: list[tuple[int, int, TargetStatus]],
) -> list[tuple[int, int, TargetStatus]]:
    out: list[tuple[int, int, TargetStatus]] = []
    for s in statuses:
        if not any(o[0] <= s[0] and s[1] <= o[1] and o != s for o in statuses):
            out.append(s)
    return out


def _targets(sentence: str, f: str, statuses) -> list[tuple[int, int, str]]:
    quoted = []
    for a, b in guillemet_spans(sentence):
        inner = f[a:b]
        if any(rx.search(inner) for rx, _ in _LINKS) or len(inner) > 300:
            continue  # a quoted statement, not a finalité
        purpose = strip_guillemets(sentence[a:b])
        if purpose:
            quoted.append((a, b, purpose))
    described = []
    link_starts = [m.start() for rx, _ in _LINKS for m in rx.finditer(f)]
    for m in _DESCRIBED.finditer(f):
        a = m.start("np")
        limit = min([p for p in link_starts if p > a] + [len(f)])
        if any(a <= qa < limit for qa, _, _ in quoted) or any(qa <= a < qb for qa, qb, _ in quoted):
            continue  # "avec le traitement, …, ayant pour finalité « X »": the quote is the target
        described.append((a, _np_end(f, a, statuses), None))
    rows = quoted + [(a, b, _describe(sentence, f, a, b, statuses)) for a, b, _ in described]
    return sorted(((a, b, d) for a, b, d in rows if d), key=lambda r: r[0])


def _np_end(f: str, a: int, statuses) -> int:
    pos = a
    while True:
        m = _NP_END.search(f, pos)
        if not m:
            return len(f)
        inside = [s for s in statuses if s[0] <= m.end() + 1 and s[0] >= m.start()]
        if m.group() == "," and inside:
            pos = inside[0][1]  # ", en cours d'analyse …," is skipped, not an end
            tail = re.match(r"[^,;.]*", f[pos:])
            pos += tail.end() if tail else 0
            pos += 1 if f[pos : pos + 1] == "," else 0
            continue
        return m.start()


def _describe(sentence: str, f: str, a: int, b: int, statuses) -> str | None:
    pieces, pos = [], a
    for s_start, s_end, _ in statuses:
        if a <= s_start < b:
            pieces.append(sentence[pos:s_start])
            tail = re.match(r"[^,;.]*", f[s_end:b])
            pos = s_end + (tail.end() if tail else 0)
    pieces.append(sentence[pos:b])
    phrase = re.sub(r"\s*,\s*,?\s*", ", ", "".join(pieces)).strip(" ,;")
    phrase = re.sub(r"\s+,", ",", phrase)
    phrase = re.sub(r"(\btraitements?),\s+", r"\1 ", phrase, count=1)
    if fold(phrase) in {
        "d'autres traitements",
        "les traitements",
        "des traitements",
    } or "suivant" in fold(phrase):
        return None
    return phrase or None


def _status_for(statuses, f: str, targets, i: int, link_pos: int) -> TargetStatus:
    if not statuses:
        return TargetStatus.UNKNOWN
    if len({s for _, _, s in statuses}) == 1 and len(statuses) == 1:
        return statuses[0][2]
    t_start, t_end, _ = targets[i]
    nxt = targets[i + 1][0] if i + 1 < len(targets) else len(f)
    after = [s for a, _, s in statuses if t_end <= a < nxt]
    if after:
        return after[0]
    if nxt < len(f) and _COORDINATED.fullmatch(f[t_end:nxt]):
        # "les traitements « A » et « B », légalement mis en œuvre": A shares B's status
        return _status_for(statuses, f, targets, i + 1, link_pos)
    inside = [s for a, _, s in statuses if t_start <= a < t_end]
    if inside:
        return inside[0]
    before = [s for a, _, s in statuses if link_pos <= a < t_start]
    return before[-1] if before else TargetStatus.UNKNOWN
