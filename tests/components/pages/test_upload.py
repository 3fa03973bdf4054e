"""Bring your own proposal (components/pages/upload.py, model.data.loader.check_upload): an invalid
upload lists all its problems at once with their lines and the app keeps working; an
oversized file is refused before it is read; a valid upload joins the catalogue, marked
as the session's own, and shows on Compare."""
from __future__ import annotations

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from components.pages.upload import MARK, SHORT_MARK, receive, with_session_uploads
from helpers import ROOT, proposal
from model.data.loader import check_upload, load_catalogue, with_extra
from model.data.yaml_source import MAX_BYTES
from apptest_pages import matrix, open_page


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def plan(pid: str = "class-plan", **changes) -> bytes:
    body = proposal(pid, military_limits={"stance": "cap_below_current_size", "troop_cap": 650_000})
    body.update(changes)
    return yaml.safe_dump(body, sort_keys=False, allow_unicode=True).encode()


def broken() -> bytes:
    """Four problems on four different lines: a wrong party, an unknown coded value, an unknown source, a missing area."""
    body = proposal("broken-plan", military_limits={"stance": "no_such_step"})
    body["party"] = "students"
    body["positions"]["territory"] = {"evidence": "text", "summary": "x", "citations": [{"source": "nowhere"}]}
    del body["positions"]["nuclear"]
    return yaml.safe_dump(body, sort_keys=False).encode()


def line_of(raw: bytes, text: str) -> int:
    return next(i for i, line in enumerate(raw.decode().splitlines(), 1) if text in line)


def test_an_invalid_upload_lists_every_problem_at_once_with_its_line(catalogue):
    raw = broken()
    proposal_, problems = check_upload(raw, "broken.yaml", catalogue)
    assert proposal_ is None
    found = {(p.line, p.field.split(".")[-1]) for p in problems}
    assert (line_of(raw, "party: students"), "party") in found
    assert (line_of(raw, "no_such_step"), "stance") in found
    assert (line_of(raw, "source: nowhere"), "source") in found
    assert any("missing area 'nuclear'" in p.message for p in problems)
    assert all(p.line for p in problems)


def test_a_duplicate_id_is_named(catalogue):
    pid = catalogue.ids[0]
    _, problems = check_upload(plan(pid), "copy.yaml", catalogue)
    assert any(f"duplicate proposal id '{pid}'" in p.message and p.line == 1 for p in problems)


def test_an_oversized_file_is_refused_before_it_is_read(catalogue):
    def never() -> bytes:
        raise AssertionError("the file was read")

    result = receive("huge.yaml", MAX_BYTES + 1, never, catalogue, [])
    assert result.proposal is None and "1 MB" in result.message
    _, problems = check_upload(b"a: b\n" * (MAX_BYTES // 5 + 1), "huge.yaml", catalogue)  # the validator refuses it too
    assert problems and "limit" in problems[0].message


def test_a_valid_upload_joins_the_catalogue_marked_as_yours(catalogue):
    result = receive("class plan (1).yaml", len(plan()), plan, catalogue, [])
    assert result.proposal is not None and not result.problems
    uploaded = result.proposal
    assert uploaded.short_name.startswith(SHORT_MARK) and uploaded.title.endswith(f"({MARK})")
    merged = with_extra(catalogue, [uploaded])
    assert merged.get("class-plan") is uploaded
    assert [p.date for p in merged.proposals] == sorted(p.date for p in merged.proposals)
    assert catalogue.get("class-plan") is None  # the loaded catalogue itself is untouched
    again = receive("class-plan.yaml", len(plan()), plan, catalogue, [uploaded])  # a corrected file replaces the first
    assert again.proposal is not None and again.replaced


def test_with_extra_never_replaces_a_loaded_proposal(catalogue):
    clash = catalogue.proposals[0].model_copy(update={"title": "impostor"})
    assert with_extra(catalogue, [clash]).get(clash.id).title != "impostor"


# ------------------------------------------------------------ through the app


def back_to_compare(at: AppTest) -> AppTest:
    at._page_hash = next(h for h, info in at._registered_pages.items() if info.get("url_pathname") in ("", "compare"))
    return at.run()


def upload_app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    return open_page(at.run(), "upload")


def test_an_invalid_upload_in_the_app_shows_all_problems_and_the_app_keeps_working():
    at = upload_app()
    assert not at.exception
    raw = broken()
    at.get("file_uploader")[0].set_value(("broken.yaml", raw, "application/x-yaml"))
    at.run()
    assert not at.exception
    assert at.error and "was not added" in at.error[0].value
    listed = next(m.value for m in at.markdown if "**Line" in m.value)
    for text in ("party: students", "no_such_step", "source: nowhere"):
        assert f"**Line {line_of(raw, text)}**" in listed
    at = back_to_compare(at)
    assert not at.exception and matrix(at)


def test_a_valid_upload_appears_on_compare_and_in_the_sidebar():
    at = upload_app()
    at.get("file_uploader")[0].set_value(("class-plan.yaml", plan(), "application/x-yaml"))
    at.run()
    assert not at.exception
    assert at.success and "added to the comparison" in at.success[0].value
    assert "class-plan" in at.session_state["sel_proposals"]  # chosen in the sidebar (shown on the pages that use it)
    at = back_to_compare(at)
    assert "class-plan" in at.multiselect(key="sel_proposals").value
    assert f"{SHORT_MARK}class-plan" in at.multiselect(key="sel_proposals").options
    assert not at.exception
    assert f"{SHORT_MARK}class-plan" in matrix(at)


def test_a_plan_downloaded_from_the_builder_uploads_cleanly(catalogue):
    plan_module = pytest.importorskip("model.lessons.plan")
    plan, _ = plan_module.decode("territory-freeze_at_contact_line.alliances-renounced.cap-800000.donetsk-frozen_at_contact_line",
                                 "territory~Freeze first", catalogue.taxonomy)
    raw = plan_module.to_yaml(plan_module.plan_to_proposal(plan, catalogue.taxonomy, author="A student")).encode()
    result = receive("plan (1).yaml", len(raw), lambda: raw, catalogue, [])
    assert result.proposal is not None, [str(p) for p in result.problems]
    assert with_extra(catalogue, [result.proposal]).get(result.proposal.id) is not None


def test_every_page_works_with_an_upload_chosen():
    at = upload_app()
    at.get("file_uploader")[0].set_value(("class-plan.yaml", plan(), "application/x-yaml"))
    at.run()
    for url_path in ("charts", "points", "versions", "timeline", "sources", "quiz", "methodology"):
        at = open_page(at, url_path)
        assert not at.exception, url_path
    assert "class-plan" in at.session_state["sel_proposals"]
