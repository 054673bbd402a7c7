"""Section I, "Sur la finalité et les fonctionnalités du traitement".

``extract(text)`` reads the section's body (normalised, without its heading):

- ``tables["functionalities"]``: one ``Functionality`` per item of a list announced as the
  processing's features ("Les fonctionnalités du traitement sont :", "a pour
  fonctionnalités :", "Il permet de :", "les fonctionnalités suivantes :" …), and of the
  group sub-lists under it ("Pour les managers :" → ``actor="managers"``). Other lists
  of the section (objectives, persons concerned, a quotation) give no row. When the
  section has no such list, a one-sentence enumeration ("Il permet : la gestion de X,
  la gestion de Y et la gestion de Z.", "Le traitement permet de gérer X, d'éditer Y et
  d'envoyer Z.") is split into items. Lines after a feature intro that lost their bullet
  but end like list items (";" or ",", then the last one with ".") are items too.
- ``fields.data_subjects``: the categories of persons concerned, read by
  ``extractors.common.subjects`` (see there how items are cut and articles dropped).
- ``fields.system_name``: the tool's name when clearly stated ("La solution utilisée
  est dénommée « Deskare »", "dénommé « X »", "appelé « X »", "l'outil « X »", "le
  logiciel X"). A quoted name led by a lower-case article ("dénommée « le Prestataire »")
  is a defined term of the text, not a tool.
"""

from __future__ import annotations

import re

from extractors.common.clauses import sentences, split_top
from extractors.common.guard import guarded
from extractors.common.lists import Block, blocks
from extractors.common.subjects import data_subjects, introduces
from extractors.common.text import fold, strip_final_period
from extractors.common.wordre import word_re
from models.records import Extraction, Functionality

# --- vocabularies (matched on fold(text): lower case, no accents, same offsets) --------

#: An intro line that announces the processing's features.
FUNCTIONALITY_INTRO = re.compile(r"fonctionnalit")
#: Weaker announcements, accepted unless the intro speaks of something else (OTHER_INTRO).
FEATURE_VERBS = word_re(
    r"\bpermet(?:tre|tra|tront|tent|tant|trait)?\b|\ba\s+pour\s+fonctions?\b|\bfonctions\s+suivantes"
    r"|\ba\s+pour\s+objet\b|\boperations\s+suivantes|\boffre(?:nt)?\s+(?:la\s+possibilite|les\s+possibilites)"
    # "Le dispositif assure :", "L'application propose :": the tool as the subject
    r"|^(?:le|la|l'|ce|cette|cet)\s*(?:traitement|dispositif|logiciel|progiciel|outil|application|solution|systeme"
    r"|plate-?forme|module|portail|service)\b[^:.;]{0,60}?\b(?:assure|assurent|propose|proposent|realise|offre"
    r"|effectue|comprend|comporte)\s*:?\s*$"
)
OTHER_INTRO = re.compile(r"objecti|\bpersonnes\s+concernees|\bconcerne|\binformations|\bdonnees")
#: Inline enumeration: "Il permet : la gestion de X, …" / "a pour fonctionnalités la …".
INLINE_TRIGGER = re.compile(
    r"(?:fonctionnalit\w*|\bpermet(?:tre|tra|tent)?)[^:.;«]{0,80}?:\s*"
    r"|\ba\s+pour\s+fonctionnalites?\s+(?=(?:la|le|les|l'|de|d')(?:\b|(?<=')))"
)
#: "Le traitement permet (notamment) de gérer X, d'éditer Y …": the processing as subject.
INLINE_INFINITIVES = re.compile(
    r"^(?:(?:le|ce|cet|cette|le\s+present|la|l')\s*(?:traitement|outil|application|solution|dispositif"
    r"|logiciel|systeme|module|portail|plate-?forme|service)|il|elle)\s+permet(?:tra)?\s+"
    r"(?:(?:notamment|egalement|ainsi|aussi|donc|en\s+outre|en\s+particulier)\s+)?(?=de\s|d')"
)

#: Where a group of persons is named at the head of an intro ("Pour les managers :").
GROUP_LEAD = re.compile(  # used with .match(): anchored where the adverbs end
    r"(?:pour|concernant|en\s+ce\s+qui\s+concerne|s'agissant|au\s+titre|quant|du\s+cote|cote"
    r"|a\s+destination|au\s+niveau|aupres|a\s+l'attention)\b\s*(?:de\s+(?=l')|de\s+(?=la\b)|a\s+)?"
    r"(?:l'ensemble\s+(?:des|du|de\s+la|de\s+l')\s*|tous\s+les\s+|toutes\s+les\s+)?"
    r"(?P<det>les|le|la|l'|des|du|aux|au|de\s+la|de\s+l'|chaque|chacun\s+des)(?:\s+|(?<=')|$)"
)
#: A group named inside an intro ("Les fonctionnalités offertes aux managers sont :").
INNER_GROUP = word_re(
    r"\b(?:(?:accessibles?|offertes?|ouvertes?|destinees?|reservees?|dediees?|disponibles?|permet\w*)"
    r"\s+(?:aux|au|a\s+la|a\s+l')|pour\s+(?:les|le|la|l'))\s*(?P<group>[^,:;]+?)"
    r"\s*(?:\bde\s*$|\bd'\s*$|\bsont\b|\best\b|$)"
)
_LEAD_ADVERBS = re.compile(
    r"^(?:(?:enfin|en\s+outre|par\s+ailleurs|de\s+plus|ensuite|puis|egalement|et|d'une\s+part"
    r"|d'autre\s+part)\b\s*,?\s*)+"
)
_CLAUSE = word_re(
    r"\b(?:sont|est|permet\w*|peu(?:t|vent)|dispose\w*|ont|a|traitee?s?|collectee?s?|suivante?s?"
    r"|fonctionnalites|le\s+traitement|il|elle|ils|elles|on)\b"
)
#: Heads that name an activity or a thing, not a group of persons.
NOT_A_GROUP = re.compile(
    r"(?:gestion|suivi|mise|traitement|realisation|besoins|fins|reste|cela|ce|cette|ces|finalite"
    r"|donnees|informations|collecte|fonctionnalites?|meme|partie|premiere?|seconde?|periode|duree"
    r"|utilisation|exploitation|application|solution|acces|origine)$"
)
_ACTION_SUFFIX = re.compile(r"(?:tion|sion|ment|age)s?$")

#: "dénommé(e) « X »" / "dénommé X" / "appelé « X »"; "l'outil « X »"; "le logiciel X".
NAMED = word_re(r"\b(?:denommee?s?|appelee?s?)\s*:?\s*")
_DEFINED_TERM = re.compile(r"(?:le|la|les)\s|l'")
TOOL_QUOTED = word_re(
    r"\b(?:l'|le\s+|la\s+|du\s+|au\s+|d'un\s+|d'une\s+|un\s+|une\s+)\s*(?:outil|logiciel|progiciel|application|solution"
    r"|plate-?forme|module|portail)"
    r"(?:\s+[\w'-]+){0,3}?\s*(?=[«“\"])"
)
TOOL_BARE = word_re(r"\b(?i:le|du|au)\s+(?i:logiciel|progiciel)\s+(?=[A-Z0-9])")
_BARE_NAME = re.compile(r"[A-Z0-9][\w.+&/-]*(?:\s+(?:[A-Z0-9][\w.+&/-]*))*")
_OTHER_PROCESSING = re.compile(r"finalite\s*«[^»]*»\s*,?\s*$|ci-apres\s*$")


@guarded("purpose")
def extract(text: str, out: Extraction) -> None:
    """Functionalities, data subjects and system name of a section I body."""
    all_blocks = blocks(text)
    features = _listed(all_blocks) or _inline(text)
    for f in features:
        out.add("functionalities", f)
    subjects = data_subjects(text, all_blocks)
    if subjects:
        out.fields.data_subjects = tuple(subjects)
    name = system_name(text)
    if name:
        out.fields.system_name = name


# --- groups (also used by extractors.data_categories) -----------------------------------------------


def group_of(intro: str) -> str | None:
    """The group an intro names at its head: "Pour les managers :" → "managers".

    Also "Concernant les utilisateurs", "En ce qui concerne l'administrateur",
    "S'agissant des visiteurs, les informations … sont" (cut at the clause), "Quant aux …".
    None when the intro names no group of persons ("Pour la gestion des badges :").
    """
    t = intro.strip().rstrip(":").strip()
    f = fold(t)
    lead = _LEAD_ADVERBS.match(f)
    skip = lead.end() if lead else 0
    m = GROUP_LEAD.match(f, skip)
    if not m:
        return None
    rest, frest = t[m.end() :], f[m.end() :]
    comma = frest.find(",")
    if comma >= 0 and _CLAUSE.search(frest[comma:]):
        rest = rest[:comma]
    return _checked_group(rest)


def inner_group(intro: str) -> str | None:
    """A group named inside an intro: "Les fonctionnalités offertes aux managers sont"."""
    t = intro.strip().rstrip(":").strip()
    m = INNER_GROUP.search(fold(t))
    return _checked_group(t[m.start("group") : m.end("group")]) if m else None


def _checked_group(group: str) -> str | None:
    g = group.strip(" ,;:.")
    words = g.split()
    if not words or len(words) > 12:
        return None
    head = fold(words[0]).strip("'")
    if NOT_A_GROUP.match(head) or (words[0].islower() and _ACTION_SUFFIX.search(head)):
        return None
    return g


# --- functionalities --------------------------------------------------------------------


def is_feature_intro(intro: str) -> bool:
    f = fold(intro)
    if FUNCTIONALITY_INTRO.search(f):
        return True
    return bool(FEATURE_VERBS.search(f)) and not OTHER_INTRO.search(f)


def _listed(all_blocks: list[Block]) -> list[Functionality]:
    out: list[Functionality] = []
    in_list, actor, base_actor = False, None, None
    # the bullet of a bulleted group intro ("- Pour les managers :"): when its items use
    # another bullet ("o …"), the next item with this bullet is back at the outer level
    group_bullet: str | None = None
    after_intro = False
    for i, b in enumerate(all_blocks):
        if b.kind == "item":
            if in_list:
                if after_intro and b.bullet == group_bullet:
                    group_bullet = None  # a flat list: no nesting to leave
                elif group_bullet is not None and b.bullet == group_bullet:
                    actor, group_bullet = base_actor, None
                text = _clean_feature(b.text)
                if text:
                    out.append(Functionality(actor, text, b.start, b.end))
            after_intro = False
            continue
        after_intro = True
        if in_list and not b.is_intro and _bare_item(all_blocks, i):
            text = _clean_feature(b.text)
            if text:
                start = b.start + b.text.find(text[:1])
                out.append(Functionality(actor, text, start, start + len(text)))
            continue
        if not introduces(all_blocks, i):
            in_list, actor, group_bullet = False, None, None
            continue
        intro = b.text.rstrip().rstrip(":").rstrip()
        group = group_of(intro)
        if is_feature_intro(intro):
            in_list, group_bullet = True, None
            actor = base_actor = group or inner_group(intro)
        elif in_list and group is not None:
            actor, group_bullet = group, b.bullet
        elif in_list and b.bullet is not None:
            # a bulleted feature with sub-items ("- gestion des comptes :" then "o …")
            text = _clean_feature(intro)
            if text:
                out.append(Functionality(actor, text, b.start, b.start + len(intro)))
        else:
            in_list, actor, group_bullet = False, None, None
    return out


_ITEM_END = re.compile(r"[;,]\s*(?:et|ou)?\s*$")
_SENTENCE_LEAD = re.compile(
    r"(?:la\s+commission|le\s+responsable|il|elle|ils|elles|ce|cet|cette|ces|en\s+outre|par\s+ailleurs"
    r"|enfin|de\s+plus|a\s+cet\s+egard|au\s+vu|au\s+regard|les\s+informations|les\s+personnes)\b"
)


def _bare_item(all_blocks: list[Block], i: int) -> bool:
    """A paragraph of a feature list whose bullet was lost ("gestion des comptes ;")."""
    b = all_blocks[i]
    if _ITEM_END.search(b.text):
        return len(b.text) < 300 and not _SENTENCE_LEAD.match(fold(b.text))
    prev = all_blocks[i - 1] if i else None
    return (
        prev is not None
        and prev.kind == "para"
        and not prev.is_intro
        and bool(_ITEM_END.search(prev.text))
        and len(b.text) < 300
        and not _SENTENCE_LEAD.match(fold(b.text))
    )


def _clean_feature(text: str) -> str:
    t = text.strip().rstrip(";,").strip()
    if t.startswith("«") and "»" not in t:
        t = t[1:].strip()
    if t.endswith("»") and "«" not in t:
        t = t[:-1].strip()
    return strip_final_period(t)


_DET = r"(?:(?:la|le|les|un|une)\b|l')"
_INF = r"(?:de\s+|d')[a-z]+(?:er|ir|re)\b"
_ITEM_LEAD = re.compile(r"[-•–—\s]*(?:(?:de\s+|d')(?=[a-z]+(?:er|ir|re)\b))?")
_INLINE_SEP = re.compile(rf";|,\s+(?:et\s+)?(?={_DET}|{_INF})|\s+et\s+(?={_DET}|{_INF})")


def _inline(text: str) -> list[Functionality]:
    """Features enumerated in one sentence, when the section has no list of them."""
    out: list[Functionality] = []
    pos = 0
    for line in text.split("\n"):
        for s, e in sentences(line):
            sentence = line[s:e]
            f = fold(sentence)
            m = INLINE_TRIGGER.search(f) or INLINE_INFINITIVES.match(f)
            if not m or OTHER_INTRO.search(f[: m.start()]):
                continue
            body_start = s + m.end()
            body = strip_final_period(line[body_start:e])
            if not body or len(body) < 3:
                continue
            for a, b in split_top(body, _INLINE_SEP):
                part = body[a:b]
                lead = _ITEM_LEAD.match(fold(part))  # (matches the empty string too)
                skip = lead.end() if lead else 0
                item = _clean_feature(part[skip:])
                if item:
                    start = pos + body_start + a + skip
                    out.append(Functionality(None, item, start, start + len(item)))
        pos += len(line) + 1
    return out


# --- system name -------------------------------------------------------------------------


@guarded("preamble")
def extract_preamble(text: str, out: Extraction) -> None:
    """The tool's name when the preamble gives it ("… au moyen d'un logiciel dénommé
    « Medtrav »"); section I's, when it has one, comes first (``extractors.document``)."""
    out.fields.system_name_in_preamble = system_name(text)


def system_name(text: str) -> str | None:
    """The tool's name when a clear statement gives it, guillemets stripped."""
    f = fold(text)
    for m in NAMED.finditer(f):
        if _OTHER_PROCESSING.search(f[max(0, m.start() - 300) : m.start()]):
            continue  # "ayant pour finalité « … », dénommé « X »" (another processing), "ci-après"
        name = _quoted_or_bare(text, m.end(), max_words=10)
        if name:
            return name
    name = _quoted_tool(text, f)
    if name:
        return name
    for m in TOOL_BARE.finditer(text):
        bare = _BARE_NAME.match(text, m.end())
        if bare:
            return bare.group(0).rstrip(".,;:")
    return None


def software_name(text: str) -> str | None:
    """A tool's name given after a word that says it is software ("un cahier d'observation
    électronique dénommé « ClinFlow EDC »", "au moyen du logiciel « Planif »")."""
    f = fold(text)
    for m in NAMED.finditer(f):
        if _SOFTWARE_BEFORE.search(f, max(0, m.start() - 50), m.start()):
            name = _quoted_or_bare(text, m.end(), max_words=6, need_capital=True)
            if name:
                return name
    return _quoted_tool(text, f)


def _quoted_tool(text: str, f: str) -> str | None:
    """ "le logiciel « X »", "au moyen du progiciel « X »": X."""
    for m in TOOL_QUOTED.finditer(f):
        name = _quoted_or_bare(text, m.end(), max_words=6, need_capital=True)
        if name:
            return name
    return None


_SOFTWARE_BEFORE = word_re(
    r"\b(?:outil|logiciel|progiciel|application|solution|plate-?forme|module|portail|cahier d'observation"
    r"|base de donnees|systeme|serveur|messagerie|interface)s?\b[^.;«»]{0,40}$"
)


def _quoted_or_bare(text: str, at: int, max_words: int, need_capital: bool = False) -> str | None:
    rest = text[at:]
    if rest[:1] in '«“"':
        close = {"«": "»", "“": "”", '"': '"'}[rest[0]]
        end = rest.find(close, 1)
        if end < 0:
            return None
        name = rest[1:end].strip()
        if not name or len(name.split()) > max_words or _DEFINED_TERM.match(name):
            return None
        if need_capital and not re.search(r"[A-Z0-9]", name) and len(name.split()) > 1:
            return None
        return name
    bare = _BARE_NAME.match(rest)
    return bare.group(0).rstrip(".,;:") if bare else None
