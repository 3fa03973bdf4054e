"""The view as a function of the URL: seed widget state from the query string
once per session, drop unknown values with a visible note, and write the
current state back after every run so the address bar is always shareable.

Query parameters are a contract for teachers' links:
`proposals`, `areas` (comma-separated ids/keys), `only_diff` (1), `detail` (area key),
`summaries` (1: Compare's cells show their summaries instead of the glance headlines),
`points_of`, `point_areas`, `seed`, `from`, `to` (proposal ids), `as_of` (YYYY-MM: the date of
the parties' reference positions on the matrix; default the latest), `cell` (`area:proposal`, the
matrix cell whose sources are open), `chart` (the open tab of the Charts page: `Troop caps`, `Territory`,
`Security guarantees`, `Ceasefire lines`; default the first) and `timeline` (the Timeline page's tab:
`All proposals`, `Army caps over time`).

Present mode: `mode=present`, `slide=N`; `setup=1` shows its setup step (choose proposals, areas or a ready-made
lesson, then start) and `lesson=<key>` names the ready-made lesson (`model.lessons.deck_presets.PRESET_KEYS`), so a
prepared lesson is one link. `notes=1` is still read but never shows speaker notes on the projected page (they are
a printable sheet).

On the Quiz page (`/quiz`) `seed` is the quiz's number: a `seed` made of digits is read as the
quiz seed (`quiz_seed`), any other `seed` names a seed document (Sources page), so every older
link keeps working. The quiz also reads `n` (number of questions) and the sidebar's `areas`;
`seed` and `n` are written back only while the Quiz page is shown.

On the Build page (`/build`) `plan` holds the student's plan (`key-value` pairs joined by '.', e.g.
`territory-freeze_at_contact_line.cap-800000.donetsk-frozen_at_contact_line`, and coded fields such as
`foreign_troops-banned`) and `why` the one-line
justifications (`area~text` joined by '|'); see `model.lessons.plan.encode`. Written back only on that page."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

import streamlit as st

LIST_PARAMS = {"proposals": "sel_proposals", "areas": "sel_areas", "point_areas": "point_areas"}
ONE_PARAMS = {"detail": "detail_area", "points_of": "points_of", "seed": "seed_file", "from": "diff_from", "to": "diff_to",
              "cell": "open_cell", "mode": "present_mode", "slide": "slide"}  # mode=present, slide=N: present mode
ONE_PARAMS["join"] = "live_join"  # join=CODE: a live class's join code (the Live class page; never the teacher key)
ONE_PARAMS["lesson"] = "present_lesson"  # lesson=<preset key>: the ready-made lesson present mode shows (its slide order)
# Widgets bound natively with `bind="query-params"` where that keeps the link format unchanged (the key is the
# parameter's name and the value shown is the value written): Streamlit reads and writes these; this module only
# checks them (for the note on unknown values) and never writes them. The others stay on this seed/write-back layer,
# because Streamlit's binding would change the contract teachers' links rely on: a bound selectbox writes its display
# label (a plan's title) instead of its id, and a bound multiselect writes repeated parameters
# (`proposals=a&proposals=b`) instead of the comma form (`proposals=a,b`).
BOUND_PARAMS = ("as_of", "chart", "timeline")
# Tab labels are the values of the tab parameters (`chart=Territory`), so they are part of the link contract:
# extend, never rename. Keys name each tab's drawing in the page modules.
CHART_TABS = {"caps": "Troop caps", "territory": "Territory", "guarantees": "Security guarantees",
              "ceasefire_scale": "Ceasefire lines"}
TIMELINE_TABS = {"timeline": "All proposals", "caps_time": "Army caps over time"}
MONTH = re.compile(r"^(19|20)\d{2}-(0[1-9]|1[0-2])$")
FLAG_PARAMS = {"only_diff": "only_diff", "notes": "speaker_notes",  # notes=1: speaker notes in present mode
               "summaries": "show_summaries"}  # summaries=1: Compare shows each cell's summary (default: the glance)
FLAG_PARAMS["setup"] = "present_setup"  # setup=1 (with mode=present): present mode's setup step, before the slides
NOTES_KEY = "url_notes"
QUIZ_PAGE = "quiz"
QUIZ_PARAMS = {"seed": "quiz_seed", "n": "quiz_n"}
QUIZ_SEED = re.compile(r"^\d{1,9}$")
QUIZ_N_MAX = 30
BUILD_PAGE = "build"
BUILD_PARAMS = {"plan": "plan_code", "why": "plan_why"}  # the Build page's plan: raw text (not split on commas),
BUILD_PARAM_MAX = 4000                                    # checked item by item by model.lessons.plan.decode on that page


@dataclass(frozen=True)
class Choices:
    """What each query parameter may hold (anything else is dropped with a note)."""

    proposals: Sequence[str]
    areas: Sequence[str]
    seeds: Sequence[str]


def _values(raw: list[str]) -> list[str]:
    return [v.strip() for item in raw for v in item.split(",") if v.strip()]


def seed_once(choices: Choices) -> None:
    """On a session's first run, copy valid query-string values into session state."""
    if st.session_state.get("_url_seeded"):
        return
    st.session_state["_url_seeded"] = True
    allowed = {
        "proposals": choices.proposals, "areas": choices.areas, "point_areas": choices.areas,
        "detail": choices.areas, "points_of": choices.proposals,
        "seed": lambda v: v in choices.seeds or QUIZ_SEED.match(v),
        "from": choices.proposals, "to": choices.proposals, "as_of": lambda v: v == "latest" or MONTH.match(v),
        "cell": lambda v: v.partition(":")[0] in choices.areas and v.partition(":")[2] in choices.proposals,
        "mode": ["present"], "slide": lambda v: v.isdigit() and 1 <= int(v) <= 9999,
        "join": lambda v: re.fullmatch(r"[A-Za-z2-9][A-Za-z2-9 \-]{4,10}[A-Za-z2-9]", v),
        "chart": list(CHART_TABS.values()), "timeline": list(TIMELINE_TABS.values()),
        "lesson": lambda v: v in _preset_keys(),
    }
    notes: list[str] = []
    params = st.query_params
    for name, key in {**LIST_PARAMS, **ONE_PARAMS, **{b: None for b in BOUND_PARAMS}}.items():
        if name not in params:
            continue
        values = _values(params.get_all(name))
        ok = _accepts(allowed[name])
        good = [v for v in dict.fromkeys(values) if ok(v)]
        bad = [v for v in values if not ok(v)]
        if bad:
            notes.append(f"Ignored unknown value(s) in the link for “{name}”: {', '.join(bad[:5])}")
        if key is None:  # bound: the widget takes the value from the URL itself
            continue
        if name in LIST_PARAMS:
            if good:
                st.session_state[key] = good
        elif good:
            quiz = name == "seed" and QUIZ_SEED.match(good[0])
            st.session_state[QUIZ_PARAMS["seed"] if quiz else key] = int(good[0]) if quiz else good[0]
    if "n" in params:
        n = params.get("n") or ""
        if n.isdigit() and 1 <= int(n) <= QUIZ_N_MAX:
            st.session_state[QUIZ_PARAMS["n"]] = int(n)
        else:
            notes.append(f"Ignored the number of quiz questions in the link (“n”): {n[:20]} (1 to {QUIZ_N_MAX})")
    for name, key in BUILD_PARAMS.items():
        if name in params:
            st.session_state[key] = (params.get(name) or "")[:BUILD_PARAM_MAX]
    for name, key in FLAG_PARAMS.items():
        if name in params:
            st.session_state[key] = params.get(name) in ("1", "true", "yes")
    st.session_state[NOTES_KEY] = notes


def _preset_keys() -> tuple[str, ...]:
    from model.lessons.deck_presets import PRESET_KEYS
    return PRESET_KEYS


def _accepts(allowed: "Sequence[str] | Callable[[str], object]") -> Callable[[str], bool]:
    if callable(allowed):
        return lambda v: bool(allowed(v))
    return lambda v: v in allowed


def notes() -> list[str]:
    return st.session_state.get(NOTES_KEY, [])


def current(defaults: dict[str, object], page: str | None = None) -> dict[str, str]:
    """The query parameters describing the current view (values equal to their defaults left out;
    on the Quiz page its `seed` and `n` are always written, so the link gives the class the same quiz)."""
    wanted: dict[str, str] = {}
    for name, key in {**LIST_PARAMS, **ONE_PARAMS, **FLAG_PARAMS}.items():
        if key not in st.session_state:
            continue
        value = st.session_state[key]
        if value in (None, [], "") or value == defaults.get(key):
            continue
        if isinstance(value, bool):
            if value:
                wanted[name] = "1"
        elif isinstance(value, (list, tuple)):
            wanted[name] = ",".join(value)
        else:
            wanted[name] = str(value)
    if page == QUIZ_PAGE:
        for name, key in QUIZ_PARAMS.items():
            if st.session_state.get(key) is not None:
                wanted[name] = str(st.session_state[key])
    if page == BUILD_PAGE:
        for name, key in BUILD_PARAMS.items():
            if st.session_state.get(key):
                wanted[name] = str(st.session_state[key])
    return wanted


def write_back(defaults: dict[str, object], page: str | None = None) -> None:
    """Mirror session state into the query string (`page`: the url_path of the page shown)."""
    wanted = current(defaults, page)
    shown = {k: ",".join(st.query_params.get_all(k)) for k in st.query_params if k not in BOUND_PARAMS}
    if shown == wanted:
        return
    for name in set(shown) - set(wanted):
        del st.query_params[name]
    for name, value in wanted.items():
        if shown.get(name) != value:
            st.query_params[name] = value
