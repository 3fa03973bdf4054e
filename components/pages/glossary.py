"""Glossary views: the Glossary page, and a row of term buttons under a text that
open their explanations on click or tap (popovers work on touch screens; hover help does not)."""
from __future__ import annotations

import streamlit as st

from components.render.safe_text import md
from model.data.glossary import load_glossary, terms_in


def term_buttons(text: str, key: str) -> None:
    """A 'Terms used here' row for the glossary terms in `text` (nothing when there are none)."""
    terms = terms_in(text, load_glossary())
    if not terms:
        return
    with st.container(horizontal=True, key=f"terms_{key}"):
        st.caption("Terms used here:")
        for term in terms:
            with st.popover(term.term, type="tertiary"):
                st.markdown(f"**{md(term.term)}**: {md(term.explanation)}")


def render(context) -> None:
    st.title("Glossary")
    st.caption("Words used in the plans and on this site, in plain language. Underlined words elsewhere open these "
               "explanations when you click or tap them.")
    for term in sorted(load_glossary().terms, key=lambda t: t.term.lower()):
        st.markdown(f"#### {md(term.term)}", help=None)
        also = f" Also written: {md(', '.join(term.aliases))}." if term.aliases else ""
        link = f" [Read more ↗]({term.see})" if term.see else ""
        st.markdown(f"{md(term.explanation)}{also}{link}")
