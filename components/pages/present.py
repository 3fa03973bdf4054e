"""Present mode (`mode=present` on any page): the current selection as full-screen
slides, without sidebar or Streamlit chrome. "Present" first opens a setup step (`setup=1`:
ready-made lessons, proposals and areas, the printable handouts, worksheet and notes sheet, then
Start); the setup lives in the link (`proposals`, `areas`, `lesson`), so a prepared lesson is one link.
Previous / Next (also ←/→ and the PageUp/PageDown keys presentation clickers send, counted in the
browser so no key press is lost: `components.views.clicker`), a "k / N" counter, the slide number in
the URL (`slide=`), Exit (also Escape) back to the same view. Speaker notes are never on the projected
page: they are the printable notes sheet of the setup step. Owns the session-state keys `present_mode`,
`slide`, `present_start`, `present_setup`, `present_lesson` and `speaker_notes` (`url_state` mirrors them)."""
from __future__ import annotations

import streamlit as st

from components.render import chart_image
from components.state.context import Context
from components.state.data import everything, version
from components.render.slide_charts import inline_svg, map_key_html, sized_figure
from components.render.slides import CHART_ALT, chart_for, slide_html, slide_table
from components.views import clicker, present_setup
from components.views import live_projector  # a live class: start, stay in step, join panel, revealed tally
from model.lessons.deck import build_deck, start_index
from model.lessons.deck_presets import preset

MODE_KEY, SLIDE_KEY, START_KEY, NOTES_KEY = "present_mode", "slide", "present_start", "speaker_notes"
SETUP_KEY, LESSON_KEY = present_setup.SETUP_KEY, present_setup.LESSON_KEY
# A chart slide's figure, in design pixels (its box on a 1280 × 720 screen; the inline SVG grows with the screen),
# whether its legend stays inside it (else its colour key is written beside it), and its smallest text.
SLIDE_FIGURE = {"troop_caps": (1200, 520, True), "territory": (800, 470, False)}
SLIDE_FONT = 22
TABLE_CHARTS = ("guarantees", "ceasefire")  # long category names: shown as large-type tables, readable from the back

HIDE_CHROME = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
[data-testid="stBottom"], footer {display:none !important;}
[data-testid="stMain"] {overflow-x:hidden;}
[data-testid="stMainBlockContainer"] {padding:8px 14px 0 14px !important; max-width:100% !important;}
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] {gap:0 !important;}  /* no gap from empty elements */
.st-key-pv_nav button {min-height:calc(48 * var(--pv-u, 1px));}
.st-key-pv_nav button p, .st-key-pv_nav .pv-count {font-size:max(24px, calc(24 * var(--pv-u, 1px))) !important; line-height:1.2;}
.st-key-pv_nav kbd, .st-key-pv_nav [data-testid="stButtonShortcut"] {font-size:max(24px, calc(24 * var(--pv-u, 1px))) !important;}
.st-key-pv_nav [data-testid="stIconMaterial"] {font-size:max(24px, calc(26 * var(--pv-u, 1px))) !important;}
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
    st.session_state[SETUP_KEY] = True  # the setup step first; its Start shows the slides


def _exit() -> None:
    for key in (MODE_KEY, SLIDE_KEY, START_KEY, NOTES_KEY, SETUP_KEY, LESSON_KEY):
        st.session_state.pop(key, None)


def _go(number: int, total: int) -> None:
    st.session_state[SLIDE_KEY] = str(min(max(number, 1), total))


def button(start: str = "title", key: str = "present_open") -> None:
    """The "Present" button of a page: opens present mode on this selection (`start`: first slide kind to show)."""
    st.button("Present", icon=":material/slideshow:", key=key, on_click=_open, args=(start,),
              help="Prepare a lesson (a ready-made one, or the proposals and areas you pick), print its handout, "
                   "worksheet and notes, then show it as slides for a projector (← → or a clicker to move, Esc to leave).")


def _chart_slide(slide, context: Context) -> dict:
    """What `slide_html` needs for a chart slide (see `_chart_parts`). Built once per data version, chart and
    proposals and shared by every session (a map slide takes a few hundred ms to build, and a live class's projector
    redraws its slide on every move); a slide showing a proposal uploaded in this session is built here each time."""
    shared = everything()[0]
    if shared is not None and all(shared.get(pid) is context.catalogue.get(pid) for pid in slide.proposal_ids):
        try:
            return _shared_chart_slide(version(), slide.chart, tuple(slide.proposal_ids), slide.title, context)
        except _Uncached as fallback:
            return fallback.parts
    return _chart_parts(slide.chart, tuple(slide.proposal_ids), slide.title, context)


class _Uncached(Exception):
    """A chart that could not be drawn as an image: shown as its table this time, not kept (the next run tries again)."""

    def __init__(self, parts: dict):
        super().__init__(parts.get("why", ""))
        self.parts = parts


@st.cache_resource(show_spinner=False, max_entries=64)
def _shared_chart_slide(data_version: str, chart: str, proposal_ids: tuple[str, ...], title: str, _context: Context) -> dict:
    parts = _chart_parts(chart, proposal_ids, title, _context)
    if "why" in parts:
        raise _Uncached(parts)
    return parts


def _chart_parts(chart: str, proposal_ids: tuple[str, ...], title: str, context: Context) -> dict:
    """The chart as inline SVG at the slide's design size (its text at least SLIDE_FONT design pixels, so at least
    20 px at 1280 × 720 and growing with the screen) with its colour key; the guarantees and ceasefire charts as
    their large-type tables. Without image export: the table and why."""
    catalogue = context.catalogue
    chosen = [catalogue.get(pid) for pid in proposal_ids]
    fig, table = chart_for(chart, chosen, catalogue.taxonomy, context.references, context.comparators)
    if chart in TABLE_CHARTS:
        return {"fallback": slide_table(chart, table)}
    width, height, legend = SLIDE_FIGURE.get(chart, (1200, 520, True))
    try:
        data = chart_image.render(sized_figure(fig, width, height, SLIDE_FONT, legend), "svg", width, height)
    except chart_image.ExportUnavailable as exc:
        return {"fallback": slide_table(chart, table), "why": str(exc)}
    key = map_key_html(catalogue.taxonomy) if chart == "territory" else ""
    return {"svg": inline_svg(data, CHART_ALT.get(chart, title)), "key": key}


def _deck(context: Context):
    selection, catalogue = context.selection, context.catalogue
    lesson = preset(st.session_state.get(LESSON_KEY), catalogue.proposals, catalogue.taxonomy)
    analysis = context.analysis
    return build_deck(selection.proposals, catalogue.proposals, catalogue.taxonomy, selection.areas, selection.as_of,
                      context.references, context.comparators, placed=analysis.placed, refs=analysis.references,
                      by_party=bool(lesson and lesson.by_party))


def show(context: Context) -> None:
    """The whole present-mode view (instead of the page)."""
    st.html(HIDE_CHROME)
    if st.session_state.get(SETUP_KEY):
        present_setup.show(context, _deck)
        return
    deck = _deck(context)
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
        parts = _chart_slide(slide, context)
        html = slide_html(slide, number, total, alt=CHART_ALT.get(slide.chart, slide.title), **parts)
        clicker.slide(html) if parts.get("svg") else st.html(html)
    else:
        st.html(slide_html(slide, number, total))
    with st.container(horizontal=True, vertical_alignment="center", key="pv_nav", gap="medium"):
        st.button("Previous", key="pv_prev", on_click=_go, args=(number - 1, total),
                  disabled=number <= 1, icon=":material/arrow_back:")
        st.html(f'<span class="pv-count" role="status" aria-live="polite">{number} / {total}</span>', width="content")
        st.button("Next", key="pv_next", on_click=_go, args=(number + 1, total),
                  disabled=number >= total, icon=":material/arrow_forward:")
        st.space("stretch")
        st.button("Exit", key="pv_exit", shortcut="Esc", on_click=_exit, icon=":material/close:",
                  help="Back to the normal view, with the same selection.")
    with st.container(key="pv_clicker"):  # ← → PageUp PageDown, counted in the browser: every press moves one slide
        clicker.listen(number, total, on_go=lambda: _go(clicker.target() or number, total))


def handout_button(context: Context, areas: list[str]) -> None:
    """The printable files of this view (each built only when clicked): "Download handout" (one sheet: the glance
    matrix, colour key, best source per cell, charts and a QR code), "Detailed handout" (every footnote) and the
    worksheet."""
    present_setup.downloads(context, areas, key="handout")
