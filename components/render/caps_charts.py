"""Troop-cap charts: the cap each proposal sets on Ukraine's armed forces (horizontal bars against the
reported current and pre-war sizes), and the same caps over time. Pure: tidy frame in, plotly figure out."""
from __future__ import annotations

from typing import Sequence

import pandas as pd
import plotly.graph_objects as go

from components.render.chart_base import (
    FALLBACK_PARTY, LABEL_WRAP, LEGEND_TITLE, LEGEND_WRAP, TICK_FONT, base_layout, fmt, legend_below, party_colour,
    party_legend, party_symbol, wrap,
)
from components.render.palette import CHART_BAND, CHART_INK, CHART_NOTE_BG, CHART_NOTE_BORDER, EVIDENCE_STYLE, REFERENCE
from components.render.safe_text import plot, plot_frame
from model.data.reference_data import ReferenceFigure

NO_BAR = {"no_cap": "No cap set", "cap_unspecified": "Cap demanded,<br>no number given"}
NOT_CHOSEN = "not chosen"
FADED = 0.35  # opacity of the bars of proposals not chosen in the sidebar (also: open symbol, grey label saying so)


def troop_caps_figure(frame: pd.DataFrame, references: Sequence[ReferenceFigure] = (), sources: dict[str, str] | None = None) -> go.Figure:
    """Horizontal bars for numeric caps, coloured and marked by who drafted the proposal; the number is written
    in full in the row's label (so no reference line ever crosses it). 'No cap' and 'not addressed' are words
    in the label and a note in the row, never zero bars. Reference sizes: a grey band and dashed/dotted lines,
    explained in the legend below."""
    frame = plot_frame(frame)  # data shown as text (safe_text.plot_frame)
    sources = sources or {}
    parties = frame["party"] if "party" in frame else pd.Series([FALLBACK_PARTY] * len(frame), index=frame.index)
    chosen = frame["chosen"].astype(bool) if "chosen" in frame else pd.Series(True, index=frame.index)
    order = list(frame["label"])[::-1]
    ticktext = {}
    for row, party, picked in zip(frame.itertuples(), parties, chosen):
        value = f"<b>{fmt(row.cap)}</b>" if pd.notna(row.cap) else f"<i>{NO_BAR.get(row.status, wrap(row.status_label, LABEL_WRAP))}</i>"
        label = f"{wrap(row.label, LABEL_WRAP)}<br>{value}"
        ticktext[row.label] = label if picked else f"<span style='color:{REFERENCE}'>{label} · {NOT_CHOSEN}</span>"
    capped = frame[frame["cap"].notna()]
    capped_parties = [parties[i] for i in capped.index]
    capped_chosen = [bool(chosen[i]) for i in capped.index]
    fig = go.Figure()
    fig.add_trace(go.Bar(
        x=[int(c) for c in capped["cap"]], y=list(capped["label"]), orientation="h", name="Cap on Ukraine's forces",
        marker={"color": [party_colour(p) for p in capped_parties], "line": {"color": CHART_INK, "width": 1},
                "opacity": [1 if c else FADED for c in capped_chosen]},
        customdata=list(zip(capped["status_label"], [EVIDENCE_STYLE.get(e, {}).get("word", e) for e in capped["evidence"]], capped["best_source"], [fmt(c) for c in capped["cap"]],
                            ["" if c else f" ({NOT_CHOSEN} in the sidebar)" for c in capped_chosen])),
        hovertemplate="%{y}%{customdata[4]}<br>Cap: %{customdata[3]}<br>%{customdata[0]} · %{customdata[1]}"
                      "<br>Best source: %{customdata[2]}<extra></extra>",
        showlegend=False,
    ))
    fig.add_trace(go.Scatter(  # the drafter's symbol at the end of each bar: colour is never the only cue
        x=[int(c) for c in capped["cap"]], y=list(capped["label"]), mode="markers", showlegend=False, hoverinfo="skip",
        marker={"size": 13, "color": [party_colour(p) for p in capped_parties],
                "symbol": [party_symbol(p) + ("" if c else "-open") for p, c in zip(capped_parties, capped_chosen)],
                "line": {"color": [CHART_INK if c else party_colour(p) for p, c in zip(capped_parties, capped_chosen)],
                         "width": [1.2 if c else 2.5 for c in capped_chosen]}},
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
                                 name=wrap(f"Grey band, dashed lines: reported current size {fmt(low)}–{fmt(high)}+ (sources differ)", LEGEND_WRAP),
                                 legendgroup="reference", legendrank=1000, hoverinfo="skip"))
    for ref in (r for r in references if r.kind == "pre_war_size"):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", line={"color": REFERENCE, "dash": "dot", "width": 2},
                                 name=wrap(f"Dotted line: pre-war size ≈{fmt(ref.value)}", LEGEND_WRAP),
                                 legendgroup="reference", legendrank=1001, hoverinfo="skip"))
    party_legend(fig, capped_parties)
    others = not all(chosen)
    if others:  # explained in the legend, not by colour alone: solid/filled vs faded/open, and the words in the label
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=wrap("Solid bar, filled symbol: chosen in the sidebar", LEGEND_WRAP),
                                 marker={"size": 13, "symbol": "circle", "color": CHART_INK}, legendrank=900, hoverinfo="skip"))
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers",
                                 name=wrap("Faded bar, open symbol, grey label: not chosen, shown because it sets a number", LEGEND_WRAP),
                                 marker={"size": 13, "symbol": "circle-open", "color": REFERENCE, "line": {"width": 2.5}},
                                 legendrank=901, hoverinfo="skip"))
    top = max([int(c) for c in capped["cap"]] + [r.high or r.value for r in references] + [100_000])
    # Ticks 400,000 apart (200,000 when every value is small): full numbers that never touch at 390 px wide.
    fig.update_xaxes(range=[0, top * 1.08], tickformat=",d", title=None, side="top", tickangle=0,
                     tick0=0, dtick=400_000 if top > 500_000 else 100_000)
    fig.update_yaxes(categoryorder="array", categoryarray=order, tickvals=order, ticktext=[ticktext[o] for o in order], title=None)
    lines = max(t.count("<br>") + 1 for t in ticktext.values()) if ticktext else 2
    plot_px = (18 * lines + 14) * max(len(order), 2)  # every row tall enough for its wrapped label and number
    top_px = 140 if others else 90
    base_layout(fig, "Caps on Ukraine's armed forces", 0, top=top_px,
                subtitle="Every proposal that sets a number; not chosen in the sidebar: faded, open symbol" if others else "")
    legend_below(fig, 16, plot_px, LEGEND_TITLE)
    fig.update_layout(height=top_px + plot_px + 230 + (90 if others else 0), margin={"b": 20})
    return fig


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
        customdata=list(zip(capped["label"], [fmt(c) for c in capped["cap"]])),
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
        fig.add_annotation(x=dates[members].max() if right else dates[members].min(), y=cap, text=f"<b>{fmt(cap)}</b><br>{names}",
                           showarrow=False, xanchor="left" if right else "right", xshift=12 if right else -12, align="left" if right else "right",
                           yanchor="bottom" if above else "middle", yshift=-8 if above else 0,
                           font={"size": 13}, bgcolor="rgba(255,255,255,0.85)")
    current = [r for r in references if r.kind == "current_size"]
    if current:
        low, high = min(r.value for r in current), max(r.high or r.value for r in current)
        fig.add_hrect(y0=low, y1=high, fillcolor=CHART_BAND, opacity=0.45, line_width=0, layer="below")
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", marker={"symbol": "square", "size": 14, "color": CHART_BAND},
                                 name=wrap(f"Grey band: reported current size {fmt(low)}–{fmt(high)}+ (late 2025; sources differ)", LEGEND_WRAP),
                                 legendrank=1000, hoverinfo="skip"))
    month = lambda d: pd.to_datetime(d).strftime("%b %Y")  # noqa: E731
    lines = []
    for status, words in (("no_cap", "No cap"), ("cap_unspecified", "Cap demanded, no number given")):
        rows = frame[frame["status"] == status]
        if not rows.empty:
            header = "<b>" + wrap(f"{words} (not plotted):", LEGEND_WRAP).replace("<br>", "</b><br><b>") + "</b>"
            lines.append(header + "<br>" + wrap("; ".join(f"{r.label} ({month(r.date_sort)})" for r in rows.itertuples()), LEGEND_WRAP))
    party_legend(fig, parties)
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
    base_layout(fig, "Caps on Ukraine's army over time", 110 + plot_px + 200 + note_px, top=110)
    legend_below(fig, 40, plot_px, LEGEND_TITLE)
    fig.update_layout(margin={"b": 20})
    return fig
