"""Version diff between two proposals: area by area and field by field (what
stayed, changed, was added or dropped, or cannot be known because a text was never
published), and point by point through lineage."""
from __future__ import annotations

import pandas as pd

from model.analysis.agreement import CANNOT_TELL, DIFFER, SAME, readable_values, relation
from model.data.schema import NOT_ADDRESSED, NOT_KNOWN, Proposal
from model.data.taxonomy import Taxonomy

DIFF_COLUMNS = ["area", "area_title", "field", "field_label", "before", "after", "change"]


def diff_positions(a: Proposal, b: Proposal, taxonomy: Taxonomy) -> pd.DataFrame:
    """Field by field, area by area. `change` is same / changed / added ("newly specified") / dropped ("no longer
    specified": the later text is public and leaves the term out) / unknown ("wording not known": one of the two
    texts was never made public, so nothing can be said to have been added or dropped) / text (compare the texts)."""
    rows = []
    for area in taxonomy.areas:
        pa, pb = a.positions.get(area.key), b.positions.get(area.key)
        silent_a = pa is None or pa.not_addressed
        silent_b = pb is None or pb.not_addressed
        hidden_a = pa is not None and pa.silence() == NOT_KNOWN
        hidden_b = pb is not None and pb.silence() == NOT_KNOWN
        base = {"area": area.key, "area_title": area.title}
        said_a = pa.silence() if pa else NOT_ADDRESSED
        said_b = pb.silence() if pb else NOT_ADDRESSED
        if silent_a and silent_b:
            change = "unknown" if hidden_a or hidden_b else "same"
            rows.append({**base, "field": "", "field_label": "(whole area)", "before": said_a, "after": said_b, "change": change})
            continue
        va, vb = readable_values(area.key, pa, taxonomy), readable_values(area.key, pb, taxonomy)
        if silent_a != silent_b:
            change = "unknown" if hidden_a or hidden_b else "added" if silent_a else "dropped"
            rows.append({**base, "field": "", "field_label": "(whole area)",
                         "before": said_a if silent_a else "Addressed", "after": said_b if silent_b else "Addressed",
                         "change": change})
        for field in dict.fromkeys([*va, *vb]):
            before, after = va.get(field), vb.get(field)
            if before == after:
                change = "same"
            elif before is None:
                change = "unknown" if hidden_a else "added"
            elif after is None:
                change = "unknown" if hidden_b else "dropped"
            else:
                change = "changed"
            rows.append({**base, "field": field, "field_label": taxonomy.field_label(field),
                         "before": before or "—", "after": after or "—", "change": change})
        if not va and not vb and not silent_a and not silent_b:
            rows.append({**base, "field": "", "field_label": "(text only)", "before": "See summary", "after": "See summary", "change": "text"})
    return pd.DataFrame(rows, columns=DIFF_COLUMNS)


AREA_RESULTS = {SAME: "stayed", DIFFER: "changed", CANNOT_TELL: "cannot tell"}


def area_changes(a: Proposal, b: Proposal, taxonomy: Taxonomy, areas: list[str] | None = None) -> pd.DataFrame:
    """One row per area: `result` stayed / changed / cannot tell, by `model.analysis.agreement.relation` (the
    meaning of "differ" Compare uses too), with the counts of changed, added and dropped fields."""
    diff = diff_positions(a, b, taxonomy)
    rows = []
    for area in taxonomy.areas:
        if areas is not None and area.key not in areas:
            continue
        fields = diff[diff["area"] == area.key]["change"]
        rows.append({"area": area.key, "area_title": area.title,
                     "result": AREA_RESULTS[relation(area.key, [a.positions.get(area.key), b.positions.get(area.key)], taxonomy)],
                     "changed": int((fields == "changed").sum()), "added": int((fields == "added").sum()),
                     "dropped": int((fields == "dropped").sum())})
    return pd.DataFrame(rows, columns=["area", "area_title", "result", "changed", "added", "dropped"])


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
