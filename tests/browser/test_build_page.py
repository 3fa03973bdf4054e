"""The Build a plan page in a real browser: choosing values updates the red lines and the nearest proposals,
the address bar holds the plan, a reload restores it, and the downloads work. Screenshots of the page at
1440×900 and on a phone (390×844) land in tests/artifacts/learn/."""
from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[2]
LEARN = ROOT / "tests" / "artifacts" / "learn"
APP = '[data-testid="stApp"]'
EXCEPTION = '[data-testid="stException"]'
LIVE = "text=Live:"
RADIOS = ("bp_area_", "bp_field_")  # radio groups: a scale step per area, a coded field (foreign troops)


def wait_settled(page, timeout: float = 90.0) -> None:
    """The script (and any fragment) finished, nothing is stale, and no exception box is shown."""
    deadline = time.monotonic() + timeout
    calm = 0
    while time.monotonic() < deadline:
        state = page.evaluate(
            """() => {
                const app = document.querySelector('[data-testid="stApp"]');
                const running = !app || app.getAttribute('data-test-script-state') !== 'notRunning';
                const stale = document.querySelectorAll('[data-stale="true"], [data-testid="stSkeleton"]').length;
                const status = document.querySelector('[data-testid="stStatusWidget"]');
                return {running, stale, busy: !!(status && status.innerText.match(/Running|Stop/))};
            }""")
        calm = calm + 1 if not state["running"] and not state["stale"] and not state["busy"] else 0
        if calm >= 3:
            break
        time.sleep(0.25)
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).first.inner_text()


def choose(page, key: str, label: str) -> None:
    """Pick `label` in the radio group or selectbox whose widget key is `key`."""
    if key.startswith(RADIOS):
        option = page.locator(f".st-key-{key} label[data-testid='stRadioOption']").filter(has_text=label).first
        option.scroll_into_view_if_needed()
        option.click()
        wait_settled(page)
        deadline = time.monotonic() + 15
        while label not in chosen(page, key) and time.monotonic() < deadline:
            time.sleep(0.2)
        return
    opener = page.locator(f".st-key-{key} button[aria-label='Open']")
    opener.scroll_into_view_if_needed()
    opener.click()
    page.locator("[role='option']").filter(has_text=label).first.click()
    wait_settled(page)
    deadline = time.monotonic() + 15
    while label not in page.locator(f".st-key-{key} input").input_value() and time.monotonic() < deadline:
        time.sleep(0.2)


def wait_for_plan(page, *parts: str, timeout: float = 15.0) -> str:
    """The `plan` parameter once it holds every part (the address bar follows the widgets)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        code = plan_param(page)
        if all(p in code for p in parts):
            return code
        time.sleep(0.2)
    raise AssertionError(f"plan= never held {parts}: {page.url}")


def chosen(page, key: str) -> str:
    """The label of the checked option of a radio group (or the selectbox's shown value)."""
    if key.startswith(RADIOS):
        checked = page.locator(f".st-key-{key} label[data-testid='stRadioOption']:has(input:checked)")
        return checked.first.inner_text() if checked.count() else ""
    return page.locator(f".st-key-{key} input").input_value()


def plan_param(page) -> str:
    return parse_qs(urlsplit(page.url).query).get("plan", [""])[0]


def nearest_names(page) -> list[str]:
    block = page.locator("[data-testid='stMarkdownContainer']").filter(has_text="distance").all_inner_texts()
    return [t.split(" (")[0] for t in block if "shared field" in t]


def screenshot_all(page, path: Path, width: int, height: int) -> None:
    """The whole page: Streamlit scrolls inside its main container, so the viewport grows to the content."""
    full = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": width, "height": min(int(full) + 40, 16000)})
    time.sleep(1.0)
    page.screenshot(path=str(path))
    page.set_viewport_size({"width": width, "height": height})
    time.sleep(0.5)


def open_build(page, server: str, query: str = "") -> None:
    page.goto(f"{server}/build{query}")
    page.wait_for_selector(APP)
    page.wait_for_selector(LIVE, timeout=90_000)
    wait_settled(page)


def test_choices_update_red_lines_nearest_and_the_url(server, new_page):
    page = new_page()
    page.set_viewport_size({"width": 1440, "height": 900})
    open_build(page, server)
    assert "crosses **0**" not in page.content()
    live = page.locator("p").filter(has_text="Live:").first.inner_text()
    assert "crosses 0 of Ukraine's and 0 of Russia's" in live
    assert nearest_names(page) == []  # nothing chosen: nothing to compare

    choose(page, "bp_area_territory", "Freeze at the line of contact")
    choose(page, "bp_area_alliances", "NATO membership sought")
    choose(page, "bp_area_security_guarantees", "NATO membership (Article 5)")
    first = nearest_names(page)
    assert first, "nearest proposals should appear once three fields are coded"
    wait_for_plan(page, "alliances-membership_sought")
    assert page.get_by_text("Ukraine's NATO membership kept open").count() >= 1  # Russia's red line, from the data

    choose(page, "bp_field_foreign_troops", "Allowed")
    wait_for_plan(page, "foreign_troops-allowed")
    assert page.get_by_text("Foreign troops in Ukraine").count() >= 1  # Russia's red line, now decided (crossed)

    choose(page, "bp_region_donetsk", "Russian de jure")
    choose(page, "bp_area_territory", "Legal recognition as Russian territory")
    choose(page, "bp_area_alliances", "Permanent neutrality, no foreign forces")
    choose(page, "bp_area_security_guarantees", "No external guarantee")
    live = page.locator("p").filter(has_text="Live:").first.inner_text()
    assert "of Russia's" in live and "crosses 2 of Ukraine's" in live, live
    assert page.get_by_text("Occupied regions recognised as Russian").count() >= 1
    assert page.get_by_text("Ukraine withdraws from the part of Donetsk it holds").count() >= 1
    second = nearest_names(page)
    assert second and second != first, (first, second)
    code = wait_for_plan(page, "donetsk-russian_de_jure", "territory-de_jure_recognition", "security_guarantees-no_external")

    page.reload()
    page.wait_for_selector(LIVE, timeout=90_000)
    wait_settled(page)
    assert plan_param(page) == code
    assert "Legal recognition as Russian territory" in chosen(page, "bp_area_territory")
    assert "Russian de jure" in chosen(page, "bp_region_donetsk")
    assert page.get_by_text("Occupied regions recognised as Russian").count() >= 1
    assert nearest_names(page) == second


def test_link_restores_a_plan_and_downloads_work(server, new_page, tmp_path):
    page = new_page()
    page.set_viewport_size({"width": 1440, "height": 900})
    plan = ("territory-freeze_at_contact_line.military_limits-cap_near_current_size.cap-800000.dmz-20"
            ".alliances-renounced.security_guarantees-article5_like.donetsk-frozen_at_contact_line"
            ".crimea-russian_de_facto.foreign_troops-banned.nowhere-x")
    open_build(page, server, f"?plan={plan}&why=territory~Freeze+the+line+first|humanitarian~All+for+all")
    assert page.get_by_text("Ignored parts of the plan").count() == 1
    assert "Freeze at the line of contact" in chosen(page, "bp_area_territory")
    assert chosen(page, "bp_field_foreign_troops") == "Banned"
    assert page.locator(".st-key-bp_why_territory input").input_value() == "Freeze the line first"
    assert page.locator(".st-key-bp_map .js-plotly-plot").count() == 1
    page.locator(".st-key-bp_author input").fill("Ann Example")
    page.locator(".st-key-bp_author input").press("Enter")
    wait_settled(page)

    with page.expect_download() as info:
        page.locator(".st-key-bp_dl_yaml button").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.name == "plan-ann-example.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["author"] == "Ann Example"
    assert data["positions"]["territory"]["summary"] == "Freeze the line first"
    assert data["positions"]["military_limits"]["troop_cap"] == 800000
    assert data["positions"]["alliances"]["foreign_troops"] == "banned"
    with page.expect_download() as info:
        page.locator(".st-key-bp_dl_html button").click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert "@page" in text and "Plan by Ann Example" in text and "Occupied regions recognised as Russian" in text

    LEARN.mkdir(parents=True, exist_ok=True)
    for width, height in ((1440, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        wait_settled(page)
        time.sleep(1.0)  # let the layout and the map reflow
        page.evaluate("() => { document.querySelector('[data-testid=\"stMain\"]').scrollTo(0, 0);"
                      " const f = document.querySelector('.st-key-bp_feedback'); if (f) f.scrollTo(0, 0); }")
        page.screenshot(path=str(LEARN / f"build-{width}x{height}-top.png"))
        screenshot_all(page, LEARN / f"build-{width}x{height}-full.png", width, height)
    # nothing wider than the phone's screen (no sideways scrolling)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"page is {overflow}px wider than the phone screen"
    assert page.locator(EXCEPTION).count() == 0
