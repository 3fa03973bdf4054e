"""The Build page's feedback half (Streamlit): the parties' stated red lines the plan crosses (each with its
sources), the ones it leaves undecided (a region, area or choice such as foreign troops it does not set) and any
the builder has no choice for (said so, not counted), where the plan sits (placement rows from `components.render.build_summary`), the proposals it most
resembles, and the downloads (the plan as a proposal file, the printable summary)."""
from __future__ import annotations

import streamlit as st

from components.render.build_summary import placement_rows_html, printable_html
from components.render.safe_text import md, md_url
from components.state.context import Context
from components.views import coverage_note
from components.views.build_choices import K, share_link
from model.analysis.compare import References
from model.data.schema import Proposal, RedLine
from model.data.taxonomy import Taxonomy
from model.lessons.plan import (
    Plan, as_proposal, nearest, placements, plan_id, plan_to_proposal, red_line_report, summary, to_yaml, why_crossed,
    why_undecided,
)


def _source_line(proposal: Proposal, citation) -> str:
    source = proposal.source(citation.source)
    if source is None:
        return md(citation.source)
    url = md_url(source.url)
    name = f"{md(source.publisher)}, {md(source.date or source.date_note or '')}".rstrip(", ")
    linked = f"[{name}]({url})" if url else name
    quote = f"“{md(citation.quote)}” — " if citation.quote else ""
    where = f" ({md(citation.locator)})" if citation.locator else ""
    return f"{quote}{linked}{where}"


def _red_lines(plan_proposal: Proposal, party: Proposal | None, who: str, taxonomy: Taxonomy) -> None:
    if party is None:
        st.caption(f"{who}: no stated position on record for this date.")
        return
    lines: list[RedLine] = list(party.red_lines)
    name = f"{md(party.short_name)} ({md(party.date)})"
    if not lines:
        st.caption(f"{who}: no red lines are recorded for {name}.")
        return
    report = red_line_report(plan_proposal, lines, taxonomy, builder=True)
    st.markdown(f"**{who}** — your plan {md(report.verdict())} ({name}).")
    for line in report.crossed:
        _line_box(line, party, f":material/block: **{md(line.label)}** — your plan: "
                               f"{md(why_crossed(line, plan_proposal, taxonomy))}")
    if report.undecided:
        st.markdown(f"Left undecided: your plan does not say what these lines of {who}'s are about, so it neither "
                    "keeps clear of them nor crosses them. Set the region, area or choice they name to decide.")
    for line in report.undecided:
        _line_box(line, party, f":material/help: **{md(line.label)}** — your plan: "
                               f"{md(why_undecided(line, plan_proposal, taxonomy))}")
    if report.unsettable:
        st.markdown(f"Not counted: the plan builder has no choice for what these lines of {who}'s name, so they "
                    "do not make your plan incomplete.")
    for line in report.unsettable:
        _line_box(line, party, f":material/remove: **{md(line.label)}** — "
                               f"{md(why_undecided(line, plan_proposal, taxonomy))}")
    if report.clear:
        with st.expander(f"{who}'s red lines your plan keeps clear of ({len(report.clear)})"):
            for line in report.clear:
                st.markdown(f"- {md(line.label)}")


def _line_box(line: RedLine, party: Proposal, head: str) -> None:
    """One red line with the plan's value, the party's own words (quoted) and any dispute about them."""
    with st.container(border=True):
        st.markdown(head)
        for c in line.citations:
            st.markdown(_source_line(party, c))  # not a caption: a link in grey caption text fails AA contrast
        for note in line.contested:
            st.caption(f"⚠ Contested: {md(note.claim)} Disputed by: {md(note.disputed_by)}")


def feedback(context: Context, plan: Plan, refs: References) -> None:
    taxonomy = context.catalogue.taxonomy
    proposal = as_proposal(plan, taxonomy)
    st.subheader("Red lines", anchor="red-lines")
    _red_lines(proposal, refs.first, "Ukraine", taxonomy)
    _red_lines(proposal, refs.last, "Russia", taxonomy)
    st.subheader("Where your plan sits")
    places = placements(plan, taxonomy, refs)
    st.markdown(md(summary(places).text))
    rows = placement_rows_html(plan, taxonomy, refs)
    if rows:
        st.html(rows)
        names = "; ".join(f"{who}: {md(p.short_name)} ({md(p.date)})" for who, p in (("U", refs.first), ("R", refs.last)) if p)
        st.caption("Same computation as the matrix colours: each choice's own step on its scale ('How this was worked out' under a row shows the "
                   f"working). **U** and **R** mark the parties' stated positions: {names}.")
    st.subheader("Most like")
    close = nearest(plan, context.catalogue.proposals, taxonomy, k=3)
    if not close:
        st.caption("Choose a position on at least one scale (or an army cap, or a region) to compare.")
    for d in close:
        st.markdown(f"**{md(d.proposal.short_name)}** ({md(d.proposal.date)}) — distance {d.value:.2f} "
                    f"over {d.fields} shared field{'s' if d.fields != 1 else ''}")
    if close:
        ids = ",".join(d.proposal.id for d in close)
        st.markdown(f"[Open them on Compare](/compare?proposals={ids}) · distance 0 = the same on every shared field, "
                    "1 = opposite ends (see Methodology)")


def downloads(context: Context, plan: Plan, refs: References) -> None:
    taxonomy = context.catalogue.taxonomy
    st.subheader("Hand it in")
    author = " ".join(str(st.text_input("Your name (author of the file)", key=f"{K}author", max_chars=60,
                                         placeholder="A student") or "").split()) or "A student"
    link = share_link(plan)
    st.caption("The address bar holds your plan: copy it to share or hand it in.")
    st.code(link, language=None, wrap_lines=True)
    pid = plan_id(author)
    st.download_button("Plan as a proposal file", key=f"{K}dl_yaml", file_name=f"{pid}.yaml",
                       mime="application/x-yaml", icon=":material/download:", on_click="ignore", width="stretch",
                       data=lambda: to_yaml(plan_to_proposal(plan, taxonomy, author, link=link)))
    footer = coverage_note.footer_html()  # read during the run; the callable runs on click
    st.download_button("One-page summary to print (HTML)", key=f"{K}dl_html", file_name=coverage_note.file_name(f"{pid}-summary.html"),
                       mime="text/html", icon=":material/print:", on_click="ignore", width="stretch",
                       data=lambda: coverage_note.with_footer(
                           printable_html(plan, taxonomy, refs, author, link, list(context.catalogue.proposals)), footer))
    st.caption("The proposal file passes the same checks as every proposal in the app: upload it on the "
               "'Add a proposal' page to compare it with the others, or hand it to your teacher.")
