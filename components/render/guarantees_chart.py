"""Security guarantees and alliances chart: four panels (guarantee type, NATO, EU, foreign troops), each with
one row per stance (in the taxonomy's order) listing every proposal that takes it, marked by who drafted it.
So "which plan lets Ukraine join NATO?" is read off one row, whatever the sidebar chose.

Proposals chosen in the sidebar (frame column `chosen`; all, when the column is absent) are in bold with filled
symbols; the others in grey with open symbols. Chosen proposals without a stance sit in a last row "Not addressed
or not coded"; others without one are left out, and the row says how many. Names flow left to right in a row and
wrap onto further lines at a width that fits a 390-pixel phone, so no two names overlap.
Pure: tidy frame in, plotly figure out."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from components.render.chart_base import (
    FALLBACK_PARTY, LABEL_WRAP, LEGEND_TITLE, LEGEND_WRAP, base_layout, legend_below, party_colour, party_legend, party_symbol,
    wrap,
)
from components.render.palette import CHART_GRID, CHART_INK, REFERENCE
from components.render.safe_text import plot, plot_frame
from model.analysis.chart_data import NO_STANCE
from model.data.taxonomy import Taxonomy

MISSING = NO_STANCE
NO_STANCE_ROW = "Not addressed or not coded"
PANELS = (  # frame column, panel title, taxonomy area, field
    ("guarantee_label", "Security guarantee", "security_guarantees", "guarantee_type"),
    ("nato", "NATO membership", "alliances", "nato"),
    ("eu", "EU membership", "alliances", "eu"),
    ("foreign_troops", "Foreign troops in Ukraine", "alliances", "foreign_troops"),
)
ROW_PX, PANEL_GAP_PX = 26, 80  # one line of names; the gap holding the next panel's title
FLOW_WIDTH = 30  # x units a line of names holds: one unit is at least one character at 12 px on a 390-px phone
NAME_FONT = 12
MARK_X = 1.3  # the symbol's centre, from the start of its slot: clear of the stance labels


def _width(name: str) -> float:
    """x units a name takes: the marker and gaps, and the text (bold is wider)."""
    return 3 + 1.12 * len(name)


def _flow(items: list[tuple[str, str, bool]]) -> list[tuple[float, int]]:
    """(x, line) of each item, filling lines of FLOW_WIDTH units left to right."""
    places, x, line = [], 0.0, 0
    for name, _party, _chosen in items:
        if x > 0 and x + _width(name) > FLOW_WIDTH:
            x, line = 0.0, line + 1
        places.append((x, line))
        x += _width(name)
    return places


def _rows(frame: pd.DataFrame, column: str, terms: list[str], chosen: pd.Series, parties: list[str]) -> list[tuple[str, list, str]]:
    """(stance label, [(name, party, chosen)], note) per row: the taxonomy's stances, any other label found,
    then the chosen proposals with no stance."""
    found = [v for v in dict.fromkeys(frame[column]) if v not in MISSING and v not in terms]
    rows = []
    for term in [*terms, *found]:
        members = [(frame.at[i, "proposal_name"], parties[k], bool(chosen[i]))
                   for k, i in enumerate(frame.index) if frame.at[i, column] == term]
        rows.append((term, members, "" if members else "none"))
    silent = frame[column].isin(MISSING)
    members = [(frame.at[i, "proposal_name"], parties[k], True)
               for k, i in enumerate(frame.index) if silent[i] and chosen[i]]
    left_out = int((silent & ~chosen).sum())
    note = f"+ {left_out} not chosen" if left_out else ("" if members else "none")
    rows.append((NO_STANCE_ROW, members, note))
    return rows


def guarantees_figure(frame: pd.DataFrame, taxonomy: Taxonomy) -> go.Figure:
    """Four panels; in each, one row per stance listing the proposals that take it (see the module's docstring)."""
    frame = plot_frame(frame)  # data shown as text (safe_text.plot_frame)
    parties = list(frame["party"]) if "party" in frame else [FALLBACK_PARTY] * len(frame)
    chosen = frame["chosen"].astype(bool) if "chosen" in frame else pd.Series(True, index=frame.index)
    panels = []
    for column, title, area, field in PANELS:
        terms = [plot(t.label) for t in (taxonomy.values_for(area, field) or [])]
        laid = []
        line = 0
        for label, members, note in _rows(frame, column, terms, chosen, parties):
            places = _flow(members + ([(note, "", True)] if note else []))  # the note flows after the names
            tick = wrap(label, LABEL_WRAP)
            height = max([p[1] + 1 for p in places] + [tick.count("<br>") + 1, 1])
            laid.append((label, tick, members, places, note, line, height))
            line += height
        panels.append((title, laid, line))
    plot_px = sum(ROW_PX * lines for *_, lines in panels) + PANEL_GAP_PX * (len(panels) - 1)
    fig = make_subplots(rows=len(panels), cols=1, subplot_titles=[f"<b>{title}</b>" for title, *_ in panels],
                        row_heights=[max(lines, 1) for *_, lines in panels], vertical_spacing=PANEL_GAP_PX / plot_px)
    for row, (_title, laid, lines) in enumerate(panels, start=1):
        for picked in (True, False):
            xs, ys, texts, custom, colours, symbols = [], [], [], [], [], []
            for label, _tick, members, places, _note, top, height in laid:
                first = top + (height - 1 - max([p[1] for p in places] + [0])) / 2  # the names centred on the row
                for (name, party, is_chosen), (x, sub) in zip(members, places):  # zip stops before the note
                    if is_chosen != picked:
                        continue
                    xs.append(x + MARK_X)
                    ys.append(first + sub)
                    texts.append(f"<b>{name}</b>" if picked else name)
                    custom.append((name, label, "" if picked else " (not chosen in the sidebar)"))
                    colours.append(party_colour(party))
                    symbols.append(party_symbol(party) + ("" if picked else "-open"))
            if not xs:
                continue
            fig.add_trace(go.Scatter(
                x=xs, y=ys, mode="markers+text", showlegend=False, text=texts, textposition="middle right",
                textfont={"size": NAME_FONT, "color": CHART_INK if picked else REFERENCE}, cliponaxis=False,
                marker={"size": 13 if picked else 11, "color": colours, "symbol": symbols,
                        "line": {"color": CHART_INK if picked else colours, "width": 1.2 if picked else 2}},
                customdata=custom, hovertemplate="%{customdata[0]}%{customdata[2]}<br>%{customdata[1]}<extra></extra>",
            ), row=row, col=1)
        notes = []
        for _label, _tick, members, places, note, top, height in laid:
            if note:
                first = top + (height - 1 - max(p[1] for p in places)) / 2
                x, sub = places[-1]
                notes.append((x + (MARK_X if members else 0.4), first + sub, f"<i>{note}</i>"))
        if notes:
            fig.add_trace(go.Scatter(x=[n[0] for n in notes], y=[n[1] for n in notes], text=[n[2] for n in notes], mode="text",
                                     textposition="middle right", textfont={"size": NAME_FONT, "color": REFERENCE},
                                     showlegend=False, hoverinfo="skip", cliponaxis=False), row=row, col=1)
        for _l, _t, _m, _p, _n, top, _h in laid[1:]:
            fig.add_hline(y=top - 0.5, line={"color": CHART_GRID, "width": 1}, row=row, col=1)
        fig.update_xaxes(range=[0, FLOW_WIDTH], visible=False, fixedrange=True, row=row, col=1)
        fig.update_yaxes(range=[lines - 0.5, -0.5], tickvals=[top + (height - 1) / 2 for *_, top, height in laid],
                         ticktext=[tick for _l, tick, *_ in laid], showgrid=False, zeroline=False, fixedrange=True,
                         tickfont={"size": 13}, row=row, col=1)
    fig.for_each_annotation(lambda a: a.update(font={"size": 15}, x=0, xanchor="left", align="left"))
    party_legend(fig, [p for p, c in zip(parties, chosen) if c] or parties)
    if not all(chosen):  # never colour alone: weight, fill and grey text differ, and the legend says so
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=wrap("Bold name, filled symbol: chosen in the sidebar", LEGEND_WRAP),
                                 marker={"size": 13, "symbol": "circle", "color": CHART_INK}, hoverinfo="skip"))
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=wrap("Grey name, open symbol: not chosen, shown because it takes a stance", LEGEND_WRAP),
                                 marker={"size": 11, "symbol": "circle-open", "color": REFERENCE, "line": {"width": 2}}, hoverinfo="skip"))
    top_px = 150 if not all(chosen) else 110
    base_layout(fig, "Security guarantees and alliances", 0, top=top_px,
                subtitle="Every proposal with a stance; chosen in the sidebar: bold, filled symbol" if not all(chosen) else "")
    legend_below(fig, 16, plot_px, LEGEND_TITLE)
    fig.update_layout(height=top_px + plot_px + 230, margin={"b": 20})
    fig.update_xaxes(nticks=None)
    return fig
