"""Section VIII "Sur la durée de conservation" → retention rules.

Each case is a French text (one line a paragraph or list item, as after normalisation)
with each expected rule marked, in order, on the words that state its period (or, with no
period, its end or its verb), in the syntax of ``pipeline/testbed/annotations.py``:
``… conservées <rule action=retain duration=P6M data_scope="données">six mois</rule>.``
Only the fields written are checked, under the names of ``RetentionRule`` (``data_scope``,
``duration``, ``duration_min``, ``duration_max``, ``trigger``, ``until``, ``rolling``,
``set_by``, ``action``); the marked words must lie inside the rule's sentence. Anything not
marked must give no rule.
"""

from __future__ import annotations

import pytest

from extractors.retention_rules import extract, extract_closing, merge_rules
from pipeline.testbed.annotations import check_records, parse, plain

SEED_2021_81 = (
    "Les informations relatives aux contacts (destinataires/expéditeurs/contacts des messages), "
    "aux messages, documents de travail et au calendrier répondent à une politique d'<rule "
    'action=archive duration=null set_by=controller data_scope="informations relatives aux '
    "contacts (destinataires/expéditeurs/contacts des messages), aux messages, documents de "
    'travail et au calendrier">archivage</rule>.\n'
    "Les informations d'identité relatives à l'administrateur (identité, vie professionnelle, "
    "coordonnées professionnelles, données d'identification électronique) sont conservées "
    "jusqu'au départ de celui-ci plus <rule action=retain duration=P6M trigger=départ "
    "set_by=controller>6 mois</rule>.\n"
    "Les informations d'identité relatives à l'utilisateur (identité, vie professionnelle, "
    "coordonnées professionnelles, données d'identification électronique) sont conservées "
    "jusqu'au départ de celui-ci plus <rule action=retain duration=P3M trigger=départ "
    "until=null>3 mois</rule>. Il peut retirer sa photo à tout moment.\n"
    "Les autres informations liées à la solution, qui comprennent les données de connexion, les "
    "informations temporelles et les informations en lien avec les messages, sont conservées sur "
    "une période de <rule duration=P12M rolling=true trigger=null>12 mois</rule> glissants.\n"
    "La Commission considère que ces durées de conservation sont conformes aux exigences légales."
)
SEED_2024_165 = (
    "Le responsable de traitement indique que les informations relatives à l'identité, aux "
    "coordonnées, à la vie professionnelle, aux données d'identification électronique, aux "
    "données statistiques et aux informations temporelles concernant les utilisateurs, les "
    "managers et les administrateurs de la solution sont conservées <rule action=retain "
    'duration=null until="tant que l\'utilisateur travaille au sein de la DITN/DSI">tant que '
    "l'utilisateur travaille au sein de la DITN/DSI</rule>.\n"
    "Par ailleurs, les logs système sont supprimés à l'issue d'un délai de <rule "
    'data_scope="logs système" action=delete duration=P2M trigger=null>deux mois</rule>.\n'
    "Enfin, il est précisé que les données des visiteurs de la DITN/DSI sont conservées <rule "
    'data_scope="données des visiteurs de la DITN/DSI" until="tant que le visiteur a un '
    'bureau réservé">tant que le visiteur a un bureau réservé</rule>.\n'
    "La Commission relève que ces délais sont conformes aux exigences légales."
)
SEED_2022_62 = (
    "Les données sont anonymisées de manière automatique au bout d'<rule data_scope=données "
    "action=anonymise duration=P1M>un mois</rule> et purgées après <rule data_scope=données "
    "action=delete duration=P24M>24 mois</rule>, à l'exception des informations relatives aux "
    "agents de l'administration et au prestataire qui sont conservées <rule "
    'data_scope="informations relatives aux agents de l\'administration et au prestataire" '
    'action=retain until="tant que le compte est actif">tant que le compte est actif</rule>.\n'
    "Le responsable de traitement indique, par ailleurs, que les informations temporelles sont "
    'conservées <rule data_scope="informations temporelles" duration=P30D set_by=controller>30 '
    'jours</rule>. À cet égard, la Commission fixe <rule data_scope="informations temporelles" '
    "duration=null duration_min=P3M duration_max=P1Y set_by=commission>de 3 mois minimum à un an "
    "maximum</rule> leur durée de conservation.\n"
    "Sous cette réserve elle considère que ces délais sont conformes aux exigences légales."
)
SEED_2024_9 = (
    "Le responsable de traitement indique que les informations sont conservées comme suit :\n"
    "- en ce qui concerne les informations relatives à l'identité et à la vie professionnelle "
    "des utilisateurs élèves, personnel enseignant ou assimilé, personnel administratif/ "
    'technique les données sont effacées au bout de <rule data_scope="informations relatives à '
    "l'identité et à la vie professionnelle des utilisateurs élèves, personnel enseignant ou "
    'assimilé, personnel administratif/ technique" action=delete duration=P6M trigger=départ '
    "set_by=controller>6 mois</rule> après le départ, et au maximum à la rentrée suivante pour "
    "ceux qui quitteraient les établissements pendant l'année scolaire.\n"
    "Le responsable de traitement précise que ce délai est nécessaire pour s'assurer que le "
    "matériel informatique soit rendu avant que le nom de l'utilisateur ne soit effacé du "
    "système.\n"
    '- les informations temporelles sont conservées <rule data_scope="informations '
    'temporelles" duration=P12M set_by=controller>12 mois</rule>.\n'
    "S'agissant des informations relatives à l'identité et à la vie professionnelle des "
    "utilisateurs élèves, personnel enseignant ou assimilé, personnel administratif/technique, "
    "la Commission estime cette durée trop longue et la fixe, conformément à sa recommandation "
    "n° 2017-206 du 20 décembre 2017, à <rule data_scope=\"informations relatives à l'identité "
    "et à la vie professionnelle des utilisateurs élèves, personnel enseignant ou assimilé, "
    'personnel administratif/technique" duration=P3M trigger=départ set_by=commission>3 '
    "mois</rule> après le départ ces derniers.\n"
    "En conséquence, elle fixe la durée de conservation des logins à <rule data_scope=logins "
    'duration=P3M trigger="départ de la personne" set_by=commission>3 mois</rule> à compter du '
    "départ de la personne.\n"
    "Sous cette réserve, la Commission considère que ces délais sont conformes aux exigences "
    "légales."
)

CASES = [
    pytest.param(SEED_2021_81, id="2021-81"),
    pytest.param(SEED_2024_165, id="2024-165"),
    pytest.param(SEED_2022_62, id="2022-62"),
    pytest.param(SEED_2024_9, id="2024-9"),
    # chained periods are two rules
    pytest.param(
        "Les dossiers sont conservés <rule data_scope=dossiers action=retain duration=P5Y "
        'trigger="fin de la relation contractuelle">5 ans</rule> à compter de la fin de la '
        "relation contractuelle puis archivés <rule data_scope=dossiers action=archive "
        "duration=P10Y trigger=null>10 ans</rule>.",
        id="chained",
    ),
    # durations in words
    pytest.param(
        "Les images sont conservées <rule data_scope=images duration=P2M>deux mois</rule>.\n"
        'Les comptes rendus sont détruits après <rule data_scope="comptes rendus" '
        "action=delete duration=P5Y>cinq ans</rule>.\n"
        'Les données de connexion sont conservées <rule data_scope="données de connexion" '
        "duration=P1Y>un an</rule>.",
        id="words",
    ),
    # early-2010s wording: a single sentence, "durée de conservation" as a noun
    pytest.param(
        "La durée de conservation des informations est de <rule data_scope=informations "
        'action=retain duration=P3Y trigger="date de clôture du dossier" set_by=controller>3 '
        "ans</rule> à compter de la date de clôture du dossier.\n"
        "La Commission considère que cette durée est conforme aux exigences légales.",
        id="2011-noun",
    ),
    pytest.param(
        "Les informations sont conservées <rule data_scope=informations duration=null "
        'until="pendant toute la durée de la relation contractuelle">pendant toute la durée de '
        "la relation contractuelle</rule>.",
        id="until-contract",
    ),
    pytest.param(
        "Le responsable de traitement indique que les informations sont conservées <rule "
        "data_scope=informations duration=P10Y set_by=controller>10 ans</rule>. La Commission "
        "demande que cette durée soit ramenée à <rule data_scope=informations duration=P5Y "
        "set_by=commission>5 ans</rule>.",
        id="commission-shortens",
    ),
    # a list with "-", "•", "–", "o" and ">" bullets, ending ";", "," or "."
    pytest.param(
        "Les informations sont conservées comme suit :\n"
        "- les données d'identification sont conservées <rule data_scope=\"données "
        "d'identification\" duration=P1Y>1 an</rule> ;\n"
        "• les logs sont supprimés au bout de <rule data_scope=logs action=delete duration=P6M>6 "
        "mois</rule>,\n"
        "– les courriels sont archivés <rule data_scope=courriels action=archive duration=P3Y>3 "
        "ans</rule>.\n"
        "o les images sont effacées après <rule data_scope=images action=delete duration=P30D>30 "
        "jours</rule> ;\n"
        "> les badges sont détruits au <rule data_scope=badges action=delete duration=null "
        "trigger=\"départ de l'agent\">départ de l'agent</rule>.",
        id="bullets",
    ),
    # items with no verb, under an intro
    pytest.param(
        "Les durées de conservation sont les suivantes :\n"
        "- identité : <rule data_scope=identité duration=P5Y trigger=départ>5 ans</rule> après "
        "le départ ;\n"
        "- logs : <rule data_scope=logs duration=P1Y>1 an</rule>.",
        id="bare-items",
    ),
    pytest.param(
        "S'agissant des visiteurs, leurs données sont conservées <rule data_scope=visiteurs "
        "duration=P1M>1 mois</rule>.",
        id="topic",
    ),
    pytest.param(
        "Les données relatives aux candidats non retenus sont conservées <rule "
        'data_scope="données relatives aux candidats non retenus" duration=P2Y '
        'trigger="dernier contact">2 ans</rule> à compter du dernier contact.',
        id="retenus-is-not-a-verb",
    ),
    pytest.param(
        "Les données sont conservées <rule data_scope=données action=retain duration=null "
        "until=\"le temps de l'instruction de la demande\">le temps de l'instruction de la "
        "demande</rule> puis <rule data_scope=données action=archive duration=P5Y>5 ans</rule> "
        "en archive.",
        id="en-archive",
    ),
    pytest.param(
        "Les données sont conservées <rule data_scope=visiteurs duration=P6M>6 mois</rule> pour "
        "les visiteurs et <rule data_scope=salariés duration=P1Y>1 an</rule> pour les salariés.",
        id="one-duration-per-group",
    ),
    pytest.param(
        "Le responsable de traitement indique que les données des patients sont conservées <rule "
        'data_scope="données des patients" duration=P15Y trigger="dernière venue">15 '
        "ans</rule> à compter de leur dernière venue, et que les données des visiteurs sont "
        'supprimées au bout de <rule data_scope="données des visiteurs" action=delete '
        "duration=PT48H>48 heures</rule>.",
        id="two-subjects",
    ),
    # a lone bound fills duration too (schema 1.1)
    pytest.param(
        "Les données sont conservées au maximum <rule duration=P6M duration_max=P6M "
        "duration_min=null>6 mois</rule>.",
        id="half-range",
    ),
    # the Commission reports the controller's duration: the rule is the controller's
    pytest.param(
        "La Commission relève que les données sont conservées <rule data_scope=données "
        "duration=P5Y set_by=controller>5 ans</rule>.",
        id="commission-reports",
    ),
    # the Commission only approves or reminds: no row
    pytest.param(
        "La Commission considère que ces durées sont conformes aux exigences légales.",
        id="approval",
    ),
    # the Commission reminding of a period states it as its own (set_by commission)
    pytest.param(
        "La Commission rappelle que les données ne peuvent être conservées au-delà de <rule "
        "data_scope=données duration=P6M duration_max=P6M set_by=commission>6 mois</rule>.",
        id="reminder",
    ),
    pytest.param(
        "",
        id="empty",
    ),
    # --- wordings of the genre beyond the seeds
    pytest.param(
        'Les informations sont conservées <rule action=retain duration=null until="pendant '
        'toute la durée de la relation commerciale">pendant toute la durée de la relation '
        "commerciale</rule> puis archivées <rule data_scope=informations action=archive "
        "duration=P10Y>10 ans</rule>.",
        id="relation-then-archive",
    ),
    pytest.param(
        'Les données des clients sont conservées <rule data_scope="données des clients" '
        'duration=null until="tant que le compte est actif">tant que le compte est '
        "actif</rule>.\n"
        'Les logs de connexion sont conservés <rule data_scope="logs de connexion" '
        "duration=P1Y rolling=true>1 an</rule> glissant.\n"
        "Les images sont conservées <rule data_scope=images duration=null duration_min=P3M "
        "duration_max=P6M>entre 3 et 6 mois</rule>.",
        id="until-rolling-range",
    ),
    # the contract's duration plus a period: the period runs from the contract
    pytest.param(
        "Les données sont conservées pendant la durée du contrat augmentée de <rule "
        'data_scope=données duration=P5Y trigger="durée du contrat" until=null>5 ans</rule>.',
        id="augmentee-de",
    ),
    pytest.param(
        "Les informations sont conservées <rule duration=null trigger=null until=\"jusqu'à "
        "l'extinction des délais de recours\">jusqu'à l'extinction des délais de recours</rule>.",
        id="until-recours",
    ),
    pytest.param(
        "La Commission fixe la durée de conservation à <rule data_scope=null duration=P3M "
        "set_by=commission>3 mois</rule>.",
        id="commission-fixes",
    ),
    pytest.param(
        "Les enregistrements sont conservés <rule duration=P30D>trente jours</rule>.\n"
        "Les données sont conservées <rule duration=P18M>dix-huit mois</rule>.\n"
        'Les données de badge sont conservées <rule data_scope="données de badge" '
        "duration=P1M>un mois</rule>.\n"
        "Les pièces justificatives sont conservées <rule duration=P10Y>dix (10) ans</rule>.",
        id="numbers-in-words",
    ),
    # deletion at an event, without a period
    pytest.param(
        "Les données sont effacées dès la <rule data_scope=données action=delete duration=null "
        'trigger="fin de la relation contractuelle">fin de la relation contractuelle</rule>.',
        id="des-la-fin",
    ),
    # an elided verb: "et les logs [sont conservés] 6 mois"
    pytest.param(
        "Les données sont conservées <rule data_scope=données duration=P1Y>1 an</rule> et les "
        "logs <rule data_scope=logs duration=P6M>6 mois</rule>.",
        id="ellipsis",
    ),
    # … and the event belongs to its own duration only
    pytest.param(
        'Les données sont conservées <rule data_scope=données duration=P5Y trigger="fin de la '
        'relation contractuelle">5 ans</rule> à compter de la fin de la relation contractuelle, '
        'et les données de connexion <rule data_scope="données de connexion" duration=P1Y '
        "trigger=null>1 an</rule>.",
        id="ellipsis-trigger",
    ),
    pytest.param(
        "La Commission considère que la durée de conservation des images ne saurait excéder 1 "
        "mois et la fixe à <rule data_scope=images duration=P30D set_by=commission>30 "
        "jours</rule>.",
        id="commission-scope-before-fixe",
    ),
    pytest.param(
        "La Commission demande que les images soient conservées <rule data_scope=images "
        "duration=P1M duration_max=P1M set_by=commission>un mois</rule> maximum.",
        id="commission-subject",
    ),
    pytest.param(
        "Les données sont conservées pour une durée maximale de <rule duration=P6M "
        "duration_min=null duration_max=P6M>6 mois</rule>.",
        id="duree-maximale",
    ),
    pytest.param(
        "Les durées de conservation sont les suivantes :\n"
        "- données d'identification : <rule data_scope=\"données d'identification\" duration=P1M "
        'trigger="fin du contrat">1 mois</rule> à compter de la fin du contrat ;\n'
        '- logs de connexion : <rule data_scope="logs de connexion" duration=P1Y '
        "rolling=true>1 an</rule> glissant ;\n"
        '- données de facturation : <rule data_scope="données de facturation" duration=P10Y '
        "rolling=false>10 ans</rule>.",
        id="bare-items-trigger-rolling",
    ),
    # --- schema 1.1 families, in wordings of their own
    # a lone bound fills duration and the bound
    pytest.param(
        "Les relevés de badge sont conservés pendant une durée qui ne saurait excéder "
        '<rule data_scope="relevés de badge" duration=P4M duration_max=P4M duration_min=null>quatre mois</rule>.',
        id="lone-ceiling",
    ),
    pytest.param(
        "Art. 3. – Les pièces du marché sont conservées pendant une durée minimale de "
        '<rule data_scope="pièces du marché" duration=P10Y duration_min=P10Y>dix ans</rule>.',
        id="lone-floor-after-header",
    ),
    # a later phase with no period of its own is a row
    pytest.param(
        "Les fiches d'inscription sont conservées <rule action=retain duration=P1Y>un an</rule> après la fin du "
        'stage, puis <rule action=anonymise duration=null data_scope="fiches d\'inscription">anonymisées</rule>.',
        id="phase-after-puis",
    ),
    pytest.param(
        "Les captures d'écran sont conservées <rule duration=P7D>sept jours</rule>. À l'issue de ce délai, elles "
        'sont <rule action=delete duration=null data_scope="captures d\'écran">effacées</rule>.',
        id="phase-pronoun-next-sentence",
    ),
    # a period given in the next sentence
    pytest.param(
        "Les données de géolocalisation des véhicules sont conservées pour une durée limitée. Cette durée ne "
        'peut dépasser <rule data_scope="données de géolocalisation des véhicules" duration=P2M '
        "duration_max=P2M>deux mois</rule>.",
        id="period-next-sentence",
    ),
    # the event's whole noun phrase, the first of two events
    pytest.param(
        "Les dossiers sont conservés <rule duration=P3Y trigger=\"clôture définitive du dossier avec "
        "l'usager\">trois ans</rule> après la clôture définitive du dossier avec l'usager.",
        id="trigger-inner-preposition",
    ),
    pytest.param(
        "Les comptes sont supprimés <rule action=delete trigger=\"fin de la période d'essai\">dès la fin de la "
        "période d'essai</rule> ou, à défaut, dès la résiliation.",
        id="trigger-first-of-two",
    ),
    # N calendar years from an event
    pytest.param(
        "Les justificatifs sont conservés <rule duration=P3Y trigger=versement>jusqu'à la fin de la troisième "
        "année suivant leur versement</rule>.",
        id="nth-year-following",
    ),
    # the scope without what stands before it, and the object of an active verb
    pytest.param(
        "Au terme de la saison, les licences des adhérents sont <rule action=delete "
        'data_scope="licences des adhérents">supprimées</rule> sans délai.',
        id="scope-lead-in",
    ),
    pytest.param(
        "Le club conserve les certificats médicaux des licenciés pendant <rule action=retain "
        'data_scope="certificats médicaux des licenciés" duration=P1Y>un an</rule>.',
        id="scope-object",
    ),
    # another authority is not the Commission; the Commission's own view is
    pytest.param(
        "Les images sont conservées <rule set_by=controller duration=P15D>quinze jours</rule>, sauf réquisition de "
        "l'autorité judiciaire.",
        id="other-authority",
    ),
    pytest.param(
        "La Commission considère que les journaux d'accès peuvent être gardés <rule set_by=commission "
        'data_scope="journaux d\'accès" duration=P6M>six mois</rule>.',
        id="commission-view",
    ),
    # a restatement is no new rule; an item without a verb is one
    pytest.param(
        "Les courriels sont conservés <rule duration=P2Y>deux ans</rule> ; ce délai de deux ans correspond à la "
        "durée de la prescription.",
        id="restatement",
    ),
    pytest.param(
        '• Journaux du pare-feu : <rule data_scope="Journaux du pare-feu" duration=P3M duration_max=P3M>3 mois'
        "</rule> au plus",
        id="item-without-verb",
    ),
    # the archive phase's period after "en archivage", one archive row for "conservées en archivage"
    pytest.param(
        "Les bulletins sont conservés en base active <rule action=retain duration=P1Y>pendant un an</rule>, puis "
        '<rule action=archive duration=P5Y data_scope="bulletins">en archivage intermédiaire pendant cinq ans'
        "</rule>.",
        id="archive-period-after-marker",
    ),
    pytest.param(
        "Les pièces comptables sont conservées en base active <rule action=retain duration=null "
        "until=\"jusqu'à la clôture de l'exercice\">jusqu'à la clôture de l'exercice</rule>. Elles sont ensuite "
        '<rule action=archive duration=P6Y data_scope="pièces comptables">conservées en archivage pendant six ans'
        "</rule>.",
        id="retained-in-archive-is-one-archive",
    ),
    # a relative pronoun's "elles" takes the running scope
    pytest.param(
        "Les plans de badge sont conservés <rule action=retain duration=P3M>trois mois</rule>, au terme desquels "
        'elles sont <rule action=delete data_scope="plans de badge">purgées</rule>.',
        id="relative-pronoun-scope",
    ),
    # the Commission's view in a sentence that starts with "Elle", "dans la limite de" is no fixing
    pytest.param(
        "La Commission observe que le projet ne dit rien des sauvegardes. Elle estime que ces sauvegardes "
        'devraient être gardées <rule set_by=commission data_scope="sauvegardes" duration=P3M>trois mois</rule>.',
        id="commission-elle-estime",
    ),
    pytest.param(
        "La Commission considère que les enregistrements audio pourraient être conservés dans la limite de "
        '<rule set_by=commission data_scope="enregistrements audio" duration=P1M duration_max=P1M>un mois</rule>.',
        id="commission-dans-la-limite",
    ),
    # deletion at an event: the event is the trigger, "expiration" included
    pytest.param(
        "Elle considère que les copies d'examen doivent être détruites <rule set_by=commission action=delete "
        "duration=null trigger=\"expiration du délai de réclamation\">à l'expiration du délai de "
        "réclamation</rule>.",
        id="delete-at-expiration",
    ),
    # a deadline to notify is no retention
    pytest.param(
        "La Commission rappelle que toute fuite de données doit être signalée à l'Autorité au plus tard "
        "trois jours après sa découverte.",
        id="notification-deadline-is-no-rule",
    ),
    # an open condition, then a period from its end: two phases; "au plus tard" is no "plus N"
    pytest.param(
        "Les profils sont conservés <rule duration=null until=\"tant que l'adhérent reste inscrit\">tant "
        "que l'adhérent reste inscrit</rule>, puis <rule duration=P6M trigger=\"désinscription de l'adhérent\" "
        "until=null>six mois</rule> après la désinscription de l'adhérent.",
        id="until-then-period-one-row",
    ),
    pytest.param(
        "Les fiches sont conservées <rule duration=P3Y duration_max=P3Y trigger=\"fin de la formation\" "
        "until=\"pendant la durée nécessaire au suivi du stagiaire\">pendant la durée nécessaire au suivi du "
        "stagiaire, et au plus tard trois ans</rule> après la fin de la formation.",
        id="until-capped-au-plus-tard",
    ),
    pytest.param(
        "Les dossiers fiscaux sont conservés <rule duration=null until=\"pour la durée de la prescription "
        "décennale\">pour la durée de la prescription décennale</rule>.",
        id="until-pour-la-duree",
    ),
    # an archive noun phase; a verbless label with a colon must not be a verb clause
    pytest.param(
        "Les dossiers sont conservés <rule action=retain duration=P4Y>quatre ans</rule>. Au terme de ce délai, "
        '<rule action=archive data_scope="dossiers">ils font l\'objet d\'un versement aux archives</rule> '
        "communales.",
        id="versement-aux-archives",
    ),
    pytest.param(
        "Votre préférence est enregistrée pour trois mois : passé ce délai, la question vous sera reposée.",
        id="a-clause-with-a-colon-is-no-label",
    ),
    # an item whose period is an open condition takes the intro's subject
    pytest.param(
        "Les justificatifs sont conservés :\n"
        '1° Pour les bénéficiaires, <rule data_scope="justificatifs" until="jusqu\'à la fin de leur droit">'
        "jusqu'à la fin de leur droit</rule> ;\n"
        '2° Pour les autres demandeurs, <rule data_scope="justificatifs" duration=P1Y>pendant un an</rule>.',
        id="item-until-intro-subject",
    ),
    # a relative clause inside the subject stays; one set off by commas goes
    pytest.param(
        'Les copies des candidats auxquels un diplôme a été délivré sont conservées <rule data_scope="copies des '
        'candidats auxquels un diplôme a été délivré" duration=P1Y>un an</rule>.',
        id="relative-inside-subject",
    ),
    pytest.param(
        "Les relevés horaires, qui récapitulent les heures travaillées, sont conservés <rule data_scope=\"relevés "
        'horaires" duration=P2Y duration_min=P2Y>deux ans au moins</rule>.',
        id="relative-incise-and-floor-after",
    ),
    # "jusqu'à leur départ … plus N"; "pendant l'année scolaire en cours"
    pytest.param(
        "Les badges des stagiaires sont désactivés puis conservés <rule duration=P1M trigger=\"fin de stage au "
        "sein du service\">jusqu'à leur fin de stage au sein du service plus un mois</rule>.",
        id="trigger-after-possessive",
    ),
    pytest.param(
        "La fiche sanitaire est conservée <rule action=retain until=\"pendant l'année scolaire en cours\">pendant "
        "l'année scolaire en cours</rule>, puis <rule action=delete>détruite</rule>.",
        id="until-current-year",
    ),
    # an active infinitive with no limit, then the Commission fixing "la" (that period)
    pytest.param(
        "Le responsable indique conserver <rule action=retain data_scope=\"listes d'émargement\" duration=null>les "
        "listes d'émargement sans limitation de durée</rule>. La Commission estime qu'une telle durée est "
        'excessive et la fixe à <rule set_by=commission data_scope="listes d\'émargement" duration=P2Y>deux ans'
        "</rule>.",
        id="unlimited-object-then-fixed",
    ),
    # an object pronoun before an active verb: the topic
    pytest.param(
        "S'agissant des enregistrements vocaux, la société indique les garder <rule data_scope=\"enregistrements "
        'vocaux" duration=P3M>trois mois</rule>.',
        id="clitic-topic",
    ),
    # a floor, then a ceiling on "cette durée": one range
    pytest.param(
        "Les pièces sont conservées pendant une durée minimale de deux ans ; cette durée ne peut toutefois "
        '<rule duration=null duration_min=P2Y duration_max=P4Y data_scope="pièces">excéder quatre ans</rule>.',
        id="floor-then-ceiling-one-range",
    ),
    # dev5 families, in other words
    pytest.param(
        "Les dossiers sont maintenus en base active <rule action=retain duration=P1Y trigger=clôture>un an</rule> "
        "après leur clôture, puis <rule action=archive duration=P4Y data_scope=dossiers>placés en archives "
        "intermédiaires durant quatre ans</rule>.",
        id="maintenus-en-base",
    ),
    pytest.param(
        "Le club procède à la destruction des certificats médicaux <rule action=delete duration=P1Y "
        'data_scope="certificats médicaux">à l\'issue d\'un délai d\'un an</rule>.',
        id="nominal-action-complement",
    ),
    pytest.param(
        "Les bandes sont conservées <rule duration=P15D>quinze jours</rule>, sauf incident, auquel cas elles sont "
        '<rule data_scope=bandes until="jusqu\'à la clôture de l\'enquête">conservées jusqu\'à la clôture de '
        "l'enquête</rule>.",
        id="auquel-cas",
    ),
    pytest.param(
        'Les fiches de liaison sont conservées <rule until="pour l\'année scolaire en cours">pour l\'année '
        "scolaire en cours</rule>.",
        id="pour-annee-en-cours",
    ),
    pytest.param(
        "Les informations sont conservées :\n"
        '- pour les dossiers d\'adhésion : <rule data_scope="dossiers d\'adhésion" until="durée de '
        "l'adhésion\">durée de l'adhésion</rule> ;\n"
        '- pour les reçus fiscaux : <rule data_scope="reçus fiscaux" duration=P6Y>six ans</rule>.',
        id="item-duree-de-la",
    ),
    pytest.param(
        "Les cookies de mesure sont conservés <rule duration=P13M duration_max=P13M>treize mois au maximum"
        '</rule>, et les statistiques qu\'ils produisent <rule data_scope="statistiques qu\'ils produisent" '
        "duration=P25M>vingt-cinq mois</rule>.",
        id="bound-then-elided-group",
    ),
    pytest.param(
        "Les dossiers sont archivés <rule action=archive duration=P2Y trigger=\"jour où la décision est devenue "
        'définitive">deux ans</rule> à compter du jour où la décision est devenue définitive.',
        id="trigger-ou-clause",
    ),
    pytest.param(
        "Les enregistrements d'appels sont conservés <rule duration=P3M>trois mois</rule>. La Commission demande "
        'que ces enregistrements soient <rule set_by=commission data_scope="enregistrements d\'appels" '
        "duration=P1M duration_max=P1M>conservés au plus un mois</rule>.",
        id="demonstrative-takes-the-name",
    ),
    pytest.param(
        "Les fiches de présence et les feuilles d'émargement sont conservées respectivement <rule "
        'data_scope="fiches de présence" duration=P1Y>un an</rule> et <rule data_scope="feuilles d\'émargement" '
        "duration=P3Y>trois ans</rule>.",
        id="respectivement",
    ),
    # the antecedent of "qui" after a verb; "des" after a noun is its complement
    pytest.param(
        "Le portail enregistre des traces de navigation qui sont conservées <rule data_scope=\"traces de "
        "navigation\" duration=P3M>trois mois</rule>, ainsi que des statistiques <rule action=anonymise "
        'data_scope="statistiques" trigger="fin du mois">anonymisées</rule> dès la fin du mois.',
        id="antecedent-after-a-verb",
    ),
    pytest.param(
        "Les badges des visiteurs et des prestataires qui sont conservés <rule data_scope=\"badges des "
        'visiteurs et des prestataires" duration=P1M>un mois</rule>.',
        id="antecedent-with-genitive-des",
    ),
    # a noun marker's "de" + a period is the period, not what is kept
    pytest.param(
        "Les relevés de badgeage font l'objet d'une conservation de <rule data_scope=\"relevés de badgeage\" "
        "duration=P2Y>deux ans</rule>. Les plannings ont une durée de conservation d'<rule data_scope=plannings "
        "duration=P1Y>un an</rule>.",
        id="nominal-period-after-de",
    ),
    # an explanation after "à savoir", "notamment" is not part of the scope
    pytest.param(
        "Les données de géolocalisation, notamment la position, la vitesse et l'heure, sont conservées <rule "
        'data_scope="données de géolocalisation" duration=P2M>deux mois</rule>.',
        id="scope-without-its-examples",
    ),
    # ", ainsi qu'aux X" continues the subject
    pytest.param(
        "Les informations relatives aux adhérents, ainsi qu'à leurs ayants droit, sont conservées <rule "
        "data_scope=\"informations relatives aux adhérents, ainsi qu'à leurs ayants droit\" duration=P5Y>cinq "
        "ans</rule>.",
        id="ainsi-qu-a-in-the-subject",
    ),
    # a clause of condition where the subject would stand: the previous scope holds
    pytest.param(
        "Les comptes sont <rule data_scope=comptes until=\"tant que l'abonné reste inscrit\">conservés</rule> "
        "tant que l'abonné reste inscrit, puis <rule action=delete data_scope=comptes duration=P1Y>supprimés un "
        "an</rule> après sa désinscription.",
        id="condition-clause-is-no-subject",
    ),
    # the subject after the period
    pytest.param(
        "Sont conservées pendant <rule data_scope=\"pièces justificatives des remboursements\" "
        "duration=P10Y>dix ans</rule> les pièces justificatives des remboursements.",
        id="inverted-subject",
    ),
    # alternatives are one trigger; "au terme de", "à l'issue de" are part of it
    pytest.param(
        "Les dossiers sont supprimés <rule action=delete duration=P2Y trigger=\"clôture du dossier ou le décès du "
        'bénéficiaire">deux ans</rule> après la clôture du dossier ou le décès du bénéficiaire.',
        id="alternative-events",
    ),
    pytest.param(
        "Au terme de la convention de stage, les évaluations sont conservées <rule data_scope=évaluations "
        'duration=P1Y trigger="terme de la convention de stage">un an</rule>. À l\'issue de ce délai, elles sont '
        '<rule action=delete data_scope=évaluations trigger=null>supprimées</rule>.',
        id="fronted-event",
    ),
    # "jusqu'à N après X" is until a date: a plain period; a bound set off by commas;
    # an until stops before "et au plus"
    pytest.param(
        "Le registre contient des déclarations d'incident, qui sont conservées <rule data_scope=\"déclarations "
        "d'incident\" duration=P3Y>trois ans</rule>, et des synthèses.",
        id="antecedent-before-comma-qui",
    ),
    pytest.param(
        "Il indique que le code d'accès est généré à chaque visite et n'est pas conservé <rule data_scope=\"code "
        'd\'accès" duration=PT48H duration_max=PT48H>plus de 48 heures</rule>.',
        id="second-predicate-of-the-same-subject",
    ),
    pytest.param(
        "À l'expiration du bail, les pièces du locataire sont <rule action=archive data_scope=\"pièces du locataire\" "
        'trigger="expiration du bail">archivées</rule>.',
        id="fronted-event-without-period",
    ),
    pytest.param(
        "Les factures sont <rule data_scope=factures duration=null>conservées</rule> conformément à la politique "
        "d'archivage du groupe.",
        id="kept-under-an-archiving-policy",
    ),
    # "celles …", "ceux …": the head of the group named before
    pytest.param(
        "Les relevés de présence des élèves sont conservés <rule duration=P1Y>un an</rule>. Ceux relatifs aux "
        "sorties scolaires sont <rule action=delete data_scope=\"relevés de présence relatifs aux sorties scolaires\" "
        'trigger="fin de la sortie">supprimés</rule> dès la fin de la sortie.',
        id="demonstrative-takes-the-head",
    ),
    pytest.param(
        "Les fiches des adhérents sont conservées pendant au moins <rule duration=P3Y duration_min=P3Y "
        'trigger="fin de l\'adhésion">trois ans</rule> à compter de la fin de l\'adhésion, et celles des bénévoles '
        'pendant <rule data_scope="fiches des bénévoles" duration=P1Y trigger=départ>un an</rule> à compter de leur '
        "départ.",
        id="elided-group-with-its-own-event",
    ),
    # "après celle-ci", "à compter de cette date": the event the open condition named
    pytest.param(
        "Les cartes sont <rule until=\"jusqu'à la fin du contrat\">conservées</rule> jusqu'à la fin du contrat, puis "
        '<rule action=archive duration=P2Y trigger="fin du contrat">archivées deux ans</rule> à compter de cette date.',
        id="period-from-the-event-said-before",
    ),
    pytest.param(
        "Les questionnaires sont conservés <rule duration=P18M duration_max=null until=null trigger=\"fin de "
        'l\'enquête">jusqu\'à dix-huit mois</rule> après la fin de l\'enquête.',
        id="jusqu-a-a-period",
    ),
    pytest.param(
        "Les enregistrements sont conservés <rule duration=P6M duration_max=P6M>jusqu'à six mois</rule>.",
        id="jusqu-a-alone-a-ceiling",
    ),
    # a group elided before an open condition; a period before "en archives", its event after
    pytest.param(
        "Les images sont conservées <rule data_scope=images duration=P1M>un mois</rule>, et celles des incidents "
        '<rule data_scope="images des incidents" until="jusqu\'à la clôture de l\'enquête">jusqu\'à la clôture de '
        "l'enquête</rule>.",
        id="elided-group-until",
    ),
    pytest.param(
        "Les dossiers sont conservés <rule until=\"pendant toute la durée du contrat\">pendant toute la durée du "
        'contrat</rule>, puis <rule action=archive duration=P5Y trigger="fin du contrat">cinq ans en archives '
        "intermédiaires</rule> à compter de la fin du contrat.",
        id="period-before-en-archives-event-after",
    ),
    # events: "à leur départ de …", "à l'issue de chaque …"; "une durée minimale de N et
    # maximale de M" is one range; ", quelle que soit …" leaves the scope
    pytest.param(
        "Les badges sont <rule action=delete trigger=\"départ de l'entreprise\">effacés</rule> à leur départ "
        "de l'entreprise. Les brouillons sont <rule action=delete data_scope=brouillons trigger=\"issue de chaque "
        'session">supprimés</rule> à l\'issue de chaque session.',
        id="events-a-leur-depart-de-chaque",
    ),
    pytest.param(
        "Les journaux sont conservés pendant une durée <rule duration_min=P3M duration_max=P6M duration=null>minimale "
        "de trois mois et maximale de six mois</rule>.",
        id="minimale-et-maximale",
    ),
    pytest.param(
        "La Commission <rule set_by=commission data_scope=enregistrements duration=P15D>fixe à 15 jours</rule> la "
        "durée de conservation des enregistrements, quel que soit le site.",
        id="quel-que-soit-leaves-the-scope",
    ),
    # "au-delà du temps nécessaire à …" is no event: the Commission's reminder gives no row
    pytest.param(
        "La Commission rappelle que la copie ne doit pas être conservée au-delà du temps nécessaire à la "
        "vérification.",
        id="the-time-needed-is-no-event",
    ),
    # "cette copie … fixe sa durée": the sentence's own subject, named in full before
    pytest.param(
        "Les bulletins sont conservés <rule data_scope=bulletins duration=P5Y>cinq ans</rule>. S'agissant de la "
        "copie du permis de conduire, elle est versée au dossier. La Commission rappelle que, conformément à sa "
        "recommandation, cette copie ne doit être conservée que le temps nécessaire à la vérification et "
        '<rule set_by=commission data_scope="copie du permis de conduire" duration=P1M duration_max=P1M>fixe sa '
        "durée de conservation à un mois au plus</rule>.",
        id="its-duration-is-the-subject-s",
    ),
    pytest.param(
        "La Commission estime que la conservation des relevés de badge pendant deux ans n'est pas justifiée et "
        '<rule set_by=commission data_scope="relevés de badge" duration=P3M duration_max=P3M>fixe leur durée de '
        "conservation à trois mois au plus</rule>.",
        id="their-duration-is-the-conservation-s",
    ),
    pytest.param(
        # (a condition capped by a ceiling: one row)
        "Les données des bénévoles sont conservées pendant la durée de leur engagement et, au maximum, pendant "
        '<rule until="pendant la durée de leur engagement" duration=P3Y duration_max=P3Y trigger=fin>trois '
        "ans</rule> après la fin de celui-ci.",
        id="bound-set-off-by-commas",
    ),
]


@pytest.mark.parametrize("annotated", CASES)
def test_section(annotated: str) -> None:
    text, marks = parse(annotated)
    check_records(text, extract(text).tables.get("retention_rules", []), marks, span="within")


def test_offsets_point_to_raw() -> None:
    text = plain(SEED_2022_62)
    for rule in extract(text).tables["retention_rules"]:
        assert text[rule.start : rule.end].startswith(rule.raw)


CLOSING_2022_62 = (
    "Après en avoir délibéré, la Commission :\n"
    'Fixe <rule data_scope="informations temporelles" duration_min=P3M duration_max=P1Y '
    "set_by=commission>de 3 mois minimum à un an maximum</rule> la durée de conservation des "
    "informations temporelles.\n"
    "Sous le bénéfice de la prise en compte de ce qui précède,"
)
CLOSING_2024_9 = (
    "Après en avoir délibéré, la Commission :\n"
    "Estime trop longue la durée de conservation s'agissant des informations relatives à "
    "l'identité.\n"
    "Fixe la durée de conservation s'agissant des informations relatives à l'identité et à la "
    "vie professionnelle des utilisateurs élèves, personnel enseignant ou assimilé, personnel "
    "administratif/ technique à <rule data_scope=\"informations relatives à l'identité et à la "
    "vie professionnelle des utilisateurs élèves, personnel enseignant ou assimilé, personnel "
    'administratif/ technique" duration=P3M trigger=départ set_by=commission>3 mois</rule> '
    "après le départ ces derniers.\n"
    "Rappelle que les logs ne peuvent être conservés plus d'un an."
)


@pytest.mark.parametrize(
    "annotated",
    [
        CLOSING_2022_62,
        CLOSING_2024_9,
        "Demande que les images soient supprimées au bout de <rule action=delete "
        "duration=P15D>15 jours</rule>.",
        "Rappelle que les données doivent être conservées 1 an.",
        # "celle des X": the second period's own group
        "Fixe à <rule data_scope=\"fiches d'inscription\" duration=P2Y set_by=commission>deux ans</rule> la durée "
        "de conservation des fiches d'inscription, et à <rule data_scope=\"photographies\" duration=P6M "
        "set_by=commission>six mois</rule> celle des photographies.",
    ],
)
def test_closing(annotated: str) -> None:
    text, marks = parse(annotated)
    closing = extract_closing(text)
    assert closing.issues == []
    check_records(text, closing.tables["retention_rules"], marks, span="within")


@pytest.mark.parametrize(
    ("section", "closing", "kept_from_closing"),
    [
        (
            SEED_2022_62,
            CLOSING_2022_62,
            0,
        ),  # the range is fixed in VIII and repeated in the closing part
        (SEED_2024_9, CLOSING_2024_9, 0),
        (SEED_2024_165, CLOSING_2022_62, 1),  # only the closing part fixes it
        ("", CLOSING_2024_9, 1),
    ],
)
def test_merge_rules(section: str, closing: str, kept_from_closing: int) -> None:
    section_rules = extract(plain(section)).tables.get("retention_rules", [])
    merged = merge_rules(section_rules, extract_closing(plain(closing)).tables["retention_rules"])
    assert merged[: len(section_rules)] == section_rules
    assert len(merged) - len(section_rules) == kept_from_closing


def test_merge_keeps_controller_rules() -> None:
    """A controller's duration equal to the closing's is not a Commission fix: keep both."""
    section = extract("Les informations temporelles sont conservées 3 mois.").tables[
        "retention_rules"
    ]
    closing = extract_closing(
        "Fixe à 3 mois la durée de conservation des informations temporelles."
    ).tables["retention_rules"]
    assert len(merge_rules(section, closing)) == 2
