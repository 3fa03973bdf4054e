"""A student's phone in a live class (the Live class page without a teacher key): join with the code (from the
link or typed; no account, no name), then follow the teacher's slide in the phone layout, answer the open
question (one answer, changeable until the teacher reveals the results), see the tally once revealed,
"Browse on my own" through the slides and come "Back to the class".

Thirty phones per room ask the room what changed every `FOLLOW_SECONDS`, so that periodic rerun is kept as light
as Streamlit allows (bench/live_class.py, docs/performance.md): one fragment whose arguments carry everything it
needs from the session (no session-state reads), which reads the room's snapshot (one lock, no copying) and draws
one element: the slide the class is on (its HTML cached per slide, the style sheet sent once per page run), or,
while the student browses, the line saying where the class is. Buttons and the question stay outside it, in the
page run, which happens only when the student presses something or when the room's question changes (asked,
revealed, closed: the fragment then reruns the page once)."""
from __future__ import annotations

import streamlit as st

from components.render.live_html import CSS as STYLE, phone_slide_html, tally_html
from components.views import live_room as live
from model.live.store import Refused, RoomStore

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


def _browse(on: bool) -> None:
    """Browse from the slide the class is on now (the page run that drew the button may be a few slides behind)."""
    st.session_state[BROWSE_KEY] = on
    view = live.view()
    st.session_state[OWN_KEY] = 1 if isinstance(view, str) else view.slide


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
    sid = live.student_id()
    view = live.view(sid)
    if isinstance(view, str):
        _ended(view)
    st.html(PHONE_CSS + STYLE)
    browsing = bool(st.session_state.get(BROWSE_KEY))
    if browsing:
        number = min(max(int(st.session_state.get(OWN_KEY, 1)), 1), view.total)
        with st.container(horizontal=True):
            st.button("Back to the class", key="lv_back", type="primary", icon=":material/groups:", on_click=_browse, args=(False,))
            st.button("Previous", key="lv_own_prev", disabled=number <= 1, on_click=_own, args=(number - 1,))
            st.button("Next", key="lv_own_next", disabled=number >= view.total, on_click=_own, args=(number + 1,))
        _follow(live.rooms(), view.code, sid, _poll_state(view), True)
        slide = view.slide_at(number)
        if slide is not None:
            st.html(phone_slide_html(slide, number, view.total, False))
    else:
        st.button("Browse on my own", key="lv_browse", icon=":material/explore:", on_click=_browse, args=(True,))
        _follow(live.rooms(), view.code, sid, _poll_state(view), False)
    if view.poll is not None:
        _poll(view, sid)
    if st.session_state.get(NOTE_KEY):
        st.caption(st.session_state[NOTE_KEY])


def _ended(message: str) -> None:
    st.session_state[NOTE_KEY] = message
    st.session_state.pop(JOINED_KEY, None)
    live.leave()
    st.rerun(scope="app")


def _poll_state(view) -> tuple:
    """What of the room's question the page run drew: a change means the page must run again."""
    return (view.poll.id if view.poll is not None else None, view.revealed)


@st.fragment(run_every=live.FOLLOW_SECONDS)
def _follow(store: RoomStore, join: str, sid: str, drawn: tuple, browsing: bool) -> None:
    """The periodic check. Its arguments were fixed by the page run (a change of any of them is a page run)."""
    try:
        view = store.view(join, sid)
    except Refused as refused:
        _ended(refused.message)
    if _poll_state(view) != drawn:
        st.rerun(scope="app")  # a question was asked, revealed or closed: buttons and tally are drawn by the page run
    if browsing:
        st.caption(f"The class is on slide {view.slide}. The app's other pages are in the menu (☰); this page brings you back.")
        return
    slide = view.slide_at(view.slide)
    if slide is not None:
        st.html(phone_slide_html(slide, view.slide, view.total, True, style=False))


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
