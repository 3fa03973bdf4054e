"""A student's plan as a proposal file: `plan_to_proposal` (a dict ready for YAML that passes
`python -m model.validate`), `to_yaml` (the downloaded file) and `as_proposal` (the same, as a validated
`Proposal`, which the red-line, placement and distance computations read). Pure Python (no Streamlit)."""
from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote

import yaml

from model.data.schema import Proposal
from model.data.taxonomy import Area, Taxonomy
from model.lessons.plan_choices import LEFT_OUT_REASON, NO_CAP, Plan, _clean, encode, field_area, military_stance


def slug(text: str) -> str:
    """Lowercase words joined by hyphens (a valid proposal id part)."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words)[:30].strip("-") or "student"


def plan_id(author: str) -> str:
    return f"plan-{slug(author)}"


def addressed_areas(plan: Plan, taxonomy: Taxonomy) -> list[str]:
    """Areas the plan says something on: a scale step, a coded field, a number, a region or a justification."""
    result = []
    for area in taxonomy.areas:
        k = area.key
        if (k in plan.values or k in plan.notes or any(field_area(f) == k for f in plan.fields)
                or (k == "military_limits" and plan.troop_cap is not None)
                or (k == "ceasefire_and_monitoring" and plan.dmz_km) or (k == "territory" and plan.regions)):
            result.append(k)
    return result


def _auto_summary(area: Area, plan: Plan, taxonomy: Taxonomy) -> str:
    bits = []
    step = military_stance(plan, taxonomy) if area.key == "military_limits" else plan.values.get(area.key)
    if step:
        bits.append(f"'{taxonomy.label(area.key, area.scale_field or 'stance', step)}'")
    bits += [f"{taxonomy.field_label(f)}: {taxonomy.label(area.key, f, v)}"
             for f, v in plan.fields.items() if field_area(f) == area.key]
    if area.key == "military_limits" and plan.troop_cap is not None:
        bits.append("no cap on the army" if plan.troop_cap == NO_CAP else f"an army cap of {plan.troop_cap:,}")
    if area.key == "ceasefire_and_monitoring" and plan.dmz_km:
        bits.append(f"a demilitarised zone {plan.dmz_km} km wide")
    if area.key == "territory" and plan.regions:
        bits.append(", ".join(f"{taxonomy.regions[r].name}: {taxonomy.status_label(s)}" for r, s in plan.regions.items()))
    return "Chosen in the plan builder: " + "; ".join(bits) + " (no justification given)."


def plan_to_proposal(plan: Plan, taxonomy: Taxonomy, author: str = "A student", title: str | None = None,
                     date: str | None = None, link: str | None = None, proposal_id: str | None = None) -> dict:
    """The plan as a proposal file (a plain dict; `to_yaml` writes it). The student is the author; each
    justification becomes its area's summary; every position has evidence `statement` and cites one inline
    source: the plan itself (kind `student`, reliability low), located by its share link."""
    author = _clean(author) or "A student"
    pid = proposal_id or plan_id(author)
    date = date or dt.date.today().isoformat()
    source_id = pid
    link = link if link and re.match(r"^https?://\S+$", link) and len(link) <= 1000 else (
        f"http://localhost:8501/build?plan={quote(encode(plan)[0], safe='')}"[:1000])
    positions: dict[str, dict] = {}
    for area in taxonomy.areas:
        k = area.key
        if k not in addressed_areas(plan, taxonomy):
            positions[k] = {"not_addressed": True, "reason": LEFT_OUT_REASON, "evidence": "statement"}
            continue
        position: dict = {"evidence": "statement", "summary": plan.notes.get(k) or _auto_summary(area, plan, taxonomy)}
        step = military_stance(plan, taxonomy) if k == "military_limits" else plan.values.get(k)
        if step and area.scale_field:
            position[area.scale_field] = step
        position.update({f: v for f, v in plan.fields.items() if field_area(f) == k})
        if k == "military_limits" and plan.troop_cap is not None:
            position["troop_cap"] = NO_CAP if plan.troop_cap == NO_CAP else int(plan.troop_cap)
        if k == "ceasefire_and_monitoring" and plan.dmz_km:
            position["dmz_width_km"] = {"value": int(plan.dmz_km), "qualifier": "exact"}
        if k == "territory" and plan.regions:
            position["regions"] = dict(plan.regions)
        position["citations"] = [{"source": source_id, "locator": f"Plan builder: {area.title}"}]
        positions[k] = position
    chosen = addressed_areas(plan, taxonomy)
    titles = ", ".join(taxonomy.area(k).title.lower() for k in chosen) or "no area yet"
    return {
        "id": pid,
        "title": title or f"Plan by {author}",
        "short_name": (title or f"Plan: {author}")[:28],
        "author": author,
        "party": "think_tank",
        "date": date,
        "date_note": "Written in the dashboard's plan builder; a student's own plan, not a negotiating text.",
        "status": "proposed",
        "publication": "statements",
        "summary": f"A plan written by {author} in the plan builder on {date}. It takes a position on {len(chosen)} of "
                   f"{len(taxonomy.areas)} areas ({titles}); the summaries are the author's own justifications.",
        "sources": [{
            "id": source_id, "title": f"Plan by {author}, written in the plan builder", "publisher": author,
            "date": date, "url": link, "kind": "student", "reliability": "low",
            "reliability_note": "A student's own plan: its author's choices, not a source on the negotiations.",
        }],
        "positions": positions,
    }


def to_yaml(data: dict) -> str:
    header = "# A plan written in the plan builder (/build). Drop it into proposals/ and run python -m model.validate.\n"
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)


def as_proposal(plan: Plan, taxonomy: Taxonomy, author: str = "A student") -> Proposal:
    """The plan as a validated `Proposal` (for placements, red lines and distances)."""
    return Proposal.model_validate(plan_to_proposal(plan, taxonomy, author, date="2026-01-01"))
