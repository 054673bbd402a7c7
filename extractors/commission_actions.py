"""The closing part ("Après en avoir délibéré, la Commission : …") → ``commission_actions``.

One row per action: a line led by a verb ("Demande que …", "Prend acte de …"), or, when
the verb introduces a list ("Rappelle que : - … ; - …", "Considère :"), one row per
list item, each with that verb. ``verb`` is the lead verb folded (lower case, no
accents) through ``VERBS`` ("Prend acte" → ``prend_acte``); a verb we do not know is
kept folded and reported as an ``unknown_label`` issue, so the nightly run shows it.

``text`` is what follows the verb, without the "que"/"qu'" ("de ce que") that links it
and without the final punctuation: "Rappelle que les ports … renouvelé." → "les ports
… renouvelé". For a list item it is the item without its bullet, its leading "que" and
its final ";"/".". An adverb or an incidental phrase before the "que" is dropped too
("Rappelle également que …", "Considère, au vu de ce qui précède, que …").

For "Demande que le responsable de traitement : - informe … ; - mette …" (the list on its
own lines or on the verb's line), each row's ``text`` is the item as printed
("informe …"): a row is a span of the document, and what the intro puts before the
colon (usually the controller, "au responsable de traitement de") is the same for every
item, so it is not repeated; it stays readable in the ``sections`` text.

Lines may name the Commission ("La Commission :", "Par ailleurs, la Commission demande
que …"), and the actions may themselves be a dash list with lower-case verbs ("- rappelle
que … ; - demande que …"). The opinion ("Sous le bénéfice …, la Commission … émet un avis
favorable …") and the signature ("Le Président de la Commission …") end the actions.

The durations the Commission fixes here ("Fixe … la durée de conservation …") are also
returned as ``retention_rules`` (``retention.extract_closing``); the pipeline merges
them with section VIII's rules through ``retention.merge_rules``.
"""

from __future__ import annotations

import re

from extractors import retention_rules
from extractors.common.guard import guarded
from extractors.common.lists import blocks
from extractors.common.text import fold, strip_final_period
from models.enums import Severity
from models.records import CommissionAction, Extraction, Issue

#: folded lead words → verb key (two-word leads are tried first).
VERBS: dict[str, str] = {
    "prend acte": "prend_acte",
    "prend note": "prend_note",
    "attire l'attention": "attire_attention",
    "appelle l'attention": "appelle_attention",
    "rappelle": "rappelle",
    "demande": "demande",
    "fixe": "fixe",
    "modifie": "modifie",
    "considere": "considere",
    "considerant": "considere",  # older closings: "Considérant que … ;" before the opinion
    "recommande": "recommande",
    "estime": "estime",
    "constate": "constate",
    "releve": "releve",
    "invite": "invite",
    "precise": "precise",
    "autorise": "autorise",
    "refuse": "refuse",
    "renvoie": "renvoie",
    "note": "note",
    "souligne": "souligne",
    "observe": "observe",
    "encourage": "encourage",
    "exige": "exige",
    "preconise": "preconise",
    "insiste": "insiste",
    "conseille": "conseille",
    "suggere": "suggere",
    "propose": "propose",
    "juge": "juge",
    "decide": "decide",
    "reitere": "reitere",
    "souhaite": "souhaite",
    "requiert": "requiert",
    "sollicite": "sollicite",
    "approuve": "approuve",
    "accepte": "accepte",
    "rejette": "rejette",
    "limite": "limite",
    "reduit": "reduit",
    "ramene": "ramene",
    "subordonne": "subordonne",
    "enjoint": "enjoint",
    "salue": "salue",
    "regrette": "regrette",
    "deplore": "deplore",
    "prie": "prie",
    "valide": "valide",
    "confirme": "confirme",
    "indique": "indique",
    "ajoute": "ajoute",
    "interdit": "interdit",
    "impose": "impose",
}
_VERB_KEYS = sorted(VERBS, key=len, reverse=True)

_AUTHORITY = (
    r"(?:la\s+commission(?:\s+de\s+controle\s+des\s+informations\s+nominatives)?"
    r"|l'autorite(?:\s+de\s+protection\s+des\s+donnees\s+personnelles)?)"
)
_START = re.compile(rf"^apres\s+en\s+avoir\s+delibere\s*,?\s*{_AUTHORITY}?\s*:?\s*")
#: "Et,", "En conséquence,", "Dès lors," before the opinion.
_LEAD = r"^(?:(?:et|en\s+consequence|par\s+consequent|des\s+lors|ainsi|partant)\s*,?\s*)?"
_OPINION = re.compile(
    r"\b(?:emet|rend|delivre)\s+(?:un\s+)?avis\b|" + _LEAD + r"(?:sous\s+le\s+benefice|a\s+la\s+condition|sous\s+reserve)"
    r"|" + _LEAD + r"(?:autorise|refuse)\s+(?:la\s+mise\s+en\s+(?:oe|œ)uvre|le\s+traitement|le\s+transfert|,)"
    r"|" + _LEAD + r"refuse\s+d'autoriser\b"
)
_SIGNATURE = re.compile(r"^(?:le|la|pour\s+le|pour\s+la)\s+(?:vice-)?presidente?\b")
_CONNECTIVE = re.compile(
    r"^(?:(?:par ailleurs|en outre|de plus|enfin|en consequence|aussi|et|de meme)\s*,?\s+)+"
)
_ADVERB = (
    r"(?:egalement|en\s+outre|par\s+ailleurs|en\s+consequence|par\s+consequent|enfin|toutefois|neanmoins"
    r"|cependant|aussi|a\s+nouveau|de\s+nouveau|notamment|donc|des\s+lors|a\s+cet\s+egard|en\s+particulier)"
)
#: What links the verb to its object: an adverb ("Rappelle également que"), an incidental
#: phrase between commas before "que" ("Considère, au vu de ce qui précède, que"), "que".
_LINK = re.compile(
    rf"^\s*(?::\s*)?(?:,?\s*{_ADVERB}\s*,?\s*|,\s*[^,:;«]{{1,80}},\s*(?=de\s+ce\s+qu|qu))?"
    r"(?:de ce que\s+|de ce qu'|que\s+|qu')?\s*:?\s*"
)
#: The Commission as the subject of an action line ("La Commission rappelle que …").
_SUBJECT = re.compile(rf"(?:{_AUTHORITY}|elle)\b\s*,?\s*")
#: A dash list on the verb's own line: "… : - informe … ; - mette …".
_INLINE_LIST = re.compile(r":\s*[-–—•]\s+")
_INLINE_ITEM_SEP = re.compile(r"\s*;\s*[-–—•]\s+")
#: First words that continue the previous action rather than start one.
NOT_VERBS = {
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "des",
    "ce",
    "cet",
    "cette",
    "ces",
    "il",
    "elle",
    "ils",
    "elles",
    "en",
    "dans",
    "pour",
    "sur",
    "a",
    "au",
    "aux",
    "si",
    "lorsque",
    "afin",
    "de",
    "du",
    "d",
    "que",
    "qu",
    "ainsi",
    "toute",
    "tout",
    "tous",
    "toutes",
    "leur",
    "leurs",
    "son",
    "sa",
    "ses",
}


@guarded("decision")
def extract(text: str, out: Extraction) -> None:
    """Commission actions (and the retention rules it fixes) of the closing part."""
    _read(text, out)
    closing = retention_rules.extract_closing(text)
    for rule in closing.tables.get("retention_rules", []):
        out.add("retention_rules", rule)
    out.issues.extend(closing.issues)


def _lead(folded: str) -> tuple[str | None, int]:
    """The verb key of a line and the length of the lead (0 when the line has none)."""
    for key in _VERB_KEYS:
        if folded.startswith(key) and (len(folded) == len(key) or not folded[len(key)].isalpha()):
            return VERBS[key], len(key)
    m = re.match(r"[a-z]+", folded)
    if not m or m.group() in NOT_VERBS:
        return None, 0
    return m.group(), m.end()


def _read(text: str, out: Extraction) -> None:
    verb: str | None = None  # the verb of the current action
    list_verb = False  # whether that verb introduced a list ("Rappelle que :")
    known = set(VERBS.values())
    for i, block in enumerate(blocks(text)):
        start, body = block.start, block.text
        f = fold(body)
        if i == 0:
            m = _START.match(f)
            if m:
                start, body, f = start + m.end(), body[m.end() :], f[m.end() :]
                if not body.strip():
                    continue
        if _OPINION.search(f) or _SIGNATURE.match(f):
            break
        conn = _CONNECTIVE.match(f)
        skip = conn.end() if conn else 0
        subject = _SUBJECT.match(f, skip)
        if subject:  # "La Commission :", "Par ailleurs, la Commission demande que …"
            skip = subject.end()
            if not f[skip:].strip(" :"):
                continue
        key, size = _lead(f[skip:])
        if subject and key not in known:
            break  # the Commission speaking, but not an action we can read
        starts_upper = body[:1].isupper() or subject is not None
        if block.kind == "item" and verb is not None:
            new_action = key in known and (starts_upper or not list_verb)
            if not new_action:
                _add(out, verb, text, start, start + len(body))
                continue
        if key is None or not starts_upper and block.kind == "para" and verb is not None:
            if verb is not None:  # a paragraph that goes on with the previous verb
                _add(out, verb, text, start, start + len(body))
            continue
        if key not in known:
            out.issues.append(
                Issue(
                    "extract.decision",
                    Severity.WARNING,
                    "unknown_label",
                    f"lead verb not in the vocabulary: « {body[skip : skip + size]} »",
                )
            )
        verb, list_verb = key, body.rstrip().endswith(":")
        if list_verb:
            continue  # "Rappelle que :" introduces the items below, which carry the verb
        rest = start + skip + size
        dashes = _INLINE_LIST.search(text, rest, start + len(body))
        if dashes is None:
            _add(out, key, text, rest, start + len(body))
            continue
        # "Demande que le responsable de traitement : - informe … ; - mette …" on one line
        item_start = dashes.end()
        for sep in _INLINE_ITEM_SEP.finditer(text, item_start, start + len(body)):
            _add(out, key, text, item_start, sep.start())
            item_start = sep.end()
        _add(out, key, text, item_start, start + len(body))


def _add(out: Extraction, verb: str, text: str, start: int, end: int) -> None:
    m = _LINK.match(fold(text[start:end]))
    start += m.end() if m else 0
    phrase = strip_final_period(text[start:end])
    if phrase.strip():
        out.add("commission_actions", CommissionAction(verb, phrase, start, start + len(phrase)))
