"""CSV downloads open safely in a spreadsheet: a text cell that a spreadsheet would run as a formula
(`=HYPERLINK(...)`, `+`, `-`, `@`, tab, carriage return) is written with a leading apostrophe, so a hostile
proposal file cannot plant a live formula in a teacher's spreadsheet; numbers and ordinary text are unchanged."""
from __future__ import annotations

import csv
import io

import pandas as pd

from model.analysis.export import spreadsheet_safe, to_csv
from model.data.loader import load_catalogue
from model.analysis.tidy import tidy_frame


def test_formula_text_is_neutralised_and_numbers_kept():
    frame = pd.DataFrame({
        "value": ['=HYPERLINK("http://x","click")', "+1", "-2+3", "@SUM(A1)", "\tx", "Cap 600,000", ""],
        "number": [-5, 1, 2, 3, 4, 600000, 0],
    })
    rows = list(csv.DictReader(io.StringIO(to_csv(frame))))
    assert [r["value"] for r in rows] == ["'=HYPERLINK(\"http://x\",\"click\")", "'+1", "'-2+3", "'@SUM(A1)", "'\tx", "Cap 600,000", ""]
    assert [r["number"] for r in rows] == ["-5", "1", "2", "3", "4", "600000", "0"], "numbers are not touched"


def test_the_real_data_is_exported_unchanged():
    catalogue = load_catalogue()
    frame = tidy_frame(catalogue.proposals, catalogue.taxonomy)
    assert spreadsheet_safe(frame).equals(frame)
