"""Whole deliberations of other periods and layouts than the seeds, read end to end.

Each variant is a synthetic but realistic text rendering (title on the first line, then
the body, one paragraph a line) written from the genre: 2009–2011 titles without the
authority, lower-case names, "demande modificative", 2016 "mise en œuvre de la
modification", APDP 2025 bodies saying "l'Autorité", unfavourable opinions, refusals,
headings printed in other ways, missing or reordered sections, signature lines.
For each, ``process`` must give the facts listed beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest

from pipeline.build.corpus import process
from pipeline.build.inputs import InputDocument

P, L, D, R, A, IC, S, RT = (
    "purpose",
    "lawfulness",
    "data",
    "rights",
    "recipients",
    "interconnections",
    "security",
    "retention",
)
ALL = [P, L, D, R, A, IC, S, RT]

VISAS_1165 = [
    "Vu la Constitution ;",
    "Vu la loi n° 1.165 du 23 décembre 1993 relative à la protection des informations nominatives, modifiée ;",
    "Vu l'Ordonnance Souveraine n° 2.230 du 19 juin 2009 fixant les modalités d'application de la loi "
    "n° 1.165 du 23 décembre 1993, modifiée, susvisée ;",
]
VISAS_1565 = [
    "Vu la Constitution ;",
    "Vu la loi n° 1.565 du 3 décembre 2024 relative à la protection des données personnelles ;",
    "Vu la délibération n° 2011-82 du 21 octobre 2011 portant recommandation sur les principes européens "
    "applicables aux traitements automatisés d'informations nominatives ;",
]


@dataclass(frozen=True)
class Variant:
    lines: list[str]
    deliberation_id: str
    adopted_on: date
    authority: str
    decision: str
    controller: str | None
    purpose: str | None
    kinds: list[str]
    verbs: list[str]
    conditional: bool | None = None
    modification: bool = False
    extra: dict = field(default_factory=dict)


def sections_of(*heads: tuple[str, str]) -> list[str]:
    """Numbered headings, each followed by a body paragraph."""
    out = []
    for heading, body in heads:
        out += [heading, body]
    return out


STANDARD_BODY = sections_of(
    (
        "I. Sur la finalité et les fonctionnalités du traitement",
        "Le traitement a pour finalité « Gestion des dossiers ». Il concerne les administrés.",
    ),
    (
        "II. Sur la licéité et la justification du traitement",
        "Le traitement est justifié par le respect d'une obligation légale à laquelle est soumis le responsable.",
    ),
    (
        "III. Sur les informations nominatives traitées",
        "Les informations traitées sont : identité, coordonnées, situation de famille.",
    ),
    (
        "IV. Sur les droits des personnes concernées",
        "Le droit d'accès s'exerce par voie postale auprès du service.",
    ),
    (
        "V. Sur les destinataires et les personnes ayant accès au traitement",
        "Les informations ne sont communiquées à aucun destinataire extérieur.",
    ),
    (
        "VI. Sur les rapprochements et interconnexions",
        "Le traitement n'est ni interconnecté ni rapproché avec d'autres traitements.",
    ),
    (
        "VII. Sur la sécurité du traitement et des informations",
        "Les mesures de sécurité n'appellent pas d'observation.",
    ),
    (
        "VIII. Sur la durée de conservation",
        "Les informations sont conservées 5 ans à compter de la clôture du dossier.",
    ),
)

VARIANTS = {
    # 2009–2011: no authority in the title, "sur la demande présentée par", two-digit number;
    # headings "I. - Sur …", no "Préambule" word, the opinion in the closing line itself.
    "2010_demande_presentee": Variant(
        lines=[
            "Délibération n° 10-23 du 15 mars 2010 portant avis favorable sur la demande présentée par le Centre "
            "Hospitalier Princesse Grace relative au traitement automatisé d'informations nominatives ayant pour "
            "finalité « Gestion du dossier patient informatisé »",
            *VISAS_1165,
            "Vu la demande d'avis déposée par le Centre Hospitalier Princesse Grace le 12 janvier 2010 ;",
            "Vu le rapport de la Commission de Contrôle des Informations Nominatives en date du 15 mars 2010 ;",
            "La Commission de Contrôle des Informations Nominatives,",
            "Le Centre Hospitalier Princesse Grace est un établissement public.",
            *sections_of(
                (
                    "I. - Sur la finalité et les fonctionnalités du traitement",
                    "Le traitement a pour finalité « Gestion du dossier patient informatisé ».",
                ),
                (
                    "II. - Sur la licéité et la justification du traitement",
                    "Le traitement est justifié par un motif d'intérêt public.",
                ),
                (
                    "III. - Sur les informations traitées",
                    "Les informations traitées sont : identité, santé.",
                ),
                (
                    "IV. - Sur les droits des personnes concernées",
                    "Le droit d'accès s'exerce sur place.",
                ),
                (
                    "V. - Sur les destinataires et les personnes ayant accès au traitement",
                    "Les médecins du service ont accès au traitement.",
                ),
                (
                    "VI. - Sur la sécurité du traitement et des informations",
                    "Les mesures de sécurité n'appellent pas d'observation.",
                ),
                ("VII. - Sur la durée de conservation", "Les informations sont conservées 20 ans."),
            ),
            "Après en avoir délibéré, la Commission :",
            "Demande que les personnes concernées soient informées par un affichage dans les locaux ;",
            "Émet un avis favorable à la mise en œuvre, par le Centre Hospitalier Princesse Grace, du traitement "
            "automatisé d'informations nominatives ayant pour finalité « Gestion du dossier patient informatisé ».",
            "Le Président de la Commission de Contrôle des Informations Nominatives.",
        ],
        deliberation_id="2010-23",
        adopted_on=date(2010, 3, 15),
        authority="CCIN",
        decision="avis_favorable",
        controller="Centre Hospitalier Princesse Grace",
        purpose="Gestion du dossier patient informatisé",
        kinds=["visas", "preamble", P, L, D, R, A, S, RT, "decision"],
        verbs=["demande"],
        conditional=False,
    ),
    # 2012–2014: the name in lower case, "demande modificative"; headings "I. - " and "II.  ".
    "2013_modificative_lower_case": Variant(
        lines=[
            "Délibération n° 2013-45 du 22 avril 2013 de la commission de contrôle des informations nominatives "
            "portant avis favorable sur la demande modificative présentée par la Société des Bains de Mer et du "
            "Cercle des Étrangers à Monaco relative au traitement automatisé d'informations nominatives ayant pour "
            "finalité « Vidéosurveillance des établissements de jeux »",
            *VISAS_1165,
            "Vu la délibération n° 2010-13 du 3 mai 2010 portant recommandation sur les dispositifs de "
            "vidéosurveillance mis en œuvre par les personnes physiques ou morales de droit privé ;",
            "La Commission de Contrôle des Informations Nominatives,",
            "Préambule",
            "La Société des Bains de Mer souhaite modifier le traitement ayant pour finalité « Vidéosurveillance ».",
            "Ce traitement a reçu un avis favorable de la Commission par délibération n° 09-21 du 14 décembre 2009.",
            "I. - Sur la finalité et les fonctionnalités du traitement",
            "Le traitement modifié a pour finalité « Vidéosurveillance des établissements de jeux ».",
            "II.  Sur la licéité et la justification du traitement",
            "Le traitement est justifié par la réalisation d'un intérêt légitime poursuivi par le responsable.",
            *STANDARD_BODY[4:],
            "Après en avoir délibéré, la Commission :",
            "Rappelle que les caméras ne doivent pas filmer les postes de travail de manière permanente ;",
            "Demande que les personnes concernées soient informées par un affichage approprié ;",
            "Sous le bénéfice de la prise en compte de ce qui précède,",
            "la Commission de Contrôle des Informations Nominatives émet un avis favorable à la modification du "
            "traitement automatisé d'informations nominatives ayant pour finalité « Vidéosurveillance des "
            "établissements de jeux », présenté par la Société des Bains de Mer.",
            "Le Président de la Commission de Contrôle des Informations Nominatives.",
        ],
        deliberation_id="2013-45",
        adopted_on=date(2013, 4, 22),
        authority="CCIN",
        decision="avis_favorable",
        controller="Société des Bains de Mer et du Cercle des Étrangers à Monaco",
        purpose="Vidéosurveillance des établissements de jeux",
        kinds=["visas", "preamble", *ALL, "decision"],
        verbs=["rappelle", "demande"],
        conditional=True,
        modification=True,
        # the preamble's earlier opinion, not the visas' general recommendation 2010-13
        extra={"modifies": ("2009-21",)},
    ),
    # 2015 on: "à la mise en œuvre de la modification du traitement"; headings printed in
    # every other way; "Rappelle que :" with items, "Demande que", "Fixe la durée".
    "2016_modification_odd_headings": Variant(
        lines=[
            "Délibération n° 2016-112 du 20 juillet 2016 de la Commission de Contrôle des Informations Nominatives "
            "portant avis favorable à la mise en œuvre de la modification du traitement automatisé d'informations "
            "nominatives ayant pour finalité « Gestion administrative des salariés » présenté par l'Office de la "
            "Médecine du Travail.",
            *VISAS_1165,
            "Vu la délibération n° 2014-56 du 16 avril 2014 portant avis favorable à la mise en œuvre du traitement "
            "automatisé d'informations nominatives ayant pour finalité « Gestion administrative des salariés » ;",
            "Vu la demande d'avis modificative déposée par l'Office de la Médecine du Travail le 2 mai 2016 ;",
            "La Commission de Contrôle des Informations Nominatives,",
            "Préambule",
            "L'Office de la Médecine du Travail est un établissement public.",
            "I. - Sur la finalité et les fonctionnalités du traitement",
            "Le traitement a pour finalité « Gestion administrative des salariés ».",
            "II.  Sur la licéité et la justification du traitement",
            "Le traitement est justifié par le respect d'une obligation légale.",
            "III – Sur les informations nominatives traitées",
            "Les informations traitées sont : identité, situation professionnelle.",
            "IV. SUR LES DROITS DES PERSONNES CONCERNÉES",
            "Le droit d'accès s'exerce par courrier électronique.",
            "V. Sur les destinataires et les personnes ayant accès au traitement",
            "Les employeurs adhérents sont destinataires des avis d'aptitude.",
            "VI. Sur les rapprochements et interconnexions",
            "Le traitement est interconnecté avec le traitement « Gestion des visites médicales ».",
            "VII. Sur la sécurité du traitement et des informations",
            "Les mesures de sécurité n'appellent pas d'observation.",
            "VIII. Sur la durée de conservation",
            "Les informations sont conservées 10 ans après le départ du salarié.",
            "Après en avoir délibéré, la Commission :",
            "Rappelle que :",
            "- les personnes concernées doivent être informées conformément à l'article 14 de la loi n° 1.165 ;",
            "- les mots de passe doivent être régulièrement renouvelés ;",
            "Demande que la procédure d'accès soit complétée ;",
            "Fixe la durée de conservation des informations à 5 ans à compter du départ du salarié ;",
            "Sous le bénéfice de la prise en compte de ce qui précède, la Commission de Contrôle des Informations "
            "Nominatives émet un avis favorable à la mise en œuvre, par l'Office de la Médecine du Travail, de la "
            "modification du traitement automatisé d'informations nominatives ayant pour finalité « Gestion "
            "administrative des salariés ».",
            "Le Président de la Commission de Contrôle des Informations Nominatives.",
        ],
        deliberation_id="2016-112",
        adopted_on=date(2016, 7, 20),
        authority="CCIN",
        decision="avis_favorable",
        controller="Office de la Médecine du Travail",
        purpose="Gestion administrative des salariés",
        kinds=["visas", "preamble", *ALL, "decision"],
        verbs=["rappelle", "rappelle", "demande", "fixe"],
        conditional=True,
        modification=True,
        extra={"modifies": ("2014-56",)},
    ),
    # 2025: the APDP, "portant avis sur", "l'Autorité" in the body and the closing; the
    # opinion's sentence broken over three lines at its commas.
    "2025_apdp_autorite": Variant(
        lines=[
            "Délibération n° 2025-14 du 21 mai 2025 de l'Autorité de Protection des Données Personnelles portant "
            "avis sur la mise en œuvre du traitement automatisé de données à caractère personnel ayant pour "
            "finalité « Gestion des accès au parking » présenté par la Société Monégasque de l'Électricité et du Gaz",
            *VISAS_1565,
            "Vu la demande d'avis déposée par la Société Monégasque de l'Électricité et du Gaz le 3 mars 2025 ;",
            "L'Autorité de Protection des Données Personnelles,",
            "Préambule",
            "La Société Monégasque de l'Électricité et du Gaz est concessionnaire d'un service public.",
            "I. Sur la finalité et les fonctionnalités du traitement",
            "Le traitement a pour finalité « Gestion des accès au parking ».",
            "L'Autorité constate que la finalité du traitement est déterminée et explicite.",
            "II. Sur la licéité et la justification du traitement",
            "Le traitement est justifié par l'exécution d'une mission d'intérêt public.",
            "III. Sur les données à caractère personnel traitées",
            "Les données traitées sont : identité, plaque d'immatriculation, horodatage.",
            "IV. Sur les droits des personnes concernées",
            "Le droit d'accès s'exerce auprès du délégué à la protection des données.",
            "V. Sur les destinataires et les personnes ayant accès au traitement",
            "Les agents du service de sécurité ont accès au traitement.",
            "VI. Sur les rapprochements et interconnexions",
            "Le traitement n'est pas interconnecté.",
            "VII. Sur la sécurité du traitement et des données",
            "Les mesures de sécurité n'appellent pas d'observation.",
            "VIII. Sur la durée de conservation",
            "Les données sont conservées 3 mois.",
            "Après en avoir délibéré, l'Autorité :",
            "Rappelle que l'information des personnes concernées doit être complète ;",
            "Demande que les accès au traitement soient journalisés ;",
            "Sous le bénéfice de la prise en compte de ce qui précède,",
            "l'Autorité de Protection des Données Personnelles,",
            "émet un avis favorable à la mise en œuvre, par la Société Monégasque de l'Électricité et du Gaz, du "
            "traitement automatisé ayant pour finalité « Gestion des accès au parking ».",
            "Le Président de l'Autorité de Protection des Données Personnelles.",
        ],
        deliberation_id="2025-14",
        adopted_on=date(2025, 5, 21),
        authority="APDP",
        decision="avis_favorable",
        controller="Société Monégasque de l'Électricité et du Gaz",
        purpose="Gestion des accès au parking",
        kinds=["visas", "preamble", *ALL, "decision"],
        verbs=["rappelle", "demande"],
        conditional=True,
    ),
    # an unfavourable opinion, the verb line "Émet un avis défavorable" ending the actions
    "2012_avis_defavorable": Variant(
        lines=[
            "Délibération n° 2012-98 du 18 juin 2012 de la Commission de Contrôle des Informations Nominatives "
            "portant avis défavorable sur la demande présentée par la S.A.M. Transports Rapides relative au "
            "traitement automatisé d'informations nominatives ayant pour finalité « Géolocalisation des véhicules "
            "de service »",
            *VISAS_1165,
            "La Commission de Contrôle des Informations Nominatives,",
            "Préambule",
            "La S.A.M. Transports Rapides souhaite géolocaliser ses véhicules en permanence.",
            *STANDARD_BODY,
            "Après en avoir délibéré, la Commission :",
            "Considère que la géolocalisation permanente des salariés est excessive au regard de la finalité ;",
            "Émet un avis défavorable à la mise en œuvre, par la S.A.M. Transports Rapides, du traitement "
            "automatisé d'informations nominatives ayant pour finalité « Géolocalisation des véhicules de service ».",
            "Le Président de la Commission de Contrôle des Informations Nominatives.",
        ],
        deliberation_id="2012-98",
        adopted_on=date(2012, 6, 18),
        authority="CCIN",
        decision="avis_defavorable",
        controller="S.A.M. Transports Rapides",
        purpose="Géolocalisation des véhicules de service",
        kinds=["visas", "preamble", *ALL, "decision"],
        verbs=["considere"],
        conditional=False,
    ),
    # a refusal of authorisation (private controller, sensitive data): "Refuse la mise en œuvre"
    "2014_refus": Variant(
        lines=[
            "Délibération n° 2014-57 du 16 avril 2014 de la Commission de Contrôle des Informations Nominatives "
            "portant refus de la mise en œuvre du traitement automatisé d'informations nominatives ayant pour "
            "finalité « Contrôle biométrique des accès aux locaux » présenté par la société Sécurité Privée SAM",
            *VISAS_1165,
            "La Commission de Contrôle des Informations Nominatives,",
            *STANDARD_BODY,
            "Après en avoir délibéré, la Commission :",
            "Considère que le recours à la biométrie n'est pas justifié ;",
            "Refuse la mise en œuvre, par la société Sécurité Privée SAM, du traitement automatisé d'informations "
            "nominatives ayant pour finalité « Contrôle biométrique des accès aux locaux ».",
            "Le Président de la Commission de Contrôle des Informations Nominatives.",
        ],
        deliberation_id="2014-57",
        adopted_on=date(2014, 4, 16),
        authority="CCIN",
        decision="refus",
        controller="société Sécurité Privée SAM",
        purpose="Contrôle biométrique des accès aux locaux",
        kinds=["visas", "preamble", *ALL, "decision"],
        verbs=["considere"],
        conditional=False,
    ),
    # "avis favorable sous réserve" in the title and in the closing sentence itself
    "2018_sous_reserve": Variant(
        lines=[
            "Délibération n° 2018-033 du 21 mars 2018 de la Commission de Contrôle des Informations Nominatives "
            "portant avis favorable sous réserve à la mise en œuvre du traitement automatisé d'informations "
            "nominatives ayant pour finalité « Gestion des inscriptions scolaires » présenté par le Ministre d'État",
            *VISAS_1165,
            "La Commission de Contrôle des Informations Nominatives,",
            "Préambule",
            "Le traitement est mis en œuvre par la Direction de l'Éducation Nationale.",
            *STANDARD_BODY,
            "Après en avoir délibéré, la Commission :",
            "Demande que la durée de conservation des pièces justificatives soit limitée à l'année scolaire ;",
            "La Commission de Contrôle des Informations Nominatives émet un avis favorable sous réserve de la prise "
            "en compte de ce qui précède à la mise en œuvre, par le Ministre d'État, du traitement automatisé "
            "d'informations nominatives ayant pour finalité « Gestion des inscriptions scolaires ».",
            "Le Président de la Commission de Contrôle des Informations Nominatives.",
        ],
        deliberation_id="2018-33",
        adopted_on=date(2018, 3, 21),
        authority="CCIN",
        decision="avis_favorable",
        controller="Ministre d'État",
        purpose="Gestion des inscriptions scolaires",
        kinds=["visas", "preamble", *ALL, "decision"],
        verbs=["demande"],
        conditional=True,
    ),
    # no section VI: the following ones are renumbered
    "2019_missing_interconnections": Variant(
        lines=[
            "Délibération n° 2019-120 du 17 juillet 2019 de la Commission de Contrôle des Informations Nominatives "
            "portant avis favorable à la mise en œuvre du traitement automatisé d'informations nominatives ayant "
            "pour finalité « Gestion du prêt de documents » dénommé « Bibliothèque » présenté par la Commune de "
            "Monaco.",
            *VISAS_1165,
            "La Commission de Contrôle des Informations Nominatives,",
            "Préambule",
            "La Commune souhaite gérer les prêts de la médiathèque.",
            *STANDARD_BODY[:10],
            "VI. Sur la sécurité du traitement et des informations",
            "Les mesures de sécurité n'appellent pas d'observation.",
            "VII. Sur la durée de conservation",
            "Les informations sont conservées 2 ans après le dernier prêt.",
            "Après en avoir délibéré, la Commission émet un avis favorable à la mise en œuvre, par la Commune de "
            "Monaco, du traitement automatisé d'informations nominatives ayant pour finalité « Gestion du prêt de "
            "documents ».",
            "Le Président de la Commission de Contrôle des Informations Nominatives.",
        ],
        deliberation_id="2019-120",
        adopted_on=date(2019, 7, 17),
        authority="CCIN",
        decision="avis_favorable",
        controller="Commune de Monaco",
        purpose="Gestion du prêt de documents",
        kinds=["visas", "preamble", P, L, D, R, A, S, RT, "decision"],
        verbs=[],
        conditional=False,
        extra={"system_name": "Bibliothèque"},
    ),
    # sections in another order (recipients before data, retention before security)
    "2011_other_order": Variant(
        lines=[
            "Délibération n° 2011-17 du 14 février 2011 portant avis favorable sur la demande présentée par la "
            "Caisse Autonome des Retraites relative au traitement automatisé d'informations nominatives ayant "
            "pour finalité « Gestion des pensions de retraite »",
            *VISAS_1165,
            "La Commission de Contrôle des Informations Nominatives,",
            *sections_of(
                (
                    "I. Sur la finalité et les fonctionnalités du traitement",
                    "Le traitement a pour finalité « Gestion des pensions de retraite ».",
                ),
                (
                    "II. Sur la licéité et la justification du traitement",
                    "Le traitement est justifié par une obligation légale.",
                ),
                (
                    "III. Sur les destinataires et les personnes ayant accès au traitement",
                    "Les organismes de sécurité sociale sont destinataires des informations.",
                ),
                (
                    "IV. Sur les informations nominatives traitées",
                    "Les informations traitées sont l'identité.",
                ),
                (
                    "V. Sur les droits des personnes concernées",
                    "Le droit d'accès s'exerce par voie postale.",
                ),
                ("VI. Sur la durée de conservation", "Les informations sont conservées 10 ans."),
                ("VII. Sur la sécurité du traitement et des informations", "Pas d'observation."),
            ),
            "Après en avoir délibéré, la Commission :",
            "Rappelle que les prestataires sont soumis aux mêmes obligations de sécurité ;",
            "Sous le bénéfice de la prise en compte de ce qui précède, la Commission émet un avis favorable à la "
            "mise en œuvre, par la Caisse Autonome des Retraites, du traitement automatisé d'informations "
            "nominatives ayant pour finalité « Gestion des pensions de retraite ».",
            "Le Président",
            "M. SOSSO",
        ],
        deliberation_id="2011-17",
        adopted_on=date(2011, 2, 14),
        authority="CCIN",
        decision="avis_favorable",
        controller="Caisse Autonome des Retraites",
        purpose="Gestion des pensions de retraite",
        kinds=["visas", "preamble", P, L, A, D, R, RT, S, "decision"],
        verbs=["rappelle"],
        conditional=True,
    ),
    # the closing part of the brief, signed by the President with his name on two lines
    "2021_closing_signature": Variant(
        lines=[
            "Délibération n° 2021-261 du 15 décembre 2021 de la Commission de Contrôle des Informations "
            "Nominatives portant avis favorable à la mise en œuvre du traitement automatisé d'informations "
            "nominatives ayant pour finalité « Gestion des demandes de logement » présenté par le Ministre d'État.",
            *VISAS_1165,
            "Vu le rapport de la Commission de Contrôle des Informations Nominatives en date du 15 décembre 2021 ;",
            "La Commission de Contrôle des Informations Nominatives,",
            "Préambule",
            "Le traitement est exploité par la Direction de l'Habitat.",
            *STANDARD_BODY,
            "Après en avoir délibéré, la Commission :",
            "Rappelle que les mots de passe doivent être renouvelés régulièrement ;",
            "Demande que les personnes concernées soient informées lors de la collecte ;",
            "Fixe la durée de conservation des pièces justificatives à 1 an à compter de l'attribution du logement ;",
            "Sous le bénéfice de la prise en compte de ce qui précède, la Commission de Contrôle des Informations "
            "Nominatives émet un avis favorable à la mise en œuvre, par le Ministre d'État, du traitement "
            "automatisé d'informations nominatives ayant pour finalité « Gestion des demandes de logement ».",
            "Le Président de la Commission de",
            "Contrôle des Informations Nominatives",
            "Guy MAGNAN",
        ],
        deliberation_id="2021-261",
        adopted_on=date(2021, 12, 15),
        authority="CCIN",
        decision="avis_favorable",
        controller="Ministre d'État",
        purpose="Gestion des demandes de logement",
        kinds=["visas", "preamble", *ALL, "decision"],
        verbs=["rappelle", "demande", "fixe"],
        conditional=True,
    ),
    # headings printed without numerals (an HTML list's numbering lost): "Sur …" alone on a
    # line; the rights' sub-headings are of the same kind and stay inside the section.
    "2012_unnumbered_headings": Variant(
        lines=[
            "Délibération n° 2012-77 du 21 mai 2012 de la Commission de Contrôle des Informations Nominatives "
            "portant avis favorable sur la demande présentée par la Mairie de Monaco relative au traitement "
            "automatisé d'informations nominatives ayant pour finalité « Gestion des inscriptions en crèche »",
            *VISAS_1165,
            "La Commission de Contrôle des Informations Nominatives,",
            "Préambule",
            "La Mairie gère les crèches municipales.",
            "Sur la finalité et les fonctionnalités du traitement",
            "Le traitement a pour finalité « Gestion des inscriptions en crèche ».",
            "Sur la licéité et la justification du traitement",
            "Le traitement est justifié par un motif d'intérêt public.",
            "Sur les informations nominatives traitées",
            "Les informations traitées sont : identité des parents et de l'enfant, revenus.",
            "Sur les droits des personnes concernées",
            "Sur l'information préalable des personnes concernées",
            "L'information est effectuée par une mention sur le formulaire.",
            "Sur l'exercice du droit d'accès",
            "Le droit d'accès s'exerce auprès du service Petite Enfance.",
            "Vu ce qui précède, la Commission considère que ces modalités sont conformes.",
            "Sur les destinataires et les personnes ayant accès au traitement",
            "Les agents du service ont accès au traitement.",
            "Sur la sécurité du traitement et des informations",
            "Les mesures de sécurité n'appellent pas d'observation.",
            "Sur la durée de conservation",
            "Les informations sont conservées jusqu'à l'entrée de l'enfant à l'école.",
            "Après en avoir délibéré, la Commission :",
            "Demande que la durée de conservation soit précisée ;",
            "Sous le bénéfice de la prise en compte de ce qui précède, la Commission émet un avis favorable à la "
            "mise en œuvre, par la Mairie de Monaco, du traitement ayant pour finalité « Gestion des inscriptions "
            "en crèche ».",
            "Le Président de la Commission de Contrôle des Informations Nominatives.",
        ],
        deliberation_id="2012-77",
        adopted_on=date(2012, 5, 21),
        authority="CCIN",
        decision="avis_favorable",
        controller="Mairie de Monaco",
        purpose="Gestion des inscriptions en crèche",
        kinds=["visas", "preamble", P, L, D, R, A, S, RT, "decision"],
        verbs=["demande"],
        conditional=True,
    ),
    # a digitised issue (OCR): "Il." and "Ill." for II and III, "VIl." for VII, the page
    # metadata bullets; a rights heading on the "droits d'accès".
    "2011_ocr_numerals": Variant(
        lines=[
            "Délibération n° 11-08 du 17 janvier 2011 portant avis favorable sur la demande présentée par "
            "l'Office des Téléphones relative au traitement automatisé d'informations nominatives ayant pour "
            "finalité « Gestion des abonnés au service mobile »",
            "• N° journal 7999",
            "• Date de publication 18/02/2011",
            "• Qualité 96.67%",
            "• N° de page 312",
            *VISAS_1165,
            "La Commission de Contrôle des Informations Nominatives,",
            "I. - Sur la finalité et les fonctionnalités du traitement",
            "Le traitement a pour finalité « Gestion des abonnés au service mobile ».",
            "Il. - Sur la licéité et la justification du traitement",
            "Le traitement est justifié par l'exécution d'un contrat avec la personne concernée.",
            "Ill. - Sur les informations nominatives traitées",
            "Les informations traitées sont : identité, coordonnées, données de facturation.",
            "IV. - Sur les droits d'accès et de rectification des personnes concernées",
            "Le droit d'accès s'exerce par courrier.",
            "V. - Sur les destinataires et les personnes ayant accès au traitement",
            "Les agents du service commercial ont accès au traitement.",
            "VI. - Sur la sécurité du traitement et des informations",
            "Les mesures de sécurité n'appellent pas d'observation.",
            "VIl. - Sur la durée de conservation",
            "Les informations sont conservées 1 an après la résiliation de l'abonnement.",
            "Après en avoir délibéré, la Commission émet un avis favorable à la mise en œuvre, par l'Office des "
            "Téléphones, du traitement automatisé d'informations nominatives ayant pour finalité « Gestion des "
            "abonnés au service mobile ».",
            "Le Président de la Commission de Contrôle des Informations Nominatives.",
        ],
        deliberation_id="2011-8",
        adopted_on=date(2011, 1, 17),
        authority="CCIN",
        decision="avis_favorable",
        controller="Office des Téléphones",
        purpose="Gestion des abonnés au service mobile",
        kinds=["visas", "preamble", P, L, D, R, A, S, RT, "decision"],
        verbs=[],
        conditional=False,
        extra={"journal_number": 7999},
    ),
}

#: Closing layouts swapped into a whole deliberation: (closing lines, verbs read).
CLOSINGS = {
    # "Après en avoir délibéré," and "la Commission :" on two lines (the site breaks lines
    # at commas, as in "Sous le bénéfice …,\nla Commission …")
    "split_formula": (
        [
            "Après en avoir délibéré,",
            "la Commission :",
            "Rappelle que les mots de passe doivent être forts ;",
            "Demande que les personnes concernées soient informées ;",
        ],
        ["rappelle", "demande"],
    ),
    # the actions as a dash list led by lower-case verbs
    "verb_items": (
        [
            "Après en avoir délibéré, la Commission :",
            "- rappelle que les accès doivent être journalisés ;",
            "- demande que la durée de conservation soit réduite ;",
            "- fixe la durée de conservation des journaux à 1 an ;",
        ],
        ["rappelle", "demande", "fixe"],
    ),
}


@pytest.mark.parametrize("name", list(CLOSINGS))
def test_closing_layouts(name):
    closing_lines, verbs = CLOSINGS[name]
    lines = [*VARIANTS["2021_closing_signature"].lines]
    at = lines.index("Après en avoir délibéré, la Commission :")
    lines[at : at + 4] = closing_lines
    result = process(InputDocument(name, "\n".join(lines), "text"))
    assert [a.verb for a in result.children.get("commission_actions", [])] == verbs
    assert result.deliberation is not None
    assert (str(result.deliberation.decision), result.deliberation.conditional) == (
        "avis_favorable",
        True,
    )


@pytest.fixture(scope="module", params=list(VARIANTS), ids=list(VARIANTS))
def case(request):
    v = VARIANTS[request.param]
    return v, process(InputDocument(request.param, "\n".join(v.lines), "text"))


def test_identity(case):
    v, result = case
    d = result.deliberation
    assert d is not None, [i.message for i in result.issues]
    assert (d.deliberation_id, d.adopted_on, str(d.authority)) == (
        v.deliberation_id,
        v.adopted_on,
        v.authority,
    )
    assert (d.controller, d.purpose, d.modification) == (v.controller, v.purpose, v.modification)
    for name, value in v.extra.items():
        assert getattr(d, name) == value


def test_decision(case):
    v, result = case
    d = result.deliberation
    assert (str(d.decision), d.conditional) == (v.decision, v.conditional)


def test_section_kinds_in_order(case):
    v, result = case
    assert [str(s.kind) for s in result.children["sections"]] == v.kinds


def test_commission_actions(case):
    v, result = case
    assert [a.verb for a in result.children.get("commission_actions", [])] == v.verbs


def test_nothing_failed(case):
    _, result = case
    assert not [i for i in result.issues if i.code == "internal_error" or i.code.endswith("_failed")]
