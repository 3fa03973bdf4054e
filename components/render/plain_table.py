"""Tables as students read them (pure: no Streamlit). A chart's tidy frame keeps its machine columns for the CSV
download (`proposal_name`, `think_tank`, source ids: a data file's contract); on screen, `for_students` gives a copy
with plain headers ("Proposal", "Drafted by"), values in words ("Think tank", "Cap demanded, no number given"),
sources as publisher and date instead of ids, and "—" for an empty cell. `cards_html` draws that copy as one card
per row, so a phone shows every column without scrolling sideways."""
from __future__ import annotations

import html
import math
import numbers
import re
from typing import Mapping

import pandas as pd

from components.render.palette import EVIDENCE_STYLE, PARTY_LABELS
from model.data.key_words import in_words

EMPTY = "—"

# Machine column -> header a student reads. Columns not named here are shown with their name in words
# ("zone_width_km" -> "Zone width km") unless listed in HIDDEN.
HEADERS: dict[str, str] = {
    "proposal_name": "Proposal", "name": "Name", "label": "Shown as", "party": "Drafted by", "kind": "Kind",
    "date": "Date", "cap": "Cap on Ukraine's forces", "status_label": "What it says", "evidence": "How it is known",
    "best_source": "Best source", "sources": "Sources", "chosen": "Chosen in the sidebar", "region_name": "Region",
    "note": "Note", "territory_note": "Note on territory", "split": "Split at the line of contact",
    "guarantee_label": "Security guarantee", "guarantee_step": "Step on the guarantee scale", "nato": "NATO",
    "eu": "EU", "foreign_troops": "Foreign troops", "title": "Title", "author": "Author",
    "publication_label": "How the text is known", "revises": "Revises", "responds_to": "Responds to",
    "zone_width_km_shown": "Buffer zone width (km)", "zone_width_km_as_given": "Width as the source gives it",
    "monitors_shown": "Number of monitors", "monitors_as_given": "Monitors as the source gives it",
    "contested": "Disputed", "field_label": "Field", "before": "Before", "after": "After", "change": "Change",
    "earlier_point": "Earlier point", "earlier_text": "Earlier text", "later_point": "Later point",
    "later_text": "Later text", "area_title": "Issue area", "result": "Result",
}
# Machine twins of a column shown in words (ids, keys, sort keys, unformatted numbers).
HIDDEN = {"proposal", "region", "iso", "status", "guarantee_type", "date_sort", "publication", "zone_width_km",
          "monitors", "area", "field", "value_key"}
CHANGE_WORDS = {"kept": "Kept", "amended": "Amended", "deleted": "Deleted", "added": "Added", "new": "New",
                "same": "Same", "changed": "Changed", "dropped": "No longer specified"}
SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def words(key: object) -> str:
    """A machine key in words: "cap_unspecified" -> "Cap unspecified" (for keys without a label of their own)."""
    text = str(key).replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def _empty(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def cell(value: object, column: str = "", source_words: Mapping[str, str] | None = None,
         names: Mapping[str, str] | None = None, labels: Mapping[str, str] | None = None) -> str:
    """One value as a student reads it."""
    if _empty(value):
        return EMPTY
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars (a nullable Int64 column's cells)
        value = value.item()
        if isinstance(value, bool):
            return "yes" if value else "no"
    if isinstance(value, numbers.Number):
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
    text = str(value)
    if column == "party":
        return PARTY_LABELS.get(text, words(text))
    if column == "evidence":
        return EVIDENCE_STYLE.get(text, {}).get("word", words(text))
    if column == "sources":
        ids = [s.strip() for s in text.split(";") if s.strip()]
        return "; ".join((source_words or {}).get(s, "a source listed on the Sources page") for s in ids) or EMPTY
    if column in ("revises", "responds_to"):
        ids = [i.strip() for i in re.split(r"[;,]", text) if i.strip()]
        return "; ".join((names or {}).get(i, "another proposal") for i in ids) or EMPTY
    if column in ("change", "result"):
        return CHANGE_WORDS.get(text, text)
    return in_words(text, labels or {})


def for_students(frame: pd.DataFrame, source_words: Mapping[str, str] | None = None,
                 names: Mapping[str, str] | None = None, labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """A display copy of `frame`: machine columns dropped, plain headers, every cell a string in words.
    `source_words`: source id -> "Publisher, date"; `names`: proposal id -> short name; `labels`: coded key -> label
    (`model.data.key_words.key_labels`), for keys named inside notes."""
    frame = frame.reset_index() if frame.index.name else frame
    keep = [c for c in frame.columns if str(c) not in HIDDEN]
    out = pd.DataFrame({HEADERS.get(str(c), words(c) if SNAKE.fullmatch(str(c)) else str(c)):
                        [cell(v, str(c), source_words, names, labels) for v in frame[c]] for c in keep})
    return out


def cards_html(frame: pd.DataFrame, title_column: int = 0) -> str:
    """`frame` (already `for_students`) as one card per row: its first column as the card's title, then every other
    column as "Header: value". Everything is escaped."""
    cards = []
    columns = list(frame.columns)
    for row in frame.itertuples(index=False):
        values = list(row)
        title = html.escape(str(values[title_column]))
        items = "".join(f"<div><dt>{html.escape(str(c))}</dt><dd>{html.escape(str(v))}</dd></div>"
                        for i, (c, v) in enumerate(zip(columns, values)) if i != title_column and v != EMPTY)
        cards.append(f'<li class="pt-card"><p class="pt-title">{title}</p><dl>{items}</dl></li>')
    return f'<ul class="pt-cards">{"".join(cards)}</ul>'


CARDS_CSS = """<style>
.pt-cards{list-style:none;margin:0;padding:0}
.pt-card{border:1px solid #d0d0d0;border-radius:0.5rem;padding:0.5rem 0.75rem;margin:0 0 0.5rem 0;overflow-wrap:anywhere}
.pt-card .pt-title{font-weight:600;margin:0 0 0.25rem 0}
.pt-card dl{margin:0;padding:0}.pt-card dl>div{margin:0 0 0.2rem 0}
.pt-card dt{display:inline;color:#444;font-weight:600}.pt-card dt::after{content:": "}
.pt-card dd{display:inline;margin:0 !important;padding:0}
</style>"""
