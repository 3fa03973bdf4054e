"""A student's own plan: choices per area, checked against the data.

Pure Python (no Streamlit), so every number the builder page shows can be tested:

- `Plan`: per area a step of the taxonomy's scale (or left out), the army cap (a number, "no cap" or left
  out), the width of a demilitarised zone, a status per region and a one-line justification per area;
- `encode` / `decode`: the plan as two short query-string values (`plan=`, `why=`), validated on the way in;
- `plan_to_proposal`: the plan as a proposal file (a dict ready for YAML) that passes `python -m model.validate`;
- `crossed_red_lines`: which stated red lines (the `red_lines` of the parties' position files) a plan crosses;
- `placements`: where each choice sits on its scale, by `model.analysis.compare.place` (the matrix's own computation);
- `distance` / `nearest`: how far the plan is from each proposal over the fields both code (see `distance`).
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Mapping, Sequence
from urllib.parse import quote

import yaml

from model.data.checks import red_line_area
from model.analysis.compare import Placement, References, place, scale_value
from model.data.schema import Proposal, RedLine, RedLineCondition
from model.data.taxonomy import Area, Taxonomy

NO_CAP = "no_cap"
CAP_MAX = 5_000_000
DMZ_MAX_KM = 500
NOTE_MAX = 200
PLAN_PARAM_MAX = 2_000
WHY_PARAM_MAX = 4_000
LEFT_OUT_REASON = "Left out of this plan by its author."
# Region statuses a planner can choose: the ordered ones (a plan never says "named, status unclear" or
# "not addressed" about a region it sets).
NOT_CHOSEN_STATUSES = ("unspecified", "not_addressed")


@dataclass(frozen=True)
class Plan:
    """What a student chose. Absent keys are left out of the plan."""

    values: Mapping[str, str] = field(default_factory=dict)      # area key -> scale step key
    troop_cap: int | str | None = None                           # an int, NO_CAP, or None (left out)
    dmz_km: int | None = None                                    # width of a demilitarised zone (km); None or 0 = none
    regions: Mapping[str, str] = field(default_factory=dict)     # region key -> region status key
    notes: Mapping[str, str] = field(default_factory=dict)       # area key -> one-line justification

    def is_empty(self) -> bool:
        return not (self.values or self.troop_cap is not None or self.dmz_km or self.regions or self.notes)


# ------------------------------------------------------------------ choices the taxonomy allows

def region_choices(taxonomy: Taxonomy) -> list[str]:
    """Region statuses a plan may set, in the taxonomy's order (Ukraine's end first)."""
    return [t.key for t in taxonomy.region_statuses if t.key not in NOT_CHOSEN_STATUSES and not t.needs_note]


def _cap_steps(area: Area) -> list[int]:
    return [i for i, s in enumerate(area.scale) if s.has_cap_range]


def military_stance(plan: Plan, taxonomy: Taxonomy) -> str | None:
    """The military-limits step the plan stands on, reconciled with its army cap so the file validates:
    a number picks the cap step that covers it (unless the plan chose a step beyond every cap step, i.e.
    deeper cuts); "no cap" keeps a chosen step before the first cap step, else the first step."""
    if "military_limits" not in taxonomy.area_keys:
        return plan.values.get("military_limits")
    area = taxonomy.area("military_limits")
    chosen = plan.values.get("military_limits")
    keys = area.scale_keys()
    caps = _cap_steps(area)
    i = keys.index(chosen) if chosen in keys else None
    if isinstance(plan.troop_cap, int) and caps:
        if i is not None and i > caps[-1]:
            return chosen
        step = next((area.scale[k] for k in caps if area.scale[k].covers(plan.troop_cap)), None)
        return step.key if step else chosen
    if plan.troop_cap == NO_CAP and caps:
        return chosen if i is not None and i < caps[0] else keys[0]
    return chosen


def military_note(plan: Plan, taxonomy: Taxonomy) -> str | None:
    """Why the military step differs from the one chosen (shown next to the choice), or None."""
    chosen, used = plan.values.get("military_limits"), military_stance(plan, taxonomy)
    if used == chosen or used is None:
        return None
    label = taxonomy.label("military_limits", "stance", used)
    cap = f"a cap of {plan.troop_cap:,}" if isinstance(plan.troop_cap, int) else "no cap"
    return f"With {cap}, the plan stands on the step '{label}'."


# ------------------------------------------------------------------ URL encoding

_KEY = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")


def encode(plan: Plan) -> tuple[str, str]:
    """(`plan`, `why`) query values. `plan` holds `key-value` pairs joined by '.': area keys with their scale
    step, `cap-800000` or `cap-none`, `dmz-20` and region keys with their status, e.g.
    `territory-freeze_at_contact_line.cap-800000.donetsk-frozen_at_contact_line`. `why` holds the
    justifications as `area~text` joined by '|' (those two characters are replaced inside a text)."""
    parts = [f"{k}-{v}" for k, v in plan.values.items()]
    if plan.troop_cap is not None:
        parts.append(f"cap-{'none' if plan.troop_cap == NO_CAP else int(plan.troop_cap)}")
    if plan.dmz_km:
        parts.append(f"dmz-{int(plan.dmz_km)}")
    parts += [f"{k}-{v}" for k, v in plan.regions.items()]
    why = "|".join(f"{k}~{_clean(t).replace('|', '/').replace('~', '-')}" for k, t in plan.notes.items() if _clean(t))
    return ".".join(parts), why


def _clean(text: str) -> str:
    """One line of printable text, at most NOTE_MAX characters."""
    text = "".join(ch if ch.isprintable() else " " for ch in str(text))
    return " ".join(text.split())[:NOTE_MAX]


def decode(plan_text: str | None, why_text: str | None, taxonomy: Taxonomy) -> tuple[Plan, list[str]]:
    """The plan in a link, and the parts that were ignored (unknown keys or values, numbers out of range)."""
    values: dict[str, str] = {}
    regions: dict[str, str] = {}
    notes: dict[str, str] = {}
    cap: int | str | None = None
    dmz: int | None = None
    ignored: list[str] = []
    statuses = region_choices(taxonomy)
    for item in (plan_text or "")[:PLAN_PARAM_MAX].split("."):
        if not item:
            continue
        key, _, value = item.partition("-")
        if key == "cap":
            if value == "none":
                cap = NO_CAP
            elif value.isdigit() and 1 <= int(value) <= CAP_MAX:
                cap = int(value)
            else:
                ignored.append(item)
        elif key == "dmz":
            if value.isdigit() and 0 <= int(value) <= DMZ_MAX_KM:
                dmz = int(value) or None
            else:
                ignored.append(item)
        elif key in taxonomy.area_keys and value in taxonomy.area(key).scale_keys():
            values[key] = value
        elif key in taxonomy.regions and value in statuses:
            regions[key] = value
        else:
            ignored.append(item[:40])
    for item in (why_text or "")[:WHY_PARAM_MAX].split("|"):
        if not item:
            continue
        key, _, text = item.partition("~")
        if key in taxonomy.area_keys and _clean(text):
            notes[key] = _clean(text)
        else:
            ignored.append(f"why: {item[:40]}")
    return Plan(values, cap, dmz, regions, notes), ignored


# ------------------------------------------------------------------ the plan as a proposal file

def slug(text: str) -> str:
    """Lowercase words joined by hyphens (a valid proposal id part)."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words)[:30].strip("-") or "student"


def plan_id(author: str) -> str:
    return f"plan-{slug(author)}"


def addressed_areas(plan: Plan, taxonomy: Taxonomy) -> list[str]:
    """Areas the plan says something on: a scale step, a number, a region or a justification."""
    result = []
    for area in taxonomy.areas:
        k = area.key
        if (k in plan.values or k in plan.notes or (k == "military_limits" and plan.troop_cap is not None)
                or (k == "ceasefire_and_monitoring" and plan.dmz_km) or (k == "territory" and plan.regions)):
            result.append(k)
    return result


def _auto_summary(area: Area, plan: Plan, taxonomy: Taxonomy) -> str:
    bits = []
    step = military_stance(plan, taxonomy) if area.key == "military_limits" else plan.values.get(area.key)
    if step:
        bits.append(f"'{taxonomy.label(area.key, area.scale_field or 'stance', step)}'")
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


# ------------------------------------------------------------------ red lines

def _values_of(condition: RedLineCondition, proposal: Proposal) -> list:
    position = proposal.positions.get(red_line_area(condition) or "")
    if position is None or position.not_addressed:
        return []
    base, _, region = condition.field.partition(".")
    if base == "regions":
        values = [position.regions.get(region)] if region else list(position.regions.values())
    elif base == "troop_cap" and position.troop_cap == "bracketed":
        values = [v.value for v in position.troop_cap_variants]
    else:
        values = [getattr(position, base, None)]
    return [v.value if hasattr(v, "qualifier") else v for v in values if v is not None]


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def matching_value(condition: RedLineCondition, proposal: Proposal) -> object | None:
    """The value of `proposal` that meets the condition (the first one), or None when it does not."""
    for value in _values_of(condition, proposal):
        n = _number(value)
        if condition.equals is not None and value == condition.equals:
            return value
        if condition.one_of is not None and value in condition.one_of:
            return value
        if condition.below is not None and n is not None and n < condition.below:
            return value
        if condition.at_least is not None and n is not None and n >= condition.at_least:
            return value
    return None


def crossed_red_lines(plan_or_proposal: "Plan | Proposal", red_lines: Sequence[RedLine],
                      taxonomy: Taxonomy | None = None) -> list[RedLine]:
    """The red lines (in their order) whose condition the plan or proposal meets. A `Plan` needs `taxonomy`."""
    proposal = plan_or_proposal if isinstance(plan_or_proposal, Proposal) else as_proposal(plan_or_proposal, taxonomy)
    return [line for line in red_lines if matching_value(line.condition, proposal) is not None]


def why_crossed(line: RedLine, proposal: Proposal, taxonomy: Taxonomy) -> str:
    """'Donetsk: Russian de jure' — the plan's value that crosses the line, in words."""
    value = matching_value(line.condition, proposal)
    if value is None:
        return ""
    base, _, region = line.condition.field.partition(".")
    area = red_line_area(line.condition) or ""
    if base == "regions":
        names = [taxonomy.regions[r].name for r, s in proposal.positions[area].regions.items()
                 if (not region or r == region) and matching_value(
                     line.condition.model_copy(update={"field": f"regions.{r}"}), proposal) is not None]
        return f"{', '.join(names)}: {taxonomy.status_label(str(value))}"
    if _number(value) is not None:
        return f"{taxonomy.field_label(base)}: {value:,.0f}"
    if base == "stance":
        return f"{taxonomy.area(area).title}: {taxonomy.label(area, 'stance', str(value))}"
    return f"{taxonomy.field_label(base)}: {taxonomy.label(area, base, str(value))}"


# ------------------------------------------------------------------ placements (the matrix's computation)

def placements(plan: Plan, taxonomy: Taxonomy, refs: References) -> dict[str, Placement]:
    """Each area's placement of the plan, by `model.analysis.compare.place`, with the reference snapshots' steps as markers."""
    proposal = as_proposal(plan, taxonomy)
    result = {}
    for area in taxonomy.areas:
        first = refs.first.positions.get(area.key) if refs.first else None
        last = refs.last.positions.get(area.key) if refs.last else None
        result[area.key] = place(area, proposal.positions.get(area.key), first, last)
    return result


def relation(p: Placement) -> str:
    """Where a placed choice sits relative to the two reference positions, in words."""
    if p.kind != "placed" or p.step is None:
        return ""
    u, r, s = p.first_step, p.last_step, p.step
    if u is None and r is None:
        return "Neither party's position is coded on this scale"
    if u is not None and s == u and (r is None or s != r):
        return "At Ukraine's stated position"
    if r is not None and s == r and (u is None or s != u):
        return "At Russia's stated position"
    if u is not None and r is not None and s == u == r:
        return "Where both parties' stated positions sit"
    if u is None:
        return f"{abs(s - r)} step{'s' if abs(s - r) != 1 else ''} from Russia's position (Ukraine's not coded)"
    if r is None:
        return f"{abs(s - u)} step{'s' if abs(s - u) != 1 else ''} from Ukraine's position (Russia's not coded)"
    lo, hi = min(u, r), max(u, r)
    if s < lo or s > hi:
        nearer = "Ukraine's" if abs(s - u) < abs(s - r) else "Russia's"
        return f"Beyond {nearer} position, away from the other"
    du, dr = abs(s - u), abs(s - r)
    if du == dr:
        return "Midway between the two positions"
    return "Closer to Ukraine's position" if du < dr else "Closer to Russia's position"


@dataclass(frozen=True)
class Summary:
    placed: int
    mean_fraction: float | None
    closer_ukraine: int
    closer_russia: int
    between: int
    text: str


def summary(places: Mapping[str, Placement]) -> Summary:
    """The overall picture: how many areas are coded, the mean position along the scales, and a count by side."""
    placed = [p for p in places.values() if p.kind == "placed"]
    if not placed:
        return Summary(0, None, 0, 0, 0, "No area of the plan is on a scale yet: choose a position for at least one area.")
    cu = cr = mid = 0
    for p in placed:
        u, r = p.first_step, p.last_step
        if u is None or r is None:
            continue
        du, dr = abs(p.step - u), abs(p.step - r)
        cu, cr, mid = cu + (du < dr), cr + (dr < du), mid + (du == dr)
    mean = sum(p.fraction for p in placed) / len(placed)
    text = (f"{len(placed)} area{'s' if len(placed) != 1 else ''} on a scale. On average the plan sits "
            f"{round(mean * 100)}% of the way from the outcome Ukraine has sought (0%) to the outcome Russia has sought "
            f"(100%). Closer to Ukraine's stated position on {cu}, to Russia's on {cr}, midway on {mid}.")
    return Summary(len(placed), mean, cu, cr, mid, text)


# ------------------------------------------------------------------ distance and nearest proposals

REGION_FIELD = "regions"
CAP_FIELD = "troop_cap"


def _region_order(taxonomy: Taxonomy) -> list[str]:
    return region_choices(taxonomy)


def field_distances(a: Proposal, b: Proposal, taxonomy: Taxonomy) -> dict[str, float]:
    """Per coded field both proposals share, a distance from 0 (same) to 1 (opposite ends):

    - each area with a scale: |step_a - step_b| / (steps - 1);
    - `troop_cap`, when both give a number: |log10(cap_a) - log10(cap_b)|, at most 1 (a factor of 10 or more = 1);
    - `regions`: the mean, over the regions both give an ordered status, of |rank_a - rank_b| / (statuses - 1)
      (statuses in the taxonomy's order, Ukrainian first; 'named, status unclear' and 'not addressed' left out)."""
    parts: dict[str, float] = {}
    for area in taxonomy.areas:
        if not area.scale:
            continue
        keys = area.scale_keys()
        va, vb = scale_value(area, a.positions.get(area.key)), scale_value(area, b.positions.get(area.key))
        if va in keys and vb in keys and len(keys) > 1:
            parts[area.key] = abs(keys.index(va) - keys.index(vb)) / (len(keys) - 1)
    ca, cb = (_cap(p) for p in (a, b))
    if ca and cb:
        parts[CAP_FIELD] = min(1.0, abs(math.log10(ca) - math.log10(cb)))
    order = _region_order(taxonomy)
    ra, rb = (_regions(p) for p in (a, b))
    shared = [r for r in ra if r in rb and ra[r] in order and rb[r] in order]
    if shared and len(order) > 1:
        parts[REGION_FIELD] = sum(abs(order.index(ra[r]) - order.index(rb[r])) for r in shared) / (len(shared) * (len(order) - 1))
    return parts


def _cap(p: Proposal) -> int | None:
    position = p.positions.get("military_limits")
    cap = position.troop_cap if position is not None and not position.not_addressed else None
    return cap if isinstance(cap, int) and cap > 0 else None


def _regions(p: Proposal) -> dict[str, str]:
    position = p.positions.get("territory")
    return dict(position.regions) if position is not None and not position.not_addressed else {}


@dataclass(frozen=True)
class Distance:
    proposal: Proposal
    value: float | None      # mean of the per-field distances (0 = same on every shared field, 1 = opposite ends)
    fields: int              # how many fields both code
    parts: Mapping[str, float]


def distance(plan: "Plan | Proposal", proposal: Proposal, taxonomy: Taxonomy) -> Distance:
    """The mean of `field_distances` over the fields both code (None when they share none)."""
    own = plan if isinstance(plan, Proposal) else as_proposal(plan, taxonomy)
    parts = field_distances(own, proposal, taxonomy)
    value = sum(parts.values()) / len(parts) if parts else None
    return Distance(proposal, value, len(parts), parts)


MIN_SHARED_FIELDS = 3


def nearest(plan: "Plan | Proposal", proposals: Sequence[Proposal], taxonomy: Taxonomy, k: int = 3) -> list[Distance]:
    """The k proposals closest to the plan. Only proposals sharing at least min(3, the plan's own coded fields)
    fields are ranked, so one matching field never makes a proposal 'nearest'. Ties: more shared fields first,
    then the newer proposal."""
    own = plan if isinstance(plan, Proposal) else as_proposal(plan, taxonomy)
    coded = len(field_distances(own, own, taxonomy))
    if coded == 0:
        return []
    need = min(MIN_SHARED_FIELDS, coded)
    ranked = [d for d in (distance(own, p, taxonomy) for p in proposals if p.id != own.id) if d.fields >= need]
    ranked.sort(key=lambda d: (round(d.value, 9), -d.fields, _neg_date(d.proposal.date)))
    return ranked[:k]


def _neg_date(date: str) -> str:
    return "".join(chr(0x7f - ord(c)) for c in date)
