"""On a phone the sidebar covers the page; picking a page in its menu closes it, so the page picked is what the
student sees. A small JavaScript-only `st.components.v2` component (no visible output) listens for clicks on the
menu's links and, on screens narrower than Streamlit's own mobile breakpoint (768 px), presses the sidebar's
close button once the new page is chosen."""
from __future__ import annotations

import streamlit as st

MOBILE_MAX_WIDTH = 767.98  # px: below 768 px Streamlit draws the sidebar over the page

JS = """
export default function() {
  if (window.__ppSidebarCloser) return;
  window.__ppSidebarCloser = true;
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest('[data-testid="stSidebarNav"] a');
    if (!link || !window.matchMedia("(max-width: %(width)spx)").matches) return;
    setTimeout(() => {
      const sidebar = document.querySelector('[data-testid="stSidebar"]');
      if (!sidebar || sidebar.getAttribute("aria-expanded") === "false") return;
      const close = sidebar.querySelector('[data-testid="stSidebarCollapseButton"] button');
      if (close) close.click();
    }, 0);
  }, true);
}
""" % {"width": MOBILE_MAX_WIDTH}

_closer = st.components.v2.component("pp_phone_sidebar", js=JS, isolate_styles=False)


def install() -> None:
    """Mount the listener (once per page load; the component itself draws nothing)."""
    _closer(key="phone_sidebar")
