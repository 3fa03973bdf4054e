"""Benchmark: data scale. 4, 50, 200 and 1,000 synthetic proposals, valid under the schema,
generated into a temporary folder: the two stated-position files (the colour anchors) plus copies
of a real proposal (`defp-armed-neutrality`) with new ids, names and dates. For each size:

- cold load + validation: `model.data.loader.load_catalogue([folder])` in this process (imports
  already done, no cache), median of 3, with the share of YAML parsing, schema validation and the
  other checks (cProfile cumulative times of one extra run);
- page reruns: the app through Streamlit's AppTest with PEACE_PROPOSALS_DIR pointing at the
  folder: the first run (cold start: load + render) and the median of 3 warm reruns of each page,
  every proposal chosen in the sidebar (the worst case for the matrix and the charts);
- a baseline in the same run: AppTest of the trivial two-page app (first run and warm rerun).

Run: .venv/bin/python bench/data_scale.py [--sizes 4,50,200,1000] [--pages compare,charts,...]"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _harness import APP, ROOT, TRIVIAL_APP, machine  # noqa: E402

TEMPLATE = "defp-armed-neutrality"
ANCHORS = ("ukraine-position", "russia-position")
PAGES = ["compare", "charts", "points", "versions", "timeline", "sources", "methodology"]


def make_folder(target: Path, n: int) -> None:
    source = ROOT / "proposals"
    target.mkdir(parents=True)
    for item in source.iterdir():
        if item.name.startswith("_") or item.suffix == ".json":
            (shutil.copytree if item.is_dir() else shutil.copy)(item, target / item.name)
    for anchor in ANCHORS:  # without their links to proposals that are not in the folder
        kept, skipping = [], False
        for line in (source / f"{anchor}.yaml").read_text(encoding="utf-8").splitlines():
            if line.startswith(("revises:", "responds_to:")):
                skipping = line.rstrip().endswith(":")
                continue
            if skipping and line.lstrip().startswith("-") and line[:1] in (" ", "-"):
                continue
            skipping = False
            kept.append(line)
        (target / f"{anchor}.yaml").write_text("\n".join(kept) + "\n", encoding="utf-8")
    text = (source / f"{TEMPLATE}.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    for i in range(n - len(ANCHORS)):
        pid = f"synthetic-{i:04d}"
        out = []
        for line in lines:
            if line.startswith("id:"):
                line = f"id: {pid}"
            elif line.startswith("short_name:"):
                line = f'short_name: "Synthetic {i:04d}"'
            elif line.startswith("title:"):
                line = f'title: "Synthetic proposal {i:04d} (benchmark copy of {TEMPLATE})"'
            elif line.startswith("date:"):
                line = f'date: "{2015 + i % 11}-{1 + i % 12:02d}-{1 + i % 28:02d}"'
            out.append(line)
        (target / f"{pid}.yaml").write_text("\n".join(out) + "\n", encoding="utf-8")


def n_files(folder: Path) -> int:
    return sum(1 for _ in folder.glob("*.yaml"))


def load_times(folder: Path) -> tuple[float, int, int, dict[str, float]]:
    from model.data.loader import load_catalogue

    samples = []
    for _ in range(3 if n_files(folder) < 500 else 1):
        started = time.perf_counter()
        catalogue = load_catalogue([folder])
        samples.append(time.perf_counter() - started)
    profile = cProfile.Profile()
    profile.runcall(load_catalogue, [folder])
    stats = pstats.Stats(profile)
    total = sum(v[3] for k, v in stats.stats.items() if k[2] == "load_catalogue")
    parts = {}
    for label, names in {"YAML reading/parsing": ("read_yaml",), "schema (pydantic)": ("model_validate",),
                         "checks (taxonomy, citations, quotes, lineage)": ("check_proposal", "check_catalogue")}.items():
        parts[label] = sum(v[3] for k, v in stats.stats.items() if k[2] in names) / total if total else 0.0
    return statistics.median(samples), len(catalogue.proposals), len(catalogue.problems), parts


def page_times(folder: Path | None, pages: list[str]) -> dict[str, tuple[float, float]]:
    """{page: (first run, median warm rerun)}: the app with every proposal chosen, via AppTest."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    if folder is not None:
        os.environ["PEACE_PROPOSALS_DIR"] = str(folder)
    try:
        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file(str(APP), default_timeout=600)
        started = time.perf_counter()
        at.run()
        cold = time.perf_counter() - started
        assert not at.exception, at.exception
        at.sidebar.multiselect[0].set_value(list(at.sidebar.multiselect[0].options)).run()
        ids = list(at.session_state["sel_proposals"]) if "sel_proposals" in at.session_state else []
        result = {}
        for page in pages:
            if page != "compare":
                page_hash = next(h for h, info in at._registered_pages.items() if info.get("url_pathname") == page)
                at._page_hash = page_hash  # as tests/test_app.py: the only way to reach callable pages
            at.run()
            samples = []
            for _ in range(3):
                started = time.perf_counter()
                at.run()
                samples.append(time.perf_counter() - started)
            assert not at.exception, (page, at.exception)
            result[page] = (cold if page == "compare" else float("nan"), statistics.median(samples))
        result["_chosen"] = (len(ids), 0.0)
        return result
    finally:
        os.environ.pop("PEACE_PROPOSALS_DIR", None)


def baseline_times() -> tuple[float, float]:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(TRIVIAL_APP), default_timeout=120)
    started = time.perf_counter()
    at.run()
    cold = time.perf_counter() - started
    samples = []
    for _ in range(5):
        started = time.perf_counter()
        at.run()
        samples.append(time.perf_counter() - started)
    return cold, statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="4,50,200,1000")
    parser.add_argument("--pages", default=",".join(PAGES))
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    pages = args.pages.split(",")
    print(machine())
    base_cold, base_warm = baseline_times()
    print(f"baseline (trivial two-page app, AppTest): first run {base_cold * 1000:.0f} ms, warm rerun {base_warm * 1000:.0f} ms")
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        previous = None
        for n in sizes:
            folder = Path(tmp) / f"p{n}"
            make_folder(folder, n)
            load, count, problems, parts = load_times(folder)
            share = ", ".join(f"{k} {v * 100:.0f}%" for k, v in parts.items())
            growth = f", ×{load / previous[1]:.1f} for ×{n / previous[0]:.1f} proposals" if previous else ""
            print(f"\n{n} proposals ({count} loaded, {problems} problems): load + validate {load * 1000:.0f} ms "
                  f"= {load / n * 1000:.1f} ms per proposal{growth}")
            print(f"  where the load time goes: {share}")
            previous = (n, load)
            times = page_times(folder, pages)
            chosen = int(times.pop("_chosen")[0])
            print(f"  app first run (cold start: load + Compare with the default selection), AppTest: {times['compare'][0] * 1000:.0f} ms")
            for page, (_, warm) in times.items():
                print(f"  warm rerun ({chosen} chosen) {page:12s} {warm * 1000:7.0f} ms = {warm / base_warm:5.1f}× baseline rerun")
    print("\ntargets for 200: warm rerun ≤ 1 s, cold start ≤ 3 s, growth no faster than linear")


if __name__ == "__main__":
    main()
