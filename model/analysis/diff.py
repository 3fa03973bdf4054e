"""Version diff between two proposals: area by area and field by field (what
stayed, changed, was added or dropped), and point by point through lineage."""
from __future__ import annotations

import pandas as pd

from model.data.schema import NOT_ADDRESSED, Position, Proposal
from model.data.taxonomy import Taxonomy
from model.analysis.tidy import position_fields

SKIP = {"summary", "reason", "not_addressed", "troop_cap_status", "dmz_width_km_qualifier", "monitors_qualifier"}
DIFF_COLUMNS = ["area", "area_title", "field", "field_label", "before", "after", "change"]


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


def diff_positions(a: Proposal, b: Proposal, taxonomy: Taxonomy) -> pd.DataFrame:
    rows = []
    for area in taxonomy.areas:
        pa, pb = a.positions.get(area.key), b.positions.get(area.key)
        silent_a = pa is None or pa.not_addressed
        silent_b = pb is None or pb.not_addressed
        base = {"area": area.key, "area_title": area.title}
        said_a = pa.silence() if pa else NOT_ADDRESSED
        said_b = pb.silence() if pb else NOT_ADDRESSED
        if silent_a and silent_b:
            same = said_a == said_b == NOT_ADDRESSED
            rows.append({**base, "field": "", "field_label": "(whole area)", "before": said_a, "after": said_b,
                         "change": "same" if same else "text"})
            continue
        va, vb = readable_values(area.key, pa, taxonomy), readable_values(area.key, pb, taxonomy)
        if silent_a != silent_b:
            rows.append({**base, "field": "", "field_label": "(whole area)",
                         "before": said_a if silent_a else "Addressed", "after": said_b if silent_b else "Addressed",
                         "change": "added" if silent_a else "dropped"})
        for field in dict.fromkeys([*va, *vb]):
            before, after = va.get(field), vb.get(field)
            change = "same" if before == after else "added" if before is None else "dropped" if after is None else "changed"
            rows.append({**base, "field": field, "field_label": taxonomy.field_label(field),
                         "before": before or "—", "after": after or "—", "change": change})
        if not va and not vb and not silent_a and not silent_b:
            rows.append({**base, "field": "", "field_label": "(text only)", "before": "See summary", "after": "See summary", "change": "text"})
    return pd.DataFrame(rows, columns=DIFF_COLUMNS)


def area_changes(diff: pd.DataFrame) -> pd.DataFrame:
    """One row per area: stayed / changed (with counts of changed, added, dropped fields)."""
    def verdict(group: pd.DataFrame) -> str:
        kinds = set(group["change"])
        if kinds <= {"same"}:
            return "stayed"
        if kinds <= {"text"}:
            return "compare texts"
        return "changed"

    summary = diff.groupby(["area", "area_title"], sort=False).apply(
        lambda g: pd.Series({"result": verdict(g), "changed": int((g["change"] == "changed").sum()),
                             "added": int((g["change"] == "added").sum()), "dropped": int((g["change"] == "dropped").sum())}),
        include_groups=False,
    )
    return summary.reset_index()


def diff_points(a: Proposal, b: Proposal) -> pd.DataFrame:
    """Points of `b` against points of `a`, through `b`'s lineage. Only meaningful when b revises a."""
    earlier = {p.number: p for p in a.points}
    traced: set[int] = set()
    rows = []
    for point in b.points:
        lineage = point.lineage
        if lineage is None:
            rows.append({"earlier_point": None, "earlier_text": "", "later_point": point.number, "later_text": point.text,
                         "change": "not stated", "note": ""})
            continue
        old = earlier.get(lineage.of_point) if lineage.of_point else None
        if lineage.of_point:
            traced.add(lineage.of_point)
        rows.append({"earlier_point": lineage.of_point, "earlier_text": old.text if old else "",
                     "later_point": None if lineage.change == "deleted" else point.number,
                     "later_text": "" if lineage.change == "deleted" else point.text,
                     "change": lineage.change, "note": lineage.note or ""})
    for number, point in earlier.items():
        if number not in traced:
            rows.append({"earlier_point": number, "earlier_text": point.text, "later_point": None, "later_text": "",
                         "change": "not traced", "note": "The later text's fate for this point is not stated in the sources."})
    frame = pd.DataFrame(rows, columns=["earlier_point", "earlier_text", "later_point", "later_text", "change", "note"])
    frame["earlier_point"] = frame["earlier_point"].astype("Int64")
    frame["later_point"] = frame["later_point"].astype("Int64")
    return frame.sort_values(["earlier_point", "later_point"], na_position="last").reset_index(drop=True)
