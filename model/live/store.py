"""`RoomStore`: every live class of one server process, behind one lock (the Streamlit layer keeps one
store per process in `st.cache_resource`, so all sessions of that process share it). Nothing is written to
disk; a restart ends every class.

Who may do what:
- `create` (the teacher's window) returns the join code and the teacher key; only the key's digest is kept;
- `move`, `ask`, `reveal`, `close_poll`, `end` need the teacher key (`NotTeacher` otherwise);
- `join` needs the code (rate-limited per session and, for failed tries, per process); `answer` needs a
  student id that joined, one answer per student per poll, changeable until the reveal.
Refusals carry a plain message for the page (`Refused.message`).

Expiry is checked on every call with the store's clock (`time.monotonic` unless a test passes another):
rooms end `Limits.room_seconds` after they start, and their codes are remembered (code and end time only)
so that a late join reads "this class has ended"."""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Callable

from model.live.bounds import Limits, RateLimiter
from model.live.codes import key_digest, key_matches, new_code, new_teacher_key, normalise
from model.live.polls import Poll
from model.live.room import Room, RoomView, clamp

MESSAGES = {
    "invalid": "That is not a class code: a code has 6 letters and digits, as shown on the board.",
    "unknown": "No class has this code. Check the code on the board and try again.",
    "expired": "This class has ended (a class code lasts at most 3 hours). Ask your teacher for a new code.",
    "full": "This class is full ({n} students). Ask your teacher.",
    "rooms": "This server is already running {n} classes, as many as it can. Try again later.",
    "rate": "Too many tries. Wait a minute and try again.",
    "teacher": "Only the teacher's window can do that.",
    "not_joined": "Join the class first.",
    "revealed": "The answers are shown already, so answers can no longer change.",
    "no_poll": "There is no question open.",
    "answers": "This question has as many answers as it can take.",
    "polls": "This class has asked as many questions as it can ({n}).",
}


class Refused(Exception):
    """A refused request, with a plain message for the person who made it."""

    def __init__(self, reason: str, **values):
        self.reason = reason
        super().__init__(MESSAGES[reason].format(**values))

    @property
    def message(self) -> str:
        return str(self)


class NotTeacher(Refused, PermissionError):
    def __init__(self):
        super().__init__("teacher")


class RoomStore:
    def __init__(self, limits: Limits | None = None, clock: Callable[[], float] = time.monotonic):
        self.limits = limits or Limits()
        self.clock = clock
        self._lock = threading.Lock()
        self._rooms: dict[str, Room] = {}
        self._ended: OrderedDict[str, float] = OrderedDict()   # code -> when it ended
        self._session_joins = RateLimiter(self.limits.joins_per_session, self.limits.join_window_seconds)
        self._failed_joins = RateLimiter(self.limits.failed_joins_per_process, self.limits.join_window_seconds, max_keys=1)

    # ---- housekeeping (under the lock) ------------------------------------------------------------
    def _expire(self, now: float) -> None:
        for code in [c for c, r in self._rooms.items() if r.ends <= now]:
            self._end(code, self._rooms[code].ends)
        cutoff = now - self.limits.expired_memory_seconds
        while self._ended and next(iter(self._ended.values())) <= cutoff:
            self._ended.popitem(last=False)

    def _end(self, code: str, when: float) -> None:
        self._rooms.pop(code, None)
        self._ended[code] = when
        self._ended.move_to_end(code)
        while len(self._ended) > self.limits.expired_remembered:
            self._ended.popitem(last=False)

    def _room(self, code: str | None, now: float) -> Room:
        self._expire(now)
        room = self._rooms.get(code or "")
        if room is None:
            raise Refused("expired" if code in self._ended else "unknown")
        return room

    def _teacher_room(self, code: str, key: str | None, now: float) -> Room:
        room = self._room(code, now)
        if not key_matches(room.key_digest, key):
            raise NotTeacher()
        return room

    # ---- the teacher ------------------------------------------------------------------------------
    def create(self, deck: tuple = (), slide: int = 1) -> tuple[str, str]:
        """Open a room; returns (join code, teacher key). Refused when the process has `max_rooms` rooms."""
        with self._lock:
            now = self.clock()
            self._expire(now)
            if len(self._rooms) >= self.limits.max_rooms:
                raise Refused("rooms", n=self.limits.max_rooms)
            code = new_code(set(self._rooms) | set(self._ended))
            key = new_teacher_key()
            self._rooms[code] = Room(code, key_digest(key), now, now + self.limits.room_seconds, tuple(deck), clamp(slide, deck))
            return code, key

    def is_teacher(self, code: str | None, key: str | None) -> bool:
        with self._lock:
            try:
                self._teacher_room(code or "", key, self.clock())
                return True
            except Refused:
                return False

    def move(self, code: str, key: str | None, slide: int, deck: tuple | None = None) -> RoomView:
        """Put the class on `slide` (and on a new deck, when the teacher's selection changed)."""
        with self._lock:
            now = self.clock()
            room = self._teacher_room(code, key, now)
            if deck is not None and tuple(deck) != room.deck:
                room.deck = tuple(deck)
                room.version += 1
            number = clamp(slide, room.deck)
            if number != room.slide:
                room.slide = number
                room.version += 1
            return room.view(now, self.limits.active_seconds)

    def ask(self, code: str, key: str | None, poll: Poll) -> RoomView:
        """Open `poll` (replacing any open one, whose answers are dropped)."""
        with self._lock:
            now = self.clock()
            room = self._teacher_room(code, key, now)
            if room.polls_asked >= self.limits.max_polls:
                raise Refused("polls", n=self.limits.max_polls)
            room.polls_asked += 1
            room.poll = Poll(poll.kind, poll.prompt, tuple(poll.options), poll.area, poll.correct, poll.explanation,
                             poll.subtitle, id=room.polls_asked)
            room.answers = {}
            room.revealed = False
            room.version += 1
            room.answers_version += 1
            return room.view(now, self.limits.active_seconds)

    def reveal(self, code: str, key: str | None, shown: bool = True) -> RoomView:
        with self._lock:
            now = self.clock()
            room = self._teacher_room(code, key, now)
            if room.poll is None:
                raise Refused("no_poll")
            if room.revealed != shown:
                room.revealed = shown
                room.version += 1
            return room.view(now, self.limits.active_seconds)

    def close_poll(self, code: str, key: str | None) -> RoomView:
        with self._lock:
            now = self.clock()
            room = self._teacher_room(code, key, now)
            if room.poll is not None:
                room.poll, room.answers, room.revealed = None, {}, False
                room.version += 1
                room.answers_version += 1
            return room.view(now, self.limits.active_seconds)

    def end(self, code: str, key: str | None) -> None:
        with self._lock:
            now = self.clock()
            self._teacher_room(code, key, now)
            self._end(code, now)

    # ---- students ---------------------------------------------------------------------------------
    def join(self, typed: str | None, student: str) -> RoomView:
        """Join the room whose code was typed (or came in the link). Rate-limited: `joins_per_session` tries per
        session and `failed_joins_per_process` failed tries of everyone per window."""
        with self._lock:
            now = self.clock()
            if not self._session_joins.allowed(student, now) or not self._failed_joins.allowed("*", now):
                raise Refused("rate")
            self._session_joins.hit(student, now)
            code = normalise(typed)
            try:
                if code is None:
                    raise Refused("invalid")
                room = self._room(code, now)
            except Refused:
                self._failed_joins.hit("*", now)
                raise
            if student not in room.students and len(room.students) >= self.limits.max_students:
                raise Refused("full", n=self.limits.max_students)
            room.students[student] = now
            return room.view(now, self.limits.active_seconds)

    def view(self, code: str | None, student: str | None = None) -> RoomView:
        """The room as a session may see it; a joined student's visit also counts as "seen now"."""
        with self._lock:
            now = self.clock()
            room = self._room(code, now)
            if student is not None and student in room.students:
                room.students[student] = now
            return room.view(now, self.limits.active_seconds)

    def my_answer(self, code: str, student: str) -> int | None:
        with self._lock:
            room = self._room(code, self.clock())
            return room.answers.get(student)

    def answer(self, code: str, student: str, poll_id: int, choice: int) -> RoomView:
        """Record (or change) a student's answer to the open poll `poll_id`."""
        with self._lock:
            now = self.clock()
            room = self._room(code, now)
            if student not in room.students:
                raise Refused("not_joined")
            if room.poll is None or room.poll.id != poll_id or not 0 <= choice < len(room.poll.options):
                raise Refused("no_poll")
            if room.revealed:
                raise Refused("revealed")
            if student not in room.answers and len(room.answers) >= self.limits.max_answers:
                raise Refused("answers")
            if room.answers.get(student) != choice:
                room.answers[student] = choice
                room.answers_version += 1
            room.students[student] = now
            return room.view(now, self.limits.active_seconds)

    # ---- the whole process ------------------------------------------------------------------------
    def count(self) -> int:
        with self._lock:
            self._expire(self.clock())
            return len(self._rooms)
