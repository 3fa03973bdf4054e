"""A student's phone in a live class (the Live class page without a teacher key): join with the code (from the
link or typed; no account, no name), then follow the teacher's slide in the phone layout, answer the open
question (one answer, changeable until the teacher reveals the results), see the tally once revealed,
"Browse on my own" through the slides and come "Back to the class".

Everything after joining is one fragment that reruns every `FOLLOW_SECONDS`: it reads the room's snapshot
(one lock, no copying) and redraws the slide (its HTML cached per slide) and the question."""
from __future__ import annotations

import streamlit as st

from components.render.live_html import phone_slide_html, tally_html
from components.views import live_room as live
from model.live.store import Refused

JOINED_KEY, BROWSE_KEY, OWN_KEY, NOTE_KEY = "live_joined", "live_browse", "live_own_slide", "live_student_note"
PHONE_CSS = """<style>
.st-key-lv_poll button {min-height:48px; width:100%; justify-content:flex-start; text-align:left;}
.st-key-lv_poll button p {font-size:18px;}
</style>"""


def _join(typed: str | None) -> None:
    sid = live.student_id()
    try:
        view = live.rooms().join(typed, sid)
    except Refused as refused:
        st.session_state[NOTE_KEY] = refused.message
        st.session_state.pop(JOINED_KEY, None)
        live.leave()
        return
    st.session_state[live.JOIN_KEY] = view.code
    st.session_state[JOINED_KEY] = view.code
    st.session_state.pop(NOTE_KEY, None)


def _typed() -> None:
    _join(st.session_state.get("lv_code_input"))


def _answer(poll_id: int, choice: int) -> None:
    try:
        live.rooms().answer(live.code(), live.student_id(), poll_id, choice)
        st.session_state.pop(NOTE_KEY, None)
    except Refused as refused:
        st.session_state[NOTE_KEY] = refused.message


def _browse(on: bool, slide: int = 1) -> None:
    st.session_state[BROWSE_KEY] = on
    st.session_state[OWN_KEY] = slide


def _own(number: int) -> None:
    st.session_state[OWN_KEY] = number


def join_form() -> None:
    if st.session_state.get(NOTE_KEY):
        st.warning(st.session_state[NOTE_KEY], icon=":material/info:")
    st.markdown("Type the code shown on the board, or scan its QR code. No account and no name are asked.")
    with st.form("lv_join_form", border=False):
        st.text_input("Class code", key="lv_code_input", max_chars=12, placeholder="e.g. ABC 234", autocomplete="off")
        st.form_submit_button("Join", on_click=_typed, type="primary")


def show() -> None:
    join = live.code()
    if join and st.session_state.get(JOINED_KEY) != join:
        _join(join)  # the code came in the link
    if not live.code() or st.session_state.get(JOINED_KEY) != live.code():
        join_form()
        return
    st.html(PHONE_CSS)
    _follow()


@st.fragment(run_every=live.FOLLOW_SECONDS)
def _follow() -> None:
    sid = live.student_id()
    view = live.view(sid)
    if isinstance(view, str):
        st.session_state[NOTE_KEY] = view
        st.session_state.pop(JOINED_KEY, None)
        live.leave()
        st.rerun(scope="app")
    browsing = bool(st.session_state.get(BROWSE_KEY))
    number = min(max(int(st.session_state.get(OWN_KEY, 1)), 1), view.total) if browsing else view.slide
    slide = view.slide_at(number)
    if browsing:
        with st.container(horizontal=True):
            st.button("Back to the class", key="lv_back", type="primary", icon=":material/groups:", on_click=_browse, args=(False,))
            st.button("Previous", key="lv_own_prev", disabled=number <= 1, on_click=_own, args=(number - 1,))
            st.button("Next", key="lv_own_next", disabled=number >= view.total, on_click=_own, args=(number + 1,))
        st.caption(f"The class is on slide {view.slide}. The app's other pages are in the menu (☰); this page brings you back.")
    else:
        st.button("Browse on my own", key="lv_browse", icon=":material/explore:", on_click=_browse, args=(True, number))
    if slide is not None:
        st.html(phone_slide_html(slide, number, view.total, not browsing))
    if view.poll is not None:
        _poll(view, sid)
    if st.session_state.get(NOTE_KEY):
        st.caption(st.session_state[NOTE_KEY])


def _poll(view, sid: str) -> None:
    poll = view.poll
    if view.revealed:
        st.html(tally_html(poll, view.counts, True))
        return
    mine = live.rooms().my_answer(view.code, sid)
    with st.container(key="lv_poll", border=True):
        st.markdown(f"**{poll.prompt}**" + (f"  \n{poll.subtitle}" if poll.subtitle else ""))
        for i, label in enumerate(poll.options):
            st.button(("✓ " if mine == i else "") + label, key=f"lv_opt_{poll.id}_{i}", on_click=_answer, args=(poll.id, i),
                      type="primary" if mine == i else "secondary", width="stretch")
        st.caption("Your answer is anonymous; you can change it until the teacher shows the results.")
