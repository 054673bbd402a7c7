"""Section I, "Sur la finalité et les fonctionnalités du traitement".

``extract(text)`` reads the section's body (normalised, without its heading):

- ``tables["functionalities"]``: one ``Functionality`` per item of a list announced as the
  processing's features ("Les fonctionnalités du traitement sont :", "a pour
  fonctionnalités :", "Il permet de :", "les fonctionnalités suivantes :" …), and of the
  group sub-lists under it ("Pour les managers :" → ``actor="managers"``). Other lists
  of the section (objectives, persons concerned, a quotation) give no row. When the
  section has no such list, a one-sentence enumeration ("Il permet : la gestion de X,
  la gestion de Y et la gestion de Z.") is split into items.
- ``fields["data_subjects"]``: the categories of persons concerned ("Il concerne …",
  "Les personnes concernées [par le présent traitement] sont …", or the list such a line
  introduces), one item each, without leading article nor final period. Items are cut at
  ";", "ainsi que", ", et", and where a new determiner-led noun phrase starts at top level
  (", les …", ", des …", " et les …"); never inside parentheses or guillemets, and never
  inside one enumeration without determiners ("fonctionnaires, agents et suppléants de
  la Commune" stays one item). "l'ensemble des" and "tous les" are dropped with the article.
- ``fields["system_name"]``: the tool's name when clearly stated ("La solution utilisée
  est dénommée « Deskare »", "dénommé « X »", "l'outil « X »", "le logiciel X").
"""

from __future__ import annotations

import re

from extractors.lists import Block, blocks
from extractors.text import fold, strip_final_period
from models.records import Extraction, Functionality

# --- vocabularies (matched on fold(text): lower case, no accents, same offsets) --------

#: An intro line that announces the processing's features.
FUNCTIONALITY_INTRO = re.compile(r"fonctionnalit")
#: Weaker announcements, accepted unless the intro speaks of something else (OTHER_INTRO).
FEATURE_VERBS = re.compile(
    r"\bpermet(?:tre|tra|tront|tent|tant|trait)?\b|\ba\s+pour\s+fonctions?\b|\bfonctions\s+suivantes"
    r"|\ba\s+pour\s+objet\b|\boperations\s+suivantes|\boffre(?:nt)?\s+(?:la\s+possibilite|les\s+possibilites)"
)
OTHER_INTRO = re.compile(r"objecti|\bpersonnes\s+concernees|\bconcerne|\binformations|\bdonnees")
#: Inline enumeration: "Il permet : la gestion de X, …" / "a pour fonctionnalités la …".
INLINE_TRIGGER = re.compile(
    r"(?:fonctionnalit\w*|\bpermet(?:tre|tra|tent)?)[^:.;«]{0,80}?:\s*"
    r"|\ba\s+pour\s+fonctionnalites?\s+(?=(?:la|le|les|l'|de|d')(?:\b|(?<=')))"
)

#: Where a group of persons is named at the head of an intro ("Pour les managers :").
GROUP_LEAD = re.compile(  # used with .match(): anchored where the adverbs end
    r"(?:pour|concernant|en\s+ce\s+qui\s+concerne|s'agissant|au\s+titre|quant|du\s+cote|cote"
    r"|a\s+destination|au\s+niveau|aupres|a\s+l'attention)\b\s*(?:de\s+(?=l')|de\s+(?=la\b)|a\s+)?"
    r"(?:l'ensemble\s+(?:des|du|de\s+la|de\s+l')\s*|tous\s+les\s+|toutes\s+les\s+)?"
    r"(?P<det>les|le|la|l'|des|du|aux|au|de\s+la|de\s+l'|chaque|chacun\s+des)(?:\s+|(?<=')|$)"
)
#: A group named inside an intro ("Les fonctionnalités offertes aux managers sont :").
INNER_GROUP = re.compile(
    r"\b(?:(?:accessibles?|offertes?|ouvertes?|destinees?|reservees?|dediees?|disponibles?|permet\w*)"
    r"\s+(?:aux|au|a\s+la|a\s+l')|pour\s+(?:les|le|la|l'))\s*(?P<group>[^,:;]+?)"
    r"\s*(?:\bde\s*$|\bd'\s*$|\bsont\b|\best\b|$)"
)
_LEAD_ADVERBS = re.compile(
    r"^(?:(?:enfin|en\s+outre|par\s+ailleurs|de\s+plus|ensuite|puis|egalement|et|d'une\s+part"
    r"|d'autre\s+part)\b\s*,?\s*)+"
)
_CLAUSE = re.compile(
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

#: Where the persons concerned are announced; what follows must start like a noun phrase.
SUBJECT_LEAD = re.compile(
    r"\b(?:il|elle|celui-ci|celle-ci|traitement|solution|application|dispositif|outil)\s+"
    r"(?:vise\s+et\s+)?concerne(?:ra)?\s*(?:,\s*d'une\s+part\s*,\s*)?"
    r"(?:(?:egalement|notamment|principalement|essentiellement|uniquement|exclusivement|ainsi)\s+)?"
    r"|\bpersonnes\s+(?:physiques\s+)?concernees\b[^.:;«]{0,80}?\b(?:sont|seront)\s+"
    r"(?:(?:les\s+suivantes|notamment|principalement|essentiellement|uniquement|exclusivement)\s*)?"
)
_NP_START = re.compile(
    r"(?::|les|le|la|l'|des|d'une\s+part|d'autres|tous|toutes|toute|tout|chaque|certain(?:e)?s"
    r"|l'ensemble)(?:\b|(?<=')|(?<=:))"
)
NOT_PERSONS = re.compile(
    r"(?:gestion|suivi|mise|collecte|donnees|informations|traitement|finalite|modification"
    r"|creation|utilisation|exploitation|ensemble)$"
)
_SUBJECT_SEP = re.compile(
    r",?\s+et\s*,\s*d'autre\s+part\s*,\s*|,\s*d'autre\s+part\s*,\s*|;|,?\s+ainsi\s+qu(?:e\s+|')"
    r"|,\s+et\s+|,\s+(?=(?:les|le|la|l'|des|leurs?|ses|tous|toutes|toute|tout"
    r"|certain(?:e)?s|d'autres|chaque)(?:\b|(?<=')))"
    r"|\s+et\s+(?=(?:les|le|la|l'|leurs?|ses|tous|toutes|toute|tout|d'autres)(?:\b|(?<=')))"
)
_RELATIVE = re.compile(r"\b(?:qui|que|qu'|dont|ou|lesquel\w*|auxquel\w*|ayant|etant)\b")
_SUBJECT_NOISE = re.compile(
    r"^(?:(?:et|ou|d'une\s+part|d'autre\s+part|enfin|notamment|egalement|principalement|essentiellement"
    r"|uniquement|exclusivement|ainsi)\b\s*,?\s*)+"
)
_SUBJECT_ARTICLE = re.compile(
    r"^(?:l'ensemble\s+(?:des|du|de\s+la|de\s+l')\s*|tous\s+les\s+|toutes\s+les\s+|les\s+|le\s+|la\s+|l'\s*|des\s+)"
)

#: "dénommé(e) « X »" / "dénommé X"; "l'outil « X »"; "le logiciel X".
NAMED = re.compile(r"\bdenommee?s?\s*:?\s*")
TOOL_QUOTED = re.compile(
    r"\b(?:l'|le\s+|la\s+)\s*(?:outil|logiciel|progiciel|application|solution|plate-?forme|module|portail)"
    r"(?:\s+[\w'-]+){0,3}?\s*(?=[«“\"])"
)
TOOL_BARE = re.compile(r"\b(?i:le|du|au)\s+(?i:logiciel|progiciel)\s+(?=[A-Z0-9])")
_BARE_NAME = re.compile(r"[A-Z0-9][\w.+&/-]*(?:\s+(?:[A-Z0-9][\w.+&/-]*))*")
_OTHER_PROCESSING = re.compile(r"finalite\s*«[^»]*»\s*,?\s*$|ci-apres\s*$")


def extract(text: str) -> Extraction:
    """Functionalities, data subjects and system name of a section I body."""
    out = Extraction()
    all_blocks = blocks(text)
    features = _listed(all_blocks) or _inline(text)
    for f in features:
        out.add("functionalities", f)
    subjects = data_subjects(text, all_blocks)
    if subjects:
        out.fields["data_subjects"] = subjects
    name = system_name(text)
    if name:
        out.fields["system_name"] = name
    return out


# --- shared helpers (also used by extractors.data) --------------------------------------


_OPENERS, _CLOSERS = "([«“", ")]»”"
_BRACKET = re.compile("[" + re.escape(_OPENERS + _CLOSERS) + "]")


def depths(text: str) -> list[int]:
    """Nesting depth in ( [ « “ at each character; an unclosed opener runs to the end.

    Built a run of characters at a time between brackets (found by a regex): a loop over
    every character was the rules' single most expensive line.
    """
    out: list[int] = []
    depth = pos = 0
    for m in _BRACKET.finditer(text):
        i = m.start()
        out += [depth] * (i - pos)
        if text[i] in _CLOSERS:
            if depth:
                depth -= 1
                out.append(depth + 1)  # the closer belongs to the group it closes
            else:
                out.append(0)
        else:
            out.append(depth)
            depth += 1
        pos = i + 1
    out += [depth] * (len(text) - pos)
    return out


def split_top(text: str, sep: re.Pattern[str], guard=None) -> list[tuple[int, int]]:
    """Spans of ``text`` cut at matches of ``sep`` (on its fold) outside brackets/quotes.

    ``guard(left, right)`` may veto a cut, given the current chunk and what follows.
    """
    f, d = fold(text), depths(text)
    spans, start = [], 0
    for m in sep.finditer(f):
        if m.start() < start or d[m.start()] or (m.end() > m.start() and d[m.end() - 1]):
            continue
        if guard is not None and not guard(text[start : m.start()], text[m.end() :], m):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


_ABBREV = re.compile(r"(?:\b[A-Z]|\bMmes?|\bMM|\bDr|\bPr|\bSt|\bSte|\bart|\bcf|\bex|\bp)$")


def sentence_spans(line: str) -> list[tuple[int, int]]:
    """Sentences of one line (not cut inside brackets, quotations or after "M.", "S.A.M.")."""
    d = depths(line)
    spans, start = [], 0
    for m in re.finditer(r"[.!?](?=\s+[«\"(]?[A-ZÀ-ÖØ-Þ])", line):
        i = m.start()
        if d[i] or _ABBREV.search(line[start:i]):
            continue
        spans.append((start, i + 1))
        start = i + 1
        while start < len(line) and line[start] == " ":
            start += 1
    if start < len(line):
        spans.append((start, len(line)))
    return spans


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


def _introduces(all_blocks: list[Block], i: int) -> bool:
    b = all_blocks[i]
    nxt = all_blocks[i + 1] if i + 1 < len(all_blocks) else None
    return b.is_intro or (nxt is not None and nxt.kind == "item" and b.kind == "para")


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
        if not _introduces(all_blocks, i):
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


def _clean_feature(text: str) -> str:
    t = text.strip().rstrip(";,").strip()
    if t.startswith("«") and "»" not in t:
        t = t[1:].strip()
    if t.endswith("»") and "«" not in t:
        t = t[:-1].strip()
    return strip_final_period(t)


_DET = r"(?:(?:la|le|les|un|une)\b|l')"
_INF = r"(?:de\s+|d')[a-z]+(?:er|ir|re)\b"
_INLINE_SEP = re.compile(rf";|,\s+(?:et\s+)?(?={_DET}|{_INF})|\s+et\s+(?={_DET}|{_INF})")


def _inline(text: str) -> list[Functionality]:
    """Features enumerated in one sentence, when the section has no list of them."""
    out: list[Functionality] = []
    pos = 0
    for line in text.split("\n"):
        for s, e in sentence_spans(line):
            sentence = line[s:e]
            m = INLINE_TRIGGER.search(fold(sentence))
            if not m or OTHER_INTRO.search(fold(sentence[: m.start()])):
                continue
            body_start = s + m.end()
            body = strip_final_period(line[body_start:e])
            if not body or len(body) < 3:
                continue
            for a, b in split_top(body, _INLINE_SEP):
                part = body[a:b]
                item = _clean_feature(part.lstrip("-•–— "))
                if item:
                    start = pos + body_start + a + (len(part) - len(part.lstrip("-•–— ")))
                    out.append(Functionality(None, item, start, start + len(item)))
        pos += len(line) + 1
    return out


# --- data subjects -----------------------------------------------------------------------


def data_subjects(text: str, all_blocks: list[Block] | None = None) -> list[str]:
    """The categories of persons concerned, in order, without duplicates."""
    all_blocks = blocks(text) if all_blocks is None else all_blocks
    found: list[str] = []
    for i, b in enumerate(all_blocks):
        if b.kind != "para":
            continue
        for s, e in sentence_spans(b.text):
            sentence = b.text[s:e]
            f = fold(sentence)
            m = SUBJECT_LEAD.search(f)
            if not m or not _NP_START.match(f, m.end()):
                continue
            rest = sentence[m.end() :].strip()
            if rest.endswith(":") and _introduces(all_blocks, i):
                rest = ""  # "Il concerne les personnes suivantes :" and a list
            if rest:
                found.extend(split_subjects(rest))
            elif _introduces(all_blocks, i):
                for item in all_blocks[i + 1 :]:
                    if item.kind != "item":
                        break
                    found.extend(split_subjects(item.text))
    found = [s for s in found if not NOT_PERSONS.match(fold(s.split()[0]).strip("'"))]
    return list(dict.fromkeys(found))


def _subject_guard(left: str, right: str, m: re.Match[str]) -> bool:
    sep = fold(m.group(0)).strip()
    f = fold(left)
    if sep == "," and fold(right).startswith("des "):
        return not re.search(
            r"\b(?:des|de|du|aux|d')\b", f.split(" ", 1)[-1]
        )  # parallel complement
    if sep == "et":
        return not _RELATIVE.search(f)
    return True


def split_subjects(enumeration: str) -> list[str]:
    """One noun phrase per category of persons (see the module doc)."""
    body = strip_final_period(enumeration.strip())
    items = (clean_subject(body[a:b]) for a, b in split_top(body, _SUBJECT_SEP, _subject_guard))
    return [i for i in items if i]


def clean_subject(item: str) -> str:
    t = item.strip().strip(",;:").strip()
    noise = _SUBJECT_NOISE.match(fold(t))
    t = t[noise.end() :] if noise else t
    m = _SUBJECT_ARTICLE.match(fold(t))
    if m and m.end() < len(t):
        t = t[m.end() :]
    return strip_final_period(t.strip().strip(",;:").strip())


# --- system name -------------------------------------------------------------------------


def system_name(text: str) -> str | None:
    """The tool's name when a clear statement gives it, guillemets stripped."""
    f = fold(text)
    for m in NAMED.finditer(f):
        if _OTHER_PROCESSING.search(f[max(0, m.start() - 300) : m.start()]):
            continue  # "ayant pour finalité « … », dénommé « X »" (another processing), "ci-après"
        name = _quoted_or_bare(text, m.end(), max_words=10)
        if name:
            return name
    for m in TOOL_QUOTED.finditer(f):
        name = _quoted_or_bare(text, m.end(), max_words=6, need_capital=True)
        if name:
            return name
    for m in TOOL_BARE.finditer(text):
        bare = _BARE_NAME.match(text, m.end())
        if bare:
            return bare.group(0).rstrip(".,;:")
    return None


def _quoted_or_bare(text: str, at: int, max_words: int, need_capital: bool = False) -> str | None:
    rest = text[at:]
    if rest[:1] in '«“"':
        close = {"«": "»", "“": "”", '"': '"'}[rest[0]]
        end = rest.find(close, 1)
        if end < 0:
            return None
        name = rest[1:end].strip()
        if not name or len(name.split()) > max_words:
            return None
        if need_capital and not re.search(r"[A-Z0-9]", name) and len(name.split()) > 1:
            return None
        return name
    bare = _BARE_NAME.match(rest)
    return bare.group(0).rstrip(".,;:") if bare else None
