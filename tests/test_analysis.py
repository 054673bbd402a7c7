"""The researchers' data functions (pipeline.analysis): small frames in, answers out,
and every function and figure survives empty tables."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from models.durations import iso_months
from pipeline.analysis import access, actions, figures, overview, retention
from pipeline.analysis.corpus import empty_table, load
from pipeline.analysis.provenance import document_text, intro_line, sentence_bounds, source_of


def deliberations(*rows: tuple[str, int]) -> pd.DataFrame:
    d = empty_table("deliberations")
    extra = pd.DataFrame(
        [{"deliberation_id": did, "year": year, "authority": "CCIN"} for did, year in rows]
    )
    return pd.concat([d, extra], ignore_index=True) if rows else d


# --- durations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scope", "categories"),
    [
        ("Les informations d'identité relatives à l'administrateur", ["identity"]),
        ("les logs de connexion et l'horodatage", ["connection_data", "time_information"]),
        ("les images de vidéosurveillance", ["image"]),
        ("les données relatives à la santé", ["health"]),
        ("Les données", ["other"]),
        (None, ["unspecified"]),
    ],
)
def test_scope_categories(scope, categories):
    assert retention.scope_categories(scope) == categories


def rule(did, scope, set_by, duration=None, dmax=None, until=None, raw="…", dmin=None):
    return {
        "deliberation_id": did,
        "position": 0,
        "data_scope": scope,
        "action": "retain",
        "duration": duration,
        "duration_min": dmin,
        "duration_max": dmax,
        "duration_months": iso_months(duration),
        "duration_min_months": iso_months(dmin),
        "duration_max_months": iso_months(dmax),
        "trigger": None,
        "until": until,
        "rolling": False,
        "set_by": set_by,
        "raw": raw,
    }


def test_the_commission_shortening_a_duration_is_counted():
    rules = pd.DataFrame(
        [
            # 2024-9: "effacées au bout de 6 mois après le départ" … "la Commission … la fixe …
            # à 3 mois après le départ"
            rule(
                "2024-9",
                "informations relatives à l'identité des utilisateurs",
                "controller",
                "P6M",
            ),
            rule("2024-9", "les informations temporelles", "controller", "P12M"),
            rule("2024-9", "informations relatives à l'identité des élèves", "commission", "P3M"),
            rule("2024-9", "logins", "commission", "P3M"),  # nothing to compare with
            # 2022-62: "conservées 30 jours" … "la Commission fixe de 3 mois minimum à un an"
            rule("2022-62", "les informations temporelles", "controller", "P30D"),
            rule("2022-62", "les informations temporelles", "commission", None, "P1Y", dmin="P3M"),
            rule("2022-62", "les comptes", "controller", until="tant que le compte est actif"),
        ]
    )
    d = retention.durations(rules, deliberations(("2024-9", 2024), ("2022-62", 2022)))
    assert d["open_ended"].sum() == 1
    verdicts = retention.shortenings(d).set_index("data_scope")["verdict"]
    assert verdicts["informations relatives à l'identité des élèves"] == "shortened"
    assert verdicts["logins"] == "no comparable controller duration"
    assert verdicts["les informations temporelles"] == "lengthened"  # 30 days < 3 months
    assert d["is_range"].sum() == 1
    assert retention.category_ranges(d) == {"time_information": [(3.0, 12.0)]}
    assert retention.by_category(d).loc["time_information", "ranges"] == 1
    text = retention.summary(d, retention.shortenings(d))
    # two comparisons: the count and n, no percentage
    assert "(n = 2 rules), it is shorter in 1 of them: too few to state a share" in text
    assert "%" not in text
    assert set(retention.yearly_median(d).columns) == {"commission", "controller"}


def test_the_share_of_shortened_durations_is_stated_from_the_minimum_n():
    def compared(n: int, shorter: int) -> str:
        rules, ids = [], []
        for i in range(n):
            did = f"2020-{i + 1}"
            ids.append((did, 2020))
            rules.append(rule(did, "informations d'identité", "controller", "P12M"))
            fixed = "P6M" if i < shorter else "P12M"
            rules.append(rule(did, "informations d'identité", "commission", fixed))
        d = retention.durations(pd.DataFrame(rules), deliberations(*ids))
        return retention.summary(d, retention.shortenings(d))

    n = retention.MIN_SHARE_N
    assert f"(n = {n} rules), it is shorter in {n // 4} of them (25%)." in compared(n, n // 4)
    small = compared(n - 1, 1)
    assert f"(n = {n - 1} rules), it is shorter in 1 of them: too few" in small
    assert "%" not in small


# --- the Commission's actions --------------------------------------------------------------

REMINDERS = [
    # the same reminder, in the wording of 2021-81, 2022-62 and 2024-9
    "les ports non utilisés doivent être désactivés et les serveurs, périphériques, équipements "
    "de raccordements (switchs, routeurs, pare-feux) ainsi que chaque compte utilisateur et "
    "administrateur doivent être protégés individuellement par un identifiant et par un mot de "
    "passe réputé fort, régulièrement renouvelé",
    "les ports non utilisés doivent être désactivés et les serveurs, périphériques, équipements "
    "de raccordements (switch, routeurs, pares-feux) ainsi que chaque compte utilisateur et "
    "administrateur doivent être protégés individuellement par un identifiant et par un mot de "
    "passe réputé fort, régulièrement renouvelé",
    "toute copie ou extraction de données issues de ce traitement devra être chiffrée sur son "
    "support de réception",
    "que la copie ou l'extraction d'informations issues de ce traitement doit être chiffrée sur "
    "son support de réception",
    "l'information de toutes les catégories de personnes concernées doit être effectuée "
    "conformément à l'article 14 de la loi n° 1.165",
]


def test_similar_reminders_are_grouped_and_different_ones_kept_apart():
    groups = actions.group_similar(REMINDERS)
    assert groups[0] == groups[1]  # ports and passwords
    assert groups[2] == groups[3]  # encryption of copies and extractions
    assert len({groups[0], groups[2], groups[4]}) == 3


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        (REMINDERS[0], "strong passwords"),
        (REMINDERS[3], "encryption"),
        (REMINDERS[4], "information of persons (art. 14)"),
        (
            "les accès doivent être restreints au strict besoin d'en connaître",
            "need to know / access control",
        ),
    ],
)
def test_themes(text, theme):
    assert theme in actions.themes(text)


def test_reminder_groups_and_verbs_per_year():
    rows = [
        ("2021-81", "rappelle", REMINDERS[0]),
        ("2021-81", "rappelle", REMINDERS[2]),
        ("2022-62", "rappelle", REMINDERS[1]),
        ("2024-9", "rappelle", REMINDERS[3]),
        ("2024-9", "fixe", "la durée de conservation à 3 mois"),
    ]
    a = pd.DataFrame(rows, columns=["deliberation_id", "verb", "text"])
    d = deliberations(("2021-81", 2021), ("2022-62", 2022), ("2024-9", 2024))
    groups = actions.reminder_groups(a, d)
    assert groups["deliberations"].tolist() == [2, 2]
    assert groups.iloc[0]["first_year"] == 2021
    verbs = actions.verbs_per_year(a, d, top=1)
    assert list(verbs.columns) == ["rappelle", "autres verbes"]
    assert verbs.index.tolist() == [2021, 2022, 2023, 2024]  # the gap year is there, with 0


# --- data and access -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "key"),
    [
        ("Les Administrateurs", "administrateur"),
        ("l'administrateur", "administrateur"),
        (
            "le personnel du service informatique de la DENJS",
            "personnel du service informatique de la denjs",
        ),
        (None, "unknown"),
    ],
)
def test_role_key(role, key):
    assert access.role_key(role) == key


def test_permissions_and_statuses():
    ar = pd.DataFrame(
        {
            "deliberation_id": ["a", "a", "b"],
            "role": ["Administrateurs", "le prestataire", "les administrateurs"],
            "permissions": [["all"], ["consult", "modify"], ["read", "all"]],
        }
    )
    assert access.permission_counts(ar).to_dict() == {
        "read": 1,
        "consult": 1,
        "modify": 1,
        "all": 2,
    }
    matrix = access.role_permissions(ar)
    assert matrix.loc["Administrateurs", "all"] == 2
    assert matrix.loc["Prestataire", "modify"] == 1
    links = pd.DataFrame(
        {
            "deliberation_id": ["a", "b"],
            "link_type": ["interconnection", "reconciliation"],
            "target_status": ["not_legally_implemented", "legally_implemented"],
        }
    )
    statuses = access.interconnection_statuses(links)
    assert statuses.loc["not legally implemented", "interconnection"] == 1


# --- empty tables ----------------------------------------------------------------------------


def test_every_question_and_figure_survives_an_empty_corpus(tmp_path):
    t = {
        name: load(name, tmp_path / "nowhere")
        for name in (
            "deliberations",
            "sections",
            "retention_rules",
            "commission_actions",
            "data_categories",
            "access_rights",
            "interconnections",
        )
    }
    d = t["deliberations"]
    du = retention.durations(t["retention_rules"], d)
    a = t["commission_actions"]
    n = figures.sample(0, "deliberation")
    counts = overview.year_counts(d)
    made = [
        figures.bar_by_year(overview.per_year(d, "authority"), "t", "y", n=n),
        figures.bar_by_year(overview.decisions(d), "t", "y", n=n),
        figures.lines_by_year(overview.flag_shares(d), "t", "y", n=n, counts=counts, percent=True),
        figures.barh(overview.top_controllers(d), "t", "x", n=n),
        figures.barh(overview.sections_present(d, t["sections"]), "t", "x", n=n, percent=True),
        figures.durations_plot(
            retention.category_values(du), retention.category_ranges(du), "t", n=n
        ),
        figures.lines_by_year(retention.yearly_median(du), "t", "y", n=n),
        figures.barh(retention.shortenings(du)["verdict"].value_counts(), "t", "x", n=n),
        figures.bar_by_year(actions.verbs_per_year(a, d), "t", "y", n=n),
        figures.barh(actions.theme_counts(a, d), "t", "x", n=n),
        figures.heatmap(
            actions.theme_shares_by_year(a, d),
            "t",
            "x",
            "y",
            n=n,
            counts=actions.deliberations_with_actions(a, d),
        ),
        figures.barh(access.category_share(t["data_categories"], d), "t", "x", n=n),
        figures.bar_by_year(access.sensitive_per_year(t["data_categories"], d), "t", "y", n=n),
        figures.heatmap(access.role_permissions(t["access_rights"]), "t", "x", "y", n=n),
        figures.heatmap(access.interconnection_statuses(t["interconnections"]), "t", "x", "y", n=n),
    ]
    for fig in made:
        ax = fig.axes[0]
        assert ax.get_title() == "t"
        assert "in this corpus" in " ".join(text.get_text() for text in ax.texts)
        assert figures.foot(fig).startswith("n = 0 deliberations. Source: ")
        plt.close(fig)
    assert actions.reminder_groups(t["commission_actions"], d).empty
    assert overview.summary(d) == "The corpus has no deliberations."
    assert retention.summary(du, retention.shortenings(du)) == "The corpus has no retention rules."


def test_publish_writes_a_png_only_when_asked(tmp_path, monkeypatch):
    fig = figures.barh(
        pd.Series({"identité": 3, "santé": 1}), "Categories", "deliberations", n="n = 4"
    )
    monkeypatch.delenv(figures.FIGURES_ENV, raising=False)
    figures.publish(fig, "categories")
    assert not list(tmp_path.iterdir())
    monkeypatch.setenv(figures.FIGURES_ENV, str(tmp_path))
    figures.publish(fig, "categories")
    assert (tmp_path / "categories.png").read_bytes()[:4] == b"\x89PNG"
    plt.close(fig)


# --- provenance --------------------------------------------------------------------------

DECISION = (
    "Après en avoir délibéré, la Commission :\n"
    "Rappelle que :\n"
    "- les ports non utilisés doivent être désactivés ;\n"
    "- toute copie doit être chiffrée.\n"
    "Fixe à 3 mois la durée de conservation. Demande que les personnes soient informées."
)


def test_the_sentence_around_a_fact():
    at = DECISION.index("3 mois")
    bounds = sentence_bounds(DECISION, at, at + 6)
    assert bounds is not None
    b, e = bounds
    assert DECISION[b:e] == "Fixe à 3 mois la durée de conservation."
    at = DECISION.index("toute copie")
    source = source_of(DECISION, at, at + 11)
    assert source is not None
    assert source.sentence == "- toute copie doit être chiffrée."
    assert source.intro == "Rappelle que :"
    assert source.sentence[source.start : source.end] == "toute copie"
    assert intro_line(DECISION, DECISION.index("Fixe")) is None
    assert sentence_bounds(DECISION, None, 3) is None
    assert sentence_bounds(DECISION, len(DECISION) + 5, len(DECISION) + 9) is None


def test_the_document_text_is_rebuilt_from_the_sections(tmp_path):
    from pipeline.build.corpus import process
    from pipeline.build.inputs import iter_sources, list_files
    from tests.conftest import SAMPLE

    for doc in iter_sources(list_files([SAMPLE]), []):
        result = process(doc)
        sections = pd.DataFrame(
            [
                {
                    "heading": s.heading,
                    "text": s.text,
                    "start": s.start,
                    "end": s.end,
                    "body_start": s.body_start,
                }
                for s in result.children["sections"]
            ]
        )
        assert result.deliberation is not None
        assert result.text is not None
        rebuilt = document_text(result.deliberation.title, sections)
        assert len(rebuilt) == len(result.text)
        for s in result.children["sections"]:
            assert rebuilt[s.body_start : s.end] == result.text[s.body_start : s.end]
            if s.heading:
                assert s.heading in rebuilt[s.start : s.body_start]
        assert rebuilt.startswith(result.deliberation.title)


def test_an_older_file_without_a_column_loads_with_nulls(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(
        pa.table({"deliberation_id": ["2009-7"], "year": pa.array([2009], pa.int32())}),
        tmp_path / "deliberations.parquet",
    )
    d = load("deliberations", tmp_path)
    assert d["decision"].isna().all()
    assert overview.per_year(d, "authority").loc[2009, "unknown"] == 1
