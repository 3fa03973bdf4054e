"""Scale placement, agreement, the tidy table and the version diff, on fixtures with known answers."""
from __future__ import annotations

from pathlib import Path

from model.analysis.compare import differing_areas, place
from model.analysis.diff import area_changes, diff_points, diff_positions
from model.data.loader import load_catalogue
from model.data.schema import Position
from model.analysis.tidy import COLUMNS, tidy_frame

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "diff"


def _pos(value: str | None) -> Position:
    return Position(evidence="text", summary="s", stance=value, citations=[{"source": "x"}])


def _territory():
    catalogue = load_catalogue([FIXTURES])
    return catalogue.taxonomy.area("territory"), catalogue


def test_colour_is_the_positions_own_step_and_markers_are_the_references():
    area, _ = _territory()
    first, last = _pos("left_to_negotiation"), _pos("de_jure_recognition")
    mid = place(area, _pos("freeze_at_contact_line"), first, last)
    assert (mid.kind, mid.step, mid.steps, mid.fraction) == ("placed", 2, 5, 0.5)
    assert (mid.first_step, mid.last_step) == (1, 4)
    assert "step 3 of 5" in mid.explanation and "50% along" in mid.explanation
    # The colour does not depend on the references: same step, other markers, same fraction.
    assert place(area, _pos("freeze_at_contact_line"), None, None).fraction == 0.5
    assert place(area, _pos("restore_1991_borders"), first, last).fraction == 0.0
    assert place(area, _pos("de_jure_recognition"), first, last).fraction == 1.0


def test_placement_without_reference_or_position():
    area, _ = _territory()
    no_ref = place(area, _pos("freeze_at_contact_line"), None, _pos("de_jure_recognition"))
    assert no_ref.kind == "placed" and no_ref.first_step is None and "not coded on this scale" in no_ref.explanation
    silent = Position(not_addressed=True, reason="r", evidence="text")
    assert place(area, silent, _pos("restore_1991_borders"), _pos("de_jure_recognition")).kind == "not_addressed"
    assert place(area, _pos(None), _pos("restore_1991_borders"), _pos("de_jure_recognition")).kind == "not_placed"


def test_differing_areas():
    _, catalogue = _territory()
    old, new = catalogue.get("old-plan"), catalogue.get("new-plan")
    diff = differing_areas([old, new], catalogue.taxonomy, catalogue.taxonomy.area_keys)
    # Territory: the same step, but Donetsk's status changed, and "differ" means any coded value (as on Versions).
    assert set(diff) == {"territory", "military_limits", "accountability", "nuclear"}
    assert differing_areas([old, old], catalogue.taxonomy, catalogue.taxonomy.area_keys) == []


def test_tidy_frame_rows():
    _, catalogue = _territory()
    frame = tidy_frame(catalogue.proposals, catalogue.taxonomy)
    assert list(frame.columns) == COLUMNS
    cap = frame[(frame.proposal == "old-plan") & (frame.field == "troop_cap")]
    assert cap["value"].tolist() == ["600000"] and cap["sources"].tolist() == ["ft"]
    assert frame[(frame.proposal == "new-plan") & (frame.field == "donetsk")]["value"].tolist() == ["frozen_at_contact_line"]
    assert frame[(frame.proposal == "old-plan") & (frame.area == "nuclear")]["field"].tolist() == ["not_addressed", "reason"]


def test_diff_fields_known_answer():
    _, catalogue = _territory()
    diff = diff_positions(catalogue.get("old-plan"), catalogue.get("new-plan"), catalogue.taxonomy)
    changed = {(r.area, r.field): (r.before, r.after, r.change) for r in diff.itertuples()}
    assert changed[("military_limits", "troop_cap")] == ("600,000", "800,000", "changed")
    assert changed[("territory", "donetsk")][2] == "changed"
    assert changed[("territory", "crimea")][2] == "same"
    assert changed[("accountability", "")][2] == "dropped"
    assert changed[("nuclear", "")][2] == "added"
    summary = area_changes(catalogue.get("old-plan"), catalogue.get("new-plan"), catalogue.taxonomy).set_index("area")["result"]
    assert summary["humanitarian"] == "stayed" and summary["military_limits"] == "changed"
    assert set(summary[summary == "changed"].index) == set(differing_areas(
        [catalogue.get("old-plan"), catalogue.get("new-plan")], catalogue.taxonomy, catalogue.taxonomy.area_keys)), \
        "Versions and Compare's only-differences agree on which areas differ"


def test_diff_points_known_answer():
    _, catalogue = _territory()
    points = diff_points(catalogue.get("old-plan"), catalogue.get("new-plan"))
    by_change = {r.change: r for r in points.itertuples()}
    assert by_change["amended"].earlier_point == 1 and by_change["amended"].later_point == 1
    assert by_change["deleted"].earlier_point == 2 and str(by_change["deleted"].later_point) == "<NA>"
    assert by_change["new"].later_point == 3
    assert by_change["not traced"].earlier_point == 3


def test_unpublished_part_is_not_known_rather_than_not_addressed():
    area, catalogue = _territory()
    hidden = Position(not_addressed=True, reason="Wording never published.", evidence="unknown")
    placement = place(area, hidden, _pos("restore_1991_borders"), _pos("de_jure_recognition"))
    assert placement.kind == "unknown" and "never made public" in placement.explanation
    assert hidden.silence().startswith("Not known")
    old = catalogue.get("old-plan")
    secret = old.model_copy(update={"id": "secret-plan", "positions": {**old.positions, "humanitarian": hidden}})
    assert "humanitarian" in differing_areas([old, secret], catalogue.taxonomy, ["humanitarian"]), "unknown never counts as agreeing"
