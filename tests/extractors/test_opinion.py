"""The opinion of the closing part: decision and condition."""

from __future__ import annotations

import pytest

from extractors.opinion import opinion


@pytest.mark.parametrize(
    ("text", "decision", "conditional"),
    [
        (
            "Après en avoir délibéré, la Commission :\nRappelle que …\nSous le bénéfice de la prise en compte de ce qui "
            "précède,\nla Commission de Contrôle des Informations Nominatives émet un avis favorable à la mise en œuvre.",
            "avis_favorable",
            True,
        ),
        (
            "Après en avoir délibéré, la Commission :\nÀ la condition de la prise en compte de ce qui précède, la "
            "Commission émet un avis favorable à la mise en œuvre.",
            "avis_favorable",
            True,
        ),
        (
            "Après en avoir délibéré, la Commission émet un avis favorable à la mise en œuvre, par le Ministre d'État, "
            "du traitement.",
            "avis_favorable",
            False,
        ),
        (
            "Après en avoir délibéré, la Commission émet un avis favorable sous réserve de la prise en compte de ce "
            "qui précède.",
            "avis_favorable",
            True,
        ),
        (
            "Après en avoir délibéré, la Commission :\nConsidère que le traitement est excessif ;\nÉmet un avis "
            "défavorable à la mise en œuvre du traitement.",
            "avis_defavorable",
            False,
        ),
        (
            "Après en avoir délibéré, la Commission autorise la mise en œuvre du traitement.",
            "autorisation",
            False,
        ),
        (
            "Après en avoir délibéré, la Commission refuse la mise en œuvre du traitement.",
            "refus",
            False,
        ),
        (
            "Après en avoir délibéré, l'Autorité émet un avis favorable, sous réserve des observations qui précèdent.",
            "avis_favorable",
            True,
        ),
        (
            "Après en avoir délibéré, la Commission :\nRappelle que sous réserve de l'article 17 les prestataires …\n"
            "La Commission émet un avis favorable au traitement.",
            "avis_favorable",
            False,
        ),
        # the sentence broken over three lines at its commas
        (
            "Après en avoir délibéré, l'Autorité :\nRappelle que …\nSous le bénéfice de la prise en compte de ce qui "
            "précède,\nl'Autorité de Protection des Données Personnelles,\német un avis favorable.",
            "avis_favorable",
            True,
        ),
        # an action ending with ";" does not lead the opinion's sentence
        (
            "Après en avoir délibéré, la Commission :\nDemande que la mise en œuvre soit faite sous réserve de "
            "l'accord ;\nÉmet un avis favorable.",
            "avis_favorable",
            False,
        ),
        ("Le Président de la Commission", None, False),
    ],
)
def test_opinion(text, decision, conditional):
    result = opinion(text)
    assert (result.decision, result.conditional) == (decision, conditional)
