"""AppTest helpers shared by the page tests: switch to a page by its url_path, and read the matrix's HTML."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest


def open_page(at: AppTest, url_path: str) -> AppTest:
    """Switch to a callable st.navigation page by its url_path (AppTest only switches by file)."""
    if url_path == "compare":
        return at
    page_hash = next(h for h, info in at._registered_pages.items() if info.get("url_pathname") == url_path)
    at._page_hash = page_hash  # private, but the only way to reach callable pages
    return at.run()


def matrix(at: AppTest) -> str:
    return next(h.proto.body for h in at.get("html") if '<table class="pm' in h.proto.body)
