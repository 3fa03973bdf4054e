"""A table as students read it: plain headers and values in words (`components.render.plain_table`), as a
sortable grid on wide screens and as one card per row on a phone (under 700 px), so no column is hidden off
the right-hand edge. The frame given is left as it is (its CSV download keeps the machine columns)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from components.render.plain_table import CARDS_CSS, cards_html, for_students
from components.state.data import key_words, proposal_names, source_words

PHONE = 699.98  # px: the widest screen that gets cards


def show(frame: pd.DataFrame, key: str, names: dict[str, str] | None = None, shown: pd.DataFrame | None = None,
         **grid: object) -> None:
    """`frame` as a grid (wide screens) and as cards (phones). `shown`: an already plain copy to draw instead;
    `grid`: further options for the wide screens' `st.dataframe` (column order and widths, link columns)."""
    table = shown if shown is not None else for_students(frame, source_words(), names or proposal_names(), key_words())
    st.html(f"<style>@media (max-width:{PHONE}px){{.st-key-ptwide_{key}{{display:none}}}}"
            f"@media (min-width:{PHONE + 0.02}px){{.st-key-ptcards_{key}{{display:none}}}}</style>{CARDS_CSS}")
    with st.container(key=f"ptwide_{key}"):
        st.dataframe(table, hide_index=True, key=f"table_{key}", **grid)
    with st.container(key=f"ptcards_{key}"):
        st.html(cards_html(table))
