"""The app in a real browser: every page renders without an exception box, the
matrix and the territory maps follow the selection, links restore the view and
the address bar follows the widgets, unknown ids are noted, and the tidy CSV
downloads. Screenshots land in tests/artifacts/screenshots/."""
from __future__ import annotations

import csv
import io
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
DOWNLOADS = ARTIFACTS / "downloads"
VIEWPORT = {"width": 1600, "height": 1000}  # same as the browser fixture's
PROPOSALS = ROOT / "proposals"
TAXONOMY = yaml.safe_load((PROPOSALS / "_taxonomy.yaml").read_text(encoding="utf-8"))
AREA_KEYS = [a["key"] for a in TAXONOMY["areas"]]
AREA_TITLES = {a["key"]: a["title"] for a in TAXONOMY["areas"]}
CORE = ["us-28-point-draft", "defp-armed-neutrality", "ukraine-position", "russia-position"]
PAGES = ["compare", "charts", "points", "versions", "timeline", "sources", "methodology"]
# Pages whose charts must have drawn before the page counts as rendered (minimum number of charts: one tab open).
CHARTS = {"charts": 1, "timeline": 1}
# A chart of chart_block (key fig_<name>), drawn by components/views/plot_view.py into a div.pp-plot.
CHART_BOX = '[data-testid="stElementContainer"][class*="st-key-fig_"]'
CHART_DRAWN = f"{CHART_BOX} .pp-plot:has(.main-svg)"
TIDY_HEADER = ["proposal", "area", "field", "value", "sources"]

APP = '[data-testid="stApp"]'
SKELETON = '[data-testid="stSkeleton"]'
EXCEPTION = '[data-testid="stException"]'
MATRIX = "table.pm"
TERRITORY = ".st-key-fig_territory .js-plotly-plot"
# One small map per proposal: a geo subplot (g.geo) if drawn on plotly geo axes, or, as now, a cartesian
# subplot holding the region polygons (empty grid cells have no traces and are not counted).
TERRITORY_MAPS = f"{TERRITORY} :is(g.geolayer > g.geo, g.cartesianlayer > g.subplot:has(g.trace))"
REGION_SHAPES = "path.js-fill, path.choroplethlocation"  # filled region polygons in either drawing
ONLY_DIFF_LABEL = "Only areas where they differ"


def short_name(pid: str) -> str:
    return yaml.safe_load((PROPOSALS / f"{pid}.yaml").read_text(encoding="utf-8"))["short_name"]


def all_proposal_ids() -> list[str]:
    files = sorted([*PROPOSALS.glob("*.yaml"), *PROPOSALS.glob("*.yml")])
    return [f.stem for f in files if not f.name.startswith("_")]


# ---------------------------------------------------------------- helpers


def wait_rendered(page, charts: int = 0, timeout: float = 45.0) -> None:
    """Wait until the script run finished and the page settled, then fail on any exception box.

    Settled means: the app says `data-test-script-state="notRunning"`, the main area has
    content, no skeleton placeholder is left, and every plotly chart on the page (and at
    least `charts` of them) has drawn, all holding for two consecutive polls (the state
    may flip to "running" again on reruns)."""
    deadline = time.monotonic() + timeout
    stable = 0
    state = skeletons = drawn = placed = None
    while time.monotonic() < deadline:
        state = page.get_attribute(APP, "data-test-script-state") if page.locator(APP).count() else None
        skeletons = page.locator(SKELETON).count()
        content = page.locator('[data-testid="stMain"] [data-testid="stElementContainer"]').count()
        placed = page.locator(CHART_BOX).count()
        drawn = page.locator(CHART_DRAWN).count()
        ready = state == "notRunning" and not skeletons and content > 0 and drawn >= max(charts, placed)
        stable = stable + 1 if ready else 0
        if stable >= 2:
            break
        time.sleep(0.3)
    else:
        pytest.fail(f"{page.url} did not finish rendering within {timeout:.0f} s "
                    f"(script state {state!r}, {skeletons} skeleton(s), {drawn} of {max(charts, placed or 0)} chart(s) drawn)")
    exceptions = page.locator(EXCEPTION)
    if exceptions.count():
        texts = "\n---\n".join(exceptions.all_inner_texts())
        pytest.fail(f"{page.url} shows {exceptions.count()} exception box(es):\n{texts}")


def open_page(page, url: str, charts: int = 0) -> None:
    """Navigate to `url` and wait until the app finished rendering without an exception."""
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector(APP, state="attached")
    wait_rendered(page, charts)


def first_lines(locator) -> list[str]:
    """The first line of each element's visible text (header names without badges and dates)."""
    return [text.strip().split("\n")[0].strip() for text in locator.all_inner_texts()]


def matrix_header(page) -> list[str]:
    page.wait_for_selector(MATRIX)
    return first_lines(page.locator(f"{MATRIX} thead th:not(.area)"))


def matrix_areas(page) -> list[str]:
    page.wait_for_selector(MATRIX)
    return first_lines(page.locator(f"{MATRIX} tbody th.area"))


def query(url: str) -> dict[str, str]:
    return {k: ",".join(v) for k, v in parse_qs(urlsplit(url).query).items()}


def screenshot(page, name: str) -> None:
    """Full-page screenshot. Streamlit scrolls inside stMain, so grow the viewport to the content first."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = page.evaluate(
        "() => Math.max(document.documentElement.scrollHeight,"
        " ...[...document.querySelectorAll('[data-testid=stMain], [data-testid=stSidebarContent]')].map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": VIEWPORT["width"], "height": min(max(height, VIEWPORT["height"]), 40000)})
    page.wait_for_timeout(500)  # let plotly and the layout settle at the new size
    try:
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    finally:
        page.set_viewport_size(VIEWPORT)


# ---------------------------------------------------------------- tests


@pytest.mark.parametrize("path", ["/", "/compare"])
def test_compare_matrix_shows_default_proposals_and_all_areas(server, page, path):
    open_page(page, server + path)
    header = matrix_header(page)
    expected = [short_name(pid) for pid in CORE]
    assert sorted(header) == sorted(expected), f"matrix header {header}, expected the four defaults {expected}"
    assert matrix_areas(page) == [AREA_TITLES[k] for k in AREA_KEYS]


@pytest.mark.parametrize("proposals", [None, ["us-28-point-draft", "russia-position"]])
def test_territory_figure_has_one_map_per_chosen_proposal(server, page, proposals):
    url = f"{server}/charts?chart=Territory" + (f"&proposals={','.join(proposals)}" if proposals else "")
    open_page(page, url, charts=CHARTS["charts"])
    chosen = proposals or CORE
    assert page.locator(TERRITORY).count() == 1, "territory chart (key fig_territory) not found"
    page.wait_for_selector(TERRITORY_MAPS, state="attached")
    maps = page.locator(TERRITORY_MAPS)
    assert maps.count() == len(chosen), f"{maps.count()} map subplots for {len(chosen)} chosen proposals"
    titles = page.locator(f"{TERRITORY} g.infolayer g.annotation text").all_text_contents()
    assert sorted(titles) == sorted(short_name(pid) for pid in chosen), f"map titles {titles}"
    empty = [i for i in range(maps.count()) if not maps.nth(i).locator(REGION_SHAPES).count()]
    assert not empty, f"map subplot(s) {empty} drew no region shapes"


def test_chart_tabs_follow_the_link_and_the_data_table_opens(server, page, new_page):
    open_page(page, f"{server}/charts", charts=1)
    assert page.locator(".st-key-fig_caps .pp-plot .main-svg").count() >= 1, "the first tab is the troop caps"
    assert page.locator(CHART_BOX).count() == 1, "only the open tab's chart is on the page"
    page.get_by_role("tab", name="Territory").click()
    page.wait_for_url(lambda url: query(url).get("chart") == "Territory", timeout=20_000)
    page.wait_for_selector(f"{TERRITORY} .main-svg", timeout=30_000)
    wait_rendered(page, charts=1)
    assert page.locator(".st-key-fig_caps").count() == 0
    shared = new_page()
    open_page(shared, page.url, charts=1)
    assert shared.get_by_role("tab", name="Territory").get_attribute("aria-selected") == "true"
    assert shared.locator(f"{TERRITORY} .main-svg").count() >= 1, "a shared link opens the same tab"
    box = page.locator(".st-key-tablebox_territory")
    assert box.locator('[data-testid="stDataFrame"]').count() == 0, "a closed data table is not built"
    box.locator("summary").click()
    box.locator('[data-testid="stDataFrame"]').wait_for(timeout=20_000)


def test_shared_url_restores_view_and_follows_widgets(server, page, new_page):
    chosen, areas = ["us-28-point-draft", "ukraine-position"], ["territory", "military_limits"]
    open_page(page, f"{server}/compare?proposals={','.join(chosen)}&areas={','.join(areas)}&only_diff=1")
    names = sorted(short_name(pid) for pid in chosen)
    assert sorted(matrix_header(page)) == names
    shown = matrix_areas(page)
    assert shown and set(shown) <= {AREA_TITLES[k] for k in areas}, shown
    switch = page.get_by_role("switch", name=ONLY_DIFF_LABEL)
    assert switch.is_checked()
    assert query(page.url).get("only_diff") == "1"

    page.locator('[data-testid="stCheckbox"]', has_text=ONLY_DIFF_LABEL).locator("label").click()
    page.wait_for_url(lambda url: "only_diff" not in query(url), timeout=20_000)
    wait_rendered(page)
    assert not switch.is_checked()
    params = query(page.url)
    assert params.get("proposals", "").split(",") == chosen
    assert params.get("areas", "").split(",") == areas
    header, rows = matrix_header(page), matrix_areas(page)
    assert sorted(header) == names
    assert rows == [AREA_TITLES[k] for k in areas]

    shared = new_page()
    open_page(shared, page.url)
    assert matrix_header(shared) == header
    assert matrix_areas(shared) == rows
    assert not shared.get_by_role("switch", name=ONLY_DIFF_LABEL).is_checked()


def test_unknown_id_in_link_is_noted(server, page):
    open_page(page, f"{server}/compare?proposals=us-28-point-draft,no-such-plan")
    note = page.locator('[data-testid="stAlertContentInfo"]', has_text="no-such-plan")
    assert note.count() == 1, page.locator('[data-testid="stAlert"]').all_inner_texts()
    assert note.is_visible()
    assert matrix_header(page) == [short_name("us-28-point-draft")]


@pytest.mark.parametrize("name", PAGES)
def test_every_page_renders(server, page, name):
    open_page(page, f"{server}/{name}", charts=CHARTS.get(name, 0))
    assert page.locator('[data-testid="stMain"] h1').count() >= 1, f"/{name} has no title"
    screenshot(page, name)


def test_compare_with_every_proposal(server, page):
    ids = all_proposal_ids()
    open_page(page, f"{server}/compare?proposals={','.join(ids)}")
    assert sorted(matrix_header(page)) == sorted(short_name(pid) for pid in ids)
    assert not page.locator('[data-testid="stAlertContentInfo"]', has_text="Ignored unknown").count()
    screenshot(page, "compare-all-proposals")


def test_tidy_table_download(server, page):
    open_page(page, f"{server}/compare")
    button = page.locator('[data-testid="stDownloadButton"] button', has_text="Download the tidy table")
    try:
        with page.expect_download() as info:
            button.click()
        download = info.value
    except Exception:  # name what the button said (Streamlit shows a deferred download's error under it)
        errors = page.locator('[data-testid="stDownloadButtonError"]').all_inner_texts()
        pytest.fail(f"clicking the tidy-table button downloaded nothing; the button says: {errors or 'nothing'}")
    DOWNLOADS.mkdir(parents=True, exist_ok=True)
    target = DOWNLOADS / download.suggested_filename
    download.save_as(target)
    text = target.read_text(encoding="utf-8-sig")
    assert text.startswith(",".join(TIDY_HEADER)), text[:200]
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {r["proposal"] for r in rows} == set(CORE)


def test_versions_page_shows_changes_and_follows_presets(server, page):
    open_page(page, f"{server}/versions?from=us-28-point-draft&to=e3-counterproposal")
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert "areas differ" in text
    assert "≠ changed" in text
    grid = page.locator('[data-testid="stDataFrame"]').first
    assert grid.count() == 1
    page.get_by_role("button", name=f"{short_name('e3-counterproposal')} → {short_name('geneva-framework')}").click()
    wait_rendered(page)
    page.wait_for_function("() => window.location.search.includes('geneva-framework')", timeout=15000)
    assert query(page.url) == {"from": "e3-counterproposal", "to": "geneva-framework"}
    screenshot(page, "versions-e3-geneva")


def test_timeline_marks_every_proposal_and_opens_one(server, page):
    open_page(page, f"{server}/timeline", charts=CHARTS["timeline"])
    markers = page.locator(".st-key-fig_timeline .scatterlayer path.point")
    assert markers.count() == len(all_proposal_ids())
    # traces are grouped by party, so find the Minsk II marker by the row it sits on
    rows = page.locator(".st-key-fig_timeline g.ytick text")
    row_y = {t.text_content(): t.bounding_box()["y"] for t in rows.all()}[short_name("minsk-ii")]
    minsk = min(markers.all(), key=lambda m: abs(m.bounding_box()["y"] - row_y))
    box = minsk.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # plotly's drag layer takes the click
    title = yaml.safe_load((PROPOSALS / "minsk-ii.yaml").read_text(encoding="utf-8"))["title"]
    page.wait_for_function(f"() => document.body.innerText.includes({title!r})", timeout=15000)
    wait_rendered(page, charts=CHARTS["timeline"])
    screenshot(page, "timeline-minsk-open")
