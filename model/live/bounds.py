"""The limits of live classes on one server process, and the join rate limiter.

Every number a room can grow by is bounded here: rooms per process, students per room, answers per
poll (one per student), polls per room, and codes remembered after they expire (so a late student reads
"this class has ended", not "no such class"). Rooms expire `ROOM_HOURS` after they start, or sooner where the
server sets `PEACE_LIVE_CLASS_SECONDS` (`Limits.from_environment`: never longer than 3 hours, never under 5 s).

`RateLimiter` is a sliding window of attempt times per key (a student's random session id), plus one
window for failed joins of the whole process: someone trying codes from many sessions is slowed down as a
whole, which is what makes a 6-character code safe from guessing. Memory is bounded: at most
`max_keys` keys are tracked (the oldest dropped first) and each keeps at most `limit` times."""
from __future__ import annotations

from collections import OrderedDict, deque
from dataclasses import dataclass, replace
from typing import Mapping

ROOM_HOURS = 3
LIFETIME_ENV = "PEACE_LIVE_CLASS_SECONDS"  # a shorter class for a school's policy (and for the expiry test)
MIN_ROOM_SECONDS = 5.0


@dataclass(frozen=True)
class Limits:
    max_rooms: int = 50                 # open rooms on one process
    max_students: int = 200             # students who joined one room
    max_polls: int = 100                # questions asked in one room
    room_seconds: float = ROOM_HOURS * 3600.0
    expired_remembered: int = 2000      # ended codes kept (code and end time only) for the plain message
    expired_memory_seconds: float = 24 * 3600.0
    joins_per_session: int = 10         # join attempts of one session ...
    failed_joins_per_process: int = 60  # ... and failed joins of everyone, per window
    join_window_seconds: float = 60.0
    active_seconds: float = 15.0        # a student seen within this long counts as following now

    @property
    def max_answers(self) -> int:
        return self.max_students        # one answer per student per poll

    @classmethod
    def from_environment(cls, environ: Mapping[str, str]) -> "Limits":
        """The default limits, with the room lifetime from `LIFETIME_ENV` when it is a number of seconds: clamped
        to 5 s … 3 hours (a code never lasts longer than 3 hours); anything else keeps 3 hours."""
        limits = cls()
        try:
            seconds = float(environ.get(LIFETIME_ENV, ""))
        except ValueError:
            return limits
        if seconds != seconds:  # NaN
            return limits
        return replace(limits, room_seconds=min(max(seconds, MIN_ROOM_SECONDS), limits.room_seconds))


class RateLimiter:
    """At most `limit` events per `window` seconds per key. Not thread-safe: the store calls it under its lock."""

    def __init__(self, limit: int, window: float, max_keys: int = 10_000):
        self.limit, self.window, self.max_keys = limit, window, max_keys
        self._events: OrderedDict[str, deque[float]] = OrderedDict()

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._events.get(key)
        if times is None:
            times = self._events[key] = deque(maxlen=self.limit)
            while len(self._events) > self.max_keys:
                self._events.popitem(last=False)
        else:
            self._events.move_to_end(key)
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def allowed(self, key: str, now: float) -> bool:
        """Is one more event allowed now? (Does not count it.)"""
        return len(self._recent(key, now)) < self.limit

    def hit(self, key: str, now: float) -> None:
        self._recent(key, now).append(now)

    def wait_seconds(self, key: str, now: float) -> float:
        times = self._recent(key, now)
        if len(times) < self.limit:
            return 0.0
        return max(0.0, times[0] + self.window - now)
