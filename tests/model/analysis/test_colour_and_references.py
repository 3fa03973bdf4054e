"""Every coded position is coloured by its own step; the parties' dated stated
positions are reference markers chosen by `as_of`, never the basis of the colour."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from helpers import ROOT
from model.analysis.compare import matrix_frame, references, scale_value, snapshots
from model.data.loader import load_catalogue


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_every_coded_position_gets_a_colour(catalogue):
    taxonomy = catalogue.taxonomy
    frame = matrix_frame(catalogue.proposals, catalogue.proposals, taxonomy, taxonomy.area_keys)
    for proposal in catalogue.proposals:
        for area in taxonomy.areas:
            coded = scale_value(area, proposal.positions.get(area.key)) is not None
            row = frame[(frame["area"] == area.key) & (frame["proposal"] == proposal.id)].iloc[0]
            assert (row["placement"] == "placed") == coded, (proposal.id, area.key)


def test_no_scale_row_is_uncoloured_for_every_proposal(catalogue):
    taxonomy = catalogue.taxonomy
    frame = matrix_frame(catalogue.proposals, catalogue.proposals, taxonomy, taxonomy.area_keys)
    for area in taxonomy.areas:
        if area.scale:
            rows = frame[frame["area"] == area.key]
            assert (rows["placement"] == "placed").any(), f"no proposal is coloured on '{area.title}'"


@pytest.mark.parametrize("anchor", ["ukraine-position", "russia-position"])
def test_each_party_has_four_dated_snapshots_ending_at_the_latest(catalogue, anchor):
    chain = snapshots(catalogue.proposals, anchor)
    assert len(chain) >= 4
    assert [p.date for p in chain] == sorted(p.date for p in chain)
    assert chain[-1].id == anchor


def test_as_of_picks_the_snapshot_in_force(catalogue):
    taxonomy = catalogue.taxonomy
    latest = references(catalogue.proposals, taxonomy)
    assert (latest.first.id, latest.last.id) == ("ukraine-position", "russia-position")
    ukraine = snapshots(catalogue.proposals, "ukraine-position")
    early = references(catalogue.proposals, taxonomy, ukraine[0].date[:7])
    assert early.first.id == ukraine[0].id
    assert references(catalogue.proposals, taxonomy, "1990-01").first is None


def test_as_of_moves_the_markers_but_not_the_colour(catalogue):
    taxonomy = catalogue.taxonomy
    ukraine = snapshots(catalogue.proposals, "ukraine-position")
    plan = [catalogue.get("us-28-point-draft")]
    now = matrix_frame(plan, catalogue.proposals, taxonomy, taxonomy.area_keys)
    then = matrix_frame(plan, catalogue.proposals, taxonomy, taxonomy.area_keys, as_of=ukraine[0].date[:7])
    assert list(now["step"].fillna(-1)) == list(then["step"].fillna(-1))
    assert list(now["first_step"].fillna(-1)) != list(then["first_step"].fillna(-1)), "Ukraine's markers should move"


def test_us_draft_cap_cell_shows_the_number(catalogue):
    taxonomy = catalogue.taxonomy
    frame = matrix_frame([catalogue.get("us-28-point-draft")], catalogue.proposals, taxonomy, ["military_limits"])
    assert frame.iloc[0]["headline"] == "Cap 600,000"
    assert "800,000" not in frame.iloc[0]["scale_value"].split("to under")[0]


def test_as_of_link_sets_the_reference_snapshot_in_the_app(catalogue):
    ukraine = snapshots(catalogue.proposals, "ukraine-position")
    month = ukraine[0].date[:7]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["as_of"] = month
    at.run()
    assert not at.exception
    legend = next(h.proto.body for h in at.get("html") if "Reference positions" in h.proto.body)
    assert f"as of {month}" in legend and ukraine[0].date in legend
    bad = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    bad.query_params["as_of"] = "yesterday"
    bad.run()
    assert any("as_of" in i.value for i in bad.info), "an invalid as_of is ignored with a visible note"
