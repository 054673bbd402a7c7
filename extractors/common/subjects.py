"""Section I: the categories of persons concerned (``deliberations.data_subjects``).

Read from "Il concerne …", "Ce traitement concerne …", "Les personnes concernées [par le
présent traitement] sont [, d'une part,] …", "Sont concernés par le présent traitement …",
or from the list such a line introduces; one item each, without leading article nor
final period.

Items are cut at ";", "ainsi que", ", et", "d'autre part", and where a new
determiner-led noun phrase starts at top level (", les …", ", des …", " et les …");
never inside parentheses or guillemets, and never inside one enumeration without
determiners ("fonctionnaires, agents et suppléants de la Commune" stays one item).
"l'ensemble des" and "tous les" are dropped with the article.

A complement printed after the last of several determiner-led groups ("les salariés et
les prestataires de la société X") stays with that last item, as printed:
``["salariés", "prestataires de la société X"]``. Whether it also qualifies the first
group is ambiguous in French, and the corpus keeps the document's own wording rather
than writing "salariés de la société X", which the text does not print.
"""

from __future__ import annotations

import re

from extractors.common.clauses import sentences, split_top
from extractors.common.lists import Block, blocks
from extractors.common.text import fold, strip_final_period
from extractors.common.wordre import word_re
from extractors.vocab.speakers import COMMISSION_NAMED

_ADVERBS = r"(?:egalement|notamment|principalement|essentiellement|uniquement|exclusivement|ainsi)"
#: Where the persons concerned are announced; what follows must start like a noun phrase.
SUBJECT_LEAD = re.compile(
    r"\b(?:il|elle|celui-ci|celle-ci|traitement|solution|application|dispositif|outil)\s+"
    r"(?:vise\s+et\s+)?concerne(?:ra)?\s*(?:,\s*d'une\s+part\s*,\s*)?"
    rf"(?:{_ADVERBS}\s+)?"
    r"(?:(?:\w+\s+)?categories\s+de\s+personnes\s*:\s*)?"  # "Il concerne trois catégories de personnes :"
    r"|\bpersonnes\s+(?:physiques\s+)?concernees\b[^.:;«]{0,80}?\b(?:sont|seront|restent|demeurent)"
    r"(?:\s*,\s*d'une\s+part\s*,)?\s+"
    r"(?:(?:les\s+suivantes|notamment|principalement|essentiellement|uniquement|exclusivement)\s*)?"
    # the inverted order: "Sont concernés par le présent traitement les …"
    rf"|^\W*sont\s+(?:{_ADVERBS}\s+)?concernee?s\s*(?:par\s+(?:le\s+present|ce|le)\s+traitement\s*)?,?\s*"
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
_RELATIVE = word_re(r"\b(?:qui|que|qu'|dont|ou|lesquel\w*|auxquel\w*|ayant|etant)\b")
_SUBJECT_NOISE = re.compile(
    r"^(?:s'y\s+ajoute(?:nt|ront)?\s+(?:desormais\s+|egalement\s+)?"  # "; s'y ajoutent désormais les …"
    r"|(?:et|ou|d'une\s+part|d'autre\s+part|enfin|notamment|egalement|principalement|essentiellement"
    r"|uniquement|exclusivement|ainsi)\b\s*,?\s*)+"
)
_SUBJECT_ARTICLE = re.compile(
    r"^(?:l'ensemble\s+(?:des|du|de\s+la|de\s+l')\s*|tous\s+(?:les|leurs|ses|ces)\s+|toutes\s+(?:les|leurs|ses|ces)\s+"
    r"|les\s+|le\s+|la\s+|l'\s*|des\s+|leurs\s+|leur\s+|ses\s+|son\s+|sa\s+|ces\s+|nos\s+|vos\s+)"
)


#: A sentence that announces what follows ("… sont les suivantes.", "… comme suit.").
_ANNOUNCES = re.compile(r"(?:suivante?s?|ci-apres|ci-dessous|comme\s+suit)\s*[.:]?\s*$")


def introduces(all_blocks: list[Block], i: int) -> bool:
    """Whether block ``i`` introduces the items after it (a ":" line, or a paragraph before items)."""
    b = all_blocks[i]
    nxt = all_blocks[i + 1] if i + 1 < len(all_blocks) else None
    if b.is_intro or nxt is None or b.kind != "para":
        return b.is_intro
    # "Ses fonctionnalités sont les suivantes." then "Pour les demandeurs :" and its items
    return nxt.kind == "item" or (nxt.is_intro and bool(_ANNOUNCES.search(fold(b.text))))


def data_subjects(text: str, all_blocks: list[Block] | None = None) -> list[str]:
    """The categories of persons concerned, in order, without duplicates."""
    all_blocks = blocks(text) if all_blocks is None else all_blocks
    found: list[str] = []
    for i, b in enumerate(all_blocks):
        if b.kind != "para":
            continue
        for s, e in sentences(b.text):
            sentence = b.text[s:e]
            f = fold(sentence)
            if COMMISSION_NAMED.search(f):
                continue  # "La Commission relève que le traitement concerne également …"
            m = SUBJECT_LEAD.search(f)
            if not m or not _NP_START.match(f, m.end()):
                continue
            rest = sentence[m.end() :].strip()
            if rest.endswith(":") and introduces(all_blocks, i):
                rest = ""  # "Il concerne les personnes suivantes :" and a list
            if rest:
                found.extend(split_subjects(rest))
            elif introduces(all_blocks, i):
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
        # a parallel complement: "représentants des salariés, des employeurs"
        return not re.search(r"\b(?:des|de|du|aux|d')\b", f.split(" ", 1)[-1])
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
