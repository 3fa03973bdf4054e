"""One palette for the whole app: colour-blind-safe, readable in greyscale, and
always paired with words or symbols (never colour alone)."""
from __future__ import annotations

# Ordered scale (cividis samples): dark → light reads the same in greyscale.
# The direction follows the taxonomy (Ukraine's stated position first); no colour means good or bad.
PLACEMENT_STYLE: dict[str, dict[str, str]] = {
    "matches_first": {"bg": "#00224E", "fg": "#FFFFFF", "mark": "◀◀"},
    "closer_first": {"bg": "#414D6B", "fg": "#FFFFFF", "mark": "◀"},
    "midway": {"bg": "#7C7B78", "fg": "#000000", "mark": "◆"},
    "closer_last": {"bg": "#BCAF6F", "fg": "#000000", "mark": "▶"},
    "matches_last": {"bg": "#FEE838", "fg": "#000000", "mark": "▶▶"},
    "outside": {"bg": "#FFFFFF", "fg": "#000000", "mark": "✱"},
    "matches_both": {"bg": "#FFFFFF", "fg": "#000000", "mark": "="},
    "no_anchor": {"bg": "#FFFFFF", "fg": "#000000", "mark": "○"},
    "not_placed": {"bg": "#FFFFFF", "fg": "#000000", "mark": "·"},
    "no_scale": {"bg": "#FFFFFF", "fg": "#000000", "mark": ""},
    "not_addressed": {"bg": "#E6E6E6", "fg": "#000000", "mark": "∅"},
    "unknown": {"bg": "#E6E6E6", "fg": "#000000", "mark": "?"},
}

REGION_STATUS_COLORS: dict[str, str] = {
    "ukrainian": "#0B1F4B",
    "to_be_negotiated": "#4A6AA5",
    "frozen_at_contact_line": "#7A7A7A",
    "frozen_de_facto_recognition": "#9A8F6A",
    "demilitarized_buffer": "#A8996A",
    "russian_de_facto": "#D4BE52",
    "russian_de_jure": "#FDE725",
    "unspecified": "#B9D3E6",
    "not_addressed": "#FFFFFF",
    "not_mentioned": "#F2F2F2",
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
PARTY_LABELS: dict[str, str] = {
    "mediator": "Mediator (US-led)", "europe": "European", "ukraine": "Ukraine",
    "russia": "Russia", "think_tank": "Think tank", "historical": "Historical agreement",
    "third_country": "Other states' initiative", "multilateral": "Multilateral summit or coalition",
}

EVIDENCE_STYLE: dict[str, dict[str, str]] = {
    "text": {"border": "solid", "icon": "▣", "word": "Full text"},
    "reported": {"border": "dashed", "icon": "▤", "word": "Reported"},
    "statement": {"border": "dotted", "icon": "◎", "word": "Statements"},
    "unknown": {"border": "double", "icon": "?", "word": "Not public"},
}


REFERENCE = "#555555"
FONT = "Source Sans Pro, Arial, sans-serif"
