"""Pure figure builders: tidy frame in, plotly figure out. No Streamlit here,
so tests (and exports) can call them directly.

Every chart is built to read on a 390-pixel phone and on a projector alike: colours only from
components/render/palette.py (each paired with a symbol, a pattern or words), the legend below the plot,
long labels wrapped at word boundaries, numbers written out in full ("600,000", never "600k"),
values placed in axis labels rather than where reference lines cross them, few ticks, automargin."""
from __future__ import annotations

from typing import Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from components.render.map_figure import territory_maps  # noqa: F401  (the territory maps live in their own module)
from components.render.palette import (
    CHART_BAND, CHART_GRID, CHART_INK, CHART_NOTE_BG, CHART_NOTE_BORDER, CHART_PAPER, FONT, HISTORICAL_CASE,
    PARTY_COLORS, PARTY_LABELS, PARTY_SYMBOLS, REFERENCE,
)
from components.render.safe_text import plot, plot_frame, wrap_words
from model.data.reference_data import ReferenceFigure
from model.data.schema import NOT_ADDRESSED, NOT_KNOWN
from model.data.taxonomy import Taxonomy

BASE_FONT = 16
TICK_FONT = 14
TITLE_WRAP = 34  # characters a line: a 20-px title fits a 390-px phone
LABEL_WRAP = 18  # category labels (proposal names, scale terms)
LEGEND_WRAP = 36
FALLBACK_PARTY = "multilateral"  # a party missing from the palette is drawn like this one, never in a local colour
LEGEND_TITLE = "Drafted by"


def wrap(text: str, width: int = LABEL_WRAP) -> str:
    """`text` with <br> at word boundaries so no line is longer than `width` characters (unless one word is)."""
    return wrap_words(text, width)


_wrap = wrap  # the old private name


def _fmt(n: float) -> str:
    return f"{int(n):,}"


def party_colour(party: str) -> str:
    return PARTY_COLORS.get(party, PARTY_COLORS[FALLBACK_PARTY])


def party_symbol(party: str) -> str:
    return PARTY_SYMBOLS.get(party, PARTY_SYMBOLS[FALLBACK_PARTY])


def _legend_below(fig: go.Figure, gap_px: int, plot_px: int, title: str | None = None) -> None:
    """Horizontal legend under the plot, `gap_px` below the plot area (tick labels sit in that gap)."""
    fig.update_layout(legend={
        "orientation": "h", "x": 0, "xanchor": "left", "y": -gap_px / max(plot_px, 1), "yanchor": "top",
        "font": {"size": TICK_FONT}, "title": {"text": f"<b>{title}</b>" if title else "", "side": "top"},
        "itemclick": False, "itemdoubleclick": False, "tracegroupgap": 4,
    })


def _layout(fig: go.Figure, title: str, height: int, top: int = 80, bottom: int = 60) -> go.Figure:
    fig.update_layout(
        title={"text": wrap(title, TITLE_WRAP), "font": {"size": 20}, "x": 0, "xanchor": "left", "xref": "container",
               "y": 1, "yanchor": "top", "yref": "container", "pad": {"t": 12, "l": 4}},
        font={"family": FONT, "size": BASE_FONT, "color": CHART_INK},
        paper_bgcolor=CHART_PAPER, plot_bgcolor=CHART_PAPER, margin={"l": 8, "r": 12, "t": top, "b": bottom},
        hoverlabel={"font": {"size": 15}, "align": "left"},
    )
    if height:
        fig.update_layout(height=height)
    fig.update_xaxes(automargin=True, gridcolor=CHART_GRID, tickfont={"size": TICK_FONT}, nticks=5)
    fig.update_yaxes(automargin=True, gridcolor=CHART_GRID, tickfont={"size": TICK_FONT})
    return fig


def _party_legend(fig: go.Figure, parties: Sequence[str], **extra) -> None:
    """One legend entry per party present (colour AND symbol), drawn by empty traces."""
    for party in dict.fromkeys(parties):
        fig.add_trace(go.Scatter(
            x=[None], y=[None], mode="markers", name=PARTY_LABELS.get(party, party), legendgroup=party, showlegend=True,
            marker={"size": 13, "color": party_colour(party), "symbol": party_symbol(party), "line": {"color": CHART_INK, "width": 1}},
            hoverinfo="skip", **extra,
        ))


# ---- troop caps ----------------------------------------------------------------------------------

NO_BAR = {"no_cap": "No cap set", "cap_unspecified": "Cap demanded,<br>no number given"}


def troop_caps_figure(frame: pd.DataFrame, references: Sequence[ReferenceFigure] = (), sources: dict[str, str] | None = None) -> go.Figure:
    """Horizontal bars for numeric caps, coloured and marked by who drafted the proposal; the number is written
    in full in the row's label (so no reference line ever crosses it). 'No cap' and 'not addressed' are words
    in the label and a note in the row, never zero bars. Reference sizes: a grey band and dashed/dotted lines,
    explained in the legend below."""
    frame = plot_frame(frame)  # data shown as text (safe_text.plot_frame)
    sources = sources or {}
    parties = frame["party"] if "party" in frame else pd.Series([FALLBACK_PARTY] * len(frame), index=frame.index)
    order = list(frame["label"])[::-1]
    ticktext = {}
    for row, party in zip(frame.itertuples(), parties):
        value = f"<b>{_fmt(row.cap)}</b>" if pd.notna(row.cap) else f"<i>{NO_BAR.get(row.status, wrap(row.status_label, LABEL_WRAP))}</i>"
        ticktext[row.label] = f"{wrap(row.label, LABEL_WRAP)}<br>{value}"
    capped = frame[frame["cap"].notna()]
    capped_parties = [parties[i] for i in capped.index]
    fig = go.Figure()
    fig.add_trace(go.Bar(
        x=[int(c) for c in capped["cap"]], y=list(capped["label"]), orientation="h", name="Cap on Ukraine's forces",
        marker={"color": [party_colour(p) for p in capped_parties], "line": {"color": CHART_INK, "width": 1}},
        customdata=list(zip(capped["status_label"], capped["evidence"], capped["sources"], [_fmt(c) for c in capped["cap"]])),
        hovertemplate="%{y}<br>Cap: %{customdata[3]}<br>%{customdata[0]} · evidence: %{customdata[1]}<br>Sources: %{customdata[2]}<extra></extra>",
        showlegend=False,
    ))
    fig.add_trace(go.Scatter(  # the drafter's symbol at the end of each bar: colour is never the only cue
        x=[int(c) for c in capped["cap"]], y=list(capped["label"]), mode="markers", showlegend=False, hoverinfo="skip",
        marker={"size": 13, "color": [party_colour(p) for p in capped_parties], "symbol": [party_symbol(p) for p in capped_parties],
                "line": {"color": CHART_INK, "width": 1.2}},
    ))
    for _, row in frame[frame["cap"].isna()].iterrows():
        fig.add_annotation(x=0, xref="paper", xanchor="left", y=row["label"], yref="y", text="<i>no bar</i>",
                           showarrow=False, font={"size": TICK_FONT, "color": CHART_INK}, bgcolor=CHART_NOTE_BG,
                           bordercolor=CHART_NOTE_BORDER, borderwidth=1)
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
        low, high = min(r.value for r in current), max(r.high or r.value for r in current)
        fig.add_vrect(x0=low, x1=high, fillcolor=CHART_BAND, opacity=0.35, line_width=0, layer="below")
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", line={"color": REFERENCE, "dash": "dash", "width": 2},
                                 name=wrap(f"Grey band, dashed lines: reported current size {_fmt(low)}–{_fmt(high)}+ (sources differ)", LEGEND_WRAP),
                                 legendgroup="reference", legendrank=1000, hoverinfo="skip"))
    for ref in (r for r in references if r.kind == "pre_war_size"):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", line={"color": REFERENCE, "dash": "dot", "width": 2},
                                 name=wrap(f"Dotted line: pre-war size ≈{_fmt(ref.value)}", LEGEND_WRAP),
                                 legendgroup="reference", legendrank=1001, hoverinfo="skip"))
    _party_legend(fig, capped_parties)
    top = max([int(c) for c in capped["cap"]] + [r.high or r.value for r in references] + [100_000])
    # Ticks 400,000 apart (200,000 when every value is small): full numbers that never touch at 390 px wide.
    fig.update_xaxes(range=[0, top * 1.08], tickformat=",d", title=None, side="top", tickangle=0,
                     tick0=0, dtick=400_000 if top > 500_000 else 100_000)
    fig.update_yaxes(categoryorder="array", categoryarray=order, tickvals=order, ticktext=[ticktext[o] for o in order], title=None)
    lines = max(t.count("<br>") + 1 for t in ticktext.values()) if ticktext else 2
    plot_px = (18 * lines + 14) * max(len(order), 2)  # every row tall enough for its wrapped label and number
    _layout(fig, "Caps on Ukraine's armed forces", 0, top=90)
    _legend_below(fig, 16, plot_px, LEGEND_TITLE)
    fig.update_layout(height=90 + plot_px + 230, margin={"b": 20})
    return fig


# ---- security guarantees and alliances ---------------------------------------------------------

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
    _party_legend(fig, [parties[i] for i in frame.index if frame.loc[i, PANELS[0][0]] not in MISSING] or parties)
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name="Not addressed or not coded",
                             marker={"size": 13, "symbol": "circle-open", "color": CHART_INK, "line": {"color": CHART_INK, "width": 1.5}},
                             hoverinfo="skip"))
    _layout(fig, "Security guarantees and alliances", 0, top=110)
    _legend_below(fig, 16, plot_px, LEGEND_TITLE)
    fig.update_layout(height=110 + plot_px + 190, margin={"b": 20})
    fig.update_xaxes(nticks=None)
    return fig


# ---- timeline ------------------------------------------------------------------------------------

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
    _layout(fig, "When each proposal was put forward", 0, top=110)
    _legend_below(fig, 12, plot_px, LEGEND_TITLE)
    fig.update_layout(height=110 + plot_px + 200, margin={"b": 20})
    return fig


# ---- caps over time ------------------------------------------------------------------------------

def caps_over_time_figure(frame: pd.DataFrame, references: Sequence[ReferenceFigure] = ()) -> go.Figure:
    """Troop caps on Ukraine's army by date, coloured and shaped by who drafted each proposal. Proposals with the
    same cap in the same year share one label ("800,000" and their names), so labels never sit on each other.
    Positions without a number are listed in a box under the chart, never plotted at zero."""
    frame = plot_frame(frame)  # data shown as text (safe_text.plot_frame)
    fig = go.Figure()
    capped = frame[frame["cap"].notna()].reset_index(drop=True)
    dates = pd.to_datetime(capped["date_sort"])
    parties = list(capped["party"]) if "party" in capped else [FALLBACK_PARTY] * len(capped)
    fig.add_trace(go.Scatter(
        x=dates, y=[int(c) for c in capped["cap"]], mode="markers", showlegend=False,
        marker={"size": 15, "color": [party_colour(p) for p in parties], "symbol": [party_symbol(p) for p in parties],
                "line": {"color": CHART_INK, "width": 1}},
        customdata=list(zip(capped["label"], [_fmt(c) for c in capped["cap"]])),
        hovertemplate="%{customdata[0]}: %{customdata[1]}<br>%{x|%b %Y}<extra></extra>",
    ))
    middle = dates.min() + (dates.max() - dates.min()) / 2 if len(dates) else None
    groups: dict[tuple, list[int]] = {}
    for i, (date, cap) in enumerate(zip(dates, capped["cap"])):
        groups.setdefault((int(cap), date.year), []).append(i)
    highest = {year: max(c for c, y in groups if y == year) for _, year in groups}
    for (cap, year), members in groups.items():
        when = dates[members].mean()
        above = cap == highest[year] and sum(1 for _, y in groups if y == year) > 1  # the year's top label sits above its point
        names = "<br>".join(wrap(capped["label"][i], 22) for i in members)
        right = middle is not None and when <= middle
        fig.add_annotation(x=dates[members].max() if right else dates[members].min(), y=cap, text=f"<b>{_fmt(cap)}</b><br>{names}",
                           showarrow=False, xanchor="left" if right else "right", xshift=12 if right else -12, align="left" if right else "right",
                           yanchor="bottom" if above else "middle", yshift=-8 if above else 0,
                           font={"size": 13}, bgcolor="rgba(255,255,255,0.85)")
    current = [r for r in references if r.kind == "current_size"]
    if current:
        low, high = min(r.value for r in current), max(r.high or r.value for r in current)
        fig.add_hrect(y0=low, y1=high, fillcolor=CHART_BAND, opacity=0.45, line_width=0, layer="below")
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", marker={"symbol": "square", "size": 14, "color": CHART_BAND},
                                 name=wrap(f"Grey band: reported current size {_fmt(low)}–{_fmt(high)}+ (late 2025; sources differ)", LEGEND_WRAP),
                                 legendrank=1000, hoverinfo="skip"))
    month = lambda d: pd.to_datetime(d).strftime("%b %Y")  # noqa: E731
    lines = []
    for status, words in (("no_cap", "No cap"), ("cap_unspecified", "Cap demanded, no number given")):
        rows = frame[frame["status"] == status]
        if not rows.empty:
            header = "<b>" + wrap(f"{words} (not plotted):", LEGEND_WRAP).replace("<br>", "</b><br><b>") + "</b>"
            lines.append(header + "<br>" + wrap("; ".join(f"{r.label} ({month(r.date_sort)})" for r in rows.itertuples()), LEGEND_WRAP))
    _party_legend(fig, parties)
    top = max([int(c) for c in capped["cap"]] + [r.high or r.value for r in current] + [100_000])
    fig.update_yaxes(title=None, tickformat=",d", range=[0, top * 1.15], nticks=6)
    if len(dates):
        fig.update_xaxes(range=[dates.min() - pd.Timedelta(days=240), dates.max() + pd.Timedelta(days=120)])
    fig.update_xaxes(tickformat="%Y", dtick="M12")
    for rank, line in enumerate(lines):  # listed under the legend, never plotted at zero
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=line, legendrank=2000 + rank, hoverinfo="skip",
                                 marker={"symbol": "x-thin-open", "size": 12, "color": CHART_INK, "line": {"color": CHART_INK, "width": 2}}))
    plot_px = 380
    note_px = 20 * sum(line.count("<br>") + 1 for line in lines)
    _layout(fig, "Caps on Ukraine's army over time", 110 + plot_px + 200 + note_px, top=110)
    _legend_below(fig, 40, plot_px, LEGEND_TITLE)
    fig.update_layout(margin={"b": 20})
    return fig


# ---- ceasefire comparators -----------------------------------------------------------------------

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
            customdata=list(zip(data["kind"], data[f"{field}_as_given"], data["sources"])),
            hovertemplate="%{y}<br>%{text} (%{customdata[0]})<br>As given: %{customdata[1]}<br>Sources: %{customdata[2]}<extra></extra>",
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
    _layout(fig, "Ceasefire lines, for scale", 0, top=100)
    _legend_below(fig, 40, plot_px)
    fig.update_layout(height=100 + plot_px + 150, margin={"b": 20}, barmode="overlay")
    return fig
