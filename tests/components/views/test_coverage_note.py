"""The coverage line every page shows (components/views/coverage_note.py): it says what the data covers and what
the last check for newer events found, without implying the data is newer than it is."""
from __future__ import annotations

from helpers import ROOT
from components.views.coverage_note import line_text
from model.data.coverage import Coverage, LaterEvent, load_coverage


def test_the_shipped_line_names_the_date_the_check_and_what_it_found():
    info, _ = load_coverage(ROOT / "proposals", [])
    text = line_text(info).replace("\\", "")  # markdown escapes
    assert f"Data as of {info.data_as_of}" in text and "Later events are not included" in text
    assert f"a check on {info.checked_on} found no new plan" in text
    assert "details on the Methodology page" in text


def test_unconfirmed_reports_are_never_counted_as_confirmed():
    event = LaterEvent(date="2026-06-04", what="A letter.", confirmed=False, sources=["x"])
    text = line_text(Coverage("2026-03-05", "n", "2026-12-06", (event,)))
    assert "1 later report(s), none confirmed by a major outlet" in text
    assert "found nothing newer" in line_text(Coverage("2026-03-05", "n", "2026-12-06", ()))
    assert "check" not in line_text(Coverage("2026-03-05", "n"))


def test_the_line_names_the_data_version_next_to_the_date():
    info, _ = load_coverage(ROOT / "proposals", [])
    text = line_text(info).replace("\\", "")
    assert f"Data as of {info.data_as_of}, data version {info.data_version}." in text
    assert "data version" not in line_text(Coverage("2026-03-05", "n"))


def test_downloads_carry_the_version_in_their_name_and_html_footer():
    from components.views.coverage_note import file_name, footer_html

    info, _ = load_coverage(ROOT / "proposals", [])
    assert file_name("sources.csv") == f"sources-data-{info.data_version}.csv"
    assert f"data version {info.data_version}" in footer_html() and "<script" not in footer_html()


def test_html_downloads_get_the_version_footer_before_the_body_closes():
    from components.views.coverage_note import footer_html, with_footer

    page = with_footer("<html><body><p>x</p></body></html>")
    assert page.endswith("</body></html>") and footer_html() in page and "data version" in footer_html()
    assert with_footer("<p>fragment</p>").endswith(footer_html())
