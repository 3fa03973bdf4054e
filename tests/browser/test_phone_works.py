"""A phone that works (issue 20, item 2), at 390×844 with a touch screen: picking a page closes the sidebar; no
chart toolbar (plotly's mode bar) is drawn over a chart's title; no table or diff is wider than the screen or hides
columns off its right-hand edge (phones get one card per row); the territory maps are at least 300 px wide, one
per row; and nothing depends on hover: tapping a chart shows what hovering shows, and no page asks to hover
without offering a tap or a visible equivalent. Screenshots: tests/artifacts/screenshots/phone-works-*.png."""
from __future__ import annotations

import re

import pytest

from test_pages import CHART_DRAWN, open_page, wait_rendered
from test_phone_charts import screenshot

PHONE = {"width": 390, "height": 844}
CHART_TABS = ["Troop+caps", "Territory", "Security+guarantees", "Ceasefire+lines"]
FOUR = "proposals=us-28-point-draft,e3-counterproposal,ukraine-position,russia-position"
# Every table-like thing a student can read: grids, HTML tables, the phone cards, the matrix.
WIDE_THINGS = """() => [...document.querySelectorAll('[data-testid="stMain"] :is([data-testid="stDataFrame"], [data-testid="stTable"], table, .pt-cards, .pm-wrap)')]
  .filter(e => e.offsetParent !== null && e.getBoundingClientRect().width > 0)
  .map(e => { const r = e.getBoundingClientRect();
              const scroller = e.querySelector('.dvn-scroller') || e;
              return {what: e.dataset.testid || e.className || e.tagName, right: r.right, left: r.left,
                      hidden: scroller.scrollWidth - scroller.clientWidth,
                      key: (e.closest('[class*="st-key-"]')?.className.match(/st-key-([\\w-]+)/) || [])[1] || ''}; })"""


def phone(new_page):
    return new_page(PHONE, 60_000, has_touch=True, is_mobile=True)


def shot(page, name: str) -> None:
    screenshot(page, f"phone-works-{name}", PHONE)  # the whole page (Streamlit scrolls inside its main area)


def open_all_expanders(page) -> None:
    """Open every closed expander of the main area (some build their table only when opened)."""
    closed = page.locator('[data-testid="stMain"] details:not([open]) > summary')
    for _ in range(12):  # opening one may rerun the page, so look again each time
        if not closed.count():
            break
        closed.first.click()
        wait_rendered(page, timeout=60)


def test_picking_a_page_closes_the_sidebar(server, new_page):
    page = phone(new_page)
    open_page(page, server + "/")
    sidebar = page.locator('[data-testid="stSidebar"]')
    page.locator('[data-testid="stExpandSidebarButton"]').click()
    page.wait_for_function("() => document.querySelector('[data-testid=stSidebar]').dataset.collapsed === 'false'")
    for name, path in (("Charts", "/charts"), ("Glossary", "/glossary")):
        if sidebar.get_attribute("data-collapsed") != "false":
            page.locator('[data-testid="stExpandSidebarButton"]').click()
            page.wait_for_function("() => document.querySelector('[data-testid=stSidebar]').dataset.collapsed === 'false'")
        page.locator('[data-testid="stSidebarNav"] a', has_text=name).click()
        page.wait_for_url(re.compile(rf"{re.escape(path)}(\?|$)"))
        page.wait_for_function("() => document.querySelector('[data-testid=stSidebar]').dataset.collapsed === 'true'",
                               timeout=5_000)
        wait_rendered(page)
        box = sidebar.bounding_box()
        assert box is None or box["x"] + box["width"] <= 1, f"the sidebar still covers the page after picking {name}"
    shot(page, "after-picking-a-page")


@pytest.mark.parametrize("tab", CHART_TABS)
def test_no_chart_toolbar_over_a_title(server, new_page, tab):
    page = phone(new_page)
    open_page(page, f"{server}/charts?chart={tab}&{FOUR}", charts=1)
    assert page.locator(f"{CHART_DRAWN} .modebar-btn").count() == 0, "plotly's mode bar is drawn on a phone"
    # nothing of plotly's toolbar (or any other button) lies over a chart's title
    covered = page.evaluate("""() => {
        const tools = [...document.querySelectorAll('.pp-plot :is(.modebar, .modebar-container, button)')]
          .map(e => e.getBoundingClientRect()).filter(r => r.width && r.height);
        return [...document.querySelectorAll('.pp-plot .gtitle')].map(t => [t.textContent, t.getBoundingClientRect()])
          .filter(([text, r]) => r.right > window.innerWidth + 1
                  || tools.some(b => b.left < r.right && b.right > r.left && b.top < r.bottom && b.bottom > r.top))
          .map(([text]) => text); }""")
    assert not covered, covered


def _wide(page) -> list[str]:
    found = page.evaluate(WIDE_THINGS)
    return [f"{t['what']} {t['key']}: {t['left']:.0f}–{t['right']:.0f} px, {t['hidden']} px hidden to the right"
            for t in found if t["right"] > PHONE["width"] + 1 or t["hidden"] > 1]


@pytest.mark.parametrize("path", [f"/charts?chart={t}&{FOUR}" for t in CHART_TABS]
                         + ["/timeline", "/timeline?timeline=Army+caps+over+time",
                            "/versions?from=us-28-point-draft&to=e3-counterproposal", f"/?{FOUR}"])
def test_no_table_or_diff_wider_than_the_screen(server, new_page, path):
    page = phone(new_page)
    open_page(page, server + path, charts=1 if path.startswith(("/charts", "/timeline")) else 0)
    open_all_expanders(page)
    page.wait_for_timeout(300)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1, "the page scrolls sideways"
    wide = _wide(page)
    assert not wide, f"{path}: tables wider than the screen or hiding columns:\n" + "\n".join(wide)
    if page.locator(".pt-cards").count():
        assert page.locator('[data-testid="stMain"] [data-testid="stDataFrame"]:visible').count() == 0, \
            "a phone shows the cards, not the grid that hides columns"
    shot(page, re.sub(r"\W+", "-", path.split("&")[0].split("?from")[0]).strip("-") or "compare")


def test_sources_tables_fit_the_screen(server, new_page):
    page = phone(new_page)
    open_page(page, f"{server}/sources")
    wide = _wide(page)
    assert not wide, "\n".join(wide)


def test_maps_are_300_px_wide_one_per_row(server, new_page):
    page = phone(new_page)
    open_page(page, f"{server}/charts?chart=Territory&{FOUR}", charts=1)
    page.wait_for_timeout(500)
    # each map's drawn box: the extent of its region shapes
    maps = page.evaluate("""() => [...document.querySelectorAll('.st-key-fig_territory g.cartesianlayer > g.subplot:has(g.trace)')].map(g => {
        const rs = [...g.querySelectorAll('path.js-fill')].map(p => p.getBoundingClientRect()).filter(r => r.width);
        const left = Math.min(...rs.map(r => r.left)), top = Math.min(...rs.map(r => r.top));
        return {left, top, width: Math.max(...rs.map(r => r.right)) - left, height: Math.max(...rs.map(r => r.bottom)) - top}; })""")
    assert len(maps) == 4, f"{len(maps)} maps for four proposals"
    assert all(m["width"] >= 300 for m in maps), f"map widths {[round(m['width']) for m in maps]} px"
    tops = sorted(m["top"] for m in maps)
    assert all(b - a >= min(m["height"] for m in maps) - 1 for a, b in zip(tops, tops[1:])), f"maps share a row: {maps}"
    assert all(m["left"] + m["width"] <= PHONE["width"] + 1 for m in maps)
    shot(page, "territory")


def test_tapping_a_chart_shows_what_hovering_shows(server, new_page):
    page = phone(new_page)
    open_page(page, f"{server}/charts?chart=Troop+caps&{FOUR}", charts=1)
    bar = page.locator(".st-key-fig_caps .pp-plot g.barlayer path").first
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()
    page.touchscreen.tap(box["x"] + min(20, box["width"] / 2), box["y"] + box["height"] / 2)
    label = page.locator(".st-key-fig_caps .pp-plot .hoverlayer .hovertext")
    label.first.wait_for(timeout=5_000)
    assert "Cap:" in label.first.text_content(), label.first.text_content()


HOVER_ONLY = re.compile(r"\bhover(?:ing)?\b", re.IGNORECASE)



@pytest.mark.parametrize("path", ["/", "/charts?chart=Troop+caps", "/charts?chart=Territory", "/timeline",
                                  "/build?plan=territory-freeze_at_contact_line.cap-800000",
                                  "/points", "/versions", "/sources", "/glossary", "/quiz"])
def test_no_page_asks_to_hover_without_a_tap(server, new_page, path):
    page = phone(new_page)
    open_page(page, server + path, charts=1 if path.startswith(("/charts", "/timeline")) else 0)
    texts = page.locator('[data-testid="stMain"]').inner_text().split("\n")
    texts += page.evaluate("() => [...document.querySelectorAll('.pp-plot svg text')].map(t => t.textContent)")
    bad = [t for t in texts if HOVER_ONLY.search(t) and not re.search(r"\btap", t, re.IGNORECASE)]
    assert not bad, f"{path} asks to hover (a phone cannot): {bad}"
