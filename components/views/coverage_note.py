"""The "Data as of …" line every page shows, so no page implies the data is newer than it is."""
from __future__ import annotations

import streamlit as st

from components.render.safe_text import md
from model.data import loader
from model.data.coverage import Coverage, load_coverage


@st.cache_data(show_spinner=False)
def _coverage(folder: str, mtime: float, newest: str) -> tuple[Coverage, tuple]:
    from pathlib import Path

    coverage, problems = load_coverage(Path(folder), [], loader.shown)
    if coverage.data_as_of == "unknown":
        coverage = Coverage(newest, coverage.note)
    return coverage, tuple(problems)


def coverage(catalogue) -> Coverage:
    folder = loader.proposals_dir()
    path = folder / "_coverage.yaml"
    newest = max((p.date for p in catalogue.proposals), default="unknown")
    return _coverage(str(folder), path.stat().st_mtime if path.exists() else 0.0, newest)[0]


def show(catalogue) -> None:
    """One short line at the top of every page; the full note is on the Methodology page."""
    st.caption(f":material/event: **{md(coverage(catalogue).line())}.** Later events are not included.")


def show_note(catalogue) -> None:
    info = coverage(catalogue)
    st.markdown(f"**{md(info.line())}.** {md(info.note)}")
