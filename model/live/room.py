"""One live class's state (`Room`, mutated only by `model.live.store.RoomStore` under its lock) and the
read-only snapshot every session reads (`RoomView`).

A room holds: its code, the digest of the teacher's key (never the key), when it started and when it ends,
the slides (an immutable deck, `model.lessons.deck.build_deck`'s tuple), the slide the class is on, the
current poll with one answer per student id, whether its tally is revealed, and the random ids of the students
who joined with when each was last seen. Nothing in it names a student.

`version` changes whenever what a phone shows changes (slide, poll, reveal); `answers_version` whenever an
answer arrives (the presenter's live results)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from model.live.polls import Poll, tally


@dataclass
class Room:
    code: str
    key_digest: bytes
    started: float
    ends: float
    deck: tuple = ()
    slide: int = 1                                             # 1-based
    poll: Poll | None = None
    revealed: bool = False
    answers: dict[str, int] = field(default_factory=dict)      # student id -> option index (current poll only)
    students: dict[str, float] = field(default_factory=dict)   # student id -> last seen
    polls_asked: int = 0
    version: int = 0
    answers_version: int = 0

    def view(self, now: float, active_seconds: float) -> "RoomView":
        counts = tally(self.answers.values(), len(self.poll.options)) if self.poll else ()
        return RoomView(
            code=self.code, started=self.started, ends=self.ends, deck=self.deck, slide=self.slide, poll=self.poll,
            revealed=self.revealed, counts=counts, answered=len(self.answers), joined=len(self.students),
            following=sum(1 for seen in self.students.values() if now - seen <= active_seconds),
            version=self.version, answers_version=self.answers_version, polls_asked=self.polls_asked)


@dataclass(frozen=True)
class RoomView:
    """What a session may read of a room: no key digest, no student ids, no individual answers."""

    code: str
    started: float
    ends: float
    deck: tuple
    slide: int
    poll: Poll | None
    revealed: bool
    counts: tuple[int, ...]     # answers per option of the current poll
    answered: int
    joined: int                 # students who joined (random session ids)
    following: int              # ... of whom seen in the last few seconds
    version: int
    answers_version: int
    polls_asked: int

    @property
    def total(self) -> int:
        return len(self.deck)

    def slide_at(self, number: int):
        """The slide numbered `number` (1-based, clamped), or None for an empty deck."""
        if not self.deck:
            return None
        return self.deck[min(max(number, 1), len(self.deck)) - 1]

    def seconds_left(self, now: float) -> float:
        return max(0.0, self.ends - now)


def clamp(number: int, deck: Sequence) -> int:
    return min(max(int(number), 1), max(len(deck), 1))
