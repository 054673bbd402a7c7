"""Section titles as plain data (edsnlp style): what a heading says → its kind.

Patterns are matched on ``fold(heading)`` (lower case, no accents). A heading takes the
kind whose pattern matches **earliest** in it, so "Sur les destinataires et les
personnes ayant accès au traitement" is ``recipients`` and "Sur la sécurité du
traitement et des informations" is ``security``. To teach the splitter a new wording,
add a pattern here and a case in tests/extractors/test_sections.py.
"""

from __future__ import annotations

import re

from extractors.common.wordre import word_re
from models.enums import SectionKind

HEADING_PATTERNS: tuple[tuple[SectionKind, str], ...] = (
    (
        SectionKind.PURPOSE,
        r"finalites?\b|fonctionnalites|objet du traitement|caracteristiques du traitement",
    ),
    (
        SectionKind.LAWFULNESS,
        r"liceite|justification|legitimite|fondements?\s+(?:juridique|legal)|base legale",
    ),
    (
        SectionKind.DATA,
        r"informations?\s+(?:nominatives\s+)?(?:traitee|collectee|concernee)|donnees\s+(?:a caractere personnel\s+|personnelles\s+)?(?:traitee|collectee)"
        r"|categories?\s+(?:d'informations|de donnees)|informations nominatives$",
    ),
    (
        SectionKind.RIGHTS,
        r"droits?\s+des\s+personnes|information\s+(?:prealable\s+)?des\s+personnes|exercice\s+des\s+droits"
        r"|droits?\s+(?:d'acces(?!\s+aux?\s+(?:traitement|informations|donnees))|d'opposition|de\s+rectification|d'effacement)",
    ),
    (
        SectionKind.RECIPIENTS,
        r"destinataires?|personnes\s+(?:habilitees\s+|autorisees\s+)?(?:ayant|qui ont|pouvant avoir)\s+acces|acces\s+au\s+traitement|communications?\s+(?:des|d')\s*informations",
    ),
    (SectionKind.INTERCONNECTIONS, r"interconnexions?|rapprochements?"),
    (SectionKind.SECURITY, r"securite|confidentialite"),
    (SectionKind.RETENTION, r"duree|conservation"),
)

COMPILED_HEADINGS = tuple((kind, word_re(p)) for kind, p in HEADING_PATTERNS)

#: A numbered heading: a Roman numeral, then ".", ")", "/", "-", "–", ":" or spaces, then
#: words. The numeral may hold an OCR "l" for "I" ("Il. Sur la licéité", digitised issues):
#: ``sections`` checks it reads as a numeral.
NUMBERED_HEADING = re.compile(
    r"^(?P<numeral>[IVXl]{1,5})\s*(?:[.)°:/]\s*[-–—]?\s*|\s*[-–—]\s*|\s+)(?P<rest>\S.{2,200})$"
)
#: A heading printed without its numeral (numbering lost with an HTML list): "Sur …" alone.
UNNUMBERED_HEADING = re.compile(r"^sur\s+(?:l'|la\s|le\s|les\s)[^,;]{3,110}$")
#: The closing part starts here.
DECISION_START = re.compile(r"^apres\s+en\s+avoir\s+delibere")
#: Fallback when "Après en avoir délibéré" is missing: the opinion itself.
OPINION = word_re(
    r"\b(?:emet|rend)\s+(?:un\s+)?avis\b|\bautorise\s+la\s+mise\s+en|\brefuse\s+(?:la|l')|\bdecide\b"
)
#: An opinion line led by its verb, the authority named on the line above ("Émet un avis …").
OPINION_LEAD = re.compile(r"^(?:emet|rend)\s+(?:un\s+)?avis\b")
CONDITION_LEAD = re.compile(r"^(?:sous\s+le\s+benefice|a\s+la\s+condition|sous\s+reserve)")
PREAMBLE_HEADING = re.compile(r"^preambule\W*$")
VISA_LINE = re.compile(r"^vu\b")


def heading_kind(heading: str) -> SectionKind | None:
    """The kind a heading's words mean, or None when no pattern matches."""
    from extractors.common.text import fold

    f = fold(heading)
    best: tuple[int, SectionKind] | None = None
    for kind, pattern in COMPILED_HEADINGS:
        m = pattern.search(f)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), kind)
    return best[1] if best else None
