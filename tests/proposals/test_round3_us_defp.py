"""Pinned facts from the second expert review (issue 21, round 3) of the US 28-point draft and the Defense
Priorities paper: one region-status key means one thing (held by Russia without recognition is not
"recognised de facto"), point 21(d)'s recognised Donetsk strip, the Iran–Iraq line length as a sourced
range, the disputed codings with both readings, and the best source cited first.

Plain pytest over the shipped data (model.data.loader.load_catalogue()); each test names the fact it pins."""
from __future__ import annotations

import re

import pytest

from model.data.loader import load_catalogue
from model.data.reference_data import load_comparators
from model.lessons.plan import crossed_red_lines  # the public facade (re-exported after the plan split)

HELD = "russian_held_unrecognised"
RECOGNISING = {"frozen_de_facto_recognition", "russian_de_facto", "russian_de_jure"}
RELIABILITY = {"high": 0, "medium": 1, "low": 2}


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


@pytest.fixture(scope="module")
def defp(catalogue):
    return catalogue.get("defp-armed-neutrality")


@pytest.fixture(scope="module")
def us28(catalogue):
    return catalogue.get("us-28-point-draft")


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "")


def _grade(catalogue, source_id: str) -> str:
    source = catalogue.registry.get(source_id)
    assert source is not None, f"unknown source {source_id}"
    return source.reliability


# --- 1. one key, one meaning -------------------------------------------------------------------

def test_taxonomy_has_a_held_but_unrecognised_status_between_the_ends(catalogue):
    keys = [t.key for t in catalogue.taxonomy.region_statuses]
    assert HELD in keys
    label = next(t.label for t in catalogue.taxonomy.region_statuses if t.key == HELD)
    assert "not recognised" in label.lower()
    # after "frozen, no recognition" and before every status that recognises Russian control
    assert keys.index("frozen_at_contact_line") < keys.index(HELD) < min(keys.index(k) for k in RECOGNISING)


def test_held_status_has_its_own_colour_and_the_methodology_explains_it():
    from pathlib import Path

    from components.render.palette import REGION_STATUS_COLORS
    assert HELD in REGION_STATUS_COLORS
    assert REGION_STATUS_COLORS[HELD] != REGION_STATUS_COLORS["russian_de_facto"]
    page = Path(__file__).resolve().parents[2] / "components" / "pages" / "methodology.py"
    text = _squash(page.read_text(encoding="utf-8"))
    assert "Held by Russia, not recognised" in text and "drawn" in text


def test_defp_codes_crimea_and_sevastopol_as_held_not_recognised(defp):
    territory = defp.positions["territory"]
    assert territory.regions["crimea"] == territory.regions["sevastopol"] == HELD
    for region in ("crimea", "sevastopol"):
        assert "russian_de_facto" not in territory.regions.values()
        assert "recognis" in territory.region_notes[region]


def test_russian_de_facto_is_never_explained_as_control_without_recognition(catalogue):
    """Wherever a proposal codes a region russian_de_facto, its note must not say the region is held
    without recognition (that is russian_held_unrecognised)."""
    for plan in catalogue.proposals:
        territory = plan.positions.get("territory")
        if territory is None or territory.not_addressed:
            continue
        for region, status in territory.regions.items():
            if status != "russian_de_facto":
                continue
            note = _squash((territory.region_notes or {}).get(region)).lower()
            assert "without recognition" not in note and "asks no one to recognise" not in note, (plan.id, region)


def _ukraine_recognition_lines(catalogue):
    lines = []
    for plan in catalogue.proposals:
        if plan.party != "ukraine":
            continue
        for line in getattr(plan, "red_lines", None) or []:
            words = (line.label or "").lower()
            if "recognised" in words or "recognized" in words:
                lines.append((plan.id, line))
    return lines


def test_defp_crosses_none_of_ukraines_recognition_red_lines(catalogue, defp):
    lines = _ukraine_recognition_lines(catalogue)
    assert lines, "Ukraine's position files state a recognition red line"
    crossed = crossed_red_lines(defp, [line for _, line in lines])
    assert not crossed, [(pid, line.label) for pid, line in lines if line in crossed]


def test_us_draft_still_crosses_ukraines_recognition_red_line(catalogue, us28):
    lines = [line for _, line in _ukraine_recognition_lines(catalogue)]
    assert crossed_red_lines(us28, lines)


# --- 2. point 21(d): the Donetsk strip is recognised as Russian territory ------------------------

def test_us_draft_donetsk_is_coded_beyond_de_facto(us28):
    territory = us28.positions["territory"]
    assert territory.regions["donetsk"] == "russian_de_jure"
    # Crimea and Luhansk stay "recognised de facto", the meaning russian_de_facto has everywhere
    assert territory.regions["crimea"] == territory.regions["luhansk"] == "russian_de_facto"


def test_us_draft_donetsk_note_quotes_21d_and_weighs_the_buffer_coding(catalogue, us28):
    territory = us28.positions["territory"]
    note = _squash(territory.region_notes["donetsk"])
    assert '"territory belonging to the Russian Federation"' in note and "21(d)" in note
    assert "demilitarized_buffer" in note
    quoting = [c for c in territory.citations if "territory belonging to the Russian Federation" in _squash(c.quote)]
    assert quoting and all(_grade(catalogue, c.source) != "low" for c in quoting)


# --- 3. the Iran–Iraq line: a sourced range, not "not supported" ---------------------------------

@pytest.fixture(scope="module")
def uniimog():
    comparators, problems = load_comparators()
    assert not problems and comparators is not None
    return next(c for c in comparators.comparators if c.key == "uniimog_1988")


def test_uniimog_line_length_is_a_range_with_its_sources(catalogue, uniimog):
    length = uniimog.line_length_km
    assert length is not None and length.qualifier == "about" and 1126 <= length.value <= 1599
    given = _squash(length.as_given)
    for figure in ("1,458 km", "906 miles", "1,599 km", "700–740 miles"):
        assert figure in given, figure
    quotes = " ".join(_squash(c.quote) for c in uniimog.citations)
    assert "1,458" in quotes and ("1,599" in quotes or "1599" in quotes)
    for figure in ("1,458 km", "1,599 km"):
        assert figure in _squash(uniimog.summary)


def test_uniimog_length_is_not_called_unsupported(uniimog):
    text = " ".join(_squash(n.detail) + " " + _squash(n.disputed_by) for n in uniimog.contested)
    assert "not supported" not in text
    assert "1,458" in text and "1,599" in text


def test_defp_iran_iraq_note_gives_the_range_and_disputes_only_the_observers(defp):
    notes = defp.positions["ceasefire_and_monitoring"].contested
    note = next(n for n in notes if "900-mile" in _squash(n.claim))
    text = _squash(note.detail) + " " + _squash(note.disputed_by)
    assert "not supported" not in text
    for figure in ("1,458 km", "906 miles", "1,599 km", "350"):
        assert figure in text, figure
    sources = {c.source for c in note.citations}
    assert {"cia-wfb-1995-iraq", "logcluster-iraq-profile"} <= sources


# --- 4. disputed codings: both readings written, one decided -------------------------------------

@pytest.mark.parametrize("plan_id, area, field, value, words", [
    ("us-28-point-draft", "security_guarantees", "guarantee_type", "unspecified_guarantee",
     ("Article 5-like", "decisive coordinated military response", "mirroring Article 5", "does not obligate")),
    ("us-28-point-draft", "alliances", "foreign_troops", "limited",
     ("Banned", "Limited", "NATO agrees not to station troops in Ukraine")),
    ("defp-armed-neutrality", "alliances", "nato", "renounced",
     ("neutrality_no_foreign_forces", "Renounced", "in either country", "permanently or for an extended period")),
])
def test_disputed_coding_states_both_readings_and_the_decision(catalogue, plan_id, area, field, value, words):
    position = catalogue.get(plan_id).positions[area]
    assert getattr(position, field) == value
    note = _squash(position.stance_note)
    assert "two readings" in note and "Decided" in note, note
    for word in words:
        assert word in note, word


def test_us_guarantee_side_agreement_cites_the_ap_report_first(catalogue, us28):
    note = next(n for n in us28.positions["security_guarantees"].contested if "side" in _squash(n.detail).lower())
    assert _grade(catalogue, note.citations[0].source) == "high"


# --- 5. the best source first ---------------------------------------------------------------------

@pytest.mark.parametrize("plan_id", ["us-28-point-draft", "defp-armed-neutrality"])
def test_every_cell_cites_its_most_reliable_source_first_and_none_rests_only_on_low(catalogue, plan_id):
    for area, position in catalogue.get(plan_id).positions.items():
        if position.not_addressed or not position.citations:
            continue
        grades = [RELIABILITY[_grade(catalogue, c.source)] for c in position.citations]
        assert grades[0] == min(grades), f"{plan_id}/{area}: the first source is not the most reliable"
        assert min(grades) < RELIABILITY["low"], f"{plan_id}/{area} rests only on low-graded sources"


def test_us_draft_territory_no_longer_leads_with_the_aggregator(us28):
    first = us28.positions["territory"].citations[0].source
    assert first != "localnewswave-usatoday" and first == "ft-irishtimes-2025-11-21"


def test_us_draft_points_lead_with_a_better_source_where_one_exists(catalogue, us28):
    weak_only = []
    for point in us28.points:
        grades = [RELIABILITY[_grade(catalogue, c.source)] for c in point.citations]
        assert grades[0] == min(grades), f"point {point.number}: the first source is not the most reliable"
        if min(grades) == RELIABILITY["low"]:
            weak_only.append(point.number)
    # point 20 (tolerance rules, Nazi ideology) is the only point found solely on a low-graded page
    assert weak_only == [20]
