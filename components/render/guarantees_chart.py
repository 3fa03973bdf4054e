"""Security guarantees and alliances chart: four dot panels (guarantee type, NATO, EU, foreign troops),
one row per proposal, the stance written beside each dot. Pure: tidy frame in, plotly figure out."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from components.render.chart_base import (
    FALLBACK_PARTY, LABEL_WRAP, LEGEND_TITLE, base_layout, legend_below, party_colour, party_legend, party_symbol, wrap,
)
from components.render.palette import CHART_INK
from components.render.safe_text import plot, plot_frame
from model.data.schema import NOT_ADDRESSED, NOT_KNOWN
from model.data.taxonomy import Taxonomy

MISSING = (NOT_KNOWN, NOT_ADDRESSED, "Not coded")
PANELS = (  # frame column, panel title, taxonomy area, field
    ("guarantee_label", "Security guarantee", "security_guarantees", "guarantee_type"),
    ("nato", "NATO membership", "alliances", "nato"),
    ("eu", "EU membership", "alliances", "eu"),
    ("foreign_troops", "Foreign troops in Ukraine", "alliances", "foreign_troops"),
)
ROW_PX, PANEL_GAP_PX = 68, 96


def guarantees_figure(frame: pd.DataFrame, taxonomy: Taxonomy) -> go.Figure:
    """Four panels, one row per proposal in each: a dot on the panel's scale (guarantee type from none to NATO
    membership, then NATO, EU and foreign-troops stances), with the stance written beside the dot, so no axis
    needs a row of long labels. 'Not addressed' / 'not coded' sit apart on the left as open circles."""
    frame = plot_frame(frame)  # data shown as text (safe_text.plot_frame)
    names = list(frame["proposal_name"])[::-1]
    parties = list(frame["party"]) if "party" in frame else [FALLBACK_PARTY] * len(frame)
    plot_px = len(PANELS) * ROW_PX * max(len(names), 1) + (len(PANELS) - 1) * PANEL_GAP_PX
    titles = []
    for _column, title, area, field in PANELS:
        terms = [plot(t.label) for t in (taxonomy.values_for(area, field) or [])][::-1]
        scale = f"<br><span style='font-size:13px'>{wrap(f'left: {terms[0]} · right: {terms[-1]}', 30)}</span>" if terms else ""
        titles.append(f"<b>{title}</b>{scale}")
    fig = make_subplots(rows=len(PANELS), cols=1, subplot_titles=titles, vertical_spacing=PANEL_GAP_PX / plot_px)
    for row, (column, _title, area, field) in enumerate(PANELS, start=1):
        terms = ["", *[plot(t.label) for t in (taxonomy.values_for(area, field) or [])][::-1]]  # column 0: no coded stance
        position = {t: i for i, t in enumerate(terms)}
        middle = (len(terms) - 1) / 2
        missing = frame[column].isin(MISSING)
        for subset, open_ in ((frame[~missing], False), (frame[missing], True)):
            xs = [0 if open_ else position.get(v, 1) for v in subset[column]]
            colours = [party_colour(parties[i]) for i in subset.index]
            fig.add_trace(go.Scatter(
                x=xs, y=list(subset["proposal_name"]), mode="markers+text", showlegend=False,
                text=[wrap(v, 16) for v in subset[column]], textfont={"size": 12},
                textposition=["middle right" if x < middle else "middle left" for x in xs],  # the side with more room
                marker={"size": 16, "color": CHART_INK if open_ else colours, "line": {"color": CHART_INK, "width": 1.5},
                        "symbol": "circle-open" if open_ else [party_symbol(parties[i]) for i in subset.index]},
                customdata=list(subset[column]), hovertemplate="%{y}: %{customdata}<extra></extra>",
            ), row=row, col=1)
        fig.update_xaxes(tickvals=list(range(len(terms))), ticktext=[""] * len(terms), range=[-0.6, len(terms) - 0.4],
                         showgrid=True, zeroline=False, fixedrange=True, row=row, col=1)
        fig.update_yaxes(categoryorder="array", categoryarray=names, tickvals=names, ticktext=[wrap(n, LABEL_WRAP) for n in names],
                         fixedrange=True, row=row, col=1)
    fig.for_each_annotation(lambda a: a.update(font={"size": 15}, x=0, xanchor="left", align="left"))
    party_legend(fig, [parties[i] for i in frame.index if frame.loc[i, PANELS[0][0]] not in MISSING] or parties)
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name="Not addressed or not coded",
                             marker={"size": 13, "symbol": "circle-open", "color": CHART_INK, "line": {"color": CHART_INK, "width": 1.5}},
                             hoverinfo="skip"))
    base_layout(fig, "Security guarantees and alliances", 0, top=110)
    legend_below(fig, 16, plot_px, LEGEND_TITLE)
    fig.update_layout(height=110 + plot_px + 190, margin={"b": 20})
    fig.update_xaxes(nticks=None)
    return fig
