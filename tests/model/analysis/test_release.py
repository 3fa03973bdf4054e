"""The data release (`python -m model.export --release DIR`, model/analysis/release*.py and codebook.py): every file
is written, the Data Package validates with `frictionless` (and fails on a bad value), the codebook covers every key
of the taxonomy with its meaning, and CITATION.cff is valid Citation File Format 1.2.0 naming the current version."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import zipfile

import jsonschema
import pytest
import yaml
from frictionless import validate

from helpers import ROOT
from model.analysis.codebook import codebook_html, codebook_markdown
from model.analysis.release import (
    load_release, release_files, release_folder_name, release_zip, schema_text, versioned_name,
)
from model.data.changelog import entry_for
from model.data.coverage import Coverage, load_coverage
from model.data.loader import PROPOSALS_DIR, load_catalogue

EXPECTED = {"tidy.csv", "tidy.json", "proposals.csv", "sources.csv", "proposal.schema.json", "codebook.md",
            "codebook.html", "datapackage.json", "CHANGELOG.md", "CITATION.cff", "README.md"}


@pytest.fixture(scope="module")
def release_dir(tmp_path_factory):
    target = tmp_path_factory.mktemp("release") / "out"
    result = subprocess.run([sys.executable, "-m", "model.export", "--release", str(target)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "wrote release 2026.03.05-2" in result.stderr
    return target


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_the_release_holds_every_file(release_dir):
    assert {p.name for p in release_dir.iterdir()} == EXPECTED
    assert (release_dir / "proposal.schema.json").read_text(encoding="utf-8") == \
        (ROOT / "proposals" / "proposal.schema.json").read_text(encoding="utf-8") == schema_text()
    assert (release_dir / "CHANGELOG.md").read_bytes() == (ROOT / "proposals" / "CHANGELOG.md").read_bytes()
    assert (release_dir / "CITATION.cff").read_bytes() == (ROOT / "CITATION.cff").read_bytes()


def test_the_tidy_table_keeps_the_export_columns_and_matches_the_export(release_dir):
    export = subprocess.run([sys.executable, "-m", "model.export", "--format", "csv"], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    tidy = (release_dir / "tidy.csv").read_text(encoding="utf-8")
    assert tidy.splitlines()[0] == "proposal,area,field,value,sources,evidence,contested"
    assert tidy == export.stdout
    rows = json.loads((release_dir / "tidy.json").read_text(encoding="utf-8"))
    assert len(rows) == len(list(csv.DictReader(io.StringIO(tidy))))


def test_the_data_package_validates_with_frictionless(release_dir):
    package = json.loads((release_dir / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == "2026.03.05-2"
    assert {r["path"] for r in package["resources"]} == {"tidy.csv", "proposals.csv", "sources.csv"}
    assert all(r["schema"]["fields"] for r in package["resources"]), "every CSV has a Table Schema"
    report = validate(release_dir / "datapackage.json")
    assert report.valid, report.flatten(["type", "note"])[:5]


@pytest.mark.parametrize("column, bad", [("area", "not_an_area"), ("proposal", "no-such-proposal"), ("evidence", "rumour")])
def test_the_table_schema_catches_a_bad_value(release_dir, tmp_path, column, bad):
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in release_dir.iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    rows = list(csv.DictReader(io.StringIO((copy / "tidy.csv").read_text(encoding="utf-8"))))
    rows[0][column] = bad
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (copy / "tidy.csv").write_text(out.getvalue(), encoding="utf-8")
    assert not validate(copy / "datapackage.json").valid


def test_the_codebook_gives_every_key_of_the_taxonomy_its_meaning(catalogue):
    taxonomy = catalogue.taxonomy
    coverage = Coverage("2026-03-05", "n", data_version="2026.03.05-2")
    markdown, html = codebook_markdown(taxonomy, coverage), codebook_html(taxonomy, coverage)
    terms = [*taxonomy.evidence_levels, *taxonomy.region_statuses, *(s for a in taxonomy.areas for s in a.scale),
             *(v for spec in taxonomy.fields.values() for v in spec.values)]
    for term in terms:
        assert f"| `{term.key}` | {term.label}" in markdown, term.key
    for area in taxonomy.areas:
        assert f"| `{area.key}` | {area.title}: {area.description} |" in markdown
    for key, region in taxonomy.regions.items():
        assert f"`{key}` | {region.name} ({region.iso})" in markdown
    assert "Data version 2026.03.05-2, data as of 2026-03-05." in markdown
    assert "<script" not in html and "<code>russian_held_unrecognised</code>" in html and "Data version 2026.03.05-2" in html


def test_a_release_is_refused_when_the_version_has_no_changelog_entry(tmp_path):
    fixture = ROOT / "tests" / "fixtures" / "version_without_changelog"
    result = subprocess.run([sys.executable, "-m", "model.export", "--release", str(tmp_path / "out"), str(fixture)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "no release written" in result.stderr
    assert "_coverage.yaml:3: data_version:" in result.stderr and not (tmp_path / "out").exists()


def test_the_zip_holds_the_same_files_in_a_versioned_folder_and_is_reproducible(catalogue):
    inputs = load_release(PROPOSALS_DIR, catalogue)
    files = release_files(catalogue, inputs)
    folder = release_folder_name(inputs.coverage)
    assert folder == "peace-proposals-data-2026.03.05-2"
    data = release_zip(files, folder)
    assert data == release_zip(release_files(catalogue, inputs), folder)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert sorted(archive.namelist()) == sorted(f"{folder}/{n}" for n in EXPECTED)
        assert archive.read(f"{folder}/tidy.csv") == files["tidy.csv"]


def test_download_names_carry_the_version():
    assert versioned_name("peace-proposals-tidy.csv", "2026.03.05-2") == "peace-proposals-tidy-data-2026.03.05-2.csv"
    assert versioned_name("diff-a-vs-b.csv", None) == "diff-a-vs-b.csv"


def test_citation_cff_is_valid_cff_1_2_0_and_names_the_current_version():
    """cffconvert 2.0.0 cannot be installed beside frictionless (jsonschema<4 against >=4.20), so the file is checked
    against the official CFF 1.2.0 schema with jsonschema, as cffconvert does (tests/fixtures/cff/README.md)."""
    schema = json.loads((ROOT / "tests" / "fixtures" / "cff" / "schema-1.2.0.json").read_text(encoding="utf-8"))
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(cff)
    coverage, _ = load_coverage(PROPOSALS_DIR, [])
    assert cff["version"] == coverage.data_version
    assert cff["date-released"] == entry_for(PROPOSALS_DIR, coverage.data_version).released
    assert cff["type"] == "dataset" and cff["cff-version"] == "1.2.0"


def test_the_cff_check_would_catch_a_broken_file():
    schema = json.loads((ROOT / "tests" / "fixtures" / "cff" / "schema-1.2.0.json").read_text(encoding="utf-8"))
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    for broken in ({k: v for k, v in cff.items() if k != "authors"}, {**cff, "date-released": "6 Dec 2026"}):
        assert not validator.is_valid(broken)
