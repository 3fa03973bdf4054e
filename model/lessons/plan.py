"""A student's own plan: choices per area, checked against the data.

Pure Python (no Streamlit), so every number the builder page shows can be tested. This module only gathers
the public names; each job has its own module:

- `plan_choices`: the `Plan` (per area a step of the taxonomy's scale or left out, the army cap, the width of a
  demilitarised zone, a status per region, a one-line justification per area, and the coded fields a party's red
  line names, `FIELD_CHOICES`: foreign troops) and `encode` / `decode`, the plan
  as two short query-string values (`plan=`, `why=`), validated on the way in;
- `plan_file`: `plan_to_proposal` / `to_yaml` / `as_proposal`, the plan as a proposal file that passes
  `python -m model.validate`;
- `plan_red_lines`: `crossed_red_lines` / `why_crossed`, which stated red lines (the `red_lines` of the parties'
  position files) a plan crosses, and `undecided_red_lines` / `red_line_report`, which it leaves undecided
  (`builder_can_set`: a line on a field the builder offers no choice for is reported apart, not counted);
- `plan_compare`: `placements` / `relation` / `summary`, where each choice sits on its scale (the matrix's own
  `model.analysis.compare.place`), and `distance` / `nearest`, how far the plan is from each proposal.
"""
from __future__ import annotations

from model.lessons.plan_choices import (  # noqa: F401 - the public names, importable from here as before
    CAP_MAX, DMZ_MAX_KM, FIELD_CHOICES, LEFT_OUT_REASON, NO_CAP, NOT_CHOSEN_STATUSES, NOTE_MAX, PLAN_PARAM_MAX,
    WHY_PARAM_MAX, Plan, decode, encode, field_area, field_choices, military_note, military_stance, region_choices,
)
from model.lessons.plan_compare import (  # noqa: F401
    CAP_FIELD, MIN_SHARED_FIELDS, REGION_FIELD, Distance, Summary, distance, field_distances, nearest, placements,
    relation, summary,
)
from model.lessons.plan_file import addressed_areas, as_proposal, plan_id, plan_to_proposal, slug, to_yaml  # noqa: F401
from model.lessons.plan_red_lines import (  # noqa: F401
    RedLineReport, builder_can_set, crossed_red_lines, matching_value, red_line_report, undecided_red_lines, why_crossed,
    why_undecided,
)
