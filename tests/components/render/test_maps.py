"""Territory maps, built directly from small proposals and the real taxonomy: split regions are hatched and
named as split, 'not addressed' carries its reason, the 2022 overlay is drawn, no region is ever missing."""
from __future__ import annotations

import json

import numpy as np
import pytest

from components.render.map_figure import CONTROL_2022_LABEL, SPLIT_WORDS, shapes_of, territory_maps
from helpers import ROOT, proposal
from model.analysis.chart_data import territory_frame
from model.data.loader import PROPOSALS_DIR, TAXONOMY_NAME, load_catalogue, load_taxonomy
from model.data.schema import Proposal

TAXONOMY = load_taxonomy(PROPOSALS_DIR / TAXONOMY_NAME)
REGIONS = json.loads((ROOT / "data" / "ukraine_regions.geojson").read_text(encoding="utf-8"))
CONTROL = json.loads((ROOT / "data" / "ukraine_ru_control_2022-02-23.geojson").read_text(encoding="utf-8"))
SPLIT = [t for t in TAXONOMY.region_statuses if t.split]
PLAIN = [t for t in TAXONOMY.region_statuses if not t.split and not t.needs_note]
NEEDS_NOTE = [t for t in TAXONOMY.region_statuses if t.needs_note]
REASON = "The text speaks of the line of contact only; Crimea is not mentioned."


def _proposal(pid: str, regions: dict[str, str], notes: dict[str, str] | None = None) -> Proposal:
    return Proposal.model_validate(proposal(pid, territory={
        "stance": TAXONOMY.area("territory").scale[0].key, "regions": regions, "region_notes": notes or {}}))


def _maps(*proposals: Proposal, **kwargs):
    return territory_maps(territory_frame(list(proposals), TAXONOMY), REGIONS, TAXONOMY, **kwargs)


def _fills(fig):
    return [t for t in fig.data if t.type == "scatter" and t.fill == "toself" and t.showlegend is False]


def _legend(fig):
    return [t for t in fig.data if t.showlegend is not False and t.x == (None,)]


def _hover(fig, short_name: str) -> dict[str, tuple]:
    layer = next(t for t in fig.data if t.type == "scatter" and t.mode == "markers" and t.name == short_name)
    return {row[3]: row for row in layer.customdata}


def test_taxonomy_has_split_and_note_statuses():
    assert SPLIT, "the taxonomy flags at least one region status as split"
    assert NEEDS_NOTE and PLAIN


@pytest.mark.parametrize("status", SPLIT, ids=lambda t: t.key)
def test_split_status_is_hatched_and_named_split_in_legend(status):
    fig = _maps(_proposal("split-plan", {"donetsk": status.key}))
    drawn = [t for t in _fills(fig) if t.legendgroup == status.key]
    assert drawn, "the split region is drawn"
    assert all(t.fillpattern.shape for t in drawn), "split regions are hatched (fill pattern)"
    entry = [t for t in _legend(fig) if t.legendgroup == status.key]
    assert len(entry) == 1
    assert SPLIT_WORDS in entry[0].name.replace("<br>", " ").lower()
    assert entry[0].marker.pattern.shape, "the legend swatch shows the hatching too"
    assert _hover(fig, "split-plan")["UA-14"][1] == status.label


@pytest.mark.parametrize("status", PLAIN, ids=lambda t: t.key)
def test_non_split_status_is_not_hatched(status):
    fig = _maps(_proposal("plain-plan", {"donetsk": status.key}))
    drawn = [t for t in _fills(fig) if t.legendgroup == status.key]
    assert drawn
    assert not any(t.fillpattern and t.fillpattern.shape for t in drawn)
    entry = next(t for t in _legend(fig) if t.legendgroup == status.key)
    assert SPLIT_WORDS not in entry.name.lower()
    assert not entry.marker.pattern.shape


def test_every_status_in_legend_once_with_overlay_and_explanation():
    fig = _maps(_proposal("any-plan", {"kharkiv": PLAIN[0].key}))
    groups = [t.legendgroup for t in _legend(fig)]
    assert len(groups) == len(set(groups))
    assert {t.key for t in TAXONOMY.region_statuses} | {"not_mentioned", "control_2022"} <= set(groups)
    names = [t.name for t in _legend(fig)]
    assert CONTROL_2022_LABEL in names
    title = fig.layout.legend.title.text.replace("<br>", " ")
    assert "No open data for the later line of contact" in title and "hatched" in title
    assert fig.layout.legend.orientation == "h" and fig.layout.legend.y < 0, "legend below the maps"


def test_2022_overlay_drawn_on_every_map():
    a, b = _proposal("plan-a", {"crimea": PLAIN[0].key}), _proposal("plan-b", {})
    fig = _maps(a, b, control=CONTROL)
    overlay = [t for t in fig.data if t.name == CONTROL_2022_LABEL and t.showlegend is False and t.line.dash == "dash"]
    assert {t.xaxis for t in overlay} == {"x", "x2"}, "one dashed outline on each map"
    xs = np.asarray(overlay[0].x, dtype=float)
    assert np.isfinite(xs).sum() > 50
    assert not [t for t in _maps(a, control=False).data if t.name == CONTROL_2022_LABEL]


def test_every_region_of_the_geojson_on_every_map():
    ids = {f["properties"]["id"] for f in REGIONS["features"]}
    plans = [_proposal("named", {"donetsk": SPLIT[0].key, "kyiv_city": PLAIN[0].key}), _proposal("silent", {})]
    fig = _maps(*plans)
    for plan in plans:
        assert set(_hover(fig, plan.short_name)) == ids, plan.id
    gaps = lambda xs: int(np.isnan(np.asarray(xs, dtype=float)).sum())  # noqa: E731  (one NaN after each ring)
    drawn_per_axis: dict[str, int] = {}
    for t in _fills(fig):
        drawn_per_axis[t.xaxis] = drawn_per_axis.get(t.xaxis, 0) + gaps(t.x)
    rings = sum(gaps(xs) for xs, _ in shapes_of(REGIONS).paths.values())
    assert drawn_per_axis == {"x": rings, "x2": rings}, "every ring of every region is filled on each map"


def test_real_proposals_every_region_on_every_map():
    catalogue = load_catalogue()
    fig = territory_maps(territory_frame(catalogue.proposals, catalogue.taxonomy), None, catalogue.taxonomy)
    ids = {f["properties"]["id"] for f in REGIONS["features"]}
    for p in catalogue.proposals:
        assert set(_hover(fig, p.short_name)) == ids, p.id


@pytest.mark.parametrize("status", NEEDS_NOTE, ids=lambda t: t.key)
def test_not_addressed_shows_its_reason_and_own_style(status):
    fig = _maps(_proposal("silent-on-crimea", {"crimea": status.key, "donetsk": PLAIN[0].key}, {"crimea": REASON}))
    row = _hover(fig, "silent-on-crimea")["UA-43"]
    assert row[1] == status.label
    assert REASON in row[2].replace("<br>", " ")
    assert "Evidence" in row[4]
    drawn = next(t for t in _fills(fig) if t.legendgroup == status.key)
    not_named = next(t for t in _fills(fig) if t.legendgroup == "not_mentioned")
    assert (drawn.fillcolor, drawn.line.dash) != (not_named.fillcolor, not_named.line.dash)
    assert drawn.line.dash not in (None, "solid"), "its own outline, not colour alone"


def test_hover_has_note_and_evidence():
    fig = _maps(_proposal("noted", {"donetsk": SPLIT[0].key}, {"donetsk": "Frozen along the line <as drafted>."}))
    row = _hover(fig, "noted")["UA-14"]
    assert row[0] == "Donetsk" and "Frozen along the line &lt;as drafted&gt;." in row[2]
    assert row[4] == "<br>Evidence: " + TAXONOMY.evidence_label("text")
    assert "%{customdata[2]}" in next(t for t in fig.data if t.name == "noted").hovertemplate


def test_territory_frame_marks_split_from_taxonomy():
    frame = territory_frame([_proposal("f", {"donetsk": SPLIT[0].key, "kharkiv": PLAIN[0].key})], TAXONOMY)
    by_region = frame.set_index("region")["split"]
    assert by_region["donetsk"] and not by_region["kharkiv"] and not by_region["crimea"]


def test_shapes_are_cached_and_keep_neighbours_joined():
    first = shapes_of(REGIONS)
    assert shapes_of(REGIONS) is first
    # thinned borders stay shared: every vertex of Donetsk's border with Zaporizhzhia is a vertex of both
    def points(iso):
        xs, ys = first.paths[iso]
        return {(round(float(x), 4), round(float(y), 4)) for x, y in zip(xs, ys) if np.isfinite(x)}
    shared = points("UA-14") & points("UA-23")
    assert len(shared) >= 3


@pytest.mark.parametrize("status", NEEDS_NOTE, ids=lambda t: t.key)
def test_not_addressed_marked_on_the_map_not_colour_alone(status):
    from components.render.map_figure import NOTE_MARK

    fig = _maps(_proposal("marked", {"crimea": status.key}, {"crimea": REASON}), _proposal("unmarked", {}))
    marks = [t for t in fig.data if t.type == "scatter" and t.mode == "text"]
    assert len(marks) == 1 and list(marks[0].text) == [NOTE_MARK] and marks[0].xaxis == "x"
    entry = next(t for t in _legend(fig) if t.legendgroup == status.key)
    assert NOTE_MARK in entry.name
