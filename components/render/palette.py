"""One palette for the whole app: colour-blind-safe, readable in greyscale, and
always paired with words or symbols (never colour alone)."""
from __future__ import annotations

from model.data.schema import PARTY_LABELS  # noqa: F401 - the parties' names live with the schema; drawn here beside their colours

# Ordered scales: ColorBrewer PuOr, the class set for the scale's number of steps (colour-blind safe,
# print friendly). Step 1 (the outcome Ukraine has sought) is purple, the last step (the outcome Russia has
# sought) orange: neither party's flag colours. Colour is always paired with the step number and words.
SCALE_CLASSES: dict[int, list[str]] = {
    2: ["#998EC3", "#F1A340"],
    3: ["#998EC3", "#F7F7F7", "#F1A340"],
    4: ["#5E3C99", "#B2ABD2", "#FDB863", "#E66101"],
    5: ["#5E3C99", "#B2ABD2", "#F7F7F7", "#FDB863", "#E66101"],
    6: ["#542788", "#998EC3", "#D8DAEB", "#FEE0B6", "#F1A340", "#B35806"],
    7: ["#542788", "#998EC3", "#D8DAEB", "#F7F7F7", "#FEE0B6", "#F1A340", "#B35806"],
}


def step_colour(step: int, steps: int) -> str:
    """Background colour of step `step` (0-based) on a scale of `steps` steps."""
    classes = SCALE_CLASSES.get(steps) or SCALE_CLASSES[7]
    return classes[round(step * (len(classes) - 1) / max(steps - 1, 1))]


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on `background` (WCAG relative luminance)."""
    def channel(h: str) -> float:
        c = int(h, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(background[i:i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#FFFFFF"


# Cells without a colour: at most two kinds of empty cell, each named in words.
BLANK_STYLE: dict[str, dict[str, str]] = {
    "not_placed": {"bg": "#FFFFFF", "fg": "#000000", "word": "Not coded on a scale"},
    "no_scale": {"bg": "#FFFFFF", "fg": "#000000", "word": "No scale: read the text"},
    "not_addressed": {"bg": "#E6E6E6", "fg": "#000000", "word": "Not addressed"},
    "unknown": {"bg": "#E6E6E6", "fg": "#000000", "word": "Not known"},
}

# Region statuses on the territory maps: ColorBrewer PuOr like the matrix (purple = the Ukrainian end,
# orange = the Russian end; colour-blind safe), greys for neutral or unclear statuses. Statuses flagged
# `split` in the taxonomy are drawn HATCHED (purple stripes on this background colour), "not addressed by
# this text" white with a dotted outline; every status is also named in the legend and on hover.
REGION_STATUS_COLORS: dict[str, str] = {
    "ukrainian": "#542788",
    "to_be_negotiated": "#B2ABD2",
    "frozen_at_contact_line": "#F7F7F7",
    # Held by Russia with no recognition asked of anyone: PuOr's light orange, lighter than the orange of
    # "Russian de facto" (recognised de facto), so held-but-unrecognised never reads as recognition.
    "russian_held_unrecognised": "#FEE0B6",
    "frozen_de_facto_recognition": "#F1A340",
    "demilitarized_buffer": "#8C8C8C",
    "russian_de_facto": "#F1A340",
    "russian_de_jure": "#B35806",
    "unspecified": "#C8C8C8",
    "not_addressed": "#FFFFFF",
    "not_mentioned": "#EBEBEB",
}

# Okabe-Ito, one per party kind, each also with its own marker symbol.
PARTY_COLORS: dict[str, str] = {
    "mediator": "#0072B2",
    "europe": "#CC79A7",
    "ukraine": "#009E73",
    "russia": "#D55E00",
    "think_tank": "#E69F00",
    "historical": "#56B4E9",
    "third_country": "#000000",
    "multilateral": "#999999",
}
PARTY_SYMBOLS: dict[str, str] = {
    "mediator": "circle", "europe": "diamond", "ukraine": "square",
    "russia": "square", "think_tank": "triangle-up", "historical": "star",
    "third_country": "hexagon", "multilateral": "cross",
}

# How one cell's content is known (the cell border and badge). Distinct words from a document's publication badge.
EVIDENCE_STYLE: dict[str, dict[str, str]] = {
    "text": {"border": "solid", "icon": "▣", "word": "From the text"},
    "reported": {"border": "dashed", "icon": "▤", "word": "From news reports"},
    "statement": {"border": "dotted", "icon": "◎", "word": "From statements"},
    "unknown": {"border": "double", "icon": "?", "word": "Never made public"},
}


REFERENCE = "#555555"
FONT = "Source Sans Pro, Arial, sans-serif"

# Chart furniture shared by every plotly chart (figures.py, map_figure.py): ink, grid, notes, reference bands.
CHART_INK = "#111111"  # text and marker outlines
CHART_GRID = "#E5E5E5"
CHART_NOTE_BG = "#F2F2F2"  # boxes holding a note ("no cap: no bar")
CHART_NOTE_BORDER = "#999999"
CHART_BAND = "#CCCCCC"  # reported ranges (current size of Ukraine's forces), drawn beneath the data
CHART_PAPER = "#FFFFFF"
HISTORICAL_CASE = "#999999"  # past ceasefires on the comparator chart: grey AND hatched, never colour alone
