"""A card introducing one proposal: who, when, status, how it is known, whose terms they are (with a co-author
and a mediator shown apart), its summary, what it revises or answers, and any proposal-level contested notes."""
from __future__ import annotations

import streamlit as st

from components.render.palette import PARTY_LABELS
from components.views.position_detail import show_contested
from components.render.safe_text import md
from model.data.loader import Catalogue
from model.data.schema import PUBLICATION_LABELS, STATUS_LABELS, Proposal


def terms_by(proposal: Proposal) -> str:
    """Whose terms these are, in words: the party (and a co-author), then a mediator or host shown apart."""
    who = f"Terms: {PARTY_LABELS[proposal.party]}"
    if proposal.co_party:
        who += f" with {PARTY_LABELS[proposal.co_party]}"
    return who + (f" · Mediator or host: {proposal.mediator}" if proposal.mediator else "")


def show(proposal: Proposal, catalogue: Catalogue) -> None:
    with st.container(border=True):
        st.markdown(f"### {md(proposal.title)}")
        st.caption(f"{md(proposal.author)} · {md(terms_by(proposal))} · {md(proposal.date)}"
                   + (f" ({md(proposal.date_note)})" if proposal.date_note else ""))
        st.markdown(f"**Status:** {STATUS_LABELS[proposal.status]} · **How the text is known:** {PUBLICATION_LABELS[proposal.publication]}")
        st.markdown(md(proposal.summary))
        links = []
        if proposal.revises and catalogue.get(proposal.revises):
            links.append(f"revises **{md(catalogue.get(proposal.revises).short_name)}**")
        links += [f"responds to **{md(catalogue.get(r).short_name)}**" for r in proposal.responds_to if catalogue.get(r)]
        later = [md(p.short_name) for p in catalogue.proposals if p.revises == proposal.id]
        if later:
            links.append("revised by " + ", ".join(f"**{n}**" for n in later))
        if links:
            st.markdown("**Lineage:** " + "; ".join(links))
        show_contested(proposal, proposal.contested)
