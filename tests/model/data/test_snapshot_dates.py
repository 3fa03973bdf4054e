"""A dated party snapshot may not cite a source newer than itself unless the citation looks back."""
from __future__ import annotations

import pytest

from helpers import ROOT
from model.data.loader import load_catalogue
from model.data.snapshot_checks import newer_than

FIXTURE = ROOT / "tests" / "fixtures" / "snapshot_anachronism"


@pytest.mark.parametrize("source_date, snapshot_date, newer", [
    ("2026-01-15", "2025-08-20", True), ("2025-08-21", "2025-08-20", True), ("2025-08-20", "2025-08-20", False),
    ("2025-08", "2025-08-20", False), ("2025-09", "2025-08-20", True), ("2025", "2025-08-20", False),
    ("2025-08-31", "2025-08", False), ("2025-09-01", "2025-08", True), (None, "2025-08-20", False),
])
def test_newer_than_compares_the_spans_of_partial_dates(source_date, snapshot_date, newer):
    assert newer_than(source_date, snapshot_date) is newer


def test_snapshot_citing_a_newer_source_is_reported_per_citation():
    catalogue = load_catalogue([FIXTURE])
    problems = sorted(catalogue.problems, key=lambda p: p.line)
    assert [p.field for p in problems] == [
        "positions.territory.citations.1", "positions.sanctions_and_economy.contested.0.citations.0",
    ]
    lines = (FIXTURE / "party-position-2025-08.yaml").read_text().splitlines()
    for problem in problems:
        assert problem.path.endswith("party-position-2025-08.yaml")
        assert lines[problem.line - 1].strip() == "- source: later-2026-01-15"
        assert "cites 'Statements of January 2026' (Example Wire, 2026-01-15)" in problem.message
        assert "newer than this snapshot's date 2025-08-20" in problem.message
        assert "split the snapshot, fix the date, or mark looks_back" in problem.message
    # the plan (not a snapshot) citing the same later source loads; the snapshot does not
    assert catalogue.ids == ["mediator-plan"]


def test_real_snapshots_cite_no_newer_source_without_looks_back():
    catalogue = load_catalogue()
    assert not [p for p in catalogue.problems if "newer than this snapshot's date" in p.message]
