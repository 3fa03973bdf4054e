"""Build a plan (`/build`): a student picks a position per area and sees, live, where it sits against the
parties' stated positions (the matrix's own computation), which stated red lines it crosses, and which
proposals it most resembles. The plan lives in the URL (`plan=`, `why=`); downloads: the plan as a proposal
file (YAML) and a one-page printable summary. All logic is in `model.lessons.plan`; this module lays the
page out: the choices (`components.views.build_choices`) on the left, the feedback and downloads
(`components.views.build_feedback`, HTML from `components.render.build_summary`) on the right."""
from __future__ import annotations

import streamlit as st

from components.state.context import Context
from components.views.build_choices import K, choices, seed_widgets, write_url
from components.views.build_feedback import downloads, feedback
from model.analysis.compare import References, references
from model.lessons.plan import as_proposal, red_line_report


@st.fragment
def _builder(context: Context, refs: References) -> None:
    top = st.container()
    left, right = st.columns([5, 4], gap="large")
    with left:
        st.subheader("Your plan")
        plan = choices(context)
    write_url(plan)
    taxonomy = context.catalogue.taxonomy
    with top:
        proposal = as_proposal(plan, taxonomy)
        reports = [red_line_report(proposal, p.red_lines, taxonomy, builder=True) if p else None
                   for p in (refs.first, refs.last)]
        counts = [len(r.crossed) if r else 0 for r in reports]
        open_ = [len(r.undecided) if r else 0 for r in reports]
        st.markdown(f"**Live:** your plan crosses **{counts[0]}** of Ukraine's and **{counts[1]}** of Russia's stated "
                    "red lines" + (f" and leaves **{open_[0]}** of Ukraine's and **{open_[1]}** of Russia's undecided "
                                   "(incomplete: set the regions, areas and choices they name)" if any(open_) else "")
                    + ". [Jump to the feedback](#red-lines)")
    with right:
        with st.container(key=f"{K}feedback"):
            feedback(context, plan, refs)
            downloads(context, plan, refs)
    # On a wide screen the feedback stays in view while the choices scroll (phones stack the columns instead).
    st.html(f"<style>@media (min-width: 900px){{.st-key-{K}feedback{{position:sticky;top:3.75rem;"
            "max-height:calc(100vh - 4.5rem);overflow-y:auto;padding-right:4px}}}}</style>")


def render(context: Context) -> None:
    taxonomy = context.catalogue.taxonomy
    st.title("Build a plan")
    st.caption("Pick a position for each area, or leave it out; set an army cap, a demilitarised zone, whether foreign "
               "troops may be in Ukraine and each region's status. The feedback (on the right, or below the choices on a phone) is computed from the data: where each choice sits between the parties' "
               "stated positions, the parties' own red lines it crosses, and the proposals it resembles.")
    refs = references(context.catalogue.proposals, taxonomy, context.selection.as_of)
    seed_widgets(taxonomy)
    _builder(context, refs)
