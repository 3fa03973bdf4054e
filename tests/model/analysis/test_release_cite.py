"""Citations of the data (model/analysis/release_cite.py): APA, MLA and Chicago, each naming the data version, the date
the data covers, the access date and the view's link."""
from __future__ import annotations

import datetime as dt

from helpers import ROOT
from model.analysis.release_cite import LINK, STYLES, cite_meta, citations, plain
from model.data.coverage import Coverage, load_coverage


def meta():
    coverage = Coverage("2026-03-05", "n", data_version="2026.03.05-2")
    return cite_meta((ROOT / "CITATION.cff").read_text(encoding="utf-8"), coverage, "2026-12-06")


def test_each_style_names_the_version_the_access_date_and_the_link():
    link = "https://example.org/compare?proposals=a,b&areas=territory"
    styles = {name: plain(parts) for name, parts in citations(meta(), dt.date(2026, 12, 8), link).items()}
    assert list(styles) == list(STYLES)
    assert styles["APA"] == ("Peace proposals compared project. (2026). Peace proposals compared: Russia–Ukraine peace "
                             "proposals, coded by issue area with their sources (Version 2026.03.05-2; data as of March 5, "
                             f"2026) [Data set]. Retrieved December 8, 2026, from {link}")
    assert styles["MLA"].endswith(f"Version 2026.03.05-2, 6 Dec. 2026, {link}. Accessed 8 Dec. 2026.")
    assert styles["Chicago"].endswith(f"Version 2026.03.05-2 (data as of March 5, 2026). Dataset, 2026. "
                                      f"Accessed December 8, 2026. {link}.")


def test_the_link_is_a_placeholder_until_the_browser_fills_it_and_the_title_is_set_apart_for_italics():
    for before, title, after in citations(meta(), dt.date(2026, 9, 1)).values():
        assert after.count(LINK) == 1 and LINK not in before + title
        assert title.startswith("Peace proposals compared")
    assert "Accessed 1 Sept. 2026." in plain(citations(meta(), dt.date(2026, 9, 1))["MLA"])


def test_the_shipped_citation_names_the_shipped_version():
    coverage, _ = load_coverage(ROOT / "proposals", [])
    parts = citations(cite_meta((ROOT / "CITATION.cff").read_text(encoding="utf-8"), coverage, None), dt.date(2026, 12, 8))
    assert all(f"Version {coverage.data_version}" in plain(p) for p in parts.values())
    assert "(n.d.)" in plain(parts["APA"]), "no release date: no year is invented"
