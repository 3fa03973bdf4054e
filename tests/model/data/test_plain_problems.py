"""Upload problems as sentences a student can act on (issue 20, item 1): each names its line and the field in
words, says what to do, and carries no pydantic wording, machine key, seed file name or command line."""
from __future__ import annotations

import re

import pytest

from helpers import ROOT
from model.data.loader import check_upload, load_catalogue
from model.data.plain_problems import field_words, sentence
from model.data.problems import Problem
from plain_words import problems

BROKEN = b"""id: my-plan
title: My plan
short_name: Mine
date: 2026-03-01
party: students
colour: blue
positions:
  military_limits:
    summary: A cap.
    evidence: txt
    troop_cap: lots
    stance: no_such_step
  territory:
    summary: Lines.
    evidence: text
    citations:
      - source: nowhere
"""


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_every_problem_of_a_broken_file_is_a_plain_sentence(catalogue):
    proposal, found = check_upload(BROKEN, "my-plan.yaml", catalogue)
    assert proposal is None and len(found) > 5
    for problem in found:
        text = sentence(problem, catalogue.taxonomy)
        assert re.match(r"(Line \d+|The whole file): ", text), text
        assert text.endswith("."), text
        assert not problems(text, "upload message"), problems(text, "upload message")


def test_the_field_is_named_in_words(catalogue):
    taxonomy = catalogue.taxonomy
    assert field_words("positions.military_limits.troop_cap", taxonomy) == \
        "the cap on Ukraine's armed forces (personnel) in Military limits"
    assert field_words("positions.territory.citations.0.source", taxonomy) == "the source of citation 1 in Territory"
    text = sentence(Problem("x.yaml", 11, "positions.military_limits.troop_cap",
                            "Input should be a valid integer, unable to parse string as an integer (got 'lots'); or "
                            "Input should be 'no_cap', 'not_addressed', 'bracketed' or 'cap_unspecified' (got 'lots')"), taxonomy)
    assert text.startswith("Line 11: the cap on Ukraine's armed forces (personnel) in Military limits must be a whole number")
    assert "“lots”" in text


@pytest.mark.parametrize("message, words", [
    ("Field required", "is missing: add it."),
    ("Extra inputs are not permitted (got 'blue')", "is not a field a proposal file can have"),
    ("missing area 'sanctions_and_economy' (give a position or not_addressed: true with a reason)",
     "the issue area Sanctions and economy is missing"),
    ("quote not found in seed 003_a439f00f8abfb816.txt", "a seed document"),
    ("run python -m model.validate", "the data check"),
])
def test_known_messages_in_words(catalogue, message, words):
    text = sentence(Problem("x.yaml", 3, "positions.alliances", message), catalogue.taxonomy)
    assert words in text, text
    assert not problems(text, "message"), problems(text, "message")
