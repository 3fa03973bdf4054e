"""The presenter view of a live class (the teacher's laptop; the Live class page when the session holds the
room's teacher key): the current and the next slide, the speaker notes, a timer, how many students joined
and follow now, and the poll: ask a generated question (a quiz question on the slide's area, or "Where
would you draw the line?" on its scale), watch the anonymous answers arrive, reveal them on the projector.

Previous / Next move the class (and the projector, which follows the room). A fragment reruns every
`FOLLOW_SECONDS` for the timer, the counts and the results, and reruns the page when the projector moved."""
from __future__ import annotations

import time

import streamlit as st

from components.render.live_html import join_panel_html, notes_html, tally_html, timer_html
from components.render.slides import slide_html
from components.state.data import everything
from components.views import live_room as live
from model.lessons.quiz import generate
from model.live.polls import line_poll, quiz_poll
from model.live.store import Refused

SHOWN_KEY = "live_presenter_slide"
NOTE_KEY = "live_presenter_note"
PREVIEW_CSS = """<style>
.lv-preview {border:2px solid #0B5394; border-radius:8px; overflow:hidden;}
.lv-preview .pv-slide {height:600px !important; min-height:0 !important; zoom:0.5;}
</style>"""


def _act(action, *args) -> None:
    """Run a teacher action on the store; a refusal becomes a note on the page."""
    try:
        action(live.code(), live.teacher_key(), *args)
        st.session_state.pop(NOTE_KEY, None)
    except Refused as refused:
        st.session_state[NOTE_KEY] = refused.message


def _ask(kind: str, area: str | None, areas: tuple[str, ...], seed: int) -> None:
    catalogue = everything()[0]
    poll = None
    if kind == "line" and area:
        poll = line_poll(catalogue.taxonomy.area(area))
    elif kind == "quiz":
        for wanted in ([area] if area else [], list(areas), None):
            questions = generate(catalogue, seed, 1, areas=wanted) if wanted != [] else []
            if questions:
                poll = quiz_poll(questions[0])
                break
    if poll is None:
        st.session_state[NOTE_KEY] = "No question could be generated for this slide."
        return
    _act(live.rooms().ask, poll)


def _preview(slide, number: int, total: int) -> str:
    if slide is None:
        return "<p>End of the slides.</p>"
    if slide.kind == "chart":
        body = slide_html(slide, number, total, why="the chart is drawn on the projector")
    else:
        body = slide_html(slide, number, total)
    return f'{PREVIEW_CSS}<div class="lv-preview">{body}</div>'


def show() -> None:
    view = live.view()
    if isinstance(view, str):
        st.warning(view)
        return
    join = view.code
    number, total = view.slide, view.total
    st.session_state[SHOWN_KEY] = number
    slide = view.slide_at(number)
    with st.container(horizontal=True, vertical_alignment="center"):
        st.button("Previous", key="lv_prev", icon=":material/arrow_back:", disabled=number <= 1, shortcut="Left",
                  on_click=_act, args=(live.rooms().move, number - 1))
        st.markdown(f"**Slide {number} / {total}**")
        st.button("Next", key="lv_next", icon=":material/arrow_forward:", disabled=number >= total, shortcut="Right",
                  on_click=_act, args=(live.rooms().move, number + 1))
    if st.session_state.get(NOTE_KEY):
        st.warning(st.session_state[NOTE_KEY])
    now_col, next_col = st.columns(2)
    with now_col:
        st.caption("Now on the projector")
        st.html(_preview(slide, number, total))
    with next_col:
        st.caption("Next")
        st.html(_preview(view.slide_at(number + 1) if number < total else None, number + 1, total))
    _live(slide.area if slide is not None else None, tuple(dict.fromkeys(s.area for s in view.deck if s.area)))
    if slide is not None:
        st.html(notes_html(slide.notes))
    with st.expander("Join code, link and QR code"):
        st.html(join_panel_html(join, live.link(join)))
    st.button("End the class", key="lv_end", icon=":material/stop_circle:", on_click=_act, args=(live.rooms().end,),
              help="Closes the room: phones show that the class has ended; nothing of it is kept.")


@st.fragment(run_every=live.FOLLOW_SECONDS)
def _live(area: str | None, areas: tuple[str, ...]) -> None:
    view = live.view()
    if isinstance(view, str) or view.slide != st.session_state.get(SHOWN_KEY):
        st.rerun(scope="app")  # moved from the projector, or ended
    st.html(timer_html(time.monotonic() - view.started, view.seconds_left(time.monotonic()), view.joined, view.following))
    st.subheader("Question for the class", anchor=False)
    seed = view.polls_asked * 7919 + view.slide
    with st.container(horizontal=True):
        st.button("Ask a quiz question", key="lv_ask_quiz", icon=":material/quiz:", on_click=_ask,
                  args=("quiz", area, areas, seed), help="A question generated from the data, on this slide's issue area.")
        scale = area is not None and everything()[0].taxonomy.area(area).scale
        st.button("Ask: where would you draw the line?", key="lv_ask_line", icon=":material/linear_scale:", on_click=_ask,
                  args=("line", area, areas, seed), disabled=not scale,
                  help="Students pick a step on this area's scale." if scale else "Only on a slide about an issue area with a scale.")
    if view.poll is None:
        st.caption("No question open.")
        return
    st.html(tally_html(view.poll, view.counts, view.revealed, show_answer=True))
    with st.container(horizontal=True):
        if view.revealed:
            st.button("Hide the results", key="lv_hide", on_click=_act, args=(live.rooms().reveal, False))
        else:
            st.button("Reveal the results", key="lv_reveal", type="primary", icon=":material/bar_chart:",
                      on_click=_act, args=(live.rooms().reveal, True))
        st.button("Close the question", key="lv_close", on_click=_act, args=(live.rooms().close_poll,))
