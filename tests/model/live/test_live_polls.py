"""Live polls: generated text only (quiz questions, an area's scale), anonymous tallies."""
from __future__ import annotations

import pytest

from model.data.loader import load_catalogue
from model.lessons.quiz import generate
from model.live.polls import LINE_PROMPT, line_poll, quiz_poll, tally


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_quiz_poll_keeps_the_generated_question(catalogue):
    for question in generate(catalogue, 7, 5):
        poll = quiz_poll(question)
        assert poll.kind == "quiz" and poll.prompt == question.prompt
        assert poll.options == tuple(o.label for o in question.options)
        assert poll.options[poll.correct] == question.options[question.answer].label


def test_line_poll_offers_every_step_of_the_scale_in_order(catalogue):
    for area in catalogue.taxonomy.areas:
        poll = line_poll(area)
        if not area.scale:
            assert poll is None
            continue
        assert poll.prompt == LINE_PROMPT and poll.subtitle == area.title and poll.correct is None
        assert poll.options == tuple(step.label for step in area.scale)


def test_tally_counts_per_option():
    assert tally([0, 2, 2, 5, -1], 3) == (1, 0, 2)
    assert tally([], 2) == (0, 0)
