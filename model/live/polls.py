"""A live poll: its text is generated from the data, never typed by anyone, and its tally is anonymous.

Two kinds:
- `quiz_poll(question)`: a question of the quiz generator (`model.lessons.quiz.generate`), its options and
  its right answer as the generator made them;
- `line_poll(area)`: "Where would you draw the line?" on an area's ordered scale (the taxonomy's steps, first
  to last); there is no right answer.

`tally(answers, n)` counts the answers per option: only counts leave the store, never who chose what."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from model.data.taxonomy import Area

MAX_OPTIONS = 12
LINE_PROMPT = "Where would you draw the line?"


@dataclass(frozen=True)
class Poll:
    kind: str                      # "quiz" | "line"
    prompt: str
    options: tuple[str, ...]
    area: str | None = None
    correct: int | None = None     # index of the right option (quiz questions only)
    explanation: str = ""
    subtitle: str = ""             # the line poll's area title
    id: int = 0                    # set by the store when the poll is asked


def quiz_poll(question) -> Poll:
    """A poll from one generated quiz question (`model.lessons.quiz_facts.Question`)."""
    options = tuple(o.label for o in question.options)[:MAX_OPTIONS]
    correct = question.answer if 0 <= question.answer < len(options) else None
    return Poll("quiz", question.prompt, options, area=question.area, correct=correct, explanation=question.explanation)


def line_poll(area: Area) -> Poll | None:
    """"Where would you draw the line?" on `area`'s scale (None when the area has no scale)."""
    if not area.scale:
        return None
    options = tuple(step.label for step in area.scale)[:MAX_OPTIONS]
    return Poll("line", LINE_PROMPT, options, area=area.key, subtitle=area.title)


def tally(answers: Iterable[int], n_options: int) -> tuple[int, ...]:
    """How many answers chose each option (answers out of range are ignored)."""
    counts = [0] * n_options
    for choice in answers:
        if 0 <= choice < n_options:
            counts[choice] += 1
    return tuple(counts)
