"""Pure figure builders: tidy frame in, plotly figure out. No Streamlit here,
so tests (and exports) can call them directly."""
from __future__ import annotations

from typing import Sequence

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from components.palette import FONT, PARTY_COLORS, PARTY_LABELS, PARTY_SYMBOLS, REFERENCE, REGION_STATUS_COLORS
from model.chart_data import NOT_MENTIONED, NOT_MENTIONED_LABEL
from model.reference_data import ReferenceFigure
from model.taxonomy import Taxonomy

BASE_FONT = 18


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        title={"text": title, "font": {"size": 22}}, height=height, font={"family": FONT, "size": BASE_FONT},
        paper_bgcolor="white", plot_bgcolor="white", margin={"l": 10, "r": 30, "t": 70, "b": 60},
        legend={"font": {"size": 16}},
    )
    return fig


def _fmt(n: float) -> str:
    return f"{int(n):,}"


def troop_caps_figure(frame: pd.DataFrame, references: Sequence[ReferenceFigure] = (), sources: dict[str, str] | None = None) -> go.Figure:
    """Horizontal bars for numeric caps; 'no cap' and 'not addressed' as text labels, never as zero bars."""
    sources = sources or {}
    order = list(frame["label"])[::-1]
    capped = frame[frame["cap"].notna()]
    fig = go.Figure()
    fig.add_trace(go.Bar(
        x=[int(c) for c in capped["cap"]], y=list(capped["label"]), orientation="h", name="Cap on Ukraine's forces",
        marker={"color": "#0072B2", "pattern": {"shape": ""}},
        text=[_fmt(c) for c in capped["cap"]], textposition="outside", textfont={"size": 18},
        customdata=list(zip(capped["status_label"], capped["evidence"], capped["sources"])),
        hovertemplate="%{y}<br>Cap: %{x:,}<br>%{customdata[0]} · evidence: %{customdata[1]}<br>Sources: %{customdata[2]}<extra></extra>",
    ))
    uncapped = frame[frame["cap"].isna()]
    for _, row in uncapped.iterrows():
        text = {"no_cap": "No cap set (no bar)", "cap_unspecified": "Cap demanded, no number given (no bar)"}.get(row["status"], "Not addressed (no bar)")
        fig.add_annotation(x=0, xref="paper", xanchor="left", y=row["label"], yref="y", text=f"<i>{text}</i>",
                           showarrow=False, font={"size": 17, "color": "#333333"}, bgcolor="#F2F2F2", bordercolor="#999999", borderwidth=1)
    ymax = len(order) - 0.5
    current = [r for r in references if r.kind == "current_size"]
    for ref in references:
        citation = ref.citations[0]
        where = sources.get(citation.source, citation.source)
        hover = f"{ref.label}<br>Source: {where}" + (f"<br>“{citation.quote}”" if citation.quote else "")
        xs = [ref.value, ref.value] if ref.high is None else [ref.value, ref.high]
        dash = "dot" if ref.kind == "pre_war_size" else "dash"
        for x in dict.fromkeys(xs):
            fig.add_trace(go.Scatter(
                x=[x, x], y=[-0.5, ymax], mode="lines", line={"color": REFERENCE, "dash": dash, "width": 2},
                name=ref.label, hovertemplate=hover.replace("%", "%%") + "<extra></extra>", showlegend=False,
            ))
    if current:
        low = min(r.value for r in current)
        high = max(r.high or r.value for r in current)
        fig.add_vrect(x0=low, x1=high, fillcolor="#CCCCCC", opacity=0.35, line_width=0, layer="below")
        fig.add_annotation(x=(low + high) / 2, y=1.0, yref="paper", yanchor="bottom", showarrow=False,
                           text=f"Reported current size: {_fmt(low)}–{_fmt(high)}+ (sources differ)", font={"size": 15})
    prewar = [r for r in references if r.kind == "pre_war_size"]
    for ref in prewar:
        fig.add_annotation(x=ref.value, y=1.0, yref="paper", yanchor="bottom", showarrow=False,
                           text=f"Pre-war ≈{_fmt(ref.value)}", font={"size": 15})
    top = max([int(c) for c in capped["cap"]] + [r.high or r.value for r in references] + [100_000])
    fig.update_xaxes(range=[0, top * 1.18], tickformat=",", title="Personnel", gridcolor="#E5E5E5")
    fig.update_yaxes(categoryorder="array", categoryarray=order, title=None, range=[-0.5, ymax])
    _layout(fig, "Cap on the size of Ukraine's armed forces", 140 + 70 * max(len(order), 2))
    fig.update_layout(showlegend=False)
    return fig


def territory_maps(frame: pd.DataFrame, geojson: dict, taxonomy: Taxonomy, columns: int = 3) -> go.Figure:
    """One small choropleth per proposal, coloured by the status it gives each region, one shared legend."""
    statuses = [t.key for t in taxonomy.region_statuses] + [NOT_MENTIONED]
    labels = [taxonomy.status_label(s) for s in statuses[:-1]] + [NOT_MENTIONED_LABEL]
    color_map = {label: REGION_STATUS_COLORS.get(key, "#999999") for key, label in zip(statuses, labels)}
    names = list(dict.fromkeys(frame["proposal_name"]))
    cols = max(1, min(columns, len(names)))
    fig = px.choropleth(
        frame, geojson=geojson, locations="iso", featureidkey="properties.id", color="status_label",
        facet_col="proposal_name", facet_col_wrap=cols, color_discrete_map=color_map,
        category_orders={"status_label": labels, "proposal_name": names},
        hover_name="region_name", hover_data={"iso": False, "proposal_name": True, "status_label": True, "note": True},
        labels={"status_label": "Status", "proposal_name": "Proposal", "note": "Note"},
    )
    fig.update_geos(fitbounds="locations", visible=False, projection_type="mercator")
    fig.update_traces(marker_line_color="#333333", marker_line_width=0.6)
    fig.for_each_annotation(lambda a: a.update(text=a.text.split("=", 1)[-1], font={"size": 18}))
    rows = -(-len(names) // cols)
    _layout(fig, "Status of each region, by proposal", 120 + 300 * rows)
    fig.update_layout(legend={"title": {"text": "Region status"}, "orientation": "h", "y": -0.02, "yanchor": "top"},
                      margin={"l": 5, "r": 5, "t": 80, "b": 120})
    return fig


def guarantees_figure(frame: pd.DataFrame, taxonomy: Taxonomy) -> go.Figure:
    """Dot matrix: guarantee type on its scale, then NATO, EU and foreign-troops stances, one row per proposal."""
    panels = [
        ("guarantee_label", "Security guarantee", "security_guarantees", "guarantee_type"),
        ("nato", "NATO", "alliances", "nato"),
        ("eu", "EU", "alliances", "eu"),
        ("foreign_troops", "Foreign troops", "alliances", "foreign_troops"),
    ]
    fig = make_subplots(rows=1, cols=4, shared_yaxes=True, column_widths=[0.34, 0.26, 0.2, 0.2],
                        subplot_titles=[p[1] for p in panels], horizontal_spacing=0.02)
    names = list(frame["proposal_name"])[::-1]
    for col, (column, _title, area, field) in enumerate(panels, start=1):
        terms = [t.label for t in (taxonomy.values_for(area, field) or [])][::-1] + ["Not coded", "Not addressed"]
        fig.add_trace(go.Scatter(
            x=list(frame[column]), y=list(frame["proposal_name"]), mode="markers",
            marker={"size": 20, "color": "#0072B2", "symbol": "circle", "line": {"color": "black", "width": 1}},
            hovertemplate="%{y}: %{x}<extra></extra>", showlegend=False,
        ), row=1, col=col)
        fig.update_xaxes(categoryorder="array", categoryarray=terms, row=1, col=col, tickangle=-35,
                         tickfont={"size": 13}, gridcolor="#E5E5E5", showgrid=True, automargin=True)
    fig.update_yaxes(categoryorder="array", categoryarray=names, gridcolor="#E5E5E5", tickfont={"size": 16})
    _layout(fig, "Security guarantees and alliances (scale runs from no guarantee to NATO membership)", 330 + 55 * len(names))
    fig.update_layout(margin={"l": 10, "r": 10, "t": 90, "b": 10})
    return fig


def timeline_figure(frame: pd.DataFrame) -> go.Figure:
    """Every proposal on a time axis, one row per party kind, coloured and shaped by party."""
    fig = go.Figure()
    for party, group in frame.groupby("party", sort=False):
        fig.add_trace(go.Scatter(
            x=pd.to_datetime(group["date_sort"]), y=[PARTY_LABELS.get(party, party)] * len(group), mode="markers+text",
            name=PARTY_LABELS.get(party, party), text=list(group["proposal_name"]), textposition="top center",
            textfont={"size": 14},
            marker={"size": 18, "color": PARTY_COLORS.get(party, "#999999"), "symbol": PARTY_SYMBOLS.get(party, "circle"),
                    "line": {"color": "black", "width": 1}},
            customdata=list(zip(group["date"], group["status_label"], group["publication_label"], group["author"])),
            hovertemplate="%{text}<br>%{customdata[0]} · %{customdata[1]}<br>%{customdata[2]}<br>%{customdata[3]}<extra></extra>",
        ))
    fig.update_xaxes(title=None, gridcolor="#E5E5E5")
    fig.update_yaxes(title=None, gridcolor="#E5E5E5")
    _layout(fig, "When each proposal was put forward", 480)
    fig.update_layout(legend={"orientation": "h", "y": -0.15})
    return fig


def caps_over_time_figure(frame: pd.DataFrame, references: Sequence[ReferenceFigure] = ()) -> go.Figure:
    """Troop caps on Ukraine's army by date; 'no cap' positions as labelled open markers at the top, not at zero."""
    fig = go.Figure()
    capped = frame[frame["cap"].notna()]
    fig.add_trace(go.Scatter(
        x=pd.to_datetime(capped["date_sort"]), y=[int(c) for c in capped["cap"]], mode="markers+text",
        text=[f"{n}: {_fmt(c)}" for n, c in zip(capped["label"], capped["cap"])], textposition="middle right",
        marker={"size": 16, "color": "#0072B2", "symbol": "circle", "line": {"color": "black", "width": 1}},
        name="Cap in a proposal", hovertemplate="%{text}<extra></extra>", textfont={"size": 14},
    ))
    current = [r for r in references if r.kind == "current_size"]
    if current:
        low, high = min(r.value for r in current), max(r.high or r.value for r in current)
        fig.add_hrect(y0=low, y1=high, fillcolor="#CCCCCC", opacity=0.4, line_width=0, layer="below",
                      annotation_text=f"Reported current size {_fmt(low)}–{_fmt(high)}+ (late 2025; sources differ)",
                      annotation_position="top left")
    for _, row in frame[frame["cap"].isna() & frame["status"].isin(["no_cap", "cap_unspecified"])].iterrows():
        words = "no cap" if row["status"] == "no_cap" else "cap, no number"
        fig.add_annotation(x=pd.to_datetime(row["date_sort"]), y=1, yref="paper", text=f"{row['label']}: {words}",
                           showarrow=True, arrowhead=0, ay=-1, ax=0, font={"size": 14}, bgcolor="#F2F2F2")
    fig.update_yaxes(title="Personnel", tickformat=",", rangemode="tozero", gridcolor="#E5E5E5")
    fig.update_xaxes(gridcolor="#E5E5E5")
    _layout(fig, "Caps on Ukraine's army over time", 480)
    fig.update_layout(showlegend=False)
    return fig
