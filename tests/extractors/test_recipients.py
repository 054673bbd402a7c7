"""Section V "Sur les destinataires et les personnes ayant accès" → recipients and
access rights.

Each case is a section text with what it should give marked inline (the syntax:
``pipeline/testbed/annotations.py``); anything not marked must give no row.

- a recipient: ``… communiquées aux <recipient>Autorités judiciaires</recipient> …``, the
  name alone (the test checks the name and its span);
- an access right: its role marked ``<access_right permissions=read|consult
  restriction="dans le cadre de ses missions">le personnel du service</access_right>`` (the
  role is the marked words; no ``restriction`` written means none).
"""

from __future__ import annotations

import pytest

from extractors.recipients import extract
from pipeline.testbed.annotations import check_records, parse, plain

RECIPIENTS = [
    # 2021-81
    "Le responsable de traitement indique que les informations sont susceptibles d'être communiquées aux "
    "<recipient>Autorités administratives et judiciaires</recipient> dans le cadre de leurs missions légalement conférées.",
    # 2024-9, with sub-headings
    "• Sur les destinataires\n"
    "Le responsable de traitement précise que les informations sont susceptibles d'être communiquées au "
    "<recipient>Responsable des systèmes d'information de la DENJS</recipient>.\n"
    "Il ressort par ailleurs de l'étude du dossier que « le traitement peut permettre l'extraction ou/et "
    "l'établissement de copie sur un support distinct protégé en cas d'une demande de communication aux "
    "<recipient>services de police</recipient> et/ou aux <recipient>autorités administratives et judiciaires compétentes</recipient> dans "
    "le cadre des missions qui leur sont légalement conférées ».\n"
    "La Commission rappelle qu'en cas de transmission, ces Autorités ne pourront avoir communication des "
    "informations objet du présent traitement, que dans le strict cadre de leurs misions légalement conférées.\n"
    "• Sur les personnes ayant accès au traitement",
    # abroad
    "Les informations peuvent être communiquées à la <recipient>société mère située en France</recipient> pour la gestion "
    "consolidée des effectifs.",
    "Les données sont transmises au <recipient>Centre Hospitalier Princesse Grace</recipient>, à la <recipient>Caisse de "
    "Compensation des Services Sociaux</recipient> et aux <recipient>compagnies d'assurance</recipient>.",
    "Les destinataires des informations sont les <recipient>organismes sociaux</recipient>.",
    # a list under an intro
    "Les destinataires des informations sont :\n"
    "- la <recipient>Direction des Ressources Humaines</recipient> ;\n"
    "- l'<recipient>administration fiscale</recipient> : pour les déclarations annuelles ;\n"
    "– les <recipient>banques</recipient>.",
    "Les informations ne sont communiquées à aucun tiers.",
    "",
    # --- wordings of the genre beyond the seeds
    "Les informations sont susceptibles d'être communiquées à la <recipient>Direction de la Sûreté Publique</recipient>.",
    "Aucune communication n'est prévue.",
    "Aucun destinataire n'est prévu.",
    "Les informations ne font l'objet d'aucune communication.",
    # a negation names no recipient ("à des tiers" is not one)
    "Les données ne sont pas communiquées à des tiers.",
    # … unless it makes an exception
    "Les données ne sont pas communiquées à des tiers, à l'exception des <recipient>autorités judiciaires</recipient> sur "
    "réquisition.",
    "Aucune communication n'est prévue, sauf aux <recipient>autorités judiciaires</recipient>.",
    # "et" before an article starts a new recipient; a bare "et" does not
    "Les destinataires des informations sont la <recipient>Caisse de Compensation des Services Sociaux</recipient> et le "
    "<recipient>Service des Prestations Médicales de l'État</recipient>.",
    "Les informations peuvent être transmises aux <recipient>organismes de sécurité sociale</recipient> ainsi qu'aux "
    "<recipient>mutuelles</recipient>.",
    "Les informations pourront être communiquées à la <recipient>Direction de la Sûreté Publique</recipient>, à la "
    "<recipient>Direction des Services Judiciaires</recipient> et aux <recipient>compagnies d'assurance</recipient>.",
    # an incidental phrase between the verb and the recipient
    "Les informations sont susceptibles d'être communiquées, le cas échéant, aux <recipient>autorités judiciaires</recipient>.",
    "Les informations sont communiquées aux <recipient>Autorités judiciaires</recipient>, sur réquisition.",
    # transfers abroad
    "Les informations sont susceptibles d'être transférées vers la <recipient>société mère située aux États-Unis</recipient>.",
    "Les destinataires des informations sont :\n"
    "- la <recipient>Caisse de Compensation des Services Sociaux (CCSS)</recipient> ;\n"
    "- les <recipient>organismes de retraite</recipient>.",
]

#: schema 1.1: the name apart from its condition, several recipients whatever stands between
CONDITIONS = [
    "Les fiches de paie sont transmises à la <recipient condition=\"aux fins de contrôle\">Caisse de Retraite "
    "des Employés</recipient> aux fins de contrôle.",
    "Les relevés peuvent être communiqués au <recipient condition=\"dans le cadre de ses missions d'inspection\">"
    "Service du Contrôle</recipient>, dans le cadre de ses missions d'inspection, ainsi qu'aux "
    "<recipient condition=null>huissiers de justice</recipient>.",
    "Sur réquisition, les images sont remises aux <recipient condition=\"Sur réquisition\">officiers de police "
    "judiciaire</recipient>.",
    "Les données sont communiquées à la <recipient condition=\"en cas de litige\">compagnie d'assurance"
    "</recipient> et au <recipient condition=\"en cas de litige\">cabinet d'avocats</recipient>, en cas de litige.",
    "Les destinataires des informations sont :\n"
    "- le <recipient condition=\"pour les seules fiches de son service\">chef de service</recipient>, pour les "
    "seules fiches de son service ;\n"
    "- la <recipient condition=null>Trésorerie Générale</recipient>.",
    "Les données ne sont pas communiquées à des tiers, à l'exception de la <recipient condition=\"en cas de "
    "fraude\">Direction de la Sûreté Publique</recipient> en cas de fraude.",
    "La <recipient condition=null>Recette Municipale</recipient> est destinataire des avis de paiement. Seules "
    "des statistiques anonymes sont "
    "transmises à l'Institut de la Statistique.",
    # a condition between two recipients belongs to the second (this once raised an IndexError)
    "Les rapports sont adressés au <recipient condition=null>Conseil d'Administration</recipient> et, pour les "
    "comptes annuels, au <recipient condition=\"pour les comptes annuels\">Commissaire aux Comptes</recipient>.",
    # a condition before the verb, after a connective; a lead ("transfert … vers") inside it
    "Par ailleurs, en cas d'hospitalisation du résident vers une clinique, la fiche est remise au "
    "<recipient condition=\"en cas d'hospitalisation du résident vers une clinique\">médecin traitant"
    "</recipient>.",
    "Toutefois, sur demande écrite, elles peuvent être communiquées au <recipient condition=\"sur demande "
    "écrite\">Juge de paix</recipient> ainsi qu'au <recipient condition=\"sur demande écrite\">Conseil de "
    "famille</recipient>.",
    # a condition between the lead and the names; a quoted condition
    "Sont aussi destinataires des données, pour ce qui les concerne, les <recipient condition=\"pour ce qui les "
    "concerne\">caisses de retraite</recipient>.",
    "Les fiches peuvent être transmises aux <recipient condition=\"pour le suivi des sinistres\">courtiers"
    "</recipient>, « pour le suivi des sinistres ».",
    # "mis à la disposition du X"; "ni à … ni à …, mais uniquement à"
    "Les registres sont mis à la disposition du <recipient condition=\"aux fins de contrôle\">Contrôleur "
    "Général</recipient>, aux fins de contrôle.",
    "Les listes ne sont transmises ni à des prestataires ni à des annonceurs, mais uniquement à la "
    "<recipient condition=\"sur réquisition\">Direction des Services Fiscaux</recipient> sur réquisition.",
    # possessives start a recipient; a present participle's complement is part of the name
    "Les destinataires sont : le <recipient condition=\"pour les données codées\">laboratoire</recipient>, ses "
    "<recipient condition=\"pour les données codées\">sous-traitants</recipient> et les <recipient "
    "condition=\"pour les données codées\">sociétés travaillant pour son compte</recipient>, pour les données "
    "codées.",
    # inverted "Sont destinataires des X": names after an incise or at the first loose article
    "Sont destinataires des bandes, sur réquisition, les <recipient condition=\"sur réquisition\">agents "
    "assermentés de la Direction de l'Aviation Civile</recipient>.",
    "Sont destinataires des informations relatives aux cotisations le <recipient condition=\"pour le contrôle "
    "des comptes\">trésorier de l'amicale</recipient>, pour le contrôle des comptes, et la <recipient "
    "condition=\"aux seules fins de prélèvement\">banque de l'amicale</recipient>, aux seules fins de "
    "prélèvement.",
    # a long condition between the verb and "à"; guillemets inside a condition stay
    "Les clichés sont transmis, aux fins de stockage sur la plateforme d'imagerie « PACS Riviera » exploitée "
    "pour le compte du centre, à <recipient condition=\"aux fins de stockage sur la plateforme d'imagerie "
    "« PACS Riviera » exploitée pour le compte du centre\">Imagerie Cloud SAS</recipient>.",
    # what a recipient named as the subject receives is no condition, why it receives it is
    "Le <recipient condition=\"afin d'en établir le bilan annuel\">service statistique de la "
    "Fédération</recipient> reçoit les résultats anonymisés afin d'en établir le bilan annuel.",
    # active voice: "a" inside a word is no "à"
    "Le club communique ensuite les attestations établies par le médecin aux <recipient condition=\"avec "
    "l'accord des licenciés\">arbitres de la ligue</recipient>, avec l'accord des licenciés.",
    # an item that starts with "à" under a communication intro is a recipient, even about access
    "Le gestionnaire communique les journaux d'accès :\n"
    "- à la <recipient condition=\"pour les seuls accès au parking\">Police Municipale</recipient>, pour les "
    "seuls accès au parking ;\n"
    "- aux <recipient condition=\"en cas de sinistre\">assureurs</recipient>, en cas de sinistre.",
    # another commission is a recipient, a legal reference is none
    "Le service transmet les dossiers complets à la <recipient condition=\"pour les seules demandes "
    "recevables\">Commission d'Attribution des Aides</recipient> pour les seules demandes recevables. La "
    "Commission relève que ce transfert est conforme à l'article 20 de la loi n° 1.165.",
    # dev5 families, in other words: an object after the name and its condition (active voice)
    "Il adresse également à la <recipient condition=\"sur sa demande\">Direction des Finances</recipient>, sur "
    "sa demande, un relevé des paiements.",
    "Le gestionnaire transmet :\n"
    "- à la <recipient condition=null>Caisse de Retraite</recipient>, les déclarations d'embauche ;\n"
    "- au <recipient condition=\"aux fins de contrôle\">Service du Travail</recipient>, les contrats, aux fins "
    "de contrôle.",
    # "à savoir"; "ainsi que, le cas échéant,"; "respectivement"; a condition on the last one only
    "Les données sont communiquées aux caisses sociales, à savoir la <recipient condition=null>Caisse Maladie"
    "</recipient> et la <recipient condition=null>Caisse des Retraites</recipient>.",
    "Les destinataires sont le <recipient condition=null>Service des Parkings</recipient> ainsi que, le cas "
    "échéant, la <recipient condition=\"le cas échéant\">Police Municipale</recipient>.",
    "Les notes sont communiquées à leur <recipient condition=\"pour l'orientation\">lycée d'origine</recipient> "
    "et à leur <recipient condition=\"pour la bourse\">caisse d'allocations</recipient>, respectivement pour "
    "l'orientation et pour la bourse.",
    "Les destinataires sont les <recipient condition=null>services de la Mairie</recipient> et la <recipient "
    "condition=\"dans le cadre de ses enquêtes\">Brigade Financière</recipient> dans le cadre de ses enquêtes.",
    # recipients as subjects with other verbs; "il en va de même"; "à destination des"; "pour" + noun
    "Les <recipient condition=\"dans le cadre d'un audit\">auditeurs internes</recipient> peuvent recevoir "
    "communication des dossiers, dans le cadre d'un audit. Il en va de même des <recipient condition=\"pour la "
    "certification\">commissaires aux comptes</recipient>, pour la certification.",
    "La <recipient condition=\"aux fins de mise à jour du fichier\">Fédération</recipient> se voit communiquer "
    "les licences, aux fins de mise à jour du fichier.",
    "Des copies sont établies à destination des <recipient condition=\"en vue de leur versement\">Archives "
    "municipales</recipient>, en vue de leur versement.",
    "Les montants sont communiqués à la <recipient condition=\"pour mise en paiement\">Trésorerie</recipient> "
    "pour mise en paiement.",
    # an anonymised form is no communication of personal data
    "Les résultats sont communiqués à l'Observatoire sous une forme agrégée et anonymisée, à des fins d'étude.",
    # one recipient of several receives only anonymous figures: only the others receive data
    "Les dossiers sont transmis à l'Office des Statistiques, de manière anonymisée, et au <recipient "
    "condition=\"pour le versement des aides\">Service des Aides Sociales</recipient>, pour le versement des aides.",
    "La synthèse, qui ne contient que des informations agrégées, est adressée au Conseil d'Administration.",
    # aggregated is not anonymous: kept
    "Les indicateurs sont transmis à la <recipient condition=\"sous forme agrégée\">Direction de la Santé"
    "</recipient>, sous forme agrégée.",
    # "ce dernier": the condition is the last recipient's own, without the anaphor
    "Les relevés sont communiqués à l'<recipient condition=null>employeur</recipient> et à l'<recipient "
    "condition=\"pour les seules données de paie\">expert-comptable</recipient>, celui-ci pour les seules données "
    "de paie.",
    # a body's name with its own commas; a dotted abbreviation inside a name
    "Les demandes sont transmises à l'<recipient condition=\"pour instruction\">Office de Protection, "
    "d'Assistance et Prévention</recipient>, pour instruction.",
    "Le dossier est adressé au <recipient condition=null>Secrétariat de S.A.S. le Prince Souverain</recipient>.",
    "Les données sont communiquées au <recipient condition=null>Service des Sports</recipient>, <recipient "
    "condition=null>Monaco Telecom</recipient> et à la <recipient condition=null>Mairie</recipient>.",
    # a named company after a generic word is the recipient; a bare place is neither
    "Les résultats sont adressés au sous-traitant, la <recipient condition=null>société Biolab Analytics"
    "</recipient>, en Suisse.",
    "Les dossiers sont transmis au <recipient condition=null>bureau régional</recipient>, en Italie.",
    # a description then a condition: the condition; a condition stated before wins over a description
    "Les listes sont communiquées à l'<recipient condition=\"pour les seuls élèves inscrits\">Association "
    "Sportive du Lycée</recipient>, club partenaire, pour les seuls élèves inscrits.",
    "En cas de contentieux, les pièces peuvent être remises au <recipient condition=\"En cas de contentieux\">"
    "Conseil de la Mairie</recipient>, seul compétent pour statuer.",
    # a participle before the cue belongs to the condition; a temporal condition; "à l'exception de"
    "Les images sont remises aux <recipient condition=\"opérant sur réquisition du juge\">enquêteurs"
    "</recipient> opérant sur réquisition du juge.",
    "Les feuilles de match sont envoyées à la <recipient condition=\"pour le classement\">Ligue</recipient> pour "
    "le classement, ainsi qu'aux <recipient condition=\"la veille de la rencontre\">arbitres</recipient> et aux "
    "<recipient condition=\"la veille de la rencontre\">entraîneurs</recipient> la veille de la rencontre.",
    "Les certificats sont transmis à la <recipient condition=\"à l'exception des données de santé\">mutuelle"
    "</recipient>, à l'exception des données de santé.",
    # "obtenir communication", inverted; what one receives, restricted, is its condition
    "Les <recipient condition=\"sur leur demande\">commissaires aux comptes</recipient> peuvent obtenir "
    "communication des pièces sur leur demande.",
    "Peuvent aussi recevoir communication des relevés, pour les comptes qu'ils gèrent, les <recipient "
    "condition=\"pour les comptes qu'ils gèrent\">gestionnaires de patrimoine</recipient>.",
    "La <recipient condition=\"uniquement les montants dus\">banque</recipient> reçoit uniquement les montants dus.",
    # a condition in a relative clause; "à l'exclusion de" continues a condition; a name with
    # its own "pour les" + capitals; an adjective's complement stays in the name
    "Aucune donnée n'est transmise à des tiers, à l'exception des <recipient condition=\"sur réquisition\">"
    "douanes</recipient> qui peuvent en demander copie sur réquisition.",
    "Les fiches sont transmises au <recipient condition=\"pour les seuls sinistres déclarés, à l'exclusion des "
    "données de santé\">courtier</recipient>, pour les seuls sinistres déclarés, à l'exclusion des données de santé.",
    "Les avis sont adressés à l'<recipient condition=null>Office pour les Anciens Combattants</recipient>.",
    "La demande est transmise au <recipient condition=null>service compétent pour la délivrance des titres"
    "</recipient>.",
    # a "dont" relative is part of the name; "reçoit uniquement X, à l'exclusion de Y"; a noun
    # in "-té" is no participle ("de la société pour …" ends the name)
    "Les résultats sont communiqués à la <recipient condition=\"en cas d'anomalie\">ligue dont relève le "
    "club</recipient>, en cas d'anomalie.",
    "Le <recipient condition=\"uniquement le certificat, à l'exclusion du dossier médical\">club</recipient> "
    "reçoit uniquement le certificat, à l'exclusion du dossier médical.",
    "Les données sont transmises au <recipient condition=\"pour la paie\">service du personnel de la société"
    "</recipient> pour la paie.",
    "Les informations ne sont destinées à être communiquées à aucun organisme extérieur.",
    # recipients after the object of an active verb
    "Le service adresse au <recipient condition=null>Trésor</recipient> les états de paiement, et à la <recipient "
    "condition=null>banque</recipient> les ordres de virement.",
    # "aux fins de" after a condition continues it; it names no recipient
    "Les photographies sont transmises à la <recipient condition=\"avec l'accord des familles, aux fins "
    "d'illustration\">revue municipale</recipient>, avec l'accord des familles, aux fins d'illustration.",
]


def test_a_sub_heading_ends_what_the_intro_above_it_says() -> None:
    text = (
        "• Sur les destinataires\n"
        "Les informations sont communiquées :\n"
        "- à la Caisse de Retraite, pour le calcul des droits.\n"
        "• Sur les personnes ayant accès au traitement\n"
        "- au directeur : consultation ;\n"
        "- l'éditeur du logiciel : maintenance."
    )
    tables = extract(text).tables
    assert [(r.recipient, r.condition) for r in tables["recipients"]] == [
        ("Caisse de Retraite", "pour le calcul des droits")
    ]
    assert [a.role for a in tables["access_rights"]] == ["directeur", "l'éditeur du logiciel"]


def test_an_access_list_item_that_receives_the_data_is_a_recipient() -> None:
    text = (
        "Les accès et communications sont les suivants :\n"
        "- les agents du service : tous droits ;\n"
        "- le conseil juridique : transmission du dossier en cas de contentieux ;\n"
        "- la Direction de la Sûreté Publique : communication des images sur réquisition judiciaire."
    )
    tables = extract(text).tables
    assert [(r.recipient, r.condition) for r in tables["recipients"]] == [
        ("conseil juridique", "en cas de contentieux"),
        ("Direction de la Sûreté Publique", "sur réquisition judiciaire"),
    ]
    assert [(a.role, a.permissions) for a in tables["access_rights"]] == [("les agents du service", ("all",))]


@pytest.mark.parametrize("annotated", CONDITIONS)
def test_recipients_and_their_conditions(annotated: str) -> None:
    text, marks = parse(annotated)
    rows = extract(text).tables.get("recipients", [])
    check_records(text, rows, marks, words="recipient")


@pytest.mark.parametrize("annotated", RECIPIENTS)
def test_recipients(annotated: str) -> None:
    text, marks = parse(annotated)
    check_records(text, extract(text).tables.get("recipients", []), marks, words="recipient")


SEED_2021_81 = (
    "Les accès sont en outre définis comme suit :\n"
    '- <access_right permissions=all restriction="sauf au contenu des '
    'messages">Administrateurs</access_right> : tout accès (sauf au contenu des messages) dans '
    "le cadre de leurs missions de création de compte, d'administration des comptes, gestion des "
    "comptes et de qualité du fonctionnement du service de messagerie et d'assistance aux "
    "utilisateurs ;\n"
    "- <access_right permissions=consult|create|delete>Utilisateurs</access_right> : accès en "
    "consultation, saisie et suppression selon les fonctionnalités de leurs comptes ;\n"
    "- <access_right permissions=consult restriction=\"en cas d'absence de l'utilisateur ou de "
    "délégation dans le respect de la charte d'utilisation des ressources informatiques\">Agents "
    "autorisés par l'utilisateur</access_right> : accès en consultation en cas d'absence de "
    "l'utilisateur ou de délégation dans le respect de la charte d'utilisation des ressources "
    "informatiques ;\n"
    '- <access_right permissions="" restriction="sauf au contenu des messages">Autorités '
    "habilitées</access_right> : accès (sauf au contenu des messages) dans le respect de la "
    "règlementation applicable.\n"
    "S'agissant des accès par les Autorités habilitées, la Commission rappelle qu'il ne s'agit "
    "pas d'un accès permanent aux traitements d'entités tierces.\n"
    "En ce qui concerne le recours à des prestataires, la Commission rappelle que conformément "
    "aux dispositions de l'article 17 de la loi n° 1.165 du 23 décembre 1993 les droits d'accès "
    "de ces derniers doivent être limités à ce qui est strictement nécessaire à l'exécution de "
    "leurs contrats de prestation de service."
)
SEED_2024_165 = (
    "Les personnes ayant accès au traitement sont :\n"
    "- <access_right permissions=read|consult|modify|delete>l'utilisateur de "
    "l'outil</access_right> : lecture, consultation, modification, suppression ;\n"
    "- <access_right permissions=read|consult|modify>le manager des utilisateurs</access_right> "
    ": lecture, consultation, modification ;\n"
    "- <access_right permissions=read|consult|modify|delete>l'administrateur Deskare au sein du "
    "Gouvernement (DSI/DSN)</access_right> : lecture, consultation, modification, suppression ;\n"
    "- <access_right permissions=read>l'auditeur</access_right> : lecture ;\n"
    '- <access_right permissions=read|consult|modify|delete restriction="dans leur périmètre de '
    'responsabilité">le gestionnaire des data bases DSI</access_right> : lecture, consultation, '
    "modification, suppression (dans leur périmètre de responsabilité) ;\n"
    "- <access_right permissions=read|consult|modify|delete>le prestataire</access_right> : "
    "lecture, consultation, modification, suppression.\n"
    "À cet égard, le responsable de traitement précise qu'« en cas d'erreur de saisie, le "
    "manager aura la main pour effectuer une modification en lieu et place de l'agent ». La "
    "Commission en prend acte."
)
SEED_2022_62 = (
    "Le responsable de traitement indique que les accès sont définis comme suit :\n"
    "- <access_right permissions=all>le personnel de la Direction du Travail</access_right> : "
    "tous droits selon le rôle des agents (Administrateur/Utilisateur avancé/Utilisateur) ;\n"
    '- <access_right permissions=all restriction="pas d\'accès au paramétrage technique">le '
    "personnel de la Direction des Systèmes d'Information (DSI)</access_right> : tous droits en "
    "support pour la Direction du Travail (pas d'accès au paramétrage technique) ;\n"
    "- <access_right permissions=all>le prestataire de la solution</access_right> : tous droits, "
    "dont paramétrage technique.\n"
    "La Commission rappelle que les accès doivent être restreints au strict besoin d'en "
    "connaître."
)
SEED_2024_9 = (
    "• Sur les personnes ayant accès au traitement\n"
    "Il est précisé que <access_right permissions=create|modify|consult|delete>le personnel du "
    "service informatique de la DENJS</access_right> a accès au présent traitement à des fins "
    "d'inscription, de modification, de consultation et de suppression.\n"
    "La Commission considère que ces accès sont justifiés au regard du présent traitement."
)
ACCESS = [
    pytest.param(SEED_2021_81, id="2021-81"),
    pytest.param(SEED_2024_165, id="2024-165"),
    pytest.param(SEED_2022_62, id="2022-62"),
    pytest.param(SEED_2024_9, id="2024-9-prose"),
    pytest.param(
        "<access_right permissions=consult|modify>Les agents du service des ressources "
        "humaines</access_right> disposent d'un accès en consultation et en modification.\n"
        'Seuls <access_right permissions=read restriction="uniquement pour les dossiers de leur '
        'service">les agents de la Direction</access_right> ont accès aux données en lecture, '
        "uniquement pour les dossiers de leur service.",
        id="prose",
    ),
    pytest.param(
        "L'accès au traitement est réservé aux <access_right permissions=consult>agents "
        "habilités de la Direction de l'Action Sanitaire</access_right>, en consultation.",
        id="2011-reserve",
    ),
    pytest.param(
        "Les personnes ayant accès au traitement sont :\n"
        "• <access_right permissions=all>les administrateurs</access_right> : tous droits ;\n"
        "– <access_right permissions=create|modify|export>les gestionnaires</access_right> : "
        "création, mise à jour, export,\n"
        "o <access_right permissions=consult>les auditeurs</access_right> : consultation.\n"
        "> <access_right permissions=configure>le prestataire</access_right> : paramétrage",
        id="bullets",
    ),
    pytest.param(
        "Les personnes ayant accès au traitement sont :\n"
        "- <access_right permissions=all>les administrateurs</access_right> : tous droits ;\n"
        "- <access_right permissions=consult>le personnel habilité du service "
        "Contentieux</access_right> : consultation.",
        id="list-all-consult",
    ),
    pytest.param(
        '<access_right permissions="" restriction="dans le cadre de ses opérations de '
        'maintenance">Le prestataire</access_right> a accès au traitement dans le cadre de ses '
        "opérations de maintenance.",
        id="provider-maintenance",
    ),
    pytest.param(
        "Les personnes habilitées à avoir accès au traitement sont :\n"
        "- <access_right permissions=create|modify|consult>le personnel habilité du Service des "
        "Ressources Humaines</access_right> : inscription, modification, consultation ;\n"
        '- <access_right permissions=consult restriction="dans le cadre de ses missions de '
        'maintenance">le personnel de la Direction Informatique</access_right> : consultation, '
        "dans le cadre de ses missions de maintenance ;\n"
        '- <access_right permissions=all restriction="dans le cadre de ses opérations de '
        'maintenance">le prestataire</access_right> : tous droits dans le cadre de ses '
        "opérations de maintenance.",
        id="list-maintenance",
    ),
    pytest.param(
        "<access_right permissions=read|modify>Les médecins du service</access_right> ont accès "
        "en lecture et en écriture aux dossiers des patients.\n"
        "<access_right permissions=consult|modify>Les agents habilités de la "
        "Direction</access_right> peuvent consulter et modifier les informations.\n"
        'Seul <access_right permissions="">le Directeur</access_right> a accès au traitement.',
        id="prose-verbs",
    ),
    pytest.param(
        "Les accès sont définis comme suit :\n"
        "- <access_right permissions=other>les agents</access_right> : accès en validation ;",
        id="unknown-word",
    ),
    # prose: "bénéficie de tous les droits", "quant à eux", "accèdent, en …, aux seules …"
    pytest.param(
        "<access_right permissions=all>Le régisseur</access_right> bénéficie de tous les droits sur le traitement. "
        "<access_right permissions=consult restriction=\"limité à leur propre fiche\">Les bénévoles</access_right> "
        "disposent quant à eux d'un accès en consultation limité à leur propre fiche. "
        "<access_right permissions=consult|modify restriction=\"aux seules données de leur classe\">Les "
        "professeurs</access_right> accèdent, en consultation et en modification, aux seules données de leur classe.",
        id="prose-more-verbs",
    ),
    # a withheld permission is none, and it is the restriction; "écoute" is consultation
    pytest.param(
        "Les personnes habilitées sont :\n"
        "- <access_right permissions=consult restriction=\"sans possibilité d'export\">les opérateurs</access_right> "
        ": visualisation des flux en direct, sans possibilité d'export ;\n"
        "- <access_right permissions=consult|delete>l'auditeur</access_right> : écoute et suppression des "
        "enregistrements ;\n"
        "- <access_right permissions=consult restriction=\"des seules factures de leur compte\">les abonnés"
        "</access_right> : consultation des seules factures de leur compte.",
        id="withheld-and-ecoute",
    ),
]


@pytest.mark.parametrize("annotated", ACCESS)
def test_access_rights(annotated: str) -> None:
    text, marks = parse(annotated)
    rows = extract(text).tables.get("access_rights", [])
    check_records(text, rows, marks, span="within", words="role", defaults={"restriction": None})


def test_an_action_named_by_its_noun_is_another_permission() -> None:
    result = extract(
        "Les accès sont définis comme suit :\n"
        "- les instructeurs : consultation, modification, instruction des dossiers ;\n"
        "- le prestataire : maintenance du serveur, sur demande écrite du service ;\n"
        "- les techniciens : prise en main à distance avec l'accord de l'utilisateur ;\n"
        "- les administrateurs : tous droits, dans la limite de leurs attributions."
    )
    rows = [(a.role, a.permissions, a.restriction) for a in result.tables["access_rights"]]
    assert rows == [
        ("les instructeurs", ("consult", "modify", "other"), None),
        ("le prestataire", ("other",), "sur demande écrite du service"),
        ("les techniciens", ("other",), "avec l'accord de l'utilisateur"),
        ("les administrateurs", ("all",), "dans la limite de leurs attributions"),
    ]
    assert [i.code for i in result.issues] == ["unknown_label"] * 3


def test_unknown_permission_is_reported() -> None:
    result = extract("Les accès sont définis comme suit :\n- les agents : lecture, validation ;")
    assert result.tables["access_rights"][0].permissions == ("read", "other")
    assert [i.code for i in result.issues] == ["unknown_label"]
    assert "validation" in result.issues[0].message


def test_raw_and_offsets() -> None:
    text = plain(SEED_2024_165)
    for row in extract(text).tables["access_rights"]:
        assert text[row.start : row.end].startswith(row.raw)
