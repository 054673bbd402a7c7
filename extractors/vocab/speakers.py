"""Who speaks for the Commission (or, from 2025, the Autorité), on folded text.

``COMMISSION`` finds the Commission as the subject of a sentence: "la Commission", "la
CCIN", "l'Autorité", "l'APDP", and "elle" after a comma or "et" (the Commission named in
the sentence before). Other bodies whose names start the same way are not it: "la
commission d'attribution des logements", "la Commission nationale de l'informatique et des
libertés", "l'autorité judiciaire", "l'autorité compétente".
"""

from __future__ import annotations

import re

_OTHER_COMMISSION = (
    r"nationale|d'attribution|de controle des activites|medicale|paritaire|administrative|des finances"
    r"|de la fonction|consultative|d'examen|de recours|de discipline|du travail|europeenne"
)
_OTHER_AUTHORITY = (
    r"judiciaire|administrative|competente|de tutelle|de police|parentale|de surveillance|publique"
    r"|hierarchique|sanitaire|de certification|de marche|de regulation|monetaire|de poursuite"
    r"|d'enregistrement|de controle(?!\s+des\s+donnees)|habilitee|requerante|etrangere"
)

COMMISSION = re.compile(
    rf"\b(?:la commission(?!\s+(?:{_OTHER_COMMISSION}))|la ccin|l'apdp"
    rf"|l'autorite(?!\s+(?:{_OTHER_AUTHORITY})))\b"
    r"|(?:^|[,;]\s*|\bet\s+|\baussi,?\s+)elle\s"
)
