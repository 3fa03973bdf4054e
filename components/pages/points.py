"""Points page: the numbered points of a numbered plan, filterable by area, each
with its citation and how the other chosen proposals address the same area."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from components.pages import present as present_mode
from components.state.context import Context
from components.render.palette import EVIDENCE_STYLE
from components.render.matrix import short_text
from components.views import coverage_note
from components.views.position_detail import best_first, citation_markdown, show_contested
from components.render.safe_text import md
from model.analysis.compare import placements
from model.analysis.export import to_csv


def plan_ids(catalogue) -> list[str]:
    """Numbered plans, the 28-point draft first, then by date."""
    plans = sorted((p for p in catalogue.proposals if p.points), key=lambda p: (p.id != "us-28-point-draft", p.date))
    return [p.id for p in plans]


def default_plan(catalogue) -> str | None:
    ids = plan_ids(catalogue)
    return ids[0] if ids else None


def render(context: Context) -> None:
    catalogue, selection = context.catalogue, context.selection
    taxonomy = catalogue.taxonomy
    st.title("Numbered points")
    present_mode.button()
    ids = plan_ids(catalogue)
    if not ids:
        st.info("No numbered plan is loaded.")
        return
    st.session_state.setdefault("points_of", ids[0])
    if st.session_state["points_of"] not in ids:
        st.session_state["points_of"] = ids[0]
    plan_id = st.selectbox("Numbered plan", ids, key="points_of", format_func=lambda i: catalogue.get(i).title)
    plan = catalogue.get(plan_id)
    st.session_state.setdefault("point_areas", [])
    chosen = st.multiselect("Only these areas (empty = all)", taxonomy.area_keys, key="point_areas",
                            format_func=lambda k: taxonomy.area(k).title)
    others = [p for p in selection.proposals if p.id != plan.id]
    placed = placements(others, catalogue.proposals, taxonomy, selection.as_of)
    shown = [p for p in plan.points if (not chosen or p.area in chosen) and p.area in selection.areas]
    outside = len([p for p in plan.points if p.area not in selection.areas])
    note = f" {outside} point(s) on areas not chosen in the sidebar are hidden." if outside else ""
    st.caption(f"{len(shown)} of {len(plan.points)} points.{note} Under each point: how the other proposals chosen in the sidebar address the same area.")
    for point in shown:
        area = md(taxonomy.area(point.area).title)
        with st.container(border=True):
            evidence = EVIDENCE_STYLE[point.evidence]
            badges = f"{evidence['icon']} {md(taxonomy.evidence_label(point.evidence))}"
            if point.lineage:
                badges += f" · {point.lineage.change}" + (f" (earlier point {point.lineage.of_point})" if point.lineage.of_point else "")
            st.markdown(f"**Point {point.number}** · {area} · {badges}")
            st.markdown(md(point.text))
            for citation in best_first(plan, point.citations):
                st.markdown(citation_markdown(plan, citation))
            show_contested(plan, point.contested)
            views = []
            for other in others:
                position = other.positions.get(point.area)
                if position is None or position.not_addressed:
                    views.append(f"**{md(other.short_name)}:** {(position.silence() if position else 'Not addressed').lower()}")
                else:
                    views.append(f"**{md(other.short_name)}:** {md(placed[(point.area, other.id)].value_label or short_text(position.summary or '', 120))}")
            if views:
                st.caption("Other chosen proposals on " + area + ": " + " · ".join(views))
    frame = pd.DataFrame([{
        "point": p.number, "area": p.area, "paraphrase": p.text, "evidence": p.evidence,
        "quote": p.citations[0].quote or "", "source": p.citations[0].source,
        "change": p.lineage.change if p.lineage else "", "of_point": p.lineage.of_point if p.lineage else None,
        "contested": "yes" if p.contested else "",
    } for p in shown])
    st.download_button("Download these points (CSV)", lambda: to_csv(frame), file_name=coverage_note.file_name(f"{plan.id}-points.csv"),
                       mime="text/csv", icon=":material/download:", on_click="ignore")
