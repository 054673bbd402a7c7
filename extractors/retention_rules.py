"""Section VIII "Sur la durée de conservation" → ``retention_rules``.

One rule per action verb ("conservées", "anonymisées", "supprimés", "archivées" …) of a
sentence or list item; its ``data_scope`` is the verb's subject as printed ("les logs
système"), or the antecedent of "qui" ("à l'exception des informations … qui sont
conservées"), or the topic ("en ce qui concerne X, les données sont …"). A verb without
a subject ("… et purgées après 24 mois") keeps the scope of the verb before it, so
chained periods are separate rules.

Sentences of the Commission give a rule (``set_by=commission``) only when they fix a
duration ("la Commission fixe …", "la fixe … à 3 mois après le départ", "demande que …
soit ramenée à …"); approvals ("ces durées sont conformes") and reminders give none.
A pronoun scope ("leur durée de conservation") is the scope of the rule before it.

``extract_closing`` reads the durations the Commission fixes in the closing part
("Fixe … la durée de conservation …"); ``merge_rules`` drops those already counted in
section VIII (see its docstring).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from extractors.common.durations import (
    find_durations,
    find_offset,
    find_ranges,
    find_trigger,
    find_until,
    is_rolling,
    noun_phrase,
)
from extractors.common.guard import guarded
from extractors.common.lists import blocks
from extractors.common.retention_scope import (
    EXCEPTION,
    clean,
    commission_scope,
    complement,
    duration_scope,
    inverted_subject,
    object_phrase,
    pronoun_subject,
    subject,
    topic,
    with_antecedent,
)
from extractors.common.text import fold, sentence_spans, strip_final_period
from extractors.common.wordre import word_re
from extractors.vocab.speakers import COMMISSION
from models.enums import RetentionAction, SetBy
from models.records import Extraction, RetentionRule

_V = r"(?:e|ee|es|ees|ent|ons|era|eront|erait|eraient|er)"
#: (folded pattern, action, is_verb). Verbs take their subject (or object) as scope; nouns
#: ("durée de conservation des X", "la suppression des X") their complement, and count only
#: when the sentence has no verb, or as a phase of it ("puis font l'objet d'une anonymisation").
MARKERS: tuple[tuple[str, RetentionAction, bool], ...] = (
    (
        rf"\b(?:conserv|gard|stock){_V}\b"
        # "maintenus dans la base de production deux ans" (not "les droits sont maintenus")
        r"|\bmaintenue?s?(?=\s+(?:en|dans)\s+(?:la\s+|les\s+|le\s+|l')?(?:base|application|traitement|systeme|fichier"
        r"|archive|ligne))",
        RetentionAction.RETAIN,
        True,
    ),
    (rf"\banonymis{_V}\b|\brendue?s? anonymes?\b", RetentionAction.ANONYMISE, True),
    (
        rf"\b(?:supprim|purg|effac|elimin|ecras|broy){_V}\b|\bdetrui(?:t|te|ts|tes|sent|ra|ront|re)\b",
        RetentionAction.DELETE,
        True,
    ),
    (
        rf"(?<!en )\barchiv{_V}\b|(?<!conformement a la )(?<!conformement a sa )(?<!conformement a leur )"
        rf"\bpolitique d'archivage\b|\bversee?s? aux archives\b",
        RetentionAction.ARCHIVE,
        True,
    ),
    (r"\ben archives?\b|\ben archivage\b", RetentionAction.ARCHIVE, True),  # "puis 5 ans en archive"
    (r"\b(?:duree|delai)s? (?:de |d')conservation\b", RetentionAction.RETAIN, False),
    (
        r"(?<!de )(?<!d')\bconservation (?=des |du |de la |de l')|\bstockage\b|\b(?:une|leur|la) conservation\b",
        RetentionAction.RETAIN,
        False,
    ),
    (r"\banonymisation\b", RetentionAction.ANONYMISE, False),
    (r"\b(?:suppression|effacement|destruction|purge)\b", RetentionAction.DELETE, False),
    (r"\bversement aux archives\b", RetentionAction.ARCHIVE, False),
    (r"(?<!politique d')(?<!regles d')(?<!procedure d')(?<!plan d')\barchivage\b", RetentionAction.ARCHIVE, False),
)
_MARKERS = tuple((word_re(p), a, v) for p, a, v in MARKERS)
#: A noun marker that is a phase of a sentence with verbs ("puis font l'objet d'une
#: anonymisation", "avant leur destruction", "sont soumises à un archivage intermédiaire").
_PHASE_NOUN = re.compile(
    r"(?:l'objet d'une?|procede a (?:une?|l'|la)|soumise?s? a (?:une?|l'|la)|avant (?:leur|son|sa|la|l')"
    r"|puis(?: (?:une?|leur))?|ensuite(?: (?:une?|leur))?)\s*$"
)

#: What the Commission does when it sets a duration itself.
FIX_VERB = word_re(
    r"\b(?:fixe|fixee|fixer|ramene|ramenee|reduit|reduite|(?<!la )(?<!une )limite|limitee|demande|recommande|exige|requiert|preconise)\b"
)
#: The Commission's own view of a period ("considère que … peuvent être gardées", "avait
#: relevé l'intérêt d'une durée de …", "estime qu'une durée de deux mois est suffisante").
STANCE = word_re(
    r"\b(?:considere|estime|juge|admet|accepte|retient|souhaite|invite|rappelle|est d'avis|releve l'interet"
    r"|a (?:la )?condition qu(?:e|')|sous (?:la )?reserve qu(?:e|')"
    r"|avait (?:releve|estime|considere|fixe|admis|retenu))\b"
)
#: The Commission judging a period it does not set ("considère que la durée de trente jours
#: est excessive"): no rule of its own.
_REJECTS = word_re(
    r"\b(?:excessive?s?|trop\s+longue?s?|disproportionnee?s?|injustifiee?s?|n'est\s+pas\s+justifiee?"
    r"|ne\s+sont\s+pas\s+justifiee?s|pas\s+necessaire|inadaptee?s?|conformes?|proportionnee?s?|adequate?s?)\b"
)
_AUX_BEFORE = re.compile(r"\b(?:sont|est|seront|sera|etre|ete)\s+(?:\w+\s+)?$")
_DUREE_DE_CONSERVATION = re.compile(r"\b(?:duree|delai)s? (?:de |d')conservation\b")
#: A reminder item of the closing part states the law, not a period of this processing.
_REMINDS = re.compile(r"^\W*rappelle\b")
#: The Commission records the controller's practice in its closing ("Prend acte que …").
_TAKES_NOTE = re.compile(r"^\W*prend\s+(?:acte|note)\s+(?:de\s+ce\s+)?qu")
#: The Commission reports what the controller said (the rule stays the controller's).
REPORTS = re.compile(r"\s*(?:\w+\s+){0,2}?(?:releve|note|constate|prend acte(?: de ce)?|observe)\s+qu")
_PRONOUN_SCOPE = word_re(
    r"\b(?:leur|leurs|cette|ces|sa|son|la|les)\s+(?:duree|delai)s?\b|\bla fixe\b|\bles fixe\b"
)
#: A sentence that goes on about the period of the sentence before ("Ce délai ne peut
#: dépasser deux mois.", "Celle-ci est de trois ans …", "Elle est fixée à 30 jours.").
_ANAPHOR = re.compile(
    r"^(?:[\s,]|\b(?:toutefois|en tout etat de cause|en outre|cependant|ainsi)\b"
    r"|(?:le responsable (?:de|du) traitement|il est) (?:indique|precise|prevoit|ajoute|indiquee?|precisee?) que)*"
    r"(?:ce delai|cette duree|cette periode|ces durees|ces delais|celle-ci|celui-ci|elle\s|ce dernier"
    r"|cette derniere|ladite duree|ledit delai"
    r"|(?:le delai|la duree)(?: de conservation)?(?: retenue?)?(?= (?:est|sera|ne|n'|doit|peut)\b))\b"
)
#: "aux archives", "des archives publiques": the noun, not the verb "archivés".
_ARCHIVES_NOUN = re.compile(r"\b(?:aux|des|les|d')\s*archives\b(?!\s+(?:pendant|durant|\d))")
#: A list item's head that names persons or a stage, not data.
_NOT_DATA = re.compile(
    r"^(?:\d+\s*°\s*|[a-h]\)\s*)?(?:pour\s+(?:les|la|le|l')\s*(?!donnees|informations|documents|pieces|images"
    r"|enregistrements|journaux|traces|dossiers)|en\s+(?:base|archivage|archive)|pendant|durant|a\s+compter)"
)
#: "demander l'effacement de vos données": a right of the person, not a phase of the rule.
_A_RIGHT = re.compile(
    r"\b(?:demander|solliciter|obtenir|exiger|droits?\s+(?:a|d'|de))\b[^.;]{0,80}$"
)
#: A second period of the same verb ("…, puis pendant un an", "… et pendant un délai de deux ans").
_SECOND_PERIOD = re.compile(r",?\s+(?:puis|et)\s+(?=(?:pendant|durant)\s)")
#: After an open condition, a period of its own: "tant que X, puis 1 an après", "pendant
#: toute la durée de X et, au maximum, cinq ans après leur départ" (two chained phases; "et
#: au plus tard cinq ans après" is a ceiling on the condition, one row).
_PERIOD_AFTER_UNTIL = word_re(
    r",?\s+(?:puis|et)\s*(?=(?:,\s*au\s+(?:maximum|plus)\s*,\s*)?(?:\d+|un|une|deux|trois|quatre|cinq|six|sept"
    r"|huit|neuf|dix|douze|quinze|vingt|trente)\s+(?:ans?|mois|jours?|semaines?|annees?)\b)"
)
#: "…; ce délai de deux ans correspond à …", "au terme de ces 3 ans": a period said again.
_RESTATED = re.compile(r"\b(?:(?:ce|cette|ledit|ladite)\s+(?:delai|duree|periode)\s+(?:de\s+|d')|ces\s+)$")
#: A Commission sentence with no retention word still speaks of keeping with one of these.
_A_PERIOD_NOUN = word_re(r"\b(?:duree|periode)s?\b|\bcette\s+limite\b")
#: "… au plus tard six mois avant son expiration": a deadline, not a retention period.
_BEFORE_EVENT = re.compile(r"\s*(?:au\s+moins\s+|au\s+plus\s+tard\s+)?avant\b")
#: "Traces de navigation : 6 mois au plus": a short label without a verb, a colon, a period.
_LABEL_COLON = re.compile(r"^\W*(?:(?!\b(?:est|sont|sera|seront)\b)[^:.;]){2,90}?\s*:")
#: A conservation with no limit: a rule, every period null.
_UNLIMITED = word_re(
    r"\bsans (?:limitation|limite) de duree\b|\bindefiniment\b|\bde maniere illimitee\b"
    r"|\bsans delai\b|\bimmediatement\b|\bsans attendre\b"
    # "conservées conformément à la politique d'archivage de la Direction": a rule, its period elsewhere
    r"|\bconformement a (?:la|sa|leur|une) (?:politique|charte|procedure|doctrine) d'archivage\b"
)
#: What makes a verb with no period of its own a phase of the rule before it.
_PHASE = re.compile(
    r"\b(?:puis|ensuite|alors|apres quoi|a l'issue|au terme|au-dela|passe ce|a l'expiration|une fois"
    r"|a la fin de (?:ce|cette|la periode|la duree)|avant d'etre|avant leur|l'objet d'une?|sont ensuite)\b"
)
#: "… sont supprimées à l'issue de ce délai": the phase said after its verb.
_PHASE_AFTER = re.compile(
    r"\s*(?:\w+\s+)?(?:a l'issue|au terme|a l'expiration|a la fin)\s+(?:du\s+|(?:de\s+)?(?:ce|cette|ces|la|leur)\s+)"
    r"(?:delai|duree|periode|conservation)"
)
#: Between a retention verb and "en archivage" ("conservées ensuite en archivage").
_ONLY_ADVERBS = re.compile(r"\s*(?:(?:ensuite|alors|puis|uniquement|seulement)\s+)*")
#: An object pronoun before an active verb ("les conserver", "la supprime").
_CLITIC = re.compile(r"(?:^|\s)(?:les|la|le|l')\s*$")
_BACK_BOUNDARY = re.compile(r"\bpuis\b|[,;]|\bet\b")
#: Said of a retention verb that is not a phase of the rule ("conservées sous forme
#: chiffrée", "stockées sur un serveur"): such a verb with no period gives no row.
_ACTIVE_END = re.compile(r"(?:ent|ons|era|eront|erait|eraient|er)$")
_SURELY_ACTIVE = re.compile(r"(?:ons|ez|eront|erons|erez)$")


@dataclass(frozen=True, slots=True)
class _Marker:
    start: int
    end: int
    action: RetentionAction
    verb: bool


@guarded("retention")
def extract(text: str, out: Extraction) -> None:
    """Retention rules of section VIII (offsets relative to ``text``)."""
    for rule in _rules(text):
        out.add("retention_rules", rule)


@guarded("closing_retention")
def extract_closing(text: str, out: Extraction) -> None:
    """Durations the Commission fixes in the closing part ("Fixe … la durée …", "Fixe les
    durées de conservation comme suit :" and its items), and the controller's it records
    ("Prend acte que les données sont anonymisées à l'issue d'un délai de deux ans"), as
    ``retention_rules``."""
    rules: list[RetentionRule] = out.tables.setdefault("retention_rules", [])
    ctx = _Context()
    listing = False  # after "Fixe les durées de conservation comme suit :"
    for block in blocks(text):
        if block.kind == "item" and listing:
            rules.extend(
                dataclasses.replace(r, set_by=SetBy.COMMISSION)
                for r in _bare_item_rule(text, block.start, block.end, "")
            )
            continue
        for start, end in sentence_spans(text, block.start, block.end):
            rules.extend(_closing_sentence(text, start, end, rules, ctx))
        listing = block.is_intro and bool(FIX_VERB.match(fold(block.text).lstrip(" -•")))


def _closing_sentence(
    text: str, start: int, end: int, rules: list[RetentionRule], ctx: _Context
) -> list[RetentionRule]:
    sentence = text[start:end]
    f = fold(sentence)
    if FIX_VERB.search(f) or (STANCE.search(f) and not _REJECTS.search(f) and not _REMINDS.match(f)):
        return _commission_rules(text, start, end, rules, ctx)
    if _TAKES_NOTE.match(f):  # "Prend acte que les données sont anonymisées …"
        markers = _markers(f, start)
        return _controller_rules(text, start, end, markers, ctx) if markers else []
    named = commission_scope(sentence, f, 0)  # "Relève que la durée de X n'a pas été précisée"
    if named:
        about = _About(
            scope=named, action=RetentionAction.RETAIN, set_by=SetBy.COMMISSION, raw=sentence,
            start=start, end=end,
        )
        ctx.pending = _rule(about)
    return []


def merge_rules(
    section_rules: list[RetentionRule], closing_rules: list[RetentionRule]
) -> list[RetentionRule]:
    """Section VIII's rules, then the closing part's rules that VIII does not already hold.

    The closing part usually repeats what the Commission fixed in section VIII ("Fixe
    de 3 mois minimum à un an maximum la durée de conservation des informations
    temporelles", 2022-62). A closing rule is dropped when a ``commission`` rule of VIII
    has the same duration, bounds and trigger and a similar scope (half the content
    words shared, or one scope unknown), so each fixed duration is counted once. The
    controller's rules are never dropped: both the stated and the fixed duration stay.
    """
    kept = list(section_rules)
    for rule in closing_rules:
        if not any(_same_fix(rule, other) for other in section_rules):
            kept.append(rule)
    return kept


def _same_fix(a: RetentionRule, b: RetentionRule) -> bool:
    if b.set_by != SetBy.COMMISSION:
        return False
    if (a.duration, a.duration_min, a.duration_max, _fold(a.trigger)) != (
        b.duration,
        b.duration_min,
        b.duration_max,
        _fold(b.trigger),
    ):
        return False
    wa, wb = _words(a.data_scope), _words(b.data_scope)
    return not wa or not wb or len(wa & wb) >= 0.5 * min(len(wa), len(wb))


def _fold(value: str | None) -> str | None:
    return fold(value) if value else None


_STOP = {"les", "des", "aux", "relative", "relatives", "informations", "donnees", "concernant"}


def _words(scope: str | None) -> set[str]:
    if not scope:
        return set()
    return {w for w in re.findall(r"[a-z]{3,}", fold(scope)) if w not in _STOP}


# ---------------------------------------------------------------- section VIII


@dataclass(slots=True)
class _Context:
    """What a sentence may refer back to: the last rule's scope, the last sentence's
    subject ("Leur durée de conservation …"), and a rule still waiting for its period
    ("… sont conservées de manière limitée. Ce délai ne peut dépasser deux mois.")."""

    scope: str | None = None
    subject: str | None = None
    pending: RetentionRule | None = None  # emitted without a period, or not emitted


def _rules(text: str) -> list[RetentionRule]:
    rules: list[RetentionRule] = []
    ctx = _Context()
    all_blocks = blocks(text)
    for block in all_blocks:
        intro = all_blocks[block.intro_index].text if block.intro_index is not None else ""
        for start, end in sentence_spans(text, block.start, block.end):
            f = fold(text[start:end])
            who = COMMISSION.search(f)
            markers = _markers(f, start)
            new: list[RetentionRule]
            if who and (not markers or who.start() + start < markers[0].start):
                if FIX_VERB.search(f) or (STANCE.search(f, who.start()) and not _REJECTS.search(f)):
                    new = _commission_rules(text, start, end, rules, ctx)
                elif REPORTS.match(f, who.end()):  # "la Commission relève que les X sont conservés"
                    new = _controller_rules(text, start, end, markers, ctx)
                else:
                    new = []
            elif block.kind == "item" and _labelled(f, markers, start):
                new = _labelled_item(text, start, end, intro, markers, ctx)
            elif not markers and (block.kind == "item" or _LABEL_COLON.match(f)):
                new = _bare_item_rule(text, start, end, intro)
            elif not markers or (_ANAPHOR.match(f) and not any(m.verb for m in markers)):
                new = _period_after(text, start, end, rules, ctx)
            else:
                new = _controller_rules(text, start, end, markers, ctx)
            rules.extend(new)
            if new:
                ctx.scope = new[-1].data_scope or ctx.scope
            sentence_subject = subject(text, start, end, anywhere=True)
            if sentence_subject:
                ctx.subject = sentence_subject
    return _floor_then_ceiling(text, [r for r in rules if r is not None])


#: The second sentence that bounds the period the first gave ("… ; cette durée ne peut
#: toutefois excéder sept ans").
_SAME_PERIOD = word_re(r"^\W*(?:\w+\s+){0,3}?(?:cette\s+duree|ce\s+delai|celle-ci|cette\s+periode)\b")


_SAME_PERIOD_AFTER_SEMICOLON = word_re(r";\s*(?:\w+\s+){0,3}?(?:cette\s+duree|ce\s+delai|celle-ci|cette\s+periode)\b")


def _floor_then_ceiling(text: str, rules: list[RetentionRule]) -> list[RetentionRule]:
    """ "conservés pendant une durée minimale de cinq ans ; cette durée ne peut toutefois
    excéder sept ans": one range (``P5Y``–``P7Y``), not two lone bounds."""
    out: list[RetentionRule] = []
    for rule in rules:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.start is not None and prev.end is not None and rule.start is not None and rule.end is not None
            and prev.duration_min and not prev.duration_max
            and rule.duration_max and not rule.duration_min
            and (prev.data_scope, prev.action, prev.set_by) == (rule.data_scope, rule.action, rule.set_by)
            and rule.trigger in (None, prev.trigger)
            and (
                (prev.end <= rule.start and _SAME_PERIOD.match(fold(rule.raw)))
                or (prev.start == rule.start and _SAME_PERIOD_AFTER_SEMICOLON.search(fold(rule.raw)))
            )
        ):
            out[-1] = dataclasses.replace(
                prev, duration=None, duration_max=rule.duration_max, trigger=prev.trigger or rule.trigger,
                raw=strip_final_period(text[prev.start : max(prev.end, rule.end)]), end=max(prev.end, rule.end),
            )
            continue
        out.append(rule)
    return out


def _labelled(f: str, markers: list[_Marker], start: int) -> bool:
    """ "- les données de pointage : cinq ans …, puis anonymisées": a label, a colon, then the
    period, with no retention verb before the colon."""
    colon = f.find(":")
    if colon <= 0:
        return False
    label_verbs = [m for m in markers if m.verb and m.start - start < colon]
    return not any(_AUX_BEFORE.search(f[: m.start - start]) for m in label_verbs)


def _labelled_item(
    text: str, start: int, end: int, intro: str, markers: list[_Marker], ctx: _Context
) -> list[RetentionRule]:
    f = fold(text[start:end])
    colon = f.find(":")
    verbs = [
        m
        for m in markers
        if (m.verb and m.start - start > colon)
        or (m.start - start > colon and m.action is not RetentionAction.RETAIN
            and _PHASE_NOUN.search(f[: m.start - start]))
    ]
    first_end = verbs[0].start if verbs else end
    if verbs and fold(text[verbs[0].start : verbs[0].end]).startswith("en "):
        # "…, puis cinq ans en archives": that period is the archive's (its marker reads it)
        cuts = list(_BACK_BOUNDARY.finditer(fold(text[start + colon + 1 : first_end])))
        if cuts:
            first_end = start + colon + 1 + cuts[-1].start()
    rules = _bare_item_rule(text, start, first_end, intro)
    if not verbs:
        return rules
    ctx.scope = clean(text[start : start + colon]) or ctx.scope
    return rules + _controller_rules(text, start, end, verbs, ctx)


def _markers(folded: str, offset: int) -> list[_Marker]:
    found = [
        _Marker(m.start() + offset, m.end() + offset, a, v)
        for rx, a, v in _MARKERS
        for m in rx.finditer(folded)
        if not (
            a is RetentionAction.ARCHIVE
            and folded[m.start() : m.end()].startswith("archives")
            and _ARCHIVES_NOUN.search(folded, max(0, m.start() - 8), m.end())
        )
        and not (not v and _A_RIGHT.search(folded, max(0, m.start() - 40), m.start()))
    ]
    verbs = [m for m in found if m.verb]
    if not verbs:
        return sorted(found, key=lambda m: m.start)
    phases = [
        m
        for m in found
        if not m.verb
        and m.action is not RetentionAction.RETAIN
        and _PHASE_NOUN.search(folded[: m.start - offset])
    ]
    ordered = sorted(verbs + phases, key=lambda m: m.start)
    # "conservées en archivage intermédiaire": one archive, not a retention and an archive
    return [
        m
        for i, m in enumerate(ordered)
        if not (
            m.action is RetentionAction.RETAIN
            and i + 1 < len(ordered)
            and folded[ordered[i + 1].start - offset :].startswith("en ")
            and _ONLY_ADVERBS.fullmatch(folded[m.end - offset : ordered[i + 1].start - offset])
        )
    ]


def _is_active(text: str, mk: _Marker) -> bool:
    """``conserve``/``conservent``/``conserver`` (the agent does it), not ``conservées``."""
    word = text[mk.start : mk.end]
    if re.search(r"[éÉ]e?s?$", word):
        return False
    f = fold(word)
    return bool(_ACTIVE_END.search(f)) or f.endswith(("e", "it"))


def _controller_rules(
    text: str, start: int, end: int, markers: list[_Marker], ctx: _Context
) -> list[RetentionRule]:
    out: list[RetentionRule] = []
    raw = text[start:end]
    segments = [
        [mk.end, markers[i + 1].start if i + 1 < len(markers) else end]
        for i, mk in enumerate(markers)
    ]
    for i, mk in enumerate(markers):
        if fold(text[mk.start : mk.end]).startswith("en "):
            region_start = markers[i - 1].end if i else start
            cuts = list(_BACK_BOUNDARY.finditer(fold(text[region_start : mk.start])))
            cut_start, cut_end = (cuts[-1].start(), cuts[-1].end()) if cuts else (0, 0)
            before = text[region_start + cut_end : mk.start]
            if not (find_durations(before) or find_ranges(before)):
                # "…, puis en archivage intermédiaire pendant trois ans": the period follows
                if i:
                    segments[i - 1][1] = region_start + cut_start
                continue
            # "puis cinq ans en archives intermédiaires à compter de la fin du contrat": the
            # period before the marker, its event after it
            segments[i] = [region_start + cut_end, segments[i][1]]
            if i:
                segments[i - 1][1] = region_start + cut_start
    scope = ctx.scope
    for i, mk in enumerate(markers):
        seg_start, seg_end = segments[i]
        region_start = markers[i - 1].end if i else start
        if not mk.verb:
            new_scope = complement(text, mk.end, seg_end)
        elif _is_active(text, mk) and (
            _SURELY_ACTIVE.search(fold(text[mk.start : mk.end])) or subject(text, region_start, mk.start) is None
        ):
            new_scope, skip = object_phrase(text, mk.end, seg_end)
            seg_start += skip
            if new_scope is None and _CLITIC.search(fold(text[region_start : mk.start])):
                # "S'agissant des photographies, il indique les conserver cinq ans"
                new_scope = topic(text, start, mk.start) or ctx.scope
        else:
            new_scope = subject(text, region_start, mk.start)
        if new_scope is None and mk.verb and i == 0:  # "Sont conservés pendant dix ans les X"
            new_scope = inverted_subject(text, region_start, mk.start, mk.end, seg_end)
        if new_scope is None and mk.verb and i and pronoun_subject(text, region_start, mk.start):
            new_scope = scope  # "… archivées huit ans, à l'issue desquels elles sont détruites"
        if new_scope is None and mk.verb and i == 0 and (
            _refers_back(text, start, mk.start) or pronoun_subject(text, start, mk.start)
        ):
            # "Ils sont conservés …", "S'agissant des X, … qu'ils sont conservés"
            new_scope = (
                topic(text, start, mk.start)
                or ctx.scope
                or subject(text, start, mk.start, anywhere=True)
                or ctx.subject
            )
        if new_scope is None and not mk.verb:  # "S'agissant des X, leur durée de conservation …"
            new_scope = topic(text, start, mk.start)
        if new_scope is None and not mk.verb and _PRONOUN_SCOPE.search(fold(text[start:end])):
            new_scope = ctx.subject  # "Leur durée de conservation ne saurait dépasser un an"
        if new_scope is None and not mk.verb:  # "Les X font l'objet d'une durée de conservation …"
            new_scope = subject(text, start, mk.start, anywhere=True)
        scope = with_antecedent(_named_before(new_scope, fold(raw), ctx.scope), scope or ctx.scope) or scope
        exc = EXCEPTION.search(fold(text[seg_start:seg_end]))
        if exc:
            seg_end = seg_start + exc.start()
        about = _About(
            scope=scope, action=mk.action, set_by=SetBy.CONTROLLER, raw=raw, start=start, end=end
        )
        built = _respectively(_build(text, seg_start, seg_end, about), fold(text[mk.end : seg_end]))
        if i == 0 and built:
            built = _fronted_trigger(text, start, mk.start, built)
        if i and built:  # "jusqu'à la restitution du badge, et supprimées trois mois après celle-ci"
            built = _event_said_before(fold(text[seg_start:seg_end]), out, start, built)
        if built:
            out.extend(built)
            ctx.pending = built[-1] if not _has_period(built[-1]) else None
        elif (mk.verb or mk.action is not RetentionAction.RETAIN) and (
            _PHASE.search(fold(text[start : mk.start]))
            or (mk.action is not RetentionAction.RETAIN and _PHASE_AFTER.match(fold(text[mk.end : seg_end])))
        ):
            # a later phase with no period of its own: "puis supprimées", "Elles sont ensuite
            # archivées", "À l'issue de ce délai, elles sont détruites"
            out.append(_rule(about))
        elif mk.verb and _UNLIMITED.search(fold(text[seg_start:seg_end])):
            out.append(_rule(about))  # "sans limitation de durée"
        else:  # its period may come in the next sentence ("Ce délai est de trois ans")
            ctx.pending = _rule(about)
    return out


def _fronted_trigger(text: str, start: int, verb_start: int, rules: list[RetentionRule]) -> list[RetentionRule]:
    """ "Au terme de l'abonnement, elles sont conservées un an": the event the sentence opens
    with starts the periods that have none of their own."""
    head = text[start:verb_start]
    comma = head.find(",")
    if comma == -1 or not _FRONTED.match(fold(head)):
        return rules
    trigger = find_trigger(head[:comma])
    if trigger is None:
        return rules
    return [
        dataclasses.replace(r, trigger=trigger)
        if r.trigger is None and (r.duration or r.duration_max or r.duration_min or (i == 0 and not r.until))
        else r
        for i, r in enumerate(rules)
    ]


def _event_said_before(
    folded_seg: str, before: list[RetentionRule], start: int, rules: list[RetentionRule]
) -> list[RetentionRule]:
    """A period counted from "celle-ci", "cette date": the event the sentence's open
    condition named ("jusqu'à la restitution du badge")."""
    if not _BACK_REFERENCE.search(folded_seg):
        return rules
    event = None
    for r in reversed(before):
        lead = _UNTIL_LEAD.match(fold(r.until)) if r.until and r.start is not None and r.start >= start else None
        if lead is not None and r.until is not None:
            event = r.until[lead.end() :]  # fold keeps the offsets
            break
    if not event:
        return rules
    return [dataclasses.replace(r, trigger=event) if r.trigger is None and r.duration else r for r in rules]


_BACK_REFERENCE = re.compile(
    r"\b(?:apres|a compter de|a partir de|suivant|des)\s+(?:celle-ci|celui-ci|cette date|ce moment|cette derniere|ce dernier)\b"
)
_UNTIL_LEAD = re.compile(r"^jusqu'(?:a\s+la\s+|a\s+l'|au\s+|aux\s+|a\s+)")
_FRONTED = re.compile(r"^\W*(?:au terme|a l'issue|a l'expiration|a compter|a partir|a la suite|a la fin|apres|des|lors)\b")


def _respectively(rules: list[RetentionRule], folded_after: str) -> list[RetentionRule]:
    """ "Les X et les Y sont conservés respectivement jusqu'au départ et trois mois": X's
    period, then Y's."""
    if len(rules) < 2 or not re.match(r"\W*respectivement\b", folded_after) or not rules[0].data_scope:
        return rules
    scope = rules[0].data_scope
    parts = [p for p in re.split(r"\s*,\s*|\s+et\s+", scope) if p]
    if len(parts) != len(rules) or any(r.data_scope != scope for r in rules):
        return rules
    return [dataclasses.replace(r, data_scope=clean(p) or p) for r, p in zip(rules, parts, strict=True)]


def _named_before(scope: str | None, folded: str, before: str | None) -> str | None:
    """ "ces journaux" after "les journaux d'accès au portail": the name said before."""
    if not scope or not before or before == scope:
        return scope
    head = fold(scope)
    if fold(before).startswith(head + " ") and re.search(
        r"\b(?:ces|cette|cet|ce|lesdite?s|ledit|ladite)\s+" + re.escape(head) + r"\b", folded
    ):
        return before
    return scope


def _named_earlier(scope: str | None, folded: str, text_before: str) -> str | None:
    """ "cette copie" when the section said "la copie de la pièce d'identité" before: the
    full name (a one-word scope a demonstrative points back to)."""
    if not scope or " " in scope or not re.search(r"\b(?:ce|cette|cet|ces)\s+" + re.escape(fold(scope)) + r"\b", folded):
        return scope
    last = None
    for m in re.finditer(r"\b" + re.escape(fold(scope)) + r"\s+(?=(?:de|d'|des|du)\b)", fold(text_before)):
        last = m
    if last is None:
        return scope
    name = noun_phrase(text_before, last.start())
    return name if name and fold(name).startswith(fold(scope) + " ") else scope


def _refers_back(text: str, start: int, verb_start: int) -> bool:
    """The verb's subject is a pronoun or is missing ("Elles sont ensuite archivées",
    "Au-delà, ils sont effacés")."""
    head = fold(text[start:verb_start])
    return not re.search(r"[a-z]{3,}", re.sub(r"\b(?:elles|ils|elle|il|sont|est|ensuite|alors|puis"
                                              r"|seront|sera|au-dela|ne|pas|en|y|les|la)\b", "", head))


def _has_period(rule: RetentionRule) -> bool:
    return bool(rule.duration or rule.duration_min or rule.duration_max)


@dataclass(frozen=True, slots=True, kw_only=True)
class _About:
    """What the rules read from one clause share: the data they keep, the action, who sets
    them, and the sentence they are read from (``raw`` at ``start``–``end``)."""

    scope: str | None
    action: RetentionAction
    set_by: SetBy
    raw: str
    start: int
    end: int


def _rule(
    about: _About,
    *,
    duration: str | None = None,
    duration_min: str | None = None,
    duration_max: str | None = None,
    trigger: str | None = None,
    until: str | None = None,
    rolling: bool = False,
) -> RetentionRule:
    return RetentionRule(
        data_scope=about.scope,
        action=about.action.value,
        duration=duration,
        duration_min=duration_min,
        duration_max=duration_max,
        trigger=trigger,
        until=until,
        rolling=bool(rolling),
        set_by=about.set_by,
        raw=strip_final_period(about.raw),
        start=about.start,
        end=about.end,
    )


def _period_after(
    text: str, start: int, end: int, rules: list[RetentionRule], ctx: _Context
) -> list[RetentionRule]:
    """A sentence with a period and no retention verb: the period of the rule still waiting
    for one, a restatement of the last rule's (no row), or a rule for the last subject."""
    sentence = text[start:end]
    f = fold(sentence)
    about = _About(
        scope=None, action=RetentionAction.RETAIN, set_by=SetBy.CONTROLLER, raw=sentence,
        start=start, end=end,
    )
    built = _build(text, start, end, about)
    built = [r for r in built if _has_period(r)]
    if not built:
        return []
    pending = ctx.pending
    if pending is not None:
        ctx.pending = None
        filled = [
            dataclasses.replace(
                r,
                data_scope=pending.data_scope,
                action=pending.action,
                set_by=pending.set_by,
                trigger=r.trigger or pending.trigger,
                until=None,
                raw=pending.raw,
                start=pending.start,
                end=r.end,
            )
            for r in built
        ]
        if rules and rules[-1] is pending:
            rules.pop()
        return filled
    if _ANAPHOR.match(f):
        last = rules[-1] if rules else None
        if last is not None and any(
            (r.duration, r.duration_min, r.duration_max)
            == (last.duration, last.duration_min, last.duration_max)
            or r.duration in (last.duration, last.duration_max, last.duration_min)
            for r in built
        ):
            if last.trigger is None and built[0].trigger and rules:  # "Ce délai court à compter de X"
                rules[-1] = dataclasses.replace(last, trigger=built[0].trigger)
            return []  # "ce délai de deux ans correspond à …": said already
        scope = last.data_scope if last is not None else ctx.subject
        return [dataclasses.replace(r, data_scope=scope) for r in built]
    return []


def _bare_item_rule(text: str, start: int, end: int, intro: str) -> list[RetentionRule]:
    """ "- identité : 5 ans après le départ ;" or "- Pendant un an : les relevés ;" (the
    period on either side of the colon) under an intro, or alone in section VIII."""
    intro_markers = _markers(fold(intro), 0)
    action = intro_markers[0].action if intro_markers else RetentionAction.RETAIN
    item = text[start:end]
    colon = item.find(":")
    if colon > 0:
        left, right = item[:colon], item[colon + 1 :]
        if (find_durations(left) or find_until(left)) and not find_durations(right):
            scope, seg_start, seg_end = clean(right), start, start + colon
        else:
            scope, seg_start, seg_end = clean(left), start + colon + 1, end
    else:
        durations = find_durations(item)
        until = None if durations else find_until(item)
        if durations:
            at, at_end = durations[0].start, durations[0].end
        elif until and until in item:  # "a) Pour les titulaires, jusqu'à la fin du permis ;"
            at = item.index(until)
            at_end = at + len(until)
        else:
            return []
        for_scope = duration_scope(item, None, at, at_end)
        label = item[:at]
        scope = clean(for_scope) if for_scope else clean(label)
        if not for_scope and (scope is None or _NOT_DATA.match(fold(label).strip())):
            # "1° Pour les personnes majeures, pendant vingt ans", "2° En base active, …":
            # the data are the intro's subject
            scope = subject(intro, 0, len(intro), anywhere=True) or scope
        seg_start, seg_end = start + at, end
    about = _About(
        scope=scope, action=action, set_by=SetBy.CONTROLLER, raw=item, start=start, end=end
    )
    rules = _build(text, seg_start, seg_end, about)
    return [r for r in rules if _has_period(r) or r.until]


def _build(text: str, seg_start: int, seg_end: int, about: _About) -> list[RetentionRule]:
    """The rules of the periods in ``text[seg_start:seg_end]`` (one per duration, range or
    offset; one with no period for an end or an archive)."""
    seg = text[seg_start:seg_end]
    split = _SECOND_PERIOD.search(fold(seg))
    if split is None:
        after = _PERIOD_AFTER_UNTIL.search(fold(seg))
        if after and find_until(seg[: after.start()]) and not find_durations(seg[: after.start()]):
            split = after
    if split and (find_until(seg[: split.start()]) or find_durations(seg[: split.start()])):
        # "jusqu'à la fin de l'année scolaire, puis pendant un an": one row per period
        first = _build(text, seg_start, seg_start + split.start(), about)
        second = _build(text, seg_start + split.end(), seg_end, about)
        return first + second
    offset = find_offset(seg)
    folded_seg = fold(seg)
    ranges = [r for r in find_ranges(seg) if not _BEFORE_EVENT.match(folded_seg, r.end)]
    durations = [
        d
        for d in find_durations(seg)
        if not any(r.start <= d.start < r.end for r in ranges)
        and not _BEFORE_EVENT.match(folded_seg, d.end)
        and not _RESTATED.search(folded_seg, max(0, d.start - 30), d.start)
    ]
    trigger = offset.trigger if offset else find_trigger(seg)
    until = find_until(seg) if not durations and not ranges and not offset else None
    if until is None and ranges and not durations and all(r.min is None for r in ranges):
        until = find_until(seg[: ranges[0].start])  # a condition capped by a ceiling
    if trigger and until and fold(until).startswith("jusqu"):
        until = None if durations else until
    rolling = is_rolling(seg)
    scope = about.scope
    out: list[RetentionRule] = []
    if offset:
        out.append(_rule(about, duration=offset.iso, trigger=trigger, rolling=rolling))
    for r in ranges:
        lone = r.min if r.max is None else r.max if r.min is None else None
        out.append(
            _rule(about, duration=lone, duration_min=r.min, duration_max=r.max,
                  trigger=trigger, until=until, rolling=rolling)
        )
    for i, d in enumerate(durations):
        d_scope, d_trigger, d_rolling = scope, trigger, rolling
        if len(durations) > 1:  # each duration has its own group and event
            prev_end = durations[i - 1].end if i else None
            nxt = durations[i + 1].start if i + 1 < len(durations) else len(seg)
            own = seg[d.start if i else 0 : nxt]
            found = duration_scope(seg, prev_end, d.start, d.end)
            d_scope = clean(found) if found else scope
            d_trigger, d_rolling = find_trigger(own), is_rolling(own)
        else:
            before = [r.end for r in ranges if r.end <= d.start]
            found = duration_scope(seg, before[-1] if before else None, d.start, d.end)
            if found and (scope is None or before):  # "… treize mois au maximum, et les données qu'ils collectent vingt-cinq mois"
                d_scope = with_antecedent(clean(found), scope)
                d_trigger = find_trigger(seg[d.start :]) if before else trigger  # its own event
        out.append(
            _rule(about if d_scope == scope else dataclasses.replace(about, scope=d_scope),
                  duration=d.iso, trigger=d_trigger, until=until, rolling=d_rolling)
        )
    if durations and not offset:  # "… six mois et les données des agents jusqu'à leur départ"
        elided = _ELIDED_UNTIL.match(folded_seg, durations[-1].end)
        if elided is not None:
            group = with_antecedent(clean(seg[elided.start("np") : elided.end("np")]), about.scope)
            end_of = find_until(seg[elided.end("np") :])
            if group and end_of:
                out.append(_rule(dataclasses.replace(about, scope=group), until=end_of))
    if not out and (trigger or until or about.action == RetentionAction.ARCHIVE):
        out.append(_rule(about, trigger=trigger, until=until, rolling=rolling))
    return out


_ELIDED_UNTIL = re.compile(
    r"\s*,?\s*(?:et|puis|tandis que)\s+(?P<np>(?:les|la|le|l'|des|ses|leurs|ceux|celles)\s*[^,;:.]+?)\s+"
    r"(?=jusqu'|tant qu|pendant toute|durant toute|aussi longtemps)"
)


# ------------------------------------------------------------------ Commission


def _commission_rules(
    text: str, start: int, end: int, before: list[RetentionRule], ctx: _Context | None = None
) -> list[RetentionRule]:
    sentence = text[start:end]
    f = fold(sentence)
    # the word by which the Commission sets the period: "fixe …" when the sentence has one
    # with a period after it ("considère que la durée de trois ans est excessive et fixe à
    # deux mois …"), else its view ("estime qu'une durée de deux mois est suffisante")
    fixes = [m for m in FIX_VERB.finditer(f) if find_durations(sentence[m.end() :])]
    fix = fixes[0] if fixes else (FIX_VERB.search(f) or STANCE.search(f))
    stance = STANCE.search(f)
    if not fixes and stance is not None and (fix is None or stance.start() < fix.start()):
        fix = stance
    if fix is None:
        return []
    if not (_markers(f, start) or _A_PERIOD_NOUN.search(f) or (ctx is not None and ctx.pending)):
        return []  # "rappelle que toute violation doit être notifiée 72 heures au plus tard …"
    seg_start = start + fix.start()
    markers = [m for m in _markers(f[fix.end() :], seg_start + fix.end() - fix.start()) if m.verb]
    nominal = _DUREE_DE_CONSERVATION.search(f, fix.end(), markers[0].start - start if markers else len(f))
    if nominal and markers:  # "Fixe à deux ans la durée de conservation …, à l'issue de laquelle
        markers = [_Marker(start + nominal.start(), start + nominal.end(), RetentionAction.RETAIN, True), *markers]
    action = markers[0].action if markers else RetentionAction.RETAIN
    scope = commission_scope(sentence, f, fix.end())
    if scope is None and markers:  # "demande que les images soient conservées …"
        scope = subject(text, start + fix.end(), markers[0].start)
        if scope is None and ctx is not None and (
            _refers_back(text, start + fix.end(), markers[0].start)
            or pronoun_subject(text, start + fix.end(), markers[0].start)
        ):
            scope = ctx.scope
    if scope is None and _PRONOUN_SCOPE.search(f):
        # "cette copie ne doit être conservée que … et fixe sa durée de conservation à un mois":
        # the subject the sentence opens with, else the last group
        said = _markers(f[: fix.start()], start)
        verbs = [m for m in said if m.verb]
        if verbs:
            scope = subject(text, start, verbs[0].start)
        elif said:  # "estime que la conservation des enregistrements … et fixe leur durée"
            scope = complement(text, said[0].end, start + fix.start())
        else:
            scope = None
        if scope is None:
            scope = before[-1].data_scope if before else (ctx.scope if ctx else None)
    if scope is None and ctx is not None and ctx.pending is not None and not markers:
        scope = ctx.pending.data_scope  # "Relève que la durée de X n'a pas été précisée. Fixe cette durée à deux mois."
    if ctx is not None:
        scope = _named_before(scope, f, ctx.scope)
    scope = _named_earlier(scope, f, text[:start])
    seg_end = markers[1].start if len(markers) > 1 else end
    about = _About(
        scope=scope, action=action, set_by=SetBy.COMMISSION, raw=sentence, start=start, end=end
    )
    rules = _build(text, seg_start, seg_end, about)
    rules = [r for r in rules if _has_period(r) or r.until or r.trigger]
    if rules:  # "… soient conservées deux mois, puis anonymisées": the later phases too
        for mk in markers[1:]:
            if _PHASE.search(f[: mk.start - start]):
                rules.append(_rule(dataclasses.replace(about, action=mk.action)))
    return rules
