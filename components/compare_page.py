"""Compare page: the side-by-side matrix with its legend, the 'only differences'
toggle, the detail of one area with every citation, and the tidy-table download."""
from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from components import position_detail, url_state
from components.context import Context
from components.matrix import legend_html, matrix_html
from components.safe_text import md
from model.compare import PLACEMENTS, differing_areas, matrix_frame, placements, references
from model.tidy import tidy_frame


def render(context: Context) -> None:
    catalogue, selection = context.catalogue, context.selection
    taxonomy = catalogue.taxonomy
    st.title("Peace proposals side by side")
    st.caption("Rows are issue areas, columns are proposals. Each cell is a short summary in our words; "
               "pick an area below to read the full position and the exact source passages.")
    if not selection.proposals or not selection.areas:
        st.info("Pick at least one proposal and one issue area in the sidebar.")
        st.stop()
    st.session_state.setdefault("only_diff", False)
    st.toggle("Show only areas where the chosen proposals differ", key="only_diff")
    areas = list(selection.areas)
    if st.session_state["only_diff"]:
        differing = differing_areas(selection.proposals, taxonomy, areas)
        hidden = [taxonomy.area(a).title for a in areas if a not in differing]
        if hidden:
            st.caption(f"Hidden because all chosen proposals agree (same coded position, or all silent): {md(', '.join(hidden))}")
        areas = differing
        if not areas:
            st.info("The chosen proposals agree on every chosen area.")
            st.stop()
    placed = placements(selection.proposals, catalogue.proposals, taxonomy, selection.as_of)
    frame = matrix_frame(selection.proposals, catalogue.proposals, taxonomy, areas, placed=placed)
    present = set(frame["placement"])
    kinds = [k for k in PLACEMENTS if k in present]
    st.html(legend_html(kinds, references(catalogue.proposals, taxonomy, selection.as_of)))
    st.caption("Colour = the coded position's own step on that area's scale (Methodology page). It shows where a term sits "
               "between the outcomes the two sides have sought, not merit; hover a cell for the computation.")
    notes = {a.key: a.description for a in taxonomy.areas}
    here = {k: v for k, v in url_state.current(context.url_defaults).items() if k != "detail"}
    links = {a: "?" + urlencode({**here, "detail": a}) + "#sources" for a in areas}
    st.html(matrix_html(frame, selection.proposals, notes, links))

    st.subheader("Read the sources behind an area", anchor="sources")
    st.session_state.setdefault("detail_area", areas[0])
    if st.session_state["detail_area"] not in areas:
        st.session_state["detail_area"] = areas[0]
    area = st.selectbox("Issue area", areas, key="detail_area", format_func=lambda k: taxonomy.area(k).title)
    proposals = list(selection.proposals)
    for start in range(0, len(proposals), 3):
        for column, proposal in zip(st.columns(3, gap="medium"), proposals[start:start + 3]):
            with column, st.container(border=True):
                position_detail.show(proposal, area, placed[(area, proposal.id)], taxonomy)

    st.subheader("Download")
    tidy = tidy_frame(selection.proposals, taxonomy)
    st.download_button("Download the tidy table (CSV) for the chosen proposals", tidy.to_csv(index=False),
                       file_name="peace-proposals-tidy.csv", mime="text/csv", icon=":material/download:")
    st.caption("One row per proposal, area and field: the same columns as `python -m model.export --format csv`.")
