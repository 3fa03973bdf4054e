"""On a phone the sidebar covers the page; picking a page in its menu closes it, so the page picked is what the
student sees. A few lines of our own JavaScript (`st.html(..., unsafe_allow_javascript=True)`, no visible output,
no user content) listen for clicks on the menu's links and, on screens narrower than Streamlit's own mobile
breakpoint (768 px), press the sidebar's close button once the new page is chosen."""
from __future__ import annotations

import streamlit as st

MOBILE_MAX_WIDTH = 767.98  # px: below 768 px Streamlit draws the sidebar over the page

JS = """<script>
(() => {
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
})();
</script>""" % {"width": MOBILE_MAX_WIDTH}


def install() -> None:
    """Install the listener (once per page load; nothing is drawn). Plain HTML rather than a component: a component
    is a widget whose state every script run of the session goes through, each live-class phone's periodic check
    included, and that measurably slowed ten live classes on one process (docs/performance.md)."""
    st.html(JS, unsafe_allow_javascript=True)
