"""Quiz page (/quiz): multiple-choice questions generated from the data (`model.lessons.quiz`),
the same for everyone with the same quiz number (`seed=` in the link), `n=` questions,
on the areas chosen in the sidebar (`areas=`). A running score, the citation that proves
each answer, and a printable answer key for teachers.

Owns the session-state keys `quiz_seed`, `quiz_n` (mirrored in the link on this page,
see `components.state.url_state`), `quiz_state` (answers and position) and `quiz_cache`."""
from __future__ import annotations

import random
from urllib.parse import urlencode

import streamlit as st

from components.state.context import Context
from components.views import coverage_note
from components.render.quiz_key import LETTERS, answer_key_html
from components.render.safe_text import md, md_url
from components.pages.upload import without_uploads
from components.state.url_state import QUIZ_N_MAX
from model.lessons.quiz import DEFAULT_QUESTIONS, Evidence, Question, generate, skipped_kinds

STATE = "quiz_state"
CACHE = "quiz_cache"


def _new_seed() -> None:
    st.session_state["quiz_seed"] = random.SystemRandom().randint(1, 9999)


def _questions(context: Context, seed: int, n: int, areas: tuple[str, ...] | None) -> list[Question]:
    """Generated once per session and settings (a quiz does not change under a student mid-way)."""
    catalogue = without_uploads(context.catalogue)  # a quiz number means the same quiz for the whole class
    key = (seed, n, areas, tuple(catalogue.ids))
    cache = st.session_state.setdefault(CACHE, {})
    if key not in cache:
        cache.clear()
        cache[key] = generate(catalogue, seed, n, areas)
    return cache[key]


def _link(seed: int, n: int, areas: tuple[str, ...] | None) -> str:
    params = {"seed": seed, "n": n, **({"areas": ",".join(areas)} if areas else {})}
    return f"/quiz?{urlencode(params, safe=',')}"


def _evidence_md(item: Evidence) -> str:
    """A proof in plain words: the quote, then the source's title, publisher and date (never a file name or id)."""
    quote = f"> “{md(item.quote)}”\n>\n" if item.quote else ""
    url = md_url(item.url)
    link = f" · [open the source ↗]({url})" if url else ""
    locator = f" · {md(item.locator)}" if item.locator else ""
    return (f"{quote}> — *{md(item.title)}*, {md(item.publisher)}, {md(item.date)}{locator}  \n"
            f"> reliability **{md(item.reliability)}**{link}\n")


def _answer(signature: tuple, i: int) -> None:
    state = st.session_state[STATE]
    choice = st.session_state.get(f"quiz_choice_{i}")
    if state.get("sig") == signature and choice is not None:
        state["answers"][i] = choice


def _move(signature: tuple, to: int) -> None:
    state = st.session_state[STATE]
    if state.get("sig") == signature:
        state["current"] = to


def _restart(signature: tuple) -> None:
    st.session_state[STATE] = {"sig": signature, "answers": {}, "current": 0}
    for key in [k for k in st.session_state if str(k).startswith("quiz_choice_")]:
        del st.session_state[key]


def _marked_option(q: Question, k: int, chosen: int) -> str:
    """An option after the answer: the right one ticked, a wrong choice crossed (words too, not only colour)."""
    text = f"{LETTERS[k]}. {md(q.options[k].label)}"
    if k == q.answer:
        return f":green[:material/check_circle:] **{text}** — {'your answer, ' if k == chosen else ''}correct"
    if k == chosen:
        return f":red[:material/cancel:] ~~{text}~~ — your answer"
    return f":gray[:material/radio_button_unchecked:] {text}"


@st.fragment
def _play(questions: list[Question], signature: tuple) -> None:
    """One question at a time; only this part reruns when a student answers."""
    state = st.session_state.get(STATE)
    if not state or state.get("sig") != signature:
        _restart(signature)
        state = st.session_state[STATE]
    answers: dict[int, int] = state["answers"]
    right = sum(1 for i, a in answers.items() if a == questions[i].answer)
    i = state["current"]
    st.progress(len(answers) / len(questions), text=f"Score: {right} of {len(answers)} answered · {len(questions)} questions")
    if i >= len(questions):
        st.success(f"Finished: **{right} of {len(questions)}** correct.", icon=":material/emoji_events:")
        st.button("Try this quiz again", on_click=_restart, args=(signature,), icon=":material/replay:", key="quiz_again")
        return
    q = questions[i]
    with st.container(border=True, key="quiz_card"):
        st.caption(f"Question {i + 1} of {len(questions)}" + (" · about a disputed claim" if q.about_dispute else ""))
        st.markdown(f"#### {md(q.prompt)}")
        if i not in answers:
            st.radio("Your answer", range(len(q.options)), format_func=lambda k: f"{LETTERS[k]}. {q.options[k].label}",
                     index=None, key=f"quiz_choice_{i}", label_visibility="collapsed")
            st.button("Check my answer", type="primary", on_click=_answer, args=(signature, i), key=f"quiz_check_{i}",
                      icon=":material/check:")
            return
        st.markdown("  \n".join(_marked_option(q, k, answers[i]) for k in range(len(q.options))))
        if answers[i] == q.answer:
            st.success(f"Correct: **{md(q.correct.label)}**", icon=":material/check_circle:")
        else:
            st.error(f"Not quite. The answer is **{LETTERS[q.answer]}. {md(q.correct.label)}**", icon=":material/cancel:")
        st.markdown(md(q.explanation))
        st.markdown("**The source that proves it**\n\n" + "\n".join(_evidence_md(e) for e in q.evidence))
    label = "Next question" if i + 1 < len(questions) else "See my score"
    st.button(label, type="primary", on_click=_move, args=(signature, i + 1), key=f"quiz_next_{i}",
              icon=":material/arrow_forward:")


def render(context: Context) -> None:
    taxonomy = context.catalogue.taxonomy
    st.title("Quiz")
    st.caption("Questions made from the data: every answer comes with the source that proves it. "
               "The same quiz number gives everyone the same questions in the same order: share this page's link.")
    if st.session_state.get("quiz_seed") is None:
        _new_seed()
    st.session_state.setdefault("quiz_n", DEFAULT_QUESTIONS)
    seed, n = int(st.session_state["quiz_seed"]), int(st.session_state["quiz_n"])
    chosen = context.selection.areas
    areas = None if set(chosen) >= set(taxonomy.area_keys) else tuple(chosen)
    scope = "all issue areas" if areas is None else ", ".join(taxonomy.area(a).title for a in areas)
    questions = _questions(context, seed, n, areas) if areas != () else []
    st.markdown(f"**Quiz {seed}** · {len(questions)} questions · on {md(scope)}")
    with st.expander("Change the quiz · teacher's answer key", icon=":material/tune:"):
        with st.container(horizontal=True, vertical_alignment="bottom", key="quiz_settings"):
            st.number_input("Quiz number", min_value=0, max_value=999_999_999, step=1, key="quiz_seed", width=160,
                            help="Also called the seed. The same number (with the same areas) gives the same quiz.")
            st.number_input("Questions", min_value=1, max_value=QUIZ_N_MAX, step=1, key="quiz_n", width=160)
            st.button("New quiz", on_click=_new_seed, icon=":material/casino:", key="quiz_new")
        st.caption("The issue areas asked about are the ones chosen in the sidebar. Everyone who opens this "
                   f"page's link (`{_link(seed, n, areas)}`) gets the same questions in the same order.")
        if questions:
            link, titles = _link(seed, n, areas), [taxonomy.area(a).title for a in areas] if areas else []
            footer = coverage_note.footer_html()  # read during the run; the callable runs on click
            st.download_button("Teacher's answer key (printable)",
                               lambda: coverage_note.with_footer(answer_key_html(questions, seed, link, titles), footer),
                               file_name=coverage_note.file_name(f"quiz-{seed}-answer-key.html"), mime="text/html", icon=":material/print:",
                               on_click="ignore", key="quiz_key",
                               help="A web page with the questions, then the answers and their sources on a new "
                                    "printed page. Open it and print it from the browser.")
    if areas == ():
        st.info("Choose at least one issue area in the sidebar.", icon=":material/filter_alt:")
        return
    if not questions:
        st.info("No question can be made from the data on these areas. Choose more areas in the sidebar.", icon=":material/info:")
        return
    if len(questions) < n:
        st.caption(f"The data on these areas gives {len(questions)} questions.")
    _play(questions, (seed, n, areas))
    skipped = skipped_kinds(without_uploads(context.catalogue))
    if skipped:
        st.caption("Not asked yet: " + "; ".join(f"{md(title)} ({md(why)})" for title, why in skipped) + ".")
