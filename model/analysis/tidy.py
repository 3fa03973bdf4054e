"""The tidy table: one row per proposal, area and field, with the sources,
evidence level and a contested flag. It feeds the export CLI, the app's
download and every chart's data table.

Columns are a contract (`proposal,area,field,value,sources` first; later
columns only ever added at the end)."""
from __future__ import annotations

from typing import Iterable, Iterator

import pandas as pd

from model.data.schema import Citation, Position, Proposal
from model.data.taxonomy import Taxonomy

COLUMNS = ["proposal", "area", "field", "value", "sources", "evidence", "contested"]
CODED = ("stance", "guarantee_type", "nato", "eu", "foreign_troops", "sanctions_relief",
         "frozen_assets", "g8", "amnesty", "non_nuclear_status")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def source_ids(citations: Iterable[Citation]) -> str:
    """The cited source ids, in order, without repeats, joined for one table cell."""
    return "; ".join(dict.fromkeys(c.source for c in citations))


def position_fields(position: Position) -> Iterator[tuple[str, str]]:
    """(field, value) pairs of one position, in a stable order."""
    if position.not_addressed:
        yield "not_addressed", "true"
        yield "reason", position.reason or ""
        return
    yield "summary", position.summary or ""
    for name in CODED:
        value = getattr(position, name)
        if value is not None:
            yield name, value
    cap = position.troop_cap
    if cap is not None:
        yield "troop_cap", str(cap) if isinstance(cap, int) else ""
        yield "troop_cap_status", "cap" if isinstance(cap, int) else cap
    for variant in position.troop_cap_variants:
        yield "troop_cap_variant", f"{variant.value} ({variant.proposed_by})"
    for name in ("dmz_width_km", "monitors"):
        quantity = getattr(position, name)
        if quantity is not None:
            yield name, _number(quantity.value)
            yield f"{name}_qualifier", quantity.qualifier
    for region, status in position.regions.items():
        yield region, status


def proposal_rows(proposal: Proposal, taxonomy: Taxonomy) -> Iterator[dict[str, str]]:
    for area in taxonomy.area_keys:
        position = proposal.positions.get(area)
        if position is None:
            continue
        base = {
            "proposal": proposal.id, "area": area, "sources": source_ids(position.citations),
            "evidence": position.evidence, "contested": "yes" if position.contested else "",
        }
        for field, value in position_fields(position):
            yield {**base, "field": field, "value": value}
    for point in proposal.points:
        yield {
            "proposal": proposal.id, "area": point.area, "field": f"point_{point.number}",
            "value": point.text, "sources": source_ids(point.citations),
            "evidence": point.evidence, "contested": "yes" if point.contested else "",
        }


def tidy_frame(proposals: Iterable[Proposal], taxonomy: Taxonomy) -> pd.DataFrame:
    rows = [row for p in proposals for row in proposal_rows(p, taxonomy)]
    return pd.DataFrame(rows, columns=COLUMNS).astype(str)
