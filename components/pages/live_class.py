"""The Live class page (`/class`): a student's phone (join, follow the teacher's slides, answer questions) or,
in the window that holds the room's teacher key, the presenter view.

The teacher key reaches a new window only in the link that the projector's "Presenter view" button opens
(`key=`): this page moves it into the session and the address bar drops it after the first run (it is not
one of the parameters `url_state` writes back). The students' link has the code alone (`join=`)."""
from __future__ import annotations

import streamlit as st

from components.state.context import Context
from components.views import live_presenter, live_room as live, live_student
from model.live.codes import normalise


def render(context: Context) -> None:
    key = st.query_params.get("key")
    join = normalise(st.query_params.get("join")) or live.code()
    if key and join:
        if live.rooms().is_teacher(join, key):
            live.become_teacher(join, key)
        else:
            st.warning("That link's teacher key does not open this class: this window takes part as a student.")
    if live.is_teacher():
        st.title(f"Presenter view · class {live.code()}", anchor=False)
        live_presenter.show()
        return
    st.title("Live class", anchor=False)
    live_student.show()
