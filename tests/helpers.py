"""Builders for small proposal dicts and files used across the tests, and the shipped data loaded once per caller."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
AREAS = [a["key"] for a in yaml.safe_load((ROOT / "proposals" / "_taxonomy.yaml").read_text(encoding="utf-8"))["areas"]]
FT_SEED = "003_a439f00f8abfb816.txt"
FT_QUOTE = "limit the size of the country’s armed forces to 600,000 personnel"


def proposal(pid: str, **positions: dict[str, Any]) -> dict[str, Any]:
    """A valid proposal: every area silent unless given in `positions`."""
    body: dict[str, Any] = {
        "id": pid, "title": f"Test plan {pid}", "short_name": pid[:28], "author": "Test author",
        "party": "mediator", "date": "2025-11-20", "status": "proposed", "publication": "leaked",
        "summary": "A plan used in tests.",
        "sources": [{"id": "ft", "title": "FT article", "publisher": "Financial Times", "date": "2025-11-21",
                     "seed": FT_SEED, "kind": "news", "reliability": "high"}],
        "positions": {a: {"not_addressed": True, "reason": "Silent in tests.", "evidence": "text"} for a in AREAS},
    }
    for area, position in positions.items():
        body["positions"][area] = {"evidence": "text", "summary": f"{area} summary",
                                   "citations": [{"source": "ft"}], **position}
    return body


def write(folder: Path, name: str, data: Any) -> Path:
    path = folder / name
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def shipped_data():
    """The shipped catalogue, reference figures and ceasefire comparators: what the app's views are built from."""
    from model.data.loader import load_catalogue
    from model.data.reference_data import load_comparators, load_reference_figures

    references, _ = load_reference_figures()
    comparators, _ = load_comparators()
    return load_catalogue(), references, comparators
