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

#: Named as the one who speaks, not as a complement ("la recommandation de la Commission",
#: "soumis à la Commission", "transmis par l'Autorité").
_NOT_AFTER = r"(?<!\bde )(?<!\ba )(?<!\bpar )(?<!\bpour )(?<!\bavec )(?<!\bsur )(?<!\bdevant )(?<!\baupres de )"
_NAMED = (
    rf"{_NOT_AFTER}\b(?:la commission(?!\s+(?:{_OTHER_COMMISSION}))|la ccin|l'apdp|la cnil"
    rf"|l'autorite(?!\s+(?:{_OTHER_AUTHORITY})))\b"
)
#: What the Commission does when "elle" is the Commission ("Elle fixe …", "elle la fixe à …"),
#: not data ("Elle est fixée à 30 jours", "Elles sont conservées").
_ITS_VERBS = (
    r"fixe|demande|considere|estime|rappelle|recommande|releve|constate|note|prend|souhaite|invite"
    r"|observe|admet|accepte|juge|retient|preconise|exige|ramene|reduit|limite|attire|appelle|precise"
    r"|emet|autorise|refuse|modifie|renvoie|constate|regrette|s'interroge|insiste|ne\s+peut|n'a"
)
#: The Commission named ("la Commission", "l'Autorité", "la CCIN", "l'APDP").
COMMISSION_NAMED = re.compile(_NAMED)
#: The Commission as the subject of a sentence: named, or "elle" doing what it does.
COMMISSION = re.compile(
    _NAMED + rf"|(?:^|[,;]\s*|\bet\s+|\baussi,?\s+)elle\s+(?:la\s+|les\s+|en\s+|lui\s+)?(?:{_ITS_VERBS})\b"
)
