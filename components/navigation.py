"""The list of pages, in menu order. Each page module has `render(context)`, which returns early (never
`st.stop()`) when there is nothing to show, so the rest of app.py still runs and writes the current view into the link."""
from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import streamlit as st

from components.pages import glossary as glossary_view
from components.pages import charts as charts_page
from components.pages import compare as compare_page
from components.pages import versions as diff_page
from components.pages import methodology as methodology_page
from components.pages import points as points_page
from components.pages import sources as sources_page
from components.pages import timeline as timeline_page
from components.pages import quiz as quiz_page
from components.pages import upload
from components.pages import build as build_page
from components.pages import live_class as live_class_page
from components.state.context import Context
from components.state.data import seed_names


ALL_CHOICES = frozenset({"proposals", "areas", "as_of"})
# The browser tab's icon, read once per process. A data URI: given as a file, Streamlit registers it as a media file
# in every session, and every script run (each live-class phone's periodic check included) scans all sessions' files.
ICON = "data:image/png;base64," + base64.b64encode((Path(__file__).parent.parent / "assets" / "icon.png").read_bytes()).decode()


@dataclass(frozen=True)
class PageSpec:
    """A page: its menu entry, its `render(context)`, and which sidebar choices it uses (the sidebar shows only those)."""

    title: str
    icon: str
    url_path: str
    render: Callable[[Context], None]
    default: bool = False
    uses: frozenset[str] = ALL_CHOICES
    citable: bool = True  # the sidebar offers "Copy link" and "Cite this view"

    def as_page(self, context: Callable[[], Context]) -> "st.Page":
        """`context` is called when the page runs (the sidebar is drawn after the page is known)."""
        def run() -> None:
            self.render(context())

        run.__name__ = f"page_{self.url_path}"
        return st.Page(run, title=self.title, icon=self.icon, url_path=self.url_path, default=self.default)

    def alias(self, context: Callable[[], Context]) -> "st.Page":
        """The default page also answers at its own path (e.g. /compare), hidden from the menu."""
        def run() -> None:
            self.render(context())

        run.__name__ = f"alias_{self.url_path}"
        return st.Page(run, title=self.title, icon=self.icon, url_path=self.url_path, visibility="hidden")


def page_defaults(catalogue) -> dict[str, object]:
    """Each page's default widget values, left out of the URL so links stay short."""
    chain = [pid for pid in diff_page.CHAIN if pid in catalogue.ids] or catalogue.ids
    seeds = seed_names()
    return {
        "only_diff": False, "detail_area": None, "open_cell": None, "point_areas": [],
        "points_of": points_page.default_plan(catalogue), "diff_from": chain[0], "diff_to": chain[1] if len(chain) > 1 else chain[0],
        "seed_file": seeds[0] if seeds else None,
    }


PAGES = [
    PageSpec("Compare", ":material/table_view:", "", compare_page.render, default=True),
    PageSpec("Charts", ":material/bar_chart:", "charts", charts_page.render, uses=frozenset({"proposals"})),
    PageSpec("Points", ":material/format_list_numbered:", "points", points_page.render),
    PageSpec("Versions", ":material/compare_arrows:", "versions", diff_page.render, uses=frozenset({"areas"})),
    PageSpec("Timeline", ":material/timeline:", "timeline", timeline_page.render, uses=frozenset()),
    PageSpec("Sources", ":material/menu_book:", "sources", sources_page.render, uses=frozenset()),
    PageSpec("Build a plan", ":material/construction:", "build", build_page.render, uses=frozenset({"as_of"})),
    PageSpec("Quiz", ":material/quiz:", "quiz", quiz_page.render, uses=frozenset({"areas"})),
    PageSpec("Add a proposal", ":material/upload_file:", "upload", upload.render, uses=frozenset()),
    PageSpec("Glossary", ":material/dictionary:", "glossary", glossary_view.render, uses=frozenset()),
    PageSpec("Methodology", ":material/straighten:", "methodology", methodology_page.render, uses=frozenset({"as_of"})),
    # join, follow, presenter view; no "Copy link"/"Cite this view": its link is the join link, and a live class is not a
    # view to cite (and a component in the sidebar would weigh on every phone's periodic check: docs/performance.md)
    PageSpec("Live class", ":material/groups:", "class", live_class_page.render, uses=frozenset(), citable=False),
]

# The Compare page is the default ("/"); it also answers at "/compare" for links that name it.
ALIAS = PageSpec("Compare", ":material/table_view:", "compare", compare_page.render)


def spec_for(url_path: str) -> PageSpec:
    """The PageSpec behind a navigation page (the Compare alias included)."""
    return next((spec for spec in [*PAGES, ALIAS] if spec.url_path == url_path), PAGES[0])
