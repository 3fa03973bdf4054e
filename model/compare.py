"""Comparison logic: where each coded position sits on its area's scale between
the two anchor files (Ukraine's and Russia's stated positions), the matrix of
areas × proposals, and which areas the chosen proposals agree on.

Every placement carries a plain-language explanation of how it was computed;
the app shows it next to the colour, never a verdict."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import pandas as pd

from model.schema import NOT_KNOWN, Position, Proposal
from model.taxonomy import Area, Taxonomy

# Placement classes, in legend order. Keys are used in exports and tests.
PLACEMENTS: dict[str, str] = {
    "matches_first": "Same as Ukraine's stated position",
    "closer_first": "Closer to Ukraine's stated position",
    "midway": "Midway between the two",
    "closer_last": "Closer to Russia's stated position",
    "matches_last": "Same as Russia's stated position",
    "outside": "Beyond either stated position",
    "matches_both": "Both stated positions coincide here",
    "no_anchor": "No colour: a stated position is not coded on this scale",
    "not_placed": "Position not coded on the scale",
    "no_scale": "No scale for this area (read the text)",
    "not_addressed": "Not addressed",
    "unknown": "Not known: this part was never made public",
}


@dataclass(frozen=True)
class Placement:
    """Where one position sits on its area's scale, and how that was worked out."""

    kind: str
    value: str | None
    value_label: str | None
    fraction: float | None
    explanation: str


def _index(area: Area, value: str | None) -> int | None:
    keys = area.scale_keys()
    return keys.index(value) if value in keys else None


def scale_value(area: Area, position: Position | None) -> str | None:
    if position is None or position.not_addressed or not area.scale_field:
        return None
    return getattr(position, area.scale_field)


def place(area: Area, position: Position | None, first: Position | None, last: Position | None) -> Placement:
    """Place `position` on `area`'s scale relative to the two anchor positions."""
    if position is not None and position.silence() == NOT_KNOWN:
        return Placement("unknown", None, None, None, "This part of the text was never made public, so its position is not known.")
    if position is None or position.not_addressed:
        return Placement("not_addressed", None, None, None, "The proposal does not address this area.")
    if not area.scale:
        return Placement("no_scale", None, None, None, f"'{area.title}' has no ordered scale in the taxonomy; compare the texts.")
    value = scale_value(area, position)
    i = _index(area, value)
    label = next((t.label for t in area.scale if t.key == value), None)
    if i is None:
        return Placement("not_placed", None, None, None, "This position was not coded on the scale (see its coding note).")
    u, r = _index(area, scale_value(area, first)), _index(area, scale_value(area, last))
    steps = len(area.scale) - 1
    where = f"'{label}' is step {i + 1} of {steps + 1} on the '{area.title}' scale"
    if u is None or r is None:
        missing = "Ukraine's" if u is None else "Russia's"
        return Placement("no_anchor", value, label, None, f"{where}; {missing} stated position is not coded on this scale, so no colour is computed.")
    anchors = f"Ukraine's stated position is step {u + 1}, Russia's is step {r + 1}"
    if u == r:
        kind = "matches_both" if i == u else "outside"
        return Placement(kind, value, label, None, f"{where}. {anchors}: they coincide, so there is no range.")
    fraction = (i - u) / (r - u)
    if fraction < 0 or fraction > 1:
        kind = "outside"
    elif fraction == 0:
        kind = "matches_first"
    elif fraction == 1:
        kind = "matches_last"
    elif fraction == 0.5:
        kind = "midway"
    else:
        kind = "closer_first" if fraction < 0.5 else "closer_last"
    share = f"{round(fraction * 100)}% of the way from Ukraine's to Russia's" if 0 <= fraction <= 1 else "outside that range"
    return Placement(kind, value, label, fraction, f"{where}. {anchors}; this position is {share}.")


def anchors(proposals: Sequence[Proposal], taxonomy: Taxonomy) -> tuple[Proposal | None, Proposal | None]:
    by_id = {p.id: p for p in proposals}
    return by_id.get(taxonomy.scale_anchors.first), by_id.get(taxonomy.scale_anchors.last)


def placements(proposals: Sequence[Proposal], all_proposals: Sequence[Proposal], taxonomy: Taxonomy) -> dict[tuple[str, str], Placement]:
    """Placement for every (area, proposal id) among `proposals`; anchors come from `all_proposals`."""
    first, last = anchors(all_proposals, taxonomy)
    result: dict[tuple[str, str], Placement] = {}
    for area in taxonomy.areas:
        a = first.positions.get(area.key) if first else None
        b = last.positions.get(area.key) if last else None
        for proposal in proposals:
            result[(area.key, proposal.id)] = place(area, proposal.positions.get(area.key), a, b)
    return result


def matrix_frame(proposals: Sequence[Proposal], all_proposals: Sequence[Proposal], taxonomy: Taxonomy, areas: Sequence[str]) -> pd.DataFrame:
    """Long table of the matrix: one row per area and proposal."""
    placed = placements(proposals, all_proposals, taxonomy)
    rows = []
    for key in areas:
        area = taxonomy.area(key)
        for proposal in proposals:
            position = proposal.positions.get(key)
            p = placed[(key, proposal.id)]
            rows.append({
                "area": key, "area_title": area.title, "proposal": proposal.id,
                "proposal_name": proposal.short_name,
                "text": position.text() if position else "",
                "scale_value": p.value_label or "", "placement": p.kind,
                "placement_label": PLACEMENTS[p.kind], "fraction": p.fraction,
                "evidence": position.evidence if position else "",
                "contested": bool(position and position.contested),
                "how_computed": p.explanation,
            })
    return pd.DataFrame(rows)


def agreement_key(area: Area, position: Position | None) -> tuple:
    """What two positions must share to count as agreeing on an area."""
    if position is not None and position.silence() == NOT_KNOWN:
        return ("unknown", id(position))  # cannot tell, so never counted as agreeing
    if position is None or position.not_addressed:
        return ("not_addressed",)
    if area.scale:
        return ("scale", scale_value(area, position))
    return ("text", position.summary)


def differing_areas(proposals: Sequence[Proposal], taxonomy: Taxonomy, areas: Sequence[str]) -> list[str]:
    """Areas where the chosen proposals do not all agree (same scale value, or all silent).

    An area where a position is not coded on its scale counts as differing: we cannot tell, so we show it."""
    if len(proposals) < 2:
        return []
    result = []
    for key in areas:
        area = taxonomy.area(key)
        keys = {agreement_key(area, p.positions.get(key)) for p in proposals}
        if len(keys) > 1 or any(k[0] == "scale" and k[1] is None for k in keys):
            result.append(key)
    return result
