"""The words ``bench_corpus`` varies its generated deliberations with: the seeds' names by
role, bodies, products, finalités, paraphrases, synonyms, connectives and list items."""

from __future__ import annotations

#: The seeds' names, by role: every page gives each role its own name.
ROLES: tuple[tuple[str, str], ...] = (
    ("Direction de l'Éducation Nationale, de la Jeunesse et des Sports", "body1"),
    ("Délégation Interministérielle chargée de la Transition du Numérique", "body2"),
    ("Délégation Interministérielle chargée de la Transition Numérique", "body2"),
    ("Direction des Plateformes des Réseaux Numériques", "body4"),
    ("Direction des Services Numériques", "body1"),
    ("Direction des Systèmes d'Information", "body3"),
    ("Direction du Travail", "body1"),
    ("Commune de Monaco", "body1"),
    ("Service de l'Emploi", "service1"),
    ("Inspection du Travail", "service2"),
    ("Conseil Communal", "council"),
    ("Lycée Albert Ier", "school"),
    ("Active Directory", "system3"),
    ("DENJS", "acr1"),
    ("DSN", "acr1"),
    ("DITN", "acr2"),
    ("DSI", "acr3"),
    ("Outlook", "system1"),
    ("Deskare", "system1"),
    ("Exchange", "system2"),
    ("Pronote", "system2"),
    ("Lotus", "system3"),
    ("Teams", "system3"),
)

# fmt: off
BODY_HEADS = (
    "Direction", "Service", "Office", "Centre", "Institut", "Agence", "Délégation",
)
DOMAINS = (
    "de la Prospective", "de la Communication", "de la Coopération Internationale",
    "des Affaires Culturelles", "de l'Environnement", "de l'Aménagement Urbain",
    "du Tourisme et des Congrès", "des Affaires Maritimes", "de la Sécurité Sociale",
    "des Ressources Humaines", "des Services Fiscaux", "de la Sûreté Publique",
    "de l'Action Sanitaire", "des Travaux Publics", "de l'Habitat", "des Sports", "de la Jeunesse",
    "du Budget et du Trésor", "des Affaires Juridiques", "de la Mobilité",
    "des Relations Extérieures", "du Patrimoine", "de l'Emploi", "de la Statistique",
)
SYLLABLES = (
    "ka", "lo", "mi", "ra", "ve", "no", "ti", "sa", "de", "lu", "po", "fi", "ga", "ne", "ri", "zo",
    "ba", "te", "vi", "mo", "ca", "li", "do",
)
PRODUCTS = (
    "Kelio", "Octime", "Chronotime", "Hexagone", "Sage", "Cegid", "Salesforce", "ServiceNow",
    "Zendesk", "Jira", "Confluence", "Nextcloud", "Moodle", "Doctolib", "Sharepoint", "Qualiac",
    "Ciril", "Berger-Levrault", "Inetum", "Agora", "Horoquartz", "Lucca", "Talentsoft",
)
PURPOSE_HEADS = (
    "Gestion", "Suivi", "Gestion et suivi", "Organisation", "Traitement", "Instruction",
    "Enregistrement", "Contrôle", "Administration", "Supervision",
)
PURPOSE_OBJECTS = (
    "des demandes d'aide sociale", "des accès aux locaux", "de la vidéoprotection des bâtiments",
    "de la paie des agents", "des demandes de subventions", "des dossiers des patients",
    "des rendez-vous en ligne", "des habilitations informatiques", "de la relation usagers",
    "des inscriptions scolaires", "du télétravail", "des astreintes", "des appels téléphoniques",
    "des badges d'accès", "des formations du personnel", "des réclamations", "des candidatures",
    "des prêts de matériel", "des réservations de salles", "des cartes de stationnement",
    "de la messagerie professionnelle", "des contrôles d'accès", "des archives", "des courriers",
)
PARAPHRASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ('Le responsable de traitement', ('Le responsable du traitement', 'Le responsable de traitement')),
    ('indique que', ('précise que', 'expose que', 'déclare que', 'indique que', 'fait savoir que')),
    ('La Commission considère que', ('La Commission estime que', 'La Commission considère que', 'La Commission relève que')),
    ("conformément aux dispositions de l'article", ("en application de l'article", "au sens de l'article", "conformément à l'article")),
    ('En outre,', ('Par ailleurs,', 'De plus,', 'En outre,', 'Au surplus,')),
    ("susceptibles d'être", ('pouvant être', "susceptibles d'être", 'appelées à être')),
    ('les personnes concernées', ('les personnes intéressées', 'les personnes concernées', 'les intéressés')),
    ('le présent traitement', ('ce traitement', 'le traitement', 'le présent traitement')),
    ('mettre en place', ('instaurer', 'mettre en œuvre', 'déployer', 'mettre en place')),
    ('notamment', ('en particulier', 'notamment', 'entre autres')),
    ('afin de', ('pour', 'afin de', 'dans le but de')),
)
MARKERS = (
    "à cet égard", "en l'espèce", "dans ce cadre", "le cas échéant", "en pratique", "à ce titre",
    "par conséquent", "en tout état de cause", "selon le dossier", "d'après les éléments transmis",
    "sur ce point", "à ce stade", "au demeurant",
)
# fmt: on
#: Words and their near-synonyms in the genre, each swapped now and then.
# fmt: off
SYNONYMS: dict[str, tuple[str, ...]] = {
    'gestion': ('administration', 'suivi', 'tenue'),
    'utilisateurs': ('usagers', 'agents utilisateurs', 'personnels utilisateurs'),
    'messages': ('courriels', 'envois'),
    'consulter': ('visualiser', 'afficher'),
    'modifier': ('mettre à jour', 'corriger'),
    'supprimer': ('effacer', 'retirer'),
    'établir': ('produire', 'générer', 'élaborer'),
    'données': ('informations', 'éléments'),
    'statistiques': ('indicateurs', 'tableaux de bord'),
    'réservation': ('inscription', 'demande de réservation'),
    'réservations': ('inscriptions', 'demandes de réservation'),
    'permettre': ('rendre possible', 'autoriser'),
    'personnes': ('individus', 'intéressés'),
    'dossier': ('dossier de demande', 'dossier transmis'),
    'outil': ('dispositif', 'logiciel', 'instrument'),
    'informations': ('données', 'renseignements'),
    'agents': ('collaborateurs', 'personnels', 'employés'),
    'comptes': ('profils', 'comptes utilisateurs'),
    'relève': ('observe', 'note', 'constate'),
    'rappelle': ('souligne', 'rappelle', 'relève'),
    'considère': ('estime', 'juge', 'considère'),
    'procédure': ('démarche', 'procédure'),
    'gérer': ('administrer', 'piloter', 'suivre'),
    'envoyer': ('transmettre', 'adresser'),
    'créer': ('ouvrir', 'générer'),
    'sécurité': ('sûreté', 'sécurité'),
    'mesures': ('dispositions', 'moyens'),
    'service': ('département', 'pôle'),
    'documents': ('pièces', 'justificatifs'),
    'également': ('aussi', 'de même'),
    'ensemble': ('totalité', 'intégralité'),
    'responsable': ('gestionnaire', 'responsable'),
}
# fmt: on
# fmt: off
ABOUT = (
    "en matière", "s'agissant", "au titre", "dans le cadre", "pour ce qui concerne la gestion",
    "aux fins du suivi",
)
TOPIC_NOUNS = (
    "gestion", "tenue", "mise à jour", "consultation", "conservation", "sécurisation",
    "centralisation", "dématérialisation", "refonte", "modernisation", "migration",
    "harmonisation", "informatisation", "rationalisation",
)
CONNECTIVES = (
    "Par ailleurs", "En outre", "De plus", "Ainsi", "Enfin", "Toutefois", "Dès lors",
    "En l'occurrence", "Plus précisément", "Au cas présent", "Dans les faits",
)
EXTRA_ITEMS = (
    "date de naissance", "matricule", "service", "fonction", "photographie",
    "numéro de téléphone professionnel", "adresse électronique", "identifiant", "date d'entrée",
    "horodatage", "adresse IP", "statut", "langue", "site de rattachement",
)
# fmt: on
