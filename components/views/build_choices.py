"""The Build page's choosing half (Streamlit): one widget per choice (a scale step per area, the coded fields a
party's red line names such as foreign troops, the army cap, the demilitarised zone, a status per region, a
one-line reason per area), the plan read from and written back to
the URL (`plan=`, `why=`) through those widgets, the share link, and the small map of the plan's regions.
Every widget key starts with `K` ("bp_")."""
from __future__ import annotations

import html
from urllib.parse import urlencode, urlsplit

import streamlit as st

from components.render.map_figure import territory_maps
from components.render.palette import REGION_STATUS_COLORS
from components.render.safe_text import md
from components.state.context import Context
from components.views import plot_view
from model.analysis.chart_data import territory_frame
from model.data.taxonomy import Taxonomy
from model.lessons.plan import (
    CAP_MAX, DMZ_MAX_KM, NO_CAP, NOTE_MAX, Plan, as_proposal, decode, encode, field_area, field_choices, military_note,
    region_choices,
)

LEAVE = ""
CAP_CHOICES = ("Leave out", "No cap", "A cap")
MAIN_REGIONS = ("crimea", "sevastopol", "donetsk", "luhansk", "zaporizhzhia", "kherson")
K = "bp_"  # every widget key of this page starts with it
MAP_HEIGHT_PX = 300


# ------------------------------------------------------------------ URL <-> widgets

def _widget_values(plan: Plan, taxonomy: Taxonomy) -> dict[str, object]:
    values: dict[str, object] = {f"{K}area_{a.key}": plan.values.get(a.key, LEAVE) for a in taxonomy.areas if a.scale}
    values.update({f"{K}why_{a.key}": plan.notes.get(a.key, "") for a in taxonomy.areas})
    values.update({f"{K}region_{r}": plan.regions.get(r, LEAVE) for r in taxonomy.regions})
    values.update({f"{K}field_{f}": plan.fields.get(f, LEAVE) for f in field_choices(taxonomy)})
    cap = plan.troop_cap
    values[f"{K}cap_kind"] = CAP_CHOICES[0] if cap is None else CAP_CHOICES[1] if cap == NO_CAP else CAP_CHOICES[2]
    values[f"{K}cap"] = int(cap) if isinstance(cap, int) else 800_000
    values[f"{K}dmz"] = int(plan.dmz_km or 0)
    return values


def seed_widgets(taxonomy: Taxonomy) -> None:
    """Widgets missing from the session (first visit, or back from another page) take the plan in the URL."""
    plan, ignored = decode(st.session_state.get("plan_code"), st.session_state.get("plan_why"), taxonomy)
    missing = {k: v for k, v in _widget_values(plan, taxonomy).items() if k not in st.session_state}
    if missing:
        st.session_state[f"{K}ignored"] = ignored
        st.session_state.update(missing)
    if st.session_state.get(f"{K}ignored"):
        st.info("Ignored parts of the plan in the link that the data does not know: "
                + md(", ".join(st.session_state[f"{K}ignored"][:8])), icon=":material/link:")


def plan_from_widgets(taxonomy: Taxonomy) -> Plan:
    s = st.session_state
    values = {a.key: s.get(f"{K}area_{a.key}") for a in taxonomy.areas if a.scale and s.get(f"{K}area_{a.key}")}
    kind = s.get(f"{K}cap_kind", CAP_CHOICES[0])
    cap = None if kind == CAP_CHOICES[0] else NO_CAP if kind == CAP_CHOICES[1] else int(s.get(f"{K}cap") or 800_000)
    regions = {r: s.get(f"{K}region_{r}") for r in taxonomy.regions if s.get(f"{K}region_{r}")}
    notes = {a.key: " ".join(str(s.get(f"{K}why_{a.key}") or "").split())[:NOTE_MAX] for a in taxonomy.areas}
    fields = {f: s.get(f"{K}field_{f}") for f in field_choices(taxonomy) if s.get(f"{K}field_{f}")}
    return Plan(values, cap, int(s.get(f"{K}dmz") or 0) or None, regions, {k: v for k, v in notes.items() if v}, fields)


def write_url(plan: Plan) -> None:
    """Keep the plan in the session and in the address bar (also on fragment reruns)."""
    code, why = encode(plan)
    st.session_state["plan_code"], st.session_state["plan_why"] = code, why
    for name, value in (("plan", code), ("why", why)):
        if value and st.query_params.get(name) != value:
            st.query_params[name] = value
        elif not value and name in st.query_params:
            del st.query_params[name]


def share_link(plan: Plan) -> str:
    """The absolute link to this plan on this server."""
    code, why = encode(plan)
    try:
        parts = urlsplit(st.context.url or "")
        base = f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else "http://localhost:8501"
    except Exception:  # noqa: BLE001 - no request context (tests): a local link
        base = "http://localhost:8501"
    query = urlencode({k: v for k, v in (("plan", code), ("why", why)) if v})
    return f"{base}/build" + (f"?{query}" if query else "")


# ------------------------------------------------------------------ choosing

def _area_label(taxonomy: Taxonomy, area_key: str):
    area = taxonomy.area(area_key)
    labels = {t.key: t.label for t in area.scale}
    return lambda v: "Leave out" if v == LEAVE else labels.get(v, v)


def _choose_area(taxonomy: Taxonomy, area_key: str) -> None:
    area = taxonomy.area(area_key)
    if area.scale:  # radio buttons: the whole scale is visible, from Ukraine's end (first) to Russia's (last)
        st.radio(f"Position on {area.title.lower()} (scale from the outcome Ukraine has sought to the one Russia has sought)",
                 [LEAVE, *area.scale_keys()], key=f"{K}area_{area.key}", format_func=_area_label(taxonomy, area.key))


def _choose_fields(taxonomy: Taxonomy, area_key: str) -> None:
    """The coded fields this area carries that the builder offers (e.g. foreign troops under alliances), as radio
    buttons with the taxonomy's own labels."""
    for name, keys in field_choices(taxonomy).items():
        if field_area(name) != area_key:
            continue
        labels = {k: taxonomy.label(area_key, name, k) for k in keys}
        st.radio(taxonomy.field_label(name), [LEAVE, *keys], key=f"{K}field_{name}",
                 format_func=lambda v, labels=labels: "Leave out" if v == LEAVE else labels.get(v, v))


def _why(area_key: str) -> None:
    st.text_input("Why? (one line, optional)", key=f"{K}why_{area_key}", max_chars=NOTE_MAX,
                  placeholder="Your reason, in your own words")


def _choose_military(taxonomy: Taxonomy) -> None:
    _choose_area(taxonomy, "military_limits")
    st.radio("Cap on Ukraine's army", CAP_CHOICES, key=f"{K}cap_kind", horizontal=True)
    st.number_input("Cap: personnel in peacetime", min_value=1_000, max_value=CAP_MAX, step=10_000, key=f"{K}cap",
                    disabled=st.session_state.get(f"{K}cap_kind") != CAP_CHOICES[2])
    note = military_note(plan_from_widgets(taxonomy), taxonomy)
    if note:
        st.caption(md(note))


def _choose_territory(taxonomy: Taxonomy) -> None:
    _choose_area(taxonomy, "territory")
    statuses = region_choices(taxonomy)
    label = {t.key: t.label for t in taxonomy.region_statuses}
    fmt = lambda v: "Not set" if v == LEAVE else label.get(v, v)  # noqa: E731
    st.markdown("**Status of each region**")
    main = [r for r in MAIN_REGIONS if r in taxonomy.regions]
    cols = st.columns(2)
    for i, r in enumerate(main):
        with cols[i % 2]:
            st.selectbox(taxonomy.regions[r].name, [LEAVE, *statuses], key=f"{K}region_{r}", format_func=fmt)
    with st.expander("Other regions"):
        cols = st.columns(2)
        for i, r in enumerate(r for r in taxonomy.regions if r not in main):
            with cols[i % 2]:
                st.selectbox(taxonomy.regions[r].name, [LEAVE, *statuses], key=f"{K}region_{r}", format_func=fmt)
    chosen = [(r, st.session_state.get(f"{K}region_{r}")) for r in taxonomy.regions if st.session_state.get(f"{K}region_{r}")]
    if chosen:
        st.caption("Set: " + "; ".join(f"{md(taxonomy.regions[r].name)}: {md(label.get(v, v))}" for r, v in chosen))


def _map(plan: Plan, taxonomy: Taxonomy) -> None:
    proposal = as_proposal(plan, taxonomy, "Your plan")
    frame = territory_frame([proposal.model_copy(update={"short_name": "Your plan"})], taxonomy)
    try:
        fig = territory_maps(frame, None, taxonomy, columns=1)
    except Exception:  # noqa: BLE001 - a map that cannot be drawn must not hide the plan; the region statuses on the page say the same
        st.caption("The map could not be drawn; the region statuses above say the same.")
        return
    # One map: no "by proposal" title, and the shared legend (wide, clipped on a phone) replaced by a wrapping
    # HTML key of the statuses the plan uses, so every colour is named in words.
    fig.update_layout(title=None, showlegend=False, annotations=[], height=MAP_HEIGHT_PX,
                      margin={"l": 0, "r": 0, "t": 0, "b": 0})
    named = ", ".join(f"{taxonomy.regions[r].name}: {taxonomy.status_label(s)}" for r, s in plan.regions.items()) or "no region set"
    plot_view.show(fig, f"{K}map", config={"displayModeBar": False},
                   alt=f"Map of Ukraine's regions coloured by the plan's statuses ({named}).")
    used = list(dict.fromkeys(plan.regions.values()))
    split = {t.key for t in taxonomy.region_statuses if t.split}
    keys = "".join(
        f'<span style="display:inline-flex;align-items:center;gap:4px;margin:0 10px 4px 0;font-size:13px">'
        f'<span style="width:14px;height:14px;border:1px solid #555;background:{REGION_STATUS_COLORS.get(k, "#EBEBEB")}">'
        f'</span>{html.escape(taxonomy.status_label(k))}{" (hatched)" if k in split else ""}</span>' for k in used)
    if keys:
        st.html(f'<div style="display:flex;flex-wrap:wrap">{keys}</div>')


def choices(context: Context) -> Plan:
    taxonomy = context.catalogue.taxonomy
    for area in taxonomy.areas:
        with st.container(border=True):
            st.markdown(f"**{md(area.title)}** · {md(area.description)}")
            if area.key == "territory":
                _choose_territory(taxonomy)
            elif area.key == "military_limits":
                _choose_military(taxonomy)
            else:
                _choose_area(taxonomy, area.key)
                if area.key == "ceasefire_and_monitoring":
                    st.number_input("Demilitarised zone, total width in km (0 = none)", min_value=0,
                                    max_value=DMZ_MAX_KM, step=5, key=f"{K}dmz")
                if not area.scale:
                    st.caption("No scale for this area: write your plan's position in one line to include it.")
            _choose_fields(taxonomy, area.key)
            _why(area.key)
            if area.key == "territory":
                _map(plan_from_widgets(taxonomy), taxonomy)
    return plan_from_widgets(taxonomy)
