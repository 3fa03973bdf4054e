"""The shipped data: every proposal loads, covers every area, and the key numbers
a class will see match the research notes."""
from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest

from helpers import ROOT
from model.data.loader import load_catalogue
from model.data.reference_data import load_comparators, load_reference_figures

IDS = sorted(p.stem for p in (ROOT / "proposals").glob("*.yaml") if not p.name.startswith("_"))


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_every_file_loads_without_problems(catalogue):
    assert not catalogue.problems, "\n".join(map(str, catalogue.problems))
    assert sorted(catalogue.ids) == IDS
    assert len(IDS) >= 10


def test_every_proposal_covers_every_area(catalogue):
    for proposal in catalogue.proposals:
        assert set(proposal.positions) == set(catalogue.taxonomy.area_keys), proposal.id


@pytest.mark.parametrize("pid, cap", [
    ("us-28-point-draft", 600_000), ("e3-counterproposal", 800_000), ("20-point-framework", 800_000),
])
def test_troop_caps_match_notes(catalogue, pid, cap):
    assert catalogue.get(pid).positions["military_limits"].troop_cap == cap


def test_istanbul_bracketed_caps(catalogue):
    position = catalogue.get("istanbul-2022-draft").positions["military_limits"]
    assert position.troop_cap == "bracketed"
    assert {v.proposed_by.split()[0]: v.value for v in position.troop_cap_variants} == {"Russia": 85_000, "Ukraine": 250_000}


def test_ukraine_sets_no_cap_and_geneva_drops_it(catalogue):
    # Ukraine's Nov 2025 snapshot (its response to the US draft); the latest snapshot, ukraine-position, is Dec 2025.
    assert catalogue.get("ukraine-position-2025-11").positions["military_limits"].troop_cap == "no_cap"
    assert catalogue.get("geneva-framework").positions["military_limits"].troop_cap in ("not_addressed", "no_cap", None)


def test_us_draft_has_all_28_points(catalogue):
    assert [p.number for p in catalogue.get("us-28-point-draft").points] == list(range(1, 29))


def test_version_chain(catalogue):
    assert catalogue.get("e3-counterproposal").revises == "us-28-point-draft"
    assert catalogue.get("geneva-framework").revises == "us-28-point-draft"
    assert catalogue.get("20-point-framework").revises == "geneva-framework"


def test_defp_buffer_zone_and_monitors(catalogue):
    position = catalogue.get("defp-armed-neutrality").positions["ceasefire_and_monitoring"]
    assert position.dmz_width_km.value == pytest.approx(8.0, abs=0.1) and "five-mile" in position.dmz_width_km.as_given
    assert position.monitors.value == 500 and position.monitors.qualifier == "at_most"


def test_reference_figures_and_comparators_load():
    refs, problems = load_reference_figures()
    assert not problems and {f.value for f in refs.figures if f.kind == "current_size"} >= {800_000, 880_000, 900_000}
    comparators, problems = load_comparators()
    assert not problems, problems
    assert {c.key for c in comparators.comparators} >= {"korea_1953", "uniimog_1988", "minsk_ii_2015"}


def test_export_has_evidence_and_every_proposal():
    out = subprocess.run([sys.executable, "-m", "model.export", "--format", "csv"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert sorted({r["proposal"] for r in rows}) == IDS
    assert all(r["evidence"] in {"text", "reported", "statement", "unknown"} for r in rows)
