"""Figure builders, called directly: what a student would see on each chart."""
from __future__ import annotations

import json
from pathlib import Path

from components.render.figures import caps_over_time_figure, guarantees_figure, territory_maps, troop_caps_figure
from helpers import ROOT
from model.analysis.chart_data import caps_over_time_frame, guarantees_frame, territory_frame, troop_caps_frame
from model.data.loader import load_catalogue
from model.data.reference_data import load_reference_figures

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "diff"
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
    labels = list(fig.layout.yaxis.ticktext)
    assert any("Not addressed" in t for t in labels), "the row says why it has no bar"
    assert any("<b>600,000</b>" in t for t in labels), "the cap is written in full in its row label"
    assert any("no bar" in a.text for a in fig.layout.annotations)


def test_reference_lines_carry_citations():
    refs, problems = load_reference_figures()
    assert not problems
    fig = troop_caps_figure(troop_caps_frame(_catalogue().proposals), refs.figures, {s.id: s.publisher for s in refs.sources})
    hovers = [t.hovertemplate for t in fig.data if t.type == "scatter" and t.hovertemplate]
    assert any("900,000" in h and "Irish Times" in h for h in hovers)
    assert any("current size 800,000–900,000+" in (t.name or "") for t in fig.data if t.showlegend is not False), "the band is explained in the legend"


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
    panels = [t for t in fig.data if t.x != (None,) and t.mode == "markers+text"]
    assert len(panels) == 4, "one trace of (chosen) proposals in each of the four panels"
    for trace in panels:
        assert sorted(t.replace("<b>", "").replace("</b>", "") for t in trace.text) == sorted(p.short_name for p in catalogue.proposals)
        axis = fig.layout[trace.yaxis.replace("y", "yaxis")]
        row = list(axis.tickvals).index(min(axis.tickvals, key=lambda v: abs(v - trace.y[0])))
        assert axis.ticktext[row].replace("<br>", " ") == "Not addressed or not coded", "silent proposals sit in the last row"


def test_caps_over_time_plots_only_numbers():
    frame = caps_over_time_frame(_catalogue().proposals)
    fig = caps_over_time_figure(frame)
    assert sorted(fig.data[0].y) == [600000, 800000]


def test_ceasefire_scale_keeps_qualifiers_and_skips_missing():
    from components.render.figures import ceasefire_scale_figure
    from model.analysis.chart_data import ceasefire_scale_frame
    from model.data.reference_data import load_comparators

    comparators, _ = load_comparators()
    defp = load_catalogue().get("defp-armed-neutrality")
    frame = ceasefire_scale_frame(comparators.comparators, [defp])
    fig = ceasefire_scale_figure(frame)
    widths, monitors = [t for t in fig.data if t.x != (None,)]
    assert "≈8" in widths.text and "≤500" in monitors.text
    assert len(widths.x) == int(frame["zone_width_km"].notna().sum()) < len(frame), "cases without a width get no bar"
    assert 0 not in widths.x and 0 not in monitors.x


# ---- phone-ready charts (issue 11, items 3, 6 and 8) ----------------------------------------------

def _all_figures():
    """Every non-map chart, built from the real data as the Charts and Timeline pages build them."""
    from components.render.figures import ceasefire_scale_figure, timeline_figure
    from model.analysis.chart_data import ceasefire_scale_frame, timeline_frame
    from model.data.reference_data import load_comparators

    catalogue = load_catalogue()
    refs, _ = load_reference_figures()
    comparators, _ = load_comparators()
    chosen = [catalogue.get(i) for i in ("minsk-ii", "istanbul-2022-draft", "us-28-point-draft", "e3-counterproposal",
                                         "russia-position", "ukraine-position", "defp-armed-neutrality")]
    return {
        "caps": troop_caps_figure(troop_caps_frame(chosen), refs.figures),
        "guarantees": guarantees_figure(guarantees_frame(chosen, catalogue.taxonomy), catalogue.taxonomy),
        "ceasefire": ceasefire_scale_figure(ceasefire_scale_frame(comparators.comparators, chosen)),
        "timeline": timeline_figure(timeline_frame(catalogue.proposals)),
        "caps_time": caps_over_time_figure(caps_over_time_frame(catalogue.proposals), refs.figures),
    }


def _texts(fig) -> list[str]:
    """Every string a chart draws: title, tick labels, annotations, legend names, trace text."""
    layout = fig.layout.to_plotly_json()
    out = [str((layout.get("title") or {}).get("text") or "")]
    for name, axis in layout.items():
        if name.startswith(("xaxis", "yaxis")):
            out += [str(t) for t in axis.get("ticktext") or []]
    out += [str(a.get("text") or "") for a in layout.get("annotations") or []]
    for trace in fig.data:
        if trace.showlegend is not False:  # legend entries (hover-only traces draw no name)
            out.append(str(trace.name or ""))
        text = getattr(trace, "text", None)
        out += [str(t) for t in ([text] if isinstance(text, str) else (text or []))]
    return out


def test_every_chart_has_its_legend_below_in_a_row():
    for name, fig in _all_figures().items():
        legend = fig.layout.legend
        assert legend.orientation == "h", name
        assert legend.yanchor == "top" and legend.y < 0, f"{name}: the legend sits under the plot"


def test_long_labels_are_wrapped_at_word_boundaries():
    import re

    from components.render.figures import wrap

    assert wrap("Sinai, Egypt–Israel Peace Treaty zones", 19) == "Sinai, Egypt–Israel<br>Peace Treaty zones"
    assert wrap("short", 18) == "short"
    assert "".join(wrap("Binding Article 5-like guarantee outside NATO", 12).split("<br>")) .replace(" ", "") == \
        "BindingArticle5-likeguaranteeoutsideNATO", "wrapping only inserts line breaks, never drops words"
    for name, fig in _all_figures().items():
        for text in _texts(fig):
            for line in text.split("<br>"):
                line = re.sub(r"<[^>]+>", "", line)
                assert len(line) <= 44, f"{name}: a line of {len(line)} characters will not fit a phone: {line!r}"


def test_numbers_are_written_in_full():
    figures = _all_figures()
    caps = " ".join(_texts(figures["caps"]))
    assert "600,000" in caps and "800,000" in caps and "85,000" in caps and "250,000" in caps
    over_time = " ".join(_texts(figures["caps_time"]))
    assert "600,000" in over_time and "800,000" in over_time
    for name, fig in figures.items():
        for axis_name, axis in fig.layout.to_plotly_json().items():
            if axis_name.startswith(("xaxis", "yaxis")) and "%" not in str(axis.get("tickformat") or "%"):
                assert axis["tickformat"] == ",d", f"{name} {axis_name}: whole numbers with thousands separators, no SI '600k'"
        assert not any(t.endswith("k") and t[:-1].isdigit() for t in _texts(fig)), name


def test_minsk_ii_appears_once_on_the_ceasefire_chart():
    from components.render.figures import ceasefire_scale_figure
    from model.analysis.chart_data import ceasefire_scale_frame
    from model.data.reference_data import load_comparators

    comparators, _ = load_comparators()
    catalogue = load_catalogue()
    frame = ceasefire_scale_frame(comparators.comparators, [catalogue.get("minsk-ii"), catalogue.get("defp-armed-neutrality")])
    assert sum("Minsk II" in n for n in frame["name"]) == 1, "Minsk II is a proposal file and a historical case: one row"
    assert "Also chosen as a proposal" in frame.loc[frame["name"].str.startswith("Minsk II"), "note"].iloc[0]
    fig = ceasefire_scale_figure(frame)
    labels = [y for t in fig.data if t.x != (None,) for y in t.y]
    assert sum("Minsk II" in y for y in labels) == 1
    assert any("Minsk II" in y for y in labels), "still drawn, as the historical case"
    width = frame.loc[frame["name"].str.startswith("Minsk II"), "zone_width_km_shown"].iloc[0]
    assert width == "≥50", "the number is the data's"
    # without the proposal chosen, the historical case is still there, once
    alone = ceasefire_scale_frame(comparators.comparators, [])
    assert sum("Minsk II" in n for n in alone["name"]) == 1


def test_chart_colours_come_from_the_palette():
    import re

    from components.render import palette

    allowed = {v.upper() for v in vars(palette).values() if isinstance(v, str) and v.startswith("#")}
    allowed |= {c.upper() for v in vars(palette).values() if isinstance(v, dict) for c in v.values() if isinstance(c, str) and c.startswith("#")}
    for module in ("figures", "chart_base", "caps_charts", "guarantees_chart", "timeline_chart", "ceasefire_chart"):
        source = (ROOT / "components" / "render" / f"{module}.py").read_text(encoding="utf-8")
        assert not re.findall(r"#[0-9A-Fa-f]{6}\b", source), f"no colour literals in {module}.py: use components/render/palette.py"
    for name, fig in _all_figures().items():
        spec = fig.to_plotly_json()
        spec["layout"].pop("template", None)  # plotly's own defaults, overridden where drawn
        colours = re.findall(r"#[0-9A-Fa-f]{6}\b", json.dumps([spec["data"], spec["layout"]], default=str))
        stray = {c.upper() for c in colours} - allowed
        assert not stray, f"{name}: colours not in palette.py: {stray}"


def test_parties_keep_their_colour_and_symbol_on_every_chart():
    from components.render.palette import PARTY_COLORS, PARTY_LABELS, PARTY_SYMBOLS

    for name in ("timeline", "caps", "caps_time", "guarantees"):
        fig = _all_figures()[name]
        entries = {t.name: t.marker for t in fig.data if t.showlegend is not False and t.name in PARTY_LABELS.values()}
        assert entries, name
        for party, label in PARTY_LABELS.items():
            if label in entries:
                assert entries[label].color == PARTY_COLORS[party] and entries[label].symbol == PARTY_SYMBOLS[party], (name, party)
