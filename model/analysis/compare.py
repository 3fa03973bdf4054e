"""Comparison logic: where each coded position sits on its area's ordered scale,
the parties' dated stated positions used as reference markers on that scale, the
matrix of areas × proposals, and which areas the chosen proposals agree on.

A cell's colour is its own step on the scale (never its distance to one party).
Every placement carries a plain-language explanation of how it was computed;
the app shows it next to the colour, never a verdict."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import pandas as pd

from model.analysis.agreement import SAME, relation
from model.analysis.source_rank import rests_on_weak_sources
from model.data.schema import NOT_KNOWN, Position, Proposal
from model.data.taxonomy import Area, Taxonomy

# Placement classes, in legend order. Keys are used in tests and the tidy matrix frame.
PLACEMENTS: dict[str, str] = {
    "placed": "Coded on the area's scale: the colour is its step",
    "not_placed": "Addressed, but not coded on the scale (read the text)",
    "no_scale": "Addressed; this area has no scale (read the text)",
    "not_addressed": "Not addressed by this text",
    "unknown": "Not known: this part was never made public",
}


@dataclass(frozen=True)
class References:
    """The parties' stated positions used as markers: the snapshot in force at `as_of` (None = latest)."""

    first: Proposal | None
    last: Proposal | None
    as_of: str | None = None

    def describe(self) -> str:
        def one(p: Proposal | None, who: str) -> str:
            return f"{p.short_name} ({p.date})" if p else f"{who}: none on record by then"
        when = f"as of {self.as_of}" if self.as_of else "latest"
        return f"Reference positions ({when}): {one(self.first, 'Ukraine')}; {one(self.last, 'Russia')}."


@dataclass(frozen=True)
class Placement:
    """Where one position sits on its area's scale, where the reference positions sit, and how that was worked out."""

    kind: str
    value: str | None
    value_label: str | None
    fraction: float | None
    explanation: str
    step: int | None = None          # 0-based step of this position
    steps: int | None = None         # number of steps on the scale
    first_step: int | None = None    # 0-based step of Ukraine's reference position, if coded
    last_step: int | None = None     # 0-based step of Russia's reference position, if coded


def _index(area: Area, value: str | None) -> int | None:
    keys = area.scale_keys()
    return keys.index(value) if value in keys else None


def scale_value(area: Area, position: Position | None) -> str | None:
    if position is None or position.not_addressed or not area.scale_field:
        return None
    return getattr(position, area.scale_field)


def _reference_text(area: Area, step: int | None, who: str) -> str:
    if step is None:
        return f"{who} reference position is not coded on this scale"
    return f"{who} reference position is at step {step + 1} ('{area.scale[step].label}')"


def place(area: Area, position: Position | None, first: Position | None, last: Position | None) -> Placement:
    """Place `position` on `area`'s scale; `first`/`last` are the reference positions marked beside it."""
    if position is not None and position.silence() == NOT_KNOWN:
        return Placement("unknown", None, None, None, "This part of the text was never made public, so its position is not known.")
    if position is None or position.not_addressed:
        return Placement("not_addressed", None, None, None, "The text does not address this area.")
    if not area.scale:
        return Placement("no_scale", None, None, None, f"'{area.title}' has no ordered scale in the taxonomy; compare the texts.")
    value = scale_value(area, position)
    i = _index(area, value)
    if i is None:
        return Placement("not_placed", None, None, None, "This position was not coded on the scale (see its coding note).")
    label = area.scale[i].label
    steps = len(area.scale)
    fraction = i / (steps - 1) if steps > 1 else 0.0
    u, r = _index(area, scale_value(area, first)), _index(area, scale_value(area, last))
    explanation = (
        f"'{label}' is step {i + 1} of {steps} on the '{area.title}' scale, which runs from "
        f"'{area.scale[0].label}' (step 1, the outcome Ukraine has sought) to '{area.scale[-1].label}' "
        f"(step {steps}, the outcome Russia has sought). Colour = step {i + 1} of {steps} "
        f"({round(fraction * 100)}% along the scale). Markers: {_reference_text(area, u, 'Ukraine’s')}; "
        f"{_reference_text(area, r, 'Russia’s')}."
    )
    return Placement("placed", value, label, fraction, explanation, i, steps, u, r)


def snapshots(proposals: Sequence[Proposal], latest_id: str) -> list[Proposal]:
    """A party's dated stated positions: `latest_id` and every snapshot it revises, oldest first."""
    by_id = {p.id: p for p in proposals}
    chain: list[Proposal] = []
    current = by_id.get(latest_id)
    while current is not None and current not in chain:
        chain.append(current)
        current = by_id.get(current.revises or "")
    return sorted(chain, key=lambda p: p.date)


def snapshot_at(chain: Sequence[Proposal], as_of: str | None) -> Proposal | None:
    """The snapshot in force at `as_of` (YYYY-MM): the newest one dated no later. None = the latest."""
    if not chain:
        return None
    if as_of is None:
        return chain[-1]
    earlier = [p for p in chain if p.date[:7] <= as_of]
    return earlier[-1] if earlier else None


def references(all_proposals: Sequence[Proposal], taxonomy: Taxonomy, as_of: str | None = None) -> References:
    first = snapshot_at(snapshots(all_proposals, taxonomy.scale_anchors.first), as_of)
    last = snapshot_at(snapshots(all_proposals, taxonomy.scale_anchors.last), as_of)
    return References(first, last, as_of)


def snapshot_months(all_proposals: Sequence[Proposal], taxonomy: Taxonomy) -> list[str]:
    """Every month in which a party's stated position changed (choices for `as_of`)."""
    chains = snapshots(all_proposals, taxonomy.scale_anchors.first) + snapshots(all_proposals, taxonomy.scale_anchors.last)
    return sorted({p.date[:7] for p in chains if len(p.date) >= 7})


def placements(proposals: Sequence[Proposal], all_proposals: Sequence[Proposal], taxonomy: Taxonomy,
               as_of: str | None = None) -> dict[tuple[str, str], Placement]:
    """Placement for every (area, proposal id) among `proposals`; reference markers from the snapshots at `as_of`."""
    refs = references(all_proposals, taxonomy, as_of)
    result: dict[tuple[str, str], Placement] = {}
    for area in taxonomy.areas:
        a = refs.first.positions.get(area.key) if refs.first else None
        b = refs.last.positions.get(area.key) if refs.last else None
        for proposal in proposals:
            result[(area.key, proposal.id)] = place(area, proposal.positions.get(area.key), a, b)
    return result


def headline(area: Area, position: Position | None, label: str | None) -> str:
    """The cell's first line: the number where one exists ("Cap 600,000"), else the scale step's label (the
    glance matrix passes the step's short label)."""
    if position is not None and not position.not_addressed:
        cap = position.troop_cap
        if isinstance(cap, int):
            return f"Cap {cap:,}"
        if cap == "bracketed" and position.troop_cap_variants:
            return "Cap " + " or ".join(f"{v.value:,}" for v in position.troop_cap_variants) + " (bracketed)"
        if cap == "no_cap" and area.key == "military_limits":
            return "No cap"
    return label or ""


def matrix_frame(proposals: Sequence[Proposal], all_proposals: Sequence[Proposal], taxonomy: Taxonomy, areas: Sequence[str],
                 as_of: str | None = None, placed: dict[tuple[str, str], Placement] | None = None) -> pd.DataFrame:
    """Long table of the matrix: one row per area and proposal."""
    placed = placed or placements(proposals, all_proposals, taxonomy, as_of)
    rows = []
    for key in areas:
        area = taxonomy.area(key)
        for proposal in proposals:
            position = proposal.positions.get(key)
            p = placed[(key, proposal.id)]
            step = area.scale[p.step] if p.step is not None and area.scale else None
            rows.append({
                "area": key, "area_title": area.title, "proposal": proposal.id,
                "proposal_name": proposal.short_name,
                "text": position.text() if position else "",
                "scale_value": p.value_label or "", "headline": headline(area, position, p.value_label),
                "glance": headline(area, position, (step.short or step.label) if step else p.value_label),
                "placement": p.kind, "step": p.step, "steps": p.steps,
                "first_step": p.first_step, "last_step": p.last_step,
                "placement_label": PLACEMENTS[p.kind], "fraction": p.fraction,
                "evidence": position.evidence if position else "",
                "contested": bool(position and position.contested),
                "weak_sources": bool(position and not position.not_addressed and rests_on_weak_sources(position, proposal.sources)),
                "how_computed": p.explanation,
            })
    return pd.DataFrame(rows)


def differing_areas(proposals: Sequence[Proposal], taxonomy: Taxonomy, areas: Sequence[str]) -> list[str]:
    """Areas where the chosen proposals are not known to be the same (`model.analysis.agreement.relation` is
    "differ" or "cannot tell"): an unpublished or uncoded position never counts as agreeing, so it is shown."""
    if len(proposals) < 2:
        return []
    return [key for key in areas if relation(key, [p.positions.get(key) for p in proposals], taxonomy) != SAME]
