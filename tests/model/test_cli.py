"""The two command-line tools, run as a user would run them."""
from __future__ import annotations

import csv
import re
import io
import json
import subprocess
import sys

import pytest

from helpers import ROOT, proposal, write


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_validate_ok_on_real_proposals():
    result = run("model.validate")
    assert result.returncode == 0, result.stdout
    ok, weak = result.stdout.strip().splitlines()
    assert ok.endswith("proposals OK")
    assert weak.startswith("Cells resting only on low-reliability sources: ")


def test_validate_names_cells_resting_only_on_weak_sources_as_information(monkeypatch):
    monkeypatch.setenv("PEACE_PROPOSALS_DIR", str(ROOT / "tests" / "fixtures" / "weak_cells"))
    result = run("model.validate")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().splitlines() == [
        "2 proposals OK",
        "Cells resting only on low-reliability sources: weak-plan 2 (territory, sanctions_and_economy) "
        "(2 in all; information, not a failure)",
    ]


def test_validate_with_paths_prints_only_the_summary():
    result = run("model.validate", str(ROOT / "tests" / "fixtures" / "weak_cells"))
    assert result.returncode == 0 and result.stdout.strip() == "2 proposals OK", result.stdout


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


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))


def _bad_cases():
    wrong_type = proposal("bad-plan", military_limits={"troop_cap": "lots"})
    unknown_area = proposal("bad-plan")
    unknown_area["positions"]["weather"] = {"not_addressed": True, "reason": "x", "evidence": "text"}
    unknown_source = proposal("bad-plan", nuclear={"citations": [{"source": "nowhere"}]})
    bad_quote = proposal("bad-plan", military_limits={"citations": [{"source": "ft", "quote": "a sentence the seed never had"}]})
    return {
        "syntax": "id: bad\ntitle: [unclosed\n", "wrong_type": wrong_type, "unknown_area": unknown_area,
        "unknown_source": unknown_source, "bad_quote": bad_quote, "empty": "", "list": "- a\n- b\n", "alias_bomb": BOMB,
    }


@pytest.mark.parametrize("case", list(_bad_cases()))
def test_validate_bad_input_one_located_line_exit_1(folder, case):
    write(folder, "good-plan.yaml", proposal("good-plan"))
    write(folder, "bad-plan.yaml", _bad_cases()[case])
    result = run("model.validate", str(folder))
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    *problems, summary = result.stdout.strip().splitlines()
    assert summary.endswith("1 proposal(s) OK"), "the good file still loads"
    assert problems and all(re.match(rf"^{re.escape(str(folder))}/bad-plan\.yaml:\d+: \S+: .+", line) for line in problems), problems


def test_non_utf8_file_is_reported(folder):
    write(folder, "good-plan.yaml", proposal("good-plan"))
    (folder / "bad-plan.yaml").write_bytes(b"id: caf\xe9\n")
    result = run("model.validate", str(folder))
    assert result.returncode == 1 and "bad-plan.yaml:1: (file): not valid UTF-8" in result.stdout


def test_json_schema_file_is_current():
    import json

    from model.data.schema import Proposal

    committed = json.loads((ROOT / "proposals" / "proposal.schema.json").read_text(encoding="utf-8"))
    assert committed["properties"] == Proposal.model_json_schema()["properties"], "run: python -m model.schema"
