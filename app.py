"""Entry point (`streamlit run app.py`): loads the data once (cached), draws the
sidebar, routes to the page in the URL, and mirrors the view into the query string."""
from __future__ import annotations

import streamlit as st

from components.pages import present as present_mode
from components.state import url_state
from components.state.context import Context
from components.state.data import everything, seed_names
from components.navigation import ALIAS, ICON, PAGES, page_defaults, spec_for
from components.views.coverage_note import show as show_coverage
from components.views.problems import show_problems
from components.views.sidebar import defaults, show as show_sidebar
from components.pages.upload import with_session_uploads

st.set_page_config(page_title="Peace proposals compared", page_icon=ICON, layout="wide",
                   initial_sidebar_state="collapsed" if present_mode.active() else "auto")

catalogue, references, comparators, problems = everything()
if catalogue is None:
    show_problems(problems)
    st.stop()
catalogue = with_session_uploads(catalogue)  # this session's uploaded proposals (never stored, never shared)

url_state.seed_once(url_state.Choices(catalogue.ids, catalogue.taxonomy.area_keys, seed_names()))
url_defaults = {**defaults(catalogue), **page_defaults(catalogue)}
current: dict[str, Context] = {}  # filled once the page is known: the sidebar shows only what that page uses
page = st.navigation([spec.as_page(lambda: current["context"]) for spec in PAGES] + [ALIAS.alias(lambda: current["context"])])
spec = spec_for(page.url_path)
selection = show_sidebar(catalogue, spec.uses, spec.citable)
context = current["context"] = Context(catalogue, references, comparators, selection, url_defaults)
if present_mode.active():  # mode=present: the selection as slides, no sidebar or chrome
    present_mode.show(context)
else:
    for note in url_state.notes():
        st.info(note, icon=":material/link:")
    show_problems(problems)
    show_coverage(catalogue)
    st.html("<style>@media (min-width: 700px) {[data-testid=\"stMainBlockContainer\"]{padding-top:2.5rem;}}"
            " [data-testid=\"stMarkdownContainer\"] blockquote {opacity:1; color:#333333;}</style>")  # AA contrast in quoted sources
    page.run()
url_state.write_back(url_defaults, page.url_path)
