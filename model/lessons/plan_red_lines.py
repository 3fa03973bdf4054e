"""The parties' stated red lines against a plan or a proposal: which lines it crosses (`crossed_red_lines`,
`matching_value`) and, in words, the value that crosses one (`why_crossed`). A red line is a condition on one
coded field (see `model.data.schema.RedLineCondition`). Pure Python (no Streamlit)."""
from __future__ import annotations

from typing import Sequence

from model.data.checks import red_line_area
from model.data.schema import Proposal, RedLine, RedLineCondition
from model.data.taxonomy import Taxonomy
from model.lessons.plan_choices import Plan
from model.lessons.plan_file import as_proposal


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
