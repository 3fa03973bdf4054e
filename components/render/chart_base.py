"""What every plotly chart (not the maps) shares: font sizes, wrapping widths, number format, the drafter's
colour and symbol, the title and margins, and the legend laid out in rows under the plot. Pure; no Streamlit.

Every chart is built to read on a 390-pixel phone and on a projector alike: colours only from
components/render/palette.py (each paired with a symbol, a pattern or words), the legend below the plot,
long labels wrapped at word boundaries, numbers written out in full ("600,000", never "600k"),
values placed in axis labels rather than where reference lines cross them, few ticks, automargin."""
from __future__ import annotations

from typing import Sequence

import plotly.graph_objects as go

from components.render.palette import CHART_GRID, CHART_INK, CHART_PAPER, FONT, PARTY_COLORS, PARTY_LABELS, PARTY_SYMBOLS
from components.render.safe_text import wrap_words

BASE_FONT = 16
TICK_FONT = 14
TITLE_WRAP = 34  # characters a line: a 20-px title fits a 390-px phone
LABEL_WRAP = 18  # category labels (proposal names, scale terms)
LEGEND_WRAP = 36
SUBTITLE_WRAP = 44  # a 15-px subtitle under the title
FALLBACK_PARTY = "multilateral"  # a party missing from the palette is drawn like this one, never in a local colour
LEGEND_TITLE = "Drafted by"


def wrap(text: str, width: int = LABEL_WRAP) -> str:
    """`text` with <br> at word boundaries so no line is longer than `width` characters (unless one word is)."""
    return wrap_words(text, width)


def fmt(n: float) -> str:
    return f"{int(n):,}"


def party_colour(party: str) -> str:
    return PARTY_COLORS.get(party, PARTY_COLORS[FALLBACK_PARTY])


def party_symbol(party: str) -> str:
    return PARTY_SYMBOLS.get(party, PARTY_SYMBOLS[FALLBACK_PARTY])


def legend_below(fig: go.Figure, gap_px: int, plot_px: int, title: str | None = None) -> None:
    """Horizontal legend under the plot, `gap_px` below the plot area (tick labels sit in that gap)."""
    fig.update_layout(legend={
        "orientation": "h", "x": 0, "xanchor": "left", "y": -gap_px / max(plot_px, 1), "yanchor": "top",
        "font": {"size": TICK_FONT}, "title": {"text": f"<b>{title}</b>" if title else "", "side": "top"},
        "itemclick": False, "itemdoubleclick": False, "tracegroupgap": 4,
    })


def base_layout(fig: go.Figure, title: str, height: int, top: int = 80, bottom: int = 60, subtitle: str = "") -> go.Figure:
    """Title (and a smaller subtitle under it, wrapped, when given), fonts, paper, margins, axes."""
    fig.update_layout(
        title={"text": wrap(title, TITLE_WRAP), "font": {"size": 20}, "x": 0, "xanchor": "left", "xref": "container",
               "y": 1, "yanchor": "top", "yref": "container", "pad": {"t": 12, "l": 4}},
        font={"family": FONT, "size": BASE_FONT, "color": CHART_INK},
        paper_bgcolor=CHART_PAPER, plot_bgcolor=CHART_PAPER, margin={"l": 8, "r": 12, "t": top, "b": bottom},
        hoverlabel={"font": {"size": 15}, "align": "left"},
    )
    if subtitle:
        fig.update_layout(title_subtitle={"text": wrap(subtitle, SUBTITLE_WRAP), "font": {"size": 15}})
    if height:
        fig.update_layout(height=height)
    fig.update_xaxes(automargin=True, gridcolor=CHART_GRID, tickfont={"size": TICK_FONT}, nticks=5)
    fig.update_yaxes(automargin=True, gridcolor=CHART_GRID, tickfont={"size": TICK_FONT})
    return fig


def party_legend(fig: go.Figure, parties: Sequence[str], **extra) -> None:
    """One legend entry per party present (colour AND symbol), drawn by empty traces."""
    for party in dict.fromkeys(parties):
        fig.add_trace(go.Scatter(
            x=[None], y=[None], mode="markers", name=PARTY_LABELS.get(party, party), legendgroup=party, showlegend=True,
            marker={"size": 13, "color": party_colour(party), "symbol": party_symbol(party), "line": {"color": CHART_INK, "width": 1}},
            hoverinfo="skip", **extra,
        ))
