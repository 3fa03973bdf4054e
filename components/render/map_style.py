"""Styling of the territory maps: how each region status is drawn (colour from the palette, hatching for
statuses split at the line of contact, a dotted outline and a mark for "not addressed"), the legend
entries, the dashed outline of the area Russia controlled on 23 February 2022, and the words the legend
and hover use. Pure: plotly trace dicts out; no Streamlit."""
from __future__ import annotations

from dataclasses import dataclass

from components.render.palette import REGION_STATUS_COLORS
from components.render.safe_text import wrap_words
from model.analysis.chart_data import NOT_MENTIONED, NOT_MENTIONED_LABEL
from model.data.taxonomy import Taxonomy

CONTROL_2022_LABEL = "Russian-controlled on 23 Feb 2022 (Natural Earth)"
SPLIT_WORDS = "split at the line of contact"
NO_LATER_LINE = ("No open data for the later line of contact is available here, "
                 "so regions split at the line of contact are hatched, not cut at a line.")

NOTE_MARK = "∅"  # drawn on regions whose status needs a reason ("not addressed by this text")
CREDIT = "Map data: Natural Earth (public domain)."

OUTLINE = "#333333"
HATCH_INK = "#542788"  # stripes of split regions, in the colour of "Ukrainian" (part of the region stays Ukrainian)
HATCH_SHAPE = "/"  # every split status: hatched = split; the background colour says what becomes of the rest
CONTROL_2022_COLOR = "#000000"  # black dashes on a white halo: readable on every fill; dashed, unlike the solid region borders
CONTROL_2022_HALO = "#FFFFFF"
FALLBACK_COLOR = "#999999"
LEGEND_WRAP, TITLE_WRAP = 30, 16  # characters a line: legend entries and map titles fit a 390-pixel phone


@dataclass(frozen=True)
class StatusStyle:
    key: str
    label: str  # as in the taxonomy (and the table and hover)
    legend: str  # as in the legend: says "split at the line of contact" for split statuses
    color: str
    pattern: dict | None
    dash: str
    split: bool


def status_styles(taxonomy: Taxonomy) -> list[StatusStyle]:
    """Every region status of the taxonomy, in its order, then 'not named by this proposal'.
    Split statuses (taxonomy flag `split`) are hatched; the rest are plain fills."""
    styles = []
    for term in taxonomy.region_statuses:
        color = REGION_STATUS_COLORS.get(term.key, FALLBACK_COLOR)
        pattern, legend = None, term.label
        if term.split:
            pattern = {"shape": HATCH_SHAPE, "fgcolor": HATCH_INK, "bgcolor": color, "size": 9, "solidity": 0.3, "fillmode": "replace"}
            if SPLIT_WORDS not in legend.lower():
                legend = f"{legend} ({SPLIT_WORDS})"
            legend += " · hatched"
        if term.needs_note:  # e.g. "not addressed by this text": always comes with a reason, on tap or hover and in the table
            legend += f" ({NOTE_MARK} on the map) · reason: tap the region, or see the data table"
        dash = "dot" if term.needs_note else "solid"  # white with a dotted outline: a gap the text leaves
        styles.append(StatusStyle(term.key, term.label, legend, color, pattern, dash, term.split))
    styles.append(StatusStyle(NOT_MENTIONED, NOT_MENTIONED_LABEL, NOT_MENTIONED_LABEL,
                              REGION_STATUS_COLORS.get(NOT_MENTIONED, "#E3E3E3"), None, "solid", False))
    return styles


def fill_trace(xs, ys, style: StatusStyle, axes: tuple[str, str], **extra) -> dict:
    dotted = style.dash != "solid"
    return dict(
        type="scatter",
        x=xs, y=ys, xaxis=axes[0], yaxis=axes[1], mode="lines", fill="toself", fillcolor=style.color,
        fillpattern=style.pattern, line={"color": "#000000" if dotted else OUTLINE, "width": 1.6 if dotted else 0.7, "dash": style.dash},
        name=wrap_words(style.legend, LEGEND_WRAP), legendgroup=style.key, hoverinfo="skip", **extra,
    )


def legend_trace(style: StatusStyle, rank: int) -> dict:
    marked = style.dash != "solid"  # white "not addressed": a heavy outline, as its dotted outline on the map
    pattern = {**style.pattern, "size": 6} if style.pattern else {"shape": ""}
    return dict(type="bar", x=[None], y=[None], xaxis="x", yaxis="y", name=wrap_words(style.legend, LEGEND_WRAP), legendgroup=style.key,
                legendrank=rank, showlegend=True, hoverinfo="skip",
                marker={"color": style.color, "pattern": pattern,
                        "line": {"color": "#000000" if marked else OUTLINE, "width": 2 if marked else 1}})


def control_trace(xs, ys, axes: tuple[str, str], halo: bool = False, **extra) -> dict:
    """The outline of the area Russia controlled on 23 Feb 2022: dashed, so it never reads as a region border
    (with `halo`, the white line drawn beneath the dashes)."""
    line = {"color": CONTROL_2022_HALO, "width": 4.5} if halo else {"color": CONTROL_2022_COLOR, "width": 2.2, "dash": "dash"}
    return dict(type="scatter", x=xs, y=ys, xaxis=axes[0], yaxis=axes[1], mode="lines", name=CONTROL_2022_LABEL,
                legendgroup="control_2022", hoverinfo="skip", line=line, **extra)


def unknown_styles(groups: dict[str, list[str]], style_of: dict[str, StatusStyle]) -> list[StatusStyle]:
    """A status missing from the taxonomy is still drawn (grey), never dropped."""
    return [StatusStyle(k, k, k, FALLBACK_COLOR, None, "solid", False) for k in groups if k not in style_of]


def hover_note(row: dict) -> str:
    """The proposal's note on the region; failing that, why its territory position names no region."""
    note = str(row.get("note") or "").strip() or str(row.get("territory_note") or "").strip()
    # only < and > are escaped: plotly's hover text reads a few tags but does not decode &quot;
    return f"<br><i>{wrap_words(note.replace('<', '&lt;').replace('>', '&gt;'), 60)}</i>" if note else ""


def hover_evidence(row: dict, labels: dict[str, str]) -> str:
    key = str(row.get("evidence") or "")
    return f"<br>Evidence: {labels.get(key, key)}" if key else ""



def legend_layout() -> dict:
    """The shared legend under the maps: a title explaining hatching and the map data, then the entries."""
    return {
        "title": {"text": "<b>Region status</b><br>" + wrap_words("Hatched = " + SPLIT_WORDS + " (the region is divided, not handed over whole). "
                  + NO_LATER_LINE + " " + CREDIT, 44) + "<br> ", "side": "top", "font": {"size": 13}},
        "orientation": "h", "x": 0, "xanchor": "left", "y": -0.01, "yanchor": "top",
        "traceorder": "normal", "font": {"size": 13},
        "itemclick": False, "itemdoubleclick": False,
    }
