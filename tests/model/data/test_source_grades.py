"""One grade per outlet: the validator rejects a second reliability for the same publisher."""
from __future__ import annotations

from collections import defaultdict

from helpers import ROOT
from model.data.grade_checks import publisher_key
from model.data.loader import load_catalogue

FIXTURE = ROOT / "tests" / "fixtures" / "one_outlet_two_grades"


def test_publisher_key_is_the_outlet_without_what_it_relays():
    assert publisher_key("Ukrainska Pravda (reporting Reuters)") == "ukrainska pravda"
    assert publisher_key("UrduPoint (republishing Sputnik)") == publisher_key("UrduPoint (via Sputnik)") == "urdupoint"
    assert publisher_key("AFN (American Family News), republishing AP") == "afn"
    assert publisher_key("Al-Shorouk via Masress") == "al-shorouk"
    assert publisher_key("TASS") == "tass"


def test_second_grade_for_one_outlet_is_a_located_problem_naming_both_ids():
    catalogue = load_catalogue([FIXTURE])
    (problem,) = catalogue.problems
    assert problem.path.endswith("b_more.yaml") and problem.field == "sources.0.reliability"
    assert (FIXTURE / "_sources" / "b_more.yaml").read_text().splitlines()[problem.line - 1].strip() == "reliability: medium"
    assert "'exampledaily-reuters-2025-02-01'" in problem.message and "'exampledaily-2025-01-10'" in problem.message
    assert "a_core.yaml:3" in problem.message and "one outlet, one grade" in problem.message
    # the consistent second report and the other outlet are not flagged, and every source is still registered
    assert len(catalogue.registry.sources) == 4


def test_real_registry_grades_each_outlet_once():
    registry = load_catalogue().registry
    grades = defaultdict(set)
    for source in registry.sources.values():
        grades[publisher_key(source.publisher)].add(source.reliability)
    mixed = {outlet: g for outlet, g in grades.items() if len(g) > 1}
    assert not mixed, mixed
    assert not [p for p in registry.problems if "one outlet, one grade" in p.message]


def test_official_presidential_sites_are_graded_alike():
    registry = load_catalogue().registry
    official = [s for s in registry.sources.values()
                if s.url and ("kremlin.ru" in s.url or "president.gov.ua" in s.url)]
    assert {s.url.split("/")[2].removeprefix("www.").removeprefix("en.") for s in official} == {"kremlin.ru", "president.gov.ua"}
    assert {s.reliability for s in official} == {"high"}


def test_one_spelling_per_outlet_in_the_real_registry():
    registry = load_catalogue().registry
    spellings = defaultdict(set)
    for source in registry.sources.values():
        spellings[publisher_key(source.publisher)].add(source.publisher.split(" (")[0])
    assert spellings["babel"] == {"Babel"} and spellings["kyiv independent"] == {"Kyiv Independent"}
    assert "the kyiv independent" not in spellings and "espreso tv" not in spellings
