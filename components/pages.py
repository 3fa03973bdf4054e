"""The list of pages, in menu order. Each page module has `render(context)`."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import streamlit as st

from components import charts_page, compare_page, diff_page, methodology_page, points_page, sources_page, timeline_page
from components.context import Context


@dataclass(frozen=True)
class PageSpec:
    title: str
    icon: str
    url_path: str
    render: Callable[[Context], None]
    default: bool = False

    def as_page(self, context: Context) -> "st.Page":
        def run() -> None:
            self.render(context)

        run.__name__ = f"page_{self.url_path}"
        return st.Page(run, title=self.title, icon=self.icon, url_path=self.url_path, default=self.default)


PAGES = [
    PageSpec("Compare", "🧭", "compare", compare_page.render, default=True),
    PageSpec("Charts", "📊", "charts", charts_page.render),
    PageSpec("Points", "🔢", "points", points_page.render),
    PageSpec("Versions", "🔀", "versions", diff_page.render),
    PageSpec("Timeline", "🗓️", "timeline", timeline_page.render),
    PageSpec("Sources", "📚", "sources", sources_page.render),
    PageSpec("Methodology", "📐", "methodology", methodology_page.render),
]
