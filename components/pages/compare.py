"""Compare page: the side-by-side matrix (by default the glance: every area and proposal in one screen, a few
words per cell; `summaries=1` in the link shows each cell's summary) with its legend, the 'only differences'
toggle, one cell's sources in a dialog (click a cell; `cell=` in the link), every
proposal's position on one area when asked for, and the tidy-table download."""
from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from components.views import cell_clicks
from components.views import coverage_note, position_detail
from components.state import url_state
from components.pages import present as present_mode
from components.state.context import Context
from components.state.data import version
from components.render.glance import glance_html
from components.render.matrix import legend_html, matrix_html
from components.render.safe_text import md
from model.analysis.compare import PLACEMENTS, matrix_frame
from model.analysis.export import to_csv
from model.data.glossary import load_glossary
from model.analysis.tidy import tidy_frame


def _open_cell() -> None:
    st.session_state["open_cell"] = cell_clicks.clicked()


def _close_cell() -> None:
    st.session_state["open_cell"] = None


@st.dialog("The sources behind this cell", width="large", on_dismiss=_close_cell)
def _cell_dialog(proposal, area: str, placement, taxonomy) -> None:
    st.caption(md(taxonomy.area(area).title))
    position_detail.show(proposal, area, placement, taxonomy)


def _show_open_cell(context: Context) -> None:
    """Open the dialog for the cell in `open_cell` (set by a click or by `cell=` in the link)."""
    value = st.session_state.get("open_cell")
    if not value:
        return
    area, _, pid = value.partition(":")
    proposal = next((p for p in context.selection.proposals if p.id == pid), None)
    if proposal is None or area not in context.catalogue.taxonomy.area_keys:
        st.session_state["open_cell"] = None
        return
    _cell_dialog(proposal, area, context.analysis.placement(area, pid), context.catalogue.taxonomy)


@st.cache_data(show_spinner=False, max_entries=512)
def _matrix(data_version: str, ids: tuple[str, ...], areas: tuple[str, ...], as_of: str | None,
            here: tuple[tuple[str, str], ...], summaries: bool, _context: Context) -> tuple[str, str]:
    """The legend and the matrix HTML for one selection: pure, so cached on what they depend on
    (the data files' version, the chosen ids and areas, the as-of month and the link's other parameters)."""
    catalogue, selection, analysis = _context.catalogue, _context.selection, _context.analysis
    taxonomy = catalogue.taxonomy
    frame = matrix_frame(selection.proposals, catalogue.proposals, taxonomy, list(areas), placed=analysis.placed)
    present = set(frame["placement"])
    kinds = [k for k in PLACEMENTS if k in present]
    legend = legend_html(kinds, analysis.references, glance=not summaries)
    notes = {a.key: a.description for a in taxonomy.areas}
    link_params = dict(here)
    draw = matrix_html if summaries else glance_html
    matrix = draw(frame, selection.proposals, notes,
                  lambda area, pid: "?" + urlencode({**link_params, "cell": f"{area}:{pid}"}), load_glossary())
    return legend, matrix


def render(context: Context) -> None:
    catalogue, selection = context.catalogue, context.selection
    taxonomy = catalogue.taxonomy
    st.title("Peace proposals side by side")
    if not selection.proposals or not selection.areas:
        present_mode.button()
        st.info("Pick at least one proposal and one issue area in the sidebar.")
        return
    st.session_state.setdefault("only_diff", False)
    st.session_state.setdefault("show_summaries", False)
    with st.container(horizontal=True, vertical_alignment="center", gap="medium"):
        present_mode.button()
        st.toggle("Only areas where they differ", key="only_diff",
                  help="Hide the areas on which all chosen proposals have the same coded position (or are all silent).")
        st.toggle("Show summaries", key="show_summaries",
                  help="Each cell shows a short summary in our words instead of its few-word headline.")
    summaries = bool(st.session_state["show_summaries"])
    areas = list(selection.areas)
    if st.session_state["only_diff"]:
        differing = list(context.analysis.differing)
        hidden = [taxonomy.area(a).title for a in areas if a not in differing]
        if hidden:
            st.caption(f"Hidden because all chosen proposals agree (same coded position, or all silent): {md(', '.join(hidden))}")
        areas = differing
        if not areas:
            st.info("The chosen proposals agree on every chosen area.")
            return
    here = {k: v for k, v in url_state.current(context.url_defaults).items() if k not in ("detail", "cell")}
    legend, matrix = _matrix(version(), tuple(p.id for p in selection.proposals), tuple(areas), selection.as_of,
                             tuple(sorted(here.items())), summaries, _context=context)
    cell_clicks.listen(_open_cell)
    how = ("Rows are issue areas, columns are proposals. " + (
        "Each cell is a short summary in our words" if summaries else "Each cell gives the coded position in a few words")
        + ": click or tap a cell to read its full position and the exact source passages.")
    if summaries:
        st.caption(how)
        st.html(legend)
        st.html(matrix)
    else:  # the glance first, so the whole comparison fits one screen under the title; how to read it right below
        st.html(matrix)
        st.caption(how)
        st.html(legend)
    _show_open_cell(context)  # the selection's placements are computed only if a dialog or an area's detail needs them

    st.subheader("Every chosen proposal on one area", anchor="sources")
    if st.session_state.get("detail_area") not in areas:
        st.session_state["detail_area"] = None
    area = st.selectbox("Issue area", areas, key="detail_area", placeholder="Choose an area to read every position in full…",
                        format_func=lambda k: taxonomy.area(k).title)
    if area is not None:
        proposals = list(selection.proposals)
        for start in range(0, len(proposals), 3):
            for column, proposal in zip(st.columns(3, gap="medium"), proposals[start:start + 3]):
                with column, st.container(border=True):
                    position_detail.show(proposal, area, context.analysis.placement(area, proposal.id), taxonomy)

    st.subheader("Download")
    chosen = selection.proposals
    st.download_button("Download the tidy table (CSV) for the chosen proposals",
                       lambda: to_csv(tidy_frame(chosen, taxonomy)),  # built only when clicked
                       file_name=coverage_note.file_name("peace-proposals-tidy.csv"), mime="text/csv", icon=":material/download:", on_click="ignore")
    st.caption("One row per proposal, area and field, with the sources behind each value.")
    present_mode.handout_button(context, areas)
