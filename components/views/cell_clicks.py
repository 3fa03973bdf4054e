"""Clicks (or Enter) on a matrix cell, sent to Python without reloading the page.

A JavaScript-only `st.components.v2` component listens on the document for
clicks on `td[data-cell]` (the matrix in `components/render/matrix.py`) and sends the
cell's `area:proposal` id as a one-time trigger. The cell's own link (with
`cell=` in the query string) still works where JavaScript does not."""
from __future__ import annotations

from typing import Callable

import streamlit as st

KEY = "pm_cell_clicks"

JS = """
export default function(component) {
  const { setTriggerValue } = component;
  const handler = (event) => {
    if (event.type === "keydown" && event.key !== "Enter" && event.key !== " ") return;
    const target = event.target && event.target.closest ? event.target : null;
    if (!target || target.closest(".gl")) return;  // a glossary term opens its own explanation
    const cell = target.closest("td[data-cell]");
    if (!cell) return;
    event.preventDefault();
    event.stopPropagation();
    setTriggerValue("cell", cell.getAttribute("data-cell"));
  };
  document.addEventListener("click", handler, true);
  document.addEventListener("keydown", handler, true);
  return () => {
    document.removeEventListener("click", handler, true);
    document.removeEventListener("keydown", handler, true);
  };
}
"""

_listener = st.components.v2.component("pm_cell_clicks", js=JS, isolate_styles=False)


def clicked() -> str | None:
    """The `area:proposal` id of the cell just clicked (inside the callback), if any."""
    result = st.session_state.get(KEY)
    return getattr(result, "cell", None) if result is not None else None


def listen(on_click: Callable[[], None]) -> None:
    _listener(key=KEY, on_cell_change=on_click)
