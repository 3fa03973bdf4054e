"""Timeline chart: every proposal on a time axis, one row each (oldest at the top), coloured and shaped by who
drafted it. The axis starts where the proposals are dense; texts long before that (Minsk II, 2015) sit in a narrow
shaded strip on the left marked "Earlier", behind a visible axis break, instead of stretching the axis over the
empty years between. Pure: tidy frame in, plotly figure out."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from components.render.chart_base import LABEL_WRAP, LEGEND_TITLE, base_layout, legend_below, party_colour, party_symbol, wrap
from components.render.palette import CHART_INK, CHART_NOTE_BG, PARTY_LABELS, REFERENCE
from components.render.safe_text import plot_frame

BREAK_GAP = pd.Timedelta(days=3 * 365)  # a gap this long between two proposals breaks the axis
EARLIER_MAX = 3  # at most this many proposals go into the "earlier" strip (the rest is the dense part)
PAD = pd.Timedelta(days=100)  # space either side of the first and last date of each part
STRIP_WIDTH = 0.16  # of the plot's width
EARLIER = "Earlier"
ROW_PX = 44


def split_date(dates: pd.Series) -> pd.Timestamp | None:
    """The first date of the dense part, when a few proposals come long before the others (a gap of BREAK_GAP
    or more after at most EARLIER_MAX of them); None when the axis needs no break."""
    ordered = sorted(pd.to_datetime(dates))
    for i in range(1, min(EARLIER_MAX, len(ordered) - 1) + 1):
        if ordered[i] - ordered[i - 1] >= BREAK_GAP:
            return ordered[i]
    return None


def timeline_figure(frame: pd.DataFrame) -> go.Figure:
    """Every proposal on a time axis, one row each (oldest at the top), coloured AND shaped by who drafted it
    (the same colours and symbols as every other chart); earlier outliers in a labelled strip on the left."""
    frame = plot_frame(frame)  # data shown as text (safe_text.plot_frame)
    dates = pd.to_datetime(frame["date_sort"])
    start = split_date(dates)
    early = dates < start if start is not None else pd.Series(False, index=frame.index)
    order = list(frame.assign(_d=dates).sort_values("_d", kind="stable")["proposal_name"])[::-1]  # oldest at the top
    parts = [(early, 1), (~early, 2)] if early.any() else [(~early, 1)]
    fig = make_subplots(rows=1, cols=len(parts), shared_yaxes=True, horizontal_spacing=0.03,
                        column_widths=[STRIP_WIDTH, 1 - STRIP_WIDTH] if len(parts) == 2 else None)
    shown: set[str] = set()
    for mask, col in parts:
        for party, group in frame[mask].groupby("party", sort=False):
            fig.add_trace(go.Scatter(
                x=pd.to_datetime(group["date_sort"]), y=list(group["proposal_name"]), mode="markers",
                name=PARTY_LABELS.get(party, party), legendgroup=party, showlegend=party not in shown,
                marker={"size": 16, "color": party_colour(party), "symbol": party_symbol(party), "line": {"color": CHART_INK, "width": 1}},
                customdata=list(zip(group["date"], group["status_label"], group["publication_label"], group["author"])),
                hovertemplate="%{y}<br>%{customdata[0]} · %{customdata[1]}<br>%{customdata[2]}<br>%{customdata[3]}<extra></extra>",
            ), row=1, col=col)
            shown.add(party)
        part = dates[mask]
        lo, hi = part.min() - PAD, part.max() + PAD
        if col == len(parts):  # the dense part: a tick every year
            fig.update_xaxes(range=[lo, hi], tickformat="%Y", dtick="M12", tick0="2000-01-01", row=1, col=col)
        else:  # the strip: its years only, on a shaded ground, named above
            years = sorted({d.year for d in part})
            fig.update_xaxes(range=[lo, hi], tickvals=[min(d for d in part if d.year == y) for y in years],
                             ticktext=[str(y) for y in years], fixedrange=True, row=1, col=col)
    fig.update_xaxes(title=None, side="top", tickangle=0, showgrid=True)
    fig.update_yaxes(title=None, categoryorder="array", categoryarray=order, range=[-0.5, len(order) - 0.5])
    fig.update_yaxes(tickvals=order, ticktext=[wrap(n, LABEL_WRAP) for n in order], row=1, col=1)
    if len(parts) == 2:
        fig.add_vrect(x0=0, x1=1, xref="x domain", fillcolor=CHART_NOTE_BG, line_width=0, layer="below", row=1, col=1)
        fig.add_annotation(x=0.5, xref="x domain", y=1, yref="paper", yanchor="bottom", text=f"<b>{EARLIER}</b>",
                           showarrow=False, font={"size": 13, "color": REFERENCE}, yshift=22)
        for y, anchor in ((1, "top"), (0, "top")):  # the break: in the gap between strip and axis, and under it
            fig.add_annotation(x=0, xref="x2 domain", xanchor="center", y=y, yref="paper", yanchor=anchor, text="<b>//</b>",
                               showarrow=False, font={"size": 16, "color": REFERENCE})
    plot_px = ROW_PX * max(len(order), 2)
    subtitle = (f"Axis starts in {start.year}; earlier texts in the shaded strip on the left, after a break (//)"
                if len(parts) == 2 else "")
    base_layout(fig, "When each proposal was put forward", 0, top=150 if subtitle else 110, subtitle=subtitle)
    legend_below(fig, 40 if subtitle else 12, plot_px, LEGEND_TITLE)
    fig.update_layout(height=(150 if subtitle else 110) + plot_px + 200 + (30 if subtitle else 0), margin={"b": 20})
    return fig
