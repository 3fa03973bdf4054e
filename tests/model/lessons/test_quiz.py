"""The quiz (model/lessons/quiz.py, components/pages/quiz.py): reproducible from a seed, every
correct answer and every distractor a real value in `python -m model.export`, answers
unique, no question resting on a contested cell unless it is about the dispute, a kind
skipped when its data is missing, the printable key, and the page with its link."""
from __future__ import annotations

import json
from html import escape
import subprocess
import sys
from collections import Counter

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from helpers import ROOT, proposal, write
from model.data.loader import load_catalogue
from model.lessons.quiz import KINDS, MAX_OPTIONS, drafts, generate, skipped_kinds
from components.render.quiz_key import answer_key_html
from apptest_pages import open_page

SEEDS = range(12)


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


@pytest.fixture(scope="module")
def export() -> list[dict]:
    """The tidy table exactly as the command line writes it."""
    done = subprocess.run([sys.executable, "-m", "model.export", "--format", "json"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def rows(export) -> set[tuple[str, str, str, str]]:
    return {(r["proposal"], r["area"], r["field"], r["value"]) for r in export}


@pytest.fixture(scope="module")
def contested(export) -> dict[tuple[str, str], str]:
    """(proposal, area) -> the export's contested flag for that cell."""
    return {(r["proposal"], r["area"]): r["contested"] for r in export if not r["field"].startswith("point_")}


@pytest.fixture(scope="module")
def quizzes(catalogue):
    return {seed: generate(catalogue, seed, 30) for seed in SEEDS}


def header(pid: str) -> dict:
    return yaml.safe_load((ROOT / "proposals" / f"{pid}.yaml").read_text(encoding="utf-8"))


def in_export(fact, rows, contested) -> bool:
    if fact.field == "publication":
        return header(fact.proposal)["publication"] == fact.value
    if fact.field == "contested":
        return contested.get((fact.proposal, fact.area)) == fact.value
    return (fact.proposal, fact.area, fact.field, fact.value) in rows


def all_questions(quizzes):
    return [q for qs in quizzes.values() for q in qs]


def test_same_seed_gives_the_same_questions_in_the_same_order(catalogue):
    first = generate(catalogue, 2026, 10)
    again = generate(load_catalogue(), 2026, 10)  # freshly loaded data, same seed
    assert len(first) == 10
    assert first == again


def test_a_different_seed_gives_different_questions(catalogue):
    def shown(qs):
        return [(q.prompt, [o.label for o in q.options]) for q in qs]

    assert shown(generate(catalogue, 1, 10)) != shown(generate(catalogue, 2, 10))
    assert len({tuple(map(str, shown(generate(catalogue, s, 10)))) for s in range(5)}) == 5


def test_n_and_areas_are_respected(catalogue):
    assert len(generate(catalogue, 5, 3)) == 3
    territory = generate(catalogue, 5, 8, areas=["territory"])
    assert territory and all(q.area == "territory" for q in territory)


def test_every_correct_answer_agrees_with_the_export(quizzes, rows, contested):
    for q in all_questions(quizzes):
        assert in_export(q.correct.fact, rows, contested), (q.prompt, q.correct)


def test_every_distractor_is_a_real_value_of_another_proposal(quizzes, rows, contested):
    for q in all_questions(quizzes):
        labels = [o.label for o in q.options]
        assert len(set(labels)) == len(labels) and 3 <= len(labels) <= MAX_OPTIONS, q.prompt
        for i, option in enumerate(q.options):
            if i == q.answer:
                continue
            assert option.fact.proposal != q.correct.fact.proposal, (q.prompt, option)
            assert in_export(option.fact, rows, contested), (q.prompt, option)


def test_which_proposal_answers_are_unique_in_the_data(quizzes, export):
    holders = Counter((r["area"], r["field"], r["value"]) for r in export)
    for q in all_questions(quizzes):
        if q.kind == "which_proposal":
            fact = q.correct.fact
            assert holders[(fact.area, fact.field, fact.value)] == 1, q.prompt


def test_no_question_rests_on_a_contested_cell(quizzes, contested, catalogue):
    for q in all_questions(quizzes):
        if q.about_dispute:  # the dispute is the subject: its claim is in the prompt and the answer's cell is flagged
            fact = q.correct.fact
            claims = [n.claim for n in catalogue.get(fact.proposal).positions[fact.area].contested]
            assert any(claim in q.prompt for claim in claims)
            continue
        for option in q.options:
            if option.fact.area is not None:
                assert contested[(option.fact.proposal, option.fact.area)] == "", (q.prompt, option)
                assert catalogue.get(option.fact.proposal).positions[option.fact.area].evidence != "unknown"


def test_every_question_carries_its_proof(quizzes):
    for q in all_questions(quizzes):
        assert q.evidence, q.prompt
        assert all(e.title and e.publisher and e.date for e in q.evidence)
        if q.correct.fact.area is not None and not q.about_dispute:
            assert q.evidence[0].proposal == q.correct.fact.proposal


def test_the_kinds_take_turns(quizzes):
    kinds = {q.kind for q in quizzes[0][:5]}
    assert len(kinds) >= 4


# ------------------------------------------------------------ small hand-checkable catalogue


def cap(value):
    stance = "cap_below_current_size" if isinstance(value, int) and value < 800_000 else "cap_near_current_size"
    return {"stance": stance, "troop_cap": value}


def test_a_cap_question_from_a_small_catalogue(folder):
    write(folder, "plan-a.yaml", proposal("plan-a", military_limits=cap(600_000)))
    write(folder, "plan-b.yaml", proposal("plan-b", military_limits=cap(800_000)))
    write(folder, "plan-c.yaml", proposal("plan-c", military_limits=cap(900_000)))
    catalogue = load_catalogue([folder])
    which = [d for d in drafts(catalogue) if d.kind == "which_proposal"]
    prompts = {d.prompt: d for d in which}
    asked = prompts["Which proposal caps Ukraine's armed forces at 600,000?"]
    assert asked.correct.fact.proposal == "plan-a"
    assert {o.fact.proposal for o in asked.distractors} == {"plan-b", "plan-c"}


def test_a_shared_answer_is_never_asked(folder):
    write(folder, "plan-a.yaml", proposal("plan-a", military_limits=cap(600_000)))
    write(folder, "plan-b.yaml", proposal("plan-b", military_limits=cap(600_000)))
    write(folder, "plan-c.yaml", proposal("plan-c", military_limits=cap(900_000)))
    catalogue = load_catalogue([folder])
    prompts = [d.prompt for d in drafts(catalogue) if d.kind == "which_proposal"]
    assert not any("600,000" in p for p in prompts)
    assert any("900,000" in p for p in prompts)


def test_a_contested_cell_is_never_an_option(folder):
    disputed = {**cap(600_000), "contested": [{"claim": "The cap is 600,000.", "disputed_by": "Another outlet",
                                               "citations": [{"source": "ft"}]}]}
    write(folder, "plan-a.yaml", proposal("plan-a", military_limits=disputed))
    write(folder, "plan-b.yaml", proposal("plan-b", military_limits=cap(800_000)))
    write(folder, "plan-c.yaml", proposal("plan-c", military_limits=cap(900_000)))
    write(folder, "plan-d.yaml", proposal("plan-d", military_limits=cap(700_000)))
    catalogue = load_catalogue([folder])
    assert not catalogue.problems
    for d in drafts(catalogue):
        if d.about_dispute:
            assert d.correct.fact.proposal == "plan-a"
            continue
        assert all(o.fact.proposal != "plan-a" for o in (d.correct, *d.distractors)), d.prompt


def test_a_kind_without_its_data_is_skipped(folder, catalogue):
    write(folder, "plan-a.yaml", proposal("plan-a", military_limits=cap(600_000)))
    small = load_catalogue([folder])
    assert [d for d in drafts(small) if d.kind == "what_changed"] == []  # no `revises` pair: nothing to ask
    assert generate(small, 1, 5) == []  # a single proposal cannot give three options
    red = next(k for k in KINDS if k.key == "red_line_crossed")
    if not red.available(catalogue):
        assert (red.title, red.missing) in skipped_kinds(catalogue)
        assert not any(q.kind == "red_line_crossed" for q in generate(catalogue, 3, 30))


def test_the_answer_key_is_printable_and_escaped(catalogue):
    questions = generate(catalogue, 11, 6)
    html = answer_key_html(questions, 11, "/quiz?seed=11&n=6")
    assert "@media print" in html and "break-before: page" in html
    for q in questions:
        assert escape(q.prompt) in html and escape(q.correct.label) in html
    from model.lessons.quiz import Option, Fact, Question
    hostile = Question("what_value", None, "<script>alert(1)</script>", (Option("<b>x</b>", Fact("a", None, "publication", "x")),) * 3,
                       0, "<img src=x>", ())
    text = answer_key_html([hostile], 1, "/quiz?seed=1")
    assert "<script>alert" not in text and "<b>x</b>" not in text and "<img src=x>" not in text


# ------------------------------------------------------------ the page


def quiz_app(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return open_page(at.run(), "quiz")


def test_quiz_page_follows_the_link_and_keeps_score(catalogue):
    at = quiz_app(seed="42", n="4")
    assert not at.exception
    assert at.number_input(key="quiz_seed").value == 42 and at.number_input(key="quiz_n").value == 4
    assert at.query_params["seed"] in ("42", ["42"]) and at.query_params["n"] in ("4", ["4"])
    expected = generate(catalogue, 42, 4)
    from components.render.safe_text import md  # the page escapes every prompt with md()
    assert any(md(expected[0].prompt.split("?")[0][:30]) in m.value for m in at.markdown)
    answer = expected[0].answer
    at.radio(key="quiz_choice_0").set_value(answer).run()
    at.button(key="quiz_check_0").click().run()
    assert not at.exception
    assert at.success and "Correct" in at.success[0].value
    assert any("The source that proves it" in m.value for m in at.markdown)
    assert any("Score: 1 of 1" in str(p.proto) for p in at.get("progress"))
    at.button(key="quiz_next_0").click().run()
    wrong = (expected[1].answer + 1) % len(expected[1].options)
    at.radio(key="quiz_choice_1").set_value(wrong).run()
    at.button(key="quiz_check_1").click().run()
    assert at.error and "Not quite" in at.error[0].value
    assert any("Score: 1 of 2" in str(p.proto) for p in at.get("progress"))


def test_quiz_areas_come_from_the_sidebar():
    at = quiz_app(seed="7", n="3", areas="territory")
    assert not at.exception
    assert any("on Territory" in m.value for m in at.markdown)


def test_a_seed_document_link_still_opens_on_sources():
    from components.state.data import seed_names

    name = seed_names()[-1]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["seed"] = name
    at = open_page(at.run(), "sources")
    assert not at.exception
    assert at.selectbox(key="seed_file").value == name
    assert not at.number_input  # no quiz widgets off the quiz page
