"""The live class's shared state in one server process, and the small session helpers around it.

`rooms()` is the process's one `model.live.store.RoomStore`, kept by `st.cache_resource` (shared by every
session, thread-safe behind its lock, never written to disk). A session keeps only: the join code
(`live_join`, mirrored in the link as `join=`), the teacher key when it is a teacher's window (`live_key`,
never in the link the students get, and removed from the address bar after the first run), and a random
student id (`live_sid`) that names nobody.

Several replicas: the join link carries `via=`, the teacher's own `st_replica` routing cookie, and nginx
(deploy/nginx/default.conf.template) sends a page load with `via=` to that replica and sets the cookie to it,
so every phone of a room lands on the teacher's process (docs/deploy.md, "Live classes behind replicas")."""
from __future__ import annotations

import os
import re
from urllib.parse import urlencode, urlsplit

import streamlit as st

from model.live.codes import new_student_id, normalise
from model.live.bounds import Limits
from model.live.store import Refused, RoomStore

JOIN_KEY, TEACHER_KEY, STUDENT_KEY = "live_join", "live_key", "live_sid"
PAGE = "class"                 # the Live class page's url_path
ROUTE_COOKIE = "st_replica"    # nginx's sticky cookie (deploy/nginx/default.conf.template)
ROUTE = re.compile(r"^[0-9a-f]{32}$")  # what nginx's $request_id looks like; anything else is not passed on
FOLLOW_SECONDS = 0.8           # how often phones and teacher windows look at the room (one small fragment rerun)


@st.cache_resource(show_spinner=False)
def rooms() -> RoomStore:
    return RoomStore(Limits.from_environment(os.environ))


def student_id() -> str:
    if STUDENT_KEY not in st.session_state:
        st.session_state[STUDENT_KEY] = new_student_id()
    return st.session_state[STUDENT_KEY]


def code() -> str | None:
    return normalise(st.session_state.get(JOIN_KEY))


def teacher_key() -> str | None:
    return st.session_state.get(TEACHER_KEY)


def is_teacher() -> bool:
    return bool(code() and teacher_key() and rooms().is_teacher(code(), teacher_key()))


def become_teacher(join: str, key: str) -> None:
    st.session_state[JOIN_KEY], st.session_state[TEACHER_KEY] = join, key


def leave() -> None:
    for name in (JOIN_KEY, TEACHER_KEY):
        st.session_state.pop(name, None)


def view(student: str | None = None):
    """The room of this session (a RoomView), or the plain reason there is none (a str)."""
    join = code()
    if not join:
        return "No class."
    try:
        return rooms().view(join, student)
    except Refused as refused:
        return refused.message


def _origin() -> str:
    try:
        parts = urlsplit(str(st.context.url or ""))
        return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""
    except Exception:  # noqa: BLE001 - no request context (AppTest): relative links
        return ""


def route() -> str | None:
    """This browser's replica routing key (set by nginx; absent on a single process)."""
    try:
        value = st.context.cookies.get(ROUTE_COOKIE)
    except Exception:  # noqa: BLE001
        return None
    return value if isinstance(value, str) and ROUTE.match(value) else None


def link(join: str, **extra: str) -> str:
    """A link to the Live class page for `join` (with `via=` when behind nginx)."""
    params = {"join": join, **extra}
    if route():
        params["via"] = route()
    return f"{_origin()}/{PAGE}?{urlencode(params)}"
