"""Section I: functionalities, persons concerned, name of the tool.

Functionality cases are section texts where each expected functionality is marked
``<functionality>…</functionality>``, or ``<functionality actor=managers>…</functionality>``
when a list is introduced for a group (no ``actor`` written means none; the syntax:
``pipeline/testbed/annotations.py``). Anything not marked must give no row. To add a case,
copy a sentence from a deliberation and mark what should come out.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import functionalities
from extractors.common.normalise import normalise
from extractors.sections import split_sections
from pipeline.testbed.annotations import check_records, parse
from scrapers.journal_de_monaco import parse_article_text

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"

FUNCTIONALITIES = [
    pytest.param(
        "Le présent traitement a pour finalité « Gestion de la messagerie professionnelle Exchange ».\n"
        "Les fonctionnalités du traitement sont :\n"
        "- <functionality>Migration des boîtes aux lettres de l'environnement Lotus vers Exchange</functionality> ;\n"
        "- <functionality>Gestion des comptes de messagerie (création, administration, suppression)</functionality> ;\n"
        "- <functionality>Établir des statistiques à des fins de reporting</functionality>.\n"
        "La Commission constate que la finalité du traitement est déterminée et explicite.",
        id="2021-81 dash list ending with a period",
    ),
    pytest.param(
        "Enfin, les fonctionnalités de ce traitement sont les suivantes :\n"
        "Concernant les utilisateurs :\n"
        "- <functionality actor=utilisateurs>créer et authentifier les utilisateurs</functionality> ;\n"
        "- <functionality actor=utilisateurs>établir des statistiques (indicateurs) sur le taux d'occupation</functionality>.\n"
        "Pour les managers :\n"
        "- <functionality actor=managers>partager des messages à son équipe</functionality> ;\n"
        "- <functionality actor=managers>consulter / exporter des KPI (Key Performance Indicator)</functionality>.\n"
        "Pour les administrateurs :\n"
        "- <functionality actor=administrateurs>envoyer / renvoyer une invitation</functionality> ;\n"
        "À cet égard, le responsable de traitement indique que « l'outil de flexoffice « Deskare » aura "
        "comme seul usage et objectif de faciliter la gestion ».",
        id="2024-165 lists per group",
    ),
    pytest.param(
        "La démarche en ligne de prise de rendez-vous a pour fonctionnalités :\n"
        "- <functionality>la prise de rendez-vous en ligne par un usager pour lui-même</functionality> ;\n"
        "- <functionality>la purge automatique des données après 24 mois</functionality>.",
        id="2022-62 a pour fonctionnalités",
    ),
    pytest.param(
        "Le traitement permet de :\n"
        "• <functionality>gérer les badges d'accès</functionality> ;\n"
        "• <functionality>éditer des statistiques</functionality>.",
        id="permet de, bullet •",
    ),
    pytest.param(
        "Il permet notamment :\n"
        "– <functionality>la gestion des inscriptions</functionality>,\n"
        "– <functionality>l'édition des listes</functionality>,\n"
        "– <functionality>l'envoi de courriels</functionality>.",
        id="en dash, items ending with a comma",
    ),
    pytest.param(
        "Ses fonctionnalités sont les suivantes :\n"
        "o <functionality>la tenue du registre</functionality> ;\n"
        "o <functionality>la délivrance d'attestations</functionality> ;",
        id="bullet o",
    ),
    pytest.param(
        "Les fonctionnalités sont :\n"
        "> <functionality>la réservation des salles</functionality> ;\n"
        "> <functionality>l'annulation des réservations</functionality>.",
        id="bullet >",
    ),
    pytest.param(
        "Les fonctionnalités du traitement sont les suivantes :\n"
        "En ce qui concerne l'administrateur :\n"
        "- <functionality actor=administrateur>créer les comptes</functionality> ;\n"
        "S'agissant des agents du service :\n"
        '- <functionality actor="agents du service">consulter les dossiers</functionality> ;\n'
        "Quant aux usagers :\n"
        "- <functionality actor=usagers>déposer une demande en ligne</functionality>.",
        id="other group intros",
    ),
    pytest.param(
        "Les fonctionnalités sont les suivantes :\n"
        "- Pour les managers :\n"
        "- <functionality actor=managers>valider les congés</functionality> ;\n"
        "- Pour les salariés :\n"
        "- <functionality actor=salariés>saisir une demande</functionality>.",
        id="bulleted group intros in a flat list",
    ),
    pytest.param(
        "Les fonctionnalités sont les suivantes :\n"
        "- Pour les managers :\n"
        "o <functionality actor=managers>valider les congés</functionality> ;\n"
        "- <functionality>éditer des rapports</functionality>.",
        id="bulleted group intro with its own bullets",
    ),
    pytest.param(
        "Il a pour objet :\n- <functionality>la gestion des autorisations</functionality> ;\n- <functionality>le contrôle des accès</functionality>.",
        id="a pour objet",
    ),
    pytest.param(
        "Le traitement permet aux gestionnaires de :\n"
        "- <functionality actor=gestionnaires>valider les demandes</functionality> ;\n"
        "- <functionality actor=gestionnaires>relancer les usagers</functionality>.",
        id="group named in the intro",
    ),
    pytest.param(
        "Les fonctionnalités sont :\n"
        "- <functionality>gestion des comptes</functionality> :\n"
        "o <functionality>création</functionality> ;\n"
        "o <functionality>suppression</functionality> ;\n"
        "- <functionality>gestion des mots de passe</functionality>.",
        id="nested list",
    ),
    pytest.param(
        "Le responsable de traitement indique que le traitement a pour objectifs :\n"
        "- « améliorer la qualité du service ;\n"
        "- réduire les délais ».\n"
        "Les fonctionnalités sont :\n"
        "- <functionality>la saisie des demandes</functionality> ;",
        id="a list of objectives gives no row",
    ),
    pytest.param(
        "Les personnes concernées sont :\n- les salariés ;\n- les visiteurs.",
        id="a list of persons gives no row",
    ),
    pytest.param(
        "Le traitement a pour finalité « Gestion des badges ».\nIl concerne les salariés.",
        id="no list at all",
    ),
    pytest.param(
        "Le traitement a pour finalité «Gestion du personnel».\n"
        "Il permet : <functionality>la gestion des dossiers</functionality>, <functionality>la gestion des congés</functionality> et <functionality>la paie</functionality>.",
        id="inline enumeration, early 2010s guillemets",
    ),
    pytest.param(
        "Le traitement a pour fonctionnalités <functionality>la gestion des abonnements</functionality>, "
        "<functionality>l'envoi des factures</functionality> et <functionality>le suivi des paiements</functionality>.",
        id="inline a pour fonctionnalités without colon",
    ),
    pytest.param(
        "Les fonctionnalités sont les suivantes : <functionality>gestion des entrées</functionality> ; <functionality>gestion des sorties</functionality> ; "
        "<functionality>édition de rapports</functionality>.",
        id="inline with semicolons",
    ),
    # --- wordings of other deliberations (2009-2025) ---
    pytest.param(
        "Le traitement a pour fonctionnalités :\n"
        "- <functionality>la gestion des dossiers administratifs des salariés</functionality> ;\n"
        "- <functionality>l'édition des bulletins de paie</functionality> ;\n"
        "- <functionality>l'établissement de statistiques anonymes</functionality>.\n"
        "Il concerne les salariés de la société.",
        id="genre a pour fonctionnalités, list closed by a paragraph",
    ),
    pytest.param(
        "Il permet notamment de :\n"
        "- <functionality>gérer les demandes d'intervention</functionality> ;\n"
        "- <functionality>suivre leur traitement</functionality> ;\n"
        "- <functionality>informer le demandeur de l'avancement de sa demande</functionality>.",
        id="genre il permet notamment de",
    ),
    pytest.param(
        "Le responsable de traitement indique que les fonctionnalités du traitement sont les suivantes :\n"
        "<functionality>gestion des comptes utilisateurs</functionality> ;\n"
        "<functionality>gestion des droits d'accès</functionality> ;\n"
        "<functionality>édition de statistiques</functionality>.\n"
        "La Commission constate que la finalité du traitement est déterminée et explicite.",
        id="genre items whose bullets were lost",
    ),
    pytest.param(
        "Les fonctionnalités offertes aux usagers sont les suivantes :\n"
        "- <functionality actor=usagers>créer un compte personnel</functionality> ;\n"
        "- <functionality actor=usagers>déposer une demande</functionality>.",
        id="genre group named inside the intro (offertes aux)",
    ),
    pytest.param(
        "Les fonctionnalités du traitement sont :\n"
        "Pour l'usager :\n"
        "- <functionality actor=usager>prendre rendez-vous</functionality> ;\n"
        "Pour les agents habilités du service :\n"
        '- <functionality actor="agents habilités du service">gérer le planning</functionality> ;\n'
        '- <functionality actor="agents habilités du service">consulter l\'historique</functionality>.',
        id="genre group intros with l' and a long group",
    ),
    pytest.param(
        "Le traitement permet aux agents habilités de :\n"
        '- <functionality actor="agents habilités">saisir les déclarations</functionality> ;\n'
        '- <functionality actor="agents habilités">contrôler les pièces justificatives</functionality>.',
        id="genre permet aux agents habilités de",
    ),
    pytest.param(
        "Le traitement a pour objectifs de :\n"
        "- faciliter le travail des agents ;\n"
        "- réduire les délais de traitement.",
        id="genre a list of objectives gives no row",
    ),
    pytest.param(
        "Le traitement a pour finalité « Gestion des inscriptions ».\n"
        "Il permet de <functionality>gérer les inscriptions aux activités</functionality>, d'<functionality>éditer les listes de participants</functionality> "
        "et d'<functionality>envoyer des convocations</functionality>.",
        id="genre one-sentence enumeration without colon",
    ),
    pytest.param(
        "Les rapports contiennent les informations qui permettent d'identifier le compte concerné et son "
        "détenteur.",
        id="genre permettent in a relative clause gives no row",
    ),
    pytest.param(
        "Ce traitement permet également :\n"
        "• <functionality>la réservation des salles de réunion</functionality> ;\n"
        "• <functionality>l'envoi de notifications aux participants</functionality>.",
        id="genre ce traitement permet également",
    ),
    pytest.param(
        "Ses fonctionnalités sont les suivantes.\n"
        "Pour les parents :\n"
        "- <functionality actor=parents>réservation des repas</functionality> ;\n"
        "- <functionality actor=parents>paiement en ligne</functionality>.\n"
        "Pour les agents :\n"
        "- <functionality actor=agents>édition des listes de présence</functionality>.",
        id="genre a sentence announces the groups",
    ),
    pytest.param(
        "L'application assure :\n"
        "- <functionality>la prise de rendez-vous</functionality> ;\n"
        "- <functionality>le rappel par SMS</functionality>.",
        id="genre the tool assures",
    ),
]


@pytest.mark.parametrize("marked", FUNCTIONALITIES)
def test_functionalities(marked):
    text, marks = parse(marked)
    rows = functionalities.extract(text).tables.get("functionalities", [])
    check_records(text, rows, marks, words="text", defaults={"actor": None})


SUBJECTS = [
    (
        "Il concerne les fonctionnaires, agents et suppléants de la Commune, ainsi que le Conseil Communal, et "
        "les interlocuteurs de la Commune.",
        [
            "fonctionnaires, agents et suppléants de la Commune",
            "Conseil Communal",
            "interlocuteurs de la Commune",
        ],
    ),
    (
        "Les personnes concernées sont l'ensemble des fonctionnaires et agents de l'État (DITN/DSI), ainsi que "
        "les prestataires et les invités de la DITN/DSI.",
        ["fonctionnaires et agents de l'État (DITN/DSI)", "prestataires", "invités de la DITN/DSI"],
    ),
    (
        "Il concerne les usagers (ce terme pouvant désigner des particuliers, mandataires, représentants "
        "d'entreprises) ainsi que les agents traitants (le personnel de l'Administration).",
        [
            "usagers (ce terme pouvant désigner des particuliers, mandataires, représentants d'entreprises)",
            "agents traitants (le personnel de l'Administration)",
        ],
    ),
    (
        "Il concerne les enseignants et les élèves des établissements scolaires relevant de la DENJS, les "
        "personnels de la DENJS dotés de postes de travail gérés par la DENJS, les prestataires agissant pour le "
        "compte de la DENJS ainsi que les administrateurs du Service informatique de la DENJS.",
        [
            "enseignants",
            "élèves des établissements scolaires relevant de la DENJS",
            "personnels de la DENJS dotés de postes de travail gérés par la DENJS",
            "prestataires agissant pour le compte de la DENJS",
            "administrateurs du Service informatique de la DENJS",
        ],
    ),
    (
        "Le traitement concerne les patients du Centre Hospitalier Princesse Grace.",
        ["patients du Centre Hospitalier Princesse Grace"],
    ),
    (
        "Les personnes concernées par le présent traitement sont les salariés de la S.A.M. Monaco Telecom.",
        ["salariés de la S.A.M. Monaco Telecom"],
    ),
    (
        "Les personnes concernées par ce traitement sont les clients ; les prospects ; les fournisseurs.",
        ["clients", "prospects", "fournisseurs"],
    ),
    (
        "Il concerne les représentants des salariés, des employeurs et des syndicats.",
        ["représentants des salariés, des employeurs et des syndicats"],
    ),
    (
        "Il concerne les salariés, des intérimaires et leurs ayants droit.",
        ["salariés", "intérimaires", "ayants droit"],
    ),
    (
        "Il concerne, d'une part, les élèves et, d'autre part, les parents d'élèves.",
        ["élèves", "parents d'élèves"],
    ),
    (
        "Il concerne également toute personne se présentant à l'accueil.",
        ["toute personne se présentant à l'accueil"],
    ),
    (
        "Il concerne les personnes qui consultent le site et les réseaux sociaux de la Mairie.",
        ["personnes qui consultent le site et les réseaux sociaux de la Mairie"],
    ),
    (
        "Les personnes concernées sont les suivantes :\n- les salariés ;\n- les stagiaires, les intérimaires.",
        ["salariés", "stagiaires", "intérimaires"],
    ),
    (
        "Il concerne les personnes suivantes :\n- les salariés ;\n- les intérimaires.",
        ["salariés", "intérimaires"],
    ),
    (
        "Le présent traitement concerne les élèves scolarisés en Principauté, leurs responsables légaux, ainsi que "
        "les personnels enseignants.",
        ["élèves scolarisés en Principauté", "responsables légaux", "personnels enseignants"],
    ),
    (
        "Les personnes concernées sont les membres du personnel de la Banque (salariés, stagiaires, intérimaires), "
        "ainsi que les clients.",
        ["membres du personnel de la Banque (salariés, stagiaires, intérimaires)", "clients"],
    ),
    ("Il concerne la gestion des badges d'accès.", []),
    ("Les personnes concernées sont informées par voie d'affichage.", []),
    ("Le traitement a pour finalité « Gestion des badges ».", []),
    # --- wordings of other deliberations (2009-2025) ---
    # a complement after the last of several determiner-led groups stays with it, as printed
    (
        "Les personnes concernées par le présent traitement sont les salariés et les prestataires de la "
        "société Monaco Services.",
        ["salariés", "prestataires de la société Monaco Services"],
    ),
    ("Ce traitement concerne les adhérents de l'association.", ["adhérents de l'association"]),
    (
        "Les personnes concernées sont, d'une part, les patients et, d'autre part, les professionnels de santé.",
        ["patients", "professionnels de santé"],
    ),
    (
        "Sont concernés par le présent traitement les clients de la banque.",
        ["clients de la banque"],
    ),
    (
        "Les personnes concernées sont : les salariés, les intérimaires et les stagiaires.",
        ["salariés", "intérimaires", "stagiaires"],
    ),
    (
        "Les personnes concernées sont :\n• les patients ;\n• les médecins traitants.",
        ["patients", "médecins traitants"],
    ),
    (
        "Le traitement concerne tout visiteur se présentant au poste de garde.",
        ["tout visiteur se présentant au poste de garde"],
    ),
    (
        "Les personnes concernées sont les membres du Conseil National et leurs collaborateurs.",
        ["membres du Conseil National", "collaborateurs"],
    ),
    (
        "Il concerne les élèves, leurs parents ou représentants légaux, et le personnel enseignant.",
        ["élèves", "parents ou représentants légaux", "personnel enseignant"],
    ),
    (
        "Les personnes concernées par ce traitement sont les suivantes : les salariés et les intérimaires.",
        ["salariés", "intérimaires"],
    ),
    (
        "Les personnes concernées sont principalement les résidents de la Principauté.",
        ["résidents de la Principauté"],
    ),
    ("Le traitement a pour fonctionnalités la gestion des dossiers.", []),
    (
        "Il concerne deux catégories de personnes : les licenciés et les arbitres.",
        ["licenciés", "arbitres"],
    ),
    (
        "Les personnes concernées demeurent les résidents et les visiteurs ; s'y ajoutent désormais les livreurs.",
        ["résidents", "visiteurs", "livreurs"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SUBJECTS)
def test_data_subjects(text, expected):
    assert list(functionalities.extract(text).fields.data_subjects) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La solution utilisée est dénommée « Deskare ».", "Deskare"),
        ("Le traitement, dénommé «Outlook», permet l'échange de messages.", "Outlook"),
        (
            "Le traitement est mis en œuvre au moyen du logiciel Pronote de la société Index Education.",
            "Pronote",
        ),
        ("Il s'appuie sur l'outil « Microsoft Teams ».", "Microsoft Teams"),
        (
            "La Commission relève que l'application dénommée « Mon Espace Santé » sera accessible.",
            "Mon Espace Santé",
        ),
        (
            "Les informations sont issues du traitement ayant pour finalité « Gestion des élèves », dénommé Pronote.",
            None,
        ),
        ("Il s'agit d'un outil dit de « gestion du flex office ».", None),
        ("La société X, ci-après dénommée « le Prestataire », héberge les données.", None),
        ("Le traitement est dénommé « SIGMA ».", "SIGMA"),
        ("Il repose sur la solution « Salesforce Service Cloud ».", "Salesforce Service Cloud"),
        ("Le responsable de traitement utilise à cet effet le progiciel Octime.", "Octime"),
        (
            "Le traitement est mis en œuvre au moyen de l'application mobile « Monaco Info ».",
            "Monaco Info",
        ),
        ("L'outil, appelé « Kelio », permet la gestion des temps.", "Kelio"),
        ("Les données sont hébergées par la société X (dénommée « le Prestataire »).", None),
        ("Le logiciel permet la gestion des congés.", None),
        ("Les agents sont gérés au moyen du progiciel « Paie Azur ».", "Paie Azur"),
    ],
)
def test_system_name(text, expected):
    assert functionalities.extract(text).fields.system_name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elles sont saisies dans un cahier d'observation électronique dénommé « TrialBase ».", "TrialBase"),
        ("Les sauvegardes sont faites sur un serveur dénommé « Atlas 2 ».", "Atlas 2"),
        # a body or another processing named that way is no tool
        ("L'établissement public dénommé « Musée des Timbres » est le responsable.", None),
        ("Le traitement ayant pour finalité « Paie », dénommé « PAIE », est interconnecté.", None),
    ],
)
def test_a_later_section_names_the_tool(text, expected):
    assert functionalities.software_name(text) == expected


@pytest.mark.parametrize(
    ("intro", "group"),
    [
        ("Pour les managers :", "managers"),
        ("Concernant les utilisateurs :", "utilisateurs"),
        ("En ce qui concerne l'administrateur :", "administrateur"),
        ("Pour les visiteurs de la DITN/DSI :", "visiteurs de la DITN/DSI"),
        ("Enfin, pour les administrateurs :", "administrateurs"),
        ("S'agissant de l'usager, les fonctionnalités sont :", "usager"),
        ("Pour les salariés, agents et stagiaires :", "salariés, agents et stagiaires"),
        ("Pour la gestion des badges :", None),
        ("Pour ce faire, le traitement permet de :", None),
        ("Les fonctionnalités sont :", None),
    ],
)
def test_group_of(intro, group):
    assert functionalities.group_of(intro) == group


def _seed_section(name: str, kind: str) -> str:
    a = parse_article_text((SEEDS / name).read_text(encoding="utf-8"))
    sections, _ = split_sections(normalise(a.title + "\n" + a.body))
    return next(s.text for s in sections if s.kind == kind)


@pytest.mark.parametrize(
    ("seed", "n", "actors", "subjects", "name"),
    [
        ("000_66ca558007f70558.txt", 15, {None}, 3, None),
        (
            "002_3ac3c47825e9aa4c.txt",
            18,
            {"utilisateurs", "managers", "administrateurs"},
            3,
            "Deskare",
        ),
        ("003_8af71a0e95fd3aca.txt", 11, {None}, 2, None),
        ("004_17a98b1914b87e33.txt", 8, {None}, 5, None),
    ],
)
def test_seeds(seed, n, actors, subjects, name):
    if not (SEEDS / seed).exists():
        pytest.skip("seed fixture missing")
    text = _seed_section(seed, "purpose")
    out = functionalities.extract(text)
    rows = out.tables["functionalities"]
    assert len(rows) == n
    assert {r.actor for r in rows} == actors
    assert all(text[r.start : r.end] == r.text for r in rows)
    assert len(out.fields.data_subjects) == subjects
    assert out.fields.system_name == name
