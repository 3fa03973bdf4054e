"""The glance matrix (components/render/glance.py): a few coded words per cell, the step and the parties' markers
in words and a strip, the evidence border and the marks, never the summary paragraph."""
from __future__ import annotations

import re

import pytest

from components.render.glance import glance_html
from model.analysis.compare import matrix_frame
from model.data.loader import load_catalogue

CORE = ("us-28-point-draft", "defp-armed-neutrality", "ukraine-position", "russia-position")


@pytest.fixture(scope="module")
def built():
    catalogue = load_catalogue()
    chosen = [p for p in catalogue.proposals if p.id in CORE]
    frame = matrix_frame(chosen, catalogue.proposals, catalogue.taxonomy, catalogue.taxonomy.area_keys)
    return catalogue, chosen, frame, glance_html(frame, chosen, {}, lambda a, p: f"?cell={a}:{p}")


def _cell(html: str, cell: str) -> str:
    return re.search(rf'<td [^>]*data-cell="{cell}".*?</td>', html, re.S).group(0)


def _words(cell_html: str) -> list[str]:
    visible = re.sub(r'<span class="who">.*?</span>|<a class="gx-open".*?</a>', "", cell_html)
    return re.sub(r"<[^>]+>", " ", visible).split()


def test_every_area_and_proposal_has_one_cell(built):
    catalogue, chosen, frame, html = built
    assert html.count("<td ") == len(catalogue.taxonomy.area_keys) * len(chosen)
    for p in chosen:
        assert p.short_name in html


def test_a_cell_holds_its_headline_and_step_not_its_summary(built):
    catalogue, chosen, frame, html = built
    cell = _cell(html, "military_limits:us-28-point-draft")
    assert "Cap 600,000" in cell
    assert re.search(r"<span>\d/\d</span>", cell), "the step number is written, not only coloured"
    summary = next(p for p in chosen if p.id == "us-28-point-draft").positions["military_limits"].summary
    assert summary.split(".")[0] not in cell
    for row in frame.to_dict("records"):
        assert len(_words(_cell(html, f"{row['area']}:{row['proposal']}"))) <= 12, row["area"]


def test_the_parties_markers_are_letters_in_the_strip(built):
    catalogue, chosen, frame, html = built
    row = frame[(frame["area"] == "territory") & (frame["proposal"] == "us-28-point-draft")].iloc[0]
    strip = re.search(r'<span class="gx-strip".*?</span>', _cell(html, "territory:us-28-point-draft"), re.S).group(0)
    boxes = re.findall(r"<i [^>]*>(.*?)</i>", strip)
    assert len(boxes) == int(row["steps"])
    assert "U" in boxes[int(row["first_step"])] and "R" in boxes[int(row["last_step"])]


def test_contested_and_weak_source_marks_and_evidence_border():
    from components.render.glance import glance_cell
    base = {"area": "territory", "area_title": "Territory", "proposal": "x", "proposal_name": "X", "placement": "placed",
            "step": 1, "steps": 5, "first_step": 0, "last_step": 4, "glance": "Left to negotiation", "headline": "h",
            "evidence": "reported", "contested": True, "weak_sources": True, "how_computed": "step 2 of 5"}
    cell = glance_cell(base, "?cell=territory:x", "X")
    assert 'aria-label="contested"' in cell and "weak sources" in cell
    assert "border-style:dashed" in cell
    plain = glance_cell({**base, "contested": False, "weak_sources": False}, None, "X")
    assert "contested" not in plain and "weak sources" not in plain
