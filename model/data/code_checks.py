"""Taxonomy-code checks on one position: coded fields (stance, nato ...) use a
value of their area's scale, regions and region statuses exist (with a note
where the status needs one), and a numeric army cap fits its scale step."""
from __future__ import annotations

from typing import Iterator

from model.data.partial import present_entries, present_items
from model.data.schema import Position
from model.data.taxonomy import Taxonomy

CODED_FIELDS = (
    "stance", "guarantee_type", "nato", "eu", "foreign_troops", "sanctions_relief",
    "frozen_assets", "g8", "amnesty", "non_nuclear_status",
)


def position_codes(area: str, position: Position, taxonomy: Taxonomy) -> Iterator[tuple[tuple, str]]:
    for name in CODED_FIELDS:
        value = getattr(position, name)
        if value is None:
            continue
        allowed = taxonomy.values_for(area, name)
        if allowed is None:
            continue
        keys = [t.key for t in allowed]
        if not keys:
            yield (name,), f"area '{area}' has no scale for '{name}'"
        elif value not in keys:
            yield (name,), f"unknown value '{value}'; expected one of: {', '.join(keys)}"
    statuses = [t.key for t in taxonomy.region_statuses]
    regions = dict(present_entries(position.regions))
    notes = position.region_notes or {}
    for region, status in regions.items():
        if region not in taxonomy.regions:
            yield ("regions", region), f"unknown region '{region}'; known: {', '.join(taxonomy.regions)}"
        elif status not in statuses:
            yield ("regions", region), f"unknown region status '{status}'; expected one of: {', '.join(statuses)}"
    for region in notes:
        if position.regions is not None and region not in regions:
            yield ("region_notes", region), f"note for region '{region}', which has no status"
    needs_note = {t.key for t in taxonomy.region_statuses if t.needs_note}
    for region, status in regions.items():
        if status in needs_note and position.region_notes is not None and region not in notes:
            yield ("regions", region), f"status '{status}' needs a reason under region_notes.{region}"
    yield from _cap_matches_step(area, position, taxonomy)


def _cap_matches_step(area: str, position: Position, taxonomy: Taxonomy) -> Iterator[tuple[tuple, str]]:
    """A numeric army cap must fall inside the range of the scale step it is coded on."""
    step = next((t for t in taxonomy.area(area).scale if t.key == position.stance), None) if area in taxonomy.area_keys else None
    caps = [position.troop_cap] if isinstance(position.troop_cap, int) else [v.value for _, v in present_items(position.troop_cap_variants) if v.value is not None]
    if step is None or not caps:
        return
    if not step.has_cap_range:
        return
    for cap in caps:
        if not step.covers(cap):
            yield ("stance",), f"cap {cap:,} is outside the range of step '{step.key}' ({step.label})"
