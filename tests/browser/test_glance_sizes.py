"""The whole comparison at a glance (issue 16): Compare's default matrix fits one screen at laptop size, needs no
sideways scroll on a projector with the sidebar open, takes 8 proposals at 1920×1080, and stays within five
screens on a phone; "Show summaries" (summaries=1 in the link) brings back the paragraphs. Measured as the
matrix's own box in the rendered page; screenshots at the four sizes land in tests/artifacts/screenshots/glance/."""
from __future__ import annotations

from test_pages import ARTIFACTS, MATRIX, matrix_areas, open_page, query

CORE4 = "us-28-point-draft,defp-armed-neutrality,ukraine-position,russia-position"
EIGHT = CORE4 + ",e3-counterproposal,geneva-framework,20-point-framework,istanbul-2022-draft"
SHOTS = ARTIFACTS / "screenshots" / "glance"
# The matrix's box, the page title's top (with the page scrolled to the top), and the wrapper's sideways overflow.
MEASURE = """() => {
  const main = document.querySelector('[data-testid="stMain"]'); if (main) main.scrollTop = 0; window.scrollTo(0, 0);
  const table = document.querySelector('table.pm'); const wrap = table.closest('.gx-wrap, .pm-wrap');
  const r = table.getBoundingClientRect(), title = document.querySelector('h1').getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, height: r.height, titleTop: title.top,
          overflowX: wrap.scrollWidth - wrap.clientWidth, overflowY: wrap.scrollHeight - wrap.clientHeight,
          docWidth: document.documentElement.scrollWidth, viewWidth: window.innerWidth};
}"""


def _open(new_page, server: str, size: tuple[int, int], query_string: str) -> tuple[object, dict]:
    page = new_page(viewport={"width": size[0], "height": size[1]})
    open_page(page, f"{server}/?{query_string}")
    return page, page.evaluate(MEASURE)


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_laptop_shows_all_eleven_areas_of_four_proposals_in_one_screen_below_the_title(server, new_page):
    page, box = _open(new_page, server, (1440, 900), f"proposals={CORE4}")
    assert len(matrix_areas(page)) == 11
    assert box["overflowY"] <= 1 and box["overflowX"] <= 1, f"no scroll inside the matrix: {box}"
    assert box["bottom"] - box["titleTop"] <= 900, f"title to the matrix's last row must fit one 900 px screen: {box}"
    assert "Show summaries" in page.inner_text('[data-testid="stMain"]')
    _shot(page, "laptop-1440x900")


def test_projector_with_the_sidebar_open_needs_no_sideways_scroll_and_at_most_two_screens(server, new_page):
    page, box = _open(new_page, server, (1280, 720), f"proposals={CORE4}")
    sidebar = page.locator('[data-testid="stSidebar"]').bounding_box()
    assert sidebar and sidebar["width"] > 200 and sidebar["x"] >= 0, f"the sidebar is open: {sidebar}"
    assert box["overflowX"] <= 1 and box["docWidth"] <= box["viewWidth"], f"no sideways scroll: {box}"
    assert box["bottom"] <= 2 * 720, f"the page down to the matrix's last row fits two screens: {box}"
    _shot(page, "projector-1280x720")


def test_eight_proposals_fit_a_1920_screen(server, new_page):
    page, box = _open(new_page, server, (1920, 1080), f"proposals={EIGHT}")
    assert len(page.locator(f"{MATRIX} thead th:not(.area)").all()) == 8
    assert box["overflowX"] <= 1 and box["overflowY"] <= 1, f"no scroll inside the matrix: {box}"
    assert box["bottom"] - box["titleTop"] <= 1080, f"title to the last row fits one 1080 px screen: {box}"
    _shot(page, "wide-1920x1080-eight")


def test_phone_shows_one_block_per_area_within_five_screens(server, new_page):
    page, box = _open(new_page, server, (390, 844), f"proposals={CORE4}")
    assert box["overflowX"] <= 1 and box["docWidth"] <= 390, f"nothing wider than the phone: {box}"
    assert box["bottom"] <= 5 * 844, f"the whole comparison within five screens: {box}"
    chip = page.locator(f'{MATRIX} td[data-cell="military_limits:us-28-point-draft"]')
    assert chip.locator(".who").is_visible(), "each chip names its proposal on a phone"
    assert "Cap 600,000" in chip.inner_text()
    _shot(page, "phone-390x844")


def test_summaries_switch_brings_back_the_paragraphs_and_lives_in_the_link(server, new_page):
    page, _ = _open(new_page, server, (1440, 900), f"proposals={CORE4}")
    cell = page.locator(f'{MATRIX} td[data-cell="territory:us-28-point-draft"]')
    glance_words = len(cell.inner_text().split())
    assert glance_words <= 14, f"a glance cell holds a few words, not a paragraph: {cell.inner_text()!r}"
    page.locator('[data-testid="stCheckbox"]', has_text="Show summaries").locator("label").click()
    page.wait_for_selector("table.pm:not(.gx)")
    page.wait_for_function("() => location.search.includes('summaries=1')")
    assert query(page.url).get("summaries") == "1"
    long = page.locator('table.pm td[data-cell="territory:us-28-point-draft"]').inner_text()
    assert len(long.split()) > 2 * glance_words
    # The same link reopens the summaries view in a new session.
    shared, _ = _open(new_page, server, (1440, 900), f"proposals={CORE4}&summaries=1")
    assert shared.locator("table.pm:not(.gx)").count() == 1
