"""Section III vocabulary: the label of a category of information → ``CategoryNorm``.

``category_norm(label)`` tries, in order:

1. ``LABELS``, the labels as deliberations print them (compared without case, accents
   or punctuation, e.g. "Formation - diplômes - vie professionnelle");
2. the same without a parenthesis ("identité (facultatif)");
3. ``DECISIVE``: words that settle the category wherever they stand ("coordonnées
   bancaires" is ``financial``, "identité et données de santé" is ``health``);
4. ``PATTERNS``: the category named **first** in the label wins ("Identité, situation de
   famille" → ``identity``; "informations temporelles et logs de connexion" →
   ``time_information``). The CCIN's standard composite label "formation - diplômes -
   vie professionnelle" is listed in ``LABELS`` as ``professional_life`` (its dominant
   part), so that "formation-diplômes, vie professionnelle" is too.

It returns None for a label it does not know (the caller writes ``other`` and an issue).
Labels in ``KNOWN_OTHER`` are known to have no category of their own: ``other``, no issue.
"""

from __future__ import annotations

import re

from extractors.common.text import fold
from extractors.common.wordre import word_re
from models.enums import CategoryNorm as C


def label_key(label: str) -> str:
    """The comparison form of a label: folded, punctuation and spaces collapsed."""
    return re.sub(r"[^a-z0-9]+", " ", fold(label)).strip()


LABELS: dict[str, C] = {
    label_key(k): v
    for k, v in {
        "identité": C.IDENTITY,
        "état civil": C.IDENTITY,
        "identité, situation de famille": C.IDENTITY,
        "données d'identification": C.IDENTITY,
        "situation de famille": C.FAMILY_SITUATION,
        "situation familiale": C.FAMILY_SITUATION,
        "adresses et coordonnées": C.CONTACT,
        "coordonnées": C.CONTACT,
        "coordonnées professionnelles": C.CONTACT,
        "coordonnées bancaires": C.FINANCIAL,
        "formation - diplômes - vie professionnelle": C.PROFESSIONAL_LIFE,
        "formation-diplômes, vie professionnelle": C.PROFESSIONAL_LIFE,
        "vie professionnelle": C.PROFESSIONAL_LIFE,
        "situation professionnelle": C.PROFESSIONAL_LIFE,
        "formation - diplômes": C.EDUCATION,
        "données d'identification électronique": C.ELECTRONIC_IDENTIFICATION,
        "informations temporelles": C.TIME_INFORMATION,
        "informations temporelles, horodatage": C.TIME_INFORMATION,
        "horodatage": C.TIME_INFORMATION,
        "présence": C.TIME_INFORMATION,
        "présences": C.TIME_INFORMATION,
        "temps de travail": C.TIME_INFORMATION,
        "horaires": C.TIME_INFORMATION,
        "horaires de travail": C.TIME_INFORMATION,
        "pointages": C.TIME_INFORMATION,
        "données de connexion": C.CONNECTION_DATA,
        "logs": C.CONNECTION_DATA,
        "logs de connexion": C.CONNECTION_DATA,
        "contenu": C.CONTENT,
        "message": C.CONTENT,
        "documents de travail": C.CONTENT,
        "calendrier": C.CONTENT,
        "compte utilisateur": C.ACCOUNT,
        "données statistiques": C.STATISTICS,
        "caractéristiques financières": C.FINANCIAL,
        "données bancaires": C.FINANCIAL,
        "données de santé": C.HEALTH,
        "données biométriques": C.BIOMETRIC,
        "image": C.IMAGE,
        "localisation": C.LOCATION,
        "géolocalisation": C.LOCATION,
        "infractions, condamnations, mesures de sûreté": C.OFFENCES,
    }.items()
}

#: Labels with no category of their own in the contract (``other``, no issue).
KNOWN_OTHER: frozenset[str] = frozenset(
    label_key(k)
    for k in (
        "consommation de biens et services, habitudes de vie",
        "habitudes de vie",
        "vie personnelle",
        "opinions politiques, philosophiques ou religieuses",
        "appartenance syndicale",
        "origines raciales ou ethniques",
        "vie sexuelle",
        "données génétiques",
    )
)

#: Words that settle the category wherever they stand in the label.
DECISIVE: tuple[tuple[re.Pattern[str], C], ...] = tuple(
    (word_re(p), c)
    for p, c in (
        (r"\bsante\b|\bmedica|\bmedicaux\b|\bpatholog|\bhandicap|\bmaladie", C.HEALTH),
        (r"biometri|\bempreintes?\b|\bgabarits?\b", C.BIOMETRIC),
        (
            r"\binfractions?\b|\bcondamnations?\b|\bmesures? de surete|\bsuspicions?\b|\bcasier judiciaire"
            # a whistleblowing scheme's facts, a watch list's entries
            r"|\bfaits (?:signales|reproches|denonces)\b|\bvehicules? (?:signales|voles)\b|\balertes? professionnelles?\b",
            C.OFFENCES,
        ),
        (r"\bbancaires?\b|\bfinancier|\bfinanciere", C.FINANCIAL),
        (r"\bgeolocalisation\b", C.LOCATION),
    )
)

#: Category words; the earliest match in the label wins.
PATTERNS: tuple[tuple[re.Pattern[str], C], ...] = tuple(
    (word_re(p), c)
    for p, c in (
        (
            r"\bidentite\b|\betat civil\b|\bnoms?\b|\bprenoms?\b|\bdate de naissance|\bnationalite|\bcivilite",
            C.IDENTITY,
        ),
        (
            r"\bsituation (?:de famille|familiale)|\bfamill|\bconjoint|\benfants?\b",
            C.FAMILY_SITUATION,
        ),
        (
            r"\bidentification electronique|\bidentifiants?\b|\blogin\b|\bmots? de passe|\bauthentification"
            r"|\bbadges?\b|\bcartes? d acces\b",
            C.ELECTRONIC_IDENTIFICATION,
        ),
        (
            r"\bcoordonnees\b|\badresses?\b(?! ip\b)|\bcontacts?\b|\btelephon|\bcourriels?\b|\be ?mails?\b",
            C.CONTACT,
        ),
        (
            r"\bvie professionnelle|\bsituation professionnelle|\bprofessionnel|\bemplois?\b|\bcarrieres?\b"
            r"|\bfonctions?\b|\bpostes?\b|\bevaluations?\b|\bentretiens? (?:annuels?|professionnels?|d evaluation)",
            C.PROFESSIONAL_LIFE,
        ),
        (
            r"\bformations?\b|\bdiplomes?\b|\bscolari|\beducation|\betudes\b|\bscolaires?\b",
            C.EDUCATION,
        ),
        (
            r"\binformations? temporelles?|\bhorodat|\btemporel|\bdates? et heures?",
            C.TIME_INFORMATION,
        ),
        (
            r"\blogs?\b|\bconnexions?\b|\btraces?\b|\bjournaux\b|\bjournalisation|\badresses? ip\b|\btracabilite",
            C.CONNECTION_DATA,
        ),
        (
            r"\bcontenus?\b|\bmessages?\b|\bdocuments?\b|\bcalendriers?\b|\bagendas?\b|\bcorrespondances?\b"
            r"|\bcommunications?\b|\bcommentaires?\b|\bnotes?\b|\bpieces? jointes?"
            r"|\benregistrements?\b(?! (?:video|d images|des images|photo))",
            C.CONTENT,
        ),
        (r"\bcomptes?\b|\bhabilitations?\b|\bprofils?\b|\bdroits d acces", C.ACCOUNT),
        (r"\bstatisti|\bindicateurs?\b|\bkpi\b|\breporting\b", C.STATISTICS),
        (
            r"\bpaiements?\b|\bfactur|\bremuneration|\bsalaires?\b|\biban\b|\bpatrimoin|\bfiscal",
            C.FINANCIAL,
        ),
        (r"\bimages?\b|\bvideo|\bphotos?\b|\bphotographies?\b|\bcameras?\b", C.IMAGE),
        (r"\blocalisation|\bgps\b|\bdeplacements?\b", C.LOCATION),
    )
)


def category_norm(label: str) -> C | None:
    """The category a printed label means; None when the label is unknown."""
    key = label_key(label)
    if not key:
        return None
    for candidate in (key, label_key(re.sub(r"\([^)]*\)?", " ", label))):
        if candidate in LABELS:
            return LABELS[candidate]
        if candidate in KNOWN_OTHER:
            return C.OTHER
    for pattern, norm in DECISIVE:
        if pattern.search(key):
            return norm
    hits = [(m.start(), norm) for pattern, norm in PATTERNS if (m := pattern.search(key))]
    return min(hits, key=lambda h: h[0])[1] if hits else None
