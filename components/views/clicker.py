"""Every key press of a presentation clicker counts: ←/→ and PageUp/PageDown are counted in the browser
(`listen`); and a chart slide shown with its inline SVG (`slide`).

A JavaScript-only `st.components.v2` component listens on the document while a slide is shown. Each press moves a
target slide number one step from the last target not yet shown (or from the slide shown), and sends that absolute
number as a one-time trigger. Presses that arrive while the app is still drawing an earlier slide are therefore
never lost: Streamlit merges triggers sent during a run keeping the newest, and the newest is the sum of every press
(5 PageDowns sent 50 ms apart from slide 1 land on slide 6)."""
from __future__ import annotations

from typing import Callable

import streamlit as st

KEY = "pv_keys"

JS = """
export default function(component) {
  const { data, setTriggerValue } = component;
  const w = window.__pvKeys || (window.__pvKeys = {pending: null, at: 0, listening: false});
  w.slide = data.slide; w.total = data.total; w.send = setTriggerValue;
  // the shown slide caught up with the presses (or they are old news): count from the slide shown again
  if (w.pending !== null && (w.pending === data.slide || Date.now() - w.at > 5000)) w.pending = null;
  if (!w.listening) {
    w.listening = true;
    document.addEventListener("keydown", (event) => {
      if (!document.querySelector(".pv-slide")) return;
      const t = event.target;
      if (t && t.closest && t.closest("input, textarea, select, [contenteditable='true']")) return;
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const step = {ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1}[event.key];
      if (!step) return;
      event.preventDefault();
      event.stopPropagation();
      const from = w.pending !== null ? w.pending : w.slide;
      const to = Math.min(Math.max(from + step, 1), w.total);
      if (to === from) return;
      w.pending = to;
      w.at = Date.now();
      w.send("go", to);
    }, true);
  }
}
"""

_keys = st.components.v2.component("pv_clicker_keys", js=JS, isolate_styles=False)


def target() -> int | None:
    """The slide number the key presses asked for (inside the callback)."""
    result = st.session_state.get(KEY)
    value = getattr(result, "go", None) if result is not None else None
    return int(value) if isinstance(value, (int, float)) and value >= 1 else None


def listen(slide: int, total: int, on_go: Callable[[], None]) -> None:
    """Count the clicker's key presses from `slide` (of `total`); `on_go` runs when a press asks for a slide."""
    _keys(key=KEY, data={"slide": slide, "total": total}, on_go_change=on_go)


# A chart slide holds its chart as inline SVG, which `st.html` would strip (it sanitises SVG away): this small
# component places the slide's markup (built by `components.render.slides`, every data string escaped) as it is.
SLIDE_JS = """
export default function(component) {
  const { data, parentElement } = component;
  if (parentElement.__pvHtml !== data.html) {
    parentElement.innerHTML = data.html;
    parentElement.__pvHtml = data.html;
  }
}
"""

_slide = st.components.v2.component("pv_svg_slide", js=SLIDE_JS, isolate_styles=False)


def slide(html: str, key: str = "pv_svg_slide") -> None:
    """Show a slide's HTML unsanitised (for its inline SVG chart)."""
    _slide(key=key, data={"html": html})
