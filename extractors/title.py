"""Read a title line: is it a CCIN/APDP deliberation, and what does it say?

Titles of every period (shared/spec/site.md):

- 2009–2011: ``Délibération n° 09-07 du 5 octobre 2009 portant avis favorable sur la
  demande présentée par le Maire de Monaco relative au traitement automatisé ayant pour
  finalité «sommier de la nationalité»`` (no authority named, two-digit year);
- 2012–2014: ``… de la Commission de Contrôle des Informations Nominatives portant avis
  favorable sur la demande [modificative] présentée par …`` (sometimes lower case),
  ``portant recommandation sur …``, ``portant autorisation à la mise en œuvre …``;
- 2015 on: ``… portant avis favorable à la mise en œuvre [de la modification] du
  traitement automatisé d'informations nominatives ayant pour finalité « … »
  [, dénommé « … »] [exploité par …] présenté(e) par …[.]``;
- 2025 on: ``… de l'Autorité de Protection des Données Personnelles portant avis sur …``.

``parse_title`` is a pure function of the (normalised) title. It returns a
``TitleInfo`` for a deliberation, a ``NotADeliberation`` for the lookalikes (decisions of
the CCIN's President, controllers' implementation decisions, laws, ordinances, arrêtés,
errata, deliberations of other bodies), or raises ``TitleError`` when the title looks
like a deliberation but its number cannot be read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.common.dates import FRENCH_DATE, date_from_match
from extractors.common.text import (
    drop_article,
    fold,
    guillemet_spans,
    strip_final_period,
    strip_guillemets,
)
from extractors.common.wordre import word_re
from models.enums import Authority, Decision
from models.records import NotADeliberation, TitleInfo


class TitleError(ValueError):
    """The title reads as a deliberation but a required part (its number) is missing."""


# --- atoms (all matched on fold(title): lower case, no accents, same offsets) ---------

CCIN_NAME = r"commission\s+de\s+contr[o0]le\s+des\s+informations\s+nominatives|\bccin\b"
APDP_NAME = (
    r"autorite\s+de\s+protection\s+des\s+donnees\s+(?:a\s+caractere\s+)?personnelles|\bapdp\b"
)
NUMBER = word_re(
    r"\bn\s*[°ºo˚]\s*\.?\s*(?P<num>(?P<year>\d{4}|\d{2})\s*-\s*(?P<seq>\d{1,4}))(?!\d)",
)
_DELIB_START = re.compile(r"^\W*deliberations?\b")

#: Title openings that are not deliberations, in the order they are tried.
LOOKALIKES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (word_re(p), what)
    for p, what in (
        (
            rf"^\W*decision\b.*\bpresident\b.*(?:{CCIN_NAME}|{APDP_NAME})",
            "décision du Président de la CCIN/APDP",
        ),
        (
            r"^\W*decision\s+de\s+mise\s+en\s+(?:œuvre|oeuvre)",
            "décision de mise en œuvre d'un responsable de traitement",
        ),
        (r"^\W*decision\b", "décision"),
        (r"^\W*ordonnance[\s-]+loi\b", "ordonnance-loi"),
        (r"^\W*ordonnance\s+souveraine\b", "ordonnance souveraine"),
        (r"^\W*ordonnance\b", "ordonnance"),
        (r"^\W*loi\b", "loi"),
        (r"^\W*arrete\s+ministeriel\b", "arrêté ministériel"),
        (r"^\W*arrete\s+municipal\b", "arrêté municipal"),
        (r"^\W*arrete\b", "arrêté"),
        (r"^\W*(?:erratum|errata|rectificatif)\b", "erratum"),
        (r"^\W*(?:avis|communique|information)\b", "avis ou communiqué"),
    )
)

#: Where the act's own designation ends: its first verb ("portant", "relative à" …).
_HEAD_END = word_re(
    r"\b(?:portant|relati(?:f|ve|fs|ves)|fixant|concernant|emettant|adoptant|approuvant|modifiant"
    r"|abrogeant|sur\s+la\s+demande|en\s+application|autorisant|refusant)\b"
)
#: Bodies other than the CCIN/APDP whose deliberations the Journal also prints.
OTHER_BODY = word_re(
    r"\b(?:du|de\s+la|de\s+l'|des)\s*"
    r"(?!commission\s+de\s+controle\s+des\s+informations|autorite\s+de\s+protection)"
    r"(conseil|tribunal|cour|assemblee|comite|commission|autorite|haut[e]?\s+commissa|"
    r"mairie|commune|office|caisse|chambre|ordre|college|jury|direction|bureau|societe|association)\b"
)

DECISIONS: tuple[tuple[re.Pattern[str], Decision | None], ...] = tuple(
    (word_re(p), d)
    for p, d in (
        (r"\bavis\s+(?:tres\s+)?favorable\b", Decision.AVIS_FAVORABLE),
        (r"\bavis\s+defavorable\b", Decision.AVIS_DEFAVORABLE),
        (r"\brefus\b|\brefusant\b", Decision.REFUS),
        (r"\bautorisation\b|\bautorisant\b", Decision.AUTORISATION),
        (r"\brecommandation\b", Decision.RECOMMANDATION),
        (r"\bavis\b", None),  # "portant avis sur …": read from the closing part
    )
)
_PORTANT = word_re(r"\b(?:portant|emettant|relative?s?\s+a|sur\s+la\s+demande|concernant)\b")

#: Matched outside the quoted finalité ("Gestion des demandes de modification" is no modification).
MODIFICATION = word_re(
    r"\bmodificati(?:f|ve|fs|ves)\b"
    r"|\b(?:de|sur|a)\s+la\s+modification\b"
    r"|\bmodification\s+(?:du|d'un|des)\s+traitements?\b"
    r"|\bmodifiant\s+(?:le|les|un)\s+traitement"
)

_FINALITE = word_re(r"\bfinalites?\b")
_SYSTEM = re.compile(
    r"[,;]?\s*\b(?:denomme|denommee|denommes|denommees|intitule|intitulee|appele|appelee)\s+"
)
_OPERATOR = word_re(r"\bexploite(?:e|s|es)?\s+par\s+")
_CONTROLLER = word_re(r"\bpresente(?:e|s|es)?\s*,?\s+par\s+|\bdeposee?s?\s+par\s+")
_IMPLEMENTED_BY = word_re(r"\bmise\s+en\s+(?:œuvre|oeuvre)\s*,?\s+par\s+")
_REPRESENTED = re.compile(
    r"\s*,?\s*(?:et\s+)?represente(?:e|s|es)?\s+(?:en\s+principaute(?:\s+de\s+monaco)?\s+|a\s+monaco\s+)?par\s+"
)
#: Where a controller's name printed before the purpose ends.
_CONTROLLER_END = re.compile(
    r"\s*,?\s+(?:relati(?:f|ve|fs|ves)\s+(?:a|au|aux|à)\b|concernant\b|portant\s+sur\b|"
    r"ayant\s+pour\s+finalite|pour\s+la\s+mise\s+en|en\s+vue\s+de|visant\b|afin\s+de\b|"
    r"du\s+traitement\b|d'un\s+traitement\b|sur\s+le\s+traitement\b|(?:et\s+)?exploite(?:e|s|es)?\s+par\b)"
)
_OPERATOR_END = re.compile(
    r"\s*,?(?:\s+et)?\s+(?:presente(?:e|s|es)?\s*,?\s+par|ayant\s+pour\s+finalite|pour\s+le\s+compte)\b"
)
#: What a title says of a controller after its name ("Les Laboratoires Servier, localisés en
#: France, représentés …"): where it is, not who it is.
_DESCRIPTOR = re.compile(
    r"\s*,\s*(?:localise|etabli|situe|domicilie|sis|sise|base|implante|ayant\s+son\s+siege|dont\s+le\s+siege)"
    r"\w*\b.*$"
)
#: "présenté par son Président": the controller is the body the title names before it.
_OWN_OFFICER = re.compile(
    r"^(?:son|sa|leur)\s+(?:president|presidente|directeur|directrice|representant|representante|gerant"
    r"|gerante|secretaire|tresorier|administrateur|administratrice|maire|doyen|recteur|chef)\b"
)
_BODY_NAMED = re.compile(
    r"(?:\bde\s+la\s+|\bdu\s+|\bde\s+l'|\bdes\s+|\bla\s+|\bl')(?P<name>(?:federation|association|societe|fondation|comite"
    r"|club|union|chambre|syndicat|ordre|office|centre|institut|groupement|compagnie|banque|caisse|direction"
    r"|service|commune|mairie|conseil|mutuelle|organisation|academie|universite|ecole|lycee|college|amicale"
    r"|cercle|confederation|ligue)\b[^«»,;]*?)(?=\s*[»,;]|\s+(?:presente|represente|exploite|ayant|relati)|\s*$)"
)


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int


def classify_title(title: str) -> NotADeliberation | None:
    """``NotADeliberation`` when the title is not a CCIN/APDP deliberation, else None."""
    f = fold(title)
    if not f.strip():
        return NotADeliberation("page sans titre", "the page has no title")
    if not _DELIB_START.match(f):
        for pattern, what in LOOKALIKES:
            if pattern.match(f):
                return NotADeliberation(what, f"the title reads as a {what}, not a deliberation")
        return NotADeliberation("autre acte", "the title does not start with 'Délibération'")
    end = _HEAD_END.search(f)
    head = f[: end.start()] if end else f
    if re.search(rf"{CCIN_NAME}|{APDP_NAME}", head):
        return None
    if _FRENCH_ACT.search(f):
        return NotADeliberation(
            "délibération de la CNIL (texte français)",
            "Monaco has no décrets: an opinion on a French decree is the CNIL's",
        )
    other = OTHER_BODY.search(head)
    if other:
        return NotADeliberation(
            f"délibération d'un autre organe ({title[other.start(1) : other.start(1) + 40].strip()}…)",
            "the deliberation is not one of the CCIN or the APDP",
        )
    return None


def _year_seq(year_s: str, seq_s: str) -> tuple[int, int]:
    year = int(year_s) if len(year_s) == 4 else 2000 + int(year_s)
    return year, int(seq_s)


_PRINTED_NUMBER = re.compile(r"\s*(?P<year>\d{4}|\d{2})\s*-\s*(?P<seq>\d{1,4})\s*")


def deliberation_id_of(number: str | None) -> str | None:
    """The ``deliberation_id`` of a deliberation number as printed (``09-07`` → ``2009-7``)."""
    m = _PRINTED_NUMBER.fullmatch(number or "")
    if m is None:
        return None
    year, seq = _year_seq(m["year"], m["seq"])
    return f"{year}-{seq}"


#: French acts the CNIL gives opinions on (Monaco has no décrets) and the French law it applies.
_FRENCH_ACT = word_re(r"\b(?:projet\s+de\s+decret|decret\s+(?:n|en\s+conseil)|loi\s+n\s*[°o]\s*78-17)\b")

#: The body that deliberates, on a line of its own at the top of the page: "La Commission
#: nationale de l'informatique et des libertés,", "Le Conseil National,", "Le Conseil
#: Économique, Social et Environnemental, réuni en assemblée plénière le …".
_SPEAKER_LINE = re.compile(
    r"^\W*(?:la|le|l')\s*(?P<body>(?:commission|conseil|autorite|tribunal|cour|comite|assemblee|college"
    r"|haut\w*\s+\w+)\b[^;:.\n]{0,150}?)\s*,\s*(?:$|reuni|saisi|apres|siege|statuant|en\s+sa\s+seance)",
    re.MULTILINE,
)
_OURS_SPEAKING = re.compile(rf"^(?:{CCIN_NAME}|{APDP_NAME}|commission|autorite)\s*$")


def classify_body(body: str) -> NotADeliberation | None:
    """``NotADeliberation`` when the page's own text shows another body deliberating (a CNIL
    deliberation whose title names no body: its text opens "La Commission nationale de
    l'informatique et des libertés,"), else None. Only the first such line counts."""
    head = body[:8000]
    f = fold(head)
    if re.search(r"^\W*vu\s[^\n]*?\bloi\s+n\s*[°o]\s*78-17\b", f, re.MULTILINE):
        return NotADeliberation("délibération de la CNIL", "its visas cite the French loi n° 78-17")
    for m in _SPEAKER_LINE.finditer(f):
        name = re.sub(r"\s+", " ", m["body"]).strip()
        if _OURS_SPEAKING.match(name) or re.search(rf"{CCIN_NAME}|{APDP_NAME}", name):
            return None
        shown = re.sub(r"\s+", " ", head[m.start("body") : m.end("body")])[:80]
        return NotADeliberation(
            f"délibération d'un autre organe ({shown})",
            "the page's text shows another body deliberating, not the CCIN or the APDP",
        )
    return None


def parse_number(title: str) -> tuple[str, int, int, str, _Span] | None:
    """(number as printed, year, seq, deliberation_id, span) of the title's number."""
    f = fold(title)
    m = NUMBER.search(f)
    if not m:
        return None
    year, seq = _year_seq(m["year"], m["seq"])
    printed = re.sub(r"\s+", "", title[m.start("num") : m.end("num")])
    return printed, year, seq, f"{year}-{seq}", _Span(m.start(), m.end())


def parse_title(title: str) -> TitleInfo | NotADeliberation:
    """What the (normalised) title says; see the module doc for the shapes read."""
    not_ours = classify_title(title)
    if not_ours is not None:
        return not_ours
    number = parse_number(title)
    if number is None:
        raise TitleError("the title starts with 'Délibération' but has no number like n° 2021-81")
    printed, year, seq, deliberation_id, num_span = number
    f = fold(title)

    adopted = None
    m = FRENCH_DATE.search(title, num_span.end)
    if m and m.start() - num_span.end < 40:
        adopted = date_from_match(m)
        if (
            adopted
            and len(printed.split("-")[0]) == 2
            and adopted.year != year
            and abs(adopted.year - year) <= 1
        ):
            pass  # a deliberation of late December numbered in the next year: keep the number
    after = m.end() if m and adopted else num_span.end

    if re.search(APDP_NAME, f):
        authority = Authority.APDP
    elif re.search(CCIN_NAME, f):
        authority = Authority.CCIN
    else:
        authority = Authority.APDP if year >= 2025 else Authority.CCIN

    decision = _decision(f, after)
    purpose_span = _purpose_span(title, f)
    purpose = (
        strip_guillemets(title[purpose_span.start : purpose_span.end]) if purpose_span else None
    )
    rest_from = purpose_span.end if purpose_span else after

    system_name = _system_name(title, f, rest_from)
    operator = _operator(title, f, rest_from)
    controller, representative = _controller(title, f, after, purpose_span)

    return TitleInfo(
        deliberation_id=deliberation_id,
        number_as_printed=printed,
        year=year,
        seq=seq,
        authority=authority,
        adopted_on=adopted,
        decision=decision,
        modification=bool(MODIFICATION.search(_blank(f, purpose_span))),
        purpose=purpose or None,
        system_name=system_name,
        controller=controller,
        representative=representative,
        operator=operator,
    )


def _blank(f: str, span: _Span | None) -> str:
    """``f`` with the quoted finalité blanked out (same length)."""
    if span is None:
        return f
    return f[: span.start] + " " * (span.end - span.start) + f[span.end :]


def _decision(f: str, after: int) -> Decision | None:
    """The decision the title states, or None when it says only "portant avis" or "relative
    à …" (the closing part's "émet un avis …" gives it)."""
    m = _PORTANT.search(f, after)
    start = m.start() if m else after
    window = f[start : start + 160]
    best: tuple[int, Decision | None] | None = None
    for pattern, decision in DECISIONS:
        hit = pattern.search(window)
        if hit and (best is None or hit.start() < best[0]):
            best = (hit.start(), decision)
    if best is not None:
        return best[1]
    if m is not None and not m.group().startswith(("portant", "emettant")):
        return None  # "relative à la modification du traitement …": the closing part says it
    return Decision.OTHER


def _purpose_span(title: str, f: str) -> _Span | None:
    """The finalité's quotation (with its guillemets), or the unquoted words after it."""
    m = _FINALITE.search(f)
    if not m:
        return None
    for start, end in guillemet_spans(title):
        if start >= m.end() and start - m.end() < 12:
            return _Span(start, end)
    # unquoted finalité: up to the next part of the title
    tail = re.match(r"\s*(?:la|le|les|l'|de|d')?\s*", f[m.end() :])
    start = m.end() + (tail.end() if tail else 0)
    stop = re.compile(
        r"\s*[,;]?\s+(?:denomme|exploite|presente|deposee?|et\s+presente|sous\s+reserve)|\.?\s*$"
    )
    s = stop.search(f, start)
    end = s.start() if s else len(title)
    return _Span(start, end) if end > start else None


def _system_name(title: str, f: str, start: int) -> str | None:
    m = _SYSTEM.search(f, start)
    if not m:
        return None
    for qs, qe in guillemet_spans(title[m.end() :]):
        if qs < 3:
            return strip_guillemets(title[m.end() + qs : m.end() + qe]) or None
        break
    word = re.match(r"[^\s,;]+(?:\s+[A-Z0-9][^\s,;]*)*", title[m.end() :])
    return strip_final_period(word.group(0)) if word else None


def _operator(title: str, f: str, start: int) -> str | None:
    m = _OPERATOR.search(f, start)
    if not m:
        return None
    end = _OPERATOR_END.search(f, m.end())
    name = title[m.end() : end.start() if end else len(title)]
    return drop_article(strip_final_period(name)) or None


def _controller(
    title: str, f: str, after: int, purpose: _Span | None
) -> tuple[str | None, str | None]:
    """(controller, representative) from "présenté(e) par …" or "mise en œuvre, par …,"."""
    m = None
    for candidate in _CONTROLLER.finditer(f, after):
        if purpose and purpose.start <= candidate.start() < purpose.end:
            continue  # inside the quoted finalité
        m = candidate
        break
    if m is None:
        implemented = _IMPLEMENTED_BY.search(f, after)
        if implemented is None:
            return None, None
        end = re.search(r",|\s+du\s+traitement|\s+d'un\s+traitement", f[implemented.end() :])
        stop = implemented.end() + end.start() if end else len(title)
        return drop_article(strip_final_period(title[implemented.end() : stop])) or None, None

    start = m.end()
    if purpose and purpose.start > start:
        stop = purpose.start
        end = _CONTROLLER_END.search(f, start, stop)
        stop = end.start() if end else stop
    else:
        end = _CONTROLLER_END.search(f, start)
        stop = end.start() if end else len(title)
    chunk = title[start:stop]
    representative = None
    rep = _REPRESENTED.search(fold(chunk))
    if rep:
        representative = drop_article(strip_final_period(chunk[rep.end() :])) or None
        chunk = chunk[: rep.start()]
        if representative and _OWN_OFFICER.match(fold(representative)):
            representative = None  # "représentée par son Président": not a representative in Monaco
    described = _DESCRIPTOR.search(fold(chunk))
    if described:
        chunk = chunk[: described.start()]
    controller = drop_article(strip_final_period(chunk)) or None
    if controller and _OWN_OFFICER.match(fold(controller)):
        controller = _body_before(title, f, m.start()) or controller
    return controller, representative


def _body_before(title: str, f: str, end: int) -> str | None:
    """The last body the title names before ``end`` ("« Gestion des licenciés de la
    Fédération Monégasque de Judo » présenté par son Président")."""
    last = None
    for m in _BODY_NAMED.finditer(f, 0, end):
        last = m
    if last is None:
        return None
    return strip_final_period(title[last.start("name") : last.end("name")].strip()) or None
