"""Accessibility: axe-core (from npm, `npm ci` in the test setup) injected into every page finds no serious
or critical violations (present mode has its own check in test_present_mode.py)."""
from __future__ import annotations

import pytest

from test_pages import open_page
from test_present_mode import axe_violations

PAGES = ["", "charts", "points", "versions", "timeline", "sources", "build", "quiz", "upload", "glossary", "methodology"]
FOUR = "us-28-point-draft,e3-counterproposal,ukraine-position,russia-position"


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_axe_violations(server, page, path):
    open_page(page, f"{server}/{path}?proposals={FOUR}")
    bad = axe_violations(page)
    assert not bad, "\n".join(f"{v['id']} ({v['impact']}): {v['nodes']}" for v in bad)
