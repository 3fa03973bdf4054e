"""The data version and its changelog (model/data/changelog.py): every version named in `_coverage.yaml` starts with
the data-as-of date and has a section saying what changed; the validator refuses one without."""
from __future__ import annotations

import subprocess
import sys

from helpers import ROOT
from model.data.changelog import check_release, entry_for, read_changelog
from model.data.coverage import load_coverage

FIXTURE = ROOT / "tests" / "fixtures" / "version_without_changelog"


def coverage_file(folder, version: str, as_of: str = "2026-03-05") -> None:
    (folder / "_coverage.yaml").write_text(f"data_as_of: {as_of}\ndata_version: {version}\nnote: A test.\n", encoding="utf-8")


def test_the_validator_refuses_a_version_with_no_changelog_entry_with_its_file_and_line():
    result = subprocess.run([sys.executable, "-m", "model.validate", str(FIXTURE)], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 1, result.stdout
    first = result.stdout.splitlines()[0]
    assert first.startswith("tests/fixtures/version_without_changelog/_coverage.yaml:3: data_version: 2026.03.05-3 has no entry in ")
    assert "CHANGELOG.md" in first and "Traceback" not in result.stdout + result.stderr


def test_the_shipped_version_has_its_entry_and_starts_with_the_data_as_of_date():
    info, problems = load_coverage(ROOT / "proposals", [])
    assert not problems and info.data_version
    assert info.data_version.startswith(info.data_as_of.replace("-", ".") + "-")
    entry = entry_for(ROOT / "proposals", info.data_version)
    assert entry is not None and entry.released and len(entry.text) > 200
    assert check_release(ROOT / "proposals") == []
    versions = [e.version for e in read_changelog((ROOT / "proposals" / "CHANGELOG.md").read_text(encoding="utf-8"))]
    assert versions[0] == info.data_version, "the newest section comes first"


def test_a_version_must_start_with_the_data_as_of_date(tmp_path):
    coverage_file(tmp_path, "2026.03.04-1")
    (tmp_path / "CHANGELOG.md").write_text("## 2026.03.04-1 (released 2026-12-06)\n\nText.\n", encoding="utf-8")
    [problem] = check_release(tmp_path)
    assert (problem.line, problem.field) == (2, "data_version")
    assert "does not start with the data-as-of date 2026-03-05" in problem.message and "2026.03.05-1" in problem.message


def test_a_missing_changelog_an_empty_section_and_a_repeated_section_are_located(tmp_path):
    coverage_file(tmp_path, "2026.03.05-1")
    [missing] = check_release(tmp_path)
    assert "no CHANGELOG.md beside _coverage.yaml" in missing.message
    (tmp_path / "CHANGELOG.md").write_text("# Log\n\n## 2026.03.05-1\n\n## 2026.03.05-1\nText.\n", encoding="utf-8")
    empty, repeated = check_release(tmp_path)
    assert (empty.line, empty.field) == (3, "2026.03.05-1") and "empty" in empty.message
    assert repeated.line == 5 and "first is at line 3" in repeated.message


def test_a_malformed_version_is_a_schema_problem_on_its_line(tmp_path):
    coverage_file(tmp_path, "v2")
    [problem] = check_release(tmp_path)
    assert problem.line == 2 and problem.field == "data_version"


def test_no_version_and_no_coverage_file_have_nothing_to_check(tmp_path):
    assert check_release(tmp_path) == []
    (tmp_path / "_coverage.yaml").write_text("data_as_of: 2026-03-05\nnote: A test.\n", encoding="utf-8")
    assert check_release(tmp_path) == []


def test_sections_are_read_with_their_release_dates():
    entries = read_changelog("# T\nintro\n## 1.0-2 (released 2026-12-06)\n- a\n\n## 1.0-1\nb\n")
    assert [(e.version, e.released, e.line, e.text) for e in entries] == [
        ("1.0-2", "2026-12-06", 3, "- a"), ("1.0-1", None, 6, "b")]
