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
from extractors.vocab.speakers import COMMISSION
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
    (r"\bconsult\w*|\bvisualis\w*|\becout(?:e|es|er)\b", Permission.CONSULT),
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
    r"\b(?:(?:des|aux|au|a la|a l')\s*seule?s?\s|sauf|hors|a l'exception|a l'exclusion|excepte|hormis|pas d'acces|sans acces|aucun acces|n'a pas acces|n'ont pas acces"
    r"|(?:uniquement|seulement|exclusivement)\b"
    r"|pour (?:les|la|le|leurs?|ses|son|sa) (?:seule?s?|propres?)\b|pour (?:leur|son|sa|ses) (?:perimetre|service|propres?|unite|secteur)"
    r"|lors (?:des|de la|du|de l'|d'une?) (?:seule?s? )?\w+|a l'occasion (?:des|de la|du|de l'|d')"
    r"|en cas d|sur (?:autorisation|demande|instruction|requisition)|sous (?:la|le) (?:supervision|controle|responsabilite)"
    r"|sur (?:les|leurs|ses|son|sa) (?:seul\w* )?(?:dossiers?|donnees|fiches?|comptes?|agents?|eleves?|patients?|clients?)"
    r"|a des fins (?:de |d')(?:maintenance|support|assistance|depannage|audit|controle|formation|verification|statistiques?)"
    r"|avec l'accord (?:de |d'|du |des )"
    r"|dans le (?:strict |seul )?cadre (?:exclusif )?(?:de |d'|des |du )"
    r"|pendant (?:les|la|le|leurs?) (?:horaires?|heures?|periodes?|duree|temps)|en temps reel(?! et)"
    r"|limitee?s?\s+(?:aux?|a la|a l'|a leur|a leurs|a son|a sa|a ses)|restreinte?s?\s+(?:aux?|a la|a l'|a leur|a leurs)"
    r"|dans (?:la limite (?:de |d')|le cadre (?:de |d'))?(?:leur|son|sa|ses|leurs) (?:perimetre|service|domaine|champ|competence|attributions?|missions?|fonctions?|habilitations?))"
)
_RESTRICTION = word_re(RESTRICTION_CUES)
#: Where the permission words of a phrase end (the purpose or condition that follows).
_ZONE_END = word_re(
    r"\b(?:dans le cadre|afin|selon|en cas|conformement|dans le respect|lors|pour|sur demande|via|au moyen|en support)\b"
)

_ACCESS_VERB = word_re(
    r"\b(?:a|ont|aura|auront|auraient|aurait|dispose|disposent|disposera|disposeront|beneficie|beneficient"
    r"|possede|possedent)\s+(?:(?:egalement|aussi|uniquement|seulement|en outre|notamment|quant a (?:eux|elles|lui|elle)"
    r"|pour (?:sa|leur) part|de (?:son|leur) cote)\s+)?"
    r"(?:d'un\s+|d'une\s+|des\s+|de\s+|d'|un\s+)?(?:tous\s+les\s+|l'ensemble\s+des\s+)?(?:droits?\s+d')?"
    r"(?:acces|droits?|habilitations?|profils?)\b"
    r"|\b(?:accede|accedent|accedera|accederont)\b"
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

_COMMUNICATED = (
    r"(?:communiquee?s?|transmise?s?|transferee?s?|adressee?s?|destinee?s?|divulguee?s?|envoyee?s?|remise?s?"
    r"|fournie?s?|presentee?s?|notifiee?s?|signalee?s?|declaree?s?|diffusee?s?|mise?s? a (?:la )?disposition|partagee?s?"
    r"|portee?s? a la connaissance|restituee?s?)"
)
_TO = r"(?=(?:a|au|aux|a la|a l'|vers|aupres|avec)\b)"
#: Where the recipients of a sentence start (what precedes each is a lead):
#: "sont (susceptibles d'être) communiquées [, sur réquisition,] aux X", "Les destinataires
#: sont :", "communication aux X", "Le responsable transmet les relevés à X".
_RECIPIENT_LEAD = word_re(
    r"\b(?:etre|sont|seront|est|sera|soient|soit)\s+(?:\w+\s+){0,2}?" + _COMMUNICATED
    + r"(?P<between>\s*,[^,;.]{1,140},|\s+par\s+[^,;.]{1,60}?(?=\s(?:a|au|aux|a la|a l')\s))?"
    r"\s+(?:(?:notamment|egalement|uniquement|exclusivement|seulement|en outre|aussi|par ailleurs)\s+)?(?:qu')?"
    + _TO
    + r"|\b(?:n'est|ne sont|ne seront|ne peuvent etre|ne pourront etre)\s+" + _COMMUNICATED + r"\s+qu'" + _TO
    + r"|\b(?:portee?s?\s+a\s+la\s+connaissance|mise?s?\s+a\s+la\s+disposition)\s+(?=(?:du|de la|de l'|des|d')\b)"
    r"|\bdestinataires?\s+(?:\w+\s+){0,3}?(?:sont|est|seront|sera)\s*(?::\s*|(?=(?:le|la|les|l'|un|une|des)\b))"
    r"|(?:^|[:;]\s*)\W*sont\s+(?:egalement\s+|aussi\s+)?destinataires\s+(?:des|de la|de l'|du)\s+(?:\w+\s+){0,3}?(?:donnees|informations|elements)"
    r"(?:\s+(?:personnelles|nominatives))?\s*:?\s*"
    r"|(?:^|[:;]\s*)\W*peuvent\s+(?:egalement\s+|aussi\s+)?etre\s+destinataires\s+(?:des|de la|de l'|du)\s+(?:\w+\s+){0,3}?"
    r"(?:donnees|informations|elements)(?:\s+(?:personnelles|nominatives))?\s*:?\s*"
    r"|\b(?:communication|transmission|transfert|remise)s?\s+(?:\w+\s+){0,3}?" + _TO
    + r"|\ba\s+destination\s+(?=(?:des|du|de la|de l'|d')\b)"  # "établies à destination des Archives"
    r"|^\W*il\s+en\s+(?:va|est)\s+de\s+meme\s+(?:pour\s+)?(?=(?:les|le|la|l'|des|du|de la|de l')\b)"
)
#: The active voice: "Le responsable transmet les relevés à l'employeur", "adresse à X les Y".
_ACTIVE_LEAD = word_re(
    r"\b(?:communique|communiquent|communiquera|communiquer|transmet|transmettent|transmettra|transmettre|adresse"
    r"|adressent|adresser|envoie|envoient|envoyer|remet|remettent|remettre|fournit|fournissent|fournir|transfere"
    r"|transferent|transferer|notifie|signale|declare)\b"
)
#: A recipient named as the subject: "La Recette Municipale est destinataire des titres",
#: "Le Conseil de l'Ordre a communication des informations".
_SUBJECT_RECIPIENT = word_re(
    r"\s(?:est|sont|seront|sera|peut etre|peuvent etre|pourront etre)\s+(?:egalement\s+|aussi\s+|seule?s?\s+)?"
    r"destinataires?\b|\s(?:a|ont|aura|auront|peut avoir|peuvent avoir)\s+communication\b"
    r"|\s(?:recoit|recoivent|recevra|recevront|est informee?|sont informee?s|est rendue? destinataire)\b"
    r"|\s(?:peut|peuvent|pourra|pourront)\s+(?:egalement\s+|aussi\s+)?recevoir(?:\s+communication)?\b"
    r"|\s(?:peut|peuvent|pourra|pourront)\s+(?:egalement\s+|aussi\s+)?(?:obtenir|avoir|se\s+voir\s+remettre)\s+"
    r"(?:communication|copie|transmission)\b"
    r"|\s(?:se\s+voit|se\s+voient|se\s+verra|se\s+verront)\s+(?:communiquer|transmettre|adresser|remettre|notifier)\b"
)
#: What introduces the condition printed with a recipient.
CONDITION_CUE = (
    r"(?:afin\s+(?:de|d'|qu)|en vue\s+(?:de|d'|du|des)|aux\s+(?:seules\s+)?fins|a\s+des\s+fins|a\s+la\s+seule\s+fin"
    r"|pour\s+(?:mise|visa|validation|signature|controle|suite|execution|archivage|attribution|verification|ce\s+qui|le|la|l'|les|leur|son|sa|ses|un|une|des|du|avis|information|paiement|recouvrement|instruction"
    r"|[a-z]+er\b)|dans\s+(?:le\s+cadre|l'exercice|la\s+limite|le\s+respect|les\s+conditions|les\s+cas|le\s+seul)"
    r"|au\s+titre\s+d|conformement|en\s+application|en\s+execution|en\s+vertu|sur\s+(?:leur\s+|sa\s+|simple\s+)?"
    r"(?:requisition|demande|instruction|decision)|sur\s+requisition|a\s+(?:leur|sa|la|sa\s+seule)\s+demande"
    r"|en\s+cas\s+d|lorsqu|si\s|s'il|s'ils|sous\s+reserve|avec\s+l'accord|avec\s+leur\s+accord|le\s+cas\s+echeant"
    r"|a\s+l'exclusion\s+d|selon|uniquement|exclusivement|seulement|s'agissant|en\s+tant\s+qu|(?<!prise )en\s+charge\s+d"
    r"|en\s+(?:sa|leur)\s+qualite|en\s+qualite|sous\s+(?:une\s+|la\s+)?forme|a\s+titre\s|pour\s+[a-z]+(?:tion|ment|age|ure)s?\b"
    r"|par\s+voie|via|par\s+le\s+biais|sans\s|apres\s|des\s+(?:lors|que|qu)|pendant|durant|une\s+fois"
    r"|a\s+l'occasion|en\s+fonction|suivant|quand|lors\s+d|notamment\s+(?:pour|dans|en|afin)"
    r"|a\s+l'issue\s+d|au\s+terme\s+d|apres\s|avant\s|des\s+(?:leur|la|le|l'|son|sa|reception)"
    r"|le\s+jour\s+(?:de|d'|du|des|meme)|la\s+veille\s+d|le\s+lendemain\s+d|chaque\s+(?:jour|semaine|mois|annee|trimestre)\b"
    r"|(?:une|deux)\s+fois\s+par\b|a\s+l'exception\s+d)"
)
_CONDITION_START = re.compile(CONDITION_CUE)
#: A condition that lists what it covers ("pour les seules informations relatives aux …").
_ENUMERATING = re.compile(r"\b(?:relati(?:f|ve|fs|ves)|concernant|liee?s?|portant\s+sur|seule?s?)\b")
#: A new recipient after a separator: a preposition or an article.
_NEW_RECIPIENT = r"(?:a|au|aux|a la|a l'|vers|aupres|le|la|les|l'|un|une|ses|son|sa|leurs|leur)\b"
_SEPARATOR = re.compile(
    r"\s*(?:,\s*(?:(?:et|ou|et/ou|ainsi que|ainsi qu'|de meme que|comme|puis)\s*)?|\s+(?:et|ou|et/ou|ainsi que|de meme que)\s+"
    r"|\s+ainsi qu')(?=" + _NEW_RECIPIENT + r")"
)
_NAME_END = re.compile(
    r"\s*[;:](?:\s|$)|\.(?:\s|$)|\s*,(?!\s*(?:de\b(?!\s+(?:maniere|facon|sorte)\b)|du\b|des\b|d'))\s*|\s+(?=" + CONDITION_CUE + r")"
    r"|\s+(?:et|ou|et/ou|ainsi que|de meme que)\s+(?=(?:a|au|aux|a la|a l'|vers|aupres)\b)|\s+ainsi qu'"
    r"|\s+(?:ainsi que|et|ou|et/ou)\s+(?=(?:le|la|les|l'|un|une)\b)|\s+(?:et|ou|ainsi que)\s*,"
    r"|\s+et\s+(?=(?:du|de la|de l'|des)\s+[A-ZÀ-Þa-z][\w'-]*\s+[A-ZÀ-Þ])"
    r"|\s+(?:qui|lesquel\w*|ce qui)\b|\s+(?:est|sont|seront|sera|peut|peuvent|ont)\s"
    r"|\s+et\s+(?:rappelle|releve|note|constate|demande|considere|estime|precise|indique|prend)\b"
)
_CONDITION_END = re.compile(
    r"\s*[;](?:\s|$)|\.(?:\s|$)|:\s|,\s*puis\s|,\s*(?=aucune?\s|nulle\s)|,\s*(?:et|mais|tandis)\s+(?:que|qu')|,\s*(?=(?:et|ou|ainsi que)\s*,)|\s+(?=(?:et|ou|ainsi que)\s+(?:a|au|aux|a la|a l')\b)|\s+ainsi qu'"
    r"|,\s*(?=(?:(?:et|ou|ainsi que|ainsi qu'|de meme que)\s*)?(?:a|au|aux|a la|a l'|vers|aupres)\b"
    r"(?!\s*(?:des fins|fins|titre|la seule fin|l'exclusion|l'exception|exclusion|exception|leur demande|sa demande|la demande|l'occasion)))"
    r"|,\s*(?=(?:et|ou)\s+(?:le|la|les|l')\b)|,\s*(?=(?:les|le|la|l'|un|une)\s*[a-z])"
)
#: An article no preposition or conjunction introduces starts another noun phrase (the
#: object after the recipient: "adresse à la Caisse … les déclarations de salaires").
_LOOSE_DETERMINER = re.compile(
    r"(?<!\bde)(?<!\bdu)(?<!\bdes)(?<!\ba)(?<!\bau)(?<!\baux)(?<!\bet)(?<!\bou)(?<!\bpar)(?<!\bpour)(?<!\bsur)"
    r"(?<!\ben)(?<!\bdans)(?<!\bavec)(?<!\bvers)(?<!\bchez)(?<!\bentre)(?<!,)(?<!ant)\s+(?:(?:les|le|la)\s+|l')(?=[a-z])"
)
_NAME_LEAD = re.compile(
    r"(?:(?:et|ou|ainsi que|ainsi qu'|de meme que)\s*)?(?:vers\s+(?:les\s|le\s|la\s|l')?|aupres\s+(?:des\s|du\s|de\s+la\s|de\s+l')"
    r"|avec\s+(?:les\s|le\s|la\s|l')"
    r"|du\s|de\s+la\s|de\s+l'|des\s|notre\s|nos\s|votre\s|vos\s|leurs?\s|son\s|sa\s|ses\s"
    r"|a\s+la\s|a\s+l'|aux\s|au\s|a\s|les\s|le\s|la\s|l'|un\s|une\s|des\s|d')\s*"
)
_NO_RECIPIENT = word_re(
    r"\baucun(?:e)?\s+(?:destinataire|tiers|communication|transmission|transfert|diffusion)\b"
    r"|\baucune?\s+(?:information|donnee|element)s?\s+(?:\w+\s+){0,3}?(?:n'|ne\s+(?:\w+\s+)?)(?:est|sont|sera|seront)\s+(?:\w+\s+)?"
    + _COMMUNICATED
    + r"|\bne\s+(?:\w+\s+){0,2}?(?:pas|jamais|aucunement|en aucun cas)\s+(?:\w+\s+){0,2}?(?:etre\s+)?"
    + _COMMUNICATED
    + r"|\bne (?:sont|seront|peuvent etre) (?:pas )?communiquee?s? a aucun"
    + r"|\b" + _COMMUNICATED + r"\s+a\s+aucune?\b"  # "destinées à être transmises à aucun organisme"
    + r"|\bne\s+(?:\w+\s+){0,2}?" + _COMMUNICATED + r"\s+ni\b"  # "ne sont communiquées ni à X ni à Y"
)
#: "… ne sont pas communiquées à des tiers, à l'exception des autorités judiciaires".
_BUT_FOR = word_re(
    r"\b(?:a l'exception|a l'exclusion|sauf|hormis|excepte|si ce n'est|mais\s+(?:uniquement|seulement|exclusivement))"
    r"\s*(?:des\s|du\s|de la\s|de l'|d')?"
)


@guarded("recipients")
def extract(text: str, out: Extraction) -> None:
    """Access rights and recipients of section V (offsets relative to ``text``)."""
    _read(text, out)


def _read(text: str, out: Extraction) -> None:
    all_blocks = blocks(text)
    mode: str | None = None  # "recipients" / "access" after a sub-heading
    heading = -1  # where the last sub-heading stands: an intro above it says nothing below it
    for index, block in enumerate(all_blocks):
        f = fold(block.text)
        if re.match(r"^sur (?:les|la) (?:destinataires|communication)", f):
            mode, heading = "recipients", index
            continue
        if re.match(r"^sur les (?:personnes|acces|habilitations)", f):
            mode, heading = "access", index
            continue
        if block.kind == "item":
            intro = (
                fold(all_blocks[block.intro_index].text)
                if block.intro_index is not None and block.intro_index > heading
                else ""
            )
            _item(text, block, intro, mode, out)
        elif not block.is_intro:
            for start, end in sentence_spans(text, block.start, block.end):
                _prose(text, start, end, out)


def _item(text: str, block, intro: str, mode: str | None, out: Extraction) -> None:
    f = fold(block.text)
    is_recipient_list = bool(re.search(r"destinataire|communiqu|transm|transfer|adresse|envoie|remet", intro)) or (
        mode == "recipients" and not intro
    )
    is_access_list = (
        bool(re.search(r"acces|habilit|droits|profil|personnes ayant", intro)) or mode == "access"
    )
    has_perm = any(rx.search(f) for rx, _ in _PERMS) or "acces" in f
    to_someone = re.match(r"^\W*(?:a|au|aux|a la|a l')\b", f)  # "- à la Direction X, pour les seuls accès …"
    if is_recipient_list and (to_someone or not (is_access_list and has_perm)):
        _item_recipients(block.text, block.start, out, active=bool(_ACTIVE_LEAD.search(intro)))
        return
    if not (is_access_list or has_perm):
        return
    colon = block.text.find(":")
    if 0 < colon < 200 and _SENT_ON_REQUEST.match(f, colon + 1):
        # "- la Direction de la Sûreté Publique : communication … sur réquisition"
        _add_recipient(out, block.text[:colon], block.start, _sent_condition(block.text, f, colon + 1))
        return
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
            zone=(zone_start, block.end),
            raw=block.text,
            span=(block.start, block.end),
            enumerated=True,
        )


#: An item of an access list that says the data are sent to it, not read by it.
_SENT_ON_REQUEST = re.compile(
    r"\s*(?:communication|transmission|transfert|envoi|remise|copie)s?\b(?!\s+(?:interne|entre))"
)


def _sent_condition(body: str, fb: str, at: int) -> str | None:
    """What limits a sending an item describes ("communication des images sur réquisition
    judiciaire": "sur réquisition judiciaire"), None when nothing does."""
    sent = _SENT_ON_REQUEST.match(fb, at)
    cond = _CONDITION_START.search(fb, sent.end()) if sent else None
    return strip_final_period(body[cond.start() :].strip(" ,;")) or None if cond else None


def _item_recipients(body: str, at: int, out: Extraction, *, active: bool = False) -> None:
    """ "- la Trésorerie Générale des Finances, aux fins de versement ;", "- Compagnie
    d'assurance : en cas de sinistre ;", "- aux autorités judiciaires, sur réquisition."."""
    fb = fold(body)
    first = _CONDITION_START.match(fb)
    if first and "," in fb:
        comma = fb.find(",")
        condition = body[:comma].strip() or None
        for name, own, pos in _recipient_list(body, fb, comma + 1):
            _add_recipient(out, name, at + pos, own or condition)
        return
    colon = re.search(r"\s*:\s*", body)
    if colon and colon.start() > 2:
        if _SENT_ON_REQUEST.match(fb, colon.end()):  # "- le conseil : transmission … en cas de litige"
            condition = _sent_condition(body, fb, colon.end())
        else:
            condition = strip_final_period(body[colon.end() :].strip(" ,;")) or None
        _add_recipient(out, body[: colon.start()], at, condition)
        return
    for name, condition, pos in _recipient_list(body, fold(body), 0, active):
        _add_recipient(out, name, at + pos, condition)


def _first_perm_pos(f: str) -> int:
    hits = [m.start() for rx, _ in _PERMS for m in rx.finditer(f)]
    for m in re.finditer(r"\(|\bacces\b|,", f):
        hits.append(m.start())
    return min(hits) if hits else len(f)


#: "Seules des statistiques anonymes sont transmises au …": no personal data leaves.
_ANONYMOUS = re.compile(
    r"\b(?:statistiques|donnees|informations|resultats)\s+(?:\w+\s+){0,2}?(?:anonymes|anonymisees|agregees)"
    r"(?:\s+et\s+(?:anonymes|anonymisees|agregees))?\s+(?:sont|seront|peuvent)"
    r"|\bsous\s+(?:une\s+)?forme\s+(?:agregee\s+et\s+)?(?:anonyme|anonymisee)s?\b"
    # "Le rapport, qui ne comporte que des données statistiques, est communiqué au …"
    r"|\bne\s+(?:comporte|contient|comprend)n?t?\s+que\s+des\s+(?:donnees|informations|resultats|elements)?\s*"
    r"(?:statistiques|anonymes|anonymisees|agregees)"
)
#: A recipient that only receives what names nobody: "au Conseil National, sous la forme de
#: statistiques anonymes, et à la X": no communication of personal data to it ("sous forme
#: agrégée" alone is kept: aggregated is not anonymous).
_ANONYMOUS_CONDITION = re.compile(
    r"^(?:(?:uniquement|seulement|exclusivement)\s+)?(?:sous\s+(?:la\s+|une\s+)?forme\s+(?:de\s+|d')?(?:\w+\s+){0,2}?"
    r"(?:anonyme|anonymisee)s?|de\s+(?:maniere|facon)\s+(?:anonyme|anonymisee)"
    r"|apres\s+anonymisation|(?:de\s+|des\s+)?(?:donnees|statistiques)\s+(?:anonymes|anonymisees))\b"
)
_FOLLOWING = re.compile(
    r"\s*(?:aux|a des|a l'un des)\s+(?:destinataires|organismes|services|personnes|entites|autorites)\s+"
    r"(?:suivants|suivantes|ci-apres|ci-dessous)\s*:\s*"
)
#: "…, établie en Suisse, …": where a recipient is, neither its name nor a condition.
_BARE_PLACE = re.compile(r"(?:en|au|aux|à|a)\s+(?:l')?[A-ZÀ-Þ][\w'-]*(?:[\s-][A-ZÀ-Þ][\w'-]*)*\s*(?=[,;.)]|$)")
_UP_TO_PUNCTUATION = re.compile(r"[^,;.]*")
_COMMA_CUE = re.compile(r",\s*(?=" + CONDITION_CUE + r")")
#: "…, Monaco Telecom et …": a capitalised name after a comma, another recipient.
_COMMA_NAME = re.compile(r"\s*,\s*(?=[A-ZÀ-Þ][\w'-]*\s+[A-ZÀ-Þ0-9])")
#: "…, la société X, …": the recipient named after a word that says what it is.
_NAMED = re.compile(
    r"(?:la|le|l')\s*(?P<kind>societe|groupe|entreprise|laboratoire|cabinet|association|fondation|banque|compagnie)\s+"
)


class _Described(str):
    """A condition that only describes its recipient (", promoteur de l'étude,"): a
    condition the sentence states elsewhere ("Dans le cadre d'une enquête, …") wins."""


#: A condition set off by commas before the recipients it applies to.
_INCISE = re.compile(r"\s*,\s*(?P<c>(?=" + CONDITION_CUE + r")[^,;:.]{3,80}),\s*(?=" + _NEW_RECIPIENT + r")")
_PLACE_APPOSITION = re.compile(
    r"(?:etabli|situe|localise|base|domicilie|implante|installe|sis)e?s?\s+(?:en|au|aux|a|dans|hors)\b[^,;.]*"
)
#: The Commission reporting what the controller does ("La Commission relève que les
#: informations sont communiquées à l'employeur"): the facts are the controller's.
_REPORTED = re.compile(r"\s*(?:\w+\s+){0,2}?(?:releve|note|constate|prend acte de ce|observe)\s+qu")

#: Where a sentence holds another access clause: "X dispose d'un accès en consultation, et
#: les auditeurs ont accès en lecture".
_ACCESS_CLAUSE = re.compile(r";\s+|,\s+(?:et|tandis que|alors que)\s+(?=(?:les|le|la|l')\s*[a-z])")


def _prose(text: str, start: int, end: int, out: Extraction) -> None:
    f = fold(text[start:end])
    cuts = [start] + [start + m.end() for m in _ACCESS_CLAUSE.finditer(f)] + [end]
    clauses = list(zip(cuts, cuts[1:], strict=False))
    if len(clauses) > 1 and sum(bool(_ACCESS_VERB.search(fold(text[a:b]))) for a, b in clauses) > 1:
        for a, b in clauses:
            _access_prose(text, a, b, out)
    else:
        _access_prose(text, start, end, out)
    who = COMMISSION.search(f)
    reported = who is not None and _REPORTED.match(f, who.end())
    if not (who and who.start() < _first_recipient_pos(f)) or reported:
        _recipients(text, start, end, out)


def _access_prose(text: str, start: int, end: int, out: Extraction) -> None:
    sentence = text[start:end]
    f = fold(sentence)
    who = COMMISSION.search(f)
    for m in _ACCESS_VERB.finditer(f):
        if who and who.start() < m.start():
            break
        head = f[: m.start()]
        cut = max((s.end() for s in _SUBJECT_START.finditer(head)), default=0)
        role = _clean_role(sentence[cut : m.start()])
        if role and not _PRONOUN.match(fold(role)):
            _add_access(
                out,
                text,
                role,
                zone=(start + m.start(), end),
                raw=sentence,
                span=(start, end),
                enumerated=False,
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
                    out,
                    text,
                    role,
                    zone=(start + r.end(), end),
                    raw=sentence,
                    span=(start, end),
                    enumerated=False,
                )


_ROLE_LEAD_IN = re.compile(
    r"^(?:en ce qui concerne|s'agissant|concernant|quant|pour ce qui (?:est|concerne))\b[^,]*,\s*"
)


def _clean_role(role: str) -> str | None:
    m = _CONNECTIVES.match(fold(role))
    role = role[m.end() :] if m else role
    lead = _ROLE_LEAD_IN.match(fold(role))
    role = role[lead.end() :] if lead else role
    to = re.match(r"[\s\W]*(?:a\s+la\s+|a\s+l'\s*|aux\s+|au\s+|a\s+)(?=\w)", fold(role))
    role = role[to.end() :] if to else role  # "- au responsable qualité : écoute": the role
    role = strip_final_period(role.strip(" ,;:-–•"))
    return role or None


def _add_access(
    out: Extraction,
    text: str,
    role: str,
    *,
    zone: tuple[int, int],
    raw: str,
    span: tuple[int, int],
    enumerated: bool,
) -> None:
    """The access right of ``role``: its permissions and restriction read in
    ``text[zone]`` (the words after the role), the row citing ``raw`` at ``span``."""
    zone_start, zone_end = zone
    start, end = span
    zone_text = text[zone_start:zone_end]
    fz = fold(zone_text)
    restriction, r_span = _restriction(zone_text, fz)
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
    leftover = re.sub(
        r"\b(?:acces|droits?|d'|de|du|des|en|un|une|au|aux|a|la|le|les|l'|traitement|donnees|informations)\b",
        " ",
        re.sub(r"[^\w' ]", " ", scan),
    ).split()
    if not ordered and enumerated and leftover and re.search(r"\bacces\b|\bdroits?\b", scan):
        ordered.append(Permission.OTHER)  # "accès ponctuel en télémaintenance"
        out.issues.append(
            Issue(
                "extract.recipients",
                Severity.WARNING,
                "unknown_label",
                f"access without a known permission: « {zone_text.strip()[:80]} » (role « {role} »)",
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


#: "sans possibilité d'extraction": a permission withheld (the access's restriction).
_WITHHELD = word_re(r"\bsans\s+(?:(?:aucune\s+)?possibilite|pouvoir|droit|faculte)\s+(?:de\s+|d')?")


def _restriction(zone: str, fz: str) -> tuple[str | None, tuple[int, int] | None]:
    m = _WITHHELD.search(fz) or _RESTRICTION.search(fz)
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
    if enumerated and not words:
        # "consultation, modification, instruction des alertes": an action named by its noun
        at = 0
        for piece in re.split(r",|;|\bet\b", scan):
            begin = scan.find(piece, at)
            at = begin + len(piece)
            action = _ACTION_NOUN.match(piece.strip())
            lead = begin + len(piece) - len(piece.lstrip())
            if action and not any(a <= lead < b for a, b in known) and action["word"] not in _IGNORED_WORDS:
                words.append(action["word"])
    return words


_ACTION_NOUN = re.compile(
    r"(?P<word>(?:prise en main|[a-z][a-z-]*(?:tion|sion|ment|age|ance|ence|ure)s?))\b(?!\s+(?:de\s+)?(?:l'accord|la demande))"
)


def _overlaps(scan: str, piece: str, known: list[tuple[int, int]]) -> bool:
    pos = scan.find(piece)
    return any(a < pos + len(piece) and pos < b for a, b in known) if pos != -1 else True


def _first_recipient_pos(f: str) -> int:
    m = _RECIPIENT_LEAD.search(f)
    return m.start() if m else len(f)


def _recipients(text: str, start: int, end: int, out: Extraction) -> None:
    """The recipients of one sentence of prose (clause by clause), each with its condition."""
    f = fold(text[start:end])
    cuts = [start] + [start + m.end() for m in re.finditer(r";\s+", f)] + [end]
    for a, b in zip(cuts, cuts[1:], strict=False):
        _clause_recipients(text, a, b, out)


def _clause_recipients(text: str, start: int, end: int, out: Extraction) -> None:
    sentence = text[start:end]
    f = fold(sentence)
    if _ANONYMOUS.search(f):
        return  # "seules des statistiques anonymes sont transmises à …": no personal data
    none = _NO_RECIPIENT.search(f)
    leads: list[tuple[int, str | None]] = []
    if none:
        but = _BUT_FOR.search(f, none.end()) or _BUT_FOR.match(f)
        # "… à l'exception de l'assureur", or first: "Hormis aux autorités judiciaires, … aucune"
        if but and (
            but.start() == 0
            or re.match(r"\s*(?:a|au|aux|a la|a l'|le|la|les|l')\b", f[but.end() :])
            or re.search(r"(?:des|du|de la|de l'|d')\s*$", f[but.start() : but.end()])
        ):
            leads = [(but.end(), None)]
        elif but:  # "… ne sont pas communiqués aux parents, sauf accord de l'élève majeur"
            negated = re.search(r"\s(?:a\s+la\s+|a\s+l'|aux?\s+|a\s+)(?=[a-z])", f[none.end() : but.start()])
            if negated:
                at = none.end() + negated.start() + 1
                name_end = f.rfind(",", at, but.start())
                name = sentence[at : name_end if name_end > 0 else but.start()]
                condition = strip_final_period(sentence[but.start() :].strip(" ,;")) or None
                _add_recipient(out, name, start + at, condition)
            return
    else:
        for m in _RECIPIENT_LEAD.finditer(f):
            between = m["between"] if "between" in m.groupdict() else None
            condition = None
            if between and between.lstrip().startswith(","):
                a = m.start("between") + between.index(",") + 1
                condition = sentence[a : m.end("between") - 1].strip() or None
            following = _FOLLOWING.match(f, m.end())  # "aux destinataires suivants : la X, le Y"
            at = following.end() if following else m.end()
            if "destinataires" in m.group() and not re.match(r"\s*(?:[,:]|" + _NEW_RECIPIENT + ")", f[at:]):
                # "Sont destinataires des informations relatives aux dons le commissaire …"
                names = _inverted_names(sentence, f, at)
                if names is not None:
                    at, condition = names[0], condition or names[1]
            incise = _INCISE.match(f, at)  # "Sont destinataires des informations, pour ce qui les concerne, les X"
            if incise and condition is None:
                condition = sentence[incise.start("c") : incise.end("c")].strip() or None
                at = incise.end()
            leads.append((at, condition))
        if not leads:
            inverted = _INVERTED.match(f)
            if inverted:
                lead = _inverted_names(sentence, f, inverted.end())
                if lead is not None:
                    leads.append(lead)
        if not leads:
            named = _subject_recipient(sentence, f)
            if named is not None:
                name, at, condition = named
                _add_recipient(out, name, start + at, condition or _sentence_condition(sentence, f, at))
                return
            leads = _other_leads(sentence, f)
    active = bool(leads) and not none and not _RECIPIENT_LEAD.search(f)
    before = _sentence_condition(sentence, f, leads[-1][0]) if leads else None
    if before is not None:  # no lead inside the condition ("En cas de transfert vers un …,")
        said_end = f.find(",", _skip(f, 0) + len(fold(before)) - 1)
        leads = [(a, c) for a, c in leads if a > said_end] or leads
    for at, condition in leads:
        for name, cond, pos in _recipient_list(sentence, f, at, active):
            if cond and _ANONYMOUS_CONDITION.match(fold(cond)):
                continue  # statistics only: no personal data goes to it
            if isinstance(cond, _Described) and (condition or before):
                cond = None
            _add_recipient(out, name, start + pos, cond or condition or before)


#: "Sont destinataires des enregistrements, sur réquisition, les officiers …", "Sont
#: destinataires des informations relatives aux dons le commissaire aux comptes …".
_INVERTED = re.compile(
    r"^\W*(?:(?:par ailleurs|en outre|enfin|seuls?|seules?)\s*,?\s*)?(?:sont\s+(?:egalement\s+|aussi\s+|seuls\s+)?"
    r"destinataires|(?:peuvent|pourront)\s+(?:egalement\s+|aussi\s+)?(?:recevoir|obtenir|avoir)\s+communication)"
    r"\s+(?:des|de la|de l'|du|d')\s*"
)


def _inverted_names(sentence: str, f: str, at: int) -> tuple[int, str | None] | None:
    """Where the names start after "Sont destinataires des X" (an incise condition, or the
    first article no preposition introduces), and the incise's condition."""
    comma = f.find(",", at)
    incise = _INCISE.match(f, comma) if comma != -1 else None
    det = _LOOSE_DETERMINER.search(f, at)
    if incise and (det is None or comma < det.start()):
        return incise.end(), sentence[incise.start("c") : incise.end("c")].strip() or None
    if det is not None:
        return det.start(), None
    return None


def _other_leads(sentence: str, f: str) -> list[tuple[int, str | None]]:
    """Recipients after an active verb ("Le responsable transmet les relevés à l'employeur",
    "adresse à la Caisse … les déclarations")."""
    active = _ACTIVE_LEAD.search(f)
    if active:
        to = re.search(r"\s(?:a\s+la\s+|a\s+l'|aux?\s+|a\s+)(?=[a-z])", f[active.end() :])
        if to:
            return [(active.end() + to.start() + 1, None)]
    return []


def _subject_recipient(sentence: str, f: str) -> tuple[str, int, str | None] | None:
    """A recipient named as the subject: "La Recette Municipale est destinataire des titres",
    "Le Conseil de l'Ordre a communication des informations lorsqu'il est saisi …"."""
    verb = _SUBJECT_RECIPIENT.search(f)
    if verb is None:
        return None
    head = f[: verb.start()]
    cut = max((m.end() for m in re.finditer(r"[;:]|,\s|\bque\s|\bqu'", head)), default=0)
    lead = re.match(r"\s*(?:seule?s?\s+)?", head[cut:])
    cut += lead.end() if lead else 0
    end = verb.start()
    trail = re.search(r"\s+(?:en|y)\s*$", head)  # "Seul le médecin du travail en est destinataire"
    if trail:
        end = trail.start()
    if not re.search(r"[a-z]{2}", head[cut:end]) or re.search(r"\b(?:il|ils|elle|elles|qui)\s*$", head[:end]):
        return None
    receives = re.match(r"\s(?:recoit|recoivent|recevra|recevront)", f[verb.start() :])
    only = _ONLY_WHAT.match(f, verb.end()) if receives else None
    if only is not None:  # "reçoit uniquement les données nécessaires à la transaction"
        stop = _ONLY_WHAT_END.search(f, only.end())
        condition = sentence[only.start("c") : stop.start() if stop else len(f)].strip() or None
        return sentence[cut:end], cut, condition
    condition = _trailing(sentence, f, verb.end())
    if receives and condition and not _PURPOSE.match(fold(condition)):
        condition = None  # "reçoit les données relatives à …": what it receives, not why
    return sentence[cut:end], cut, condition


#: What a recipient receives, restricted: "reçoit uniquement les données nécessaires à …".
_ONLY_WHAT = re.compile(r"\s+(?P<c>(?:uniquement|seulement|exclusivement)\s+(?:les|des|la|le|l')\s*\w|les\s+seule?s\s)")
_ONLY_WHAT_END = re.compile(r"\s*(?:,(?!\s*(?:a l'exclusion|a l'exception|sauf|hors)\b)|[;:]|\.(?:\s|$))")
#: A purpose or circumstance, as opposed to what is received ("reçoit les données … afin
#: d'en assurer l'analyse").
_PURPOSE = re.compile(
    r"(?:afin|aux\s+fins|a\s+des\s+fins|en\s+vue|dans\s+le\s+cadre|sur\s+(?:sa\s+|leur\s+)?(?:requisition|demande)"
    r"|en\s+cas|lorsqu|avec\s+l'accord|pour\s+(?:la|le|l')\s*(?:certification|gestion|paiement|instruction|suivi))"
)


def _trailing(sentence: str, f: str, at: int) -> str | None:
    """The condition after what the recipient receives ("a communication des déclarations,
    pour les seuls dossiers qu'il gère")."""
    cue = re.search(r"(?:,\s*|\s)(?=" + CONDITION_CUE + r")", f[at:])
    if cue is None:
        return None
    begin = at + cue.end()
    stop = _CONDITION_END.search(f, begin)
    return strip_final_period(sentence[begin : stop.start() if stop else len(f)].strip(" ,;")) or None


_SAYING_LEAD = re.compile(
    r"^\W*(?:il\s+est\s+(?:precise|indique|prevu|rappele)|le\s+responsable\s+(?:de|du)\s+traitement\s+"
    r"(?:indique|precise|prevoit)|la\s+commission\s+(?:releve|note|constate|prend\s+acte\s+de\s+ce))\s+qu(?:e\b|')"
)


_LEAD_CONNECTIVE = re.compile(
    r"(?:toutefois|cependant|neanmoins|par ailleurs|en outre|enfin|de plus|en revanche|par exception)\s*,?\s*"
)


def _sentence_condition(sentence: str, f: str, first: int) -> str | None:
    """A condition printed before the verb for every recipient of the sentence ("Sur
    réquisition, les informations peuvent être communiquées aux autorités judiciaires";
    "Il est précisé qu'à titre exceptionnel, les images …")."""
    said = _SAYING_LEAD.match(f)
    lead = said.end() if said else len(f) - len(f.lstrip(" -•"))
    lead += len(f[lead:]) - len(f[lead:].lstrip(" ,"))
    connective = _LEAD_CONNECTIVE.match(f, lead)  # "Toutefois, en cas d'incident, elles …"
    if connective:
        lead = connective.end()
    if not (_CONDITION_START.match(f, lead) or _BUT_FOR.match(f, lead)):
        return None
    comma = f.find(",", lead)
    if comma == -1 or comma > first:
        return None
    return sentence[lead:comma].strip() or None


_ABBREVIATION = re.compile(
    r"(?:\binc|\bltd|\bcorp|\bco|\bs\.a|\bs\.a\.m|\bsarl|\bsas|\bst|\bdr|\bme|\bm|(?<![\w.])(?:[a-z]\.){1,4}[a-z])$"
)
#: "au Conseil Économique, Social et Environnemental": capitalised words set off by commas
#: and closed by "et" + a capital inside one name (the name's own words, not new recipients).
_NAME_WORDS_AFTER_COMMA = re.compile(
    r",\s*[A-ZÀ-Þ][\w'-]*(?:\s*,\s*[A-ZÀ-Þ][\w'-]*)*\s+et\s+[A-ZÀ-Þ][\w'-]*(?=[\s,;.)]|$)"
)
#: "… à la Protection des Droits, des Libertés et à la Médiation": a body's name whose own
#: "à la" makes "et à la" + a capital part of it, not a new recipient.
_INNER_A = re.compile(r"\s(?:a la|a l'|au|aux)\s")


_PARTICIPLE = re.compile(
    r"(?<![\w-])(?!(?:société|entité|comité|autorité|université|communauté|municipalité|collectivité|mutualité"
    r"|propriété|activité|qualité|sécurité|santé|unité|faculté|fraternité|cité|majorité|minorité|électricité)s?$)"
    r"(?:[a-zàâçéèêëîïôûù][\w-]*(?:é|ée|és|ées|is|ise|ises|ant)|compétente?s?|habilitée?s?)$"
)


#: A present participle ending a name before a condition ("aux officiers de police judiciaire
#: agissant sur réquisition"), not a noun in "-ant" ("enfant", "représentant").
_ACTING = re.compile(
    r"\s(?!(?:enfant|etudiant|representant|intervenant|soignant|mandant|commercant|habitant|occupant|requerant"
    r"|participant|exposant|dirigeant|assistant|gerant|surveillant|suppleant|declarant|ayant|traitant|enseignant"
    r"|consultant|plaignant|fabricant|restaurant|militant|combattant|perdant|gagnant|sachant|aidant)\b)"
    r"[a-zàâçéèêëîïôûù][\w-]*ant$"
)


_RELATIVE_CONDITION = re.compile(r"\s+qui\s+[^,;:.]{0,60}?\s(?=" + CONDITION_CUE + r")")
_FOR_A_NAME = re.compile(r"\s+pour\s+(?:les\s+|le\s+|la\s+|l')?[A-ZÀ-Þ]")
_ACTING_CUE = re.compile(r"[a-z][\w-]*ant\s+(?=" + CONDITION_CUE + r")")


def _name_end(sentence: str, f: str, start: int) -> int:
    """Where the recipient's name that starts at ``start`` ends."""
    pos = start
    while True:
        stop = _NAME_END.search(f, pos)
        end = stop.start() if stop else len(f)
        opened = f.count("(", start, end) - f.count(")", start, end)
        if stop is not None and opened > 0:
            close = f.find(")", end)
            if close != -1:
                pos = close + 1
                continue
        if stop is not None and f[end : end + 1] == "." and _ABBREVIATION.search(f, start, end):
            pos = end + 1
            continue
        if stop is not None and f[end : end + 1] == "," and end > start:
            words = _NAME_WORDS_AFTER_COMMA.match(sentence, end)
            last = sentence[start:end].split()
            if words is not None and last and last[-1][:1].isupper():
                pos = words.end()  # "Conseil Économique, Social et Environnemental"
                continue
        if (
            stop is not None
            and re.match(r"\s+(?:et|ou)\s+(?:a la|a l'|au|aux)\s", f[end:])
            and _INNER_A.search(f, start, end)
        ):
            word = re.match(r"\s+(?:et|ou)\s+(?:a la|a l'|au|aux)\s*", f[end:])
            if word and sentence[end + word.end() : end + word.end() + 1].isupper():
                pos = end + word.end()
                continue
        # "experts mandatés pour l'évaluation": the participle's complement, not a condition
        if stop is not None and f.startswith(" pour", end) and _PARTICIPLE.search(sentence, start, end):
            pos = end + 5
            continue
        if (
            stop is not None
            and _FOR_A_NAME.match(sentence, end)
            and sentence[start : start + 1].isupper()
        ):
            pos = end + 5  # "Comité d'Éthique pour les Recherches Biomédicales": one name
            continue
        acting = _ACTING.search(f, start, end)
        if stop is not None and acting is not None and acting.start() > start:
            return acting.start()  # "officiers agissant sur réquisition": the condition starts there
        return end


def _recipient_list(
    sentence: str, f: str, pos: int, active: bool = False
) -> list[tuple[str, str | None, int]]:
    """(name, condition, offset) of each recipient from ``pos`` on, until the sentence ends
    or something other than a recipient follows."""
    found: list[tuple[str, str | None, int]] = []
    commas: list[bool] = []  # whether each one's condition is set off by a comma
    own: list[bool] = []  # whether each one's condition says it is its own ("ce dernier pour")
    joined: list[str] = []  # how each recipient after the first was joined ("," or "et")
    by_article = None  # "sont : la X, le Y" (articles) or "communiquées à la X, au Y" (prepositions)
    by_genitive = False
    while pos < len(f):
        pos = pos + len(f[pos:]) - len(f[pos:].lstrip())
        lead = _NAME_LEAD.match(f, pos)
        if by_article is None:
            by_article = bool(lead) and not re.match(r"(?:a|au|aux|vers|aupres|avec|du|de|des)\b", f[pos:])
            by_genitive = bool(re.match(r"(?:du|de la|de l'|des)\s", f[pos:]))
        name_start = lead.end() if lead else pos
        name_end = _name_end(sentence, f, name_start)
        if by_genitive:  # "du Maire et du Secrétaire Général de la Mairie"
            inner = re.compile(r"\s+et\s+(?=(?:du|de la|de l'|des)\s)").search(f, name_start, name_end)
            if inner:
                name_end = inner.start()
        det = _LOOSE_DETERMINER.search(f, name_start, name_end) if active else None
        if det:
            name_end = det.start()
        name = sentence[name_start:name_end]
        if not re.search(r"\w{2}", name):
            break
        condition = None
        cond_start: int | None = None
        nxt = name_end
        at = _skip(f, name_end)
        named = _NAMED.match(f, at) if f[name_end:at].strip() == "," else None
        if named is not None and sentence[named.end() : named.end() + 1].isupper():
            # "au promoteur de l'étude, la société Cardiolink Research Ltd, …": the name
            name_start = named.start("kind")
            name_end = _name_end(sentence, f, named.end())
            name = sentence[name_start:name_end]
            nxt = name_end
            at = _skip(f, name_end)
        place = _PLACE_APPOSITION.match(f, at) if f[nxt:at].strip() == "," else None
        if place is None and f[nxt:at].strip() == "," and _BARE_PLACE.match(sentence, at):
            place = _UP_TO_PUNCTUATION.match(f, at)  # "au siège du groupe, en France"
        if place:  # "à la maison mère, établie en France, pour …"
            nxt = place.end()
            at = _skip(f, nxt)
        cond = _CONDITION_START.match(f, at) or _ACTING_CUE.match(f, at)
        relative = _RELATIVE_CONDITION.match(f, name_end) if cond is None else None
        if relative is not None:  # "aux autorités judiciaires qui peuvent en obtenir copie sur réquisition"
            at = relative.end()
            cond = _CONDITION_START.match(f, at)
        apposition = (
            cond is None
            and f[nxt:at].strip() == ","
            and not re.match(_NEW_RECIPIENT + r"|(?:et|ou|ainsi|de meme)\b|(?:qui|dont|lequel|laquelle)\b", f[at:])
            and re.match(r"[a-z]", sentence[at:])  # a capital: another name ("…, Monaco Telecom et …")
        )
        if cond or apposition:  # ", promoteur de l'étude," is said of it too
            cstart = cond_start = at
            cend_m = _CONDITION_END.search(f, at + 1)
            # "pour les seules informations relatives aux accidents et aux maladies": the
            # "et aux" of what the condition enumerates, not a new recipient
            while (
                cend_m is not None
                and re.match(r"\s+(?:et|ou)\s", f[cend_m.start() :])
                and _ENUMERATING.search(f, cstart, cend_m.start())
            ):
                cend_m = _CONDITION_END.search(f, cend_m.end() + 1)
            cend = cend_m.start() if cend_m else len(f)
            if apposition:  # "…, transporteur partenaire, pour les seuls clients …": the condition
                cue = _COMMA_CUE.search(f, cstart, cend)
                if cue is not None:
                    cstart = cue.end()
            condition = strip_final_period(sentence[cstart:cend].strip(" ,;")) or None
            if apposition and condition is not None and cstart == at:
                condition = _Described(condition)
            nxt = cend
            last_only = _LAST_ONE.match(f, cstart)
            if last_only is not None and condition is not None:  # "…, ce dernier pour les seules …"
                condition = strip_final_period(sentence[last_only.end() : cend].strip(" ,;")) or None
        if condition is None and det is not None:  # "communique au X le dossier, afin de …"
            condition = _trailing(sentence, f, name_end)
        obj = _OBJECT_AFTER.match(f, name_end) if active and condition is None else None
        if obj is not None:  # "- au Répertoire X, les modifications, aux fins de …"
            condition = _trailing(sentence, f, obj.end())
        namely = _NAMELY.match(f, nxt)
        if namely is not None:  # "aux organismes sociaux, à savoir la X et la Y": X and Y
            pos = namely.end()
            by_article = None
            continue
        found.append((name, condition, name_start))
        # a condition set off by a comma may be shared; "… et la DSP dans le cadre de ses
        # missions" is the last one's own
        commas.append(condition is not None and (cond_start is None or "," in f[name_end:cond_start]))
        own.append(cond_start is not None and _LAST_ONE.match(f, cond_start) is not None)
        sep = _SEPARATOR.match(f, nxt)
        if sep and not by_article and re.match(r"(?:le|la|les|l'|un|une|ses|son|sa|leurs|leur)\b", f[sep.end() :]):
            sep = None
        if sep is None and det is not None:  # "transmet à la X les relevés, et aux familles le …"
            after = _NEXT_AFTER_OBJECT.search(f, det.start())
            if after is not None and not re.search(r"[;.:]", f[det.start() : after.start()]):
                sep = after
        if sep is None and not by_article:  # "au Service des Sports, Monaco Telecom et à la Mairie"
            sep = _COMMA_NAME.match(sentence, nxt)
        if sep is None and by_genitive:  # "à la connaissance du Maire et du Secrétaire Général"
            sep = re.compile(r"\s*(?:,\s*(?:et\s+)?|\s+et\s+)(?=(?:du|de la|de l'|des)\s)").match(f, nxt)
        if not sep:
            # "… aux avocats et, en cas de saisie, au greffe": a condition before the next one
            pre = re.match(r"\s*,?\s*(?:et|ou|ainsi que)\s*,\s*", f[nxt:])
            if pre and _CONDITION_START.match(f, nxt + pre.end()):
                c0 = nxt + pre.end()
                comma = f.find(",", c0)
                if comma != -1 and re.match(r"\s*" + _NEW_RECIPIENT, f[comma + 1 :]):
                    rest = _recipient_list(sentence, f, comma + 1, active)
                    pre_cond = sentence[c0:comma].strip()
                    found.extend((n, c or pre_cond, o) for n, c, o in rest)
                    joined.extend("condition" for _ in rest)  # each has its own: nothing shared
            break
        joined.append("," if "," in f[nxt : sep.end()] else "et")
        pos = sep.end()
    # "à la DSP et au Parquet Général, sur réquisition": one condition for recipients joined
    # with nothing between them
    first = max((i + 1 for i, (_, c, _) in enumerate(found[:-1]) if c), default=0)
    if first and len(found) - first > 1:  # "à la X pour …, ainsi qu'à A et à B le jour de …"
        head, found = found[:first], found[first:]
        commas, own, joined = commas[first:], own[first:], joined[first:]
    else:
        head = []
    if (
        len(found) > 1 and found[-1][1] and not any(c for _, c, _ in found[:-1]) and joined[-1] == "et"
        and not own[-1]
        # "… et la DSP dans le cadre de ses missions": the last one's own
        and (commas[-1] or not re.search(r"\b(?:son|sa|ses)\b", fold(found[-1][1] or "")))
    ):
        shared = found[-1][1]
        each = _respectively(shared, len(found))
        found = [(n, each[i] if each else shared, o) for i, (n, _, o) in enumerate(found)]
    return head + found


def _respectively(condition: str, n: int) -> list[str] | None:
    """ "respectivement pour l'évaluation du stage et pour son encadrement" over two
    recipients: one condition each, in order."""
    m = re.match(r"respectivement\s*,?\s*", fold(condition))
    if m is None:
        return None
    parts = [p.strip(" ,") for p in re.split(r",\s*|\s+et\s+", condition[m.end() :])]
    return parts if len(parts) == n and all(parts) else None


#: "…, ce dernier pour les seules informations …": said of the last recipient alone.
_LAST_ONE = re.compile(r"(?:ce dernier|cette derniere|ces derniers|ces dernieres|celui-ci|celle-ci|ceux-ci|celles-ci)\b\s*,?\s*")
#: Another recipient after the object of an active verb: "…, et aux familles le relevé".
_NEXT_AFTER_OBJECT = re.compile(r",?\s*(?:et|ainsi que|puis)\s+(?=(?:a|au|aux|a la|a l')\b)")
#: After a recipient, the object of an active verb: "- au Répertoire, les modifications".
_OBJECT_AFTER = re.compile(r"\s*,\s*(?:les|le|la|l'|un|une|des)\b[^,;]*")
#: "aux organismes de sécurité sociale, à savoir la X et la Y": the named ones.
_NAMELY = re.compile(r"\s*,?\s*(?:a savoir|c'est-a-dire|soit|notamment)\s*:?\s*(?=(?:le|la|les|l'|au|aux|a)\b)")


def _skip(f: str, at: int) -> int:
    m = re.match(r"[\s,«\"“]*", f[at:])
    return at + (m.end() if m else 0)


def _add_recipient(out: Extraction, name: str, at: int, condition: str | None = None) -> None:
    lead = re.match(r"[\s«\"“]*(?:seule?s?\s+)?", fold(name))
    name = name[lead.end() :] if lead else name
    m = _NAME_LEAD.match(fold(name))
    skip = m.end() if m else 0
    cleaned = strip_final_period(name[skip:].strip(" ,;:-–•«»\""))
    if cleaned and len(cleaned) > 2 and not _NOT_A_NAME.match(fold(cleaned)):
        begin = at + skip + (len(name[skip:]) - len(name[skip:].lstrip()))
        if condition:
            condition = strip_final_period(_balanced(condition.strip(" ,;:\""))) or None
        out.add("recipients", Recipient(cleaned, begin, begin + len(cleaned), condition))


def _balanced(text: str) -> str:
    """Without the guillemets that open or close nothing ("« pour les besoins »" → "pour les
    besoins", "… plateforme « CardioLink »" unchanged)."""
    while text.startswith("«") and "»" not in text:
        text = text[1:].strip()
    while text.endswith("»") and text.count("«") < text.count("»"):
        text = text[:-1].strip()
    if text.startswith("«") and text.endswith("»") and text.count("«") == 1:
        text = text[1:-1].strip()
    return text


#: What follows a communication verb and is not a recipient.
_NOT_A_NAME = re.compile(
    r"^(?:tiers|des tiers|personne$|aucun|aucune|quiconque|l'exterieur|l'etranger|titre|ce titre|cet effet"
    r"|cette fin|leur demande|sa demande|la demande|condition|moins|d'autres fins|autres fins|des fins|fins|exception\b"
    r"|(?:l')?articles?\s+\d+|(?:la\s+)?loi\s+n|exigences|dispositions)\b"
)
