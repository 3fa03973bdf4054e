"""Issue 21 (round 3) for Russia's dated snapshots: the 2025 memorandum's election clause cited to TASS,
no snapshot citing what came after its own date, a Sep-Oct 2022 snapshot with the annexation claims,
red lines for June 2025, both readings of the latest territory, symmetric reactions, and government
positions not resting on a student article or an advocacy paper."""
from __future__ import annotations

import re

import pytest

from model.data.checks import citations_in
from model.data.loader import load_catalogue

RUSSIA_IDS = ("russia-position-2021-12", "russia-position-2022-10", "russia-position-2024-06",
              "russia-position-2025-06", "russia-position-2025-08", "russia-position")


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def sources_of(catalogue, pid: str) -> dict:
    return {s.id: s for s in catalogue.get(pid).sources}


def cited(position) -> set[str]:
    return {c.source for c in position.citations}


def event_date(source) -> str | None:
    """The source's date, else the event date its date_note gives ("event YYYY-MM-DD"), else None."""
    if source.date:
        return str(source.date)
    match = re.search(r"\b(\d{4}-\d{2}(?:-\d{2})?)\b", source.date_note or "")
    return match.group(1) if match else None


# 1. The memorandum's election clause rests on TASS, is part of `political`, and is no longer "aggregator only".
@pytest.mark.parametrize("pid", ["russia-position-2025-06", "russia-position-2025-08", "russia-position"])
def test_memorandum_election_clause_is_recorded_and_cited_to_tass(catalogue, pid):
    political = catalogue.get(pid).positions["political"]
    assert {"tass-2025-06-02-elections", "tass-2025-06-02-memorandum"} <= cited(political)
    assert "elections" in political.summary and "martial law" in political.summary
    for note in political.contested:
        assert "martial law" not in note.claim, note.claim
        assert "low-reliability aggregator" not in note.disputed_by
    quotes = {c.source: c.quote for c in political.citations}
    assert "the holding of elections" in quotes["tass-2025-06-02-elections"]
