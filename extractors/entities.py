"""Named entities of a deliberation: the project's rules, and where the model is worth running.

Pure functions of the normalised document text (no model, no I/O); the statistical model
(spaCy ``fr_core_news_sm``) is run by ``pipeline.build.ner``, which calls these:

- ``rule_entities(text)``: bodies (``ORG``), laws (``LAW``), other deliberations
  (``DELIBERATION``) and software names (``SYSTEM``) from the vocabularies of
  ``extractors.vocab.entities``; they are looked for everywhere, visas included.
- ``model_units(text, sections, rules)``: the spans of text the model is run on. The
  model finds proper names, so it is run only on the sentences that hold a capitalised
  word the rules do not already explain, outside two parts of the document:

  * the **visas** — the same legal boilerplate in every deliberation, whose instruments
    are in the ``citations`` table and are found here by the rules;
  * the **security** section — the same paragraph of recommendations in nearly every
    deliberation ("les ports non utilisés doivent être désactivés …"), with no names.

  A sentence whose only capitals are its first word, the Commission, the State or a name
  the rules matched gives the model nothing to find. Each sentence kept (its *core*) is
  run with ``MARGIN_WORDS`` words of the text around it, the context the model's
  convolutions see when it reads the whole document, so that it finds there what it finds
  in the whole document; entities are kept only when they start in a core.
- ``merge(text, sections, rules, model)``: one list of ``Entity`` rows. Where a rule entity
  and a model entity overlap, **the rule entity wins** and the model's is dropped: the
  rules are precise on what they know (numbers, acronyms, quoted names), where the model
  makes "Vu la loi n° 959" a MISC or "DSN" a LOC.

``section_kind`` is the kind of the section an entity starts in, and ``"title"`` for the
title line (before the first section).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from extractors.common.text import fold, sentence_spans
from extractors.vocab import entities as p
from models.enums import SectionKind
from models.records import Entity, Section

#: Section kinds the model is not run on (see the module doc).
MODEL_SKIPS: frozenset[SectionKind] = frozenset({SectionKind.VISAS, SectionKind.SECURITY})
#: Words of context on each side of a sentence run through the model. The NER's
#: convolutions see four tokens each way; four words proved enough (see ``ccin bench``).
MARGIN_WORDS = 4
TITLE = "title"

#: The folding used before matching (kept as a name: the rule code calls it).
fast_fold = fold


# --- rule patterns ------------------------------------------------------------------
# Python's re scans fast only for a pattern that starts with a literal or a set of
# characters: no pattern here starts with \b or a look-behind; the word boundary before
# a match is checked in ``_starts_word``. Patterns with accents or mixed case are
# matched in a short folded window before a rare anchor ("n°", "«").

_S = r"[^\S\n]"  # a space, not a line break: no entity runs over two paragraphs
_NUMBER = r"\d+(?:[.,/-]\d+)*"
_NUMBERED = re.compile(rf"n{_S}?[°º]{_S}?(?P<number>{_NUMBER})")
_EU_NUMBERED = re.compile(rf"\((?:UE|CE|CEE|ue|ce)\){_S}+(?:n{_S}?[°º]{_S}?)?\d{{2,4}}/\d+")
_LAW_BEFORE = re.compile(rf"(?:{'|'.join(p.LAW_HEADS)}){_S}+$")
_EU_BEFORE = re.compile(rf"(?:reglement|directive){_S}+$")
_DELIBERATION_BEFORE = re.compile(rf"(?:deliberations?|recommandations?|avis){_S}+$")
#: As printed, but for the case after the first letter ("Code de la Mer", "Code de la mer").
_LAW_NAMES = re.compile(
    "|".join(re.escape(n[0]) + "(?i:" + re.escape(n[1:]) + ")" for n in sorted(p.LAW_NAMES, key=len, reverse=True))
)
_ACRONYM = re.compile("(?:" + "|".join(sorted(p.ACRONYMS, key=len, reverse=True)) + ")(?![\\w-])")
_KNOWN = re.compile("(?:" + "|".join(map(re.escape, p.KNOWN_SYSTEMS)) + ")(?![\\w-])")
_NAMES = re.compile("(?:" + "|".join(map(re.escape, p.BODY_NAMES)) + ")(?![\\w-])")
_CAP = r"[A-ZÀ-ÖØ-Þ][\w-]*"
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'][\w-]*"  # capitalised, not an acronym
_LINK = r"(?:de la |de l'|des |du |de |d')"
_SEP = rf"(?:, {_LINK}| (?:(?:et |chargée )?{_LINK}|et |pour (?:la |le |les |l'))?)"
_HEADS = "|".join(p.BODY_HEADS)
# a name runs on until another body's head word ("Inspection du Travail | de la Direction …")
_BODY = re.compile(rf"(?:{_HEADS})(?:{_SEP}(?!(?:{_HEADS})\b){_NAME_WORD})+")
_GUILLEMET = re.compile(r"«")
# places, other names, people by their civility, companies by their form or trade word
_PLACES = re.compile("(?:" + "|".join(map(re.escape, sorted(p.PLACES, key=len, reverse=True))) + ")(?![\\w-])")
#: An address or a named site ("quai Antoine Ier", "Stade Louis II"): found from the
#: capitalised tokens (one scan), the address word checked just before the name.
_ADDRESS_WORDS = frozenset(w.capitalize() for w in p.ADDRESS_WORDS)
_ADDRESS_BEFORE = re.compile(
    "(?<![\\w-])(?<!en )(?<!sur )(?i:" + "|".join(map(re.escape, p.ADDRESS_WORDS)) + ")"
    rf"(?:{_S}+(?:de la|de l'|des|du|de|d'))?{_S}*$"
)
_ADDRESS_TAIL = re.compile(
    rf"(?:{_NAME_WORD}|[A-ZÀ-Þ]\.)(?:{_S}+(?:(?:de la |de l'|des |du |de |d')?{_NAME_WORD}|Ier|Ire|I{{1,3}}|IV|V|VI{{0,3}}"
    rf"|[A-ZÀ-Þ]\.))*"
)
_MISC = re.compile("(?:" + "|".join(map(re.escape, p.MISC_NAMES)) + ")(?![\\w-])")
_PERSON = re.compile(
    "(?:" + "|".join(map(re.escape, p.CIVILITIES)) + rf"){_S}+(?P<name>{_NAME_WORD}(?:[ -]{_NAME_WORD}){{0,3}})"
)
#: A company by its form ("Nordhavn Pharma A/S") or trade word ("Rocher Finance Holding"):
#: the form or word is found first (a literal: fast), the capitalised words before it after.
_COMPANY_FORMS = frozenset(p.COMPANY_FORMS)
_COMPANY_WORDS = frozenset(p.COMPANY_WORDS)
#: Capitalised tokens (a character class first: scanned fast), checked against the sets.
_CAP_TOKEN = re.compile(r"[A-ZÀ-ÖØ-Þ][\w/.&-]*")
_NAME_BEFORE = re.compile(rf"(?:{_CAP}(?:[ -](?:&|de|du|des|d'))?[ -])*{_CAP}[ ,]*$")
_NAME_AFTER = re.compile(rf" {_NAME_WORD}")
#: The Commission's and the Autorité's names, whole even across a line break.
_OWN_NAMES = re.compile(
    r"(?:ommission|OMMISSION)\s+(?:de|DE)\s+[Cc][Oo][Nn][Tt][Rr][ÔôOo][Ll][Ee]\s+(?:des|DES)\s+[Ii]nformations"
    r"\s+[Nn]ominatives|utorit[ée]\s+de\s+[Pp]rotection\s+des\s+[Dd]onn[ée]es\s+[Pp]ersonnelles"
)
#: Other bodies' recommendations by number ("Recommandation n° R (97) 5", "CM/Rec(2010)13").
_COE_RECOMMENDATION = re.compile(
    rf"[Rr]ecommandation{_S}+(?:n{_S}?[°º]{_S}?)?(?:R{_S}?\(\d+\){_S}?\d+|CM/Rec{_S}?\(\d+\){_S}?\d+)"
)
#: "Centre de Gérontologie Clinique Rainier III (CGCR)": an acronym the page defines.
_DEFINED_ACRONYM = re.compile(r"\((?:(?:ci-après|ci-dessous)\s+(?:dénommée?\s+)?(?:la|le|l')?\s*[«\"]?\s*)?(?P<acr>[A-Z][A-Z0-9&]{1,9})\s*[»\"]?\)")
_QUOTED_NAME = re.compile(rf"«{_S}*(?P<name>[^«»\n]{{1,80}}?){_S}*»")
_QUOTE_TRIGGER = re.compile(
    rf"(?:(?:{'|'.join(p.SYSTEM_PARTICIPLES)})|(?:{'|'.join(p.SYSTEM_NOUNS)})"
    rf"(?:{_S}+[a-z][\w'-]*){{0,3}}?){_S}*$"
)
# "le logiciel Xyz": found from the space before a capital (a literal start: fast), the
# trigger word then checked just before it (a pattern that starts with the triggers' first
# letters, common ones, was the slowest of the rules)
_SPACE_CAPITAL = re.compile(r" (?=[A-ZÀ-ÖØ-Þ])")
_BARE_TRIGGER = re.compile(rf"(?<![\w-]){p.SYSTEM_BARE_TRIGGERS}$")
_BARE_NAME = re.compile(rf"{_CAP}(?: (?:{_CAP}|\d[\w.]*)){{0,3}}")
_WINDOW = 60


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    label: str


def _starts_word(text: str, i: int) -> bool:
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_-")


def _ends_word(text: str, j: int) -> bool:
    return j == len(text) or not (text[j].isalnum() or text[j] in "_-")


def _before(text: str, i: int, pattern: re.Pattern[str]) -> int | None:
    """Where ``pattern`` (anchored at $) starts in the folded window ending at ``i``."""
    lo = max(0, i - _WINDOW)
    m = pattern.search(fast_fold(text[lo:i]))
    if m is None or not _starts_word(text, lo + m.start()):
        return None
    return lo + m.start()


def _numbered(text: str) -> Iterable[Span]:
    """Laws and deliberations by number: the words before "n° …" say which."""
    for m in _NUMBERED.finditer(text):
        if not _starts_word(text, m.start()):
            continue
        start = _before(text, m.start(), _DELIBERATION_BEFORE)
        if start is not None and re.fullmatch(r"\d{2,4}-\d+", m["number"]):
            yield Span(start, m.end(), "DELIBERATION")
            continue
        start = _before(text, m.start(), _LAW_BEFORE)
        if start is not None:
            yield Span(start, m.end(), "LAW")
    for m in _EU_NUMBERED.finditer(text):
        start = _before(text, m.start(), _EU_BEFORE)
        if start is not None:
            yield Span(start, m.end(), "LAW")


_BODY_NAMED = re.compile(
    r"\b(?:etablissement|association|fondation|societe|service|direction|commission|comite|office|centre"
    r"|institut|musee|conseil|groupement|organisme|entite|entreprise|club|federation|syndicat|agence)\b"
    r"[^«»]{0,30}(?:denommee?|appelee?|intitulee?|nommee?)\s*$"
)


def _system_names(text: str) -> Iterable[Span]:
    for m in _GUILLEMET.finditer(text):
        q = _QUOTED_NAME.match(text, m.start())
        if q is None or _before(text, m.start(), _QUOTE_TRIGGER) is None:
            continue
        name = q["name"]
        if len(name.split()) <= 6 and re.search(r"[A-Z0-9À-Þ]", name):
            # "l'établissement public dénommé « Nouveau Musée National »": a body, not a system
            body = _BODY_NAMED.search(fast_fold(text[max(0, m.start() - 60) : m.start()]))
            yield Span(q.start("name"), q.end("name"), "ORG" if body else "SYSTEM")
    after = 0
    for m in _SPACE_CAPITAL.finditer(text):
        i = m.start()
        if i < after or not _BARE_TRIGGER.search(text, max(0, i - 12), i):
            continue
        name = _BARE_NAME.match(text, i + 1)
        if name is not None:
            after = name.end()
            if not _ACRONYM.fullmatch(name[0]):
                yield Span(name.start(), name.end(), "SYSTEM")


def _raw_rule_spans(text: str) -> Iterable[Span]:
    for m in _KNOWN.finditer(text):  # first: a product's name beats a company's
        if _starts_word(text, m.start()):
            yield Span(m.start(), m.end(), "SYSTEM")
    yield from _numbered(text)
    for label, pattern in (
        ("LAW", _LAW_NAMES),
        ("LAW", _COE_RECOMMENDATION),
        ("ORG", _BODY),
        ("ORG", _ACRONYM),
        ("ORG", _NAMES),
        ("LOC", _PLACES),
        ("MISC", _MISC),
    ):
        for m in pattern.finditer(text):
            if _starts_word(text, m.start()) and (
                m.end() == len(text) or not text[m.end()].isalnum()
            ):
                yield Span(m.start(), m.end(), label)
    yield from _companies(text)
    for m in _FORM_FIRST.finditer(text):  # "la SAM Méditerranée Ingénierie"
        if _starts_word(text, m.start()):
            yield Span(m.start(), m.end(), "ORG")
    yield from _addresses(text)
    for m in _OWN_NAMES.finditer(text):  # the literal after the capital is searched: fast
        if m.start() and text[m.start() - 1] in "CcAa" and _starts_word(text, m.start() - 1):
            yield Span(m.start() - 1, m.end(), "ORG")
    for m in _PERSON.finditer(text):
        if _starts_word(text, m.start()):
            yield Span(m.start("name"), m.end("name"), "PER")
    systems = list(_system_names(text))
    yield from systems
    yield from _led_companies(text)  # after the systems: "l'éditeur de la solution X" is X
    yield from _defined_here(text, systems)


def _addresses(text: str) -> Iterable[Span]:
    """A place by its address word and the capitalised name after it."""
    for m in _CAP_TOKEN.finditer(text):
        if m.group() in _ADDRESS_WORDS and _starts_word(text, m.start()):
            word_start = m.start()  # "Stade Louis II": the word capitalised
            tail = _ADDRESS_TAIL.match(text, _skip_link(text, m.end()))
        else:
            before = _ADDRESS_BEFORE.search(text, max(0, m.start() - 24), m.start())
            if before is None:
                continue
            word_start = before.start()
            tail = _ADDRESS_TAIL.match(text, m.start())
        if tail is not None:
            yield Span(word_start, tail.end(), "LOC")


_LINK_AFTER = re.compile(rf"{_S}+(?:(?:de la|de l'|des|du|de|d'){_S}*)?")


def _skip_link(text: str, i: int) -> int:
    m = _LINK_AFTER.match(text, i)
    return m.end() if m else i


#: "édité par la société Genetec", "le prestataire de paiement en ligne Lyra Network": a
#: company named after the word that says it is one (up to four lower-case words between).
_COMPANY_LEAD = re.compile(
    "(?<![\\w-])(?i:" + "|".join(map(re.escape, p.COMPANY_LEADS)) + ")"
    rf"(?:{_S}+(?:de|d'|du|des|en|à)?{_S}*[a-zà-ÿ][\w'-]*){{0,4}}?{_S}+$"
)
_PLACE_BEFORE = re.compile(rf"(?<![\w-])(?:à|en|au|aux|dans|sur|vers|depuis){_S}+$")
_LEAD_LITERALS = tuple(lead[:6] for lead in p.COMPANY_LEADS)
_COMPANY_TAIL = re.compile(rf"{_CAP}(?:{_S}+(?:&{_S}+)?{_CAP})*")


def _led_companies(text: str) -> Iterable[Span]:
    """A company by the word before its name ("la société Genetec")."""
    for m in _CAP_TOKEN.finditer(text):
        if not _starts_word(text, m.start()) or m.group() in _NOT_NAMES:
            continue
        window = text[max(0, m.start() - 60) : m.start()].lower()
        if not any(lead in window for lead in _LEAD_LITERALS):  # a literal first: fast
            continue
        if _COMPANY_LEAD.search(text, max(0, m.start() - 60), m.start()) is None:
            continue
        if _PLACE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "un laboratoire établi à Copenhague": a place
        tail = _COMPANY_TAIL.match(text, m.start())
        if tail is not None:
            end = tail.end()
            form = _CAP_TOKEN.match(text, end + 1) if text[end : end + 1] == " " else None
            if form is not None and form.group().rstrip(".") in _COMPANY_FORMS | {"Inc", "Ltd"}:
                end = form.end()
            yield Span(m.start(), end, "ORG")


def _companies(text: str) -> Iterable[Span]:
    """A company by its form ("Nordhavn Pharma A/S") or trade word ("Rocher Finance Holding")."""
    for m in _CAP_TOKEN.finditer(text):
        token = m.group()
        is_form = token in _COMPANY_FORMS or token.rstrip(".") in _COMPANY_FORMS
        if not (is_form or token in _COMPANY_WORDS) or not _starts_word(text, m.start()):
            continue
        if text[m.start() - 1 : m.start()] not in (" ", ","):
            continue
        lo = max(0, m.start() - 80)
        before = _NAME_BEFORE.search(text, lo, m.start())
        if before is None or not _starts_word(text, before.start()):
            continue
        end = m.start() + len(token.rstrip(".")) if not is_form else m.end()
        if not is_form:
            words = len(text[before.start() : m.start()].split())
            if not 1 <= words <= 3:
                continue
            after = _NAME_AFTER.match(text, end)  # "Rocher Finance Holding SA"
            end = after.end() if after else end
        yield Span(before.start(), end, "ORG")


def _defined_here(text: str, systems: list[Span]) -> Iterable[Span]:
    """Names the page itself defines, at every occurrence: an acronym given in brackets
    after a name ("… Rainier III (CGCR)"), a tool or a body named in « » ("dénommé
    « Medtrav »", "établissement public dénommé « Nouveau Musée National »")."""
    names: dict[str, str] = {}
    for m in _DEFINED_ACRONYM.finditer(text):
        acr = m["acr"]
        if acr not in p.TECHNICAL_ACRONYMS and not _ROMAN.match(acr):
            names.setdefault(acr, "ORG")
    for s in systems:
        name = text[s.start : s.end].strip()
        if len(name) >= 3 and "\n" not in name:
            names.setdefault(name, s.label)
    if not names:
        return
    every = re.compile(
        "(?<![\\w-])(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + ")(?![\\w-])"
    )
    for m in every.finditer(text):
        yield Span(m.start(), m.end(), names[m.group()])


def _non_overlapping(spans: Iterable[Span]) -> list[Span]:
    """Longest first, then leftmost: the spans that overlap no longer one."""
    chosen: list[Span] = []
    taken: list[tuple[int, int]] = []
    for s in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        i = bisect.bisect_left(taken, (s.start, s.start))
        if (i > 0 and taken[i - 1][1] > s.start) or (i < len(taken) and taken[i][0] < s.end):
            continue
        taken.insert(i, (s.start, s.end))
        chosen.append(s)
    return sorted(chosen, key=lambda s: s.start)


def rule_entities(text: str) -> list[Span]:
    """The rule entities of a document, in order, none overlapping another."""
    try:
        return _with_their_bodies(text, _non_overlapping(s for s in _raw_rule_spans(text) if s.end > s.start))
    except Exception:  # a pattern bug must never lose the document
        return []


#: A company whose legal form comes first ("SAM Méditerranée Ingénierie", "SARL Azur Taxis").
_FORM_FIRST = re.compile(
    r"(?:S\.A\.M\.|SAM|SARL|S\.A\.R\.L\.|SCS|SNC|SCI)[ \u00a0]+[A-ZÀ-ÖØ-Þ][\w'&-]*(?:[ \u00a0]+(?:&[ \u00a0]+)?[A-ZÀ-ÖØ-Þ][\w'&-]*){0,4}"
)
_OF = re.compile(r"\s+(?:du|de\s+la|de\s+l'|des)\s*")


def _with_their_bodies(text: str, spans: list[Span]) -> list[Span]:
    """A law's name takes the body that issued it ("Convention n° 108 du Conseil de
    l'Europe", "Recommandation … du Comité des Ministres du Conseil de l'Europe"): the whole
    name is one entity, as a place inside a body's name is part of that name."""
    out: list[Span] = []
    for s in spans:
        last = out[-1] if out else None
        if last is not None and last.label == "LAW" and s.label == "ORG" and _OF.fullmatch(text, last.end, s.start):
            out[-1] = Span(last.start, s.end, "LAW")
        else:
            out.append(s)
    return out


# --- where the model runs -----------------------------------------------------------

#: Where a sentence ends for the model: a line break, or . ! ? before a capital, also
#: behind an opening guillemet or parenthesis, not after an initial. Not the rules'
#: ``SENTENCE_END``: these sentences make the model's units, which are the NER cache's keys
#: and what ``ccin bench`` compares with the naive loop; cutting them otherwise would run
#: the model again on every cached page and change its entities.
MODEL_SENTENCE_END = re.compile(r"\n|[.!?](?<!\b[A-Z]\.)(\s+)(?=[«(\"]?\s*[A-ZÀ-Þ])")
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_OPENERS = re.compile(r"(?:[\s\-–—•>*«(\"]|o(?=\s))*(?:\d+[.)]\s*)?")
_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-Þ][^\W_]*(?:-[^\W_]+)*")
_NOT_NAMES = (
    p.GENERIC_CAPITALS | p.TECHNICAL_ACRONYMS | {*p.BODY_HEADS, *(h + "s" for h in p.BODY_HEADS)}
)
_ROMAN = re.compile(r"^[IVXLC]+$")
_AFTER_OPENING = re.compile(r"(?:[«(:;\"]|[.!?])\s*$")


@dataclass(frozen=True, slots=True)
class Unit:
    """A stretch of text to run the model on, and the cores whose entities count."""

    start: int
    end: int
    cores: tuple[tuple[int, int], ...]


def _has_candidate(text: str, start: int, end: int, rules: Sequence[Span], ri: int) -> bool:
    """Does the sentence hold a capitalised word that is not its opener nor explained?"""
    opener = _OPENERS.match(text, start, end)
    first = _WORD.match(text, opener.end() if opener else start, end)
    pos = first.end() if first else start
    for m in _CAPITALISED.finditer(text, pos, end):
        word, at = m[0], m.start()
        if len(word) < 2 or word in _NOT_NAMES or _ROMAN.match(word):
            continue
        if not _starts_word(text, at) or _AFTER_OPENING.search(text, max(start, at - 3), at):
            continue
        while ri < len(rules) and rules[ri].end <= at:
            ri += 1
        if ri < len(rules) and rules[ri].start <= at < rules[ri].end:
            continue
        return True
    return False


def model_cores(
    text: str, sections: Sequence[Section], rules: Sequence[Span]
) -> list[tuple[int, int]]:
    """The sentences the model is run on (see the module doc), in order."""
    regions: list[tuple[int, int]] = []
    first = sections[0].start if sections else len(text)
    if first > 0:
        regions.append((0, first))  # the title
    regions += [(s.start, s.end) for s in sections if s.kind not in MODEL_SKIPS]
    starts = [r.start for r in rules]
    cores = []
    for a, b in regions:
        for s, e in sentence_spans(text, a, b, ends=MODEL_SENTENCE_END):
            if _has_candidate(text, s, e, rules, max(0, bisect.bisect_left(starts, s) - 1)):
                cores.append((s, e))
    return cores


def _extend(text: str, start: int, end: int, words: int) -> tuple[int, int]:
    """[start, end) widened by ``words`` whitespace-separated words on each side."""
    left = start
    for _ in range(words):
        i = left
        while i > 0 and text[i - 1].isspace():
            i -= 1
        j = max(text.rfind(" ", 0, i), text.rfind("\n", 0, i)) + 1
        if i == 0 or j >= left:
            break
        left = j
    right = end
    n = len(text)
    for _ in range(words):
        i = right
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            break
        sp, nl = text.find(" ", i), text.find("\n", i)
        ends = [x for x in (sp, nl) if x != -1]
        right = min(ends) if ends else n
    return left, right


def model_units(
    text: str, sections: Sequence[Section], rules: Sequence[Span], margin: int = MARGIN_WORDS
) -> list[Unit]:
    """The cores with their margins, units that touch merged into one."""
    units: list[Unit] = []
    for a, b in model_cores(text, sections, rules):
        left, right = _extend(text, a, b, margin)
        if units and left <= units[-1].end:
            last = units.pop()
            units.append(Unit(last.start, max(right, last.end), (*last.cores, (a, b))))
        else:
            units.append(Unit(left, right, ((a, b),)))
    return units


# --- the rows -------------------------------------------------------------------------


def section_kind_at(
    sections: Sequence[Section], offset: int, starts: Sequence[int] | None = None
) -> str | None:
    """The kind of the section ``offset`` falls in (``starts``: the sections' starts)."""
    if not sections or offset < sections[0].start:
        return TITLE
    if starts is None:
        starts = [s.start for s in sections]
    i = bisect.bisect_right(starts, offset) - 1
    s = sections[i]
    return str(s.kind) if offset < s.end or i == len(sections) - 1 else None


#: What the model takes for a name and the contract does not (schema.md, entities): roles
#: and offices, documents of the controller, words of a heading.
_ROLE = re.compile(
    r"^(?:Ministre|Président|Présidente|Directeur|Directrice|Maire|Secrétaire|Chef|Responsable|Délégué"
    r"|Déléguée|Conseiller|Conseillère|Procureur|Administrateur|Administratrice|Data Protection Officer"
    r"|Commissaire|Gestionnaire|Utilisateur|Utilisatrice|Agent)\b"
)
_DOCUMENT = re.compile(r"^(?:Politique|Charte|Chartes|Règlement|Règlements|Procédure|Plan|Guide|Note)\b")
_CONNECTOR = re.compile(r"^(?:de|du|des|d'|la|le|les|l'|et|en|à|au|aux|pour|sur|par)$")
_LEADING_ARTICLE = re.compile(r"^(?:la|le|les|l')\s*")


def _model_span(text: str, s: Span) -> Span | None:
    """A model entity as the contract counts it, or None (see ``_ROLE``, ``_DOCUMENT``): no
    leading article, never ending on a preposition or article, not a heading word, a
    finalité phrase, a role, a technical token or a common noun the page also writes in
    lower case ("la Banque" where the page says "la banque")."""
    start, end = s.start, s.end
    lead = _LEADING_ARTICLE.match(text, start, end)
    if lead:
        start = lead.end()
    words = text[start:end].split()
    if len(words) > 2 and sum(w[:1].isupper() for w in words) == 1 and words[0] not in p.BODY_HEADS:
        return None  # "Gestion des horaires des agents": a finalité phrase
    while words and (_CONNECTOR.match(words[-1]) or words[-1].islower()):
        words.pop()
    if not words:
        return None
    end = start + len(" ".join(words)) if text[start:end].startswith(" ".join(words)) else end
    name = text[start:end].strip(" ,;:.")
    if len(name) < 2 or "\n" in name or _ROMAN.match(name) or any(_ROMAN.fullmatch(w) for w in words[1:]):
        return None
    if name.isupper() and (len(name) > 6 or name in _NOT_NAMES):
        return None  # "TRAITEMENT" (a heading), "GET", "ID"
    if _ROLE.match(name):
        return None
    capitals = [w for w in words if w[:1].isupper()]
    if len(words) > 1 and len(capitals) == 1 and words[0] not in p.BODY_HEADS:
        return None  # "Gestion des horaires des agents": a finalité phrase
    if len(words) == 1:
        word = words[0]
        if word in _NOT_NAMES or _written_as_word(text, word.lower()):
            return None  # "Commission", "État", or a common noun ("Utilisateur", "Banque")
    label = "MISC" if _DOCUMENT.match(name) else s.label
    return Span(start, start + len(name), label)


def _written_as_word(text: str, word: str) -> bool:
    """Whether ``word`` stands in ``text`` as a whole word (a hyphen binds: "e-mail" holds no
    "mail"); a literal search, not a pattern compiled for each word."""
    i = text.find(word)
    while i >= 0:
        if _starts_word(text, i) and _ends_word(text, i + len(word)):
            return True
        i = text.find(word, i + 1)
    return False


def merge(
    text: str, sections: Sequence[Section], rules: Sequence[Span], model: Iterable[Span]
) -> list[Entity]:
    """Rule and model entities as rows, in order; a rule entity beats an overlapping model one."""
    spans = [(s, "rule") for s in rules]
    taken = [(s.start, s.end) for s in rules]
    for raw in model:
        s = _model_span(text, raw)
        if s is None:
            continue
        i = bisect.bisect_left(taken, (s.start, s.start))
        if (i > 0 and taken[i - 1][1] > s.start) or (i < len(taken) and taken[i][0] < s.end):
            continue
        spans.append((s, "model"))
    spans.sort(key=lambda x: (x[0].start, x[0].end))
    starts = [s.start for s in sections]
    return [
        Entity(
            section_kind_at(sections, s.start, starts),
            s.label,
            text[s.start : s.end],
            s.start,
            s.end,
            source,
        )
        for s, source in spans
    ]
