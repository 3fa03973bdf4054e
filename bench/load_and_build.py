"""Benchmark: how long loading and validating every proposal takes, cold and warm,
and how long the Compare matrix and the Charts figures take to build, each as a
ratio to a baseline measured in the same run (machines here are noisy).

Run: .venv/bin/python bench/load_and_build.py"""
from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from components.render.figures import guarantees_figure, territory_maps, troop_caps_figure  # noqa: E402
from components.render.matrix import matrix_html  # noqa: E402
from model.analysis.chart_data import guarantees_frame, territory_frame, troop_caps_frame  # noqa: E402
from model.analysis.compare import matrix_frame  # noqa: E402
from model.data.loader import ROOT, load_catalogue  # noqa: E402


def timed(fn, repeat: int = 5) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> None:
    baseline = timed(lambda: json.loads((ROOT / "data" / "ukraine_regions.geojson").read_text(encoding="utf-8")))
    catalogue = load_catalogue()
    taxonomy, proposals = catalogue.taxonomy, catalogue.proposals
    geo = json.loads((ROOT / "data" / "ukraine_regions.geojson").read_text(encoding="utf-8"))
    results = {
        "load + validate all proposals": timed(load_catalogue),
        "matrix (all proposals × all areas)": timed(lambda: matrix_html(matrix_frame(proposals, proposals, taxonomy, taxonomy.area_keys), proposals, {})),
        "troop-cap figure": timed(lambda: troop_caps_figure(troop_caps_frame(proposals))),
        "territory maps (all proposals)": timed(lambda: territory_maps(territory_frame(proposals, taxonomy), geo, taxonomy)),
        "guarantees figure": timed(lambda: guarantees_figure(guarantees_frame(proposals, taxonomy), taxonomy)),
    }
    print(f"baseline (parse the 132 kB GeoJSON): {baseline * 1000:.1f} ms")
    for name, seconds in results.items():
        print(f"{name:40s} {seconds * 1000:8.1f} ms  = {seconds / baseline:6.1f} × baseline")
    print(f"{len(proposals)} proposals, {len(taxonomy.area_keys)} areas")


if __name__ == "__main__":
    main()
