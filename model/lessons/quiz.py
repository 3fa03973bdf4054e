"""Quiz questions generated from the loaded data, never written by hand.

Pure Python (no Streamlit). `generate(catalogue, seed, n, areas)` returns the same
questions in the same order for the same seed and data: everything random goes
through one `random.Random(seed)`, and the candidate questions are built in a
fixed order before it is used.

Every option of every question is a `Fact`: a real value of one proposal, named
the way the tidy export names it (`proposal, area, field, value`), so a test can
check each correct answer and each distractor against `python -m model.export`.

Rules every question follows:
- the correct answer is unique: a "which proposal…" question is only asked when
  exactly one proposal in the data holds that value, and the options of a "what
  does X say…" question all have different values;
- distractors are other proposals' real values (never invented ones), and never a value that could also
  be true of the right answer under the taxonomy's meanings (`model.lessons.quiz_meanings`);
- a question never rests on a contested cell (a position with `contested` notes,
  or one whose evidence is "not made public");
- questions ask what proposals and parties said, not about the app's bookkeeping;
- each question carries the citations that prove its answer.

Question kinds are listed in `KINDS` (`model.lessons.quiz_kinds`); the vocabulary (`Fact`, `Option`,
`Question`, …) and the reading of the data (`Facts`) are in `model.lessons.quiz_facts`. This module picks
and shuffles: `drafts`, `pick`, `generate`. A kind whose data is missing is skipped
(`Kind.available`); `skipped_kinds` says which and why, so the page can tell
teachers. "Whose red line does this term cross?" is such a kind for now: it is left
for the red-line work (see `KINDS`).
"""
from __future__ import annotations

import random
from typing import Sequence

from model.data.loader import Catalogue
from model.lessons.quiz_facts import (  # noqa: F401 - public names, importable from here as before
    CAP_LABELS, MAX_OPTIONS, MAX_PROOFS, MIN_OPTIONS, UNINFORMATIVE, Draft, Evidence, Fact, Facts,
    Kind, Option, Question, cap_fact, cap_label, evidence_of, name, solid,
)
from model.lessons.quiz_kinds import (  # noqa: F401
    KINDS, how_known, red_line_crossed, skipped_kinds, what_changed, what_value, which_proposal,
)

MAX_QUESTIONS = 30
DEFAULT_QUESTIONS = 10


def drafts(catalogue: Catalogue, areas: Sequence[str] | None = None) -> list[Draft]:
    """Every askable question, in a fixed order (no randomness here)."""
    facts = Facts(catalogue)
    wanted = set(areas) if areas else None
    found = []
    for kind in KINDS:
        if not kind.available(catalogue):
            continue
        for draft in kind.build(facts):
            if len(draft.distractors) + 1 < MIN_OPTIONS or not draft.prompt:
                continue
            if wanted is not None and draft.area not in wanted:
                continue
            found.append(draft)
    return found


def _finish(draft: Draft, rng: random.Random) -> Question:
    distractors = rng.sample(list(draft.distractors), min(MAX_OPTIONS - 1, len(draft.distractors)))
    options = [draft.correct, *distractors]
    rng.shuffle(options)
    return Question(
        kind=draft.kind, area=draft.area, prompt=draft.prompt, options=tuple(options),
        answer=options.index(draft.correct), explanation=draft.explanation, evidence=draft.evidence,
        about_dispute=draft.about_dispute,
    )


def pick(candidates: Sequence[Draft], seed: int, n: int) -> list[Question]:
    """`n` questions from the candidates, the kinds taking turns, no fact asked twice."""
    rng = random.Random(seed)
    by_kind: dict[str, list[Draft]] = {}
    for draft in candidates:
        by_kind.setdefault(draft.kind, []).append(draft)
    order = sorted(by_kind)
    rng.shuffle(order)
    for kind in order:
        rng.shuffle(by_kind[kind])
    chosen: list[Question] = []
    used: set[tuple] = set()
    while len(chosen) < n and any(by_kind[k] for k in order):
        for kind in order:
            if len(chosen) >= n:
                break
            while by_kind[kind]:
                draft = by_kind[kind].pop()
                fact = draft.correct.fact
                topic = (fact.proposal, fact.area, fact.field) if not draft.about_dispute else (draft.prompt,)
                if topic in used:
                    continue
                used.add(topic)
                chosen.append(_finish(draft, rng))
                break
    return chosen


def generate(catalogue: Catalogue, seed: int, n: int = DEFAULT_QUESTIONS, areas: Sequence[str] | None = None) -> list[Question]:
    """The quiz for `seed`: the same seed and data give the same questions in the same order."""
    n = max(1, min(int(n), MAX_QUESTIONS))
    return pick(drafts(catalogue, areas), int(seed), n)
