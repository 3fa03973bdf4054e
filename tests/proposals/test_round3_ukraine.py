"""Round 3 (issue 21) fixes to Ukraine's stated-position snapshots: each test pins
one coding the expert review found wrong, and fails on the data before the fix."""
from __future__ import annotations

import pytest

from model.data.loader import load_catalogue

UKRAINE = ("ukraine-position-2022-11", "ukraine-position-2024-10", "ukraine-position-2025-06",
           "ukraine-position-2025-11", "ukraine-position")
OCCUPIED = ("donetsk", "luhansk", "zaporizhzhia", "kherson")


@pytest.fixture(scope="module")
def catalogue():
    cat = load_catalogue()
    assert not cat.problems, "\n".join(map(str, cat.problems))
    return cat


def cited(position) -> dict[str, str]:
    return {c.source: (c.quote or "") for c in position.citations}


def test_nov_2025_territory_is_the_line_of_contact_without_recognition(catalogue):
    """Oct 2025: Zelensky co-signed 'the current line of contact should be the starting point of
    negotiations'; legal non-recognition stays. Not a demand to restore the 1991 borders."""
    pos = catalogue.get("ukraine-position-2025-11").positions["territory"]
    assert pos.stance == "freeze_at_contact_line"
    for region in OCCUPIED:
        assert pos.regions[region] == "frozen_at_contact_line", region
    assert "ukrainian" not in pos.regions.values()
    quotes = cited(pos)
    assert "current line of contact should be the starting point of negotiations" in quotes["lbcgroup-afp-2025-10-21"]
    assert "legal recognition" in quotes["rbcua-2025-11-24-stefanchuk"]
    assert "left_to_negotiation" in pos.stance_note and "restore_1991_borders" in pos.stance_note


@pytest.mark.parametrize("pid", ["ukraine-position-2025-06", "ukraine-position-2025-11", "ukraine-position"])
def test_no_2025_snapshot_codes_restoring_the_1991_borders(catalogue, pid):
    """Every 2025 snapshot rests on sources that take the line of contact as the starting point."""
    pos = catalogue.get(pid).positions["territory"]
    assert pos.stance != "restore_1991_borders"
    assert all(pos.regions.get(r) != "ukrainian" for r in OCCUPIED), pos.regions


def test_nov_2022_nato_is_sought_from_the_accession_application(catalogue):
    """30 Sep 2022: Ukraine signed its application for accelerated NATO accession (Interfax-Ukraine, AP)."""
    pos = catalogue.get("ukraine-position-2022-11").positions["alliances"]
    assert pos.nato == "membership_sought"
    sources = {s.id: s for s in catalogue.get("ukraine-position-2022-11").sources}
    assert {"interfaxua-862265", "thehindu-ap-2022-09-30"} <= set(cited(pos))
    assert sources["interfaxua-862265"].reliability == "high" and sources["interfaxua-862265"].date == "2022-09-30"
