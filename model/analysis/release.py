"""A data release: every file a student, teacher or data portal needs to use and cite one version of the data.

`release_files` builds them in memory (pure): the tables as CSV (`tidy.csv`, `proposals.csv`, `sources.csv`) and
the tidy table as JSON, the proposal files' JSON Schema, the codebook (Markdown and printable HTML), a Frictionless
`datapackage.json`, the changelog, `CITATION.cff` and a short README. `load_release` reads what it needs from a data
folder; `write_release` writes the files to a folder (`python -m model.export --release DIR`) and `release_zip`
packs them as one zip (the Sources page's download). Also the version in every download: `versioned_name` and
`footer_line`."""
from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from model.analysis.codebook import codebook_html, codebook_markdown
from model.analysis.export import render, to_csv
from model.analysis.release_package import TIDY_CSV, datapackage, tables
from model.data.changelog import CHANGELOG_NAME, entry_for
from model.data.coverage import Coverage, load_coverage
from model.data.loader import ROOT, Catalogue
from model.data.schema import Proposal

CITATION_NAME = "CITATION.cff"
CITATION_PATH = ROOT / CITATION_NAME
SCHEMA_NAME = "proposal.schema.json"
APP_NAME = "Peace proposals compared"


def versioned_name(name: str, version: str | None) -> str:
    """A download's file name carrying the data version: 'peace-proposals-tidy.csv' →
    'peace-proposals-tidy-data-2026.03.05-2.csv' (unchanged without a version)."""
    if not version:
        return name
    stem, dot, ext = name.rpartition(".")
    return f"{stem}-data-{version}.{ext}" if dot else f"{name}-data-{version}"


def footer_line(coverage: Coverage) -> str:
    """The line at the foot of every HTML download: which data it shows, and how to cite it."""
    return (f"{APP_NAME}. {coverage.line()}. Cite the data version; what changed in each version is in the "
            "data changelog (Sources page: the data release).")


def schema_text() -> str:
    """The proposal files' JSON Schema, exactly as `python -m model.schema` writes proposals/proposal.schema.json."""
    schema = Proposal.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Peace proposal"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class ReleaseInputs:
    """What a release is built from besides the catalogue."""

    coverage: Coverage
    released: str | None = None  # the release date in the changelog's section of this version
    changelog: str = ""
    citation_cff: str = ""


def read_cff(text: str) -> dict:
    try:
        data = yaml.safe_load(text) if text else None
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def load_release(folder: Path, catalogue: Catalogue, citation: Path = CITATION_PATH) -> ReleaseInputs:
    """Coverage, changelog and CITATION.cff of a data folder (the citation file from the repository root)."""
    coverage, _ = load_coverage(folder, catalogue.proposals)
    changelog = folder / CHANGELOG_NAME
    entry = entry_for(folder, coverage.data_version)
    return ReleaseInputs(coverage, entry.released if entry else None,
                         changelog.read_text(encoding="utf-8") if changelog.is_file() else "",
                         citation.read_text(encoding="utf-8") if citation.is_file() else "")


def readme(inputs: ReleaseInputs, names: list[str]) -> str:
    coverage = inputs.coverage
    version = coverage.data_version or "(no version)"
    released = f", released {inputs.released}" if inputs.released else ""
    return "\n".join([
        f"# {APP_NAME}: data release {version}", "",
        f"{coverage.line()}{released}.", "",
        "Files:", "",
        "- tidy.csv, tidy.json: one row per proposal, issue area and field, with the sources behind each value.",
        "- proposals.csv: the proposals and dated stated positions. sources.csv: every cited source and its grade.",
        "- codebook.md, codebook.html (printable): the meaning of every column, issue area, scale step, region "
        "status, evidence level and coded value.",
        "- datapackage.json: a Frictionless Data Package describing the CSV files (types, allowed values, keys).",
        "- proposal.schema.json: the JSON Schema of the proposal files the tables are computed from.",
        "- CHANGELOG.md: what changed in each version. CITATION.cff: how to cite this data.", "",
        f"Cite the data version ({version}) and the date you accessed it.", "",
        "Included: " + ", ".join(names) + ".", "",
    ])


def release_files(catalogue: Catalogue, inputs: ReleaseInputs) -> dict[str, bytes]:
    """Every file of the release by name (UTF-8 text), from the catalogue's valid proposals."""
    coverage = inputs.coverage
    frames = tables(catalogue.proposals, catalogue.taxonomy)
    text: dict[str, str] = {name: to_csv(frame) for name, frame in frames.items()}
    text["tidy.json"] = render(frames[TIDY_CSV], "json")
    text[SCHEMA_NAME] = schema_text()
    text["codebook.md"] = codebook_markdown(catalogue.taxonomy, coverage)
    text["codebook.html"] = codebook_html(catalogue.taxonomy, coverage)
    package = datapackage(catalogue.taxonomy, coverage, inputs.released, read_cff(inputs.citation_cff))
    text["datapackage.json"] = json.dumps(package, indent=2, ensure_ascii=False) + "\n"
    if inputs.changelog:
        text[CHANGELOG_NAME] = inputs.changelog
    if inputs.citation_cff:
        text[CITATION_NAME] = inputs.citation_cff
    text["README.md"] = readme(inputs, sorted([*text, "README.md"]))
    return {name: value.encode("utf-8") for name, value in text.items()}


def release_folder_name(coverage: Coverage) -> str:
    return f"peace-proposals-data-{coverage.data_version or coverage.data_as_of}"


def write_release(directory: Path, files: dict[str, bytes]) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in files.items():
        (directory / name).write_bytes(content)
        written.append(directory / name)
    return written


def release_zip(files: dict[str, bytes], folder: str) -> bytes:
    """The files in one zip, inside a folder named after the version (fixed timestamps: same data, same bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name])
    return buffer.getvalue()
