"""The other initiatives (China, the African initiative, Bürgenstock, Jeddah, Paris, Alaska)
and the data coverage date: key facts a class will see, pinned against the research notes."""
from __future__ import annotations

import datetime as dt

import pytest

from helpers import ROOT
from model.data.loader import load_catalogue
from model.data.yaml_source import read_yaml

NEW = [
    "china-12-point-position-2023", "african-peace-initiative-2023", "burgenstock-communique-2024",
    "jeddah-ceasefire-proposal-2025", "paris-declaration-2026", "alaska-summit-2025",
]
CORE_REGIONS = {"crimea", "sevastopol", "donetsk", "luhansk", "zaporizhzhia", "kherson"}


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def quotes(position) -> str:
    return " ".join(c.quote or "" for c in position.citations)


@pytest.mark.parametrize("pid", NEW)
def test_loads_and_covers_every_area(catalogue, pid):
    assert not [p for p in catalogue.problems if pid in str(p)], pid
    proposal = catalogue.get(pid)
    assert proposal is not None, pid
    assert set(proposal.positions) == set(catalogue.taxonomy.area_keys)
    for area, position in proposal.positions.items():
        assert position.not_addressed or position.citations, (pid, area)


@pytest.mark.parametrize("pid", NEW)
def test_coded_territory_names_the_core_regions(catalogue, pid):
    territory = catalogue.get(pid).positions["territory"]
    if territory.stance:
        assert CORE_REGIONS <= set(territory.regions), (pid, CORE_REGIONS - set(territory.regions))


@pytest.mark.parametrize("pid, party, date", [
    ("china-12-point-position-2023", "third_country", "2023-02-24"),
    ("african-peace-initiative-2023", "third_country", "2023-06-17"),
    ("burgenstock-communique-2024", "multilateral", "2024-06-16"),
    ("jeddah-ceasefire-proposal-2025", "mediator", "2025-03-11"),
    ("paris-declaration-2026", "multilateral", "2026-01-06"),
    ("alaska-summit-2025", "russia", "2025-08-15"),  # Russia's terms, relayed by the US host (see `mediator`)
])
def test_party_and_date(catalogue, pid, party, date):
    proposal = catalogue.get(pid)
    assert (proposal.party, proposal.date) == (party, date)


def test_china_twelve_points_ceasefire_and_sovereignty(catalogue):
    china = catalogue.get("china-12-point-position-2023")
    assert [p.number for p in china.points] == list(range(1, 13))
    assert china.positions["ceasefire_and_monitoring"].stance == "ceasefire_first"
    territory = china.positions["territory"]
    assert "territorial integrity of all countries" in quotes(territory)
    # The paper names no borders and asks no withdrawal: its sovereignty principle is not placed on the scale.
    assert territory.stance is None and not territory.regions
    assert china.positions["sanctions_and_economy"].sanctions_relief == "lifted_in_full"
    assert china.positions["accountability"].not_addressed


def test_african_initiative_is_oral_with_ten_points(catalogue):
    africa = catalogue.get("african-peace-initiative-2023")
    assert africa.publication == "statements"
    assert [p.number for p in africa.points] == list(range(1, 11))
    assert {p.number for p in africa.points if p.contested} == {5, 7, 10}
    assert "prisoners of war" in quotes(africa.positions["humanitarian"])


def test_burgenstock_three_points(catalogue):
    communique = catalogue.get("burgenstock-communique-2024")
    assert communique.status == "declaration" and communique.publication == "official"
    assert communique.positions["nuclear"].stance == "ukrainian_control"
    assert "complete exchange" in quotes(communique.positions["humanitarian"])
    assert set(communique.positions["territory"].regions.values()) == {"ukrainian"}
    assert communique.positions["ceasefire_and_monitoring"].not_addressed


def test_jeddah_is_a_30_day_ceasefire_conditional_on_russia(catalogue):
    jeddah = catalogue.get("jeddah-ceasefire-proposal-2025")
    ceasefire = jeddah.positions["ceasefire_and_monitoring"]
    assert ceasefire.stance == "ceasefire_first"
    assert "30-day ceasefire" in quotes(ceasefire)
    assert "concurrent implementation by the Russian Federation" in quotes(ceasefire)
    assert jeddah.positions["territory"].not_addressed


def test_paris_declaration_guarantees_after_a_ceasefire(catalogue):
    paris = catalogue.get("paris-declaration-2026")
    # Not finalised, and the US did not sign: "stand ready to commit" is coded as a guarantee with terms unspecified.
    assert paris.positions["security_guarantees"].guarantee_type == "unspecified_guarantee"
    assert paris.positions["alliances"].foreign_troops == "allowed"
    assert "US-led ceasefire monitoring" in quotes(paris.positions["ceasefire_and_monitoring"])
    # 800,000 is the army the coalition would sustain, not a ceiling.
    assert paris.positions["military_limits"].troop_cap is None
    assert any("signator" in c.disputed_by or "sign" in c.disputed_by for c in paris.contested)


def test_alaska_is_reported_not_agreed(catalogue):
    alaska = catalogue.get("alaska-summit-2025")
    assert alaska.publication in ("reported", "statements")
    regions = alaska.positions["territory"].regions
    assert regions["donetsk"] == regions["luhansk"] == "russian_de_facto"
    assert regions["zaporizhzhia"] == regions["kherson"] == "frozen_at_contact_line"
    assert regions["crimea"] == "russian_de_jure"
    # Conflicting accounts of guarantees (Witkoff vs Lavrov) stay uncoded and flagged.
    guarantees = alaska.positions["security_guarantees"]
    assert guarantees.guarantee_type is None and guarantees.contested
    assert alaska.positions["territory"].contested and alaska.contested


def test_russia_position_anchorage_is_explained(catalogue):
    russia = catalogue.get("russia-position")
    text = " ".join(p.text() for p in russia.positions.values()) + russia.summary
    if "Anchorage" in text:
        assert catalogue.get("alaska-summit-2025") is not None


def test_coverage_date():
    data = read_yaml(ROOT / "proposals" / "_coverage.yaml", "_coverage.yaml").data
    as_of = data["data_as_of"]
    as_of = as_of if isinstance(as_of, dt.date) else dt.date.fromisoformat(str(as_of))
    assert dt.date(2026, 3, 1) <= as_of <= dt.date(2026, 12, 2)
    assert 0 < len(data["note"]) <= 300


def test_coverage_date_not_older_than_newest_proposal(catalogue):
    data = read_yaml(ROOT / "proposals" / "_coverage.yaml", "_coverage.yaml").data
    as_of = data["data_as_of"]
    as_of = as_of.isoformat() if isinstance(as_of, dt.date) else str(as_of)
    assert max(p.date for p in catalogue.proposals) <= as_of


def test_later_events_after_coverage_are_dated_after_it_and_confirmed_only_by_a_high_source(catalogue):
    """The coverage check's later events (issue 21, item 5): each after "data as of", its sources in the registry,
    and `confirmed` true exactly when a source graded high reports it; the Jun 2026 letter stays unconfirmed."""
    from model.data.coverage import load_coverage

    info, problems = load_coverage(ROOT / "proposals", catalogue.proposals)
    assert not problems and info.checked_on and info.later_events
    for event in info.later_events:
        assert event.date > info.data_as_of, event
        sources = [catalogue.registry.get(s) for s in event.sources]
        assert all(sources), f"unknown source id in {event}"
        assert event.confirmed == any(s.reliability == "high" for s in sources), event
    by_date = {e.date: e for e in info.later_events}
    assert by_date["2026-03-09"].confirmed and not by_date["2026-06-04"].confirmed
