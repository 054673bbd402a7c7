"""French durations → ISO 8601, in the unit the text prints (pure helpers).

"6 mois" → ``P6M``, "24 mois" → ``P24M`` (never ``P2Y``), "deux ans" → ``P2Y``,
"une semaine" → ``P1W``, "trois (3) mois" → ``P3M``, "1 an et 6 mois" → ``P1Y6M``,
"dix-huit mois" → ``P18M``, "48 heures" → ``PT48H``. Numbers in words are read by
``text2num``. Ranges: "de 3 mois minimum à un an maximum" → ``P3M``/``P1Y``; half
ranges "6 mois maximum", "au moins un an" give only one bound.

``find_trigger``, ``find_until`` and ``is_rolling`` read the time phrases around a
duration ("après le départ", "tant que le compte est actif", "glissants").

Everything works on ``fold(text)``, which keeps offsets, so spans point into the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

from extractors.common.text import fold, strip_final_period
from extractors.common.wordre import word_re

#: folded unit word → ISO designator
UNITS: dict[str, str] = {
    "minute": "MIN",
    "minutes": "MIN",
    "heure": "H",
    "heures": "H",
    "jour": "D",
    "jours": "D",
    "semaine": "W",
    "semaines": "W",
    "mois": "M",
    "an": "Y",
    "ans": "Y",
    "annee": "Y",
    "annees": "Y",
}
_ORDER = {"Y": 0, "M": 1, "W": 2, "D": 3, "H": 4, "MIN": 5}
_HALF = {"Y": (6, "M"), "M": (15, "D"), "D": (12, "H")}  # "un an et demi" → 1 an et 6 mois

UNIT = r"(?:" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")"
# a digit may touch its unit ("5ans", as OCR prints it)
_UNIT_RE = re.compile(rf"(?<![a-z_-])(?P<unit>{UNIT})(?![\w-])")
_DIGITS = re.compile(r"(?P<num>\d+(?:,\d+)?)\s*$")
_PAREN_DIGITS = re.compile(r"\(\s*\d+\s*\)\s*$")  # "trois (3) mois"
_PAREN_WORDS = re.compile(
    r"(?P<num>\d+)\s*\(\s*[a-z]+(?:[- ][a-z]+){0,3}\s*\)\s*$"
)  # "5 (cinq) ans"
_AGE = re.compile(r"\bages?\s+de\s+$|\bagee?s?\s+de\s+$")
_ELISION = re.compile(r"^(?:d|l|qu|jusqu)'")
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*'?|\S")
_JOIN = re.compile(r"^\s*(?:,|et)\s*$")
_AND_HALF = re.compile(r"^\s*et\s+demie?\b")


@dataclass(frozen=True, slots=True)
class Duration:
    """One duration found in a text: ``iso`` and the span of its words."""

    iso: str
    start: int
    end: int
    parts: tuple[tuple[float, str], ...] = ()  # ((6, "M"),) — value and designator


@dataclass(frozen=True, slots=True)
class Range:
    """Bounds of a duration range (either may be None for a half range)."""

    min: str | None
    max: str | None
    start: int
    end: int


def parse_number(words: str) -> int | None:
    """``"dix-huit"`` → 18, ``"12"`` → 12, ``"un"`` → 1; None when not a number."""
    w = fold(words.strip())
    if w.isdigit():
        return int(w)
    w = _ELISION.sub("", w)
    if not w or not re.fullmatch(r"[a-z]+(?:[- ](?:et[- ])?[a-z]+)*", w):
        return None
    try:
        return int(text2num(w, "fr"))
    except (ValueError, TypeError, IndexError):
        return None


def iso(parts: tuple[tuple[float, str], ...]) -> str:
    """``((1, "Y"), (6, "M"))`` → ``P1Y6M``; hours and minutes go after ``T``."""
    date_part, time_part = "", ""
    for value, unit in parts:
        number = str(int(value)) if float(value).is_integer() else str(value)
        if unit in ("H", "MIN"):
            time_part += number + ("M" if unit == "MIN" else "H")
        else:
            date_part += number + unit
    return "P" + date_part + ("T" + time_part if time_part else "")


def _number_before(folded: str, end: int) -> tuple[float, int] | None:
    """The number printed just before ``end`` (digits or words) and where it starts."""
    head = folded[:end].rstrip()
    spelled = _PAREN_WORDS.search(head)
    if spelled and parse_number(spelled.group()[len(spelled["num"]) :].strip(" ()")) is not None:
        return float(spelled["num"]), spelled.start()
    paren = _PAREN_DIGITS.search(head)
    if paren:
        head = head[: paren.start()].rstrip()
    m = _DIGITS.search(head)
    if m:
        if m.start() > 0 and head[m.start() - 1] in "-/.":
            return None  # "2017-206", a number not a quantity
        return float(m["num"].replace(",", ".")), m.start()
    words = [(w.group(), w.start()) for w in _WORD.finditer(head[max(0, len(head) - 60) :])]
    offset = max(0, len(head) - 60)
    for k in range(min(4, len(words)), 0, -1):
        chunk = words[-k:]
        if chunk[0][0] == "et":
            continue
        phrase = head[offset + chunk[0][1] :]
        value = parse_number(phrase)
        if value is not None:
            elided = _ELISION.match(phrase)
            return float(value), offset + chunk[0][1] + (elided.end() if elided else 0)
    return None


def _atoms(text: str) -> list[Duration]:
    folded = fold(text)
    out: list[Duration] = []
    for m in _UNIT_RE.finditer(folded):
        found = _number_before(folded, m.start())
        if found is None:
            continue
        if _AGE.search(folded, max(0, found[1] - 12), found[1]):
            continue  # "l'âge de vingt-huit ans": an age, not a period
        value, start = found
        unit = UNITS[m["unit"]]
        parts: tuple[tuple[float, str], ...] = ((value, unit),)
        end = m.end()
        half = _AND_HALF.match(folded[end:])
        if half and unit in _HALF:
            parts += (_HALF[unit],)
            end += half.end()
        out.append(Duration(iso(parts), start, end, parts))
    return out


def find_durations(text: str) -> list[Duration]:
    """Every duration in ``text``, compounds merged ("1 an et 6 mois" → ``P1Y6M``)."""
    merged: list[Duration] = []
    for atom in _atoms(text):
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and _JOIN.match(fold(text[prev.end : atom.start]))
            and _ORDER[prev.parts[-1][1]] < _ORDER[atom.parts[0][1]]
        ):
            parts = prev.parts + atom.parts
            merged[-1] = Duration(iso(parts), prev.start, atom.end, parts)
        else:
            merged.append(atom)
    return merged


def to_iso(text: str) -> str | None:
    """The first duration of ``text`` in ISO 8601, or None."""
    found = find_durations(text)
    return found[0].iso if found else None


_NUM = r"(?P<{}>\d+|[a-z]+(?:-[a-z]+)*)"
_BARE_RANGE = word_re(
    r"\b(?:de|entre)\s+"
    + _NUM.format("a")
    + r"\s+(?:a|et)\s+"
    + _NUM.format("b")
    + rf"\s+(?P<unit>{UNIT})\b"
)
_MIN_AFTER = re.compile(r"^\s*(?:(?:au\s+)?minimum\b|au\s+moins\b|(?:la|une|leur)\s+(?:duree|periode)\s+minimale\b)")
_MAX_AFTER = re.compile(
    r"^\s*(?:(?:au\s+)?maximum\b|au\s+plus\b(?!\s+tard)|(?:la|une|leur)\s+(?:duree|periode)\s+maximale\b)"
)
_MIN_BEFORE = word_re(
    r"\b(?:au\s+minimum|minimum|au\s+moins|d'au\s+moins|pas\s+moins\s+de|minimale?s?|minimaux"
    r"|(?:ne|n')\s*(?:\w+\s+){0,2}?(?:etre\s+)?inferieure?s?\s+a)\s*,?\s*(?:(?:pendant|durant)\s+)?(?:de\s+|d')?$"
)
#: Words that make the period after them a ceiling: "durée maximale de", "ne saurait excéder",
#: "n'excédant pas", "dans la limite de", "limitée à", "au plus", "ne … pas au-delà de".
_MAX_BEFORE = word_re(
    r"\b(?:au\s+maximum|maximum|maximale?s?|maximaux|au\s+plus(?:\s+tard)?|jusqu'a|dans\s+la\s+limite\s+d'"
    r"|dans\s+la\s+limite\s+de|n'excedant\s+pas|ne\s+depassant\s+pas|sans\s+(?:exceder|depasser)"
    r"|(?:ne|n')\s*(?:\w+\s+){0,3}?(?:exceder|exceden?t?|depasser|depassen?t?|aller\s+au-dela\s+d'?|etre\s+superieure?s?\s+a)"
    r"|(?:ne|n')\s*(?:excede|excedent|depasse|depassent|excedera|depassera)\s+pas"
    r"|limitee?s?\s+a|plafonnee?s?\s+a|plus\s+de|plus\s+d'|au-dela\s+de|au-dela\s+d')\s*,?\s*"
    r"(?:(?:pendant|durant)\s+)?(?:(?:jusqu'a\s+)?(?:l'expiration|la\s+fin|l'issue|le\s+terme)\s+d'|(?:une|la)\s+)?"
    r"(?:(?:duree|periode|delai)\s+(?:maximale?\s+)?)?(?:de\s+|d')?$"
)
_RANGE_LINK = re.compile(r"^\s*(?:minimum\s+)?(?:a|et|,)\s+(?:(?:au\s+)?maximum\s+)?$")


def _bound(folded: str, d: Duration) -> str | None:
    after, before = folded[d.end :], folded[max(0, d.start - 60) : d.start]
    if re.search(r"\bjusqu'a\s*$", before) and re.match(r"\s*(?:apres|suivant|a compter|a partir)\b", after):
        return None  # "jusqu'à deux ans après la publication": until a date, a plain period
    if _MIN_AFTER.match(after) or _MIN_BEFORE.search(before):
        return "min"
    if _MAX_AFTER.match(after) or _MAX_BEFORE.search(before):
        return "max"
    return None


def find_ranges(text: str) -> list[Range]:
    """Ranges and half ranges: "de 3 mois minimum à un an maximum", "entre 3 et 6 mois",
    "6 mois maximum", "au moins un an"."""
    folded = fold(text)
    out: list[Range] = []
    for m in _BARE_RANGE.finditer(folded):
        a, b = parse_number(m["a"]), parse_number(m["b"])
        if a is not None and b is not None:
            unit = UNITS[m["unit"]]
            out.append(Range(iso(((a, unit),)), iso(((b, unit),)), m.start(), m.end()))
    durations = [
        d for d in find_durations(text) if not any(r.start <= d.start < r.end for r in out)
    ]
    i = 0
    while i < len(durations):
        d = durations[i]
        nxt = durations[i + 1] if i + 1 < len(durations) else None
        lead = re.search(r"\b(?:de|entre)\s+$", folded[max(0, d.start - 8) : d.start])
        if nxt and lead and _RANGE_LINK.match(folded[d.end : nxt.start]):
            start = max(0, d.start - 8) + lead.start()
            tail = _MAX_AFTER.match(folded[nxt.end :])
            end = nxt.end + (tail.end() if tail else 0)
            out.append(Range(d.iso, nxt.iso, start, end))
            i += 2
            continue
        if (
            nxt
            and _bound(folded, d) == "min"
            and _bound(folded, nxt) == "max"
            and re.fullmatch(
                r"\s*(?:et|,|a|jusqu'a)?\s*(?:au\s+plus|au\s+maximum|maximum|maximale?)?\s*(?:de\s+|d')?", folded[d.end : nxt.start]
            )
        ):
            out.append(Range(d.iso, nxt.iso, d.start, nxt.end))  # "au moins six mois et au plus un an"
            i += 2
            continue
        bound = _bound(folded, d)
        if bound == "min":
            out.append(Range(d.iso, None, d.start, d.end))
        elif bound == "max":
            out.append(Range(None, d.iso, d.start, d.end))
        i += 1
    return sorted(out, key=lambda r: r.start)


# ------------------------------------------------ time phrases around durations

_UNTIL = word_re(
    r"\b(?:tant qu'|tant que|aussi longtemps que|(?:pendant|pour) (?:toute )?la duree (?:d|necessaire)|le temps (?:d|necessaire)|durant (?:toute )?la duree d"
    r"|jusqu'(?:a|au|aux|a la|a l')\s|(?:la\s+)?duree\s+de\s+(?:vie|validite)\s+d"
    r"|(?:pendant|durant|pour)\s+(?:toute\s+)?l'annee\s+(?:(?:scolaire|civile|universitaire|budgetaire)\s+)?en\s+cours"
    r"|(?:pendant|durant)\s+(?:toute\s+)?(?:la|leur|sa|son)\s+(?:scolarite|vie|carriere|relation|mission|validite|presence"
    r"|affectation|adhesion|engagement|abonnement|contrat|sejour|hospitalisation|prise en charge|instruction"
    r"|procedure|detention|activite|fonctions?|mandat|emploi|inscription|periode\s+d))"
)
#: A list item's period that is a stretch of time: "- inscriptions : durée de la scolarité".
_UNTIL_ITEM = re.compile(r"^\W*(?:la\s+)?duree\s+(?:de\s+la|du|des|de\s+l')\s*(?!conservation)")
_TRIGGER = word_re(
    r"\b(?:(?:a compter|a partir|a la suite|au-dela|lors)\s+(?:du\s|de la\s|de l'|des\s|de leur\s|de leurs\s"
    r"|de son\s|de sa\s|de ses\s|de votre\s|de vos\s|de notre\s|de nos\s|d')"
    r"|(?:apres|des)\s+(?:le\s|la\s|l'|les\s|leur\s|son\s|sa\s|votre\s|vos\s|notre\s|nos\s|ses\s)|suivant\s+(?:le\s|la\s|l'|les\s|leur\s|son\s|sa\s|ses\s)|jusqu'(?:au\s|a la\s|a l'|a\s+(?:leur|leurs|son|sa|ses)\s)"
    r"|a la\s+(?=fin\s)|au\s+(?=depart\s)|a\s+(?:leur|son|sa|ses)\s+(?=(?:depart|sortie|deces|retraite|demission|radiation)\b)"
    # "supprimées à l'expiration du délai de recours": the event, "expiration" included
    r"|a\s+l'(?=expiration\s+(?:(?:du|de\s+la|des)\s+|de\s+l')(?!(?:delai|duree|periode)s?\s+(?:de|d')\s*conservation))"  # "à la fin de la relation" → "fin de la relation"
    # "au terme de la période d'essai", "à l'issue de la formation": the noun is part of the
    # event (not "à l'issue de ce délai", "au terme d'un délai de …", "… de conservation")
    r"|(?:a\s+l'(?=issue\s)|au\s+(?=terme\s))(?=\w+\s+(?:(?:du|de\s+la|des|de\s+leur|de\s+leurs|de\s+son|de\s+sa|de\s+ses|de\s+chaque)\s+"
    r"|de\s+l'|d'(?!un\b|une\b))(?!(?:delai|duree|periode)s?\s+(?:de|d')\s*conservation))"
    r"|(?P<span>(?:pendant|durant)\s+(?:toute\s+)?la\s+(?=duree\s)))\s*"  # "la durée du contrat augmentée de 5 ans"
)
#: "jusqu'au départ plus 6 mois", "la durée du contrat augmentée de 5 ans": an event plus a period.
_PLUS = word_re(r"(?<!au )(?<!en )\bplus\s(?!tard\b|de\s|d')|\b(?:augmentee?s?|majoree?s?|prolongee?s?)\s")
_NOT_EVENT = re.compile(r"^(?:un|une|ce|cette|ces|\d|delai|periode|duree|temps)\b")
#: Where an event's noun phrase ends for sure.
_NP_HARD_STOP = re.compile(
    r"[;.()«»:]|,|\s(?:plus|pour|afin|puis|soit|sauf|au maximum|au plus tard|a l'exception|conformement"
    r"|augmentee?s?|majoree?s?|prolongee?s?|sous reserve|dans (?:le cadre|la limite|un delai)"
    r"|sont|est|seront|sera|ne|n'|pendant|durant|lorsque|lorsqu'|quand|si|sauf si|des lors que)\s|\s\d|\slorsqu'"
)
_RELATIVE = re.compile(r"\s(?:a laquelle|auquel|auxquels|auxquelles|ou|dont|lors de laquelle|au cours de laquelle)\s")
_DETERMINER = re.compile(r"(?:la|le|les|l'|leur|leurs|son|sa|ses|un|une|votre|vos|notre|nos|ce|cet|cette|ces)$")
_PREP_OR_CONJ = re.compile(
    r"(?:de|d'|du|des|a|au|aux|avec|par|pour|en|sur|dans|entre|et|ou|vers|chez|sans|selon|contre|apres|avant"
    r"|laquelle|lequel|lesquels|lesquelles|auquel|auxquels|duquel|dont|ou)$"
)
_TRAILING = re.compile(
    r"(?:\s+(?:de|d'|du|des|a|au|aux|avec|par|pour|en|sur|dans|et|ou|la|le|les|l'|un|une|leur|son|sa|ses))+$"
)
#: "départ de celui-ci" → "départ": a pronoun complement says who, not what event.
PERSON_COMPLEMENT = re.compile(
    r"\s+(?:(?:de|du|des)\s+|d')?(?:celui-ci|celle-ci|ceux-ci|celles-ci|ces derniers|ces dernieres|ce dernier"
    r"|cette derniere)\b.*$"
)
_ORDINALS = {
    "premiere": 1, "1re": 1, "1ere": 1, "deuxieme": 2, "seconde": 2, "2e": 2, "troisieme": 3, "3e": 3,
    "quatrieme": 4, "4e": 4, "cinquieme": 5, "5e": 5, "sixieme": 6, "6e": 6, "septieme": 7, "7e": 7,
    "huitieme": 8, "8e": 8, "neuvieme": 9, "9e": 9, "dixieme": 10, "10e": 10, "onzieme": 11,
    "douzieme": 12, "quinzieme": 15, "vingtieme": 20, "trentieme": 30,
}
#: "jusqu'à la fin de la cinquième année suivant leur enregistrement", "jusqu'au 31 décembre
#: de la troisième année suivant celle du paiement": N years from the event.
_NTH_YEAR = word_re(
    r"\b(?:jusqu'(?:a|au)\s+)?(?:(?:a\s+)?la\s+fin\s+de\s+|au\s+terme\s+de\s+|(?:au\s+)?31\s+decembre\s+de\s+"
    r"|l'expiration\s+de\s+)?(?:la|l')\s*(?:(?P<nth>" + "|".join(_ORDINALS) + r")\s+)?annee"
    r"(?:\s+(?:civile|scolaire|universitaire|budgetaire|comptable))?\s+(?:suivant|qui\s+suit)\s+"
    r"(?:(?:celle|l'annee)\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|d')|(?:leurs|leur|la|les|le|l'|son|sa|ses)\s*)?"
)
_CURRENT_YEAR = word_re(r"\b(?P<np>l'annee\s+(?:civile\s+)?(?:en\s+cours|courante))\s+(?:plus|augmentee?\s+de)\s")
_ROLLING = word_re(r"\bglissante?s?\b")
#: "fin du contrat + 1 an" (a list item): the event, then the period added to it.
_EVENT_PLUS = re.compile(
    r"^\s*(?:la\s+|le\s+|l')?(?P<np>(?:fin|date|depart|cloture|expiration|terme|resiliation|sortie|echeance)\b[^+;]{0,80}?)"
    r"\s*(?:\+|plus\b)\s*(?:\d|un|une|deux|trois|quatre|cinq|six|dix|douze)"
)


@dataclass(frozen=True, slots=True)
class Offset:
    """A period counted in calendar years from an event: ``iso`` from ``trigger``."""

    iso: str
    trigger: str
    start: int
    end: int


def noun_phrase(text: str, start: int) -> str | None:
    """The event's noun phrase that starts at ``start`` in ``text``, complements included
    ("clôture définitive du dossier avec l'usager", "date à laquelle la décision est devenue
    définitive"), never ending on a preposition, conjunction or article. It stops at
    punctuation (so at "ou" after a comma: "dès X ou, à défaut, dès Y": X), at a new clause or
    purpose ("pour", "afin", "puis", a verb), at a determiner that no preposition or
    conjunction introduces ("à compter de leur collecte la durée …": "collecte"), and
    "de celui-ci" is left out. Alternatives are one event: "dernier achat ou de votre
    dernière visite", "attribution d'un logement ou le rejet de la demande"."""
    rest = fold(text[start:])
    hard = _NP_HARD_STOP.search(rest)
    relative = _RELATIVE.search(rest, 0, hard.start() if hard else len(rest))
    if relative and hard and re.match(r"\s(?:sont|est|seront|sera)\s", rest[hard.start() :]):
        # "date à laquelle la décision est devenue définitive": the clause is part of it
        hard = re.compile(r"[;.()«»:,]").search(rest, hard.end())
    end = hard.start() if hard else len(rest)
    words = list(re.finditer(r"[\w'-]+", rest[:end]))
    has_complement = False
    for i, w in enumerate(words):
        token = w.group()
        prev = words[i - 1].group() if i else ""
        if i and _DETERMINER.fullmatch(token) and not _PREP_OR_CONJ.fullmatch(prev):
            end = words[i - 1].end()
            break
        if token == "et" and i + 1 < len(words):
            nxt = words[i + 1].group()
            if nxt in ("de", "d'", "du", "des") and not has_complement:
                end = w.start()  # "fin du contrat et des avenants": the event is the first
                break
        if i and (token in ("de", "d'", "du", "des") or token.startswith("d'")):
            has_complement = True
    phrase_f = rest[:end]
    if hard and re.match(r"\s(?:pendant|durant)\s|\s\d", rest[hard.start() :]):
        # "la date de l'opération et les données des joueurs pendant cinq ans": the second
        # group's own period; the event ends before its "et"
        joined = list(re.finditer(r"\s(?:et|ou)\s+(?:les|la|le|l'|des|ses|leurs)\b", phrase_f))
        if joined:
            phrase_f = phrase_f[: joined[-1].start()]
    person = PERSON_COMPLEMENT.search(phrase_f)
    if person:
        phrase_f = phrase_f[: person.start()]
    phrase_f = _TRAILING.sub("", phrase_f.rstrip(" ,;.")).rstrip(" ,;.")
    phrase = text[start : start + len(phrase_f)].strip()
    return phrase or None


def find_offset(seg: str) -> Offset | None:
    """A period counted from an event in calendar years ("jusqu'à la fin de la cinquième
    année suivant leur encaissement" → ``P5Y`` from "encaissement"; "l'année en cours plus
    deux ans": the trigger "année en cours", the period read as usual)."""
    f = fold(seg)
    m = _NTH_YEAR.search(f)
    if m:
        event = noun_phrase(seg, m.end())
        if event:
            years = _ORDINALS[m["nth"]] if m["nth"] else 1
            return Offset(f"P{years}Y", event, m.start(), m.end() + len(event))
    return None


def find_trigger(seg: str) -> str | None:
    """The event a period starts from, as its noun phrase: "6 mois après le départ de celui-ci"
    → "départ"; "à compter de la fin de la relation contractuelle" → "fin de la relation
    contractuelle"; "pendant la durée du contrat augmentée de 5 ans" → "durée du contrat";
    "l'année en cours plus deux ans" → "année en cours". "jusqu'au départ" counts only with
    "plus N" (else it is an ``until``)."""
    f = fold(seg)
    current = _CURRENT_YEAR.search(f)
    if current:
        return seg[current.start("np") + 2 : current.end("np")]
    plus = _EVENT_PLUS.match(f)
    if plus:
        return seg[plus.start("np") : plus.end("np")].strip() or None
    for m in _TRIGGER.finditer(f):
        rest = f[m.end() :]
        if m["span"] is None and _NOT_EVENT.match(rest):
            continue
        if (m["span"] or m.group().startswith("jusqu")) and not _PLUS.search(rest):
            continue  # "jusqu'au départ" alone is an open condition (until)
        phrase = noun_phrase(seg, m.end())
        if phrase:
            return phrase
    return None


def find_until(seg: str) -> str | None:
    """An open condition instead of a duration: "tant que le compte est actif", "pendant
    toute la durée de la relation contractuelle", "jusqu'au départ de l'agent"."""
    f = fold(seg)
    # "jusqu'à deux ans après …" is a period, not an open condition
    m = next((u for u in _UNTIL.finditer(f) if not (u.group().startswith("jusqu") and opens_with_period(seg[u.end() :]))), None)
    m = m or _UNTIL_ITEM.match(f)
    if not m:
        return None
    rest = f[m.end() :]
    stop = _UNTIL_STOP.search(rest)
    end = stop.start() if stop else len(rest)
    joined = next((j.start() for j in _AND.finditer(rest, 0, end) if opens_with_period(seg[m.end() + j.end() :])), end)
    phrase = seg[m.start() : m.end() + min(end, joined)]  # "… et cinq ans après": the period's own
    if not re.search(r"\w", f[m.end() : m.start() + len(phrase)]) and m.group().startswith("jusqu"):
        return None  # "jusqu'à" with nothing after it
    trailing = re.search(r"(?:\s+(?:et|ou|puis|mais))+\s*$", fold(phrase))
    if trailing:
        phrase = phrase[: trailing.start()]
    return strip_final_period(phrase.strip()) or None


_UNTIL_STOP = re.compile(
    r"[;:]|,\s|\.(?:\s|$)|\s(?:puis|et (?:les|la|le|sont|seront)|(?:pour|s'agissant|concernant) (?:les|la|le|l'))\s"
    r"|\set\s+(?=(?:au plus|au maximum|au moins|au minimum|au-dela|pendant|durant)\b)"
)
_AND = re.compile(r"\set\s+")


def opens_with_period(text: str) -> bool:
    """Whether ``text`` starts with a period ("trois ans après …", "18 mois"), as
    ``find_durations`` reads one."""
    found = find_durations(text[:80])
    return bool(found) and not text[: found[0].start].strip()


def is_rolling(seg: str) -> bool:
    """True for a rolling period ("12 mois glissants")."""
    return bool(_ROLLING.search(fold(seg)))
