"""The opinion the closing part gives: what it decides, and whether on conditions.

``opinion(text)`` reads the closing part ("Après en avoir délibéré …" to the end):

- ``decision``: from "émet un avis favorable | défavorable" (also "avis favorable sous
  réserve …"), "autorise" (autorisation), "refuse" (refus), "recommande"/"adopte la
  recommandation" (recommandation); None when the part states none;
- ``conditional``: True when the opinion is given subject to what precedes: "Sous le
  bénéfice de la prise en compte de ce qui précède", "À la condition de la prise en
  compte …", "sous réserve de …", "Sous ces réserves" — in the sentence that gives the
  opinion or in the line just before it; False when no such phrase leads the opinion.

The commission's numbered actions (rappelle, demande, fixe …) are read by
``extractors.commission_actions``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.common.text import fold
from extractors.common.wordre import word_re
from extractors.vocab.headings import CONDITION_LEAD
from models.enums import Decision

OPINIONS: tuple[tuple[re.Pattern[str], Decision], ...] = tuple(
    (word_re(p), d)
    for p, d in (
        (
            r"\b(?:emet|rend|donne)\s+(?:un\s+)?avis\s+(?:tres\s+)?favorable\b",
            Decision.AVIS_FAVORABLE,
        ),
        (r"\b(?:emet|rend|donne)\s+(?:un\s+)?avis\s+defavorable\b", Decision.AVIS_DEFAVORABLE),
        (
            r"\bautorise\s+(?:la\s+mise|le\s+traitement|le\s+transfert|la\s+modification|,)|\baccorde\s+l'autorisation",
            Decision.AUTORISATION,
        ),
        (
            r"\brefuse\s+(?:la\s+mise|le\s+traitement|le\s+transfert|d'autoriser|l'autorisation)|\bn'autorise\s+pas\b",
            Decision.REFUS,
        ),
        (
            r"\b(?:adopte|emet)\s+(?:la\s+|une\s+|les\s+)?recommandations?\b",
            Decision.RECOMMANDATION,
        ),
        (r"\b(?:emet|rend)\s+(?:un\s+)?avis\b", Decision.OTHER),
    )
)
CONDITIONS = word_re(
    r"\bsous\s+le\s+benefice\s+de\b|\ba\s+la\s+condition\s+(?:de|que)\b|\bsous\s+(?:la\s+)?reserve\s+(?:de|que|des|du)\b"
    r"|\bsous\s+(?:ces|cette)\s+reserves?\b|\bmoyennant\b"
)

#: Lines of the opinion's sentence read back above the line that gives it.
_MAX_LINES_BACK = 3


@dataclass(frozen=True, slots=True)
class Opinion:
    decision: Decision | None
    conditional: bool
    start: int | None = None  # where the opinion's sentence starts in ``text``


def opinion(text: str) -> Opinion:
    """The opinion of a closing part (see the module doc)."""
    f = fold(text)
    hits = []
    for pattern, decision in OPINIONS:
        for m in pattern.finditer(f):
            hits.append((m.start(), decision))
    if not hits:
        return Opinion(None, bool(CONDITIONS.search(f[-600:])) if f else False)
    # the opinion is the last one stated; at one position, the more specific pattern wins
    last_pos = max(p for p, _ in hits)
    decision = next(
        d
        for p, d in sorted(hits, key=lambda h: (-h[0], list(Decision).index(h[1])))
        if p == last_pos
    )
    line_start = f.rfind("\n", 0, last_pos) + 1
    window = f[line_start:last_pos] + " " + f[last_pos : last_pos + 300].split("\n")[0]
    sentence_start = line_start
    # the sentence may be broken over lines at its commas ("Sous le bénéfice …,\nla
    # Commission …,\német un avis …"), or led by a condition line without a comma
    for _ in range(_MAX_LINES_BACK):
        if not sentence_start:
            break
        prev_start = f.rfind("\n", 0, sentence_start - 1) + 1
        prev = f[prev_start : sentence_start - 1]
        if not (prev.rstrip().endswith(",") or CONDITION_LEAD.match(prev)):
            break
        window, sentence_start = prev + " " + window, prev_start
    return Opinion(decision, bool(CONDITIONS.search(window)), line_start)
