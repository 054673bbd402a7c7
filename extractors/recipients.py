"""Section V "Sur les destinataires et les personnes ayant accès" → ``access_rights``
and ``recipients``.

Access rights come from list items ("- Utilisateurs : accès en consultation, saisie et
suppression …"; the role is what precedes the colon) and from prose ("le personnel du
service informatique de la DENJS a accès au présent traitement à des fins
d'inscription, de modification …"; "Les agents X disposent d'un accès en consultation";
"L'accès est réservé aux agents …"). Permission words map to ``Permission`` through
``PERMISSIONS``; "tous droits"/"tout accès" is ``all`` alone. An enumerated word we do
not know ("accès en validation") gives ``other`` and an issue naming it.

Recipients come from "susceptibles d'être communiquées aux X", "Les destinataires sont
…", "communication aux X" and from items under an intro about destinataires. One row
per body: the text is split where a conjunction is followed by a new preposition ("aux
services de police et/ou aux autorités …" is two), so "Autorités administratives et
judiciaires" stays one. Leading prepositions and articles are dropped from recipients
("aux Autorités …" → "Autorités …"); roles keep their article ("l'auditeur").

Sentences in which the Commission speaks ("la Commission rappelle que les droits
d'accès … doivent être limités") give nothing.
"""

from __future__ import annotations

import re

from extractors.common.guard import guarded
from extractors.common.lists import blocks
from extractors.common.text import fold, sentence_spans, strip_final_period
from extractors.common.wordre import word_re
from models.enums import Permission, Severity
from models.records import AccessRight, Extraction, Issue, Recipient

#: folded pattern → permission, in the order they are tried.
PERMISSIONS: tuple[tuple[str, Permission], ...] = (
    (
        r"\btous (?:les )?droits\b|\btout acces\b|\btous (?:les )?acces\b|\bacces (?:complet|total|integral)\b"
        r"|\bl'ensemble des droits\b|\btous (?:les )?privileges\b|\bdroits? complets?\b",
        Permission.ALL,
    ),
    (r"\blecture\b|\blire\b", Permission.READ),
    (r"\bconsult\w*|\bvisualis\w*", Permission.CONSULT),
    (
        r"\bsaisi[er]?\b|\bsaisies\b|\binscri\w+|\bcreation\b|\bcreer\b|\bajout\w*|\benregistrement\b|\balimentation\b",
        Permission.CREATE,
    ),
    (
        r"\bmodifi\w*|\bmises? a jour\b|\bmettre a jour\b|\bedition\b|\becriture\b|\bcorrection\b|\brectification\b",
        Permission.MODIFY,
    ),
    (r"\bsuppression\b|\bsupprim\w*|\beffacement\b", Permission.DELETE),
    (r"\bexport\w*|\bextraction\b|\bextraire\b|\btelecharg\w*", Permission.EXPORT),
    (r"\bparametr\w*|\bconfigur\w*", Permission.CONFIGURE),
)
_PERMS = tuple((word_re(p), perm) for p, perm in PERMISSIONS)

#: What makes a phrase a stated limit of the access.
RESTRICTION_CUES = (
    r"\b(?:sauf|hors|a l'exception|a l'exclusion|excepte|hormis|pas d'acces|sans acces|aucun acces|n'a pas acces|n'ont pas acces"
    r"|(?:uniquement|seulement|exclusivement)\s+(?:aux?|a la|a l'|pour|dans|sur|concernant)"
    r"|dans le (?:strict |seul )?cadre (?:exclusif )?(?:de |d')(?:leur|leurs|son|sa|ses) (?:missions?|operations?|interventions?)"
    r" (?:de |d')(?:maintenance|support|assistance|depannage|administration technique)"
    r"|limitee?s?\s+(?:aux?|a la|a l')|restreinte?s?\s+(?:aux?|a la|a l')"
    r"|dans (?:la limite (?:de |d')|le cadre (?:de |d'))?(?:leur|son|sa|ses) (?:perimetre|service|domaine|champ|competence)"
    r"|pour (?:leur|son|sa|ses) (?:perimetre|service|propres?))"
)
_RESTRICTION = word_re(RESTRICTION_CUES)
#: Where the permission words of a phrase end (the purpose or condition that follows).
_ZONE_END = word_re(
    r"\b(?:dans le cadre|afin|selon|en cas|conformement|dans le respect|lors|pour|sur demande|via|au moyen|en support)\b"
)
_COMMISSION = re.compile(r"\b(?:la commission|la ccin|l'autorite|l'apdp)\b|(?:^|[,;]\s*)elle\s")
_ACCESS_VERB = word_re(
    r"\b(?:a|ont|aura|auront|auraient|aurait|dispose|disposent|disposera|disposeront|beneficie|beneficient"
    r"|possede|possedent)\s+(?:(?:egalement|aussi|uniquement|seulement|en outre|notamment)\s+)?"
    r"(?:d'un\s+|d'une\s+|des\s+|de\s+|d'|un\s+)?(?:droits?\s+d')?(?:acces|droits?|habilitations?|profils?)\b"
    r"|\b(?:peut|peuvent|pourra|pourront|sont habilitee?s a|est habilitee? a)\s+(?:(?:egalement|uniquement|seulement)\s+)?"
    r"(?:consulter|lire|modifier|saisir|supprimer|exporter|creer|parametrer|visualiser|acceder)\b"
)
_RESERVED = word_re(
    r"\bacces\b[^.;]{0,80}?\b(?:est|sont|sera|seront)\s+(?:exclusivement\s+|uniquement\s+)?"
    r"(?:reserve|limite|restreint|ouvert|accorde|donne|attribue)e?s?\s+(?P<prep>aux?\s|a la\s|a l')"
)
_SUBJECT_START = re.compile(r";|:|(?<!ainsi )\bque\s|\bqu'")
_CONNECTIVES = re.compile(
    r"^(?:[\s,;:]|\b(?:par ailleurs|enfin|en outre|de plus|ensuite|de meme|toutefois|egalement|aussi|seule?s?)\b)+"
)
_PRONOUN = re.compile(r"^(?:il|ils|elle|elles|celui-ci|ceux-ci|on)$")
_ENUM_WORD = word_re(
    r"\b(?:acces en|droits? de|droits? d'|a des fins de|a des fins d')\s*(?P<word>[a-z]+)"
)
_IGNORED_WORDS = {"acces", "droits", "droit", "traitement", "lecture", "ecriture"}

_RECIPIENT_LEAD = word_re(
    r"\b(?:etre|sont|seront|est|sera)\s+(?:\w+\s+){0,2}?(?:communiquee?s?|transmise?s?|transferee?s?|adressee?s?|destinee?s?|"
    r"divulguee?s?|envoyee?s?)(?:\s*,[^,;.]{1,40},)?\s+(?:(?:notamment|egalement|uniquement|exclusivement|seulement)\s+)?"
    r"(?=(?:a|au|aux|a la|a l'|vers)\b)"
    r"|\bdestinataires?\s+(?:\w+\s+){0,3}?(?:sont|est|seront|sera)\s*:?\s*"
    r"|\bcommunication\s+(?=(?:aux|au|a la|a l')\b)"
)
_RECIPIENT_END = re.compile(
    r"\s(?:dans le cadre|afin|en cas|lorsque|lorsqu'|sur (?:demande|requisition)|conformement|en application|selon|pour"
    r"|qui|lesquel\w*|notamment|le cas echeant|en vertu|a des fins|a leur demande|dans les conditions|sous reserve)\b"
    r"|[;:»«]|\.(?:\s|$)|,\s(?!(?:a|au|aux|a la|a l'|le|la|les|l')\b)"
)
#: Between two recipients: a conjunction before a new preposition or article ("aux
#: services de police et/ou aux autorités", "la Caisse … et le Service …"); a bare
#: "et" keeps "Autorités administratives et judiciaires" whole.
_RECIPIENT_SPLIT = re.compile(
    r"(?:\s*,\s*(?:(?:et|ou)\s+)?|\s+(?:et|ou|et/ou|ainsi que)\s+|\s+ainsi qu')"
    r"(?=(?:a|au|aux|a la|a l'|le|la|les|l')\b)"
)
_PREPOSITION = re.compile(
    r"^(?:vers\s+(?:les\s|le\s|la\s|l')?|a la\s|a l'|aux\s|au\s|a\s|les\s|le\s|la\s|l')\s*"
)
_NO_RECIPIENT = word_re(
    r"\baucun(?:e)?\s+(?:destinataire|tiers|communication|transmission|transfert)\b"
    r"|\bne\s+(?:\w+\s+){0,2}?(?:pas|jamais|aucunement|en aucun cas)\s+(?:\w+\s+){0,2}?(?:etre\s+)?"
    r"(?:communiquee?s?|transmise?s?|transferee?s?|divulguee?s?|cedee?s?)\b"
    r"|\bne (?:sont|seront|peuvent etre) (?:pas )?communiquee?s? a aucun"
)
#: "… ne sont pas communiquées à des tiers, à l'exception des autorités judiciaires".
_BUT_FOR = word_re(
    r"\b(?:a l'exception|a l'exclusion|sauf|hormis|excepte|si ce n'est)\s*(?:des\s|du\s|de la\s|de l'|d')?"
)


@guarded("recipients")
def extract(text: str, out: Extraction) -> None:
    """Access rights and recipients of section V (offsets relative to ``text``)."""
    _read(text, out)


def _read(text: str, out: Extraction) -> None:
    all_blocks = blocks(text)
    mode: str | None = None  # "recipients" / "access" after a sub-heading
    for block in all_blocks:
        f = fold(block.text)
        if re.match(r"^sur (?:les|la) (?:destinataires|communication)", f):
            mode = "recipients"
            continue
        if re.match(r"^sur les (?:personnes|acces|habilitations)", f):
            mode = "access"
            continue
        if block.kind == "item":
            intro = (
                fold(all_blocks[block.intro_index].text) if block.intro_index is not None else ""
            )
            _item(text, block, intro, mode, out)
        elif not block.is_intro:
            for start, end in sentence_spans(text, block.start, block.end):
                _prose(text, start, end, out)


def _item(text: str, block, intro: str, mode: str | None, out: Extraction) -> None:
    f = fold(block.text)
    is_recipient_list = bool(re.search(r"destinataire|communiqu|transmi|transfer", intro)) or (
        mode == "recipients" and not intro
    )
    is_access_list = (
        bool(re.search(r"acces|habilit|droits|profil|personnes ayant", intro)) or mode == "access"
    )
    has_perm = any(rx.search(f) for rx, _ in _PERMS) or "acces" in f
    if is_recipient_list and not (is_access_list and has_perm):
        name = block.text.split(" : ", 1)[0] if " : " in block.text else block.text
        _add_recipient(out, name, block.start)
        return
    if not (is_access_list or has_perm):
        return
    colon = block.text.find(":")
    if 0 < colon < 200:
        role, zone_start = block.text[:colon].strip(), block.start + colon + 1
    else:
        first = _first_perm_pos(f)
        role, zone_start = block.text[:first].strip(" ,-(:"), block.start + first
    role = _clean_role(role)
    if role:
        _add_access(
            out,
            text,
            role,
            zone_start,
            block.end,
            block.text,
            block.start,
            block.end,
            enumerated=True,
        )


def _first_perm_pos(f: str) -> int:
    hits = [m.start() for rx, _ in _PERMS for m in rx.finditer(f)]
    for m in re.finditer(r"\(|\bacces\b|,", f):
        hits.append(m.start())
    return min(hits) if hits else len(f)


def _prose(text: str, start: int, end: int, out: Extraction) -> None:
    sentence = text[start:end]
    f = fold(sentence)
    who = _COMMISSION.search(f)
    for m in _ACCESS_VERB.finditer(f):
        if who and who.start() < m.start():
            break
        head = f[: m.start()]
        cut = max((s.end() for s in _SUBJECT_START.finditer(head)), default=0)
        role = _clean_role(sentence[cut : m.start()])
        if role and not _PRONOUN.match(fold(role)):
            _add_access(
                out, text, role, start + m.start(), end, sentence, start, end, enumerated=False
            )
        break
    else:
        r = _RESERVED.search(f)
        if r and not (who and who.start() < r.start()):
            rest = sentence[r.end() :]
            stop = re.search(r"[,;.(]|\s(?:en|pour|dans|afin|selon|qui)\s", fold(rest))
            role = _clean_role(rest[: stop.start()] if stop else rest)
            if role:
                _add_access(
                    out, text, role, start + r.end(), end, sentence, start, end, enumerated=False
                )
    if not (who and who.start() < _first_recipient_pos(f)):
        _recipients(text, start, end, out)


def _clean_role(role: str) -> str | None:
    m = _CONNECTIVES.match(fold(role))
    role = role[m.end() :] if m else role
    role = strip_final_period(role.strip(" ,;:-–•"))
    return role or None


def _add_access(out, text, role, zone_start, zone_end, raw, start, end, enumerated: bool) -> None:
    zone = text[zone_start:zone_end]
    fz = fold(zone)
    restriction, r_span = _restriction(zone, fz)
    masked = (
        fz if r_span is None else fz[: r_span[0]] + " " * (r_span[1] - r_span[0]) + fz[r_span[1] :]
    )
    stop = _ZONE_END.search(masked)
    scan = masked[: stop.start()] if stop else masked
    if not enumerated:  # prose: "à des fins de …" may come after "pour"/"dans le cadre"
        scan = masked
    perms: list[tuple[int, Permission]] = []
    for rx, perm in _PERMS:
        perms.extend((m.start(), perm) for m in rx.finditer(scan))
    ordered = [p for _, p in sorted(perms)]
    if Permission.ALL in ordered:
        ordered = [Permission.ALL]
    for word in _unknown_words(scan, enumerated):
        ordered.append(Permission.OTHER)
        out.issues.append(
            Issue(
                "extract.recipients",
                Severity.WARNING,
                "unknown_label",
                f"permission word not in the vocabulary: « {word} » (role « {role} »)",
            )
        )
    seen: list[str] = []
    for p in ordered:
        if p.value not in seen:
            seen.append(p.value)
    out.add(
        "access_rights",
        AccessRight(role, tuple(seen), restriction, strip_final_period(raw), start, end),
    )


def _restriction(zone: str, fz: str) -> tuple[str | None, tuple[int, int] | None]:
    m = _RESTRICTION.search(fz)
    if not m:
        return None, None
    open_paren = fz.rfind("(", 0, m.start())
    if open_paren != -1 and fz.find(")", open_paren) > m.start():
        close = fz.find(")", open_paren)
        return zone[open_paren + 1 : close].strip() or None, (open_paren, close + 1)
    stop = re.search(r"[;,()]|\.(?:\s|$)", fz[m.end() :])
    end = m.end() + (stop.start() if stop else len(fz) - m.end())
    return strip_final_period(zone[m.start() : end].strip()) or None, (m.start(), end)


def _unknown_words(scan: str, enumerated: bool) -> list[str]:
    known = [m.span() for rx, _ in _PERMS for m in rx.finditer(scan)]
    words: list[str] = []
    candidates = [m for m in _ENUM_WORD.finditer(scan)]
    if enumerated and len(scan.split()) <= 8 and not candidates:
        plain = re.sub(r"\([^)]*\)", " ", scan)
        for piece in re.split(r",|\bet\b|/|\bou\b", plain):
            w = piece.strip(" .;:")
            w = re.sub(
                r"^(?:acces|droits?)\s+(?:en|de|d')\s*|^(?:de|d'|des|du|la|le|les|l')\s*", "", w
            ).strip()
            if (
                w
                and len(w.split()) <= 2
                and w not in _IGNORED_WORDS
                and not _overlaps(scan, piece, known)
            ):
                words.append(w)
    for m in candidates:
        if m["word"] not in _IGNORED_WORDS and not any(a <= m.start("word") < b for a, b in known):
            words.append(m["word"])
    return words


def _overlaps(scan: str, piece: str, known: list[tuple[int, int]]) -> bool:
    pos = scan.find(piece)
    return any(a < pos + len(piece) and pos < b for a, b in known) if pos != -1 else True


def _first_recipient_pos(f: str) -> int:
    m = _RECIPIENT_LEAD.search(f)
    return m.start() if m else len(f)


def _recipients(text: str, start: int, end: int, out: Extraction) -> None:
    sentence = text[start:end]
    f = fold(sentence)
    leads: list[int] = [m.end() for m in _RECIPIENT_LEAD.finditer(f)]
    none = _NO_RECIPIENT.search(f)
    if none:
        but = _BUT_FOR.search(f, none.end())
        leads = [but.end()] if but else []
    for rest_start in leads:
        stop = _RECIPIENT_END.search(f, rest_start)
        rest_end = stop.start() if stop else len(f)
        pos = rest_start
        for piece in _RECIPIENT_SPLIT.split(f[rest_start:rest_end]) + [""]:
            if not piece:
                continue
            at = f.find(piece, pos)
            pos = at + len(piece)
            _add_recipient(out, sentence[at : at + len(piece)], start + at)


def _add_recipient(out: Extraction, name: str, at: int) -> None:
    m = _PREPOSITION.match(fold(name))
    skip = m.end() if m else 0
    cleaned = strip_final_period(name[skip:].strip(" ,;:-–•"))
    if cleaned and len(cleaned) > 2:
        begin = at + skip + (len(name[skip:]) - len(name[skip:].lstrip()))
        out.add("recipients", Recipient(cleaned, begin, begin + len(cleaned)))
