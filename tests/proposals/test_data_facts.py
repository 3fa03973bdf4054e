"""Pinned facts from the issue-7 review of the non-party proposals: the corrected
wording of the US 28-point draft (points 10 and 21), complete territory data
for every proposal with a coded territory stance, the revisited codings, and
how the source registry describes think tanks and grades major outlets.

Plain pytest over the shipped data (model.data.loader.load_catalogue()); each test
names the fact it pins so that a failure says what regressed."""
from __future__ import annotations

import re

import pytest

from model.data.loader import load_catalogue

SIX = ("crimea", "sevastopol", "donetsk", "luhansk", "zaporizhzhia", "kherson")
SILENT = {"not_addressed", "not_known", "unknown"}


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


@pytest.fixture(scope="module")
def us28(catalogue):
    plan = catalogue.get("us-28-point-draft")
    assert plan is not None
    return plan


def _point(plan, number):
    return next(p for p in plan.points if p.number == number)


def _quotes(citations):
    return " ".join(c.quote or "" for c in citations)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


# --- point 21(b): the freeze in Kherson and Zaporizhzhia means de facto recognition ---

def test_point_21b_regions_are_split_with_de_facto_recognition(us28):
    regions = us28.positions["territory"].regions
    assert regions["kherson"] == "frozen_de_facto_recognition"
    assert regions["zaporizhzhia"] == "frozen_de_facto_recognition"


def test_point_21b_text_and_quote_say_de_facto_recognition(us28):
    point = _point(us28, 21)
    assert "de facto recognition along the line of contact" in _squash(point.text)
    assert "which will mean de facto recognition along the line of contact" in _squash(_quotes(point.citations))
    territory = us28.positions["territory"]
    assert "will mean de facto recognition along" in _squash(_quotes(territory.citations))
    assert "no recognition stated" not in " ".join(territory.region_notes.values())


def test_point_21b_split_statuses_are_drawn_hatched(catalogue):
    split = {s.key for s in catalogue.taxonomy.region_statuses if s.split}
    assert {"frozen_at_contact_line", "frozen_de_facto_recognition"} <= split


# --- point 21(c): "other agreed territories", not "other areas it controls" ---

def test_point_21c_wording(us28):
    point = _point(us28, 21)
    assert "other agreed territories" in _squash(point.text)
    assert "Russia will relinquish other agreed territories it controls outside the five regions" in _squash(
        _quotes(point.citations))
    assert "other agreed territories" in _squash(us28.positions["territory"].summary)
    everything = _squash(" ".join([point.text, us28.positions["territory"].summary, us28.summary]))
    assert "other areas it controls" not in everything
    assert "other areas it holds" not in everything


# --- point 10: "a decisive coordinated military response" ---

def test_point_10_wording(us28):
    point = _point(us28, 10)
    text = _squash(point.text)
    assert "decisive coordinated military response" in text
    assert "there is a military response" not in text
    assert "in addition to a decisive coordinated military response" in _squash(_quotes(point.citations))
    guarantees = us28.positions["security_guarantees"]
    assert "decisive coordinated military response" in _squash(guarantees.summary)
    assert "there is a military response" not in _squash(guarantees.summary)


def test_point_10_guarantee_coding_is_explained(us28):
    guarantees = us28.positions["security_guarantees"]
    assert guarantees.guarantee_type == "unspecified_guarantee"
    note = _squash(guarantees.stance_note or "")
    assert "decisive coordinated military response" in note and "Article 5-like" in note


def test_sevastopol_is_coded_with_crimea_in_the_us_draft(us28):
    territory = us28.positions["territory"]
    assert territory.regions["sevastopol"] == territory.regions["crimea"] == "russian_de_facto"
    assert "sevastopol" in territory.region_notes


# --- complete territory data ---

def _after_september_2022(date: str) -> bool:
    return date[:7] > "2022-09"


def test_every_coded_territory_stance_after_sept_2022_covers_the_six_regions(catalogue):
    checked = []
    for plan in catalogue.proposals:
        territory = plan.positions.get("territory")
        if territory is None or territory.not_addressed or territory.stance in (None, *SILENT):
            continue
        if not _after_september_2022(plan.date):
            continue
        checked.append(plan.id)
        missing = [r for r in SIX if r not in territory.regions]
        assert not missing, f"{plan.id}: no status for {missing}"
        for region in SIX:
            if territory.regions[region] == "not_addressed":
                assert territory.region_notes.get(region), f"{plan.id}: {region} not addressed without a reason"
    assert {"us-28-point-draft", "e3-counterproposal", "telegraph-24-point-plan",
            "defp-armed-neutrality", "20-point-framework"} <= set(checked)


def test_regions_are_only_the_ones_named_in_the_taxonomy_and_notes_explain_split_regions(catalogue):
    known = set(catalogue.taxonomy.regions)
    split = {s.key for s in catalogue.taxonomy.region_statuses if s.split}
    mine = ["us-28-point-draft", "e3-counterproposal", "telegraph-24-point-plan", "defp-armed-neutrality",
            "20-point-framework", "istanbul-2022-draft", "minsk-ii"]
    for plan_id in mine:
        territory = catalogue.get(plan_id).positions["territory"]
        assert set(territory.regions) <= known
        for region, status in territory.regions.items():
            if status in split or status in ("not_addressed", "to_be_negotiated"):
                assert territory.region_notes.get(region), f"{plan_id}: {region} ({status}) needs a note saying how"


def test_older_texts_cover_what_they_cover(catalogue):
    istanbul = catalogue.get("istanbul-2022-draft").positions["territory"].regions
    assert {"crimea", "sevastopol", "donetsk", "luhansk"} <= set(istanbul)
    minsk = catalogue.get("minsk-ii").positions["territory"]
    assert minsk.regions["crimea"] == minsk.regions["sevastopol"] == "not_addressed"


# --- codings revisited (issue 7, item 6) ---

@pytest.mark.parametrize("plan_id, area, field, expected", [
    ("defp-armed-neutrality", "ceasefire_and_monitoring", "stance", "ceasefire_first"),
    ("istanbul-2022-draft", "security_guarantees", "guarantee_type", "guarantee_with_russia_as_guarantor"),
    ("e3-counterproposal", "territory", "stance", "left_to_negotiation"),
])
def test_revisited_codings_say_why_and_name_the_alternative(catalogue, plan_id, area, field, expected):
    position = catalogue.get(plan_id).positions[area]
    assert getattr(position, field) == expected
    assert "alternative" in (position.stance_note or "").lower()


def test_20_point_accountability_review_is_recorded(catalogue):
    position = catalogue.get("20-point-framework").positions["accountability"]
    assert position.not_addressed and position.evidence == "reported"
    note = (position.stance_note or "").lower()
    assert "alternative" in note and "not known" in note


def test_army_caps_sit_on_the_split_steps(catalogue):
    assert catalogue.get("us-28-point-draft").positions["military_limits"].stance == "cap_below_current_size"
    assert catalogue.get("istanbul-2022-draft").positions["military_limits"].stance == "cap_prewar_or_below"
    assert catalogue.get("e3-counterproposal").positions["military_limits"].stance == "cap_near_current_size"
    assert catalogue.get("20-point-framework").positions["military_limits"].stance == "cap_near_current_size"


# --- source registry: think tanks described alike, major outlets graded alike ---

THINK_TANK_NAMES = (
    "Institute for the Study of War", "ISW", "Defense Priorities", "Chatham House", "PISM", "RAND",
    "Carnegie", "Brookings", "Atlantic Council", "CSIS", "RUSI", "ECFR", "Quincy Institute",
)


def _is_think_tank_text(source) -> bool:
    words = f"{source.title} {source.publisher}"
    return any(re.search(rf"\b{re.escape(name)}\b", words) for name in THINK_TANK_NAMES)


def test_think_tank_texts_are_classed_as_think_tanks(catalogue):
    wrong = [s.id for s in catalogue.registry.sources.values() if _is_think_tank_text(s) and s.kind != "think_tank"]
    assert not wrong, f"think-tank texts not classed think_tank: {wrong}"


def test_every_think_tank_source_states_its_orientation(catalogue):
    tanks = [s for s in catalogue.registry.sources.values() if s.kind == "think_tank"]
    assert {"defp-2025-02-18", "isw-repost-2025-12-19"} <= {s.id for s in tanks}
    for source in tanks:
        assert (source.reliability_note or "").startswith("Orientation:"), f"{source.id} has no orientation note"


MAJOR_OUTLETS = (
    "CNN", "BBC News", "Al Jazeera", "Interfax-Ukraine", "Ukrinform", "Kyiv Independent", "The Kyiv Independent",
    "Los Angeles Times", "The Christian Science Monitor",
)
SAME_GRADE_OUTLETS = MAJOR_OUTLETS + ("Kyiv Post", "UNN (Ukrainian National News)", "RBC-Ukraine", "LIGA.net")


def _grades_by_publisher(catalogue, publishers):
    grades = {}
    for source in catalogue.registry.sources.values():
        if source.publisher in publishers and source.kind == "news":
            grades.setdefault(source.publisher, {}).setdefault(source.reliability, []).append(source.id)
    return grades


def test_major_outlets_own_reports_are_graded_high(catalogue):
    grades = _grades_by_publisher(catalogue, MAJOR_OUTLETS)
    assert {"CNN", "Interfax-Ukraine", "Ukrinform", "Los Angeles Times"} <= set(grades)
    wrong = {pub: g for pub, g in grades.items() if set(g) != {"high"}}
    assert not wrong, wrong


def test_one_outlets_own_reports_share_one_grade(catalogue):
    mixed = {pub: g for pub, g in _grades_by_publisher(catalogue, SAME_GRADE_OUTLETS).items() if len(g) > 1}
    assert not mixed, mixed
