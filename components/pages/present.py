"""Present mode (`mode=present` on any page): the current selection as full-screen
slides, without sidebar or Streamlit chrome. Previous / Next (also ←/→ and the
PageUp/PageDown keys presentation clickers send), a "k / N" counter, the slide
number in the URL (`slide=`), Exit (also Escape) back to the same view, and
speaker notes with `notes=1`. Owns the session-state keys `present_mode`,
`slide`, `present_start` and `speaker_notes` (`url_state` mirrors them)."""
from __future__ import annotations

import streamlit as st

from components.render import chart_image
from components.state.context import Context
from components.render.slides import CHART_ALT, chart_for, notes_html, presentation_fonts, slide_html, slide_table
from components.views import live_projector  # a live class: start, stay in step, join panel, revealed tally
from model.lessons.deck import build_deck, start_index

MODE_KEY, SLIDE_KEY, START_KEY, NOTES_KEY = "present_mode", "slide", "present_start", "speaker_notes"
# Pixels of a chart slide's image (height None: the figure's own), shown scaled (vector) to fit the slide.
SLIDE_IMAGE = {"troop_caps": (1100, 540), "territory": (1400, None), "ceasefire": (1100, None)}

HIDE_CHROME = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
[data-testid="stBottom"], footer {display:none !important;}
[data-testid="stMain"] {overflow-x:hidden;}
[data-testid="stMainBlockContainer"] {padding:8px 14px 0 14px !important; max-width:100% !important;}
.st-key-pv_nav button {min-height:48px;}
.st-key-pv_nav button p, .st-key-pv_nav .pv-count {font-size:24px !important; line-height:1.2;}
.st-key-pv_nav kbd, .st-key-pv_nav [data-testid="stButtonShortcut"] {font-size:24px !important;}
.st-key-pv_clicker, div:has(> .st-key-pv_clicker) {position:absolute !important; left:-10000px !important; top:0;
  width:1px; height:1px; overflow:hidden;}
</style>
"""


def active() -> bool:
    """Is present mode on? (Before the URL has been read into session state, the URL says.)"""
    if st.session_state.get("_url_seeded"):
        return st.session_state.get(MODE_KEY) == "present"
    return st.query_params.get("mode") == "present"


def _open(start: str) -> None:
    st.session_state[MODE_KEY] = "present"
    st.session_state[START_KEY] = start
    st.session_state[SLIDE_KEY] = "1"


def _exit() -> None:
    for key in (MODE_KEY, SLIDE_KEY, START_KEY, NOTES_KEY):
        st.session_state.pop(key, None)


def _go(number: int, total: int) -> None:
    st.session_state[SLIDE_KEY] = str(min(max(number, 1), total))


def button(start: str = "title", key: str = "present_open") -> None:
    """The "Present" button of a page: opens present mode on this selection (`start`: first slide kind to show)."""
    st.button("Present", icon=":material/slideshow:", key=key, on_click=_open, args=(start,),
              help="Show the current selection as slides for a projector (← → or a clicker to move, Esc to leave).")


def _chart_slide(slide, context: Context):
    """The chart slide's image (SVG, made on demand and cached per figure), or a large-type table with the reason.
    The guarantees chart (four panels of long category names) is shown as its table: readable from the back."""
    catalogue = context.catalogue
    chosen = [catalogue.get(pid) for pid in slide.proposal_ids]
    fig, table = chart_for(slide.chart, chosen, catalogue.taxonomy, context.references, context.comparators)
    if slide.chart == "guarantees":
        return None, "", slide_table("guarantees", table)
    width, height = SLIDE_IMAGE.get(slide.chart, (1100, None))
    fig = presentation_fonts(fig, 20 if slide.chart == "troop_caps" else 18)
    data, why = chart_image.image_or_reason(fig, chart_image.source_line(table), "svg", width, height)
    return data, why, slide_table(slide.chart, table)


def show(context: Context) -> None:
    """The whole present-mode view (instead of the page)."""
    st.html(HIDE_CHROME)
    selection, catalogue = context.selection, context.catalogue
    deck = build_deck(selection.proposals, catalogue.proposals, catalogue.taxonomy, selection.areas, selection.as_of,
                      context.references, context.comparators)
    total = len(deck)
    start = st.session_state.pop(START_KEY, None)
    if start:
        st.session_state[SLIDE_KEY] = str(start_index(deck, start))
    raw = str(st.session_state.get(SLIDE_KEY) or "1")
    number = min(max(int(raw) if raw.isdigit() else 1, 1), total)
    st.session_state[SLIDE_KEY] = str(number)
    live_projector.show(context, deck, number)
    slide = deck[number - 1]
    if slide.kind == "chart":
        data, why, table = _chart_slide(slide, context)
        st.html(slide_html(slide, number, total, image=data, alt=CHART_ALT.get(slide.chart, slide.title), fallback=table, why=why))
    else:
        st.html(slide_html(slide, number, total))
    with st.container(horizontal=True, vertical_alignment="center", key="pv_nav", gap="medium"):
        st.button("Previous", key="pv_prev", shortcut="Left", on_click=_go, args=(number - 1, total),
                  disabled=number <= 1, icon=":material/arrow_back:")
        st.html(f'<span class="pv-count" role="status" aria-live="polite">{number} / {total}</span>', width="content")
        st.button("Next", key="pv_next", shortcut="Right", on_click=_go, args=(number + 1, total),
                  disabled=number >= total, icon=":material/arrow_forward:")
        st.space("stretch")
        st.button("Exit", key="pv_exit", shortcut="Esc", on_click=_exit, icon=":material/close:",
                  help="Back to the normal view, with the same selection.")
    with st.container(key="pv_clicker"):  # the keys presentation clickers send; off-screen, not hidden from shortcuts
        st.button("Previous slide (Page Up)", key="pv_pgup", shortcut="PageUp", on_click=_go, args=(number - 1, total))
        st.button("Next slide (Page Down)", key="pv_pgdn", shortcut="PageDown", on_click=_go, args=(number + 1, total))
    if st.session_state.get(NOTES_KEY):
        st.html(notes_html(slide.notes))


def handout_button(context: Context, areas: list[str]) -> None:
    """"Download handout": one self-contained HTML file of this view (built only when clicked)."""
    from datetime import datetime, timezone
    from urllib.parse import urlencode

    from components.state import url_state
    from components.render.handout import handout_html

    selection, catalogue = context.selection, context.catalogue
    query = urlencode(url_state.current(context.url_defaults))
    try:
        base = str(st.context.url or "").split("?")[0]
    except Exception:  # noqa: BLE001 - no request context (tests): a relative link
        base = ""
    link = f"{base}?{query}" if query else (base or "/")

    def build() -> str:
        render = lambda fig, table: chart_image.image_or_reason(fig, chart_image.source_line(table), "svg")
        try:
            return handout_html(selection.proposals, catalogue.proposals, catalogue.taxonomy, areas, link=link,
                                generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), as_of=selection.as_of,
                                references=context.references, comparators=context.comparators, render=render,
                                placed=context.analysis.placed)
        except Exception as exc:  # noqa: BLE001 - a file that says what went wrong, never a traceback
            return f"<!DOCTYPE html><meta charset='utf-8'><p>The handout could not be built ({type(exc).__name__}). Link: {link}</p>"

    st.download_button("Download handout (HTML, prints on A4 or Letter)", build, file_name="peace-proposals-handout.html",
                       mime="text/html", icon=":material/print:", key="handout", on_click="ignore",
                       help="One file that opens without a network: the matrix, the charts with their tables, and every source "
                            "as numbered footnotes. Open it in a browser and print.")
