"""Versions page: pick two proposals (the 28 → E3 → Geneva → 20-point chain and each
party's dated stated positions are presets) and see, area by area and field by field, what stayed, changed, was
added or dropped; for numbered plans, point by point."""
from __future__ import annotations

import streamlit as st

from components.pages import present as present_mode
from components.views import coverage_note
from components.state.context import Context
from components.views import plain_table
from components.render.plain_table import for_students
from components.render.safe_text import md
from model.analysis.compare import snapshots
from model.analysis.diff import area_changes, diff_points, diff_positions
from model.analysis.export import to_csv

CHAIN = ["us-28-point-draft", "e3-counterproposal", "geneva-framework", "20-point-framework"]
CHANGE_ICONS = {"same": "= same", "changed": "≠ changed", "added": "+ newly specified", "dropped": "- no longer specified",
                "unknown": "? wording not known", "text": "… compare the texts"}


def _preset(a: str, b: str) -> None:
    st.session_state["diff_from"], st.session_state["diff_to"] = a, b


def render(context: Context) -> None:
    catalogue = context.catalogue
    ids = catalogue.ids
    st.title("How the terms moved between versions")
    present_mode.button()
    if len(ids) < 2:
        st.info("At least two proposals are needed.")
        return
    chain = [pid for pid in CHAIN if pid in ids]
    taxonomy = catalogue.taxonomy
    presets = [
        ("The November–December 2025 drafts", chain, lambda p: p.short_name),
        ("How Ukraine's stated position moved", [p.id for p in snapshots(catalogue.proposals, taxonomy.scale_anchors.first)], lambda p: p.date[:7]),
        ("How Russia's stated position moved", [p.id for p in snapshots(catalogue.proposals, taxonomy.scale_anchors.last)], lambda p: p.date[:7]),
    ]
    for title, ids_in_chain, name in presets:
        if len(ids_in_chain) < 2:
            continue
        st.markdown(f"**{md(title)}**")
        pairs = list(zip(ids_in_chain, ids_in_chain[1:]))
        with st.container(horizontal=True, key=f"presets_{ids_in_chain[0]}"):  # buttons wrap; labels are never cut
            for a, b in pairs:
                st.button(f"{md(name(catalogue.get(a)))} → {md(name(catalogue.get(b)))}", key=f"preset_{a}_{b}",
                          on_click=_preset, args=(a, b), width="content")
    st.session_state.setdefault("diff_from", chain[0] if chain else ids[0])
    st.session_state.setdefault("diff_to", chain[1] if len(chain) > 1 else ids[1])
    label = lambda i: f"{catalogue.get(i).short_name} ({catalogue.get(i).date})"
    left, right = st.columns(2)
    a = catalogue.get(left.selectbox("Earlier / first", ids, key="diff_from", format_func=label))
    b = catalogue.get(right.selectbox("Later / second", ids, key="diff_to", format_func=label))
    diff = diff_positions(a, b, catalogue.taxonomy)
    diff = diff[diff["area"].isin(context.selection.areas)]
    if len(context.selection.areas) < len(catalogue.taxonomy.area_keys):
        st.caption(f"Only the {len(context.selection.areas)} issue area(s) chosen in the sidebar are compared.")
    summary = area_changes(a, b, catalogue.taxonomy, list(context.selection.areas))
    titles = lambda result: summary[summary["result"] == result]["area_title"].tolist()
    stayed, unclear = titles("stayed"), titles("cannot tell")
    line = f"**{len(titles('changed'))} of {len(summary)} areas differ.** Stayed the same: {md(', '.join(stayed) or 'none')}."
    if unclear:
        line += f" Cannot tell from the codes (a text never made public, or not coded): {md(', '.join(unclear))}."
    st.markdown(line)
    st.caption("Compared on the coded fields (scale positions, caps, regions, membership stances), the same way as "
               "Compare's \"only differences\". Summaries are in different words, so read them side by side below each area.")
    for area_title, group in diff.groupby("area_title", sort=False):
        changes = group[group["change"] != "same"]
        if changes.empty:
            continue
        with st.expander(f"{md(area_title)}: {', '.join(sorted({CHANGE_ICONS[c] for c in changes['change']}))}", expanded=True):
            shown = changes.assign(change=changes["change"].map(CHANGE_ICONS))[["field_label", "before", "after", "change"]]
            names = (a.short_name, b.short_name) if a.short_name != b.short_name else (f"{a.short_name} (first)", f"{b.short_name} (second)")
            shown = for_students(shown).rename(columns=dict(zip(("Before", "After"), names)))
            plain_table.show(shown, f"diff_{group['area'].iloc[0]}", shown=shown)
            area = group["area"].iloc[0]
            for column, proposal in zip(st.columns(2), (a, b)):
                position = proposal.positions.get(area)
                text = position.text() if position else "—"
                column.caption(f"{md(proposal.short_name)} ({position.evidence if position else '—'}): {md(text)}")
    st.download_button("Download this comparison (CSV)", lambda: to_csv(diff), file_name=coverage_note.file_name(f"diff-{a.id}-vs-{b.id}.csv"), mime="text/csv", icon=":material/download:", on_click="ignore")
    if b.points and b.revises == a.id:
        st.header("Point by point")
        plain_table.show(diff_points(a, b), "diff_points")
    elif b.points and a.points:
        st.caption(f"Point-by-point lineage is recorded only when the later text revises the earlier one ({md(b.short_name)} revises: {md(catalogue.get(b.revises).short_name if b.revises in catalogue.ids else 'nothing recorded')}).")
