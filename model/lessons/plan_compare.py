"""Where a plan sits and what it resembles: `placements` (each area's step, by the matrix's own
`model.analysis.compare.place`), `relation` and `summary` (the same in words), and `field_distances` /
`distance` / `nearest` (how far the plan is from each proposal over the fields both code). Pure Python."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, Sequence

from model.analysis.compare import Placement, References, place, scale_value
from model.data.schema import Proposal
from model.data.taxonomy import Taxonomy
from model.lessons.plan_choices import Plan, field_area, field_choices, region_choices
from model.lessons.plan_file import as_proposal


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
    - each coded field the builder offers (`FIELD_CHOICES`, e.g. `foreign_troops`: allowed, limited, banned), the
      same on its vocabulary in the taxonomy's order: |rank_a - rank_b| / (values - 1);
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
    for name, keys in field_choices(taxonomy).items():
        va, vb = (_coded(p, name) for p in (a, b))
        if va in keys and vb in keys and len(keys) > 1:
            parts[name] = abs(keys.index(va) - keys.index(vb)) / (len(keys) - 1)
    ca, cb = (_cap(p) for p in (a, b))
    if ca and cb:
        parts[CAP_FIELD] = min(1.0, abs(math.log10(ca) - math.log10(cb)))
    order = _region_order(taxonomy)
    ra, rb = (_regions(p) for p in (a, b))
    shared = [r for r in ra if r in rb and ra[r] in order and rb[r] in order]
    if shared and len(order) > 1:
        parts[REGION_FIELD] = sum(abs(order.index(ra[r]) - order.index(rb[r])) for r in shared) / (len(shared) * (len(order) - 1))
    return parts


def _coded(p: Proposal, name: str) -> str | None:
    position = p.positions.get(field_area(name))
    return getattr(position, name, None) if position is not None and not position.not_addressed else None


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
