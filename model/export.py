"""Command line: `python -m model.export --format csv|json [PATH ...]` writes the
tidy table (see `model.tidy`) of every valid proposal to stdout. Problems with
individual files go to stderr; the exit code is 1 if there were any."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from model.loader import load_catalogue
from model.tidy import tidy_frame
from model.yaml_source import YamlError


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m model.export", description=__doc__)
    parser.add_argument("--format", choices=["csv", "json"], default="csv")
    parser.add_argument("paths", nargs="*", type=Path, help="proposal files or folders (default: proposals/)")
    args = parser.parse_args(argv)
    try:
        catalogue = load_catalogue(args.paths or None)
    except YamlError as exc:
        print(exc.problem, file=sys.stderr)
        return 1
    for problem in catalogue.problems:
        print(problem, file=sys.stderr)
    sys.stdout.write(render(tidy_frame(catalogue.proposals, catalogue.taxonomy), args.format))
    return 1 if catalogue.problems else 0


if __name__ == "__main__":
    sys.exit(main())
