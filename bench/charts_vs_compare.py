"""Benchmark: first render of /charts and /timeline as a ratio to / (Compare), all three on the
same warmed server in the same run, loads interleaved so machine noise hits them alike.

A load is a new tab (a new Streamlit session; same browser profile, so static files are cached). It
counts as rendered when the script run has finished, no skeleton is left and every plotly chart that
was placed has drawn its SVG (the READY test of bench/first_render.py). Time = the browser's own clock
from navigation start. Target (issue 11, item 9): Charts and Timeline within 1.5x Compare.

Run: .venv/bin/python bench/charts_vs_compare.py [--loads 7] [--width 1600 --height 1000]"""
from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import APP, CHROMIUM, CHROMIUM_ARGS, Server, machine, pct  # noqa: E402
from first_render import READY, load  # noqa: E402,F401

PAGES = {  # name: (path, selector of an element that appears late)
    "Compare (/)": ("/", '[data-testid="stDownloadButton"]'),
    "Charts (/charts)": ("/charts", '.pp-plot .main-svg'),
    "Timeline (/timeline)": ("/timeline", '.pp-plot .main-svg'),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--loads", type=int, default=7)
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument("--app", type=Path, default=APP, help="app script (e.g. an exported older checkout, for a before/after)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    print(machine())
    print(f"{args.loads} warm loads each, interleaved, viewport {args.width}x{args.height}")
    samples: dict[str, list[float]] = {name: [] for name in PAGES}
    with Server(args.app.resolve()) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": args.width, "height": args.height})
        try:
            for _ in range(2):  # warm-up: imports, caches, browser HTTP cache
                for path, last in PAGES.values():
                    load(context, server.url + path, last, 180_000)
            for _ in range(args.loads):
                for name, (path, last) in PAGES.items():
                    samples[name].append(load(context, server.url + path, last, 180_000))
        finally:
            browser.close()
        problems = server.log_problems()
    compare = statistics.median(samples["Compare (/)"])
    for name, values in samples.items():
        median = statistics.median(values)
        print(f"{name:22s} median {median * 1000:6.0f} ms  p95 {pct(values, 95) * 1000:6.0f} ms  "
              f"= {median / compare:4.2f}x Compare")
    if problems:
        print("server log problems:", *problems[:10], sep="\n  ")


if __name__ == "__main__":
    main()
