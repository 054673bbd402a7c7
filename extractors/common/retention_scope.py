"""Which information a retention rule covers (``data_scope``), read from section VIII.

Pure helpers for ``extractors.retention_rules``: the subject of a retention verb ("les logs
système sont supprimés" → "les logs système"), the antecedent of "qui", the topic ("en
ce qui concerne X, les données sont …" → X), the complement of a noun ("la durée de
conservation des logins" → "logins"), the group after a duration ("6 mois pour les
visiteurs") or before it in an ellipsis ("… 1 an et les logs 6 mois" → "les logs").
"""

from __future__ import annotations

import re

from extractors.common.durations import find_durations, find_ranges, opens_with_period
from extractors.common.text import fold, strip_final_period
from extractors.common.wordre import word_re

_AUX = word_re(
    r"\b(?:sont|est|seront|sera|soient|soit|restent|reste|demeurent|demeure|seraient|serait"
    r"|(?:doivent|devront|devraient|devrait|peuvent|pourront|pourraient|pourrait|doit|devra|peut|pourra|sauraient"
    r"|saurait)(?:\s*,[^,]{1,30},|\s+pas|\s+plus|\s+jamais)?\s+etre|ont ete|a ete"
    r"|repondent|repond|relevent|releve|suivent|suit|font l'objet|(?<!ayant )fait l'objet|obeissent|obeit)\b"
    r"(?P<gap>(?:\s+(?!qu(?:e|i|')\b)(?!(?:sont|est|seront|sera|soient|etre)\b)[\w',()-]+){0,4}?)\s*$"
)
#: Verbs whose "que" opens the clause that holds the subject ("indique que les X sont …").
_SAYING = (
    r"(?:indique|indiquent|precise|precisent|prevoit|prevoient|estime|estiment|considere|considerent"
    r"|releve|relevent|constate|constatent|note|notent|rappelle|rappellent|demande|demandent|souhaite"
    r"|observe|explique|expliquent|affirme|signale|informe|ajoute|ajoutent|propose|recommande|exige"
    r"|souligne|confirme|declare|mentionne|admet|accepte|juge|retient|dispose|stipule|prescrit|requiert"
    r"|preconise|assure|garantit|s'engage|veille|prend acte(?: de ce)?|prend note(?: de ce)?|entend|(?:est|a ete|sont)"
    r"\s+(?:indique|precise|prevu|rappele|entendu|convenu|souligne|mentionne|releve|constate|note))"
)
_BOUNDARY = re.compile(
    rf";|:|\b{_SAYING}\s+(?:\w+\s+){{0,2}}?(?:que\s|qu'|que\s*,[^,]{{1,80}},\s*)|(?:^|,)\s*(?:(?:et|ou|mais|toutefois|cependant|neanmoins|donc|en outre|egalement|aussi|en consequence|par consequent|des lors|a cet egard)\s+)?(?:de sorte |afin |pour )?(?:que\s|qu')"
    r"|,\s*(?:et|puis|mais)\s|\s(?:puis|tandis que|alors que)\s"
    # ", à l'issue de laquelle elles …": a relative clause after a comma (not "les dossiers
    # des demandeurs auxquels un logement a été attribué", a part of the subject)
    r"|,\s*(?:[\w'-]+\s+){0,3}?(?:laquelle|lequel|lesquelles|lesquels|duquel|desquels|desquelles|auquel|auxquels"
    r"|auxquelles)\s+(?:cas\s+)?|\b(?:dans ce cas|en ce cas|le cas echeant)\s*,?\s*"
    # "une procédure sera mise en place afin que les données …", "le dossier est clôturé et
    # les informations sont archivées": another clause before the subject
    r"|\b(?:afin|de sorte|de maniere|pour)\s+(?:que\s|qu')"
    r"|\b(?:est|sont|sera|seront|a ete|ont ete)\s+[a-z][\w-]*\s+et\s+(?=(?:les|la|le|l')\s*[a-z])"
)
_CONNECTIVES = re.compile(
    r"^(?:[\s,;:]|\b(?:et|puis|mais|par ailleurs|enfin|en outre|de plus|ensuite|de meme|toutefois"
    r"|cependant|egalement|aussi|a cet egard|en revanche|au surplus|dans ce cadre|neanmoins|il est precise"
    r"|il est indique)\b)+"
)
EXCEPTION = word_re(
    r"\b(?:a l'exception|a l'exclusion|sauf|excepte|hormis)\b\s*(?:des|du|de la|de l'|d')?\s*"
)
_TOPIC = re.compile(
    r"^(?:en ce qui concerne|s'agissant|concernant|pour ce qui concerne|pour ce qui est|quant|pour)\s+"
    r"(?:(?:a|aux|au)\s+)?(?:des\s|du\s|de la\s|de l'|d'|de\s)?\s*"
)
_GENERIC_SUBJECT = re.compile(
    r"(?:,\s*|\s)(?:les|ces|leurs|ses|leur) (?:donnees|informations|durees?|delais?)(?: de conservation)?\s*$"
    r"|(?:,\s*|\s)(?:celles-ci|ceux-ci|elles|ils)\s*$"
)
_COMPLEMENT = re.compile(
    r"^\s*(?:s'agissant|concernant|relative|pour)?\s*(?:des\s|du\s|de la\s|de l'|d'|de\s|aux\s|au\s|l'|les\s|la\s|le\s)\s*"
)
_FOR_SCOPE = re.compile(
    r"^\s*(?:pour|concernant|s'agissant d(?:es|u|e la|e l')|(?:celle|celui|celles|ceux)\s+(?=des\s|du\s|de\s))"
    r"\s*(?:(?<=celle )|(?<=celui )|(?<=celles )|(?<=ceux )(?:des|du|de la|de l'|de)\s*)?(?P<np>[^,;.]+?)(?=\s+et\s|[,;.]|$)"
)
#: "conservées 1 an et les logs 6 mois": the group elided before a second duration.
_ELIDED = re.compile(
    r"(?:^|,|\bet|\bpuis)\s+(?P<np>(?:les|le|la|l'|ceux|celles|celle|celui)\b[^,;.]*?)(?:\s+(?:pendant|durant|a))?\s*$"
)
_NOT_GROUP = re.compile(
    r"^(?:la|le|les|l')\s*(?:duree|delai|periode)|\b(?:etant|est|sont|sera|seront|portee?s?|ramenee?s?)\b"
)
_DUREE = word_re(
    r"\b(?:duree|delai)s? (?:de |d')conservation\s+(?:(?:de|d')\s*(?:\w+\s+){1,3}?(?:ans?|mois|jours?|semaines?)\s+)?"
    r"(?:(?:s'agissant|concernant|applicable)\s+)?(?:des\s|du\s|de la\s|de l'|d'|aux\s|au\s)"
)
#: Where the complement of "la durée de conservation des X" ends when no duration follows.
_SCOPE_VERB = re.compile(
    r"\s(?:ne|n'|est|sont|doit|doivent|devrait|devraient|apparait|parait|semble|lui|leur|excede|prevue?s?|envisagee?s?)\b"
    r"|,\s*(?:qu'elle|que la commission|qu'elle|a l'issue|au terme|laquelle|lesquelles)\b|\s+et\s+(?:la|les|l')\s*(?:fixe|ramene|reduit)"
    r"|\s+et\s+a\s+(?:\d|un|une|deux|trois|quatre|cinq|six|dix|douze|quinze|trente)\b|\s+et\s+(?:celles?|ceux|celui)\b"
    r"|\s(?:soit|soient|sera|seront|puisse|puissent)\b"
    r"|,\s*(?:sauf|hors|a l'exception|a l'exclusion|sous reserve)\b"
)
_COMMISSION_TOPIC = re.compile(
    r"^(?:[^,]*?,\s*)?(?:en ce qui concerne|s'agissant|concernant|pour ce qui concerne|quant)\s+(?:(?:a|aux|au)\s+)?"
    r"(?:des\s|du\s|de la\s|de l'|d'|de\s)?(?P<np>.+?),\s*(?:la commission|elle|la ccin)\b"
)


_HEADER = re.compile(
    r"^(?:art(?:icle)?\.?\s*(?:[a-z]{1,2}\.\s*)?(?:\d+(?:-\d+)*|premier|1er)\w*\.?\s*(?:[-–—]\s*)?)?"
    r"(?:(?:[ivx]+|[a-h]|\d+)\s*[.)°]\s*(?:[-–—]\s*)?)?"
)
#: A lead-in before the subject: "À l'issue de ce délai, les journaux …", "Conformément à
#: l'article 10, les données …", "Par dérogation, les données …".
_LEAD_IN = re.compile(
    r"^(?!(?:les|le|la|l'|des|du|ces|cette|ce|cet|leurs?|ses|sa|son|vos|votre|nos|notre|tou(?:te)?s?)\b)"
    r"[^,]*(?:,[^,]*)*?,\s*(?=(?:les|le|la|l'|ces|cette|cet|ce|leurs?|ses|sa|son|vos|votre|nos|notre"
    r"|tou(?:te)?s les|tout le|toute la|l'ensemble|elles|ils|celles-ci|ceux-ci)\b)"
)
_TOPIC_LEAD = re.compile(r"^(?:pour\s+|concernant\s+|s'agissant\s+(?:des\s+|du\s+|de\s+la\s+|de\s+l'|d'))")
_DETERMINER_LEAD = re.compile(
    r"^(?:(?:tou(?:te)?s\s+(?:les|ces|leurs|vos|nos)|tout\s+le|toute\s+la|(?:celle|celui)\s+(?:des|du|de\s+la|de\s+l'|d')"
    r"|leurs|leur|les|le|la|des|du|de\s+la|ces|cette|cet|ce|ses|une|un"
    r"|sa|son|vos|votre|nos|notre)\s+|(?:l'|de\s+l')\s*)"
)
_PRONOUN = re.compile(
    r"^(?:elles|ils|elle|il|celles-ci|ceux-ci|celle-ci|celui-ci|ces dernieres|ces derniers|les|la|le|l'|en"
    r"|celles|ceux|qui|lesquelles|lesquels|y)$"
)
_RELATIVE_INCISE = re.compile(r",\s*(?:qui|dont|lesquel(?:le)?s?|laquelle|lequel)\s[^,]*,?\s*$")
_NAMELY = re.compile(
    r",\s*(?:a savoir|notamment|c'est-a-dire|en particulier|tel(?:le)?s?\s+que|y compris|quel(?:le)?s?\s+que)\b"
)
_TRAILING_NEG = re.compile(r"(?:\s+(?:ne|n'|y|en|ne\s+pas|ne\s+plus))+$")


def clean(phrase: str) -> str | None:
    """The phrase as a ``data_scope``: without an article header ("Art. 4. –"), leading
    connectives ("Par ailleurs, …") or lead-in ("À l'issue de ce délai, …"), leading
    determiner ("les", "vos", "toutes les"), a trailing "ne", edge punctuation and final
    period. None for a bare pronoun ("elles"): the caller takes the antecedent."""
    phrase = phrase.strip()
    f = fold(phrase)
    for rx in (_HEADER, _CONNECTIVES, _LEAD_IN, _CONNECTIVES, _TOPIC_LEAD, _DETERMINER_LEAD):
        m = rx.match(f)
        if m and m.end():
            phrase, f = phrase[m.end() :], f[m.end() :]
    phrase = strip_final_period(phrase.strip(" ,;:-–—"))
    namely = _NAMELY.search(fold(phrase))  # "données des appels, à savoir le numéro, la date …"
    if namely and namely.start() > 0:
        phrase = phrase[: namely.start()]
    incise = _RELATIVE_INCISE.search(fold(phrase))  # "journaux, qui retracent les accès,"
    if incise and incise.start() > 0:
        phrase = phrase[: incise.start()]
    neg = _TRAILING_NEG.search(fold(phrase))
    if neg:
        phrase = phrase[: neg.start()]
    phrase = phrase.strip(" ,;:-–—")
    if not phrase or _PRONOUN.match(fold(phrase)):
        return None
    return phrase


def subject(text: str, region_start: int, verb_start: int, anywhere: bool = False) -> str | None:
    """The subject of the retention verb at ``verb_start`` ("les X sont conservés"), or with
    ``anywhere`` the subject of the first verb of ``text[region_start:verb_start]`` (what a
    later "Leur durée de conservation" refers to)."""
    region = fold(text[region_start:verb_start])
    aux = _FIRST_VERB.search(region) if anywhere else _AUX.search(region)
    if not aux:
        if anywhere:
            return None
        joined = _JOINED_NP.search(region)
        if joined is not None:  # "…, ainsi que des rapports anonymisés dès …": the rapports
            return clean(text[region_start + joined.start("np") : region_start + joined.end("np")])
        return _excepted(text, region_start, region)
    head_end = region_start + aux.start()
    head = fold(text[region_start:head_end])
    if re.search(r"\bqui\s*$", head):
        cut = None
        for m in EXCEPTION.finditer(head):
            cut = m.end()
        stop = len(head.rstrip()) - 3
        if cut is None:
            comma = head.rfind(",")
            if comma != -1 and not head[comma + 1 : stop].strip():
                # "Le traitement comporte des fiches de signalement, qui sont …"
                stop, comma = comma, head.rfind(",", 0, comma)
            cut = comma + 1
            heads = [m.end() for m in _NP_HEAD.finditer(head, cut, stop)]
            if heads:  # "Le dispositif génère des journaux techniques qui …"
                cut = heads[-1]
        return clean(text[region_start + cut : region_start + stop])
    cut = 0
    for m in _BOUNDARY.finditer(head):
        cut = m.end()
    joined = _SAME_SUBJECT.search(head, cut)
    if joined is not None:  # "le gabarit est enregistré sur le badge et n'est jamais conservé …"
        return _topic_or_subject(text[region_start + cut : region_start + joined.start()])
    if _CONDITION_CLAUSE.match(head, cut):
        comma = head.rfind(",", cut)
        if comma == -1:
            return None  # "… tant que celui-ci est actif, puis supprimées": no subject of its own
        cut = comma + 1  # "Lorsqu'une procédure est engagée, les données sont …": after it
    return _topic_or_subject(text[region_start + cut : head_end])


#: A first predicate of the same subject before "et": "X est enregistré sur le badge et".
_SAME_SUBJECT = re.compile(r"\s(?:est|sont|sera|seront)\s+[a-z][\w-]*(?:e|es|s|ee|ees)\b[^,;]*\s(?:et|mais)\s*(?:ne\s*|n'\s*)?$")
#: A clause of condition or time where a subject would stand ("tant que celui-ci est actif").
_CONDITION_CLAUSE = re.compile(
    r"\s*(?:,\s*)?(?:tant qu|aussi longtemps qu|lorsqu|quand\s|si\s|s'il|des qu|apres qu|avant qu|jusqu'a ce qu|puisqu"
    r"|parce qu|sauf si|a moins qu)"
)


#: A participle after a noun phrase joined to what came before ("conservés six mois, ainsi
#: que des rapports d'activité anonymisés"): that noun phrase is its subject.
_JOINED_NP = re.compile(
    r"(?:,\s*|\s)(?:ainsi que|et|de meme que)\s+(?P<np>(?:les|des|la|le|l'|ses|leurs|ces)\s*[a-z][^,;:]*?)\s*$"
)
#: Where a noun phrase starts that no preposition introduces (the antecedent of "qui").
_NP_HEAD = re.compile(
    r"(?:^|(?<!\bde)(?<!\bdu)(?<!\ba)(?<!\bau)(?<!\baux)(?<!\ben)(?<!\bpar)(?<!\bpour)(?<!\bsur)"
    r"(?<!\bavec)(?<!\bdans)(?<!\bet)(?<!\bou)\s)(?=(?:les|la|le|l'|ces|leurs|ses)\b)"
    # "des", "un", "une" after a noun are its complement ("les données des salariés"): an
    # antecedent only after a verb ("le dispositif génère des journaux")
    r"|\b(?:comport|contien|contienn|gener|produi|produis|cre|enregistr|collect|recueill|regroup|inclu|prevoi"
    r"|detien|detienn|stock|recoi|recoiv|transmet|emet|etabli|etabliss|constitu|utilis|rassembl|compren|conserv"
    r"|archiv|integr|ajout|dispos|gard)(?:e|es|ent|it|t|ons|ez|ait|aient)?\s(?=(?:des|un|une)\b)"
)
_FIRST_VERB = re.compile(
    r"\s(?:sont|est|seront|sera|soient|soit|ont|font|fait|peuvent|doivent|peut|doit|ne|n')\s"
)


_PRONOUN_BEFORE_VERB = re.compile(
    r"(?:^|[\s,;']|qu')(?:elles|ils|elle|il|celles-ci|ceux-ci|celle-ci|celui-ci|ces dernieres|ces derniers)\s+"
    r"(?:(?:ne|n'|en|y|quant\s+a\s+\w+|ensuite|alors|egalement|aussi|donc|toutefois|,)\s*)*$"
)


def pronoun_subject(text: str, region_start: int, verb_start: int) -> bool:
    """The verb's subject is a pronoun ("Ils sont conservés", "… indique qu'ils sont …",
    "celles-ci sont conservées")."""
    region = fold(text[region_start:verb_start])
    aux = _AUX.search(region)
    head = region[: aux.start()] if aux else region
    return bool(_PRONOUN_BEFORE_VERB.search(head))


def _excepted(text: str, region_start: int, region: str) -> str | None:
    """ "…, à l'exception des données de facturation, conservées dix ans": the excepted group."""
    last = None
    for m in EXCEPTION.finditer(region):
        last = m
    if last is None:
        return None
    rest = region[last.end() :]
    stop = re.search(r",|\s(?:qui|sont|est)\b", rest)
    np = text[region_start + last.end() : region_start + last.end() + (stop.start() if stop else len(rest))]
    return clean(np)


_OBJECT_STOP = re.compile(
    r"[;:.()]|,(?!\s*(?:les|des|ses|leurs|vos|nos)\s)|\s(?:pendant|durant|jusqu'|jusqu|a compter|a partir|apres|au-dela|au plus"
    r"|au moins|au maximum|au bout|a l'issue|des (?:la|le|l')|lors|a la fin|en fin"
    r"|sur une|pour une|dans|tant|aussi longtemps|le temps|puis|et les|conformement|des la|des le|des l'"
    r"|sans (?:limitation|limite|delai))"
    r"|\s(?:\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|trente)\s+(?:ans?|mois|jours?|semaines?|heures?|annees?)\b"
)
_OBJECT_START = re.compile(
    r"\b(?:les|la|le|l'|des|ces|vos|leurs|ses|nos|votre|leur|son|sa|notre|tous les|toutes les|l'ensemble)\b"
)
_OBJECT_START_ANY = re.compile(
    r"\b(?:les|la|le|l'|des|ces|vos|leurs|ses|nos|votre|leur|son|sa|notre|une|un|tous les|toutes les)\b"
)
_PP = re.compile(
    r"\s*(?:(?:pour le compte|au nom|a la demande|sur demande|en son nom)\b[^,]*?(?=\s(?:les|la|le|l'|des|ces|vos|leurs|ses|nos)\s)"
    r"|quant a (?:lui|elle|eux|elles)|pour sa part|de son cote|egalement|aussi|en outre|ensuite|alors)"
)


def object_phrase(text: str, verb_end: int, seg_end: int) -> tuple[str | None, int]:
    """The object of an active retention verb ("le responsable conserve les relevés … pendant
    un an" → "relevés …") and how far it reaches from ``verb_end``; (None, 0) when the
    object stands before the verb ("puis les efface") or is missing."""
    tail = text[verb_end:seg_end]
    f = fold(tail)
    pp = _PP.match(f)
    skip = pp.end() if pp else 0
    m = _OBJECT_START.match(f[skip:].lstrip())
    if not m:
        incise = re.match(r"\s*,[^,]{3,160},\s*", f[skip:])
        if incise:  # "conservent, pendant cinq ans au moins …, une copie de …"
            skip += incise.end()
            m = _OBJECT_START_ANY.match(f[skip:])
        if not m:
            return None, 0
    begin = skip + (len(f[skip:]) - len(f[skip:].lstrip()))
    stop = _OBJECT_STOP.search(f, begin + m.end())
    np_end = stop.start() if stop else len(f)
    return clean(tail[begin:np_end]), np_end


def _topic_or_subject(phrase: str) -> str | None:
    """ "S'agissant des visiteurs, leurs données" → "visiteurs" (the topic names the group
    when the subject is generic); else the subject, cleaned."""
    f = fold(phrase)
    lead = 0
    for rx in (_HEADER, _CONNECTIVES):
        m = rx.match(f, lead)
        if m:
            lead = m.end()
    topic = _TOPIC.match(f, lead)
    if topic:
        generic = _GENERIC_SUBJECT.search(f)
        if generic:
            return clean(phrase[topic.end() : generic.start()])
        comma = f.rfind(",")
        if comma > topic.end() and not clean(phrase[comma + 1 :]):
            return clean(phrase[topic.end() : comma])  # "S'agissant des X, elles …"
    return clean(phrase)


def topic(text: str, start: int, end: int) -> str | None:
    """The group a sentence is about when it opens with it: "S'agissant des pièces
    justificatives, leur durée …" → "pièces justificatives"."""
    region = text[start:end]
    f = fold(region)
    lead = 0
    for rx in (_HEADER, _CONNECTIVES):
        m = rx.match(f, lead)
        if m:
            lead = m.end()
    m = _TOPIC.match(f, lead)
    comma = f.find(",", lead)
    if m is None or comma < m.end():
        return None
    return clean(region[m.end() : comma])


_PERIOD_FIRST = re.compile(
    r"^\s*(?:de|d')\s*(?:\w+[\s-]+){1,3}?(?:ans?|mois|jours?|semaines?|annees?)\b(?:\s+(?:maximum|minimum))?\s*(?=pour|des|du|de)"
)


def complement(text: str, noun_end: int, seg_end: int) -> str | None:
    """The complement of a noun marker: "la suppression des X intervient …" → X."""
    tail = text[noun_end:seg_end]
    period = _PERIOD_FIRST.match(fold(tail))
    if period:  # "durée de conservation de dix ans pour l'ensemble des données"
        tail = tail[period.end() :]
    m = _COMPLEMENT.match(fold(tail))
    if not m:
        return None
    rest = tail[m.end() :]
    stop = re.search(
        r"\s(?:est|sont|sera|seront|intervient|interviendra|a lieu|s'effectue|correspond|ne|n'|doit|doivent"
        r"|peut|peuvent|pourra|devra|pendant|durant|jusqu'|a compter|au-dela|au plus|au moins|a l'issue|au terme"
        r"|au bout|a l'expiration|dans un delai|apres|des la|des le|des l'|lors)\b|[,;:]"
        r"|\s(?:\d+|un|une|deux|trois|quatre|cinq|six|dix|douze|quinze|trente)\s+(?:ans?|mois|jours?|semaines?|heures?|annees?)\b"
        r"|\s+et\s+(?:la|les|l')\s*(?:fixe|ramene|reduit|limite|porte)",
        fold(rest),
    )
    phrase = rest[: stop.start()] if stop else rest
    if opens_with_period(phrase):
        return None  # "font l'objet d'une conservation de 3 ans": a period, not what is kept
    return clean(phrase)


def duration_scope(seg: str, prev_end: int | None, start: int, end: int) -> str | None:
    """The group one of several durations of a segment is for: "6 mois pour les
    visiteurs" (after it) or "… et les logs 6 mois" (elided before it), else None."""
    own = _FOR_SCOPE.match(fold(seg[end:]))
    if own:
        return seg[end + own.start("np") : end + own.end("np")]
    gap = _ELIDED.search(fold(seg[prev_end:start])) if prev_end is not None else None
    if gap and prev_end is not None and not _NOT_GROUP.search(gap["np"]):
        return clean(seg[prev_end + gap.start("np") : prev_end + gap.end("np")])
    return None


def commission_scope(sentence: str, f: str, after: int) -> str | None:
    """What the Commission fixes a duration for: "fixe la durée de conservation des X à
    …", "la durée de conservation des X ne saurait excéder … et la fixe à …", "S'agissant
    des X, la Commission …"."""
    m = _DUREE.search(f, after) or _DUREE.search(f)
    if m:
        rest = sentence[m.end() :]
        first = [r.start for r in find_ranges(rest)] + [d.start for d in find_durations(rest)]
        verb = _SCOPE_VERB.search(fold(rest))
        if verb:
            first.append(verb.start())
        cut = min(first) if first and min(first) > 0 else len(rest)
        scope = re.sub(r"\s+(?:a|à|de|d'|pour)$", "", rest[:cut].rstrip(" ,"))
        return clean(scope)
    topic = _COMMISSION_TOPIC.match(f)
    if topic:
        return clean(sentence[topic.start("np") : topic.end("np")])
    return None


#: "Sont conservés pendant dix ans les documents comptables …": the subject after the period.
_INVERTED_HEAD = re.compile(r"^\W*(?:sont|est|seront|sera|restent|reste|demeurent|demeure)\s*$")
_AFTER_PERIOD = re.compile(
    r"\b(?:ans?|mois|jours?|semaines?|annees?|heures?)\b(?:\s+(?:glissants?|glissantes?|maximum|minimum|au plus|au moins))?"
    r"\s*,?\s+(?=(?:les|la|le|l'|des|ces|leurs|ses|vos|nos)\b)"
)


def inverted_subject(text: str, region_start: int, verb_start: int, verb_end: int, seg_end: int) -> str | None:
    """The subject of a verb that opens its clause, after the period ("Sont conservés
    pendant dix ans les documents comptables relatifs aux paiements"), or None."""
    if not _INVERTED_HEAD.match(fold(text[region_start:verb_start])):
        return None
    tail = fold(text[verb_end:seg_end])
    m = _AFTER_PERIOD.search(tail)
    if m is None:
        return None
    stop = re.compile(r"[.;:,()]").search(tail, m.end())
    return clean(text[verb_end + m.end() : verb_end + (stop.start() if stop else len(tail))])


_DEMONSTRATIVE = re.compile(r"^(?:de\s+|d')?(?:celles|ceux|celle|celui)\s+(?=de\b|des\b|du\b|d'|relati|concern|qui\b|dont\b|lie)")
_HEAD_END = re.compile(r"\s(?:des|du|de la|de l'|relati(?:f|ve|fs|ves)|concernant|liee?s?|aux?|a)\b")


def with_antecedent(scope: str | None, before: str | None) -> str | None:
    """ "ceux relatifs aux opérations" after "documents et informations relatifs aux
    clients": "documents et informations relatifs aux opérations" (the pronoun takes the
    head of the group named before it)."""
    if not scope:
        return scope
    m = _DEMONSTRATIVE.match(fold(scope))
    if m is None:
        return scope
    if not before:  # no group named before: what follows the pronoun
        return clean(scope[m.end() :]) or scope
    cut = _HEAD_END.search(fold(before))
    head = before[: cut.start()] if cut else before
    if not head or _DEMONSTRATIVE.match(fold(head)):
        return scope
    return f"{head} {scope[m.end():]}"

