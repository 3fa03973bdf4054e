"""Build a plan (`/build`): a student picks a position per area and sees, live, where it sits against the
parties' stated positions (the matrix's own computation), which stated red lines it crosses, and which
proposals it most resembles. The plan lives in the URL (`plan=`, `why=`); downloads: the plan as a proposal
file (YAML) and a one-page printable summary. All logic is in `model.lessons.plan`; this module only draws."""
from __future__ import annotations

import html
from urllib.parse import urlencode, urlsplit

import streamlit as st

from components.state.context import Context
from components.views import plot_view
from components.render.map_figure import territory_maps
from components.render.palette import REGION_STATUS_COLORS, step_colour, text_colour
from components.render.safe_text import md, md_url
from model.analysis.chart_data import territory_frame
from model.analysis.compare import References, references
from model.lessons.plan import (
    CAP_MAX, DMZ_MAX_KM, NO_CAP, NOTE_MAX, Plan, as_proposal, crossed_red_lines, decode, encode, military_note,
    nearest, placements, plan_id, plan_to_proposal, region_choices, relation, summary, to_yaml, why_crossed,
)
from model.data.schema import Proposal, RedLine
from model.data.taxonomy import Taxonomy

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
    cap = plan.troop_cap
    values[f"{K}cap_kind"] = CAP_CHOICES[0] if cap is None else CAP_CHOICES[1] if cap == NO_CAP else CAP_CHOICES[2]
    values[f"{K}cap"] = int(cap) if isinstance(cap, int) else 800_000
    values[f"{K}dmz"] = int(plan.dmz_km or 0)
    return values


def _seed_widgets(taxonomy: Taxonomy) -> None:
    """Widgets missing from the session (first visit, or back from another page) take the plan in the URL."""
    plan, ignored = decode(st.session_state.get("plan_code"), st.session_state.get("plan_why"), taxonomy)
    missing = {k: v for k, v in _widget_values(plan, taxonomy).items() if k not in st.session_state}
    if missing:
        st.session_state[f"{K}ignored"] = ignored
        st.session_state.update(missing)
    if st.session_state.get(f"{K}ignored"):
        st.info("Ignored parts of the plan in the link that the data does not know: "
                + md(", ".join(st.session_state[f"{K}ignored"][:8])), icon=":material/link:")


def _plan_from_widgets(taxonomy: Taxonomy) -> Plan:
    s = st.session_state
    values = {a.key: s.get(f"{K}area_{a.key}") for a in taxonomy.areas if a.scale and s.get(f"{K}area_{a.key}")}
    kind = s.get(f"{K}cap_kind", CAP_CHOICES[0])
    cap = None if kind == CAP_CHOICES[0] else NO_CAP if kind == CAP_CHOICES[1] else int(s.get(f"{K}cap") or 800_000)
    regions = {r: s.get(f"{K}region_{r}") for r in taxonomy.regions if s.get(f"{K}region_{r}")}
    notes = {a.key: " ".join(str(s.get(f"{K}why_{a.key}") or "").split())[:NOTE_MAX] for a in taxonomy.areas}
    return Plan(values, cap, int(s.get(f"{K}dmz") or 0) or None, regions, {k: v for k, v in notes.items() if v})


def _write_url(plan: Plan) -> None:
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


def _why(area_key: str) -> None:
    st.text_input("Why? (one line, optional)", key=f"{K}why_{area_key}", max_chars=NOTE_MAX,
                  placeholder="Your reason, in your own words")


def _choose_military(taxonomy: Taxonomy) -> None:
    _choose_area(taxonomy, "military_limits")
    st.radio("Cap on Ukraine's army", CAP_CHOICES, key=f"{K}cap_kind", horizontal=True)
    st.number_input("Cap: personnel in peacetime", min_value=1_000, max_value=CAP_MAX, step=10_000, key=f"{K}cap",
                    disabled=st.session_state.get(f"{K}cap_kind") != CAP_CHOICES[2])
    note = military_note(_plan_from_widgets(taxonomy), taxonomy)
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


def _choices(context: Context) -> Plan:
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
            _why(area.key)
            if area.key == "territory":
                _map(_plan_from_widgets(taxonomy), taxonomy)
    return _plan_from_widgets(taxonomy)


# ------------------------------------------------------------------ feedback (pure HTML builders + drawing)

def placement_rows_html(plan: Plan, taxonomy: Taxonomy, refs: References) -> str:
    """One row per area the plan places on a scale: its step (coloured, with the number and words), a strip of
    the scale with U and R under the parties' steps, and where it sits relative to them. Escaped throughout."""
    places = placements(plan, taxonomy, refs)
    rows = []
    for area in taxonomy.areas:
        p = places[area.key]
        if p.kind != "placed":
            continue
        colour = step_colour(p.step, p.steps)
        boxes = "".join(
            f'<span style="flex:1;height:10px;background:{step_colour(i, p.steps)};'
            f'outline:{"2px solid #000" if i == p.step else "none"};outline-offset:-1px"></span>' for i in range(p.steps))
        marks = "".join(
            f'<span style="flex:1;text-align:center;font-size:11px;line-height:14px">'
            f'{"U" if i == p.first_step else ""}{"·" if i == p.first_step and i == p.last_step else ""}'
            f'{"R" if i == p.last_step else ""}</span>' for i in range(p.steps))
        rows.append(
            f'<div class="bp-row" title="{html.escape(p.explanation)}">'
            f'<div class="bp-area">{html.escape(area.title)}</div>'
            f'<div class="bp-step" style="background:{colour};color:{text_colour(colour)}">Step {p.step + 1} of {p.steps}: '
            f'{html.escape(p.value_label or "")}</div>'
            f'<div style="display:flex;gap:2px;margin-top:3px">{boxes}</div><div style="display:flex;gap:2px">{marks}</div>'
            f'<div class="bp-rel">{html.escape(relation(p))}</div></div>')
    style = ("<style>.bp-row{margin:0 0 10px 0}.bp-area{font-weight:600;font-size:14px}"
             ".bp-step{padding:2px 6px;border-radius:3px;font-size:13px;display:inline-block;max-width:100%}"
             ".bp-rel{font-size:13px;color:#333}</style>")
    return style + "".join(rows) if rows else ""


def _source_line(proposal: Proposal, citation) -> str:
    source = proposal.source(citation.source)
    if source is None:
        return md(citation.source)
    url = md_url(source.url)
    name = f"{md(source.publisher)}, {md(source.date or source.date_note or '')}".rstrip(", ")
    linked = f"[{name}]({url})" if url else name
    quote = f"“{md(citation.quote)}” — " if citation.quote else ""
    where = f" ({md(citation.locator)})" if citation.locator else ""
    return f"{quote}{linked}{where}"


def _red_lines(plan_proposal: Proposal, party: Proposal | None, who: str, taxonomy: Taxonomy) -> None:
    if party is None:
        st.caption(f"{who}: no stated position on record for this date.")
        return
    lines: list[RedLine] = list(party.red_lines)
    name = f"{md(party.short_name)} ({md(party.date)})"
    if not lines:
        st.caption(f"{who}: no red lines are recorded for {name}.")
        return
    crossed = crossed_red_lines(plan_proposal, lines)
    if crossed:
        st.markdown(f"**{who}** — crosses {len(crossed)} of {len(lines)} stated red lines ({name}):")
    else:
        st.markdown(f"**{who}** — crosses none of the {len(lines)} stated red lines ({name}).")
    for line in crossed:
        with st.container(border=True):
            st.markdown(f":material/block: **{md(line.label)}** — your plan: {md(why_crossed(line, plan_proposal, taxonomy))}")
            for c in line.citations:
                st.caption(_source_line(party, c))
            for note in line.contested:
                st.caption(f"⚠ Contested: {md(note.claim)} Disputed by: {md(note.disputed_by)}")
    others = [line for line in lines if line not in crossed]
    if others:
        with st.expander(f"{who}'s other red lines ({len(others)})"):
            for line in others:
                st.markdown(f"- {md(line.label)}")


def _feedback(context: Context, plan: Plan, refs: References) -> None:
    taxonomy = context.catalogue.taxonomy
    proposal = as_proposal(plan, taxonomy)
    st.subheader("Red lines", anchor="red-lines")
    _red_lines(proposal, refs.first, "Ukraine", taxonomy)
    _red_lines(proposal, refs.last, "Russia", taxonomy)
    st.subheader("Where your plan sits")
    places = placements(plan, taxonomy, refs)
    st.markdown(md(summary(places).text))
    rows = placement_rows_html(plan, taxonomy, refs)
    if rows:
        st.html(rows)
        names = "; ".join(f"{who}: {md(p.short_name)} ({md(p.date)})" for who, p in (("U", refs.first), ("R", refs.last)) if p)
        st.caption("Same computation as the matrix colours: each choice's own step on its scale (hover a row for the "
                   f"working). **U** and **R** mark the parties' stated positions: {names}.")
    st.subheader("Most like")
    close = nearest(plan, context.catalogue.proposals, taxonomy, k=3)
    if not close:
        st.caption("Choose a position on at least one scale (or an army cap, or a region) to compare.")
    for d in close:
        st.markdown(f"**{md(d.proposal.short_name)}** ({md(d.proposal.date)}) — distance {d.value:.2f} "
                    f"over {d.fields} shared field{'s' if d.fields != 1 else ''}")
    if close:
        ids = ",".join(d.proposal.id for d in close)
        st.markdown(f"[Open them on Compare](/compare?proposals={ids}) · distance 0 = the same on every shared field, "
                    "1 = opposite ends (see Methodology)")


# ------------------------------------------------------------------ downloads

def printable_html(plan: Plan, taxonomy: Taxonomy, refs: References, author: str, link: str,
                   others: list[Proposal]) -> str:
    """A one-page summary to print (A4, print CSS): the choices with reasons, red lines, placements, nearest."""
    e = html.escape
    proposal = as_proposal(plan, taxonomy)
    places = placements(plan, taxonomy, refs)
    items = []
    for area in taxonomy.areas:
        p = places[area.key]
        position = proposal.positions[area.key]
        if position.not_addressed:
            continue
        what = p.value_label or "No scale: see reason"
        extra = []
        if area.key == "military_limits" and plan.troop_cap is not None:
            extra.append("no cap" if plan.troop_cap == NO_CAP else f"cap {plan.troop_cap:,}")
        if area.key == "ceasefire_and_monitoring" and plan.dmz_km:
            extra.append(f"demilitarised zone {plan.dmz_km} km")
        if area.key == "territory" and plan.regions:
            extra.append("; ".join(f"{taxonomy.regions[r].name}: {taxonomy.status_label(s)}" for r, s in plan.regions.items()))
        step = f" (step {p.step + 1} of {p.steps}; {relation(p)})" if p.kind == "placed" else ""
        reason = plan.notes.get(area.key, "")
        items.append(f"<tr><th>{e(area.title)}</th><td>{e(what)}{e(step)}{'<br>' + e(', '.join(extra)) if extra else ''}"
                     f"{'<br><i>' + e(reason) + '</i>' if reason else ''}</td></tr>")
    red = []
    for who, party in (("Ukraine", refs.first), ("Russia", refs.last)):
        if party is None or not party.red_lines:
            red.append(f"<li>{who}: no red lines recorded</li>")
            continue
        crossed = crossed_red_lines(proposal, party.red_lines)
        text = "; ".join(f"{e(line.label)} ({e(why_crossed(line, proposal, taxonomy))})" for line in crossed) or "none"
        red.append(f"<li><b>{who}</b> ({e(party.short_name)}, {e(party.date)}): crosses {len(crossed)} of "
                   f"{len(party.red_lines)}: {text}</li>")
    near = "".join(f"<li>{e(d.proposal.short_name)} ({e(d.proposal.date)}): distance {d.value:.2f} over {d.fields} fields</li>"
                   for d in nearest(plan, others, taxonomy, k=3)) or "<li>Not enough coded fields to compare.</li>"
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plan by {e(author)}</title>
<style>@page{{size:A4;margin:14mm}}body{{font:11pt/1.35 system-ui,sans-serif;color:#111;max-width:180mm;margin:auto}}
h1{{font-size:16pt;margin:0 0 4px}}h2{{font-size:12pt;margin:12px 0 4px}}table{{border-collapse:collapse;width:100%}}
th,td{{border:1px solid #999;padding:3px 6px;vertical-align:top;text-align:left;font-size:10pt}}th{{width:28%}}
ul{{margin:0;padding-left:18px;font-size:10pt}}.small{{font-size:9pt;color:#444;word-break:break-all}}
@media print{{a{{color:#111;text-decoration:none}}}}</style></head><body>
<h1>Plan by {e(author)}</h1><p class="small">Written in the plan builder. Link: {e(link)}</p>
<h2>Choices</h2><table>{''.join(items) or '<tr><td>No area chosen yet.</td></tr>'}</table>
<h2>Summary</h2><p>{e(summary(places).text)}</p>
<h2>Stated red lines crossed</h2><ul>{''.join(red)}</ul>
<h2>Most like</h2><ul>{near}</ul>
<p class="small">Steps, red lines and distances are computed from the dashboard's data ({e(refs.describe())});
see its Methodology page. Red lines are the parties' own statements, with sources on the Build page.</p>
</body></html>"""


def _downloads(context: Context, plan: Plan, refs: References) -> None:
    taxonomy = context.catalogue.taxonomy
    st.subheader("Hand it in")
    author = " ".join(str(st.text_input("Your name (author of the file)", key=f"{K}author", max_chars=60,
                                         placeholder="A student") or "").split()) or "A student"
    link = share_link(plan)
    st.caption("The address bar holds your plan: copy it to share or hand it in.")
    st.code(link, language=None, wrap_lines=True)
    pid = plan_id(author)
    st.download_button("Plan as a proposal file", key=f"{K}dl_yaml", file_name=f"{pid}.yaml",
                       mime="application/x-yaml", icon=":material/download:", on_click="ignore", width="stretch",
                       data=lambda: to_yaml(plan_to_proposal(plan, taxonomy, author, link=link)))
    st.download_button("One-page summary to print (HTML)", key=f"{K}dl_html", file_name=f"{pid}-summary.html",
                       mime="text/html", icon=":material/print:", on_click="ignore", width="stretch",
                       data=lambda: printable_html(plan, taxonomy, refs, author, link, list(context.catalogue.proposals)))
    st.caption("The proposal file passes the same checks as every proposal in the app: upload it on the "
               "'Add a proposal' page to compare it with the others, or hand it to your teacher.")


# ------------------------------------------------------------------ the page

@st.fragment
def _builder(context: Context, refs: References) -> None:
    top = st.container()
    left, right = st.columns([5, 4], gap="large")
    with left:
        st.subheader("Your plan")
        plan = _choices(context)
    _write_url(plan)
    taxonomy = context.catalogue.taxonomy
    with top:
        proposal = as_proposal(plan, taxonomy)
        counts = [len(crossed_red_lines(proposal, p.red_lines)) if p else 0 for p in (refs.first, refs.last)]
        st.markdown(f"**Live:** your plan crosses **{counts[0]}** of Ukraine's and **{counts[1]}** of Russia's stated "
                    "red lines. [Jump to the feedback](#red-lines)")
    with right:
        with st.container(key=f"{K}feedback"):
            _feedback(context, plan, refs)
            _downloads(context, plan, refs)
    # On a wide screen the feedback stays in view while the choices scroll (phones stack the columns instead).
    st.html(f"<style>@media (min-width: 900px){{.st-key-{K}feedback{{position:sticky;top:3.75rem;"
            "max-height:calc(100vh - 4.5rem);overflow-y:auto;padding-right:4px}}}}</style>")


def render(context: Context) -> None:
    taxonomy = context.catalogue.taxonomy
    st.title("Build a plan")
    st.caption("Pick a position for each area, or leave it out; set an army cap, a demilitarised zone and each region's "
               "status. The feedback (on the right, or below the choices on a phone) is computed from the data: where each choice sits between the parties' "
               "stated positions, the parties' own red lines it crosses, and the proposals it resembles.")
    refs = references(context.catalogue.proposals, taxonomy, context.selection.as_of)
    _seed_widgets(taxonomy)
    _builder(context, refs)
