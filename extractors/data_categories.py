"""Section III, "Sur les informations (nominatives) traitées".

``extract(text)`` gives ``tables["data_categories"]``: one ``DataCategory`` per category
of information the section lists, in order.

- Lists: after an intro such as "Les informations nominatives traitées sont :", each
  item "label : a, b (c, d) ; e" is a row: ``category`` = the label as printed, ``items`` =
  the elements cut at "," and ";" outside brackets and guillemets (an unclosed
  parenthesis keeps the rest of the line in one element). An item without a colon is a
  row with no items. A label line followed by its own sub-list ("Identité :" then
  "- nom ;" …) is one row whose items are the sub-items.
- ``subject``: the group a (sub-)list is introduced for ("en ce qui concerne
  l'administrateur :" → ``administrateur``; "Pour les visiteurs de la DITN/DSI :"), or
  named in the intro ("Les informations traitées concernant les patients sont :"), else
  None. It holds until the next group intro.
- Only the lists of processed information: a list introduced by something else (origin of
  the data, recipients …) or after a paragraph that closes the list gives no row.
- Without a list: an enumeration after the intro's colon ("… sont : identité : nom,
  prénom ; coordonnées : adresse.") or in prose ("Les informations traitées sont relatives
  à l'identité, la situation de famille, …") gives one row per category (no items in
  prose). Prose is kept only when at least half its parts are known categories.
- ``category_norm`` from ``extractors.vocab.labels.category_norm``; an unknown label is
  ``other`` with an ``unknown_label`` issue naming it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.common.clauses import sentences, split_top
from extractors.common.guard import guarded
from extractors.common.lists import Block, blocks
from extractors.common.text import fold, strip_final_period, strip_guillemets
from extractors.common.wordre import word_re
from extractors.functionalities import group_of
from extractors.vocab.labels import category_norm
from models.enums import CategoryNorm, Severity
from models.records import DataCategory, Extraction, Issue

# --- vocabularies (matched on fold(text)) -------------------------------------------------

#: An intro announcing the processed information.
DATA_INTRO = word_re(
    r"\b(?:informations?|donnees|categories)\b.*\b(?:traitee|collectee|suivante|concernee|enregistree"
    r"|recueillie|exploitee|utilisee|sont|portent|comprennent)s?\b"
)
#: Intros of other lists of section III (origin, recipients, retention …).
NOT_DATA_INTRO = word_re(
    r"\bont\s+pour\s+origine|\bprovien|\bsont\s+issues|\bsources?\b|\bconserv|\bdestinataires?\b"
    r"|\bcommuniqu|\btransmi|\bduree|\borigine"
)
#: A group named inside a data intro ("… traitées concernant les patients sont").
INTRO_SUBJECT = word_re(
    r"\b(?:concernant|relatives?|pour)\s+(?:a\s+)?(?:les|le|la|l'|aux|au|des|du)(?:\s+|(?<='))(?P<group>[^,:;]+?)"
    r"\s*(?:\bsont\b|$)"
)
#: A sentence listing categories in prose; what follows is the enumeration.
PROSE = word_re(
    r"\b(?:informations?|donnees)\s+(?:nominatives\s+)?(?:traitees|collectees|exploitees|enregistrees)?\s*"
    r"(?:sont\s+(?:relatives?\s+)?(?:a|aux|au)\b|portent\s+sur|concernent|sont\s+(?:les\s+suivantes\s*)?:)\s*"
    r"|\bcategories\s+d'informations(?:\s+nominatives)?(?:\s+traitees)?\s+sont\s+(?:les\s+suivantes\s*)?:?\s*"
)
_ITEM_SEP = re.compile(r"[,;]")
_PROSE_SEP = re.compile(r"[,;]|\s+et\s+(?:de\s+|d')?")
_LEAD_ARTICLE = re.compile(
    r"^(?:a\s+la|a\s+l'|au|aux|la|le|les|l'|des|du|de\s+la|de\s+l'|d')(?:\s+|(?<='))"
)
_SENTENCE_VERB = word_re(
    r"\b(?:sont|est|ont|proviennent|indique|precise|ajoute|releve|considere)\b"
)
_PAREN_ITEMS = re.compile(r"(?P<label>[^()]+?)\s*\((?P<items>[^()]*[,;][^()]*)\)$")
_NOISE_ITEM = re.compile(r"^(?:etc\.?|\.{3}|…)$")


@dataclass
class _Pending:
    """A label line waiting for its sub-items ("Identité :" then "- nom ;")."""

    label: str
    start: int
    end: int
    bullet: str | None
    subject: str | None
    items: list[str] = field(default_factory=list)
    nested: bool = True  # its items use another bullet than the label line


@guarded("data")
def extract(text: str, out: Extraction) -> None:
    """The categories of processed information of a section III body."""
    rows = _listed(blocks(text)) or _inline(text) or _prose(text)
    for subject, label, items, start, end in rows:
        norm = category_norm(label)
        if norm is None:
            norm = CategoryNorm.OTHER
            out.issues.append(
                Issue(
                    "extract:data",
                    Severity.WARNING,
                    "unknown_label",
                    f"unknown category of information: {label!r}",
                )
            )
        out.add(
            "data_categories", DataCategory(subject, label, str(norm), tuple(items), start, end)
        )


def split_items(values: str) -> list[str]:
    """Elements cut at "," and ";" outside brackets and guillemets, stripped, none empty."""
    out = []
    for a, b in split_top(values, _ITEM_SEP):
        item = values[a:b].strip()
        item = re.sub(r"^(?:et|ou)\s+", "", item)
        item = strip_final_period(item) if b == len(values) else item
        if item and not _NOISE_ITEM.match(item):
            out.append(item)
    return out


def label_and_items(text: str) -> tuple[str, list[str], int]:
    """``"identité : nom, prénom"`` → ("identité", ["nom", "prénom"], offset of the label).

    Also ``"identité (nom, prénom)"`` when the part before the parenthesis is a known label.
    """
    colon = _top_colon(text)
    if colon is None:
        m = _PAREN_ITEMS.match(text.strip())
        if m and category_norm(m["label"]) is not None:
            return _label(m["label"]), split_items(m["items"]), _lead(text)
        return _label(text), [], _lead(text)
    return _label(text[:colon]), split_items(text[colon + 1 :]), _lead(text)


def _top_colon(text: str) -> int | None:
    spans = split_top(text, re.compile(":"))
    return spans[0][1] if len(spans) > 1 else None


_BULLETS = "-•–— "  # a bullet left on the line: "… sont : - identité : nom ; - …"
_LEAD_CHARS = ' «"' + _BULLETS


def _label(raw: str) -> str:
    return strip_guillemets(raw.strip().lstrip(_BULLETS).rstrip(":").strip())


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip(_LEAD_CHARS))


# --- lists -------------------------------------------------------------------------------

Row = tuple[str | None, str, list[str], int, int]


def _listed(all_blocks: list[Block]) -> list[Row]:
    rows: list[Row] = []
    in_list, subject = False, None
    pending: _Pending | None = None

    def close() -> None:
        nonlocal pending
        if pending is not None:
            rows.append((pending.subject, pending.label, pending.items, pending.start, pending.end))
            pending = None

    for i, b in enumerate(all_blocks):
        if b.kind == "item":
            if pending is not None and _sub_item(pending, b):
                pending.items.extend(split_items(b.text))
                continue
            close()
            if in_list:
                label, items, lead = label_and_items(b.text)
                if label:
                    rows.append((subject, label, items, b.start + lead, b.end))
            continue
        nxt = all_blocks[i + 1] if i + 1 < len(all_blocks) else None
        introduces = b.is_intro or (nxt is not None and nxt.kind == "item")
        close()
        if in_list and not introduces and _label_line(b.text):
            label, items, lead = label_and_items(b.text)
            rows.append((subject, label, items, b.start + lead, b.end))  # a bullet lost
            continue
        if not introduces:
            in_list, subject = False, None
            continue
        intro = b.text.rstrip().rstrip(":").rstrip()
        f = fold(intro)
        group = group_of(intro)
        if (
            group is not None
            and (in_list or _labelled_items(all_blocks, i))
            and not DATA_INTRO.search(f)
        ):
            in_list, subject = True, group
        elif NOT_DATA_INTRO.search(f):
            in_list, subject = False, None
        elif DATA_INTRO.search(f):
            in_list, subject = True, group or _intro_subject(intro)
        elif in_list and _is_label(intro):
            pending = _Pending(
                _label(intro), b.start + _lead(b.text), b.start + len(intro), b.bullet, subject
            )
        else:
            in_list, subject = False, None
    close()
    return rows


def _sub_item(pending: _Pending, b: Block) -> bool:
    """Whether item ``b`` belongs to the label line waiting for its items."""
    if _top_colon(b.text) is not None:
        return False  # "coordonnées : adresse" is a category of its own
    if pending.bullet is not None and b.bullet == pending.bullet and pending.items:
        return not pending.nested
    if not pending.items:
        pending.nested = pending.bullet is None or b.bullet != pending.bullet
    return True


def _intro_subject(intro: str) -> str | None:
    f = fold(intro)
    m = INTRO_SUBJECT.search(f)
    if not m or category_norm(intro[m.start("group") : m.end("group")]) is not None:
        return None
    group = intro[m.start("group") : m.end("group")].strip()
    head = fold(group.split()[0]) if group else ""
    return (
        group if group and head not in {"donnees", "informations", "gestion", "finalite"} else None
    )


def _labelled_items(all_blocks: list[Block], i: int) -> bool:
    """Whether the items after block ``i`` read "label : values"."""
    items = []
    for b in all_blocks[i + 1 :]:
        if b.kind != "item":
            break
        items.append(b)
    return bool(items) and sum(_top_colon(b.text) is not None for b in items) * 2 >= len(items)


def _label_line(text: str) -> bool:
    """A paragraph that reads "identité : nom, prénom" (a list item without its bullet)."""
    colon = _top_colon(text)
    return colon is not None and _is_label(text[:colon]) and bool(text[colon + 1 :].strip(" ;,."))


def _is_label(intro: str) -> bool:
    words = intro.split()
    return 0 < len(words) <= 10 and not _SENTENCE_VERB.search(fold(intro))


# --- without a list ----------------------------------------------------------------------


def _inline(text: str) -> list[Row]:
    """ "Les informations traitées sont : identité : nom, prénom ; coordonnées : adresse."""
    pos = 0
    for line in text.split("\n"):
        f = fold(line)
        m = DATA_INTRO.search(f)
        colon = line.find(":", m.start()) if m else -1
        if m and colon >= 0 and not NOT_DATA_INTRO.search(f[:colon]):
            body = strip_final_period(line[colon + 1 :])
            offset = pos + colon + 1
            if _top_colon(body) is not None:
                return _segments(
                    body, offset, group_of(line[:colon]) or _intro_subject(line[:colon])
                )
        pos += len(line) + 1
    return []


def _segments(body: str, offset: int, subject: str | None) -> list[Row]:
    rows: list[Row] = []
    for a, b in split_top(body, re.compile(";")):
        segment = body[a:b]
        if _top_colon(segment) is None:
            if rows:
                rows[-1][2].extend(split_items(segment))
            continue
        label, items, lead = label_and_items(segment)
        if label:
            rows.append((subject, label, items, offset + a + lead, offset + b))
    return rows


def _prose(text: str) -> list[Row]:
    """ "Les informations traitées sont relatives à l'identité, la situation de famille …"."""
    pos = 0
    for line in text.split("\n"):
        for s, e in sentences(line):
            sentence = line[s:e]
            m = PROSE.search(fold(sentence))
            if not m or "«" in sentence[m.end() : m.end() + 3]:
                continue
            body = strip_final_period(sentence[m.end() :])
            rows = _prose_rows(body, pos + s + m.end())
            known = sum(category_norm(r[1]) is not None for r in rows)
            if rows and known * 2 >= len(rows):
                return rows
        pos += len(line) + 1
    return []


def _prose_rows(body: str, offset: int) -> list[Row]:
    rows: list[Row] = []
    spans = split_top(body, _PROSE_SEP)
    i = 0
    while i < len(spans):
        a, b = spans[i]
        # "l'adresse et les coordonnées": parts of one category stay together
        if i + 1 < len(spans) and " et " in body[b : spans[i + 1][0] + 1]:
            first, second = (
                category_norm(_bare(body[a:b])),
                category_norm(_bare(body[spans[i + 1][0] : spans[i + 1][1]])),
            )
            if first is not None and first == second:
                b = spans[i + 1][1]
                i += 1
        label = _bare(body[a:b])
        if label:
            lead = body[a:b].find(label)
            rows.append((None, label, [], offset + a + max(lead, 0), offset + b))
        i += 1
    return rows


def _bare(chunk: str) -> str:
    t = chunk.strip().strip(",;:").strip()
    m = _LEAD_ARTICLE.match(fold(t))
    return t[m.end() :].strip() if m else t
