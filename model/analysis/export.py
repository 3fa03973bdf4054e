"""The tidy table as a file: CSV (formula-looking text neutralised for spreadsheets) or JSON. Used by the
`python -m model.export` command line (`model/export.py`) and by every CSV download in the app."""
from __future__ import annotations

import pandas as pd


# A text cell starting with one of these is read as a formula by spreadsheet programs (CSV injection): a proposal
# field holding `=HYPERLINK(...)` would become a live link in a teacher's spreadsheet.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every text cell that a spreadsheet would run as a formula prefixed by an apostrophe
    (shown as text, the apostrophe hidden); numbers are left alone, so a negative number stays a number."""
    def safe(value):
        return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value
    text = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])]
    return frame.assign(**{c: frame[c].map(safe) for c in text}) if text else frame


def to_csv(frame: pd.DataFrame) -> str:
    """CSV for a download or the export: one header row, `\n` line ends, formula-looking text neutralised."""
    return spreadsheet_safe(frame).to_csv(index=False, lineterminator="\n")


def render(frame: pd.DataFrame, fmt: str) -> str:
    if fmt == "json":
        return frame.to_json(orient="records", force_ascii=False, indent=1) + "\n"
    return to_csv(frame)
