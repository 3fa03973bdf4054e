"""The charts' browser library: the basic plotly.js bundle in static/ is the version the plotly Python
package writes figures for, Streamlit serves it, and every chart the app builds uses only the trace types
that bundle can draw (a chart it cannot draw would be a blank box in front of a class)."""
from __future__ import annotations

import tomllib

import plotly.graph_objects as go
import pytest
from plotly.offline import get_plotlyjs_version

from components.views import plot_view
from components.render.figures import (caps_over_time_figure, ceasefire_scale_figure, guarantees_figure, timeline_figure,
                                troop_caps_figure)
from components.render.map_figure import territory_maps
from helpers import ROOT
from model.analysis.chart_data import (caps_over_time_frame, ceasefire_scale_frame, guarantees_frame, territory_frame,
                              timeline_frame, troop_caps_frame)
from model.data.loader import load_catalogue
from model.data.reference_data import load_comparators, load_reference_figures


def test_the_bundle_is_the_plotly_js_the_python_package_targets():
    assert plot_view.PLOTLY_JS_VERSION == get_plotlyjs_version()
    head = plot_view.BUNDLE.read_text(encoding="utf-8")[:200]
    assert f"plotly.js (basic - minified) v{plot_view.PLOTLY_JS_VERSION}" in head
    assert (ROOT / "static" / "plotly-LICENSE.txt").read_text(encoding="utf-8").startswith("MIT License")


def test_streamlit_serves_the_static_folder():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableStaticServing"] is True


def test_every_chart_the_app_builds_can_be_drawn_by_the_basic_bundle():
    catalogue = load_catalogue()
    proposals, taxonomy = catalogue.proposals, catalogue.taxonomy
    refs, _ = load_reference_figures()
    comparators, _ = load_comparators()
    figures = [
        troop_caps_figure(troop_caps_frame(proposals), refs.figures),
        territory_maps(territory_frame(proposals, taxonomy), None, taxonomy),
        guarantees_figure(guarantees_frame(proposals, taxonomy), taxonomy),
        ceasefire_scale_figure(ceasefire_scale_frame(comparators.comparators, proposals)),
        timeline_figure(timeline_frame(proposals)),
        caps_over_time_figure(caps_over_time_frame(proposals), refs.figures),
    ]
    for fig in figures:
        assert {t.type for t in fig.data} <= plot_view.TRACE_TYPES
        assert '"data"' in plot_view.figure_json(fig)


def test_a_trace_the_bundle_cannot_draw_is_refused_with_its_name():
    with pytest.raises(ValueError, match="choropleth"):
        plot_view.figure_json(go.Figure(go.Choropleth(locations=["UKR"], z=[1])))
