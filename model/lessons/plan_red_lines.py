"""The parties' stated red lines against a plan or a proposal: which lines it crosses (`crossed_red_lines`,
`matching_value`) and, in words, the value that crosses one (`why_crossed`). A red line is a condition on one
coded field (see `model.data.schema.RedLineCondition`). A line the plan does not cross only because it leaves
open what the line names (a region not set, an area left out) is undecided (`undecided_red_lines`,
`why_undecided`): such a plan is incomplete, never "crosses none" (`red_line_report`). A line on a field the plan
builder offers no choice for (`builder_can_set`) is reported apart for a plan, as one the builder cannot set,
and not counted against its completeness. Pure Python (no Streamlit)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from model.data.checks import red_line_area
from model.data.schema import Proposal, RedLine, RedLineCondition
from model.data.taxonomy import Taxonomy
from model.lessons.plan_choices import FIELD_CHOICES, Plan
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


# ------------------------------------------------------------------ lines a plan leaves undecided

UNDECIDED_STATUSES = ("unspecified", "not_addressed")  # a region named with one of these is not decided
UNDECIDED_CAPS = ("not_addressed", "cap_unspecified")
PLAN_FIELDS = ("troop_cap", "dmz_width_km", "regions", *FIELD_CHOICES)  # set in the builder besides each scale step


def builder_can_set(condition: RedLineCondition, taxonomy: Taxonomy) -> bool:
    """Whether the plan builder offers a choice for what the condition reads: an area's scale step, the army cap,
    the demilitarised zone, a region's status, or one of the coded fields in `FIELD_CHOICES`."""
    base = condition.field.partition(".")[0]
    if base in PLAN_FIELDS:
        return True
    area_key = red_line_area(condition)
    if area_key not in taxonomy.area_keys:
        return False
    area = taxonomy.area(area_key)
    return bool(area.scale) and base == area.scale_field


def _unset(condition: RedLineCondition, proposal: Proposal) -> bool:
    """Whether the proposal leaves open what the condition reads: its area left out, the named region not set
    (or set to 'status unclear'), no region set at all for a line on any region, or the field not given."""
    position = proposal.positions.get(red_line_area(condition) or "")
    if position is None or position.not_addressed:
        return True
    base, _, region = condition.field.partition(".")
    if base == "regions":
        if region:
            return position.regions.get(region) in (None, *UNDECIDED_STATUSES)
        return all(status in UNDECIDED_STATUSES for status in position.regions.values())
    value = getattr(position, base, None)
    if base == "troop_cap":
        return value is None or value in UNDECIDED_CAPS
    return value is None


def undecided_red_lines(plan_or_proposal: "Plan | Proposal", red_lines: Sequence[RedLine],
                        taxonomy: Taxonomy | None = None) -> list[RedLine]:
    """The red lines (in their order) the plan or proposal does not cross only because it leaves open what they
    name: a loophole, not an answer. Leaving Donetsk unset does not keep a plan clear of a line on Donetsk."""
    proposal = plan_or_proposal if isinstance(plan_or_proposal, Proposal) else as_proposal(plan_or_proposal, taxonomy)
    return [line for line in red_lines
            if matching_value(line.condition, proposal) is None and _unset(line.condition, proposal)]


def why_undecided(line: RedLine, proposal: Proposal, taxonomy: Taxonomy) -> str:
    """'Donetsk: not set (undecided)' — what the plan leaves open about the line, in plain words. A line on a field
    the builder has no choice for says so: the student cannot decide it there."""
    condition = line.condition
    area_key = red_line_area(condition) or ""
    area_title = taxonomy.area(area_key).title if area_key in taxonomy.area_keys else area_key
    position = proposal.positions.get(area_key)
    base, _, region = condition.field.partition(".")
    if not builder_can_set(condition, taxonomy):
        return (f"{taxonomy.field_label(base) if base != 'stance' else area_title}: the plan builder has no choice "
                "for this, so it is not counted against your plan")
    if base in FIELD_CHOICES:
        return f"{taxonomy.field_label(base)}: not set (undecided)"
    if base == "regions" and region:
        name = taxonomy.regions[region].name if region in taxonomy.regions else region
        return f"{name}: not set (undecided)"
    if position is None or position.not_addressed:
        return f"{area_title}: left out of the plan (undecided)"
    if base == "regions":
        return "No region's status is set (undecided)"
    if base == "stance":
        return f"{area_title}: no position chosen (undecided)"
    return f"{taxonomy.field_label(base)}: not said (undecided)"


@dataclass(frozen=True)
class RedLineReport:
    """One party's red lines against a plan: crossed, left undecided, kept clear of, and (for a plan) left open
    only because the plan builder offers no choice for what they name (`unsettable`, not counted)."""

    crossed: tuple[RedLine, ...]
    undecided: tuple[RedLine, ...]
    clear: tuple[RedLine, ...]
    unsettable: tuple[RedLine, ...] = ()

    @property
    def total(self) -> int:
        return len(self.crossed) + len(self.undecided) + len(self.clear) + len(self.unsettable)

    @property
    def incomplete(self) -> bool:
        """A plan that leaves a red line undecided is incomplete: it never 'crosses none'."""
        return bool(self.undecided)

    def verdict(self) -> str:
        """'crosses 1 of 6 stated red lines and is incomplete: 2 of 6 left undecided', to follow 'your plan'."""
        crossed = f"crosses {len(self.crossed)} of {self.total} stated red lines" if self.crossed else ""
        n = len(self.unsettable)
        aside = (f" ({n} of {self.total} name{'s' if n == 1 else ''} something the plan builder cannot set: not counted)"
                 if n else "")
        if self.undecided:
            if crossed:
                return f"{crossed} and is incomplete: {len(self.undecided)} of {self.total} left undecided{aside}"
            return f"is incomplete: {len(self.undecided)} of {self.total} stated red lines left undecided{aside}"
        if crossed:
            return crossed + aside
        if n:
            return f"crosses none of the {self.total - n} stated red lines it can decide{aside}"
        return f"crosses none of the {self.total} stated red lines"


def red_line_report(plan_or_proposal: "Plan | Proposal", red_lines: Sequence[RedLine],
                    taxonomy: Taxonomy | None = None, builder: bool | None = None) -> RedLineReport:
    """Crossed, undecided and clear red lines, each in the party's order. For a plan from the builder (`builder`,
    by default when given a `Plan`; needs `taxonomy`), an undecided line on a field the builder offers no choice
    for goes to `unsettable` instead: the report says so and does not count it against completeness."""
    builder = not isinstance(plan_or_proposal, Proposal) if builder is None else builder
    proposal = plan_or_proposal if isinstance(plan_or_proposal, Proposal) else as_proposal(plan_or_proposal, taxonomy)
    crossed = crossed_red_lines(proposal, red_lines)
    undecided = undecided_red_lines(proposal, red_lines)
    if builder and taxonomy is None:
        raise ValueError("a builder report needs the taxonomy")
    unsettable = [line for line in undecided if builder and not builder_can_set(line.condition, taxonomy)]
    return RedLineReport(tuple(crossed), tuple(line for line in undecided if line not in unsettable),
                         tuple(line for line in red_lines if line not in crossed and line not in undecided),
                         tuple(unsettable))
