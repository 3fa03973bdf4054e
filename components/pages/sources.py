"""Sources page: every source, grouped by kind, with reliability, the cells that
cite it, the seed documents readable in full, and the data release (one zip: tables,
codebook, Data Package, changelog, citation file) as one download."""
from __future__ import annotations

import re
from collections import defaultdict

import pandas as pd
import streamlit as st

from components.views import plain_table

from components.state.context import Context
from components.render.safe_text import md
from components.state.data import everything, seed_names, seed_text, version
from components.views import coverage_note
from model.analysis.export import to_csv
from model.analysis.source_words import RELIABILITY_WORDS, grade_words, kind_words


def cited_by(context: Context) -> dict[tuple[str, str], list[str]]:
    """(proposal id, source id) → the places citing it ('Territory', 'point 6', ...)."""
    taxonomy = context.catalogue.taxonomy
    places: dict[tuple[str, str], list[str]] = defaultdict(list)
    for p in context.catalogue.proposals:
        for area, position in p.positions.items():
            for c in [*position.citations, *(c for n in position.contested for c in n.citations)]:
                places[(p.id, c.source)].append(taxonomy.area(area).title)
        for point in p.points:
            for c in point.citations:
                places[(p.id, c.source)].append(f"point {point.number}")
    return places


@st.cache_data(max_entries=2, show_spinner=False)
def _release_zip(signature: str) -> bytes:
    """The published data (never this session's uploads) as one zip, built on the first click after the data
    files change (`signature`), then served from the cache."""
    from model.analysis.release import load_release, release_files, release_folder_name, release_zip
    from model.data.loader import proposals_dir

    catalogue = everything()[0]
    inputs = load_release(proposals_dir(), catalogue)
    return release_zip(release_files(catalogue, inputs), release_folder_name(inputs.coverage))


@st.cache_data(max_entries=2, show_spinner=False)
def _release_problems(signature: str) -> int:
    """How many problems the data has (files that fail, a version without its changelog entry): no release then."""
    from model.data.changelog import check_release
    from model.data.loader import proposals_dir, shown

    catalogue = everything()[0]
    return 1 if catalogue is None else len(catalogue.problems) + len(check_release(proposals_dir(), shown))


def release_download() -> None:
    """The data release as one download, built when clicked."""
    from model.analysis.release import release_folder_name

    info = coverage_note.current()
    st.subheader("The data release", anchor="data-release")
    signature = version()
    if _release_problems(signature):
        st.caption("The data release is not offered while some data files have problems.")
        return
    st.caption(f"Everything needed to use and cite this data in one file: the tables (CSV and JSON), a codebook saying "
               f"what every column and code means (also printable), a Data Package description for data portals, the "
               f"changelog and a citation file. {md(info.line())}.")
    st.download_button("Download the data release (zip)", data=lambda: _release_zip(signature),
                       file_name=f"{release_folder_name(info)}.zip", mime="application/zip", icon=":material/folder_zip:",
                       on_click="ignore", key="data_release")


FIRST_COLUMNS = ["Title", "Reliability", "Publisher", "Date", "Link"]  # then the table's other columns, in its order


def render(context: Context) -> None:
    st.title("Sources")
    st.caption("Every source the proposals cite (one row per document), grouped by kind. Reliability: *generally reliable* = "
               "official texts and major outlets; *use with care* = regional or secondary outlets, and state media used only "
               "for what its own government says; *low reliability* = aggregators and re-publishers, used only with corroboration.")
    places = cited_by(context)
    merged: dict[str, dict] = {}
    for p in context.catalogue.proposals:
        for s in p.sources:
            key = s.url or s.seed or f"{p.id}:{s.id}"  # the same document cited by several proposals is one row
            row = merged.setdefault(key, {
                "Kind": kind_words(s), "Title": s.title, "Publisher": s.publisher,
                "Date": s.date or s.date_note or "n.d.", "Reliability": RELIABILITY_WORDS[s.reliability],
                "Reliability note": s.reliability_note or "", "Link": s.url or "",
                "Copy kept here": "yes" if s.seed else "", "Cited by": [],
            })
            cells = ", ".join(dict.fromkeys(places.get((p.id, s.id), [])))
            if cells:
                row["Cited by"].append(f"{p.short_name}: {cells}")
    rows = [{**row, "Cited by": " | ".join(row["Cited by"])} for row in merged.values()]
    frame = pd.DataFrame(rows)
    kinds = st.multiselect("Kinds", sorted(frame["Kind"].unique()), key="source_kinds")
    for kind, group in frame.groupby("Kind"):
        if kinds and kind not in kinds:
            continue
        st.subheader(f"{kind} ({len(group)})")
        shown = group.drop(columns="Kind")
        plain_table.show(shown, "sources_" + re.sub(r"\W+", "_", kind), shown=shown,  # one card per source on a phone
                     column_order=[*FIRST_COLUMNS, *(c for c in group.columns if c not in FIRST_COLUMNS and c != "Kind")],
                     column_config={  # reliability right after the title, so it is on screen without scrolling sideways
                         "Title": st.column_config.TextColumn("Title", width="medium"),
                         "Reliability": st.column_config.TextColumn("Reliability", width=140),
                         "Publisher": st.column_config.TextColumn("Publisher", width=130),
                         "Date": st.column_config.TextColumn("Date", width=110),
                         "Link": st.column_config.LinkColumn("Link", display_text="open", width="small"),
                     })
    st.download_button("Download the source list (CSV)", lambda: to_csv(frame), file_name=coverage_note.file_name("sources.csv"),
                       mime="text/csv", icon=":material/download:", on_click="ignore")
    release_download()

    st.header("Documents kept with this app")
    st.caption("Five source documents are stored with the app, word for word, so quotes from them can be checked. "
               "Their reliability differs a lot: read each one's note before relying on it.")
    seeds = {s.seed: s for p in context.catalogue.proposals for s in p.sources if s.seed}
    seeds.update({s.seed: s for s in context.catalogue.registry.sources.values() if s.seed})
    names = [n for n in seed_names() if n in seeds] + [n for n in seed_names() if n not in seeds]

    def title(name: str) -> str:
        source = seeds.get(name)
        return f"{source.title} ({source.publisher}, {source.date or source.date_note or 'n.d.'})" if source else "Unlabelled document"

    for name in names:
        source = seeds.get(name)
        if source is not None:
            note = f" {md(source.reliability_note)}" if source.reliability_note else ""
            st.markdown(f"- **{md(title(name))}**: {md(grade_words(source))}.{note}")
    if names:
        st.session_state.setdefault("seed_file", names[0])
        name = st.selectbox("Read a document in full", names, key="seed_file", format_func=title)
        st.text_area("Full text, exactly as stored", seed_text(name), height=420, disabled=True, key=f"seed_text_{name}")
