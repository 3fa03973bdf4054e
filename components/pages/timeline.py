"""Timeline page, in two tabs whose choice is in the link (`timeline=`): every proposal on a time axis
(party, status, how it is known) with a card for the one picked, and the caps on Ukraine's army over time
against the reported current size. Only the open tab is built and drawn."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.views import chart_block
from components.views import proposal_card
from components.pages.charts import selection_key
from components.state.context import Context
from components.state.data import version
from components.render.caps_charts import caps_over_time_figure
from components.render.timeline_chart import timeline_figure
from components.render.safe_text import plot
from components.state.url_state import TIMELINE_TABS
from model.analysis.chart_data import caps_over_time_frame, timeline_frame


def _add(pid: str) -> None:
    st.session_state["sel_proposals"] = list(dict.fromkeys([*st.session_state.get("sel_proposals", []), pid]))


@st.cache_resource(show_spinner=False, max_entries=32)
def _figure(name: str, data_version: str, key: tuple, _context: Context) -> tuple[go.Figure, pd.DataFrame]:
    """One chart for all loaded proposals, built once and shared read-only by every session."""
    proposals = _context.catalogue.proposals
    if name == "timeline":
        frame = timeline_frame(proposals)
        return timeline_figure(frame), frame
    caps = caps_over_time_frame(proposals)
    return caps_over_time_figure(caps, _context.references.figures if _context.references else []), caps


def _timeline(fig: go.Figure, frame: pd.DataFrame, context: Context) -> None:
    catalogue = context.catalogue
    points = chart_block.show(fig, frame, "timeline",
                             alt="Timeline of all proposals, one row each, on an axis from late 2021 to 2026; earlier texts (the 2015 Minsk agreement) "
                                 "in a shaded strip on the left after an axis break; click a marker to open a proposal.",
                             file_name="timeline.csv", selectable=True,
                             caption="Tap or click a marker (or pick below) to open that proposal.")
    by_name = {plot(p.short_name): p.id for p in catalogue.proposals}  # the chart's names are escaped
    clicked = [by_name[pt["y"]] for pt in points if pt.get("y") in by_name]
    if clicked:
        st.session_state["timeline_pick"] = clicked[0]
    st.session_state.setdefault("timeline_pick", catalogue.ids[-1])
    pid = st.selectbox("Open a proposal", catalogue.ids, key="timeline_pick",
                       format_func=lambda i: f"{catalogue.get(i).date} · {catalogue.get(i).short_name}")
    proposal_card.show(catalogue.get(pid), catalogue)
    st.button("Add it to the comparison (Compare page)", key="timeline_open", on_click=_add, args=(pid,))


def _caps_time(fig: go.Figure, caps: pd.DataFrame, context: Context) -> None:
    chart_block.show(fig, caps, "caps_time",
                     alt="Scatter of troop caps by date: 85,000 and 250,000 in the 2022 Istanbul draft, 600,000 then 800,000 in 2025, with the reported current size as a band.",
                     file_name="caps-over-time.csv",
                     caption="Proposals with no cap, or a cap without a number, are listed under the chart's legend, never plotted at zero; proposals silent on the army appear in the table only.")


SECTIONS = {"timeline": _timeline, "caps_time": _caps_time}
assert set(SECTIONS) == set(TIMELINE_TABS), "one drawing function per tab of the link contract"


def render(context: Context) -> None:
    catalogue = context.catalogue
    st.title("Timeline")
    st.caption("All loaded proposals, whatever the sidebar selection. Colour and marker shape show who drafted each one; "
               "tap or hover a marker for its status and how the text is known (the card under the chart and the data table say the same).")
    key = selection_key(catalogue.proposals)
    chart_block.tabs("timeline", TIMELINE_TABS, SECTIONS, lambda name: _figure(name, version(), key, _context=context), context)
