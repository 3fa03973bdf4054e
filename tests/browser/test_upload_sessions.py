"""Uploads and the quiz in a real browser: an uploaded proposal is visible in browser
session A (on Compare, reached without reloading) and never in session B (a second
browser context), and gone when A reloads (a new session); an oversized file is
refused; screenshots of the Quiz and upload pages at 1440×900 and 390×844 (a phone)
land in tests/artifacts/learn/."""
from __future__ import annotations

from pathlib import Path

import yaml

from helpers import proposal
from test_pages import APP, MATRIX, open_page, wait_rendered

ROOT = Path(__file__).resolve().parents[2]
LEARN = ROOT / "tests" / "artifacts" / "learn"
SIZES = {"desktop": {"width": 1440, "height": 900}, "phone": {"width": 390, "height": 844}}
PLAN_ID = "class-plan-browser"
MARKED = f"Yours: {PLAN_ID}"
FILE_INPUT = '[data-testid="stFileUploader"] input[type="file"]'


def plan_file(tmp_path: Path) -> Path:
    body = proposal(PLAN_ID, military_limits={"stance": "cap_below_current_size", "troop_cap": 650_000})
    path = tmp_path / f"{PLAN_ID}.yaml"
    path.write_text(yaml.safe_dump(body, sort_keys=False), encoding="utf-8")
    return path


def broken_file(tmp_path: Path) -> Path:
    body = proposal("broken-plan", military_limits={"stance": "no_such_step"})
    body["party"] = "students"
    body["positions"]["territory"] = {"evidence": "text", "summary": "x", "citations": [{"source": "nowhere"}]}
    path = tmp_path / "broken-plan.yaml"
    path.write_text(yaml.safe_dump(body, sort_keys=False), encoding="utf-8")
    return path


def go(page, title: str) -> None:
    """Switch page through the sidebar menu (same session, no reload)."""
    page.locator('[data-testid="stSidebarNav"] a', has_text=title).first.click()
    page.wait_for_timeout(300)
    wait_rendered(page)


def upload(page, path: Path) -> None:
    page.locator(FILE_INPUT).set_input_files(str(path))
    page.wait_for_timeout(500)
    wait_rendered(page)


def shoot(page, name: str) -> None:
    LEARN.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(400)
    page.screenshot(path=str(LEARN / f"{name}.png"))
    height = page.evaluate("() => Math.max(document.documentElement.scrollHeight,"
                           " ...[...document.querySelectorAll('[data-testid=stMain]')].map(e => e.scrollHeight))")
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": min(max(height, size["height"]), 12000)})
    page.wait_for_timeout(400)
    page.screenshot(path=str(LEARN / f"{name}-full.png"), full_page=True)
    page.set_viewport_size(size)


def test_an_upload_is_seen_in_its_own_session_only(server, new_page, tmp_path):
    a, b = new_page(), new_page()
    open_page(a, f"{server}/upload")
    open_page(b, f"{server}/")
    upload(a, plan_file(tmp_path))
    assert "added to the comparison" in a.locator('[data-testid="stAlert"]').first.inner_text()
    go(a, "Compare")
    a.wait_for_selector(MATRIX)
    assert MARKED in a.locator(MATRIX).inner_text()

    b.reload(wait_until="domcontentloaded")
    wait_rendered(b)
    b.wait_for_selector(MATRIX)
    assert PLAN_ID not in b.locator(MATRIX).inner_text()
    go(b, "Add a proposal")
    assert "Your uploads in this session (0)" in b.locator('[data-testid="stMain"]').inner_text()
    assert PLAN_ID not in b.locator('[data-testid="stMain"]').inner_text()

    a.reload(wait_until="domcontentloaded")  # a reload is a new session: the upload is gone
    a.wait_for_selector(APP, state="attached")
    wait_rendered(a)
    a.wait_for_selector(MATRIX)
    assert PLAN_ID not in a.locator(MATRIX).inner_text()


def test_an_oversized_file_is_refused(server, page, tmp_path):
    open_page(page, f"{server}/upload")
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# padding\n" * 120_000)  # 1.2 MB
    page.locator(FILE_INPUT).set_input_files(str(big))
    page.wait_for_timeout(800)
    wait_rendered(page)
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert "1.0MB" in text or "1 MB" in text
    assert "Your uploads in this session (0)" in text


def test_screenshots_of_quiz_and_upload_pages(server, new_page, tmp_path):
    for label, size in SIZES.items():
        page = new_page()
        page.set_viewport_size(size)
        open_page(page, f"{server}/quiz?seed=42&n=5")
        shoot(page, f"quiz-{label}-question")
        page.locator('[data-testid="stRadio"] [role="radiogroup"] label').first.click()
        page.get_by_role("button", name="Check my answer").click()
        page.wait_for_timeout(500)
        wait_rendered(page)
        assert page.get_by_text("The source that proves it").count()
        shoot(page, f"quiz-{label}-answered")
        page.get_by_text("Change the quiz").click()
        page.wait_for_timeout(300)
        shoot(page, f"quiz-{label}-settings")

        open_page(page, f"{server}/upload")
        upload(page, broken_file(tmp_path))
        assert page.get_by_text("was not added").count()
        shoot(page, f"upload-{label}-problems")
        upload(page, plan_file(tmp_path))
        shoot(page, f"upload-{label}-added")
