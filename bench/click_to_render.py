"""Benchmark: click to render. In headless Chromium, change the proposal selection in the sidebar
(remove the last chosen proposal, then add it back, alternately) and time until the matrix has
been redrawn with the new number of columns and the script run has finished. The same change is
made on the trivial two-page baseline app (its chart redrawn) in the same run, interleaved.

Time: browser clock, from the pointerdown of the click (the remove button of a chip, or the option
picked after typing its name) to the first animation frame where the
new state is on screen and `data-test-script-state="notRunning"`.

Run: .venv/bin/python bench/click_to_render.py [--changes 20] [--option runner.postScriptGC=false]"""
from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import APP, CHROMIUM, CHROMIUM_ARGS, TRIVIAL_APP, Server, machine, pct  # noqa: E402

# Ready when the run finished and the view shows `count` columns (matrix) or bars (baseline chart).
READY = """([t0, kind, count]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (kind === 'matrix') {
    const cols = document.querySelectorAll('table.pm thead th').length - 1;
    if (cols !== count) return false;
  } else {
    const bars = document.querySelectorAll('[data-testid="stPlotlyChart"] .main-svg g.point').length;
    if (bars !== count) return false;
  }
  return performance.now() - t0;
}"""
# t0 = the browser's time of the pointerdown that removes or picks a proposal.
ARM = """() => { window.__benchT0 = null;
  document.addEventListener('pointerdown', () => { window.__benchT0 = performance.now(); }, {capture: true, once: true}); }"""
SIDEBAR_SELECT = '[data-testid="stSidebar"] [data-testid="stMultiSelect"]'


def chosen(page) -> list[str]:
    tags = page.locator(SIDEBAR_SELECT).first.locator(".react-aria-ComboBox [data-tag]")
    return [tags.nth(i).get_attribute("aria-label") for i in range(tags.count())]


def change(page, kind: str, remove: str | None, add: str | None, count: int) -> float:
    select = page.locator(SIDEBAR_SELECT).first
    if remove is None:
        select.locator(".react-aria-ComboBox input").fill(add)
    page.evaluate(ARM)
    if remove is not None:
        select.locator(f'.react-aria-ComboBox button[aria-label="Remove {remove}"]').click()
    else:
        page.get_by_role("option", name=add, exact=True).click()
    t0 = page.evaluate("window.__benchT0")
    elapsed = page.wait_for_function(READY, arg=[t0, kind, count], polling="raf", timeout=60_000).json_value()
    if add is not None:
        page.keyboard.press("Escape")
    return elapsed / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=20)
    parser.add_argument("--option", action="append", default=[])
    args = parser.parse_args()
    options = dict(o.split("=", 1) for o in args.option)
    from playwright.sync_api import sync_playwright

    print(machine())
    print(f"options: {options or 'as in .streamlit/config.toml'}; {args.changes} changes each, interleaved")
    targets = {"trivial two-page app": (TRIVIAL_APP, "chart"), "Compare page": (APP, "matrix")}
    servers = {name: Server(script, options) for name, (script, _) in targets.items()}
    samples: dict[str, list[float]] = {name: [] for name in targets}
    try:
        for server in servers.values():
            server.start()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                pages = {}
                for name, (_, kind) in targets.items():
                    page = browser.new_context(viewport={"width": 1600, "height": 1000}).new_page()
                    page.goto(servers[name].url)
                    page.wait_for_selector("table.pm" if kind == "matrix" else '[data-testid="stPlotlyChart"] .main-svg', timeout=60_000)
                    page.wait_for_function(READY, arg=[0, kind, len(chosen(page))], polling="raf", timeout=60_000)
                    pages[name] = page
                for i in range(args.changes + 2):  # the first two (one remove, one add) are warm-up
                    for name, (_, kind) in targets.items():
                        page = pages[name]
                        names = chosen(page)
                        if i % 2 == 0:
                            pages[name + ":last"] = names[-1]
                            elapsed = change(page, kind, names[-1], None, len(names) - 1)
                        else:
                            elapsed = change(page, kind, None, pages[name + ":last"], len(names) + 1)
                        if i >= 2:
                            samples[name].append(elapsed)
                        if page.locator('[data-testid="stException"]').count():
                            raise RuntimeError(f"exception box on {name}")
            finally:
                browser.close()
    finally:
        for server in servers.values():
            server.stop()
    base = statistics.median(samples["trivial two-page app"])
    for name, values in samples.items():
        print(f"{name:22s} median {statistics.median(values) * 1000:5.0f} ms  p95 {pct(values, 95) * 1000:5.0f} ms  "
              f"max {max(values) * 1000:5.0f} ms  = {statistics.median(values) / base:4.2f}× trivial app (n={len(values)})")
    print("target: Compare median ≤ 300 ms")


if __name__ == "__main__":
    main()
