"""Every reader of the registry, of the closing part and of the title, on odd text: no
exception, and no failure swallowed by the guard (an issue ``…_failed``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import opinion, retention_rules, title
from extractors.common.guard import GUARDED
from extractors.registry import READERS
from models.records import Extraction, NotADeliberation, TitleInfo

#: Pieces of the genre's wording, mixed with random text: a section's lists, bullets,
#: guillemets, durations, the Commission's verbs, visas and titles.
FRAGMENTS = [
    # lists, bullets and punctuation
    "\n", "\n- ", "- ", "• ", " : ", ":", ";", ".", ",", ", ", " ", "(", ")", "(3)", "« ", "»",
    "(sauf ", " et ", " et le ", "et aux", "aux ", "que ", "qui sont", "leur",
    # titles and visas
    "Délibération n° 2021-81 du 21 avril 2021 ", "portant avis favorable ", "présentée par le ",
    "ayant pour finalité « ", "dénommé « ", "Vu la loi n° 1.165 du 23 décembre 1993",
    "Vu la demande d'avis déposée le ", "de la Commission de Contrôle des Informations Nominatives",
    # sections I to III
    "Les fonctionnalités sont :", "Concernant les utilisateurs :", "le logiciel",
    "les informations nominatives traitées sont :", "identité : nom, prénom",
    "intérêt légitime", "consentement de la personne concernée",
    # section V
    "• Sur les destinataires", "destinataires sont :", "communiquées", "ne sont pas",
    ", à l'exception des ", "sauf aux", "vers la", "ainsi qu'aux", "lecture", "tous droits",
    "a accès", "disposent d'un accès en", "dans le cadre de ses opérations de maintenance",
    " et, pour les ", " et, en cas de ", " au ", ", mais uniquement à ", " ni à ",
    # section VI
    "interconnecté avec", "rapprochement avec", "le traitement", "les traitements",
    "légalement mis en œuvre", "non légalement", "en cours d'analyse", "aucun",
    "tout traitement", "par la CCIN", "qui a reçu un avis favorable", "non encore soumis",
    # section VIII
    "conservées", "6 mois", "deux ans", "3 mois", "5 (cinq) ans", "et demi", "jusqu'au",
    "tant que", "la Commission fixe", "de 3 mois minimum à", "un an maximum", "puis archivées",
    "à l'exception des", "durée de conservation des", "la durée de conservation des",
    "après le départ", "S'agissant des", "à compter du", "augmentée de", "dès la fin",
    "et les logs", "ne saurait excéder", "et la fixe à", "durée maximale de",
    "pendant la durée du",
    # the closing part
    "Après en avoir délibéré, la Commission :", "Rappelle que :", "Fixe ", "Prend acte de ce que",
    "Sous le bénéfice", "émet un avis", "Le Président", "la Commission",
]  # fmt: skip

TEXTS = st.one_of(
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=30).map("".join),
    st.text(alphabet=st.sampled_from(list("aeilmnoprst :;,.-•–o>«»()\n'ÉéàIDCPL")), max_size=300),
    st.text(max_size=300),
)


def _extraction(read: Callable[[str], Extraction]) -> Callable[[str], None]:
    def check(text: str) -> None:
        result = read(text)
        assert isinstance(result, Extraction)
        assert not [i for i in result.issues if i.code.endswith("_failed")], result.issues

    return check


def _opinion(text: str) -> None:
    assert isinstance(opinion.opinion(text), opinion.Opinion)


def _title(text: str) -> None:
    try:
        result = title.parse_title(text)
    except title.TitleError:  # the one exception a title may raise: no number
        return
    assert isinstance(result, TitleInfo | NotADeliberation)


def _body(text: str) -> None:
    assert isinstance(title.classify_body(text), NotADeliberation | None)


CHECKS: dict[str, Callable[[str], None]] = {
    **{f"section:{kind}": _extraction(read) for kind, read in READERS.items()},
    "closing:retention_rules": _extraction(retention_rules.extract_closing),
    "closing:opinion": _opinion,
    "title:parse_title": _title,
    "title:classify_body": _body,
}


@pytest.mark.parametrize("reader", list(CHECKS))
@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_never_raises(reader: str, text: str) -> None:
    CHECKS[reader](text)


def test_every_reader_wears_the_guard() -> None:
    """``extractors.document`` relies on it: it calls the readers without a guard."""
    assert [kind for kind, read in READERS.items() if read not in GUARDED] == []
    assert retention_rules.extract_closing in GUARDED


def _quality_texts() -> list[str]:
    """Every passage, page beginning and document of the quality sets: wording of every style."""
    root = Path(__file__).resolve().parents[1] / "quality"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.txt"))]
    for path in sorted(root.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                texts.append(row.get("text") or row["page"])
    return texts


def test_no_reader_fails_on_the_quality_material() -> None:
    """A failure the guard swallows loses a section's rows: none on any quality text."""
    texts = _quality_texts()
    assert len(texts) > 500
    failed = [
        (name, text[:80], issue.message)
        for text in texts
        for read, name in GUARDED.items()
        for issue in read(text).issues
        if issue.code.endswith("_failed")
    ]
    assert failed == []
