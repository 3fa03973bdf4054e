"""The Sources page offers the data release as one download, built on click (a deferred file), and not at all while
the data has problems; every page's coverage line names the data version."""
from __future__ import annotations

import io
import zipfile

from streamlit.testing.v1 import AppTest

from apptest_pages import open_page
from helpers import ROOT
from model.data.coverage import load_coverage


def test_the_sources_page_offers_the_release_built_on_click():
    at = open_page(AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run(), "sources")
    assert not at.exception
    [button] = [b for b in at.get("download_button") if b.proto.label == "Download the data release (zip)"]
    assert button.proto.deferred_file_id and button.proto.ignore_rerun, "built when clicked, without a rerun"
    info, _ = load_coverage(ROOT / "proposals", [])
    captions = [c.value.replace("\\", "") for c in at.caption]
    assert any(f"data version {info.data_version}" in c for c in captions)


def test_the_release_zip_holds_the_release_of_the_published_data():
    from components.pages.sources import _release_zip
    from components.state.data import version

    with zipfile.ZipFile(io.BytesIO(_release_zip(version()))) as archive:
        names = archive.namelist()
    info, _ = load_coverage(ROOT / "proposals", [])
    folder = f"peace-proposals-data-{info.data_version}"
    assert {f"{folder}/tidy.csv", f"{folder}/datapackage.json", f"{folder}/codebook.html", f"{folder}/CITATION.cff",
            f"{folder}/CHANGELOG.md"} <= set(names)


def test_no_release_is_offered_when_the_version_has_no_changelog_entry(monkeypatch):
    from components.pages.sources import _release_problems

    monkeypatch.setenv("PEACE_PROPOSALS_DIR", str(ROOT / "tests" / "fixtures" / "version_without_changelog"))
    assert _release_problems("fixture-without-changelog") == 1
