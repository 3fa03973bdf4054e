"""Hostile text in a proposal renders as text (issue 8, item 2): a server pointed at
tests/fixtures/hostile/ (PEACE_PROPOSALS_DIR), whose proposals hold
`<img src=x onerror=alert(1)>`, `[x](javascript:alert(1))` and `<script>` in every
text field, is opened on Compare (with an area's detail and a cell's dialog),
Points, Timeline (with a hover), Sources, Versions and Charts. On each page: no
<img src=x> element, no javascript: link, no dialog fired, and the literal text
is visible."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SERVER_LOG
from servers import app_server
from test_pages import open_page

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "hostile"
XSS = "<img src=x onerror=alert(1)>"
LINK = "[x](javascript:alert(1))"
SCRIPT = "<script>alert(2)</script>"
BOTH = "proposals=hostile-one,hostile-two"


@pytest.fixture(scope="module")
def hostile_server():
    """A Streamlit server whose proposals folder is the hostile fixture."""
    with app_server(SERVER_LOG.with_name("streamlit-hostile-server.log"), {"PEACE_PROPOSALS_DIR": str(FIXTURE)}) as url:
        yield url


@pytest.fixture
def watched(page):
    """A page that records every JavaScript dialog (alert/confirm/prompt) it is shown."""
    fired: list[str] = []

    def on_dialog(dialog):
        fired.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.fired = fired
    return page


def assert_inert(page) -> str:
    """No injected element or link in any frame, no dialog; returns the page's visible text."""
    page.wait_for_timeout(700)  # give any injected onerror handler time to fire
    for frame in page.frames:
        assert frame.locator('img[src="x"]').count() == 0, f"an <img src=x> was created in {frame.url}"
        assert frame.locator('a[href^="javascript:" i]').count() == 0, f"a javascript: link was created in {frame.url}"
        assert frame.locator("script:text('alert(2)')").count() == 0, "the <script> from the data became an element"
    assert page.fired == [], f"dialogs fired: {page.fired}"
    return page.locator('[data-testid="stMain"]').inner_text()


def assert_literal(page, *expected: str) -> None:
    """Every markdown-rendered element (caption, table cell, dialog included) that starts showing one of
    `expected` shows all of it, as written; and at least one element shows each."""
    texts = [" ".join(t.split()) for t in page.locator(
        '[data-testid="stMarkdownContainer"], [data-testid="stCaptionContainer"], [data-testid="stTable"] td, [data-testid="stTable"] th').all_inner_texts()]
    for want in expected:
        head = want.split(" ")[0] + " " + want.split(" ")[1]
        showing = [t for t in texts if head in t]
        assert showing, f"nothing shows {head!r}"
        assert all(want in t for t in showing), f"{want!r} is not shown as written in: {[t for t in showing if want not in t][:3]}"


def test_compare_matrix_detail_and_cell_dialog(hostile_server, watched):
    open_page(watched, f"{hostile_server}/?{BOTH}&detail=territory&cell=territory:hostile-one")
    text = assert_inert(watched)
    assert XSS in text and LINK in text, "the short names show literally in the matrix"
    assert_literal(watched, f"Territory summary {XSS} {LINK} {SCRIPT} **not bold**", f"Quote {XSS} {LINK}",
                   f"Claim {XSS}", f"Disputer {LINK}", f"Title {XSS} {LINK}", f"Publisher {LINK}", f"Note {XSS}")
    dialog = watched.locator('[data-testid="stDialog"]')
    if dialog.count():
        assert f"Territory summary {XSS} {LINK} {SCRIPT} **not bold**" in " ".join(dialog.inner_text().split())


def test_points(hostile_server, watched):
    open_page(watched, f"{hostile_server}/points?{BOTH}&points_of=hostile-one")
    assert_inert(watched)
    assert_literal(watched, f"Point text {XSS} {LINK}", f"Quote {XSS} {LINK}", f"para {LINK}")


def test_timeline_labels_hover_and_card(hostile_server, watched):
    open_page(watched, f"{hostile_server}/timeline?{BOTH}", charts=1)
    assert_inert(watched)
    assert_literal(watched, f"Plan summary {XSS} {LINK} {SCRIPT}", f"Title {XSS} {LINK}", f"Plan claim {LINK}", f"Author {XSS}")
    ticks = ["".join(t.split()) for t in watched.locator('.st-key-fig_timeline .ytick text').all_text_contents()]
    assert "".join(XSS.split()) in ticks and LINK in ticks, ticks  # long labels may be wrapped at spaces
    marker = watched.locator(".st-key-fig_timeline .scatterlayer .point").first
    marker.hover(force=True)
    watched.wait_for_timeout(500)
    hover = " ".join(watched.locator(".st-key-fig_timeline .hoverlayer").all_text_contents())
    assert "".join(f"Author {XSS}".split()) in "".join(hover.split()), hover
    assert_inert(watched)


def test_sources(hostile_server, watched):
    open_page(watched, f"{hostile_server}/sources?{BOTH}")
    assert_inert(watched)


@pytest.mark.parametrize("path, extra, charts", [
    ("versions", "", 0), ("methodology", "", 0),
    *[("charts", f"&chart={tab}", 1) for tab in ("Troop+caps", "Territory", "Security+guarantees", "Ceasefire+lines")],
])
def test_other_pages(hostile_server, watched, path, extra, charts):
    open_page(watched, f"{hostile_server}/{path}?{BOTH}&from=hostile-one&to=hostile-two{extra}", charts=charts)
    assert_inert(watched)
