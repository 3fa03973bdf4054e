"""Points page: the numbered points of a numbered plan, filterable by area, each
with its citation and how the other chosen proposals address the same area."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from components.context import Context
from components.palette import EVIDENCE_STYLE
from model.compare import placements


def render(context: Context) -> None:
    catalogue, selection = context.catalogue, context.selection
    taxonomy = catalogue.taxonomy
    st.title("Numbered points")
    plans = [p for p in catalogue.proposals if p.points]
    if not plans:
        st.info("No numbered plan is loaded.")
        st.stop()
    plans.sort(key=lambda p: (p.id != "us-28-point-draft", p.date))
    ids = [p.id for p in plans]
    st.session_state.setdefault("points_of", ids[0])
    if st.session_state["points_of"] not in ids:
        st.session_state["points_of"] = ids[0]
    plan_id = st.selectbox("Numbered plan", ids, key="points_of", format_func=lambda i: catalogue.get(i).title)
    plan = catalogue.get(plan_id)
    st.session_state.setdefault("point_areas", [])
    chosen = st.multiselect("Only these areas (empty = all)", taxonomy.area_keys, key="point_areas",
                            format_func=lambda k: taxonomy.area(k).title)
    others = [p for p in selection.proposals if p.id != plan.id]
    placed = placements(others, catalogue.proposals, taxonomy)
    rows = []
    for point in plan.points:
        if chosen and point.area not in chosen:
            continue
        first = point.citations[0]
        source = plan.source(first.source)
        row = {
            "#": point.number, "Area": taxonomy.area(point.area).title, "Point (paraphrase)": point.text,
            "Known from": f"{EVIDENCE_STYLE[point.evidence]['icon']} {taxonomy.evidence_label(point.evidence)}",
            "Quote": f"“{first.quote}”" if first.quote else "",
            "Source": f"{source.publisher}, {source.date or source.date_note or 'n.d.'}" if source else first.source,
            "Link": source.url if source and source.url else "",
            "Change vs earlier text": (f"{point.lineage.change}" + (f" (point {point.lineage.of_point})" if point.lineage.of_point else "")) if point.lineage else "",
            "Contested": "⚠ yes" if point.contested else "",
        }
        for other in others:
            position = other.positions.get(point.area)
            p = placed[(point.area, other.id)]
            if position is None or position.not_addressed:
                row[other.short_name] = "Not addressed"
            else:
                row[other.short_name] = p.value_label or (position.summary or "")[:140]
        rows.append(row)
    st.caption(f"{len(rows)} of {len(plan.points)} points. Columns on the right: how each other chosen proposal addresses the same area.")
    frame = pd.DataFrame(rows)
    st.dataframe(frame, hide_index=True, key="points_table", row_height=90,
                 column_config={"Link": st.column_config.LinkColumn("Link", display_text="open"),
                                "Point (paraphrase)": st.column_config.TextColumn(width="large")})
    st.download_button("Download these points (CSV)", frame.to_csv(index=False), file_name=f"{plan.id}-points.csv", mime="text/csv", icon=":material/download:")
    contested = [p for p in plan.points if p.contested and (not chosen or p.area in chosen)]
    if contested:
        st.subheader("Contested points")
        for point in contested:
            for note in point.contested:
                st.warning(f"**Point {point.number}:** {note.claim}  \n**Disputed by / other view:** {note.disputed_by}", icon=":material/warning:")
