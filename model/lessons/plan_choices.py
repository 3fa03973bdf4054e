"""A student's plan and the choices it may hold: the `Plan` itself, the region statuses, army cap and coded
fields the taxonomy allows (`region_choices`, `military_stance`, `military_note`, `field_choices`), and the plan
as two short query-string values (`encode` / `decode`: `plan=`, `why=` on /build), validated on the way in.
Pure Python (no Streamlit)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping

from model.data.red_line_checks import RED_LINE_FIELD_AREAS
from model.data.taxonomy import Area, Taxonomy

NO_CAP = "no_cap"
CAP_MAX = 5_000_000
DMZ_MAX_KM = 500
NOTE_MAX = 200
PLAN_PARAM_MAX = 2_000
WHY_PARAM_MAX = 4_000
LEFT_OUT_REASON = "Left out of this plan by its author."
# Region statuses a planner can choose: the ordered ones (a plan never says "named, status unclear" or
# "not addressed" about a region it sets).
NOT_CHOSEN_STATUSES = ("unspecified", "not_addressed")
# Coded fields a plan may set besides each area's scale step, because a party's stated red line names them (Russia's
# "Foreign troops in Ukraine"; Ukraine's "Limits on friendly foreign troops"). Each takes the values of its vocabulary
# in the taxonomy (`fields:` in _taxonomy.yaml, in that order) and is written into the position of the area that
# carries it (`RED_LINE_FIELD_AREAS`). Extend only: the key is also the URL key (`foreign_troops-banned`).
FIELD_CHOICES = ("foreign_troops",)


@dataclass(frozen=True)
class Plan:
    """What a student chose. Absent keys are left out of the plan."""

    values: Mapping[str, str] = field(default_factory=dict)      # area key -> scale step key
    troop_cap: int | str | None = None                           # an int, NO_CAP, or None (left out)
    dmz_km: int | None = None                                    # width of a demilitarised zone (km); None or 0 = none
    regions: Mapping[str, str] = field(default_factory=dict)     # region key -> region status key
    notes: Mapping[str, str] = field(default_factory=dict)       # area key -> one-line justification
    fields: Mapping[str, str] = field(default_factory=dict)      # FIELD_CHOICES key -> vocabulary value key

    def is_empty(self) -> bool:
        return not (self.values or self.troop_cap is not None or self.dmz_km or self.regions or self.notes
                    or self.fields)


# ------------------------------------------------------------------ choices the taxonomy allows

def region_choices(taxonomy: Taxonomy) -> list[str]:
    """Region statuses a plan may set, in the taxonomy's order (Ukraine's end first)."""
    return [t.key for t in taxonomy.region_statuses if t.key not in NOT_CHOSEN_STATUSES and not t.needs_note]


def field_choices(taxonomy: Taxonomy) -> dict[str, list[str]]:
    """Per coded field the builder offers (`FIELD_CHOICES`, those the taxonomy gives a vocabulary and an area), its
    value keys in the taxonomy's order."""
    result = {}
    for name in FIELD_CHOICES:
        spec = taxonomy.fields.get(name)
        if spec and spec.values and RED_LINE_FIELD_AREAS.get(name) in taxonomy.area_keys:
            result[name] = [t.key for t in spec.values]
    return result


def field_area(name: str) -> str:
    """The area whose position carries a coded field (e.g. foreign_troops -> alliances)."""
    return RED_LINE_FIELD_AREAS[name]


def _cap_steps(area: Area) -> list[int]:
    return [i for i, s in enumerate(area.scale) if s.has_cap_range]


def military_stance(plan: Plan, taxonomy: Taxonomy) -> str | None:
    """The military-limits step the plan stands on, reconciled with its army cap so the file validates:
    a number picks the cap step that covers it (unless the plan chose a step beyond every cap step, i.e.
    deeper cuts); "no cap" keeps a chosen step before the first cap step, else the first step."""
    if "military_limits" not in taxonomy.area_keys:
        return plan.values.get("military_limits")
    area = taxonomy.area("military_limits")
    chosen = plan.values.get("military_limits")
    keys = area.scale_keys()
    caps = _cap_steps(area)
    i = keys.index(chosen) if chosen in keys else None
    if isinstance(plan.troop_cap, int) and caps:
        if i is not None and i > caps[-1]:
            return chosen
        step = next((area.scale[k] for k in caps if area.scale[k].covers(plan.troop_cap)), None)
        return step.key if step else chosen
    if plan.troop_cap == NO_CAP and caps:
        return chosen if i is not None and i < caps[0] else keys[0]
    return chosen


def military_note(plan: Plan, taxonomy: Taxonomy) -> str | None:
    """Why the military step differs from the one chosen (shown next to the choice), or None."""
    chosen, used = plan.values.get("military_limits"), military_stance(plan, taxonomy)
    if used == chosen or used is None:
        return None
    label = taxonomy.label("military_limits", "stance", used)
    cap = f"a cap of {plan.troop_cap:,}" if isinstance(plan.troop_cap, int) else "no cap"
    return f"With {cap}, the plan stands on the step '{label}'."


# ------------------------------------------------------------------ URL encoding

_KEY = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")


def encode(plan: Plan) -> tuple[str, str]:
    """(`plan`, `why`) query values. `plan` holds `key-value` pairs joined by '.': area keys with their scale
    step, coded fields with their value (`foreign_troops-banned`, see FIELD_CHOICES), `cap-800000` or `cap-none`,
    `dmz-20` and region keys with their status, e.g.
    `territory-freeze_at_contact_line.cap-800000.donetsk-frozen_at_contact_line`. `why` holds the
    justifications as `area~text` joined by '|' (those two characters are replaced inside a text)."""
    parts = [f"{k}-{v}" for k, v in plan.values.items()]
    parts += [f"{k}-{v}" for k, v in plan.fields.items()]
    if plan.troop_cap is not None:
        parts.append(f"cap-{'none' if plan.troop_cap == NO_CAP else int(plan.troop_cap)}")
    if plan.dmz_km:
        parts.append(f"dmz-{int(plan.dmz_km)}")
    parts += [f"{k}-{v}" for k, v in plan.regions.items()]
    why = "|".join(f"{k}~{_clean(t).replace('|', '/').replace('~', '-')}" for k, t in plan.notes.items() if _clean(t))
    return ".".join(parts), why


def decode(plan_text: str | None, why_text: str | None, taxonomy: Taxonomy) -> tuple[Plan, list[str]]:
    """The plan in a link, and the parts that were ignored (unknown keys or values, numbers out of range)."""
    values: dict[str, str] = {}
    regions: dict[str, str] = {}
    notes: dict[str, str] = {}
    fields: dict[str, str] = {}
    cap: int | str | None = None
    dmz: int | None = None
    ignored: list[str] = []
    statuses = region_choices(taxonomy)
    vocabularies = field_choices(taxonomy)
    for item in (plan_text or "")[:PLAN_PARAM_MAX].split("."):
        if not item:
            continue
        key, _, value = item.partition("-")
        if key == "cap":
            if value == "none":
                cap = NO_CAP
            elif value.isdigit() and 1 <= int(value) <= CAP_MAX:
                cap = int(value)
            else:
                ignored.append(item)
        elif key == "dmz":
            if value.isdigit() and 0 <= int(value) <= DMZ_MAX_KM:
                dmz = int(value) or None
            else:
                ignored.append(item)
        elif key in taxonomy.area_keys and value in taxonomy.area(key).scale_keys():
            values[key] = value
        elif key in taxonomy.regions and value in statuses:
            regions[key] = value
        elif key in vocabularies and value in vocabularies[key]:
            fields[key] = value
        else:
            ignored.append(item[:40])
    for item in (why_text or "")[:WHY_PARAM_MAX].split("|"):
        if not item:
            continue
        key, _, text = item.partition("~")
        if key in taxonomy.area_keys and _clean(text):
            notes[key] = _clean(text)
        else:
            ignored.append(f"why: {item[:40]}")
    return Plan(values, cap, dmz, regions, notes, fields), ignored


def _clean(text: str) -> str:
    """One line of printable text, at most NOTE_MAX characters."""
    text = "".join(ch if ch.isprintable() else " " for ch in str(text))
    return " ".join(text.split())[:NOTE_MAX]
