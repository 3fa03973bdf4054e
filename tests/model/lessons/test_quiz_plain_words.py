"""Every text a student meets in the quiz (prompts, options, explanations, the proof's title, publisher, date,
locator and reliability) is in plain words (issue 20, item 1): no snake_case, source id, seed file name,
None/null/NaN or machine message, across many quiz numbers and every area."""
from __future__ import annotations

import pytest

from model.data.loader import load_catalogue
from model.lessons.quiz import generate
from plain_words import problems


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def texts(question) -> list[tuple[str, str]]:
    out = [("prompt", question.prompt), ("explanation", question.explanation)]
    out += [("option", o.label) for o in question.options]
    for e in question.evidence:
        out += [("proof title", e.title), ("proof publisher", e.publisher), ("proof date", e.date),
                ("proof locator", e.locator or ""), ("proof reliability", e.reliability), ("proof quote", e.quote or "")]
    return out


def test_quiz_texts_are_plain_words(catalogue):
    found = []
    for seed in range(1, 41):
        for question in generate(catalogue, seed, 30):
            for what, text in texts(question):
                if what == "proof quote":  # a verbatim quote from a source: its words are the source's own
                    continue
                found += problems(str(text), f"quiz {seed}: {what}")
    assert not found, "\n".join(sorted(set(found))[:60])
