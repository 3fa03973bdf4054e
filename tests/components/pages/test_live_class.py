"""The Live class page and present mode's class controls through AppTest: join by code or link, follow the
teacher's slide, answer once (changeable until the reveal), the presenter view with the teacher key, a student
who cannot move the class, plain messages for unknown and expired codes. One process, one shared store."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from apptest_pages import open_page
from helpers import ROOT


@pytest.fixture
def store():
    from components.views.live_room import rooms

    rooms.clear()
    yield rooms()
    rooms.clear()


def deck():
    from components.state.data import everything
    from model.lessons.deck import build_deck

    catalogue, references, comparators, _ = everything()
    ids = ["us-28-point-draft", "ukraine-position"]
    return build_deck([catalogue.get(i) for i in ids], catalogue.proposals, catalogue.taxonomy,
                      ["territory", "military_limits"], None, references, comparators)


def page(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if params.get("mode"):
        return at
    for key, value in params.items():  # the first run (on the default page) wrote the link back; a browser opens /class directly
        at.query_params[key] = value
    return open_page(at, "class")


def htmls(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label.endswith(label))


def test_join_form_without_a_code(store):
    at = page()
    assert not at.exception
    assert [t.label for t in at.text_input] == ["Class code"]


def test_typed_code_joins_and_follows_the_teacher(store):
    code, key = store.create(deck())
    at = page()
    at.text_input(key="lv_code_input").input(f" {code[:3].lower()}-{code[3:]} ")
    at.button(key="FormSubmitter:lv_join_form-Join").click().run()
    assert not at.exception
    assert 'data-live-slide="1"' in htmls(at)
    store.move(code, key, 3)
    at.run()
    assert 'data-live-slide="3"' in htmls(at)
    assert store.view(code).joined == 1
    assert at.query_params["join"] in (code, [code])


def test_link_joins_answers_and_sees_the_tally_after_the_reveal(store):
    from model.live.polls import Poll

    code, key = store.create(deck())
    at = page(join=code)
    assert 'data-live-slide="1"' in htmls(at)
    poll = store.ask(code, key, Poll("line", "Where would you draw the line?", ("x", "y", "z"))).poll
    at.run()
    button(at, "y").click().run()
    assert store.view(code).counts == (0, 1, 0)
    button(at, "z").click().run()  # changed, still one answer
    assert store.view(code).counts == (0, 0, 1)
    assert button(at, "z").label.startswith("✓")
    store.reveal(code, key)
    at.run()
    assert f'data-live-tally="{poll.id}"' in htmls(at) and not [b for b in at.button if b.label.endswith("x")]


def test_browse_on_my_own_and_back_to_the_class(store):
    code, key = store.create(deck())
    at = page(join=code)
    button(at, "Browse on my own").click().run()
    button(at, "Next").click().run()
    assert 'data-live-slide="2"' in htmls(at)
    store.move(code, key, 4)
    at.run()
    assert 'data-live-slide="2"' in htmls(at)  # on their own: stays
    button(at, "Back to the class").click().run()
    assert 'data-live-slide="4"' in htmls(at)


def test_presenter_view_moves_the_class_and_reveals(store):
    code, key = store.create(deck())
    at = page(join=code, key=key)
    assert not at.exception
    assert any("Presenter view" in t.value for t in at.title)
    assert "key" not in at.query_params  # dropped from the address bar after the first run
    button(at, "Next").click().run()
    assert store.view(code).slide == 2
    button(at, "Ask a quiz question").click().run()
    assert store.view(code).poll is not None and store.view(code).poll.kind == "quiz"
    button(at, "Reveal the results").click().run()
    assert store.view(code).revealed
    assert "Speaker notes" in htmls(at)


def test_a_wrong_key_is_a_student_who_cannot_move_the_class(store):
    code, _ = store.create(deck())
    at = page(join=code, key="not-the-key")
    assert any("does not open this class" in w.value for w in at.warning)
    assert not [b for b in at.button if b.label == "Next"]
    assert store.view(code).slide == 1 and store.view(code).joined == 1


def test_unknown_and_expired_codes_give_plain_messages(store):
    at = page(join="BBBBBB")
    assert any("No class has this code" in w.value for w in at.warning)
    code, _ = store.create(deck())
    store._rooms[code].ends = 0  # as if three hours had passed
    at = page(join=code)
    assert any("This class has ended" in w.value for w in at.warning)


def test_present_mode_starts_a_class_and_stays_in_step(store):
    at = page(mode="present", proposals="us-28-point-draft,ukraine-position", areas="territory")
    if at.session_state["present_setup"] if "present_setup" in at.session_state else False:
        pytest.skip("present mode opens on its setup step here")
    button(at, "Start a class").click().run()
    assert not at.exception
    assert store.count() == 1
    code = next(iter(store._rooms))
    assert f'data-live-code="{code}"' in htmls(at)
    presenter = next(b for b in at.get("link_button") if b.proto.label == "Presenter view")
    assert f"join={code}" in presenter.proto.url and "key=" in presenter.proto.url
    student_link = f"/class?join={code}"
    assert student_link in htmls(at) or code in htmls(at)
    assert "key=" not in htmls(at)  # the teacher key is never on the projected slide
    at.session_state["slide"] = "2"
    at.run()
    assert store.view(code).slide == 2
