"""The one meaning of "differ", used by Compare ("only differences"), Versions, the slides and the quiz.

Two or more positions on one area are compared on their coded values: the scale step and every coded field
(caps, regions, membership and other stances, buffer widths), written as the readable values a student sees.
- **same**: every position has the same coded values, or every one is "not addressed";
- **differ**: at least two positions known well enough to compare have different coded values (a position that
  addresses the area and one that does not also differ);
- **cannot tell**: no two comparable positions differ, but one was never made public (its wording is not known)
  or addresses the area only in words, with nothing coded, so no code can say whether it agrees.
Summaries are in our own words and never compared."""
from __future__ import annotations

from typing import Sequence

from model.data.schema import NOT_KNOWN, Position
from model.data.taxonomy import Taxonomy
from model.analysis.tidy import position_fields

SAME, DIFFER, CANNOT_TELL = "same", "differ", "cannot_tell"
RELATION_WORDS = {
    SAME: "the same coded position (or all silent)",
    DIFFER: "different coded positions",
    CANNOT_TELL: "cannot tell from the codes: a text was never made public or is not coded (read the texts)",
}
SKIP = {"summary", "reason", "not_addressed", "troop_cap_status", "dmz_width_km_qualifier", "monitors_qualifier"}


def readable_values(area: str, position: Position | None, taxonomy: Taxonomy) -> dict[str, str]:
    """Field → human-readable value, for the comparable (coded or numeric) fields of a position."""
    if position is None or position.not_addressed:
        return {}
    values: dict[str, str] = {}
    for field, raw in position_fields(position):
        if field in SKIP:
            continue
        if field in taxonomy.regions:
            values[field] = taxonomy.status_label(raw)
        elif field == "troop_cap":
            values[field] = f"{int(raw):,}" if raw else str(position.troop_cap).replace("_", " ")
        elif field in ("dmz_width_km", "monitors", "troop_cap_variant"):
            values[field] = values.get(field, "") + ("; " if field in values else "") + raw
        else:
            values[field] = taxonomy.label(area, field, raw)
    return values


def signature(area: str, position: Position | None, taxonomy: Taxonomy) -> tuple | None:
    """What two positions must share to be the same; None when it cannot be known (unpublished, or words only)."""
    if position is not None and position.silence() == NOT_KNOWN:
        return None
    if position is None or position.not_addressed:
        return ("silent",)
    values = readable_values(area, position, taxonomy)
    return ("coded", tuple(sorted(values.items()))) if values else None


def relation(area: str, positions: Sequence[Position | None], taxonomy: Taxonomy) -> str:
    """SAME, DIFFER or CANNOT_TELL for these positions on `area` (see the module docstring)."""
    if positions and all(p == positions[0] for p in positions) and not (positions[0] and positions[0].silence() == NOT_KNOWN):
        return SAME  # one text shown twice (the same wording, coded or not)
    signatures = [signature(area, p, taxonomy) for p in positions]
    known = set(s for s in signatures if s is not None)
    if len(known) > 1:
        return DIFFER
    return CANNOT_TELL if None in signatures else SAME
