"""Section II: the legal bases the controller invokes.

Each case is a section text (one or more sentences) and the bases expected, in order of
first mention. To add a case, copy the sentences from a deliberation.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import legal_bases
from extractors.common.normalise import normalise
from extractors.sections import split_sections
from scrapers.journal_de_monaco import parse_article_text

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"

CASES = [
    pytest.param(
        "Le responsable de traitement indique que le présent traitement est justifié par la réalisation d'un "
        "intérêt légitime, sans que ne soient méconnus ni l'intérêt, ni les droits et libertés fondamentaux de "
        "la personne concernée.\n"
        "La Commission considère que ce traitement est licite et justifié, conformément aux dispositions des "
        "articles 10-1 et 10-2 de la loi n° 1.165 du 23 décembre 1993.",
        ["legitimate_interest"],
        id="2021-81",
    ),
    pytest.param(
        "Le responsable de traitement indique que le présent traitement est justifié par le consentement de la "
        "personne concernée et par la réalisation d'un intérêt légitime qui ne méconnaît ni l'intérêt, ni les "
        "droits et libertés fondamentaux de la personne concernée.\n"
        "L'intérêt légitime trouve, en outre, son fondement dans la volonté de l'Administration de simplifier "
        "les démarches administratives.",
        ["consent", "legitimate_interest"],
        id="2022-62 two bases",
    ),
    pytest.param(
        "Le responsable de traitement indique que le présent traitement est justifié par le respect d'une "
        "obligation légale à laquelle il est soumis ainsi que par la réalisation d'un intérêt légitime qu'il "
        "poursuit et qui ne méconnaît ni l'intérêt, ni les droits et libertés fondamentaux des personnes "
        "concernées.\n"
        "La Commission rappelle à cet égard qu'aucune obligation légale n'impose, en tant que telle, la mise en "
        "œuvre d'un traitement proposant la présente finalité.",
        ["legal_obligation", "legitimate_interest"],
        id="2024-9 the Commission's objection leaves the claimed basis",
    ),
    pytest.param(
        "Le présent traitement est justifié par la réalisation d'un intérêt légitime poursuivi par le "
        "responsable de traitement.\n"
        "La Commission rappelle à cet égard que tout cookie non technique doit être soumis, conformément à "
        "l'article 14-2 de la loi n° 1.165, au consentement de l'utilisateur.",
        ["legitimate_interest"],
        id="2024-165 the Commission's reminder on consent is not a basis",
    ),
    pytest.param(
        "Le traitement est justifié par le respect d'une obligation légale à laquelle est soumis le responsable "
        "de traitement.",
        ["legal_obligation"],
        id="obligation légale",
    ),
    pytest.param(
        "Le traitement est justifié par un motif d'intérêt public.",
        ["public_interest"],
        id="intérêt public",
    ),
    pytest.param(
        "Le responsable de traitement indique que le traitement est justifié par l'exécution d'un contrat ou de "
        "mesures précontractuelles avec la personne concernée.",
        ["contract"],
        id="contrat",
    ),
    pytest.param(
        "Le traitement est justifié par l'exécution du contrat de travail des salariés et par le respect "
        "d'obligations légales.",
        ["contract", "legal_obligation"],
        id="contrat de travail",
    ),
    pytest.param(
        "Le responsable de traitement indique que le traitement est justifié par la sauvegarde de la vie de la "
        "personne concernée.",
        ["vital_interest"],
        id="sauvegarde de la vie",
    ),
    pytest.param(
        "Le traitement est justifié par un motif d'intérêt public et par le respect d'une obligation légale. "
        "Il est également justifié par un motif d'intérêt public lié à la santé.",
        ["public_interest", "legal_obligation"],
        id="no duplicates",
    ),
    pytest.param(
        "Le responsable de traitement indique que le traitement est nécessaire à l'exécution d'une mission "
        "d'intérêt public dont il est investi.",
        ["public_interest"],
        id="loi 1.565 wording",
    ),
    pytest.param(
        "Le traitement est fondé sur le consentement des personnes concernées.",
        ["consent"],
        id="fondé sur",
    ),
    pytest.param(
        "Le traitement est justifié par la réalisation d'un intérêt légitime poursuivi par le responsable de "
        "traitement qui ne méconnaît ni l'intérêt, ni les droits et libertés fondamentaux des personnes "
        "concernées.",
        ["legitimate_interest"],
        id="early wording",
    ),
    pytest.param(
        "La Commission relève que le traitement est justifié par un motif d'intérêt public.",
        ["public_interest"],
        id="only the Commission states it",
    ),
    pytest.param(
        "La Commission relève que le traitement n'est pas justifié par un intérêt légitime.",
        [],
        id="the Commission denies it",
    ),
    pytest.param(
        "Ce traitement répond à un intérêt légitime du responsable de traitement.",
        ["legitimate_interest"],
        id="no justification verb",
    ),
    pytest.param(
        "Les utilisateurs peuvent refuser les cookies, leur consentement étant recueilli par un bandeau.",
        [],
        id="consent mentioned in passing",
    ),
    pytest.param(
        "La Commission considère que ce traitement est licite et justifié, conformément aux dispositions des "
        "articles 10-1 et 10-2 de la loi n° 1.165.",
        [],
        id="no statement",
    ),
    pytest.param(
        "Le responsable de traitement indique que le traitement est justifié par :\n"
        "- le respect d'une obligation légale ;\n"
        "- l'exécution d'un contrat avec la personne concernée.",
        ["legal_obligation", "contract"],
        id="bases as a list",
    ),
    # --- wordings of other deliberations (2009-2025) ---
    pytest.param(
        "Le traitement est justifié par le consentement de la personne concernée.",
        ["consent"],
        id="genre consentement",
    ),
    pytest.param(
        "Le traitement est justifié par le consentement du salarié.\n"
        "Il est également justifié par le respect d'une obligation légale à laquelle est soumis l'employeur.",
        ["consent", "legal_obligation"],
        id="genre est également justifié par",
    ),
    pytest.param(
        "Le traitement est notamment justifié par le consentement exprès du patient.",
        ["consent"],
        id="genre est notamment justifié, consent of a named person",
    ),
    pytest.param(
        "Le responsable de traitement indique que le traitement est justifié, d'une part, par le consentement "
        "des utilisateurs et, d'autre part, par l'exécution d'un contrat.",
        ["consent", "contract"],
        id="genre d'une part, d'autre part",
    ),
    pytest.param(
        "Le traitement est justifié par l'exécution d'un contrat ou de mesures précontractuelles.",
        ["contract"],
        id="genre contrat ou mesures précontractuelles",
    ),
    pytest.param(
        "Le responsable de traitement indique que le traitement est justifié par l'exécution de mesures "
        "précontractuelles prises à la demande de la personne concernée.",
        ["contract"],
        id="genre mesures précontractuelles seules",
    ),
    pytest.param(
        "Le traitement est justifié par le respect d'obligations légales et réglementaires.",
        ["legal_obligation"],
        id="genre obligations légales et réglementaires",
    ),
    pytest.param(
        "Le traitement est justifié par le respect des dispositions légales et réglementaires applicables à "
        "l'établissement bancaire.",
        ["legal_obligation"],
        id="genre respect des dispositions légales",
    ),
    pytest.param(
        "Le traitement est justifié par la réalisation d'un intérêt légitime poursuivi par le responsable de "
        "traitement, à savoir la sécurité des biens et des personnes.",
        ["legitimate_interest"],
        id="genre intérêt légitime à savoir",
    ),
    pytest.param(
        "Le traitement est justifié par la sauvegarde des intérêts vitaux de la personne concernée.",
        ["vital_interest"],
        id="genre intérêts vitaux",
    ),
    pytest.param(
        "Le traitement est justifié par l'exécution d'une mission d'intérêt public ou relevant de l'exercice de "
        "l'autorité publique dont est investi le responsable de traitement.",
        ["public_interest"],
        id="genre mission d'intérêt public ou autorité publique",
    ),
    pytest.param(
        "Le traitement est justifié par un motif d'intérêt général.",
        ["public_interest"],
        id="genre intérêt général",
    ),
    pytest.param(
        "Le traitement repose sur l'exécution du contrat liant la banque à ses clients.",
        ["contract"],
        id="genre repose sur l'exécution du contrat",
    ),
    pytest.param(
        "Le responsable de traitement indique que le traitement est justifié par le consentement des salariés.\n"
        "La Commission rappelle que le consentement des salariés ne peut être considéré comme libre dans le "
        "cadre d'une relation de travail et que le traitement est justifié par un intérêt légitime.",
        ["consent"],
        id="genre the Commission's reading does not replace the claimed basis",
    ),
    pytest.param(
        "Les traitements sont justifiés par le respect d'une obligation légale et par la réalisation d'un intérêt "
        "légitime poursuivi par le responsable de traitement.",
        ["legal_obligation", "legitimate_interest"],
        id="genre plural sont justifiés",
    ),
    pytest.param(
        "Le traitement n'est pas fondé sur le consentement des personnes concernées mais sur la réalisation d'un "
        "intérêt légitime.",
        ["legitimate_interest"],
        id="genre negated consent",
    ),
    pytest.param(
        "Le présent traitement est donc justifié par la réalisation d'un intérêt légitime.",
        ["legitimate_interest"],
        id="genre est donc justifié",
    ),
    # bases stated in later sentences, in other wordings
    pytest.param(
        "Le traitement repose sur le consentement des participants. Le responsable de traitement invoque en outre "
        "un motif d'intérêt public. L'envoi des relances relève enfin de l'intérêt légitime de la Fédération.",
        ["consent", "public_interest", "legitimate_interest"],
        id="genre invoque releve",
    ),
    pytest.param(
        "Le traitement répond à une obligation légale découlant de la loi n° 1.362. La diffusion des photographies "
        "repose quant à elle sur le consentement des parents, et l'abonnement est subordonné au consentement.",
        ["legal_obligation", "consent"],
        id="genre repond a, repose quant a elle",
    ),
    pytest.param(
        "Le responsable de traitement fonde le traitement sur l'exécution du contrat de travail et sur le respect "
        "des obligations qui lui incombent en vertu de l'arrêté ministériel n° 2016-12.",
        ["contract", "legal_obligation"],
        id="genre fonde le traitement sur, obligations qui incombent",
    ),
    pytest.param(
        "Le traitement est justifié par le respect des obligations découlant pour la banque de la législation "
        "relative à la lutte contre le blanchiment.",
        ["legal_obligation"],
        id="genre obligations découlant de la législation",
    ),
    pytest.param(
        "Le traitement repose, pour les adhérents, sur leur consentement. Pour le personnel, il est justifié par "
        "l'intérêt légitime du club et par les obligations d'affiliation et d'assurance qui lui incombent.",
        ["consent", "legitimate_interest", "legal_obligation"],
        id="genre repose, incise, sur; obligations … qui lui incombent",
    ),
    pytest.param(
        "Le traitement est nécessaire à l'exécution d'une mission d'intérêt public. Les rappels par courriel ne "
        "sont envoyés qu'avec le consentement de l'usager.",
        ["public_interest", "consent"],
        id="genre a part of the processing on consent",
    ),
    pytest.param(
        "Le traitement est nécessaire à l'exécution d'une mission d'intérêt public. Aucune donnée n'est traitée "
        "sans le consentement de l'usager.",
        ["public_interest"],
        id="genre without consent is no basis",
    ),
    pytest.param("", [], id="empty"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_legal_bases(text, expected):
    out = legal_bases.extract(text)
    assert list(out.fields.legal_bases) == expected
    assert out.issues == []


def test_unknown_justification_is_other_with_an_issue():
    out = legal_bases.extract(
        "Le traitement est justifié par les missions dévolues à la Direction du Travail par l'Ordonnance "
        "Souveraine n° 16.675."
    )
    assert out.fields.legal_bases == ("other",)
    [issue] = out.issues
    assert issue.code == "unknown_label"
    assert "missions dévolues" in issue.message


@pytest.mark.parametrize(
    ("seed", "expected"),
    [
        ("000_66ca558007f70558.txt", ["legitimate_interest"]),
        ("002_3ac3c47825e9aa4c.txt", ["legitimate_interest"]),
        ("003_8af71a0e95fd3aca.txt", ["consent", "legitimate_interest"]),
        ("004_17a98b1914b87e33.txt", ["legal_obligation", "legitimate_interest"]),
    ],
)
def test_seeds(seed, expected):
    if not (SEEDS / seed).exists():
        pytest.skip("seed fixture missing")
    a = parse_article_text((SEEDS / seed).read_text(encoding="utf-8"))
    sections, _ = split_sections(normalise(a.title + "\n" + a.body))
    text = next(s.text for s in sections if s.kind == "lawfulness")
    out = legal_bases.extract(text)
    assert list(out.fields.legal_bases) == expected
    assert out.issues == []
