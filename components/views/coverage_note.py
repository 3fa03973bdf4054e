"""The "Data as of …, data version …" line every page shows, so no page implies the data is newer than it is and
every reader can cite the version they saw; and the same version in every download (`file_name`, `footer_html`)."""
from __future__ import annotations

import streamlit as st

from components.render.safe_text import md
from model.data import loader
from model.analysis.source_words import grade_words
from model.analysis.release import footer_line, versioned_name
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


def current() -> Coverage:
    """The coverage of the data folder, for places that have no catalogue at hand (downloads, the citation)."""
    folder = loader.proposals_dir()
    path = folder / "_coverage.yaml"
    return _coverage(str(folder), path.stat().st_mtime if path.exists() else 0.0, "unknown")[0]


def file_name(name: str) -> str:
    """A download's file name with the data version in it: 'x.csv' → 'x-data-2026.03.05-2.csv'."""
    return versioned_name(name, current().data_version)


def footer_html() -> str:
    """A footer line for an HTML download: the data version and the date the data covers (escaped HTML)."""
    from html import escape

    return f'<p class="data-version" style="font-size:max(.8em, 8pt);color:#444;margin-top:.6em">{escape(footer_line(current()))}</p>'


def with_footer(html: str, footer: str | None = None) -> str:
    """An HTML download with the data-version footer (`footer`, default `footer_html()`) before its closing body tag."""
    footer = footer_html() if footer is None else footer
    at = html.rfind("</body>")
    return html[:at] + footer + html[at:] if at >= 0 else html + footer


def line_text(info: Coverage) -> str:
    """The line every page shows: what the data covers and its version, and what the last check for anything newer
    found."""
    text = f":material/event: **{md(info.line())}.** Later events are not included"
    if info.checked_on:
        confirmed = sum(e.confirmed for e in info.later_events)
        found = "nothing newer" if not info.later_events else (
            f"no new plan; {len(info.later_events)} later report(s), "
            + (f"{confirmed} confirmed by a major outlet" if confirmed else "none confirmed by a major outlet"))
        text += f"; a check on {md(info.checked_on)} found {found} (details on the Methodology page)"
    return text + "."


def show(catalogue) -> None:
    """One short line at the top of every page; the full note is on the Methodology page."""
    st.caption(line_text(coverage(catalogue)))


def show_note(catalogue) -> None:
    """The coverage note with every later event the last check found, its sources and their grades in words."""
    info = coverage(catalogue)
    st.markdown(f"**{md(info.line())}.** {md(info.note)}")
    if not info.later_events:
        return
    lines = []
    for event in info.later_events:
        sources = [catalogue.registry.get(s) for s in event.sources]
        cited = "; ".join(f"*{md(s.title)}*, {md(s.publisher)} ({md(grade_words(s))})" for s in sources if s)
        status = ("Confirmed by a major outlet" if event.confirmed
                  else "Not confirmed: reported only by weaker sources, so treat it as a report, not a fact")
        lines.append(f"- **{md(event.date)}**: {md(event.what)} *{status}.* Sources: {cited or 'none found'}.")
    st.markdown(f"**Checked on {md(info.checked_on or 'an unknown date')}: events after {md(info.data_as_of)}, "
                "not coded in any proposal**\n\n" + "\n".join(lines))
