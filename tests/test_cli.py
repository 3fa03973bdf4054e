"""The two command-line tools, run as a user would run them."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from helpers import ROOT, proposal, write


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_validate_ok_on_real_proposals():
    result = run("model.validate")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("proposals OK")


def test_validate_reports_problems_one_line_each(folder):
    write(folder, "good-plan.yaml", proposal("good-plan"))
    write(folder, "broken.yaml", "id: x\n  bad: indent\n")
    write(folder, "typed-plan.yaml", proposal("typed-plan", military_limits={"troop_cap": "lots"}))
    result = run("model.validate", str(folder))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert "Traceback" not in result.stdout + result.stderr
    assert any(l.startswith(f"{folder}/broken.yaml:2: ") for l in lines), lines
    assert any(f"{folder}/typed-plan.yaml:" in l and "positions.military_limits.troop_cap:" in l for l in lines), lines
    assert lines[-1] == "2 problem(s); 1 proposal(s) OK"


def test_validate_missing_path():
    result = run("model.validate", "no/such/folder")
    assert result.returncode == 1 and "no such file" in result.stdout and "Traceback" not in result.stderr


def test_export_csv_has_caps_and_territory_rows():
    result = run("model.export", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0])[:5] == ["proposal", "area", "field", "value", "sources"]
    assert "evidence" in rows[0]
    cap = [r for r in rows if r["proposal"] == "us-28-point-draft" and r["field"] == "troop_cap"]
    assert [r["value"] for r in cap] == ["600000"]
    donetsk = [r for r in rows if r["proposal"] == "us-28-point-draft" and r["area"] == "territory" and r["field"] == "donetsk"]
    assert len(donetsk) == 1 and donetsk[0]["value"].startswith("russian") and donetsk[0]["sources"]


def test_export_json_matches_csv():
    as_json = json.loads(run("model.export", "--format", "json").stdout)
    as_csv = list(csv.DictReader(io.StringIO(run("model.export", "--format", "csv").stdout)))
    assert len(as_json) == len(as_csv) > 100
    assert as_json[0] == as_csv[0]
