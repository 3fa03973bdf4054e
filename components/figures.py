"""Pure figure builders: tidy frame in, plotly figure out. No Streamlit here,
so tests (and exports) can call them directly."""
from __future__ import annotations

from typing import Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from components.map_figure import territory_maps  # noqa: F401  (the territory maps live in their own module)
from components.palette import FONT, PARTY_COLORS, PARTY_LABELS, PARTY_SYMBOLS, REFERENCE
from components.safe_text import plot, plot_frame
from model.reference_data import ReferenceFigure
from model.schema import NOT_ADDRESSED, NOT_KNOWN
from model.taxonomy import Taxonomy

BASE_FONT = 18


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        title={"text": title, "font": {"size": 22}}, height=height, font={"family": FONT, "size": BASE_FONT},
        paper_bgcolor="white", plot_bgcolor="white", margin={"l": 10, "r": 30, "t": 70, "b": 60},
        legend={"font": {"size": 16}},
    )
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    return fig


def _fmt(n: float) -> str:
    return f"{int(n):,}"


def troop_caps_figure(frame: pd.DataFrame, references: Sequence[ReferenceFigure] = (), sources: dict[str, str] | None = None) -> go.Figure:
    """Horizontal bars for numeric caps; 'no cap' and 'not addressed' as text labels, never as zero bars."""
    frame = plot_frame(frame)  # data shown as text (safe_text.plot_frame)
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
        text = {"no_cap": "No cap set (no bar)", "cap_unspecified": "Cap demanded, no number given (no bar)"}.get(row["status"], f"{row['status_label']} (no bar)")
        fig.add_annotation(x=0, xref="paper", xanchor="left", y=row["label"], yref="y", text=f"<i>{text}</i>",
                           showarrow=False, font={"size": 17, "color": "#333333"}, bgcolor="#F2F2F2", bordercolor="#999999", borderwidth=1)
    current = [r for r in references if r.kind == "current_size"]
    for ref in references:
        citation = ref.citations[0]
        where = sources.get(citation.source, citation.source)
        hover = f"{plot(ref.label)}<br>Source: {plot(where)}" + (f"<br>“{plot(citation.quote)}”" if citation.quote else "")
        for x in dict.fromkeys([ref.value] if ref.high is None else [ref.value, ref.high]):
            fig.add_vline(x=x, line={"color": REFERENCE, "dash": "dot" if ref.kind == "pre_war_size" else "dash", "width": 2})
            fig.add_trace(go.Scatter(  # an invisible-line marker at the top so the reference line has a hover with its source
                x=[x], y=[order[-1]], mode="markers", marker={"symbol": "line-ns", "size": 24, "line": {"width": 2, "color": REFERENCE}},
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
    fig.update_xaxes(range=[0, top * 1.18], tickformat=",", title="Personnel", gridcolor="#E5E5E5", tickfont={"size": 16})
    fig.update_yaxes(categoryorder="array", categoryarray=order, title=None, tickfont={"size": 17}, automargin=True)
    _layout(fig, "Cap on the size of Ukraine's armed forces", 140 + 70 * max(len(order), 2))
    fig.update_layout(showlegend=False)
    return fig


def _wrap(text: str, width: int = 16) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join([*lines, line])


MISSING = (NOT_KNOWN, NOT_ADDRESSED, "Not coded")


def guarantees_figure(frame: pd.DataFrame, taxonomy: Taxonomy) -> go.Figure:
    """Four stacked dot rows per proposal: guarantee type on its scale (none → NATO membership), then NATO,
    EU and foreign-troops stances. 'Not addressed' / 'not coded' sit apart on the left, in grey."""
    frame = plot_frame(frame)  # data shown as text (safe_text.plot_frame)
    panels = [
        ("guarantee_label", "Security guarantee (scale: none → NATO membership)", "security_guarantees", "guarantee_type"),
        ("nato", "NATO membership", "alliances", "nato"),
        ("eu", "EU membership", "alliances", "eu"),
        ("foreign_troops", "Foreign troops in Ukraine", "alliances", "foreign_troops"),
    ]
    fig = make_subplots(rows=4, cols=1, subplot_titles=[p[1] for p in panels], vertical_spacing=0.09)
    names = list(frame["proposal_name"])[::-1]
    for row, (column, _title, area, field) in enumerate(panels, start=1):
        terms = [*MISSING, *[plot(t.label) for t in (taxonomy.values_for(area, field) or [])][::-1]]
        missing = frame[column].isin(MISSING)
        for subset, colour, symbol in ((frame[~missing], "#0072B2", "circle"), (frame[missing], "#FFFFFF", "circle-open")):
            fig.add_trace(go.Scatter(
                x=[_wrap(v) for v in subset[column]], y=list(subset["proposal_name"]), mode="markers",
                marker={"size": 22, "color": colour if symbol == "circle" else "#555555", "symbol": symbol,
                        "line": {"color": "black", "width": 1.5}},
                hovertemplate="%{y}: %{x}<extra></extra>", showlegend=False,
            ), row=row, col=1)
        fig.update_xaxes(categoryorder="array", categoryarray=[_wrap(t) for t in terms], tickfont={"size": 14},
                         range=[-0.5, len(terms) - 0.5],
                         gridcolor="#E5E5E5", showgrid=True, automargin=True, tickangle=0, row=row, col=1)
        fig.update_yaxes(categoryorder="array", categoryarray=names, gridcolor="#E5E5E5", tickfont={"size": 16},
                         automargin=True, row=row, col=1)
    fig.for_each_annotation(lambda a: a.update(font={"size": 18}, x=0, xanchor="left"))
    _layout(fig, "Security guarantees and alliances", 4 * (150 + 42 * len(names)) + 120)
    fig.update_layout(margin={"l": 10, "r": 10, "t": 80, "b": 10})
    return fig


def timeline_figure(frame: pd.DataFrame) -> go.Figure:
    """Every proposal on a time axis, one row each (oldest at the bottom), coloured and shaped by who drafted it."""
    frame = plot_frame(frame)  # data shown as text (safe_text.plot_frame)
    fig = go.Figure()
    order = list(frame.sort_values("date_sort")["proposal_name"])
    for party, group in frame.groupby("party", sort=False):
        fig.add_trace(go.Scatter(
            x=pd.to_datetime(group["date_sort"]), y=list(group["proposal_name"]), mode="markers",
            name=PARTY_LABELS.get(party, party),
            marker={"size": 20, "color": PARTY_COLORS.get(party, "#999999"), "symbol": PARTY_SYMBOLS.get(party, "circle"),
                    "line": {"color": "black", "width": 1}},
            customdata=list(zip(group["date"], group["status_label"], group["publication_label"], group["author"])),
            hovertemplate="%{y}<br>%{customdata[0]} · %{customdata[1]}<br>%{customdata[2]}<br>%{customdata[3]}<extra></extra>",
        ))
    fig.update_xaxes(title=None, gridcolor="#E5E5E5", tickfont={"size": 16})
    fig.update_yaxes(title=None, gridcolor="#E5E5E5", categoryorder="array", categoryarray=order, tickfont={"size": 16})
    _layout(fig, "When each proposal was put forward", 160 + 48 * len(order))
    fig.update_layout(legend={"orientation": "h", "y": -0.12, "title": {"text": "Drafted by"}})
    return fig


def caps_over_time_figure(frame: pd.DataFrame, references: Sequence[ReferenceFigure] = ()) -> go.Figure:
    """Troop caps on Ukraine's army by date. Positions without a number are listed in a box, never plotted at zero."""
    frame = plot_frame(frame)  # data shown as text (safe_text.plot_frame)
    fig = go.Figure()
    capped = frame[frame["cap"].notna()].reset_index(drop=True)
    dates = pd.to_datetime(capped["date_sort"])
    positions = []
    for i, (date, cap) in enumerate(zip(dates, capped["cap"])):
        side = "left" if date.year >= 2024 else "right"
        twins = capped[(capped["cap"] == cap)].index.tolist()
        vertical = "middle" if len(twins) == 1 else ("top" if twins.index(i) % 2 == 0 else "bottom")
        positions.append(f"{vertical} {side}")
    fig.add_trace(go.Scatter(
        x=dates, y=[int(c) for c in capped["cap"]], mode="markers+text",
        text=[f"{n}: {_fmt(c)} " if p.endswith("left") else f" {n}: {_fmt(c)}" for n, c, p in zip(capped["label"], capped["cap"], positions)],
        textposition=positions, textfont={"size": 15},
        marker={"size": 16, "color": "#0072B2", "symbol": "circle", "line": {"color": "black", "width": 1}},
        name="Cap in a proposal", hovertemplate="%{text}<br>%{x|%b %Y}<extra></extra>",
    ))
    current = [r for r in references if r.kind == "current_size"]
    if current:
        low, high = min(r.value for r in current), max(r.high or r.value for r in current)
        fig.add_hrect(y0=low, y1=high, fillcolor="#CCCCCC", opacity=0.45, line_width=0, layer="below")
        fig.add_annotation(x=0.01, xref="paper", y=high, yanchor="bottom", xanchor="left", showarrow=False,
                           text=f"Grey band: reported current size {_fmt(low)}–{_fmt(high)}+ (late 2025; sources differ)",
                           font={"size": 14})
    month = lambda d: pd.to_datetime(d).strftime("%b %Y")
    lines = []
    for status, words in (("no_cap", "No cap"), ("cap_unspecified", "Cap demanded, no number given")):
        rows = frame[frame["status"] == status]
        if not rows.empty:
            lines.append(f"<b>{words}:</b> " + "; ".join(f"{r.label} ({month(r.date_sort)})" for r in rows.itertuples()))
    if lines:
        fig.add_annotation(x=0, xref="paper", y=-0.12, yref="paper", xanchor="left", yanchor="top", align="left",
                           showarrow=False, text="<br>".join(lines), font={"size": 14}, bgcolor="#F7F7F7",
                           bordercolor="#999999", borderwidth=1)
    top = max([int(c) for c in capped["cap"]] + [r.high or r.value for r in current] + [100_000])
    fig.update_yaxes(title="Personnel", tickformat=",", range=[0, top * 1.12], gridcolor="#E5E5E5")
    if len(dates):
        fig.update_xaxes(range=[dates.min() - pd.Timedelta(days=120), dates.max() + pd.Timedelta(days=120)])
    fig.update_xaxes(gridcolor="#E5E5E5")
    _layout(fig, "Caps on Ukraine's army over time", 620)
    fig.update_layout(showlegend=False, margin={"l": 10, "r": 30, "t": 70, "b": 150})
    return fig


def ceasefire_scale_figure(frame: pd.DataFrame) -> go.Figure:
    """Two bar panels: width of the buffer zone (km) and number of monitors, historical cases in grey, proposals in blue.
    Cases without a figure are left out of that panel (they stay in the table)."""
    frame = plot_frame(frame)  # data shown as text (safe_text.plot_frame)
    counts = [max(int(frame[f].notna().sum()), 1) for f in ("zone_width_km", "monitors")]
    fig = make_subplots(rows=2, cols=1, subplot_titles=["Width of the buffer zone (km)", "Number of monitors"],
                        row_heights=counts, vertical_spacing=0.12)
    for row, field in enumerate(("zone_width_km", "monitors"), start=1):
        data = frame[frame[field].notna()]
        colours = ["#0072B2" if k == "Proposal" else "#999999" for k in data["kind"]]
        patterns = ["" if k == "Proposal" else "/" for k in data["kind"]]
        fig.add_trace(go.Bar(
            x=list(data[field]), y=[_wrap(n, 34) for n in data["name"]], orientation="h", showlegend=False,
            marker={"color": colours, "pattern": {"shape": patterns, "fgcolor": "#555555"}, "line": {"color": "black", "width": 1}},
            text=list(data[f"{field}_shown"]), textposition="outside", textfont={"size": 16},
            customdata=list(zip(data["kind"], data[f"{field}_as_given"], data["sources"])),
            hovertemplate="%{y}<br>%{text} (%{customdata[0]})<br>As given: %{customdata[1]}<br>Sources: %{customdata[2]}<extra></extra>",
        ), row=row, col=1)
        top = max(list(data[field]) + [1])
        fig.update_xaxes(range=[0, top * 1.2], tickformat=",", gridcolor="#E5E5E5", row=row, col=1)
        fig.update_yaxes(autorange="reversed", tickfont={"size": 15}, row=row, col=1)
    fig.for_each_annotation(lambda a: a.update(font={"size": 18}, x=0, xanchor="left"))
    _layout(fig, "Ceasefire lines for scale: past cases (grey, hatched) and proposals (blue)", 220 + 62 * sum(counts))
    return fig
