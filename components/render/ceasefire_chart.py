"""Ceasefire lines for scale: buffer-zone widths and monitor numbers of past ceasefires beside those the
chosen proposals set (past cases grey and hatched). Pure: tidy frame in, plotly figure out."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from components.render.chart_base import FALLBACK_PARTY, base_layout, legend_below, party_colour, wrap
from components.render.palette import CHART_INK, HISTORICAL_CASE, PARTY_LABELS, REFERENCE
from components.render.safe_text import plot_frame

def ceasefire_scale_figure(frame: pd.DataFrame) -> go.Figure:
    """Two bar panels: width of the buffer zone (km) and number of monitors; past cases grey AND hatched,
    proposals in their drafter's colour, plain. Cases without a figure are left out of that panel (they stay
    in the table). Each case appears once (model.analysis.chart_data.ceasefire_scale_frame drops a chosen proposal that
    is already a historical case)."""
    frame = plot_frame(frame)  # data shown as text (safe_text.plot_frame)
    parties = list(frame["party"]) if "party" in frame else [FALLBACK_PARTY] * len(frame)
    panels = []
    for field in ("zone_width_km", "monitors"):
        data = frame[frame[field].notna()]
        labels = [wrap(n, 22) for n in data["name"]]
        panels.append((field, data, labels, max(sum(label.count("<br>") + 1 for label in labels), 1)))
    line_px, gap_px = 22, 90
    plot_px = sum(18 + line_px * lines for *_, lines in panels) + gap_px
    fig = make_subplots(rows=2, cols=1, subplot_titles=["<b>Buffer zone width (km)</b>", "<b>Number of monitors</b>"],
                        row_heights=[18 + line_px * lines for *_, lines in panels], vertical_spacing=gap_px / plot_px)
    for row, (field, data, labels, _lines) in enumerate(panels, start=1):
        proposal = [k == "Proposal" for k in data["kind"]]
        fig.add_trace(go.Bar(
            x=list(data[field]), y=labels, orientation="h", showlegend=False,
            marker={"color": [party_colour(parties[i]) if p else HISTORICAL_CASE for i, p in zip(data.index, proposal)],
                    "pattern": {"shape": ["" if p else "/" for p in proposal], "fgcolor": REFERENCE},
                    "line": {"color": CHART_INK, "width": 1}},
            text=list(data[f"{field}_shown"]), textposition="outside", textfont={"size": 15}, cliponaxis=False,
            customdata=list(zip(data["kind"], data[f"{field}_as_given"], data["best_source"])),
            hovertemplate="%{y}<br>%{text} (%{customdata[0]})<br>As given: %{customdata[1]}<br>Best source: %{customdata[2]}<extra></extra>",
        ), row=row, col=1)
        top = max(list(data[field]) + [1])
        fig.update_xaxes(range=[0, top * 1.3], tickformat=",d", nticks=4, row=row, col=1)
        fig.update_yaxes(autorange="reversed", row=row, col=1)
    fig.for_each_annotation(lambda a: a.update(font={"size": 15}, x=0, xanchor="left"))
    fig.add_trace(go.Bar(x=[None], y=[None], name="Past case (grey, hatched)", showlegend=True, hoverinfo="skip",
                         marker={"color": HISTORICAL_CASE, "pattern": {"shape": "/", "fgcolor": REFERENCE}, "line": {"color": CHART_INK, "width": 1}}))
    for party in dict.fromkeys(p for p, k in zip(parties, frame["kind"]) if k == "Proposal"):
        fig.add_trace(go.Bar(x=[None], y=[None], name=f"Proposal: {PARTY_LABELS.get(party, party)}", showlegend=True, hoverinfo="skip",
                             marker={"color": party_colour(party), "line": {"color": CHART_INK, "width": 1}}))
    base_layout(fig, "Ceasefire lines, for scale", 0, top=100)
    legend_below(fig, 40, plot_px)
    fig.update_layout(height=100 + plot_px + 150, margin={"b": 20}, barmode="overlay")
    return fig
