"""A "Copy link" button: copies the address of the current view (the URL holds the
whole view) to the clipboard, and says so. A small `st.components.v2` component."""
from __future__ import annotations

import streamlit as st

HTML = """
<div class="copy-link">
  <button type="button">Copy link to this view</button>
  <span class="done" role="status" aria-live="polite"></span>
</div>
"""

CSS = """
.copy-link { display:flex; align-items:center; gap:.5rem; flex-wrap:wrap; font-family: var(--st-font); }
.copy-link button { font: inherit; font-size: .95rem; padding: .35rem .8rem; border-radius: var(--st-button-radius, .5rem);
  border: 1px solid var(--st-border-color, #999); background: var(--st-background-color, #fff); color: var(--st-text-color, #111);
  cursor: pointer; }
.copy-link button:hover, .copy-link button:focus { border-color: var(--st-primary-color, #0B5394); outline: 2px solid var(--st-primary-color, #0B5394); }
.copy-link .done { font-size: .85rem; }
"""

JS = """
export default function(component) {
  const { parentElement } = component;
  const button = parentElement.querySelector("button");
  const done = parentElement.querySelector(".done");
  button.onclick = async () => {
    const url = window.location.href;
    try {
      await navigator.clipboard.writeText(url);
      done.textContent = "Copied. Paste it anywhere: it opens this same view.";
    } catch (e) {
      window.prompt("Copy this link:", url);
      done.textContent = "";
    }
  };
}
"""

_button = st.components.v2.component("copy_view_link", html=HTML, css=CSS, js=JS)


def show(key: str = "copy_link") -> None:
    _button(key=key)
