"""Red-line checks: each stated red line's condition names a real field, area,
region and codes from the taxonomy, and numbers in a sane range; and
`red_line_area`, the area whose position a condition reads."""
from __future__ import annotations

from typing import Iterator

from model.data.partial import present_items
from model.data.schema import Proposal
from model.data.taxonomy import Taxonomy

# Red-line conditions: which area's position carries each field (`stance` needs an explicit area).
RED_LINE_FIELD_AREAS = {
    "troop_cap": "military_limits", "dmz_width_km": "ceasefire_and_monitoring", "monitors": "ceasefire_and_monitoring",
    "regions": "territory", "guarantee_type": "security_guarantees", "nato": "alliances", "eu": "alliances",
    "foreign_troops": "alliances", "sanctions_relief": "sanctions_and_economy", "frozen_assets": "sanctions_and_economy",
    "g8": "sanctions_and_economy", "amnesty": "accountability", "non_nuclear_status": "nuclear",
}
# Numeric fields and the range a red-line number on them may take.
RED_LINE_NUMBERS = {"troop_cap": (1, 5_000_000), "dmz_width_km": (0, 2_000), "monitors": (0, 1_000_000)}
TROOP_CAP_WORDS = ("no_cap", "not_addressed", "bracketed", "cap_unspecified")


def red_line_area(condition) -> str | None:
    """The area whose position a red-line condition reads: its own `area`, else the area carrying its field."""
    return condition.area or RED_LINE_FIELD_AREAS.get((condition.field or "").split(".")[0])


def _red_line_codes(condition, taxonomy: Taxonomy) -> Iterator[tuple[tuple, str]]:
    """Problems with one red-line condition: unknown field, area, region or code; numbers out of range."""
    base, _, region = (condition.field or "").partition(".")
    if base != "stance" and base not in RED_LINE_FIELD_AREAS:
        known = ", ".join(["stance", *RED_LINE_FIELD_AREAS, "regions.<region>"])
        yield ("field",), f"unknown field '{condition.field}'; a red line can test: {known}"
        return
    if region and base != "regions":
        yield ("field",), f"'{condition.field}': only regions take a sub-key (regions.<region>)"
        return
    if region and region not in taxonomy.regions:
        yield ("field",), f"unknown region '{region}'; known: {', '.join(taxonomy.regions)}"
        return
    if condition.area is not None and condition.area not in taxonomy.area_keys:
        yield ("area",), f"unknown area '{condition.area}'; known: {', '.join(taxonomy.area_keys)}"
        return
    area = red_line_area(condition)
    if area is None:
        yield ("area",), "a condition on 'stance' needs the area whose scale it reads"
        return
    codes = [*(condition.one_of or ()), *([condition.equals] if condition.equals else [])]
    if condition.one_of and len(set(condition.one_of)) != len(condition.one_of):
        yield ("one_of",), "a code appears twice"
    numeric = base in RED_LINE_NUMBERS
    which = "one_of" if condition.one_of else "equals"
    if base == "regions":
        allowed = [t.key for t in taxonomy.region_statuses]
    elif base == "troop_cap":
        allowed = list(TROOP_CAP_WORDS)
    elif numeric:
        allowed = []
    else:
        terms = taxonomy.values_for(area, base)
        allowed = [t.key for t in terms or ()]
        if not allowed:
            yield ("field",), f"'{base}' has no coded values in area '{area}'"
            return
    for code in codes:
        if code is not None and code not in allowed:
            expected = ", ".join(allowed) if allowed else "nothing: use below or at_least"
            yield (which,), f"unknown value '{code}' for '{condition.field}'; expected one of: {expected}"
    for kind in ("below", "at_least"):
        number = getattr(condition, kind)
        if number is None:
            continue
        if not numeric:
            yield (kind,), f"'{kind}' needs a numeric field ({', '.join(RED_LINE_NUMBERS)}), not '{condition.field}'"
        else:
            low, high = RED_LINE_NUMBERS[base]
            if not low <= number <= high:
                yield (kind,), f"{number:g} is outside the sane range for {base} ({low:,} to {high:,})"


def check_red_lines(proposal: Proposal, taxonomy: Taxonomy) -> Iterator[tuple[tuple, str]]:
    """Each red line's condition names a real field, area, region and codes, and sane numbers."""
    for k, line in present_items(getattr(proposal, "red_lines", None)):
        if line.condition is None:
            continue
        for sub, message in _red_line_codes(line.condition, taxonomy):
            yield ("red_lines", k, "condition", *sub), message
