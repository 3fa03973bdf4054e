"""Timeline page: every proposal on a time axis (party, status, how it is known),
and the caps on Ukraine's army over time against the reported current size."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components import chart_block, proposal_card
from components.charts_page import selection_key
from components.context import Context
from components.data import version
from components.figures import caps_over_time_figure, timeline_figure
from components.safe_text import plot
from model.chart_data import caps_over_time_frame, timeline_frame


def _add(pid: str) -> None:
    st.session_state["sel_proposals"] = list(dict.fromkeys([*st.session_state.get("sel_proposals", []), pid]))


@st.cache_resource(show_spinner=False, max_entries=16)
def _figures(data_version: str, key: tuple, _context: Context) -> dict[str, tuple[go.Figure, pd.DataFrame]]:
    """Both charts for the loaded proposals, built once and shared read-only by every session."""
    proposals = _context.catalogue.proposals
    refs = _context.references.figures if _context.references else []
    frame, caps = timeline_frame(proposals), caps_over_time_frame(proposals)
    return {"timeline": (timeline_figure(frame), frame), "caps_time": (caps_over_time_figure(caps, refs), caps)}


def render(context: Context) -> None:
    catalogue = context.catalogue
    st.title("Timeline")
    st.caption("All loaded proposals, whatever the sidebar selection. Colour and marker shape show who drafted each one; "
               "hover for status and how the text is known.")
    figures = _figures(version(), selection_key(catalogue.proposals), _context=context)
    event = chart_block.show(*figures["timeline"], "timeline",
                             alt="Timeline of all proposals, one row each, from the 2015 Minsk agreement to the 2025 plans; click a marker to open a proposal.",
                             file_name="timeline.csv", selectable=True,
                             caption="Click a marker (or pick below) to open that proposal.")
    by_name = {plot(p.short_name): p.id for p in catalogue.proposals}  # the chart's names are escaped
    clicked = [by_name[pt["y"]] for pt in (event.selection.points if event else []) if pt.get("y") in by_name]
    if clicked:
        st.session_state["timeline_pick"] = clicked[0]
    st.session_state.setdefault("timeline_pick", catalogue.ids[-1])
    pid = st.selectbox("Open a proposal", catalogue.ids, key="timeline_pick",
                       format_func=lambda i: f"{catalogue.get(i).date} · {catalogue.get(i).short_name}")
    proposal_card.show(catalogue.get(pid), catalogue)
    st.button("Add it to the comparison (Compare page)", key="timeline_open", on_click=_add, args=(pid,))

    st.header("Caps on Ukraine's army over time")
    chart_block.show(*figures["caps_time"], "caps_time",
                     alt="Scatter of troop caps by date: 85,000 and 250,000 in the 2022 Istanbul draft, 600,000 then 800,000 in 2025, with the reported current size as a band.",
                     file_name="caps-over-time.csv",
                     caption="Proposals with no cap, or a cap without a number, are listed under the chart's legend, never plotted at zero; proposals silent on the army appear in the table only.")
