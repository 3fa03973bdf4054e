"""Timeline chart: every proposal on a time axis, one row each, coloured and shaped by who drafted it.
Pure: tidy frame in, plotly figure out."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.render.chart_base import LABEL_WRAP, LEGEND_TITLE, base_layout, legend_below, party_colour, party_symbol, wrap
from components.render.palette import CHART_INK, PARTY_LABELS
from components.render.safe_text import plot_frame

def timeline_figure(frame: pd.DataFrame) -> go.Figure:
    """Every proposal on a time axis, one row each (oldest at the top), coloured AND shaped by who drafted it
    (the same colours and symbols as every other chart)."""
    frame = plot_frame(frame)  # data shown as text (safe_text.plot_frame)
    fig = go.Figure()
    order = list(frame.sort_values("date_sort")["proposal_name"])
    for party, group in frame.groupby("party", sort=False):
        fig.add_trace(go.Scatter(
            x=pd.to_datetime(group["date_sort"]), y=list(group["proposal_name"]), mode="markers",
            name=PARTY_LABELS.get(party, party),
            marker={"size": 16, "color": party_colour(party), "symbol": party_symbol(party), "line": {"color": CHART_INK, "width": 1}},
            customdata=list(zip(group["date"], group["status_label"], group["publication_label"], group["author"])),
            hovertemplate="%{y}<br>%{customdata[0]} · %{customdata[1]}<br>%{customdata[2]}<br>%{customdata[3]}<extra></extra>",
        ))
    fig.update_xaxes(title=None, side="top", tickformat="%Y", dtick="M36", tickangle=0)
    order = order[::-1]  # plotly draws the first category at the bottom: oldest at the top, read downwards in time
    fig.update_yaxes(title=None, categoryorder="array", categoryarray=order, tickvals=order,
                     ticktext=[wrap(n, LABEL_WRAP) for n in order])
    plot_px = 44 * max(len(order), 2)
    base_layout(fig, "When each proposal was put forward", 0, top=110)
    legend_below(fig, 12, plot_px, LEGEND_TITLE)
    fig.update_layout(height=110 + plot_px + 200, margin={"b": 20})
    return fig
