"""The projector's part of a live class, drawn by present mode (one call in components/pages/present.py):

- no class yet: a "Start a class" button (top right). It opens a room with the deck on screen, puts the
  window on slide 1, where the join panel shows the code, the link and its QR code;
- a class running: this window and the room stay in step both ways. Moving here (buttons, arrows, a clicker)
  moves the class; a move made in the presenter window reaches this window within `FOLLOW_SECONDS` through
  one small fragment that reruns the page only when the room's slide changed. The fragment also draws the
  join panel (large on slide 1, the code alone elsewhere), the "Presenter view" link and, once the teacher
  reveals it, the poll's anonymous tally over the slide.

Only a window holding the room's teacher key (session state, never in a student's link) can move the class:
anyone else in present mode moves only their own screen."""
from __future__ import annotations

import streamlit as st

from components.render.live_html import join_panel_html, tally_html
from components.state.data import everything
from components.views import live_room as live
from model.live.store import Refused

SLIDE_KEY = "slide"          # present mode's slide number (components/pages/present.py, url_state's `slide=`)
SYNC_KEY = "live_synced"     # the slide this window last agreed with the room on
NOTE_KEY = "live_note"
CSS = """<style>
.st-key-live_proj {position:fixed !important; top:10px; right:16px; z-index:999; width:auto !important; max-width:360px;}
.st-key-live_proj_tally {position:fixed !important; left:6vw; right:6vw; bottom:96px; z-index:998; background:#FFFFFF;
  border:3px solid #0B5394; border-radius:10px; padding:12px 18px; box-shadow:0 4px 18px rgba(0,0,0,.3); width:auto !important;}
.st-key-live_proj_tally .lv-tally, .st-key-live_proj_tally .lv-tally * {font-size:26px;}
</style>"""


def _start(deck: tuple, ids: tuple[str, ...]) -> None:
    shared = everything()[0]
    if shared is None or any(pid not in shared.ids for pid in ids):
        st.session_state[NOTE_KEY] = ("A class can only show proposals from the shared data: this selection has a proposal "
                                      "added in this window only. Remove it to start a class.")
        return
    try:
        join, key = live.rooms().create(deck, 1)
    except Refused as refused:
        st.session_state[NOTE_KEY] = refused.message
        return
    live.become_teacher(join, key)
    st.session_state[SLIDE_KEY] = "1"
    st.session_state[SYNC_KEY] = 1
    st.session_state.pop(NOTE_KEY, None)


def show(context, deck: tuple, number: int) -> None:
    """Called by present mode once it knows the deck and the slide number, before it draws the slide."""
    st.html(CSS)
    join, key = live.code(), live.teacher_key()
    if join and key:
        try:
            room = live.rooms()
            view = room.view(join)
            if st.session_state.get(SYNC_KEY) != number:             # moved here: the class follows
                view = room.move(join, key, number, deck)
                st.session_state[SYNC_KEY] = number
            elif view.slide != number:                                # moved in the presenter window: follow it
                st.session_state[SLIDE_KEY] = str(view.slide)
                st.session_state[SYNC_KEY] = view.slide
                st.rerun()
            elif view.deck != tuple(deck):                           # the selection changed: the class gets it
                room.move(join, key, number, deck)
            _follow()
            return
        except Refused as refused:
            live.leave()
            st.session_state.pop(SYNC_KEY, None)
            st.session_state[NOTE_KEY] = refused.message
    with st.container(key="live_proj"):
        ids = tuple(p.id for p in context.selection.proposals)
        st.button("Start a class", key="live_start", icon=":material/groups:", on_click=_start, args=(tuple(deck), ids),
                  help="Students join on their phones with a code (no account, no name) and follow these slides.")
        if st.session_state.get(NOTE_KEY):
            st.caption(st.session_state[NOTE_KEY])


@st.fragment(run_every=live.FOLLOW_SECONDS)
def _follow() -> None:
    join, key = live.code(), live.teacher_key()
    view = live.view()
    if isinstance(view, str) or not key:
        live.leave()
        st.session_state[NOTE_KEY] = view if isinstance(view, str) else ""
        st.rerun(scope="app")
    if view.slide != st.session_state.get(SYNC_KEY):
        st.session_state[SLIDE_KEY] = str(view.slide)
        st.session_state[SYNC_KEY] = view.slide
        st.rerun(scope="app")
    with st.container(key="live_proj"):
        st.html(join_panel_html(join, live.link(join), large=view.slide == 1))
        st.link_button("Presenter view", live.link(join, key=key), icon=":material/co_present:",
                       help="Opens the presenter view (current and next slide, notes, timer, polls) in a new window, for your laptop.")
    if view.poll is not None and view.revealed:
        with st.container(key="live_proj_tally"):
            st.html(tally_html(view.poll, view.counts, True))
