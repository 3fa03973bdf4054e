"""Figure builders, called directly: what a student would see on each chart."""
from __future__ import annotations

import json
from pathlib import Path

from components.figures import caps_over_time_figure, guarantees_figure, territory_maps, troop_caps_figure
from helpers import ROOT
from model.chart_data import caps_over_time_frame, guarantees_frame, territory_frame, troop_caps_frame
from model.loader import load_catalogue
from model.reference_data import load_reference_figures

FIXTURES = Path(__file__).parent / "fixtures" / "diff"
GEOJSON = json.loads((ROOT / "data" / "ukraine_regions.geojson").read_text(encoding="utf-8"))


def _catalogue():
    return load_catalogue([FIXTURES])


def test_no_cap_is_not_a_zero_bar():
    catalogue = _catalogue()
    old = catalogue.get("old-plan")
    silent = catalogue.get("new-plan").model_copy(update={"positions": {**catalogue.get("new-plan").positions,
        "military_limits": old.positions["nuclear"]}})
    frame = troop_caps_frame([old, silent])
    fig = troop_caps_figure(frame)
    bars = [t for t in fig.data if t.type == "bar"]
    assert len(bars) == 1 and list(bars[0].x) == [600000] and list(bars[0].y) == [old.short_name]
    labels = [a.text for a in fig.layout.annotations]
    assert any("Not addressed" in t for t in labels)


def test_reference_lines_carry_citations():
    refs, problems = load_reference_figures()
    assert not problems
    fig = troop_caps_figure(troop_caps_frame(_catalogue().proposals), refs.figures, {s.id: s.publisher for s in refs.sources})
    hovers = [t.hovertemplate for t in fig.data if t.type == "scatter"]
    assert any("900,000" in h and "Irish Times" in h for h in hovers)
    assert any("Reported current size" in a.text for a in fig.layout.annotations)


def test_every_region_on_every_map():
    catalogue = _catalogue()
    frame = territory_frame(catalogue.proposals, catalogue.taxonomy)
    fig = territory_maps(frame, GEOJSON, catalogue.taxonomy)
    geo_ids = {f["id"] for f in GEOJSON["features"]}
    hover = {t.name: t for t in fig.data if t.type == "scatter" and t.mode == "markers" and t.customdata is not None}
    assert set(hover) == {p.short_name for p in catalogue.proposals}, "one map per proposal"
    for proposal in catalogue.proposals:
        regions = {row[3]: row[1] for row in hover[proposal.short_name].customdata}
        assert set(regions) == geo_ids, proposal.id
    assert {row[3]: row[1] for row in hover["new-plan"].customdata}["UA-14"] == "Split at the line of contact (frozen, no recognition stated)"
    legend = [t.name for t in fig.data if t.showlegend is not False and t.customdata is None and t.x == (None,)]
    assert len(legend) == len(set(legend)), "each status appears once in the shared legend"
    assert "Demilitarised buffer zone" in legend and "Not named by this proposal" in legend


def test_guarantees_chart_rows():
    catalogue = _catalogue()
    frame = guarantees_frame(catalogue.proposals, catalogue.taxonomy)
    assert set(frame["guarantee_label"]) == {"Not addressed"}
    fig = guarantees_figure(frame, catalogue.taxonomy)
    assert len(fig.data) == 8
    missing = [t for t in fig.data if t.marker.symbol == "circle-open"]
    assert all(set(t.x) == {"Not addressed"} for t in missing if len(t.x))
    assert sorted(y for t in missing[:1] for y in t.y) == sorted(p.short_name for p in catalogue.proposals)


def test_caps_over_time_plots_only_numbers():
    frame = caps_over_time_frame(_catalogue().proposals)
    fig = caps_over_time_figure(frame)
    assert sorted(fig.data[0].y) == [600000, 800000]


def test_ceasefire_scale_keeps_qualifiers_and_skips_missing():
    from components.figures import ceasefire_scale_figure
    from model.chart_data import ceasefire_scale_frame
    from model.reference_data import load_comparators

    comparators, _ = load_comparators()
    defp = load_catalogue().get("defp-armed-neutrality")
    frame = ceasefire_scale_frame(comparators.comparators, [defp])
    fig = ceasefire_scale_figure(frame)
    widths, monitors = fig.data
    assert "≈8" in widths.text and "≤500" in monitors.text
    assert len(widths.x) == int(frame["zone_width_km"].notna().sum()) < len(frame), "cases without a width get no bar"
    assert 0 not in widths.x and 0 not in monitors.x
