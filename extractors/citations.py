"""The visas ("Vu …" lines): the instruments cited, and the request's own facts.

``extract(text)`` reads the visas section's text:

- ``citations``: one row per visa that cites a legal instrument (Constitution,
  conventions, lois, ordonnances-lois, ordonnances souveraines, arrêtés, délibérations,
  codes, règlements …). The procedural visas — the request for an opinion, the extension
  of the examination period, the Commission's report, a letter, a hearing — cite no
  instrument and give no row (their facts go to the fields below). ``number`` is the
  lead instrument's number as printed without "n°" (``1.165``, ``2011-82``, ``108``),
  ``date`` the date that follows it ("du 23 décembre 1993"), not that of an instrument
  it mentions in turn; ``raw`` the visa line as printed.
- ``fields.purpose_requested``: the finalité of "Vu la demande d'avis … ayant pour
  finalité « … »" (outer guillemets stripped);
- ``fields.request_filed_on``: the date of that request;
- ``fields.extension_notified_on``: the date the extension of the examination period
  ("prorogation du délai d'examen") was notified.

Each comes from the first visa that gives it, even when that visa's date cannot be read.
"""

from __future__ import annotations

import dataclasses
import re

from extractors.common.dates import FRENCH_DATE, date_from_match
from extractors.common.guard import guarded
from extractors.common.text import fold, guillemet_spans, strip_guillemets
from extractors.common.wordre import word_re
from extractors.title import deliberation_id_of
from models.enums import Instrument
from models.records import Citation, Extraction

#: Lead words of a visa (folded) → instrument, tried in order.
INSTRUMENTS: tuple[tuple[re.Pattern[str], Instrument], ...] = tuple(
    (word_re(p), i)
    for p, i in (
        (r"^(?:la\s+)?constitution\b", Instrument.CONSTITUTION),
        (
            r"^(?:la\s+)?convention\b|^(?:le\s+)?protocole\b|^(?:la\s+)?charte\s+des\s+droits",
            Instrument.CONVENTION,
        ),
        (r"^(?:l'|la\s+)?ordonnance[\s-]+loi\b", Instrument.ORDONNANCE_LOI),
        (r"^(?:l'|la\s+)?ordonnance\b", Instrument.ORDONNANCE_SOUVERAINE),
        (r"^(?:la\s+)?loi\b", Instrument.LOI),
        (r"^(?:l'|la\s+)?arrete\s+ministeriel\b", Instrument.ARRETE_MINISTERIEL),
        (r"^(?:l'|la\s+)?arrete\s+municipal\b", Instrument.ARRETE_MUNICIPAL),
        (r"^(?:les?\s+|la\s+)?deliberations?\b", Instrument.DELIBERATION),
        # a recommendation of the Commission by its number; another body's is "other"
        (r"^(?:l'|la\s+)?recommandation\s+n\s*[°ºo˚]\s*\d{2,4}\s*-\s*\d", Instrument.DELIBERATION),
        (r"^(?:l'|la\s+)?recommandation\b", Instrument.OTHER),
        (r"^(?:la\s+)?declaration\s+(?:d'helsinki|universelle|des\s+droits|europeenne)", Instrument.OTHER),
        (
            r"^(?:l'|la\s+|le\s+|les\s+)?(?:arrete|code|reglement|directive|decision|decret|"
            r"traite|accord|statuts?|regles?)\b",
            Instrument.OTHER,
        ),
    )
)
#: Visas that are steps of the procedure, not instruments.
PROCEDURAL = re.compile(
    r"^(?:la|le|les|l')\s*(?:demande|prorogation|rapport|courrier|lettre|saisine|avis\b|"
    r"audition|dossier|complement|elements|reponse|observations|notification|"
    r"declaration(?!\s+(?:d'helsinki|universelle|des\s+droits|europeenne))|projet|note)"
)
_VU = re.compile(r"^\s*vu\s+", re.IGNORECASE)
_NEXT_VU = re.compile(r";\s+(?=Vu\s)")
_NUMBER = word_re(
    r"\bn\s*[°ºo˚]\s*\.?\s*(?P<num>[0-9][0-9.\-/]*[0-9]|[0-9]+|r\s*\(\s*\d+\s*\)\s*\d+"
    r"|cm/rec\s*\(\s*\d+\s*\)\s*\d+)(?:\s*(?P<suffix>bis|ter)\b)?"
)
_REQUEST = re.compile(
    r"^(?:la|une)\s+demande\s+(?:d'avis|d'autorisation|modificative|de\s+modification|d'avis\s+modificative)"
)
_EXTENSION = re.compile(r"^(?:la|une)\s+prorogation\b")
_FINALITE = word_re(r"\bfinalites?\b")


def _visa_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for each visa, a line wrapped over two joined back."""
    out: list[tuple[int, str]] = []
    pos = 0
    for full_line in text.split("\n"):
        line_start = pos
        pos += len(full_line) + 1
        # several visas printed in one paragraph: "Vu la Constitution ; Vu la loi …"
        bounds = [0] + [m.end() for m in _NEXT_VU.finditer(full_line)]
        for a, b in zip(bounds, [*bounds[1:], len(full_line)], strict=True):
            line, start = full_line[a:b].rstrip(), line_start + a
            if not line.strip():
                continue
            if _VU.match(line) or not out:
                out.append((start, line))
            else:  # a continuation of the previous visa
                s, prev = out[-1]
                out[-1] = (s, prev + "\n" + line)
    return out


def citation(line: str) -> Citation | None:
    """The instrument a visa cites, or None for a procedural visa."""
    body = _VU.sub("", line, count=1)
    f = fold(body)
    if PROCEDURAL.match(f):
        return None
    instrument = next((i for p, i in INSTRUMENTS if p.match(f)), None)
    if instrument is None:
        if not re.search(r"\bn\s*[°ºo˚]", f):
            return None  # "Vu l'avis du Comité …": no instrument named
        instrument = Instrument.OTHER
    number_m = _NUMBER.search(f[:120])
    number = None
    date_found = None
    if number_m:
        number = body[number_m.start("num") : number_m.end("num")].rstrip(".-/")
        if number_m["suffix"]:
            number = f"{number} {number_m['suffix']}"
        # the instrument's own date follows its number ("n° 1.165 du 23 décembre 1993")
        date_found = _date_near(body, f, number_m.end(), limit=60)
    else:
        # an unnumbered instrument: its date comes before any other instrument is named
        cut = re.search(r"\b(?:loi|ordonnance|arrete|deliberation|convention)\b", f[12:])
        end = 12 + cut.start() if cut else len(f)
        date_found = _date_near(body, f, 0, limit=None, end=end)
    raw = re.sub(r"\s+", " ", line).strip()
    cited_id = deliberation_id_of(number) if instrument is Instrument.DELIBERATION else None
    return Citation(instrument, number, date_found, raw, cited_id=cited_id)


def _date_near(text: str, f: str, start: int, limit: int | None, end: int | None = None):
    for m in FRENCH_DATE.finditer(text, start, end if end is not None else len(text)):
        if limit is not None and m.start() - start > limit:
            return None
        gap = f[start : m.start()]
        if limit is not None and re.search(r"\bn\s*[°ºo˚]", gap):
            return None  # the date belongs to another instrument
        return date_from_match(m)
    return None


def _procedure_date(body: str, f: str):
    """The date of a procedural visa: the first one not attached to a cited instrument."""
    for m in FRENCH_DATE.finditer(body):
        before = f[max(0, m.start() - 30) : m.start()]
        if re.search(r"\bn\s*[°ºo˚]\s*\.?\s*[\d.\-]+\s+du\s+$", before):
            continue
        return date_from_match(m)
    return None


@guarded("visas")
def extract(text: str, out: Extraction) -> None:
    """Citations and the request's facts from the visas section's text."""
    read: set[str] = set()  # the fields a visa gave already
    for offset, line in _visa_lines(text):
        body = _VU.sub("", line, count=1)
        f = fold(body)
        if _REQUEST.match(f):
            if "request_filed_on" not in read:
                out.fields.request_filed_on = _procedure_date(body, f)
                read.add("request_filed_on")
            fm = _FINALITE.search(f)
            if fm and "purpose_requested" not in read:
                for qs, qe in guillemet_spans(body):
                    if qs >= fm.end():
                        out.fields.purpose_requested = strip_guillemets(body[qs:qe]) or None
                        read.add("purpose_requested")
                        break
            continue
        if _EXTENSION.match(f):
            if "extension_notified_on" not in read:
                out.fields.extension_notified_on = _procedure_date(body, f)
                read.add("extension_notified_on")
            continue
        cited = citation(line)
        if cited is not None:
            end = offset + len(line)
            out.add(
                "citations",
                dataclasses.replace(cited, start=offset, end=end),
            )
