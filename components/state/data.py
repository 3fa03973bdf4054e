"""Cached access to everything the views show. Caches are keyed on the files'
names, sizes and modification times (looked at once a second at most), so an edited
proposal shows up within a second, on the next rerun, without restarting the app.

The loaded data is cached with `st.cache_resource`, i.e. shared by every session without
copying: it is read-only (frozen dataclasses and frozen pydantic models). `st.cache_data`
would unpickle a fresh copy of the whole catalogue on every rerun of every session, which
was most of the server's time under load (docs/performance.md)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import streamlit as st

from model.data.loader import SEEDS_DIR, Catalogue, load_catalogue, proposals_dir
from model.data.reference_data import DATA_DIR, ComparatorFile, ReferenceFile, load_comparators, load_reference_figures
from model.data.yaml_source import Problem, YamlError



@st.cache_data(ttl=1, show_spinner=False, max_entries=8)
def _signature_of(folder: str) -> str:
    """A short digest of the data files' names, sizes and modification times (looked at most once a second:
    listing and stat-ing ~100 files on every run of every session was a tenth of a run's time)."""
    root = Path(folder)
    files = [*root.glob("*.y*ml"), *root.glob("_sources/*.y*ml"), *SEEDS_DIR.glob("*"), *DATA_DIR.glob("*.yaml")]
    stats = sorted((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.is_file())
    return hashlib.sha1(repr((folder, stats)).encode()).hexdigest()[:16]


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(signature: str) -> tuple[Catalogue | None, ReferenceFile | None, ComparatorFile | None, tuple[Problem, ...]]:
    problems: list[Problem] = []
    try:
        catalogue = load_catalogue()
        problems.extend(catalogue.problems)
    except YamlError as exc:
        return None, None, None, (exc.problem,)
    references, ref_problems = load_reference_figures()
    comparators, cmp_problems = load_comparators()
    return catalogue, references, comparators, tuple(problems + ref_problems + cmp_problems)


def everything() -> tuple[Catalogue | None, ReferenceFile | None, ComparatorFile | None, tuple[Problem, ...]]:
    return _load(version())


def version() -> str:
    """A short key for the current state of the data files: caches of views derived from the
    catalogue (keyed on ids) include it, so they follow an edited proposal."""
    return _signature_of(str(proposals_dir()))  # proposals/, or $PEACE_PROPOSALS_DIR (tests serve fixtures with it)


@st.cache_data(show_spinner=False)
def seed_text(name: str) -> str:
    path = (SEEDS_DIR / name).resolve()
    if path.parent != SEEDS_DIR.resolve() or not path.is_file():
        return ""
    return path.read_text(encoding="utf-8", errors="replace")


@st.cache_data(ttl=1, show_spinner=False)
def seed_names() -> list[str]:
    return sorted(p.name for p in SEEDS_DIR.glob("*.txt"))


@st.cache_resource(show_spinner=False, max_entries=4)
def _source_words(signature: str) -> dict[str, str]:
    catalogue, references, comparators, _ = _load(signature)
    sources = [*(catalogue.registry.sources.values() if catalogue else ()),
               *(s for p in (catalogue.proposals if catalogue else ()) for s in p.sources),
               *(references.sources if references else ()), *(comparators.sources if comparators else ())]
    return {s.id: f"{s.publisher}, {s.date or s.date_note or 'undated'}" for s in sources}


def source_words() -> dict[str, str]:
    """Source id -> "Publisher, date", for tables shown to students (they never see a source's id)."""
    return _source_words(version())


@st.cache_resource(show_spinner=False, max_entries=4)
def _key_words(signature: str) -> dict[str, str]:
    from model.data.key_words import key_labels

    catalogue = _load(signature)[0]
    return key_labels(catalogue.taxonomy) if catalogue else {}


def key_words() -> dict[str, str]:
    """Coded key -> its label (`model.data.key_words`), for keys named inside coders' notes."""
    return _key_words(version())


def proposal_names() -> dict[str, str]:
    """Proposal id -> short name (tables name a revised text by its name, not its id)."""
    catalogue = everything()[0]
    return {p.id: p.short_name for p in catalogue.proposals} if catalogue else {}
