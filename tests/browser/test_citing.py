"""Citing the data in the browser. 'Cite this view' (components/views/copy_link.py): the citation in APA, MLA and
Chicago names the data version and today's date, and the link inside it reopens the same view in a fresh session.
The Sources page's data release downloads as one zip named after the version."""
from __future__ import annotations

import io
import re
import zipfile

from test_pages import matrix_areas, matrix_header, open_page, query

from helpers import ROOT
from model.data.coverage import load_coverage

VIEW = ("/compare?proposals=us-28-point-draft,russia-position,e3-counterproposal"
        "&areas=territory,military_limits&as_of=2024-07")


def citations(page) -> dict[str, str]:
    page.get_by_role("button", name="Cite this view").click()
    page.wait_for_selector(".copy-link .citation")
    boxes = page.locator(".copy-link .citation")
    return {box.get_attribute("data-style"): box.locator("p").inner_text() for box in boxes.all()}


def test_the_citation_names_the_version_and_its_link_reopens_the_same_view(server, new_page):
    first = new_page()
    open_page(first, server + VIEW)
    header, areas = matrix_header(first), matrix_areas(first)
    assert len(header) == 3 and areas == ["Territory", "Military limits"]
    cited = citations(first)
    assert list(cited) == ["APA", "MLA", "Chicago"]
    info, _ = load_coverage(ROOT / "proposals", [])
    for text in cited.values():
        assert f"Version {info.data_version}" in text
        assert "Peace proposals compared" in text and "{link}" not in text
    assert re.search(r"Retrieved [A-Z][a-z]+ \d{1,2}, \d{4}, from http", cited["APA"])
    link = re.search(r"from (http\S+)$", cited["APA"]).group(1)
    assert link in cited["MLA"] and link in cited["Chicago"]
    assert query(link) == query(first.url) and query(link)["proposals"].count(",") == 2

    second = new_page()
    open_page(second, link)
    assert matrix_header(second) == header and matrix_areas(second) == areas
    assert "as of 2024-07" in second.locator(".pm-legend").first.inner_text()


def test_the_citation_follows_the_view_after_it_changes(server, new_page):
    page = new_page()
    open_page(page, f"{server}/charts?chart=Territory")
    tab = page.get_by_role("tab", name="Security guarantees")
    tab.click()
    page.wait_for_function("() => location.search.includes('Security')")
    link = re.search(r"from (http\S+)$", citations(page)["APA"]).group(1)
    assert query(link).get("chart") == "Security guarantees" and link.startswith(f"{server}/charts")


def test_the_sources_page_downloads_the_release_named_after_the_version(server, page):
    open_page(page, f"{server}/sources")
    info, _ = load_coverage(ROOT / "proposals", [])
    with page.expect_download() as download:
        page.locator('[data-testid="stDownloadButton"] button', has_text="Download the data release (zip)").click()
    name = f"peace-proposals-data-{info.data_version}"
    assert download.value.suggested_filename == f"{name}.zip"
    with zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes())) as archive:
        names = set(archive.namelist())
    assert {f"{name}/tidy.csv", f"{name}/datapackage.json", f"{name}/codebook.html", f"{name}/CHANGELOG.md"} <= names
