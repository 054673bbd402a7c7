"""Section III: the categories of information processed.

Each case is a section text and the rows expected, written
``row(category, category_norm, *items, subject=…)``. To add a case, copy the lines from
a deliberation and write the rows a reader would expect.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import data_categories
from extractors.common.normalise import normalise
from extractors.sections import split_sections
from extractors.vocab.labels import category_norm
from scrapers.journal_de_monaco import parse_article_text

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


def row(category: str, norm: str, *items: str, subject: str | None = None):
    return (subject, category, norm, list(items))


CASES = [
    pytest.param(
        "Le responsable de traitement indique que les informations nominatives traitées sont :\n"
        "en ce qui concerne le destinataire/expéditeur/contact des messages :\n"
        "- identité : nom, prénom ;\n"
        "- coordonnées : email, numéro(s) de téléphone, adresse, mapping ;\n"
        "en ce qui concerne l'administrateur :\n"
        "- données d'identification électronique : login, mot de passe (chiffré) ;\n"
        "- données de connexion : logs de connexion (OS, navigateur et version de l'appareil, adresse IP, "
        "objectID, nom de la commande ;\n"
        "Les informations relatives aux données d'identification électronique ont pour origine le Service "
        "Informatique.\n"
        "En ce qui concerne le destinataire, les informations relatives à l'identité proviennent de l'expéditeur.",
        [
            row(
                "identité",
                "identity",
                "nom",
                "prénom",
                subject="destinataire/expéditeur/contact des messages",
            ),
            row(
                "coordonnées",
                "contact",
                "email",
                "numéro(s) de téléphone",
                "adresse",
                "mapping",
                subject="destinataire/expéditeur/contact des messages",
            ),
            row(
                "données d'identification électronique",
                "electronic_identification",
                "login",
                "mot de passe (chiffré)",
                subject="administrateur",
            ),
            row(
                "données de connexion",
                "connection_data",
                "logs de connexion (OS, navigateur et version de l'appareil, adresse IP, objectID, nom de la commande",
                subject="administrateur",
            ),
        ],
        id="2021-81 groups, unclosed parenthesis, origin paragraphs ignored",
    ),
    pytest.param(
        "Les informations nominatives traitées sont :\n"
        "Pour les utilisateurs/managers/administrateurs de la solution :\n"
        "- formation-diplômes, vie professionnelle : direction, cellule/pôle, manager ;\n"
        "- logs : méthode http (GET/POST/PUT/PACTH/DELETE), level name (OK, ERROR), code de réponse (200,401...) ;\n"
        "Pour les visiteurs de la DITN/DSI :\n"
        "- identité : nom, prénom ;\n"
        "- contenu : dates de réservation (début et fin), bureau réservé.\n"
        "S'agissant de la possibilité offerte aux utilisateurs de marquer un collègue de « favori », le "
        "responsable de traitement précise que les favoris sont strictement personnels.",
        [
            row(
                "formation-diplômes, vie professionnelle",
                "professional_life",
                "direction",
                "cellule/pôle",
                "manager",
                subject="utilisateurs/managers/administrateurs de la solution",
            ),
            row(
                "logs",
                "connection_data",
                "méthode http (GET/POST/PUT/PACTH/DELETE)",
                "level name (OK, ERROR)",
                "code de réponse (200,401...)",
                subject="utilisateurs/managers/administrateurs de la solution",
            ),
            row("identité", "identity", "nom", "prénom", subject="visiteurs de la DITN/DSI"),
            row(
                "contenu",
                "content",
                "dates de réservation (début et fin)",
                "bureau réservé",
                subject="visiteurs de la DITN/DSI",
            ),
        ],
        id="2024-165 per group",
    ),
    pytest.param(
        "Les informations nominatives traitées sont :\n"
        "- Identité, situation de famille : nationalité, nom et prénom de l'usager ; nom et prénom des agents ;\n"
        "- Informations temporelles, horodatage : logs de connexion des personnels ;\n"
        "- Informations relatives au rendez-vous en ligne : motif du rendez-vous, durée du rendez-vous.",
        [
            row(
                "Identité, situation de famille",
                "identity",
                "nationalité",
                "nom et prénom de l'usager",
                "nom et prénom des agents",
            ),
            row(
                "Informations temporelles, horodatage",
                "time_information",
                "logs de connexion des personnels",
            ),
            row(
                "Informations relatives au rendez-vous en ligne",
                "other",
                "motif du rendez-vous",
                "durée du rendez-vous",
            ),
        ],
        id="2022-62 ';' inside items, unknown label",
    ),
    pytest.param(
        "Les informations traitées sont :\n"
        "• identité : nom, prénom ;\n"
        "• compte utilisateur : nom du compte, type de droits.",
        [
            row("identité", "identity", "nom", "prénom"),
            row("compte utilisateur", "account", "nom du compte", "type de droits"),
        ],
        id="bullet •",
    ),
    pytest.param(
        "Les informations nominatives traitées sont les suivantes :\n"
        "– identité : nom, prénom, date de naissance,\n"
        "– adresses et coordonnées : adresse postale, téléphone,\n"
        "– données statistiques : nombre de visites.",
        [
            row("identité", "identity", "nom", "prénom", "date de naissance"),
            row("adresses et coordonnées", "contact", "adresse postale", "téléphone"),
            row("données statistiques", "statistics", "nombre de visites"),
        ],
        id="en dash, items ending with a comma",
    ),
    pytest.param(
        "Les informations traitées sont :\n"
        "o identité : nom, prénom ;\n"
        "o données de santé : pathologie, traitements en cours, allergies, etc. ;\n"
        "o données biométriques : gabarit de l'empreinte digitale.",
        [
            row("identité", "identity", "nom", "prénom"),
            row("données de santé", "health", "pathologie", "traitements en cours", "allergies"),
            row("données biométriques", "biometric", "gabarit de l'empreinte digitale"),
        ],
        id="bullet o, health data, 'etc.' dropped",
    ),
    pytest.param(
        "Les informations traitées sont :\n"
        "> image : photographie du salarié ;\n"
        "> données de géolocalisation : position GPS du véhicule ;\n"
        "> infractions, condamnations, mesures de sûreté : sanctions disciplinaires ;\n"
        "> caractéristiques financières : RIB, salaire.",
        [
            row("image", "image", "photographie du salarié"),
            row("données de géolocalisation", "location", "position GPS du véhicule"),
            row(
                "infractions, condamnations, mesures de sûreté",
                "offences",
                "sanctions disciplinaires",
            ),
            row("caractéristiques financières", "financial", "RIB", "salaire"),
        ],
        id="bullet >, image, location, offences, financial",
    ),
    pytest.param(
        "Les informations traitées concernant les patients sont :\n"
        "- identité : nom, prénom ;\n"
        "- données de santé : diagnostic.",
        [
            row("identité", "identity", "nom", "prénom", subject="patients"),
            row("données de santé", "health", "diagnostic", subject="patients"),
        ],
        id="group named in the intro",
    ),
    pytest.param(
        "S'agissant des visiteurs, les informations traitées sont :\n- identité : nom ;",
        [row("identité", "identity", "nom", subject="visiteurs")],
        id="group leading the intro",
    ),
    pytest.param(
        "Les informations nominatives traitées sont :\n"
        "Identité :\n- nom ;\n- prénom ;\n"
        "Coordonnées :\n- adresse ;\n- téléphone.",
        [
            row("Identité", "identity", "nom", "prénom"),
            row("Coordonnées", "contact", "adresse", "téléphone"),
        ],
        id="label lines with sub-lists",
    ),
    pytest.param(
        "Les informations nominatives traitées sont :\n"
        "- Identité :\no nom ;\no prénom ;\n"
        "- Coordonnées : adresse, téléphone.",
        [
            row("Identité", "identity", "nom", "prénom"),
            row("Coordonnées", "contact", "adresse", "téléphone"),
        ],
        id="nested bulleted sub-list",
    ),
    pytest.param(
        "Les informations nominatives traitées sont :\n"
        "identité : nom, prénom ;\n"
        "adresses et coordonnées : adresse, téléphone.\n"
        "Ces informations ont pour origine l'intéressé.",
        [
            row("identité", "identity", "nom", "prénom"),
            row("adresses et coordonnées", "contact", "adresse", "téléphone"),
        ],
        id="items without bullets",
    ),
    pytest.param(
        "Les informations nominatives traitées sont :\n- Identité :\n- nom ;\n- prénom ;\n- Coordonnées : adresse.",
        [row("Identité", "identity", "nom", "prénom"), row("Coordonnées", "contact", "adresse")],
        id="flat sub-list under a label line",
    ),
    pytest.param(
        "Le responsable de traitement indique que les informations nominatives objets du traitement sont :\n"
        "- identité (nom, prénom, date de naissance) ;\n"
        "- adresses et coordonnées (adresse, téléphone).",
        [
            row("identité", "identity", "nom", "prénom", "date de naissance"),
            row("adresses et coordonnées", "contact", "adresse", "téléphone"),
        ],
        id="items in parentheses after a known label",
    ),
    pytest.param(
        "Les informations nominatives traitées sont, pour les salariés :\n"
        "1. identité : nom, prénom ;\n"
        "2. vie professionnelle : matricule, service.",
        [
            row("identité", "identity", "nom", "prénom", subject="salariés"),
            row(
                "vie professionnelle",
                "professional_life",
                "matricule",
                "service",
                subject="salariés",
            ),
        ],
        id="numbered items, group at the end of the intro",
    ),
    pytest.param(
        "Les informations nominatives traitées sont :\n- identité : nom, prénom ;\n"
        "Ces informations ont pour origine le salarié.\n"
        "Les informations relatives aux visiteurs sont :\n- identité : nom.",
        [
            row("identité", "identity", "nom", "prénom"),
            row("identité", "identity", "nom", subject="visiteurs"),
        ],
        id="a second list after a paragraph",
    ),
    pytest.param(
        "Les informations nominatives traitées sont :\n"
        "- «identité» : nom, prénom ;\n"
        "- «situation de famille» : nombre d'enfants.",
        [
            row("identité", "identity", "nom", "prénom"),
            row("situation de famille", "family_situation", "nombre d'enfants"),
        ],
        id="early 2010s quoted labels without spaces",
    ),
    pytest.param(
        "Les catégories d'informations traitées sont :\n- identité ;\n- adresses et coordonnées ;\n"
        "- vie professionnelle.",
        [
            row("identité", "identity"),
            row("adresses et coordonnées", "contact"),
            row("vie professionnelle", "professional_life"),
        ],
        id="categories without items",
    ),
    pytest.param(
        "Les informations nominatives traitées sont : identité : nom, prénom ; coordonnées : adresse, téléphone.",
        [
            row("identité", "identity", "nom", "prénom"),
            row("coordonnées", "contact", "adresse", "téléphone"),
        ],
        id="inline enumeration",
    ),
    pytest.param(
        "Les informations traitées sont relatives à l'identité, la situation de famille, l'adresse et les "
        "coordonnées, la vie professionnelle et les caractéristiques financières.",
        [
            row("identité", "identity"),
            row("situation de famille", "family_situation"),
            row("adresse et les coordonnées", "contact"),
            row("vie professionnelle", "professional_life"),
            row("caractéristiques financières", "financial"),
        ],
        id="prose, early deliberations",
    ),
    pytest.param(
        "Les informations traitées concernent les salariés de la société.\n"
        "La Commission considère que les informations collectées sont « adéquates, pertinentes et non "
        "excessives » au regard de la finalité du traitement.",
        [],
        id="missing list",
    ),
    pytest.param(
        "Les informations ont pour origine :\n- identité : le salarié ;\n- logs : le système.",
        [],
        id="a list of origins gives no row",
    ),
    # --- wordings of other deliberations (2009-2025) ---
    pytest.param(
        "Les informations nominatives traitées sont :\n"
        "- identité : nom, prénom, date de naissance ;\n"
        "- situation de famille : situation matrimoniale, nombre d'enfants ;\n"
        "- données de connexion : logs, adresse IP ;\n"
        "- données de localisation : position GPS du véhicule ;\n"
        "- informations temporelles : date et heure de badgeage.",
        [
            row("identité", "identity", "nom", "prénom", "date de naissance"),
            row(
                "situation de famille",
                "family_situation",
                "situation matrimoniale",
                "nombre d'enfants",
            ),
            row("données de connexion", "connection_data", "logs", "adresse IP"),
            row("données de localisation", "location", "position GPS du véhicule"),
            row("informations temporelles", "time_information", "date et heure de badgeage"),
        ],
        id="genre standard CCIN labels",
    ),
    pytest.param(
        "Les informations nominatives traitées sont : - identité : nom, prénom ; - données de connexion : logs "
        "de connexion.",
        [
            row("identité", "identity", "nom", "prénom"),
            row("données de connexion", "connection_data", "logs de connexion"),
        ],
        id="genre dash items on the intro's line",
    ),
    pytest.param(
        "Le traitement exploite les informations suivantes :\n"
        "- identité : nom, prénom ;\n"
        "- vie professionnelle : service, fonction.",
        [
            row("identité", "identity", "nom", "prénom"),
            row("vie professionnelle", "professional_life", "service", "fonction"),
        ],
        id="genre les informations suivantes",
    ),
    pytest.param(
        "Les informations nominatives collectées concernant les utilisateurs sont :\n"
        "- identité : nom ;\n"
        "- données d'identification électronique : identifiant.",
        [
            row("identité", "identity", "nom", subject="utilisateurs"),
            row(
                "données d'identification électronique",
                "electronic_identification",
                "identifiant",
                subject="utilisateurs",
            ),
        ],
        id="genre collectées concernant",
    ),
    pytest.param(
        "Les informations nominatives traitées sont :\n"
        "Pour les salariés :\n"
        "- identité : nom, prénom ;\n"
        "- vie professionnelle : matricule ;\n"
        "Pour les visiteurs :\n"
        "- identité : nom ;\n"
        "- image : photographie.",
        [
            row("identité", "identity", "nom", "prénom", subject="salariés"),
            row("vie professionnelle", "professional_life", "matricule", subject="salariés"),
            row("identité", "identity", "nom", subject="visiteurs"),
            row("image", "image", "photographie", subject="visiteurs"),
        ],
        id="genre two groups",
    ),
    pytest.param(
        "Les informations traitées sont relatives à l'identité, à la vie professionnelle et aux données "
        "d'identification électronique des agents.",
        [
            row("identité", "identity"),
            row("vie professionnelle", "professional_life"),
            row("données d'identification électronique des agents", "electronic_identification"),
        ],
        id="genre prose with à la / aux",
    ),
    pytest.param(
        "Les informations nominatives traitées sont :\n"
        "- enregistrements vidéo : images des caméras ;\n"
        "- traces d'accès : date, heure, porte ;\n"
        "- données de connexion (logs) : date, heure ;\n"
        "- caractéristiques financières : RIB.",
        [
            row("enregistrements vidéo", "image", "images des caméras"),
            row("traces d'accès", "connection_data", "date", "heure", "porte"),
            row("données de connexion (logs)", "connection_data", "date", "heure"),
            row("caractéristiques financières", "financial", "RIB"),
        ],
        id="genre video, traces, label with parenthesis",
    ),
    pytest.param(
        "Les informations traitées relatives aux élèves sont :\n"
        "- identité : nom, prénom ;\n"
        "- situation familiale : responsables légaux.",
        [
            row("identité", "identity", "nom", "prénom", subject="élèves"),
            row("situation familiale", "family_situation", "responsables légaux", subject="élèves"),
        ],
        id="genre relatives aux élèves",
    ),
    pytest.param(
        "Les informations nominatives traitées sont :\n"
        "- identité : nom, prénom ;\n"
        "- vie personnelle : habitudes de vie ;\n"
        "- données relatives à la santé : allergies.",
        [
            row("identité", "identity", "nom", "prénom"),
            row("vie personnelle", "other", "habitudes de vie"),
            row("données relatives à la santé", "health", "allergies"),
        ],
        id="genre vie personnelle is known, no category of its own",
    ),
    pytest.param(
        "Les données traitées sont les suivantes :\n"
        "• identité : nom, prénom ;\n"
        "• adresse et coordonnées : adresse postale ;\n"
        "• enregistrements téléphoniques : contenu des appels.",
        [
            row("identité", "identity", "nom", "prénom"),
            row("adresse et coordonnées", "contact", "adresse postale"),
            row("enregistrements téléphoniques", "content", "contenu des appels"),
        ],
        id="genre les données traitées sont les suivantes",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_data_categories(text, expected):
    rows = data_categories.extract(text).tables.get("data_categories", [])
    assert [(r.subject, r.category, r.category_norm, list(r.items)) for r in rows] == expected
    for r in rows:
        assert r.category in text[r.start : r.end]


def test_unknown_label_is_other_with_an_issue():
    out = data_categories.extract(
        "Les informations traitées sont :\n- éléments de parcours : étapes franchies."
    )
    [r] = out.tables["data_categories"]
    assert r.category_norm == "other"
    [issue] = out.issues
    assert issue.code == "unknown_label"
    assert "éléments de parcours" in issue.message


@pytest.mark.parametrize(
    ("label", "norm"),
    [
        ("identité", "identity"),
        ("Identité, situation de famille", "identity"),
        ("adresses et coordonnées", "contact"),
        ("coordonnées professionnelles", "contact"),
        ("coordonnées bancaires", "financial"),
        ("formation-diplômes, vie professionnelle", "professional_life"),
        ("Formation - Diplômes - Vie professionnelle", "professional_life"),
        ("formation", "education"),
        ("données d'identification électronique", "electronic_identification"),
        ("informations temporelles et logs de connexion", "time_information"),
        ("horodatage", "time_information"),
        ("logs de connexion", "connection_data"),
        ("adresse IP", "connection_data"),
        ("données de santé", "health"),
        ("identité et données médicales", "health"),
        ("données biométriques", "biometric"),
        ("vidéo", "image"),
        ("photographie", "image"),
        ("géolocalisation", "location"),
        ("infractions, condamnations", "offences"),
        ("données bancaires", "financial"),
        ("compte utilisateur", "account"),
        ("données statistiques", "statistics"),
        ("message", "content"),
        ("documents de travail", "content"),
        ("calendrier", "content"),
        ("identité (facultatif)", "identity"),
        ("consommation de biens et services, habitudes de vie", "other"),
        ("situation de famille", "family_situation"),
        ("données de localisation", "location"),
        ("informations temporelles", "time_information"),
        ("enregistrements vidéo", "image"),
        ("enregistrements téléphoniques", "content"),
        ("vie personnelle", "other"),
        ("éléments de parcours", None),
        ("badge d'accès", "electronic_identification"),
        ("entretiens annuels", "professional_life"),
        ("faits signalés", "offences"),
        ("liste des véhicules volés", "offences"),
    ],
)
def test_category_norm(label, norm):
    assert category_norm(label) == norm


@pytest.mark.parametrize(
    ("seed", "n", "n_other", "subjects"),
    [
        ("000_66ca558007f70558.txt", 16, 0, 3),
        ("002_3ac3c47825e9aa4c.txt", 11, 0, 2),
        ("003_8af71a0e95fd3aca.txt", 6, 1, 1),
        ("004_17a98b1914b87e33.txt", 5, 0, 1),
    ],
)
def test_seeds(seed, n, n_other, subjects):
    if not (SEEDS / seed).exists():
        pytest.skip("seed fixture missing")
    a = parse_article_text((SEEDS / seed).read_text(encoding="utf-8"))
    sections, _ = split_sections(normalise(a.title + "\n" + a.body))
    text = next(s.text for s in sections if s.kind == "data")
    out = data_categories.extract(text)
    rows = out.tables["data_categories"]
    assert len(rows) == n
    assert sum(r.category_norm == "other" for r in rows) == len(out.issues) == n_other
    assert len({r.subject for r in rows}) == subjects
    assert all(r.items for r in rows)
