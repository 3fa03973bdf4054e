"""A plotly figure drawn in the browser by plotly.js's *basic* bundle (scatter, bar and pie traces:
every chart this app draws) instead of `st.plotly_chart`'s full bundle.

Why: on the 2-core reference machine the full bundle (4.7 MB) takes about 1.3 s to evaluate in every
new tab before the first chart appears, the basic one (1.2 MB) about 0.25 s (docs/performance.md).
The bundle is `static/plotly-basic-<version>.min.js`, served by Streamlit's static file serving
(`server.enableStaticServing`), fetched once per tab and cached by the browser; its version matches the
plotly.js that the installed plotly Python package targets (a test checks this).

A small JavaScript-only `st.components.v2` component draws the figure's JSON with `Plotly.react`
(redrawing in place when the figure changes), labels the chart for screen readers, and, for a chart
with clickable points, sends the clicked points back as a one-time trigger."""
from __future__ import annotations

from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

PLOTLY_JS_VERSION = "4.1.1"
BUNDLE = Path(__file__).resolve().parents[2] / "static" / f"plotly-basic-{PLOTLY_JS_VERSION}.min.js"
TRACE_TYPES = {"scatter", "bar", "pie"}  # what the basic bundle can draw
PHONE_MAX_WIDTH = 699.98  # px: phones get no mode bar and, where a figure has one, its one-column layout
CLASS = "pp-plot"  # the chart's element in the page (tests and the handout's CSS find it by this)

JS = """
const SRC = "app/static/plotly-basic-%(version)s.min.js";
function plotly() {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!window.__ppPlotly) {
    window.__ppPlotly = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL(SRC, document.baseURI).href;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => { window.__ppPlotly = null; reject(new Error("the chart library did not load")); };
      document.head.appendChild(script);
    });
  }
  return window.__ppPlotly;
}
export default function(component) {
  const { data, parentElement, setTriggerValue } = component;
  let box = parentElement.querySelector(".%(cls)s");
  if (!box) {
    box = document.createElement("div");
    box.className = "%(cls)s";
    parentElement.appendChild(box);
  }
  box.setAttribute("role", "figure");  // not "img": the chart holds buttons (mode bar, legend)
  box.setAttribute("aria-label", data.alt);
  box.__ppSend = setTriggerValue;
  let alive = true;
  plotly().then((Plotly) => {
    if (!alive) return;
    const figure = JSON.parse(data.figure);
    // Phones (under 700 px): no mode bar (it covered chart titles; the download buttons sit under every chart),
    // and a figure that carries a one-column layout (the territory maps) uses it, so each map is full width.
    const phone = window.matchMedia("(max-width: %(phone)spx)");
    const draw = () => {
      const narrow = phone.matches;
      const meta = figure.layout.meta || {};
      const layout = narrow && meta.phone_layout ? meta.phone_layout : figure.layout;
      const config = Object.assign({}, data.config, narrow ? {displayModeBar: false} : {});
      return Plotly.react(box, figure.data, layout, config);
    };
    if (!box.__ppPhone) {
      box.__ppPhone = true;
      phone.addEventListener("change", () => { if (box.__ppDraw) box.__ppDraw(); });
    }
    box.__ppDraw = draw;
    return draw().then(() => {
      if (data.selectable && !box.__ppClicks) {
        box.__ppClicks = true;
        box.on("plotly_click", (event) => box.__ppSend("select", event.points.map((p) => (
          {x: p.x, y: p.y, curve_number: p.curveNumber, point_index: p.pointIndex}))));
      }
    });
  }).catch((error) => {
    box.removeAttribute("role");
    box.textContent = "The chart could not be drawn (" + error.message + "). Its data table is below.";
  });
  return () => {
    alive = false;
    setTimeout(() => { if (!box.isConnected && window.Plotly) window.Plotly.purge(box); }, 0);
  };
}
""" % {"version": PLOTLY_JS_VERSION, "cls": CLASS, "phone": PHONE_MAX_WIDTH}

_chart = st.components.v2.component("pp_plot", js=JS, isolate_styles=False)


def figure_json(fig: go.Figure) -> str:
    """The figure as plotly.js reads it; refuses a trace type the basic bundle cannot draw."""
    other = {t.type for t in fig.data} - TRACE_TYPES
    if other:
        raise ValueError(f"plotly.js basic cannot draw {sorted(other)}; use scatter, bar or pie traces")
    return pio.to_json(fig, validate=False)


def show(fig: go.Figure, key: str, alt: str, config: dict | None = None, selectable: bool = False) -> list[dict]:
    """Draw `fig`; with `selectable`, return the points just clicked (`x`, `y`, `curve_number`, `point_index`)."""
    data = {"figure": figure_json(fig), "alt": alt, "selectable": selectable,
            "config": {"displaylogo": False, "responsive": True, **(config or {})}}
    result = _chart(key=key, data=data, **({"on_select_change": lambda: None} if selectable else {}))
    points = getattr(result, "select", None) if selectable else None
    return list(points or [])
