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


# 2. No snapshot cites a source newer than itself unless the citation is marked as a look back.
@pytest.mark.parametrize("pid", RUSSIA_IDS)
def test_no_russia_snapshot_cites_what_came_after_it(catalogue, pid):
    proposal = catalogue.get(pid)
    assert proposal is not None, pid
    by_id = sources_of(catalogue, pid)
    late = []
    for path, citation in citations_in(proposal):
        when = event_date(by_id[citation.source])
        if when and when > str(proposal.date) and not citation.looks_back:
            late.append((path, citation.source, when))
    assert not late, (proposal.date, late)


def test_latest_snapshot_is_dated_to_its_newest_statement_and_august_2025_is_kept(catalogue):
    latest, august = catalogue.get("russia-position"), catalogue.get("russia-position-2025-08")
    assert latest.date >= "2026-02" and latest.revises == "russia-position-2025-08"
    assert august.date.startswith("2025-08") and august.revises == "russia-position-2025-06"
    # The Lavrov guarantee of Aug 2025 is in the August snapshot, cited on its own date.
    assert "tass-2025-08-20" in cited(august.positions["security_guarantees"])
    # Nothing from Nov 2025 - Feb 2026 leaks into the August snapshot.
    later = {"livemint-2025-11-28", "pravdaua-2026-01-23", "rt-2026-02-18", "tass-2025-12-11", "straitstimes-2026-02-05"}
    assert not later & {c.source for _, c in citations_in(august)}


def test_a_later_report_of_an_earlier_statement_is_marked_looks_back(catalogue):
    august = catalogue.get("russia-position-2025-08")
    marks = {c.source: c.looks_back for c in august.positions["security_guarantees"].citations}
    assert marks["turkiyetoday-2025-08-22"] is True and marks["tass-2025-08-20"] is False


# 3. Russia's position of Sep-Oct 2022 sits on the chain between the 2021 drafts and June 2024.
def test_autumn_2022_snapshot_claims_the_four_annexed_regions(catalogue):
    snap = catalogue.get("russia-position-2022-10")
    assert snap.revises == "russia-position-2021-12"
    assert catalogue.get("russia-position-2024-06").revises == "russia-position-2022-10"
    territory = snap.positions["territory"]
    assert not territory.not_addressed and territory.stance == "de_jure_recognition"
    assert all(territory.regions[r] == "russian_de_jure"
               for r in ("crimea", "sevastopol", "donetsk", "luhansk", "zaporizhzhia", "kherson"))
    assert {"tass-2022-09-30", "tass-2022-10-03", "japantimes-2022-09-30"} <= cited(territory)
    # Peskov left the borders of Kherson and Zaporizhzhia open at the time: the notes say so.
    assert "consultation" in territory.region_notes["kherson"]
    # Areas the statements of the time do not cover stay explicitly not addressed, with a reason.
    assert snap.positions["military_limits"].not_addressed and snap.positions["military_limits"].reason


def test_as_of_2023_shows_the_annexation_claims_not_the_2021_drafts(catalogue):
    snaps = [p for p in catalogue.proposals if p.party == "russia" and p.id.startswith("russia-position")]
    in_force = max((p for p in snaps if p.date <= "2023-06-30"), key=lambda p: p.date)
    assert in_force.id == "russia-position-2022-10"
    assert in_force.positions["territory"].regions["kherson"] == "russian_de_jure"


# 4. Red lines for the June 2025 snapshot, from the memorandum.
def test_june_2025_snapshot_states_red_lines_from_the_memorandum(catalogue):
    snap = catalogue.get("russia-position-2025-06")
    fields = {line.condition.field for line in snap.red_lines}
    assert {"nato", "foreign_troops", "regions.donetsk", "regions.kherson", "stance"} <= fields
    for line in snap.red_lines:
        assert line.citations, line.label


# 5. Latest territory: Kherson and Zaporizhzhia coded de jure, with both readings written and cited.
def test_latest_territory_gives_both_readings_of_kherson_and_zaporizhzhia(catalogue):
    latest = catalogue.get("russia-position")
    territory = latest.positions["territory"]
    assert territory.regions["kherson"] == territory.regions["zaporizhzhia"] == "russian_de_jure"
    note = territory.stance_note
    assert "(1)" in note and "(2)" in note and "29 Dec 2025" in note and "frozen_de_facto_recognition" in note
    assert "thestar-reuters-2025-12-29" in cited(territory)
    assert any("Donbas" in c.claim for c in territory.contested)
    red_regions = {line.condition.field for line in latest.red_lines if line.condition.field.startswith("regions.")}
    assert red_regions == {"regions.donetsk", "regions.luhansk"}


# 6. Reactions of the other side: short, cited, at the end of the summary.
def test_kyivs_reaction_to_the_june_2024_conditions_is_cited(catalogue):
    snap = catalogue.get("russia-position-2024-06")
    assert snap.summary.rstrip().endswith('Kyiv called the conditions "absurd".')
    assert any(c.source == "24kg-2024-06-15" and c.quote == "absurd" for _, c in citations_in(snap))


# 7. A student article or an advocacy paper is not evidence of a government's position.
@pytest.mark.parametrize("pid", RUSSIA_IDS)
def test_russia_files_do_not_rest_on_student_or_advocacy_texts(catalogue, pid):
    proposal = catalogue.get(pid)
    by_id = sources_of(catalogue, pid)
    for path, citation in citations_in(proposal):
        source = by_id[citation.source]
        assert source.kind != "student" and not (source.seed or "").startswith("001"), (pid, path)
        assert not citation.source.startswith("defp-"), (pid, path)


# 8. No cell of the latest Russian snapshot rests only on low-graded sources.
def test_every_cell_of_the_latest_snapshot_has_a_medium_or_high_source(catalogue):
    latest = catalogue.get("russia-position")
    by_id = sources_of(catalogue, "russia-position")
    for area, position in latest.positions.items():
        if position.not_addressed:
            continue
        grades = {by_id[c.source].reliability for c in position.citations}
        assert grades & {"high", "medium"}, area
