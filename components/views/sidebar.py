"""The sidebar: which proposals and which issue areas to show. Owns the
session-state keys `sel_proposals` and `sel_areas`."""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from components.views import copy_link, phone_sidebar
from components.state.url_state import MONTH

from model.analysis.compare import snapshot_months
from model.data.loader import Catalogue
from model.data.schema import Proposal

LATEST = "latest"
CORE = ("us-28-point-draft", "defp-armed-neutrality", "ukraine-position", "russia-position")


@dataclass(frozen=True)
class Selection:
    proposals: tuple[Proposal, ...]
    areas: tuple[str, ...]
    as_of: str | None = None


def defaults(catalogue: Catalogue) -> dict[str, object]:
    core = [pid for pid in catalogue.ids if pid in CORE] or catalogue.ids[:4]
    return {"sel_proposals": core, "sel_areas": list(catalogue.taxonomy.area_keys)}


def show(catalogue: Catalogue, uses: frozenset[str] = frozenset({"proposals", "areas", "as_of"}), citable: bool = True) -> Selection:
    """Draw the choices the current page `uses`; the others keep their values for the session (persist_state).
    "Copy link" and "Cite this view" only where the page is a view worth citing (`citable`)."""
    taxonomy = catalogue.taxonomy
    for key, value in defaults(catalogue).items():
        st.session_state.setdefault(key, value)
    by_id = {p.id: p for p in catalogue.proposals}

    def proposal_label(pid: str) -> str:
        return by_id[pid].short_name

    with st.sidebar:
        if "proposals" in uses:
            st.multiselect("Proposals to compare", catalogue.ids, key="sel_proposals", format_func=proposal_label,
                           persist_state="session",
                           help="Columns appear in date order, whatever order you pick them in. Dates and how each text is known are shown in the column headers.")
        if "areas" in uses:
            st.multiselect("Issue areas", taxonomy.area_keys, key="sel_areas", persist_state="session",
                           format_func=lambda k: taxonomy.area(k).title)
        if "as_of" in uses:
            months = snapshot_months(catalogue.proposals, taxonomy)
            linked = st.query_params.get("as_of")  # a month in a link need not be a snapshot month
            extra = {linked} if linked and MONTH.match(linked) else set()
            options = [LATEST, *sorted(set(months) | extra)]
            st.selectbox("Parties' stated positions as of", options, key="as_of", bind="query-params", persist_state="session",
                         format_func=lambda m: "Latest (default)" if m == LATEST else m,
                         help="The U and R markers on the matrix show where Ukraine's and Russia's stated positions sit on "
                              "each scale. Pick a month to use the positions each party had stated by then.")
        if not uses:
            st.caption("This page shows everything loaded; the sidebar's choices apply on Compare, Charts, Points and Versions.")
        if citable:
            copy_link.show()
        phone_sidebar.install()  # a phone closes the sidebar once a page is picked
    chosen = set(st.session_state["sel_proposals"])
    areas = set(st.session_state["sel_areas"])
    return Selection(
        proposals=tuple(p for p in catalogue.proposals if p.id in chosen),
        areas=tuple(k for k in taxonomy.area_keys if k in areas),
        as_of=None if st.session_state.get("as_of") in (None, LATEST) else st.session_state["as_of"],
    )
