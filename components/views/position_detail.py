"""The full position of one proposal on one area: coded values, how its colour
was computed, contested notes, and every citation with quote, source title,
publisher, date, reliability and link (or seed file), the most reliable source first."""
from __future__ import annotations

from typing import Sequence
from urllib.parse import urlparse

import streamlit as st

from components.pages.glossary import term_buttons
from components.render.palette import EVIDENCE_STYLE
from components.render.safe_text import md, md_url
from model.data.key_words import in_words, key_labels
from model.analysis.compare import PLACEMENTS, Placement
from model.data.schema import PUBLICATION_LABELS, STATUS_LABELS, Citation, ContestedNote, Position, Proposal
from model.data.taxonomy import Taxonomy
from model.analysis.source_rank import best_first as ranked_citations, rests_on_weak_sources
from model.analysis.source_words import grade_words
from model.analysis.tidy import CODED

WEAK_NOTE = ("Only weak sources: every source for this cell is graded low reliability (aggregators, copies or "
             "anonymous pages). Read it as what was reported, not as established.")


def best_first(proposal: Proposal, citations: Sequence[Citation]) -> list[Citation]:
    """The citations ordered by their sources, most reliable first (`model.analysis.source_rank.best_first`)."""
    return ranked_citations(citations, proposal.sources)


def citation_markdown(proposal: Proposal, citation: Citation) -> str:
    """A citation as markdown; every data string escaped (`md`), so it shows as written."""
    source = proposal.source(citation.source)
    if source is None:
        return f"- unknown source {md(citation.source)}"
    quote = f"> “{md(' '.join(citation.quote.split()))}”\n>\n" if citation.quote else ""
    url = md_url(source.url)
    where = f"[{md(urlparse(source.url).netloc or source.url)} ↗]({url})" if url else md(source.url or "")
    if source.seed:
        where += ("; " if where else "") + "a copy is kept with this app (readable on the Sources page)"
    date = md(source.date or source.date_note or "n.d.")
    locator = f" · {md(citation.locator)}" if citation.locator else ""
    note = f" ({md(source.reliability_note)})" if source.reliability_note else ""
    return (f"{quote}> — *{md(source.title)}*, {md(source.publisher)}, {date}{locator}  \n"
            f"> **{md(grade_words(source))}**{note}  \n> {where}\n")


def show_contested(proposal: Proposal, notes: Sequence[ContestedNote]) -> None:
    for note in notes:
        body = f"**Contested:** {md(note.claim)}  \n**Disputed by / other view:** {md(note.disputed_by)}"
        if note.detail:
            body += f"  \n{md(note.detail)}"
        st.warning(body, icon=":material/warning:")
        for citation in best_first(proposal, note.citations):
            st.markdown(citation_markdown(proposal, citation))


def coded_values(area: str, position: Position, taxonomy: Taxonomy) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for name in CODED:
        value = getattr(position, name)
        if value is not None:
            rows.append((taxonomy.field_label(name) if name != "stance" else "Coded position", taxonomy.label(area, name, value)))
    cap = position.troop_cap
    if cap is not None:
        rows.append(("Troop cap", f"{cap:,}" if isinstance(cap, int) else cap.replace("_", " ")))
    for v in position.troop_cap_variants:
        rows.append((f"Cap proposed by {v.proposed_by}", f"{v.value:,}"))
    for name, label in (("dmz_width_km", "Buffer-zone width (km)"), ("monitors", "Monitors")):
        q = getattr(position, name)
        if q is not None:
            rows.append((label, f"{q.qualifier.replace('_', ' ')} {q.value:g}" + (f" (source: “{q.as_given}”)" if q.as_given else "")))
    for region, status in position.regions.items():
        note = position.region_notes.get(region, "")
        rows.append((taxonomy.regions[region].name, taxonomy.status_label(status) + (f": {in_words(note, key_labels(taxonomy))}" if note else "")))
    return rows


def show(proposal: Proposal, area: str, placement: Placement, taxonomy: Taxonomy) -> None:
    position = proposal.positions.get(area)
    st.markdown(f"#### {md(proposal.short_name)}")
    st.caption(f"{md(proposal.title)} · {md(proposal.author)} · {md(proposal.date)} · {PUBLICATION_LABELS[proposal.publication]} · {STATUS_LABELS[proposal.status]}")
    if position is None:
        st.info("No position recorded.")
        return
    evidence = EVIDENCE_STYLE[position.evidence]
    st.markdown(f"{evidence['icon']} **How this is known:** {md(taxonomy.evidence_label(position.evidence))}")
    if position.not_addressed:
        st.markdown(f"**{position.silence()}.** {md(position.reason)}")
        return
    st.markdown(md(position.summary or ""))
    term_buttons(position.summary or "", key=f"{proposal.id}_{area}")
    st.markdown(f"**Colour:** {PLACEMENTS[placement.kind]}. *{md(placement.explanation)}*")
    values = coded_values(area, position, taxonomy)
    if values:  # st.table renders markdown in cells
        st.table({"Field": [md(v[0]) for v in values], "Value": [md(v[1]) for v in values]})
    if position.stance_note:
        st.caption(f"Coding note: {md(in_words(position.stance_note, key_labels(taxonomy)))}")
    show_contested(proposal, position.contested)
    st.markdown("**Sources** (most reliable first)")
    if rests_on_weak_sources(position, proposal.sources):
        st.warning(WEAK_NOTE, icon=":material/report:")
    for citation in best_first(proposal, position.citations):
        st.markdown(citation_markdown(proposal, citation))
