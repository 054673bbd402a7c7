"""Section II, "Sur la licéité et la justification du traitement".

``extract(text)`` gives ``fields.legal_bases``: the ``LegalBasis`` values the
**controller invokes**, in order of first mention, without duplicates. They are read
from the statement of justification ("Le responsable de traitement indique que le
traitement est justifié par le consentement de la personne concernée et par la
réalisation d'un intérêt légitime …", "se justifie par", "est fondé sur", "repose sur",
"est nécessaire au respect d'une obligation légale", "est également justifié par", "est
justifié, d'une part, par … et, d'autre part, par …" — the wordings of article 10-2 of
loi n° 1.165 and of loi n° 1.565).

Bases the Commission discusses or rejects are **kept** as the controller claimed them:
in 2024-9 the controller invokes a legal obligation and the Commission answers that "aucune
obligation légale n'impose …"; ``legal_bases`` still lists ``legal_obligation``. The
Commission's own sentences are read only when no controller sentence states a basis, and
then never when they deny it. A "justifié par …" whose wording maps to no basis gives
``other`` and an ``unknown_label`` issue naming the wording.
"""

from __future__ import annotations

import re

from extractors.common.clauses import sentences
from extractors.common.guard import guarded
from extractors.common.lists import blocks
from extractors.common.text import fold
from extractors.common.wordre import word_re
from models.enums import LegalBasis, Severity
from models.records import Extraction, Issue

#: Wording (folded) → basis. Add a wording here, and a case in test_lawfulness.py.
BASES: tuple[tuple[re.Pattern[str], LegalBasis], ...] = tuple(
    (word_re(p), b)
    for p, b in (
        (r"\bconsentement", LegalBasis.CONSENT),
        (
            r"\bobligations?\s+(?:legales?|legislatives?|reglementaires?)"
            r"|\brespect\s+(?:d'une|d'|des)\s*obligations?"
            r"|\bobligations?\s+(?:resultant|decoulant|issues?|nees?)\s+(?:\w+\s+){0,4}?(?:de\s+la|du|des|de)\s+"
            r"(?:\w+\s+)?(?:legislation|reglementation|loi|lois|code|ordonnance|dispositions)"
            r"|\bdispositions?\s+(?:legales|legislatives|reglementaires)\s+(?:qui\s+)?(?:s'imposent|imposant)"
            r"|\brespect\s+(?:des|de\s+la|du|de)\s+(?:dispositions?\s+(?:legales|legislatives|reglementaires)"
            r"|reglementation|legislation)"
            r"|\bobligations?\s+(?:[\w']+\s+){0,6}?qui\s+(?:lui\s+|leur\s+|s')?(?:incombent|imposent|impose)",
            LegalBasis.LEGAL_OBLIGATION,
        ),
        (
            r"\bexecution\s+(?:d'un|du|des|d'une)\s+(?:contrats?|mesures?\s+precontractuelles?)"
            r"|\bmesures?\s+precontractuelles?|\brelation\s+contractuelle|\bobligations?\s+contractuelles?"
            r"|\bcontrat\s+(?:de\s+travail\s+)?(?:auquel|conclu|passe|liant)",
            LegalBasis.CONTRACT,
        ),
        (
            r"\binterets?\s+vita(?:l|ux)|\bsauvegarde\s+de\s+la\s+vie"
            r"|\bsauvegarde\s+(?:des|de\s+l')\s*interets?\s+vit",
            LegalBasis.VITAL_INTEREST,
        ),
        (
            r"\b(?:motif|mission|raison)s?\s+d'interet\s+(?:public|general)|\binteret\s+public\b"
            r"|\bmissions?\s+de\s+service\s+public|\bexercice\s+de\s+l'autorite\s+publique",
            LegalBasis.PUBLIC_INTEREST,
        ),
        (r"\binterets?\s+legitimes?", LegalBasis.LEGITIMATE_INTEREST),
    )
)
#: Wordings that state the justification: an unknown basis after them is ``other``.
_ADVERB = (
    r"(?:egalement|aussi|notamment|donc|ainsi|en\s+outre|principalement|essentiellement|enfin)"
)
JUSTIFIED_BY = word_re(
    rf"\b(?:est|sont|etre|soit|serait|se)\s*(?:,?\s*{_ADVERB}\s*,?\s*)?\s+justifie(?:e|s|es|nt)?"
    rf"(?:\s*,\s*d'une\s+part\s*,\s*|\s*,?\s*{_ADVERB}\s*,?\s*|\s+)par\b"
)
#: Other wordings that state a basis (an unknown one after them is not reported).
STATES_BASIS = word_re(
    r"\bse\s+justifie|\b(?:fonde|fondee)s?\s+sur\b|\brepos(?:e|ent)\s*(?:,[^,]{1,80},\s*)?(?:quant\s+a\s+(?:elle|lui|eux|elles)\s+)?sur\b"
    r"|\bfonde(?:nt)?\s+(?:[\w']+\s+){0,3}?sur\b|\brepond(?:ent)?\s+a\s+(?:une|des|l'|la|un)\b"
    r"|\binvoquee?s?\b|\binvoquent\b|\bsubordonnee?s?\s+au\s+consentement|\brelev(?:e|ent)\s+(?:\w+\s+)?(?:de\s+l'|d'un|d'une)"
    r"|\btrouve\s+(?:son|sa)\s+"
    r"(?:fondement|justification|base)|\bbase\s+(?:legale|juridique)|\bfondement\s+(?:juridique|legal)"
    r"|\bnecessaire\s+(?:a|au|aux)\b|\blicite\s+(?:en\s+ce\s+qu|car|dans\s+la\s+mesure)"
)
#: The Commission speaking (the sentence's subject, after an optional adverbial).
COMMISSION = re.compile(r"^\W*(?:[^,]{0,40},\s*)?(?:la\s+commission|elle|l'autorite)\b")
_NEGATION = word_re(r"\b(?:aucune?|pas|ni|non|nullement|sans)\b[^,;]{0,40}$")
_FALLBACK_CONSENT = word_re(
    r"\bconsentement\s+(?:\w+\s+)?(?:de\s+la|des)\s+(?:ou\s+des\s+)?personnes?\s+concernee"
)


@guarded("lawfulness")
def extract(text: str, out: Extraction) -> None:
    """The legal bases section II says the controller invokes (see the module doc)."""
    controller: list[str] = []
    commission: list[str] = []
    plain: list[str] = []
    for s in _sentences(text):
        f = fold(s)
        if JUSTIFIED_BY.search(f) or STATES_BASIS.search(f):
            (commission if COMMISSION.search(f) else controller).append(s)
        elif not COMMISSION.search(f):
            plain.append(s)
    bases: list[LegalBasis] = []
    for s in controller:
        bases.extend(_bases_in(s, out))
    if not bases:
        for s in commission:
            bases.extend(_bases_in(s, None))
    if not bases:
        for s in plain:
            bases.extend(_bases_in(s, None, strict=True))
    if bases and LegalBasis.CONSENT not in bases and any(_WITH_CONSENT.search(fold(s)) for s in plain):
        # "cette fonctionnalité n'est activée qu'avec le consentement exprès du patient"
        bases.append(LegalBasis.CONSENT)
    if bases:
        out.fields.legal_bases = tuple(str(b) for b in dict.fromkeys(bases))


#: Consent a part of the processing depends on, said apart from the basis sentence.
_WITH_CONSENT = word_re(
    r"(?<!sans )\b(?:qu'avec|qu'apres|avec|apres|moyennant|subordonnee?s?\s+a|soumise?s?\s+a)\s+(?:le|leur|son|sa|au)\s+"
    r"consentement\b"
)


def _sentences(text: str) -> list[str]:
    """Sentences in order; a line ending with ":" takes the list items under it."""
    out: list[str] = []
    for b in blocks(text):
        if b.kind == "item" and b.intro_index is not None and out:
            out[-1] += " " + b.text + " ;"
            continue
        out.extend(b.text[s:e] for s, e in sentences(b.text))
    return out


def _bases_in(sentence: str, out: Extraction | None, strict: bool = False) -> list[LegalBasis]:
    f = fold(sentence)
    hits: list[tuple[int, LegalBasis]] = []
    for pattern, basis in BASES:
        for m in pattern.finditer(f):
            if _NEGATION.search(f[max(0, m.start() - 60) : m.start()]):
                continue
            if strict and basis is LegalBasis.CONSENT and not _FALLBACK_CONSENT.match(f, m.start()):
                continue
            hits.append((m.start(), basis))
    hits.sort(key=lambda h: h[0])
    found = [b for _, b in hits]
    justified = JUSTIFIED_BY.search(f)
    if out is not None and justified and not any(pos > justified.start() for pos, _ in hits):
        wording = sentence[justified.end() :].strip()[:120]
        found.append(LegalBasis.OTHER)
        out.issues.append(
            Issue(
                "extract:lawfulness",
                Severity.WARNING,
                "unknown_label",
                f"unknown legal basis wording after 'justifié par': {wording!r}",
            )
        )
    return found
