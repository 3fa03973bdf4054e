"""Present mode's setup step (`mode=present&setup=1`): pick a ready-made lesson or the proposals and areas, print
the handout, worksheet and speaker notes, then Start. Three clicks to a lesson: Present, a ready-made lesson,
Start. Every choice is in the link at once (`proposals`, `areas`, `lesson`), and the link of the prepared lesson is
shown to save. Also `downloads`, the printable files of a view (used by Compare's handout buttons too).

Owns the session-state keys `present_setup`, `present_lesson` and the setup's own pickers `pv_pick_*`."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable
from urllib.parse import urlencode

import streamlit as st

from components.views import coverage_note

SETUP_KEY, LESSON_KEY = "present_setup", "present_lesson"
PICK_PROPOSALS, PICK_AREAS = "pv_pick_proposals", "pv_pick_areas"
VIEW_ONLY = ("mode", "slide", "setup", "lesson", "notes", "cell")  # not part of the view's own link


def _apply_preset(proposals: tuple[str, ...], areas: tuple[str, ...], key: str) -> None:
    st.session_state["sel_proposals"] = list(proposals)
    st.session_state["sel_areas"] = list(areas)
    st.session_state[LESSON_KEY] = key


def _picked() -> None:
    st.session_state["sel_proposals"] = list(st.session_state.get(PICK_PROPOSALS) or [])
    st.session_state["sel_areas"] = list(st.session_state.get(PICK_AREAS) or [])
    st.session_state.pop(LESSON_KEY, None)  # a lesson of one's own


def _start() -> None:
    st.session_state[SETUP_KEY] = False
    st.session_state["slide"] = "1"


def _base() -> str:
    try:
        return str(st.context.url or "").split("?")[0]
    except Exception:  # noqa: BLE001 - no request context (tests): a relative link
        return ""


def links(context) -> tuple[str, str]:
    """(the prepared lesson's link, the view's own link for students)."""
    from components.state import url_state

    params = url_state.current(context.url_defaults)
    if context.selection.proposals:
        params.setdefault("proposals", ",".join(p.id for p in context.selection.proposals))
    lesson = {k: v for k, v in params.items() if k not in ("slide", "setup", "notes", "cell")} | {"mode": "present"}
    view = {k: v for k, v in params.items() if k not in VIEW_ONLY}
    base = _base()
    return f"{base}?{urlencode(lesson, safe=',')}", (f"{base}?{urlencode(view, safe=',')}" if view else (base or "/"))


def _svg(fig, width: int, height: int) -> bytes | None:
    from components.render import chart_image
    try:
        return chart_image.render(fig, "svg", width, height)
    except chart_image.ExportUnavailable:
        return None


def downloads(context, areas, deck: Callable | None = None, key: str = "ho") -> None:
    """The printable files of this view, each built only when clicked: the one-sheet handout, the detailed
    handout, the worksheet and (with a deck) the speaker notes sheet."""
    from components.pages.upload import without_uploads
    from components.render import chart_image
    from components.render.handout import handout_html
    from components.render.lesson_sheets import notes_sheet_html, worksheet_html
    from components.render.short_handout import short_handout_html
    from model.lessons.worksheet import worksheet

    selection, catalogue, analysis = context.selection, context.catalogue, context.analysis
    _lesson, view = links(context)
    when = lambda: datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")  # noqa: E731

    footer_html = coverage_note.footer_html()

    def safe(build: Callable[[], str], footer: bool = True) -> Callable[[], str]:
        def run() -> str:
            try:
                return coverage_note.with_footer(build(), footer_html) if footer else build()
            except Exception as exc:  # noqa: BLE001 - a file that says what went wrong, never a traceback
                return f"<!DOCTYPE html><meta charset='utf-8'><p>The file could not be built ({type(exc).__name__}). Link: {view}</p>"
        return run

    # The one-sheet handout names the data version in its own first lines (a footer would spill onto a third page).
    data_line = coverage_note.current().line().lower()  # read during the run, like everything the callables use
    stamp = lambda: f"{when()} from {data_line}"  # noqa: E731
    short = safe(lambda: short_handout_html(
        selection.proposals, catalogue.proposals, catalogue.taxonomy, areas, link=view, generated=stamp(), as_of=selection.as_of,
        references_file=context.references, comparators=context.comparators, render=_svg, placed=analysis.placed,
        refs=analysis.references), footer=False)
    long = safe(lambda: handout_html(
        selection.proposals, catalogue.proposals, catalogue.taxonomy, areas, link=view, generated=when(), as_of=selection.as_of,
        references=context.references, comparators=context.comparators, placed=analysis.placed,
        render=lambda fig, table: chart_image.image_or_reason(fig, chart_image.source_line(table), "svg")))

    # Read session state and the request here: a download's callable runs outside the script run.
    shared, site = without_uploads(catalogue), _base().rsplit("/", 1)[0] if _base() else ""

    def sheet() -> str:
        work = worksheet(shared, list(areas), [p.id for p in selection.proposals])
        titles = [catalogue.taxonomy.area(a).title for a in areas]
        return worksheet_html(work, titles, site)

    with st.container(horizontal=True, key=f"{key}_files"):
        st.download_button("Download handout (one sheet, A4 or Letter)", short, file_name=coverage_note.file_name("peace-proposals-handout.html"),
                           mime="text/html", icon=":material/print:", key=f"{key}_short", on_click="ignore",
                           help="The glance matrix, the colour key, the best source for each cell, the charts at print "
                                "size and this view's link with a QR code. Open it in a browser and print double-sided.")
        st.download_button("Detailed handout", long, file_name=coverage_note.file_name("peace-proposals-handout-detailed.html"), mime="text/html",
                           icon=":material/description:", key=f"{key}_long", on_click="ignore",
                           help="The long form: the matrix, every chart with its data table, and every source as numbered footnotes.")
        st.download_button("Worksheet", safe(sheet), file_name=coverage_note.file_name("peace-proposals-worksheet.html"), mime="text/html",
                           icon=":material/edit_note:", key=f"{key}_sheet", on_click="ignore",
                           help="A few questions with lines to write on, and the answer key; the same questions as the "
                                "online quiz with the number printed on it.")
        if deck is not None:
            st.download_button("Speaker notes (print)", safe(lambda: notes_sheet_html(deck(context), when())),
                               file_name=coverage_note.file_name("peace-proposals-speaker-notes.html"), mime="text/html", icon=":material/speaker_notes:",
                               key=f"{key}_notes", on_click="ignore",
                               help="What to say on each slide, with where each fact comes from. For your desk: never projected.")


def show(context, deck: Callable) -> None:
    """The setup step (instead of the slides). `deck(context)` builds the slides of the current choice."""
    from model.lessons.deck_presets import presets

    catalogue, selection = context.catalogue, context.selection
    taxonomy = catalogue.taxonomy
    st.title("Prepare a lesson")
    st.markdown("**1. Choose a ready-made lesson**, or pick the proposals and areas yourself. **2. Start.** "
                "Everything you choose is in the link, so a prepared lesson is one saved link.")
    with st.container(horizontal=True, key="pv_presets"):
        for p in presets(catalogue.proposals, taxonomy):
            chosen = st.session_state.get(LESSON_KEY) == p.key
            st.button(p.label, key=f"pv_preset_{p.key}", on_click=_apply_preset, args=(p.proposals, p.areas, p.key),
                      type="primary" if chosen else "secondary", help=p.description,
                      icon=":material/check:" if chosen else None)
    st.session_state[PICK_PROPOSALS] = [p.id for p in selection.proposals]
    st.session_state[PICK_AREAS] = list(selection.areas)
    by_id = {p.id: p.short_name for p in catalogue.proposals}
    st.multiselect("Proposals", catalogue.ids, key=PICK_PROPOSALS, format_func=lambda i: by_id.get(i, i), on_change=_picked)
    st.multiselect("Issue areas", taxonomy.area_keys, key=PICK_AREAS, format_func=lambda k: taxonomy.area(k).title,
                   on_change=_picked)
    slides = deck(context)
    st.caption(f"{len(slides)} slides: a title, {sum(s.kind == 'area' for s in slides)} on the areas, "
               f"{sum(s.kind == 'chart' for s in slides)} charts and the sources.")
    with st.container(horizontal=True, key="pv_setup_go"):
        st.button("Start presenting", key="pv_start", type="primary", icon=":material/play_arrow:", on_click=_start,
                  disabled=not selection.proposals or not selection.areas)
        from components.pages.present import _exit
        st.button("Cancel", key="pv_setup_exit", on_click=_exit, icon=":material/close:")
    lesson, _view = links(context)
    st.markdown("**This lesson's link** (save it to start straight on the slides):")
    st.code(lesson, language=None, wrap_lines=True)
    st.markdown("**To print** (each opens in a browser, made when you click):")
    downloads(context, selection.areas, deck, key="pv")
