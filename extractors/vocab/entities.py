"""Vocabularies of the rule entities (``extractors.entities``), as plain data.

To teach the pipeline a new body, law form or software name, add it here and an
annotated sentence in tests/extractors/test_entities.py.

Rule labels (beside the model's LOC, MISC, ORG, PER):

- ``ORG``: a Monegasque (or other) body, by acronym (``DSN``) or full name
  ("Direction des Services Numériques"), or any "Direction …", "Service …", "Centre …"
  followed by capitalised words;
- ``LAW``: a statute or regulation by number ("loi n° 1.165", "Ordonnance Souveraine
  n° 2.230", "arrêté ministériel n° 2022-331", "Convention n° 108", "Règlement (UE)
  2016/679") or by name ("Code pénal", "Constitution");
- ``DELIBERATION``: a deliberation by number ("délibération n° 2015-113");
- ``SYSTEM``: a software or system name ("dénommé « Outlook »", "la solution Deskare",
  "l'outil Pronote", well-known products such as "Active Directory").
"""

from __future__ import annotations

#: Acronyms of bodies → their full name (the name is documentation; the acronym alone,
#: upper case and whole word, gives an ``ORG``).
ACRONYMS: dict[str, str] = {
    "AMSF": "Autorité Monégasque de Sécurité Financière",
    "AMSN": "Agence Monégasque de Sécurité Numérique",
    "APDP": "Autorité de Protection des Données Personnelles",
    "CAR": "Caisse Autonome des Retraites",
    "CCIN": "Commission de Contrôle des Informations Nominatives",
    "CCSS": "Caisse de Compensation des Services Sociaux",
    "CHPG": "Centre Hospitalier Princesse Grace",
    "CNIL": "Commission Nationale de l'Informatique et des Libertés",
    "CSM": "Caisses Sociales de Monaco",
    "DAJ": "Direction des Affaires Juridiques",
    "DASA": "Direction de l'Action Sanitaire",
    "DASO": "Direction de l'Action et de l'Aide Sociales",
    "DASS": "Direction de l'Action Sanitaire et Sociale",
    "DEE": "Direction de l'Expansion Économique",
    "DENJS": "Direction de l'Éducation Nationale, de la Jeunesse et des Sports",
    "DITN": "Délégation Interministérielle chargée de la Transition Numérique",
    "DPUM": "Direction de la Prospective, de l'Urbanisme et de la Mobilité",
    "DRH": "Direction des Ressources Humaines",
    "DRHFFP": "Direction des Ressources Humaines et de la Formation de la Fonction Publique",
    "DSF": "Direction des Services Fiscaux",
    "DSI": "Direction des Systèmes d'Information",
    "DSJ": "Direction des Services Judiciaires",
    "DSN": "Direction des Services Numériques",
    "DSP": "Direction de la Sûreté Publique",
    "IM2S": "Institut Monégasque de Médecine et de Chirurgie Sportive",
    "IMSEE": "Institut Monégasque de la Statistique et des Études Économiques",
    "OPS": "Office de la Protection Sociale",
    "SBM": "Société des Bains de Mer",
    "SICCFIN": "Service d'Information et de Contrôle sur les Circuits Financiers",
    "SMEG": "Société Monégasque de l'Électricité et du Gaz",
}

#: Names the head-word rule below cannot see (a lower-case word inside), as printed.
BODY_NAMES: tuple[str, ...] = (
    "Union européenne",
    "Union Européenne",
    "Monaco Telecom",
    "Conseil d'État",
    "Société des Bains de Mer et du Cercle des Étrangers à Monaco",
)

#: Head words of a body's name: the name runs on through capitalised words joined by
#: "de", "de la", "des", "du", "et", "chargée de" … ("Direction du Travail",
#: "Direction de l'Éducation Nationale, de la Jeunesse et des Sports").
BODY_HEADS: tuple[str, ...] = (
    "Académie",
    "Administration",
    "Agence",
    "Association",
    "Autorité",
    "Banque",
    "Bibliothèque",
    "Brigade",
    "Cabinet",
    "Caisse",
    "Caisses",
    "Cellule",
    "Centre",
    "Chambre",
    "Clinique",
    "Club",
    "Collège",
    "Comité",
    "Commission",
    "Commune",
    "Compagnie",
    "Conseil",
    "Conservatoire",
    "Contrôle Général",
    "Cour",
    "Direction",
    "Division",
    "Délégation",
    "Département",
    "Fondation",
    "Fédération",
    "Gouvernement",
    "Groupement",
    "Haut Commissariat",
    "Hôpital",
    "Inspection",
    "Institut",
    "Laboratoire",
    "Laboratoires",
    "Lycée",
    "Mairie",
    "Ministère",
    "Musée",
    "Mutuelle",
    "Observatoire",
    "Office",
    "Ordre",
    "Palais",
    "Parquet",
    "Pôle",
    "Recette",
    "Régie",
    "Secrétariat",
    "Service",
    "Société",
    "Syndicat",
    "Tribunal",
    "Trésorerie",
    "Union",
    "Université",
    "École",
)

#: Lead words of a numbered legal instrument, folded (lower case, no accents): what
#: comes before "n° …" ("loi n° 1.165", "Ordonnance Souveraine n° 2.230").
LAW_HEADS: tuple[str, ...] = (
    r"loi(?:[ -]cadre)?",
    r"ordonnance[ -]loi",
    r"ordonnance(?: souveraine)?",
    r"arrete(?: (?:ministeriel|municipal|interministeriel|ministeriel conjoint))?",
    r"decision (?:ministerielle|souveraine)",
    r"convention",
    r"directive(?: \((?:ue|ce|cee)\))?",
    r"reglement(?: \((?:ue|ce|cee)\))?",
)

#: Legal texts named without a number, as printed.
LAW_NAMES: tuple[str, ...] = (
    "Constitution",
    "Code civil",
    "Code pénal",
    "Code de procédure pénale",
    "Code de procédure civile",
    "Code de commerce",
    "Code de la mer",
    "Code du travail",
    "Code de la sécurité sociale",
    "Code des douanes",
    "Code de la santé publique",
    "Code de la consommation",
    "Code monétaire et financier",
    "Code des assurances",
    "Code de la route",
    "Code du patrimoine",
    "Code de l'environnement",
    "Code général des impôts",
    "Code de déontologie médicale",
    "Code de la famille",
    "Code de l'éducation",
    "Code des obligations",
    "Règlement Général sur la Protection des Données",
    "Règlement général sur la protection des données",
    "RGPD",
    "Convention Européenne de Sauvegarde des Droits de l'Homme et des Libertés Fondamentales",
    "Convention européenne de sauvegarde des droits de l'homme et des libertés fondamentales",
    "Convention de Sauvegarde des Droits de l'Homme et des Libertés Fondamentales",
    "Convention Européenne des Droits de l'Homme",
    "Déclaration d'Helsinki",
    "Déclaration Universelle des Droits de l'Homme",
    "Déclaration universelle des droits de l'homme",
    "Charte des droits fondamentaux de l'Union européenne",
)

#: Words after which a name in « » is a software or system name, folded; a noun may be
#: followed by up to three lower-case words before the quotes ("l'outil de flexoffice
#: « Deskare »"), a participle by the quotes only ("dénommé « Outlook »").
SYSTEM_PARTICIPLES: tuple[str, ...] = (r"denommee?s?", r"appelee?s?")
SYSTEM_NOUNS: tuple[str, ...] = (
    r"solution",
    r"outil",
    r"(?:pro)?logiciel",
    r"application",
    r"plate-?forme",
    r"systeme",
)
#: The same words as printed, before a capitalised name without quotes ("l'outil Pronote").
SYSTEM_BARE_TRIGGERS = r"(?:[Dd]énommée?s?|[Aa]ppelée?s?|solution|outil|logiciel|progiciel|application|plate-?forme|système)"

#: Well-known products, matched as written (case-sensitive, whole words).
KNOWN_SYSTEMS: tuple[str, ...] = (
    "Active Directory",
    "Amazon Web Services",
    "Azure AD",
    "Citrix",
    "DocuSign",
    "Doctolib",
    "Dropbox",
    "Entra ID",
    "Exchange Online",
    "Exchange",
    "Gmail",
    "Google Workspace",
    "Lotus Notes",
    "Lotus",
    "Microsoft 365",
    "Microsoft Azure",
    "Microsoft Teams",
    "Moodle",
    "Office 365",
    "OneDrive",
    "Outlook",
    "SharePoint",
    "Skype for Business",
    "Skype",
    "Pronote",
    "Salesforce",
    "ServiceNow",
    "Slack",
    "Teams",
    "Webex",
    "WhatsApp",
    "Windows",
    "Zoom",
)

#: Names that are neither bodies nor laws nor software (``MISC``), as printed.
MISC_NAMES: tuple[str, ...] = ("Journal de Monaco", "Journal Officiel")

#: Words that say the capitalised name after them is a company ("la société Genetec",
#: "le prestataire de paiement en ligne Lyra Network").
COMPANY_LEADS: tuple[str, ...] = (
    "société", "sociétés", "entreprise", "prestataire", "éditeur", "fournisseur", "groupe",
    "cabinet", "laboratoire", "start-up", "filiale", "sous-traitant", "hébergeur",
)

#: Words that start an address or a named site ("quai Antoine Ier", "avenue de la Costa",
#: "Stade Louis II"): with the capitalised name after them, a ``LOC``.
ADDRESS_WORDS: tuple[str, ...] = (
    "rue", "avenue", "boulevard", "quai", "place", "chemin", "allée", "impasse", "square",
    "esplanade", "route", "promenade", "montée", "escalier", "stade", "port", "jardin", "parc",
)

#: Places, as printed (``LOC``); a place inside a body's name is part of that name.
PLACES: tuple[str, ...] = (
    "Principauté de Monaco",
    "Monaco-Ville",
    "Monte-Carlo",
    "Fontvieille",
    "La Condamine",
    "Monaco",
    "France",
    "Italie",
    "Suisse",
    "Belgique",
    "Luxembourg",
    "Allemagne",
    "Espagne",
    "Portugal",
    "Royaume-Uni",
    "Irlande",
    "Pays-Bas",
    "Autriche",
    "Danemark",
    "Suède",
    "Norvège",
    "Finlande",
    "Pologne",
    "Grèce",
    "États-Unis",
    "Etats-Unis",
    "Canada",
    "Inde",
    "Chine",
    "Japon",
    "Israël",
    "Tunisie",
    "Maroc",
    "Algérie",
    "Sénégal",
    "Union européenne",
    "Paris",
    "Nice",
    "Marseille",
    "Lyon",
    "Bordeaux",
    "Toulouse",
    "Menton",
    "Beausoleil",
    "Cap-d'Ail",
    "Genève",
    "Lausanne",
    "Zurich",
    "Bâle",
    "Londres",
    "Dublin",
    "Bruxelles",
    "Milan",
    "Rome",
    "Gênes",
    "Turin",
    "Vintimille",
    "San Remo",
    "Francfort",
    "Berlin",
    "Madrid",
    "Lisbonne",
    "Amsterdam",
    "Tunis",
    "New York",
)

#: Civilities before a person's name ("M. Jean Dupont", "Madame Ferrandi").
CIVILITIES: tuple[str, ...] = (
    "M.", "MM.", "Mme", "Mmes", "Mlle", "Monsieur", "Madame", "Mademoiselle", "Dr", "Docteur", "Pr",
    "Professeur", "Maître", "Me",
)

#: Company forms that end a company's name ("Nordhavn Pharma A/S", "Randomix Ltd").
COMPANY_FORMS: tuple[str, ...] = (
    "A/S", "AS", "ASA", "AB", "Oy", "S.A.M.", "SAM", "S.A.", "SA", "SAS", "SARL", "S.à r.l.", "Ltd", "Limited", "Inc.", "Inc",
    "AG", "GmbH", "LLC", "plc", "BV", "B.V.", "NV", "N.V.", "SpA", "S.p.A.", "Srl", "S.r.l.",
)
#: Words that make a capitalised name a company's ("Rocher Finance Holding", "Biolys Analyses").
COMPANY_WORDS: tuple[str, ...] = (
    "Pharma", "Pharmaceuticals", "Holding", "Analyses", "Technologies", "Technology", "Research",
    "Santé", "Services", "Laboratories", "Consulting", "Group", "Groupe", "Finance", "Bank",
    "Capital", "Assurances", "Insurance", "Solutions", "Systems", "Clinical", "Software",
    "Partners", "Conseil", "Informatique", "Telecom", "Médical", "Medical", "Diagnostics",
)

#: Capitalised words that alone do not make a sentence worth the model's time: the
#: Commission itself and words every deliberation capitalises (see ``entities``); a
#: body's head word alone ("cette Direction", "un Service exécutif") counts as one too.
GENERIC_CAPITALS: frozenset[str] = frozenset(
    {
        "Commission",
        "Président",
        "Présidente",
        "Docteur",
        "Professeur",
        "Maître",
        "État",
        "Etat",
        "Etats",
        "États",
        "Principauté",
        "Préambule",
        "Vu",
        "Sur",
        "Article",
        "Loi",
        "Ordonnance",
        "Souveraine",
        "Autorités",
    }
)

#: Technical acronyms of the data lists ("adresse IP", "ID de l'utilisateur"): not names.
TECHNICAL_ACRONYMS: frozenset[str] = frozenset(
    [
        "CRO",
        "ERROR",
        "GET",
        "POST",
        "IRM",
        "CV",
        "OK",
        "RH",
        "TVA",
        "API",
        "CSV",
        "DPO",
        "GPS",
        "HTTP",
        "HTTPS",
        "ID",
        "IP",
        "KPI",
        "MAC",
        "NIR",
        "OS",
        "PC",
        "PDF",
        "QR",
        "RFID",
        "SIM",
        "SMS",
        "SQL",
        "SSO",
        "URL",
        "USB",
        "UTC",
        "VPN",
        "WIFI",
    ]
)
