"""The live-class store: expiry, bounds, who may do what, rate limits, anonymity (no Streamlit)."""
from __future__ import annotations

import threading

import pytest

from model.live.bounds import Limits, RateLimiter
from model.live.codes import ALPHABET, CODE_LENGTH, normalise
from model.live.polls import Poll
from model.live.store import MESSAGES, NotTeacher, Refused, RoomStore

DECK = ("s1", "s2", "s3", "s4")  # the store treats slides as opaque values
POLL = Poll("quiz", "Which?", ("a", "b", "c"), correct=1)


class Clock:
    def __init__(self, now: float = 1000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def store(**limits) -> tuple[RoomStore, Clock]:
    clock = Clock()
    return RoomStore(Limits(**limits), clock=clock), clock


def test_codes_are_six_characters_from_a_32_character_alphabet():
    assert len(ALPHABET) == len(set(ALPHABET)) == 32 and CODE_LENGTH >= 6
    s, _ = store()
    codes = {s.create(DECK)[0] for _ in range(40)}
    assert len(codes) == 40
    assert all(len(c) == CODE_LENGTH and set(c) <= set(ALPHABET) for c in codes)
    assert not set("01IO") & set(ALPHABET)


def test_typed_codes_are_normalised_and_checked():
    assert normalise(" abc-def ") == "ABCDEF"
    assert normalise("ab cd ef") == "ABCDEF"
    for bad in (None, "", "ABCDE", "ABCDEFG", "ABCDE0", "ABC DE!", "x" * 1000):
        assert normalise(bad) is None


def test_room_expires_after_three_hours_with_a_plain_message():
    s, clock = store()
    code, key = s.create(DECK)
    s.join(code, "student-1")
    clock.now += 3 * 3600 - 1
    assert s.view(code).code == code
    clock.now += 2
    with pytest.raises(Refused) as gone:
        s.view(code)
    assert gone.value.reason == "expired" and "ended" in gone.value.message and "3 hours" in gone.value.message
    with pytest.raises(Refused) as late:
        s.join(code.lower(), "student-2")
    assert late.value.reason == "expired"
    with pytest.raises(Refused):
        s.move(code, key, 2)  # the teacher's key does not revive it
    assert s.count() == 0


def test_an_unknown_code_is_not_an_expired_one():
    s, _ = store()
    with pytest.raises(Refused) as unknown:
        s.join("ABCDEF", "x")
    assert unknown.value.reason == "unknown" and unknown.value.message == MESSAGES["unknown"]


def test_ended_codes_are_remembered_within_bounds():
    s, clock = store(expired_remembered=3, room_seconds=10)
    codes = [s.create(DECK)[0] for _ in range(5)]
    clock.now += 11
    assert s.count() == 0
    assert len(s._ended) == 3
    with pytest.raises(Refused) as old:
        s.join(codes[-1], "x")
    assert old.value.reason == "expired"
    clock.now += 24 * 3600 + 1
    s.count()
    assert not s._ended


def test_room_bound():
    s, clock = store(max_rooms=2, room_seconds=60)
    s.create(DECK)
    s.create(DECK)
    with pytest.raises(Refused) as full:
        s.create(DECK)
    assert full.value.reason == "rooms" and "2 classes" in full.value.message
    clock.now += 61  # expired rooms free their places
    s.create(DECK)


def test_student_bound_and_rejoining_does_not_count_twice():
    s, _ = store(max_students=3)
    code, _ = s.create(DECK)
    for i in range(3):
        s.join(code, f"st{i}")
    s.join(code, "st0")  # the same session again
    with pytest.raises(Refused) as full:
        s.join(code, "st3")
    assert full.value.reason == "full" and "3 students" in full.value.message
    assert s.view(code).joined == 3


def test_one_answer_per_student_changeable_until_the_reveal():
    s, _ = store()
    code, key = s.create(DECK)
    for sid in ("a", "b", "c"):
        s.join(code, sid)
    poll = s.ask(code, key, POLL).poll
    s.answer(code, "a", poll.id, 0)
    s.answer(code, "a", poll.id, 2)  # changed: still one answer
    s.answer(code, "b", poll.id, 2)
    view = s.view(code)
    assert view.counts == (0, 0, 2) and view.answered == 2
    assert s.my_answer(code, "a") == 2 and s.my_answer(code, "c") is None
    s.reveal(code, key)
    with pytest.raises(Refused) as late:
        s.answer(code, "c", poll.id, 1)
    assert late.value.reason == "revealed"
    with pytest.raises(Refused):
        s.answer(code, "a", poll.id, 0)
    assert s.view(code).counts == (0, 0, 2)


def test_answers_are_bounded_and_checked():
    s, _ = store(max_students=2)
    code, key = s.create(DECK)
    s.join(code, "a")
    poll = s.ask(code, key, POLL).poll
    for bad in ((poll.id, 3), (poll.id, -1), (poll.id + 1, 0)):
        with pytest.raises(Refused):
            s.answer(code, "a", *bad)
    with pytest.raises(Refused) as stranger:
        s.answer(code, "never-joined", poll.id, 0)
    assert stranger.value.reason == "not_joined"
    assert s.ask(code, key, POLL).poll.id == poll.id + 1  # a new question drops the old answers
    assert s.view(code).answered == 0
    assert s.limits.max_answers == s.limits.max_students


def test_polls_per_room_are_bounded():
    s, _ = store(max_polls=2)
    code, key = s.create(DECK)
    s.ask(code, key, POLL)
    s.ask(code, key, POLL)
    with pytest.raises(Refused) as many:
        s.ask(code, key, POLL)
    assert many.value.reason == "polls"


def test_only_the_teacher_key_moves_reveals_asks_and_ends():
    s, _ = store()
    code, key = s.create(DECK)
    other_code, other_key = s.create(DECK)
    s.join(code, "student")
    for wrong in (None, "", "student", other_key, key[:-1], key + "x", "k" * 5000):
        with pytest.raises(NotTeacher):
            s.move(code, wrong, 3)
        with pytest.raises(NotTeacher):
            s.ask(code, wrong, POLL)
        with pytest.raises(NotTeacher):
            s.end(code, wrong)
        assert not s.is_teacher(code, wrong)
    s.ask(code, key, POLL)
    with pytest.raises(NotTeacher):
        s.reveal(code, other_key)
    assert s.view(code).slide == 1 and not s.view(code).revealed
    assert s.move(code, key, 3).slide == 3
    assert s.move(code, key, 99).slide == 4  # clamped to the deck
    assert s.is_teacher(code, key)
    s.end(code, key)
    with pytest.raises(Refused) as ended:
        s.join(code, "student")
    assert ended.value.reason == "expired"


def test_the_key_is_not_kept_and_views_name_no_student():
    s, _ = store()
    code, key = s.create(DECK)
    s.join(code, "secret-student-id")
    room = s._rooms[code]
    assert key not in repr(room) and key.encode() not in room.key_digest
    view = s.view(code)
    assert "secret-student-id" not in repr(view) and key not in repr(view)
    assert not hasattr(view, "key_digest") and not hasattr(view, "answers")


def test_versions_change_with_what_phones_show():
    s, _ = store()
    code, key = s.create(DECK)
    s.join(code, "a")
    v0 = s.view(code).version
    v1 = s.move(code, key, 2).version
    assert v1 > v0
    assert s.move(code, key, 2).version == v1  # same slide: no change
    poll = s.ask(code, key, POLL).poll
    v2 = s.view(code).version
    a0 = s.view(code).answers_version
    s.answer(code, "a", poll.id, 1)
    assert s.view(code).version == v2 and s.view(code).answers_version > a0
    assert s.reveal(code, key).version > v2
    assert s.move(code, key, 2, deck=DECK + ("s5",)).total == 5


def test_joins_are_rate_limited_per_session_and_per_process():
    s, clock = store(joins_per_session=3, failed_joins_per_process=5, join_window_seconds=60)
    code, _ = s.create(DECK)
    for _ in range(3):
        s.join(code, "a")
    with pytest.raises(Refused) as slow:
        s.join(code, "a")
    assert slow.value.reason == "rate" and "Wait a minute" in slow.value.message
    for i in range(5):  # five failed guesses from five sessions
        with pytest.raises(Refused):
            s.join("BBBBBB", f"guess{i}")
    with pytest.raises(Refused) as everyone:
        s.join(code, "fresh")  # the process-wide window of failed tries is full
    assert everyone.value.reason == "rate"
    clock.now += 61
    assert s.join(code, "fresh").code == code
    assert s.join(code, "a").code == code


def test_rate_limiter_memory_is_bounded():
    limiter = RateLimiter(limit=2, window=10, max_keys=100)
    for i in range(1000):
        limiter.hit(f"k{i}", 0.0)
    assert len(limiter._events) == 100
    limiter.hit("x", 0.0)
    limiter.hit("x", 1.0)
    assert not limiter.allowed("x", 2.0) and limiter.wait_seconds("x", 2.0) == pytest.approx(8.0)
    assert limiter.allowed("x", 10.5)


def test_following_counts_students_seen_recently():
    s, clock = store(active_seconds=10)
    code, _ = s.create(DECK)
    s.join(code, "a")
    s.join(code, "b")
    clock.now += 8
    s.view(code, student="a")
    clock.now += 5
    view = s.view(code)
    assert (view.joined, view.following) == (2, 1)


def test_the_store_is_safe_across_threads():
    s, _ = store(max_students=500)
    code, key = s.create(DECK)
    poll = s.ask(code, key, POLL).poll

    def student(i: int) -> None:
        sid = f"t{i}"
        s.join(code, sid)
        for choice in range(3):
            s.answer(code, sid, poll.id, choice)

    threads = [threading.Thread(target=student, args=(i,)) for i in range(60)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    view = s.view(code)
    assert view.joined == 60 and view.counts == (0, 0, 60)


@pytest.mark.parametrize("value, seconds", [
    (None, 3 * 3600.0), ("", 3 * 3600.0), ("soon", 3 * 3600.0), ("nan", 3 * 3600.0),
    ("60", 60.0), ("2.5", 5.0), ("-1", 5.0), ("86400", 3 * 3600.0), ("inf", 3 * 3600.0),
])
def test_a_server_may_shorten_a_class_but_never_beyond_three_hours(value, seconds):
    environ = {} if value is None else {"PEACE_LIVE_CLASS_SECONDS": value}
    limits = Limits.from_environment(environ)
    assert limits.room_seconds == seconds
    assert limits.max_students == Limits().max_students  # nothing else changes


def test_a_shortened_class_ends_when_its_time_is_up():
    clock = [0.0]
    store = RoomStore(Limits.from_environment({"PEACE_LIVE_CLASS_SECONDS": "60"}), clock=lambda: clock[0])
    code, _ = store.create(())
    store.join(code, "s1")
    clock[0] = 59.0
    assert store.view(code).joined == 1
    clock[0] = 60.0
    with pytest.raises(Refused) as ended:
        store.view(code)
    assert ended.value.reason == "expired"
