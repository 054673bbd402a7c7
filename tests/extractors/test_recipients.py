"""Section V "Sur les destinataires et les personnes ayant accès" → recipients and
access rights.

Recipients are marked inline: ``… communiquées aux <rec>Autorités administratives et
judiciaires</rec> …`` (the test checks the text and the span). Access rights are
``(role, permissions, restriction)`` triples, in order.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.recipients import extract
from models.records import Extraction

TAG = re.compile(r"<rec>(.*?)</rec>")


def parse(annotated: str) -> tuple[str, list[tuple[int, str]]]:
    """The plain text and the expected (start, recipient) pairs."""
    plain, expected, pos, shift = [], [], 0, 0
    for m in TAG.finditer(annotated):
        plain.append(annotated[pos : m.start()])
        expected.append((m.start() - shift, m[1]))
        plain.append(m[1])
        shift += len("<rec></rec>")
        pos = m.end()
    plain.append(annotated[pos:])
    return "".join(plain), expected


RECIPIENTS = [
    # 2021-81
    "Le responsable de traitement indique que les informations sont susceptibles d'être communiquées aux "
    "<rec>Autorités administratives et judiciaires</rec> dans le cadre de leurs missions légalement conférées.",
    # 2024-9, with sub-headings
    "• Sur les destinataires\n"
    "Le responsable de traitement précise que les informations sont susceptibles d'être communiquées au "
    "<rec>Responsable des systèmes d'information de la DENJS</rec>.\n"
    "Il ressort par ailleurs de l'étude du dossier que « le traitement peut permettre l'extraction ou/et "
    "l'établissement de copie sur un support distinct protégé en cas d'une demande de communication aux "
    "<rec>services de police</rec> et/ou aux <rec>autorités administratives et judiciaires compétentes</rec> dans "
    "le cadre des missions qui leur sont légalement conférées ».\n"
    "La Commission rappelle qu'en cas de transmission, ces Autorités ne pourront avoir communication des "
    "informations objet du présent traitement, que dans le strict cadre de leurs misions légalement conférées.\n"
    "• Sur les personnes ayant accès au traitement",
    # abroad
    "Les informations peuvent être communiquées à la <rec>société mère située en France</rec> pour la gestion "
    "consolidée des effectifs.",
    "Les données sont transmises au <rec>Centre Hospitalier Princesse Grace</rec>, à la <rec>Caisse de "
    "Compensation des Services Sociaux</rec> et aux <rec>compagnies d'assurance</rec>.",
    "Les destinataires des informations sont les <rec>organismes sociaux</rec>.",
    # a list under an intro
    "Les destinataires des informations sont :\n"
    "- la <rec>Direction des Ressources Humaines</rec> ;\n"
    "- l'<rec>administration fiscale</rec> : pour les déclarations annuelles ;\n"
    "– les <rec>banques</rec>.",
    "Les informations ne sont communiquées à aucun tiers.",
    "",
    # --- wordings of the genre beyond the seeds
    "Les informations sont susceptibles d'être communiquées à la <rec>Direction de la Sûreté Publique</rec>.",
    "Aucune communication n'est prévue.",
    "Aucun destinataire n'est prévu.",
    "Les informations ne font l'objet d'aucune communication.",
    # a negation names no recipient ("à des tiers" is not one)
    "Les données ne sont pas communiquées à des tiers.",
    # … unless it makes an exception
    "Les données ne sont pas communiquées à des tiers, à l'exception des <rec>autorités judiciaires</rec> sur "
    "réquisition.",
    "Aucune communication n'est prévue, sauf aux <rec>autorités judiciaires</rec>.",
    # "et" before an article starts a new recipient; a bare "et" does not
    "Les destinataires des informations sont la <rec>Caisse de Compensation des Services Sociaux</rec> et le "
    "<rec>Service des Prestations Médicales de l'État</rec>.",
    "Les informations peuvent être transmises aux <rec>organismes de sécurité sociale</rec> ainsi qu'aux "
    "<rec>mutuelles</rec>.",
    "Les informations pourront être communiquées à la <rec>Direction de la Sûreté Publique</rec>, à la "
    "<rec>Direction des Services Judiciaires</rec> et aux <rec>compagnies d'assurance</rec>.",
    # an incidental phrase between the verb and the recipient
    "Les informations sont susceptibles d'être communiquées, le cas échéant, aux <rec>autorités judiciaires</rec>.",
    "Les informations sont communiquées aux <rec>Autorités judiciaires</rec>, sur réquisition.",
    # transfers abroad
    "Les informations sont susceptibles d'être transférées vers la <rec>société mère située aux États-Unis</rec>.",
    "Les destinataires des informations sont :\n"
    "- la <rec>Caisse de Compensation des Services Sociaux (CCSS)</rec> ;\n"
    "- les <rec>organismes de retraite</rec>.",
]


@pytest.mark.parametrize("annotated", RECIPIENTS)
def test_recipients(annotated: str) -> None:
    text, expected = parse(annotated)
    rows = extract(text).tables.get("recipients", [])
    assert [(r.start, r.recipient) for r in rows] == expected
    for r in rows:
        assert text[r.start : r.end] == r.recipient


SEED_2021_81 = (
    "Les accès sont en outre définis comme suit :\n"
    "- Administrateurs : tout accès (sauf au contenu des messages) dans le cadre de leurs missions de création de "
    "compte, d'administration des comptes, gestion des comptes et de qualité du fonctionnement du service de "
    "messagerie et d'assistance aux utilisateurs ;\n"
    "- Utilisateurs : accès en consultation, saisie et suppression selon les fonctionnalités de leurs comptes ;\n"
    "- Agents autorisés par l'utilisateur : accès en consultation en cas d'absence de l'utilisateur ou de "
    "délégation dans le respect de la charte d'utilisation des ressources informatiques ;\n"
    "- Autorités habilitées : accès (sauf au contenu des messages) dans le respect de la règlementation applicable.\n"
    "S'agissant des accès par les Autorités habilitées, la Commission rappelle qu'il ne s'agit pas d'un accès "
    "permanent aux traitements d'entités tierces.\n"
    "En ce qui concerne le recours à des prestataires, la Commission rappelle que conformément aux dispositions de "
    "l'article 17 de la loi n° 1.165 du 23 décembre 1993 les droits d'accès de ces derniers doivent être limités à "
    "ce qui est strictement nécessaire à l'exécution de leurs contrats de prestation de service."
)
SEED_2024_165 = (
    "Les personnes ayant accès au traitement sont :\n"
    "- l'utilisateur de l'outil : lecture, consultation, modification, suppression ;\n"
    "- le manager des utilisateurs : lecture, consultation, modification ;\n"
    "- l'administrateur Deskare au sein du Gouvernement (DSI/DSN) : lecture, consultation, modification, "
    "suppression ;\n"
    "- l'auditeur : lecture ;\n"
    "- le gestionnaire des data bases DSI : lecture, consultation, modification, suppression (dans leur périmètre "
    "de responsabilité) ;\n"
    "- le prestataire : lecture, consultation, modification, suppression.\n"
    "À cet égard, le responsable de traitement précise qu'« en cas d'erreur de saisie, le manager aura la main pour "
    "effectuer une modification en lieu et place de l'agent ». La Commission en prend acte."
)
SEED_2022_62 = (
    "Le responsable de traitement indique que les accès sont définis comme suit :\n"
    "- le personnel de la Direction du Travail : tous droits selon le rôle des agents "
    "(Administrateur/Utilisateur avancé/Utilisateur) ;\n"
    "- le personnel de la Direction des Systèmes d'Information (DSI) : tous droits en support pour la Direction du "
    "Travail (pas d'accès au paramétrage technique) ;\n"
    "- le prestataire de la solution : tous droits, dont paramétrage technique.\n"
    "La Commission rappelle que les accès doivent être restreints au strict besoin d'en connaître."
)
SEED_2024_9 = (
    "• Sur les personnes ayant accès au traitement\n"
    "Il est précisé que le personnel du service informatique de la DENJS a accès au présent traitement à des fins "
    "d'inscription, de modification, de consultation et de suppression.\n"
    "La Commission considère que ces accès sont justifiés au regard du présent traitement."
)
RW = ("read", "consult", "modify", "delete")

ACCESS = [
    pytest.param(
        SEED_2021_81,
        [
            ("Administrateurs", ("all",), "sauf au contenu des messages"),
            ("Utilisateurs", ("consult", "create", "delete"), None),
            (
                "Agents autorisés par l'utilisateur",
                ("consult",),
                "en cas d'absence de l'utilisateur ou de délégation dans le respect de la charte d'utilisation des ressources informatiques",
            ),
            ("Autorités habilitées", (), "sauf au contenu des messages"),
        ],
        id="2021-81",
    ),
    pytest.param(
        SEED_2024_165,
        [
            ("l'utilisateur de l'outil", RW, None),
            ("le manager des utilisateurs", ("read", "consult", "modify"), None),
            ("l'administrateur Deskare au sein du Gouvernement (DSI/DSN)", RW, None),
            ("l'auditeur", ("read",), None),
            ("le gestionnaire des data bases DSI", RW, "dans leur périmètre de responsabilité"),
            ("le prestataire", RW, None),
        ],
        id="2024-165",
    ),
    pytest.param(
        SEED_2022_62,
        [
            ("le personnel de la Direction du Travail", ("all",), None),
            (
                "le personnel de la Direction des Systèmes d'Information (DSI)",
                ("all",),
                "pas d'accès au paramétrage technique",
            ),
            ("le prestataire de la solution", ("all",), None),
        ],
        id="2022-62",
    ),
    pytest.param(
        SEED_2024_9,
        [
            (
                "le personnel du service informatique de la DENJS",
                ("create", "modify", "consult", "delete"),
                None,
            )
        ],
        id="2024-9-prose",
    ),
    pytest.param(
        "Les agents du service des ressources humaines disposent d'un accès en consultation et en modification.\n"
        "Seuls les agents de la Direction ont accès aux données en lecture, uniquement pour les dossiers de leur "
        "service.",
        [
            ("Les agents du service des ressources humaines", ("consult", "modify"), None),
            (
                "les agents de la Direction",
                ("read",),
                "uniquement pour les dossiers de leur service",
            ),
        ],
        id="prose",
    ),
    pytest.param(
        "L'accès au traitement est réservé aux agents habilités de la Direction de l'Action Sanitaire, en "
        "consultation.",
        [("agents habilités de la Direction de l'Action Sanitaire", ("consult",), None)],
        id="2011-reserve",
    ),
    pytest.param(
        "Les personnes ayant accès au traitement sont :\n"
        "• les administrateurs : tous droits ;\n"
        "– les gestionnaires : création, mise à jour, export,\n"
        "o les auditeurs : consultation.\n"
        "> le prestataire : paramétrage",
        [
            ("les administrateurs", ("all",), None),
            ("les gestionnaires", ("create", "modify", "export"), None),
            ("les auditeurs", ("consult",), None),
            ("le prestataire", ("configure",), None),
        ],
        id="bullets",
    ),
    pytest.param(
        "Les personnes ayant accès au traitement sont :\n"
        "- les administrateurs : tous droits ;\n"
        "- le personnel habilité du service Contentieux : consultation.",
        [
            ("les administrateurs", ("all",), None),
            ("le personnel habilité du service Contentieux", ("consult",), None),
        ],
        id="list-all-consult",
    ),
    # the provider's access is limited to its maintenance work
    pytest.param(
        "Le prestataire a accès au traitement dans le cadre de ses opérations de maintenance.",
        [("Le prestataire", (), "dans le cadre de ses opérations de maintenance")],
        id="provider-maintenance",
    ),
    pytest.param(
        "Les personnes habilitées à avoir accès au traitement sont :\n"
        "- le personnel habilité du Service des Ressources Humaines : inscription, modification, consultation ;\n"
        "- le personnel de la Direction Informatique : consultation, dans le cadre de ses missions de "
        "maintenance ;\n"
        "- le prestataire : tous droits dans le cadre de ses opérations de maintenance.",
        [
            (
                "le personnel habilité du Service des Ressources Humaines",
                ("create", "modify", "consult"),
                None,
            ),
            (
                "le personnel de la Direction Informatique",
                ("consult",),
                "dans le cadre de ses missions de maintenance",
            ),
            ("le prestataire", ("all",), "dans le cadre de ses opérations de maintenance"),
        ],
        id="list-maintenance",
    ),
    pytest.param(
        "Les médecins du service ont accès en lecture et en écriture aux dossiers des patients.\n"
        "Les agents habilités de la Direction peuvent consulter et modifier les informations.\n"
        "Seul le Directeur a accès au traitement.",
        [
            ("Les médecins du service", ("read", "modify"), None),
            ("Les agents habilités de la Direction", ("consult", "modify"), None),
            ("le Directeur", (), None),
        ],
        id="prose-verbs",
    ),
    pytest.param(
        "Les accès sont définis comme suit :\n- les agents : accès en validation ;",
        [("les agents", ("other",), None)],
        id="unknown-word",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ACCESS)
def test_access_rights(text: str, expected: list[tuple[str, tuple[str, ...], str | None]]) -> None:
    rows = extract(text).tables.get("access_rights", [])
    assert [(r.role, r.permissions, r.restriction) for r in rows] == expected


def test_unknown_permission_is_reported() -> None:
    result = extract("Les accès sont définis comme suit :\n- les agents : lecture, validation ;")
    assert result.tables["access_rights"][0].permissions == ("read", "other")
    assert [i.code for i in result.issues] == ["unknown_label"]
    assert "validation" in result.issues[0].message


def test_raw_and_offsets() -> None:
    for row in extract(SEED_2024_165).tables["access_rights"]:
        assert SEED_2024_165[row.start : row.end].startswith(row.raw)


FRAGMENTS = [
    "- ",
    "\n",
    " : ",
    "lecture",
    "tous droits",
    "(sauf ",
    ")",
    "a accès",
    "disposent d'un accès en",
    "aux ",
    "communiquées",
    "et aux",
    "la Commission",
    "• Sur les destinataires",
    ";",
    ".",
    ",",
    "destinataires sont :",
    "ne sont pas",
    ", à l'exception des ",
    "sauf aux",
    "vers la",
    "ainsi qu'aux",
    " et le ",
    "dans le cadre de ses opérations de maintenance",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=30))
def test_never_raises(parts: list[str]) -> None:
    result = extract("".join(parts))
    assert isinstance(result, Extraction)
    assert not [i for i in result.issues if i.code.endswith("_failed")]
