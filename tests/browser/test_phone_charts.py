"""Charts that fit (issue 11, items 3 and 8): at 390x844 no chart's text runs past the viewport or its
own chart box, numbers are written in full, Minsk II appears once on the ceasefire chart, and the
Sources table's reliability column is on screen at 1280x720 without scrolling sideways. A full-page
screenshot of every chart tab at 390x844 lands in tests/artifacts/screenshots/ (every page at three sizes:
test_reading.py)."""
from __future__ import annotations

import re

import pytest

from conftest import ARTIFACTS
from test_pages import wait_rendered

SCREENSHOTS = ARTIFACTS / "screenshots"
PHONE = {"width": 390, "height": 844}
MANY = "proposals=minsk-ii,istanbul-2022-draft,us-28-point-draft,e3-counterproposal,russia-position,ukraine-position,defp-armed-neutrality"

# Every drawn text of every chart (plotly's hover layer and the mode bar excluded), with its box and the chart's.
TEXT_BOXES = """() => [...document.querySelectorAll('.pp-plot')].map(chart => {
  const box = chart.getBoundingClientRect();
  const texts = [...chart.querySelectorAll('svg text')]
    .filter(t => !t.closest('.hoverlayer') && !t.closest('.modebar') && t.textContent.trim())
    .filter(t => getComputedStyle(t).visibility !== 'hidden' && getComputedStyle(t).display !== 'none' && t.getAttribute('opacity') !== '0')
    .map(t => { const r = t.getBoundingClientRect(); return {text: t.textContent, left: r.left, right: r.right, width: r.width}; })
    .filter(t => t.width > 0);
  return {key: chart.closest('[class*="st-key-fig_"]')?.className.match(/st-key-(fig_\\w+)/)?.[1] || '?', left: box.left, right: box.right, texts};
})"""


def open_at(new_page, server: str, path: str, viewport: dict, charts: int):
    """A fresh page at `viewport` on `path`, rendered with at least `charts` charts drawn (test_pages.wait_rendered)."""
    page = new_page(viewport, 60_000)
    page.goto(server + path, wait_until="domcontentloaded")
    wait_rendered(page, charts, timeout=90.0)
    page.wait_for_timeout(400)  # plotly's responsive relayout after the first draw
    return page


def screenshot(page, name: str, viewport: dict) -> None:
    """Full-page screenshot: Streamlit scrolls inside stMain, so grow the viewport to the content first."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = page.evaluate("() => Math.max(document.documentElement.scrollHeight,"
                           " ...[...document.querySelectorAll('[data-testid=stMain]')].map(e => e.scrollHeight))")
    page.set_viewport_size({"width": viewport["width"], "height": min(max(height, viewport["height"]), 30000)})
    page.wait_for_timeout(800)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    page.set_viewport_size(viewport)


# Every tab of the chart pages (the tab is in the link), with numbers that must be written in full on it.
TABS = {
    "charts-caps": (f"/charts?chart=Troop+caps&{MANY}", ["600,000", "800,000"]),
    "charts-territory": (f"/charts?chart=Territory&{MANY}", []),
    "charts-guarantees": (f"/charts?chart=Security+guarantees&{MANY}", []),
    "charts-ceasefire": (f"/charts?chart=Ceasefire+lines&{MANY}", []),
    "timeline-all": ("/timeline", []),
    "timeline-caps": ("/timeline?timeline=Army+caps+over+time", ["600,000", "85,000"]),
}


@pytest.mark.parametrize("name", list(TABS))
def test_phone_chart_text_stays_inside_chart_and_viewport(server, new_page, name):
    path, numbers = TABS[name]
    page = open_at(new_page, server, path, PHONE, 1)
    charts_found = page.evaluate(TEXT_BOXES)
    assert len(charts_found) == 1, "one chart per tab"
    problems = []
    for chart in charts_found:
        assert chart["right"] <= PHONE["width"] + 0.5, f"{chart['key']} is wider than the phone"
        for t in chart["texts"]:
            if t["left"] < chart["left"] - 1 or t["right"] > chart["right"] + 1 or t["right"] > PHONE["width"]:
                problems.append(f"{chart['key']}: {t['text']!r} spans {t['left']:.0f}-{t['right']:.0f} px, "
                                f"chart {chart['left']:.0f}-{chart['right']:.0f} px")
    assert not problems, "text runs out of its chart at 390 px:\n" + "\n".join(problems[:30])
    every = [t["text"] for chart in charts_found for t in chart["texts"]]
    si = [t for t in every if re.search(r"\d(\.\d+)?[kKM]\b", t)]
    assert not si, f"numbers shortened to SI units: {si}"
    for number in numbers:
        assert any(number in t for t in every), f"{number} written in full"
    screenshot(page, f"phone-{name}", PHONE)


def test_minsk_ii_once_on_the_ceasefire_chart(server, new_page):
    page = open_at(new_page, server, "/charts?chart=Ceasefire+lines&proposals=minsk-ii,defp-armed-neutrality",
                   {"width": 1280, "height": 720}, 1)
    labels = page.locator(".st-key-fig_ceasefire_scale g.ytick text").all_text_contents()
    assert labels, "the ceasefire chart has row labels"
    assert sum("Minsk II" in t for t in labels) == 1, labels


def test_sources_reliability_column_on_screen_at_1280(server, new_page):
    page = open_at(new_page, server, "/sources", {"width": 1280, "height": 720}, 0)
    scroll = page.evaluate("() => { const m = document.querySelector('[data-testid=stMain]');"
                           " return [m.scrollWidth, m.clientWidth, document.documentElement.scrollWidth, window.innerWidth]; }")
    assert scroll[0] <= scroll[1] + 1 and scroll[2] <= scroll[3] + 1, f"the page scrolls sideways: {scroll}"
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    # the grid draws on a canvas; its accessible table names each visible column header
    headers = grid.locator('th, [role="columnheader"]')
    found = {h.text_content().strip(): h for h in headers.all() if h.text_content().strip()}
    assert "Reliability" in found, f"headers in the grid's table: {list(found)}"
    index = list(found).index("Reliability")
    # column widths from the grid's own layout: the header cell's left edge (a11y table mirrors the canvas)
    header_box = found["Reliability"].bounding_box()
    if header_box and header_box["width"] > 0:
        assert header_box["x"] + header_box["width"] <= min(1280, box["x"] + box["width"]) + 1
    assert index <= 2, f"Reliability is column {index + 1}: it should sit next to the title"
