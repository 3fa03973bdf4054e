"""Benchmark: first render of the Compare page in headless Chromium, as a ratio to a blank
one-line Streamlit app (and to a trivial two-page app with one plotly chart) measured in the
same run, loads interleaved so machine noise hits all three alike.

A load is a new tab (a new Streamlit session, same browser profile, so static files are cached)
on an already-running, already-warmed server;
it counts as rendered when the script run has finished (`data-test-script-state="notRunning"`),
no skeleton is left, every plotly chart has drawn and the page's last element is there. The
time is the browser's own clock from navigation start (performance.now()).

Run: .venv/bin/python bench/first_render.py [--loads 12] [--option runner.postScriptGC=false]
     [--extra NAME=path/to/app.py[:last-element-selector]]   (time other apps or checkouts in the same run)"""
from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import APP, BLANK_APP, WIDGETS_APP, CHROMIUM, CHROMIUM_ARGS, TRIVIAL_APP, Server, machine, pct  # noqa: E402

READY = """(last) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  if (!document.querySelector(last)) return false;
  // st.plotly_chart's charts (baselines) and the app's own (components/views/plot_view.py, class pp-plot)
  const placed = document.querySelectorAll('[data-testid="stPlotlyChart"], .pp-plot').length;
  const drawn = document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot:has(.main-svg), .pp-plot:has(.main-svg)').length;
  if (drawn < placed) return false;
  return performance.now();
}"""

TARGETS = {  # name: (script, selector of the element that appears last)
    "blank app": (BLANK_APP, '[data-testid="stMain"] [data-testid="stMarkdown"]'),
    "trivial two-page app": (TRIVIAL_APP, '[data-testid="stPlotlyChart"] .main-svg'),
    "blank + Compare's widgets": (WIDGETS_APP, '[data-testid="stDownloadButton"]'),
    "Compare page": (APP, '[data-testid="stDownloadButton"]'),
}


def load(context, url: str, last: str, timeout_ms: int = 60_000) -> float:
    page = context.new_page()
    try:
        page.goto(url, wait_until="commit")
        ready = page.wait_for_function(READY, arg=last, polling="raf", timeout=timeout_ms).json_value()
        if page.locator('[data-testid="stException"]').count():
            raise RuntimeError(f"exception box on {url}")
        return ready / 1000
    finally:
        page.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--loads", type=int, default=12)
    parser.add_argument("--option", action="append", default=[], help="streamlit config option name=value for ALL servers")
    parser.add_argument("--extra", action="append", default=[], metavar="NAME=APP[:SELECTOR]",
                        help="another app to time in the same run (default selector: the download button)")
    args = parser.parse_args()
    options = dict(o.split("=", 1) for o in args.option)
    targets = dict(TARGETS)
    for extra in args.extra:
        name, _, spec = extra.partition("=")
        path, _, last = spec.partition(":")
        targets[name] = (Path(path).resolve(), last or '[data-testid="stDownloadButton"]')
    from playwright.sync_api import sync_playwright

    print(machine())
    print(f"options: {options or 'as in .streamlit/config.toml'}; {args.loads} warm loads each, interleaved")
    servers = {name: Server(script, options) for name, (script, _) in targets.items()}
    samples: dict[str, list[float]] = {name: [] for name in targets}
    try:
        for server in servers.values():
            server.start()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            # One browser context per app, so static files come from the HTTP cache as on a second visit;
            # every load is still a new tab, i.e. a new WebSocket and a new Streamlit session.
            contexts = {name: browser.new_context(viewport={"width": 1600, "height": 1000}) for name in targets}
            try:
                for name, (_, last) in targets.items():  # warm-up: imports, caches, browser HTTP cache
                    for _ in range(2):
                        load(contexts[name], servers[name].url, last)
                for _ in range(args.loads):
                    for name, (_, last) in targets.items():
                        samples[name].append(load(contexts[name], servers[name].url, last))
            finally:
                browser.close()
    finally:
        for server in servers.values():
            server.stop()
    blank = statistics.median(samples["blank app"])
    for name, values in samples.items():
        median = statistics.median(values)
        print(f"{name:22s} median {median * 1000:6.0f} ms  p95 {pct(values, 95) * 1000:6.0f} ms  "
              f"= {median / blank:4.2f}× blank")
    print(f"Compare / blank ratio {statistics.median(samples['Compare page']) / blank:.2f} (target ≤ 1.5, aim 1.2)")
    print("per-load ratios (Compare / blank of the same round):",
          " ".join(f"{c / b:.2f}" for c, b in zip(samples["Compare page"], samples["blank app"])))


if __name__ == "__main__":
    main()
