"""Pure HTML pieces of the Build page (no Streamlit): the placement rows (each placed choice on its scale,
with the parties' steps marked U and R) and the one-page printable summary of a plan. Every data string is
escaped."""
from __future__ import annotations

import html

from components.render.palette import step_colour, text_colour
from model.analysis.compare import References
from model.data.schema import Proposal
from model.data.taxonomy import Taxonomy
from model.lessons.plan import (
    NO_CAP, Plan, as_proposal, field_area, nearest, placements, red_line_report, relation, summary, why_crossed,
    why_undecided,
)


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
            f'<div class="bp-rel">{html.escape(relation(p))}</div>'
            f'<details class="bp-how"><summary>How this was worked out</summary>{html.escape(p.explanation)}</details></div>')
    style = ("<style>.bp-row{margin:0 0 10px 0}.bp-area{font-weight:600;font-size:14px}"
             ".bp-step{padding:2px 6px;border-radius:3px;font-size:13px;display:inline-block;max-width:100%}"
             ".bp-rel{font-size:13px;color:#333}.bp-how{font-size:13px;color:#333}.bp-how summary{cursor:pointer}</style>")
    return style + "".join(rows) if rows else ""


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
        what = p.value_label or ("No step on the scale chosen" if area.scale else "No scale: see reason")
        extra = []
        extra += [f"{taxonomy.field_label(f)}: {taxonomy.label(area.key, f, v)}"
                  for f, v in plan.fields.items() if field_area(f) == area.key]
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
        report = red_line_report(proposal, party.red_lines, taxonomy, builder=True)
        crossed = "; ".join(f"{e(line.label)} ({e(why_crossed(line, proposal, taxonomy))})" for line in report.crossed)
        undecided = "; ".join(f"{e(line.label)} ({e(why_undecided(line, proposal, taxonomy))})" for line in report.undecided)
        unset = "; ".join(f"{e(line.label)} ({e(why_undecided(line, proposal, taxonomy))})" for line in report.unsettable)
        red.append(f"<li><b>{who}</b> ({e(party.short_name)}, {e(party.date)}): {e(report.verdict())}"
                   f"{'<br>Crossed: ' + crossed if crossed else ''}{'<br>Undecided: ' + undecided if undecided else ''}"
                   f"{'<br>Not counted (no choice in the builder): ' + unset if unset else ''}</li>")
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
<h2>Stated red lines: crossed and undecided</h2><ul>{''.join(red)}</ul>
<h2>Most like</h2><ul>{near}</ul>
<p class="small">Steps, red lines and distances are computed from the dashboard's data ({e(refs.describe())});
see its Methodology page. Red lines are the parties' own statements, with sources on the Build page.</p>
</body></html>"""
