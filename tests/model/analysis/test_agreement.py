"""One meaning of "differ" (model/analysis/agreement.py), the same on Compare, Versions, the slides and the quiz."""
from __future__ import annotations

import itertools

import pytest

from model.analysis.agreement import CANNOT_TELL, DIFFER, SAME, relation
from model.analysis.compare import differing_areas
from model.analysis.diff import area_changes, diff_positions
from model.data.loader import load_catalogue
from model.data.schema import NOT_KNOWN


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_compare_hides_exactly_the_areas_versions_says_stayed_for_every_pair(catalogue):
    taxonomy = catalogue.taxonomy
    for a, b in itertools.combinations(catalogue.proposals, 2):
        stayed = set(area_changes(a, b, taxonomy).query("result == 'stayed'")["area"])
        assert stayed == set(taxonomy.area_keys) - set(differing_areas([a, b], taxonomy, taxonomy.area_keys)), (a.id, b.id)


def test_us_draft_to_e3_counts_match_between_the_two_pages(catalogue):
    a, b = catalogue.get("us-28-point-draft"), catalogue.get("e3-counterproposal")
    summary = area_changes(a, b, catalogue.taxonomy)
    shown = differing_areas([a, b], catalogue.taxonomy, catalogue.taxonomy.area_keys)
    assert len(summary.query("result != 'stayed'")) == len(shown)


def test_an_unpublished_wording_is_not_known_never_dropped(catalogue):
    pairs = [(a, b, area) for a in catalogue.proposals for b in catalogue.proposals if a.id != b.id
             for area, p in b.positions.items() if p.silence() == NOT_KNOWN
             and a.positions.get(area) is not None and not a.positions[area].not_addressed]
    assert pairs, "the data has texts whose wording was never made public"
    for a, b, area in pairs[:20]:
        rows = diff_positions(a, b, catalogue.taxonomy).query("area == @area")
        assert "dropped" not in set(rows["change"]), (a.id, b.id, area)
        assert "unknown" in set(rows["change"])
        assert relation(area, [a.positions[area], b.positions[area]], catalogue.taxonomy) == CANNOT_TELL


def test_the_three_outcomes(catalogue):
    taxonomy = catalogue.taxonomy
    us = catalogue.get("us-28-point-draft")
    assert relation("military_limits", [us.positions["military_limits"]] * 2, taxonomy) == SAME
    ru = catalogue.get("russia-position")
    assert relation("military_limits", [us.positions["military_limits"], ru.positions["military_limits"]], taxonomy) == DIFFER
