"""Sources page: every source, grouped by kind, with reliability, the cells that
cite it, and the seed documents readable in full."""
from __future__ import annotations

from collections import defaultdict

import pandas as pd
import streamlit as st

from components.context import Context
from components.data import seed_names, seed_text, seeds_readme
from components.position_detail import KIND_LABELS


def cited_by(context: Context) -> dict[tuple[str, str], list[str]]:
    """(proposal id, source id) → the places citing it ('Territory', 'point 6', ...)."""
    taxonomy = context.catalogue.taxonomy
    places: dict[tuple[str, str], list[str]] = defaultdict(list)
    for p in context.catalogue.proposals:
        for area, position in p.positions.items():
            for c in [*position.citations, *(c for n in position.contested for c in n.citations)]:
                places[(p.id, c.source)].append(taxonomy.area(area).title)
        for point in p.points:
            for c in point.citations:
                places[(p.id, c.source)].append(f"point {point.number}")
    return places


def render(context: Context) -> None:
    st.title("Sources")
    st.caption("Every source the proposals cite (one row per document), grouped by kind. Reliability: high = official text or major outlet; "
               "medium = regional or secondary outlet, or state media used only for what its government says; "
               "low = aggregators and re-publishers, used only with corroboration.")
    places = cited_by(context)
    merged: dict[str, dict] = {}
    for p in context.catalogue.proposals:
        for s in p.sources:
            key = s.url or s.seed or f"{p.id}:{s.id}"  # the same document cited by several proposals is one row
            row = merged.setdefault(key, {
                "Kind": KIND_LABELS.get(s.kind, s.kind), "Title": s.title, "Publisher": s.publisher,
                "Date": s.date or s.date_note or "n.d.", "Reliability": s.reliability,
                "Reliability note": s.reliability_note or "", "Link": s.url or "", "Seed file": s.seed or "", "Cited by": [],
            })
            cells = ", ".join(dict.fromkeys(places.get((p.id, s.id), [])))
            if cells:
                row["Cited by"].append(f"{p.short_name}: {cells}")
    rows = [{**row, "Cited by": " | ".join(row["Cited by"])} for row in merged.values()]
    frame = pd.DataFrame(rows)
    kinds = st.multiselect("Kinds", sorted(frame["Kind"].unique()), key="source_kinds")
    for kind, group in frame.groupby("Kind"):
        if kinds and kind not in kinds:
            continue
        st.subheader(f"{kind} ({len(group)})")
        st.dataframe(group.drop(columns="Kind"), hide_index=True, key=f"sources_{kind}",
                     column_config={"Link": st.column_config.LinkColumn("Link", display_text="open")})
    st.download_button("Download the source list (CSV)", frame.to_csv(index=False), file_name="sources.csv", mime="text/csv", icon=":material/download:")

    st.header("Seed documents")
    with st.expander("What each seed document is, and how reliable it is", expanded=True):
        st.markdown(seeds_readme())
    names = seed_names()
    if names:
        st.session_state.setdefault("seed_file", names[0])
        name = st.selectbox("Read a seed document", names, key="seed_file")
        st.text_area("Full text (exactly as stored in seeds/)", seed_text(name), height=420, disabled=True, key=f"seed_text_{name}")
