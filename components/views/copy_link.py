"""A "Copy link" button: copies the address of the current view (the URL holds the
whole view) to the clipboard, and says so. Beside it, "Cite this view": the citation of
the data in APA, MLA and Chicago style, with the data version, today's date as the
access date and the view's link (the address at the moment of the click, so the link
reopens exactly this view), each with its own copy button. A small `st.components.v2`
component; the citations are built in `model.analysis.release_cite`."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from components.views import coverage_note
from model.analysis.release_cite import LINK, STYLES, cite_meta, citations

HTML = """
<div class="copy-link">
  <div class="row">
    <button type="button" class="copy">Copy link to this view</button>
    <button type="button" class="cite" aria-expanded="false">Cite this view</button>
  </div>
  <span class="done" role="status" aria-live="polite"></span>
  <div class="citations" hidden></div>
</div>
"""

CSS = """
.copy-link { display:flex; flex-direction:column; gap:.4rem; font-family: var(--st-font); color: var(--st-text-color, #111); }
.copy-link .row { display:flex; align-items:center; gap:.5rem; flex-wrap:wrap; }
.copy-link button { font: inherit; font-size: .95rem; padding: .35rem .8rem; border-radius: var(--st-button-radius, .5rem);
  border: 1px solid var(--st-border-color, #999); background: var(--st-background-color, #fff); color: var(--st-text-color, #111);
  cursor: pointer; }
.copy-link button:hover, .copy-link button:focus { border-color: var(--st-primary-color, #0B5394); outline: 2px solid var(--st-primary-color, #0B5394); }
.copy-link .done { font-size: .85rem; }
.copy-link .citations { font-size: .85rem; line-height: 1.35; overflow-wrap: anywhere; }
.copy-link .citation { margin: 0 0 .6rem 0; }
.copy-link .citation h4 { margin: 0 0 .15rem 0; font-size: .85rem; }
.copy-link .citation p { margin: 0 0 .25rem 0; }
.copy-link .citation button { font-size: .8rem; padding: .15rem .6rem; }
"""

JS = """
export default function(component) {
  const { parentElement, data } = component;
  const copy = parentElement.querySelector("button.copy");
  const cite = parentElement.querySelector("button.cite");
  const done = parentElement.querySelector(".done");
  const panel = parentElement.querySelector(".citations");
  async function put(text, message) {
    try {
      await navigator.clipboard.writeText(text);
      done.textContent = message;
    } catch (e) {
      window.prompt("Copy this:", text);
      done.textContent = "";
    }
  }
  copy.onclick = () => put(window.location.href, "Copied. Paste it anywhere: it opens this same view.");
  function fill() {
    const url = window.location.href;
    panel.replaceChildren();
    const intro = document.createElement("p");
    intro.textContent = data.intro;
    panel.appendChild(intro);
    for (const style of data.styles) {
      const box = document.createElement("div");
      box.className = "citation";
      box.dataset.style = style.name;
      const head = document.createElement("h4");
      head.textContent = style.name;
      const text = document.createElement("p");
      const title = document.createElement("i");
      title.textContent = style.title;
      text.append(style.before, title, style.after.split(data.link).join(url));
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = "Copy " + style.name;
      const plain = style.before + style.title + style.after.split(data.link).join(url);
      button.onclick = () => put(plain, style.name + " citation copied.");
      box.append(head, text, button);
      panel.appendChild(box);
    }
  }
  cite.onclick = () => {
    const open = panel.hidden;
    if (open) fill();
    panel.hidden = !open;
    cite.setAttribute("aria-expanded", String(open));
  };
}
"""

_button = st.components.v2.component("copy_view_link", html=HTML, css=CSS, js=JS)


@st.cache_data(ttl=60, show_spinner=False)
def _meta(version: str | None, data_as_of: str):
    from model.analysis.release import CITATION_PATH
    from model.data.changelog import entry_for
    from model.data.loader import proposals_dir

    entry = entry_for(proposals_dir(), version)
    cff = CITATION_PATH.read_text(encoding="utf-8") if CITATION_PATH.is_file() else ""
    return cite_meta(cff, coverage_note.current(), entry.released if entry else None)


def today() -> dt.date:
    """Today in the reader's time zone (the browser's), else the server's."""
    try:
        from zoneinfo import ZoneInfo

        zone = st.context.timezone
        return dt.datetime.now(ZoneInfo(zone)).date() if zone else dt.date.today()
    except Exception:  # an unknown zone name
        return dt.date.today()


def citation_data(accessed: dt.date) -> dict:
    """What the component shows: the three citations, with the link left as a placeholder for the browser to fill."""
    info = coverage_note.current()
    meta = _meta(info.data_version, info.data_as_of)
    styles = citations(meta, accessed)
    return {
        "intro": f"Cite the data version you saw ({info.data_version or 'no version'}) and today's date; the link "
                 "reopens this view.",
        "link": LINK,
        "styles": [{"name": name, "before": styles[name][0], "title": styles[name][1], "after": styles[name][2]}
                   for name in STYLES],
    }


def show(key: str = "copy_link") -> None:
    _button(key=key, data=citation_data(today()))
