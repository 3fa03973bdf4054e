"""The handout (components/render/handout.py): one self-contained HTML file holding every chosen proposal, every
citation of the chosen areas as footnotes, and nothing loaded from the network."""
from __future__ import annotations

import re
from html import escape

import pytest

from components.render.handout import handout_html, ranges
from helpers import shipped_data
from model.data.loader import load_catalogue

IDS = ["us-28-point-draft", "e3-counterproposal", "ukraine-position", "russia-position", "defp-armed-neutrality"]
AREAS = ["territory", "military_limits", "security_guarantees"]
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'


@pytest.fixture(scope="module")
def built():
    catalogue, references, comparators = shipped_data()
    chosen = [p for p in catalogue.proposals if p.id in IDS]
    html = handout_html(chosen, catalogue.proposals, catalogue.taxonomy, AREAS, link="https://example.org/compare?proposals=a",
                        generated="2026-12-02 10:00 UTC", references=references, comparators=comparators,
                        render=lambda fig, table: (SVG, ""))
    return chosen, html


def test_every_chosen_proposal_is_in_the_handout(built):
    chosen, html = built
    assert len(chosen) == len(IDS)
    for p in chosen:
        assert escape(p.short_name) in html, p.id
        assert escape(p.date) in html


def test_every_citation_of_the_chosen_areas_is_a_footnote(built):
    chosen, html = built
    footnotes = html.split("Footnotes: every source behind this handout", 1)[1]
    for p in chosen:
        for area in AREAS:
            position = p.positions.get(area)
            if position is None:
                continue
            for c in [*position.citations, *(c for n in position.contested for c in n.citations)]:
                source = p.source(c.source)
                assert escape(source.title) in footnotes, (p.id, area, c.source)
                assert escape(source.publisher) in footnotes
                if source.url:
                    assert escape(source.url, quote=True) in footnotes
                if c.quote:
                    assert escape(c.quote) in footnotes, (p.id, area, c.quote[:40])


def test_no_network_resources(built):
    _, html = built
    assert "<script" not in html.lower()
    assert not re.search(r"<link\b", html, re.I)
    assert not re.search(r"""<(img|source|iframe|embed|object|video|audio)\b[^>]*\b(src|data)\s*=\s*["']?https?:""", html, re.I)
    assert not re.search(r"url\(\s*['\"]?https?:", html, re.I)
    assert not re.search(r"@import", html, re.I)
    assert html.count("data:image/svg+xml;base64,") == 3  # troop caps, territory, guarantees


def test_title_date_link_and_print_css(built):
    _, html = built
    assert "<title>Peace proposals compared: handout</title>" in html
    assert "2026-12-02 10:00 UTC" in html and 'href="https://example.org/compare?proposals=a"' in html
    for rule in ("@media print", "break-before: page", "break-inside: avoid", "display: table-header-group"):
        assert rule in html
    assert html.count('<table class="pm"') == 2  # five proposals: two matrix tables (3 + 2 columns)


def test_without_images_the_tables_stay():
    catalogue = load_catalogue()
    chosen = [catalogue.get("us-28-point-draft")]
    html = handout_html(chosen, catalogue.proposals, catalogue.taxonomy, ["military_limits"], link="/", generated="today",
                        render=lambda fig, table: (None, "Image export needs the Chromium browser."))
    assert "No chart image: Image export needs the Chromium browser." in html
    assert "Data table" in html and "600000" in html and "data:image" not in html


def test_footnote_ranges():
    assert ranges([5, 1, 2, 3, 9]) == "1–3, 5, 9"
    assert ranges([4]) == "4"


def test_short_handout_holds_matrix_keys_best_sources_and_qr():
    """The one-sheet handout (components/render/short_handout.py): the glance matrix, each area's colour key, one
    numbered best source per cell (most reliable first), the charts as inline SVG and the link with a QR code."""
    from model.analysis.source_rank import best_source
    from components.render.short_handout import short_handout_html

    catalogue = load_catalogue()
    chosen = [p for p in catalogue.proposals if p.id in IDS[:4]]
    html = short_handout_html(chosen, catalogue.proposals, catalogue.taxonomy, AREAS, link="https://example.org/?proposals=a",
                              generated="today", render=lambda fig, w, h: SVG)
    assert 'class="pm gx"' in html and "Best source for each cell" in html and "Scan to open" in html
    assert 'href="https://example.org/?proposals=a"' in html and "<script" not in html.lower()
    cells = [(a, p) for a in AREAS for p in chosen if p.positions.get(a) is not None and p.positions[a].citations]
    assert html.count('<li><b>') >= len(cells)
    for n, (area, p) in enumerate(cells, start=1):
        source = best_source(p.positions[area].citations, p.sources)
        assert escape(source.publisher) in html
        assert f'data-cell="{area}:{p.id}"' in html
    assert f'<b class="ho-n">[{len(cells)}]</b>' in html
    for area in AREAS:
        for step in catalogue.taxonomy.area(area).scale:
            assert escape(step.short or step.label) in html
    assert html.count('class="ho-svg"') == 2  # troop caps and territory drawn; guarantees printed as its table
