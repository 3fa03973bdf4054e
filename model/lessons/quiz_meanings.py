"""Which coded values can be true of the same text at once, read from the meanings of the taxonomy's labels
(proposals/_taxonomy.yaml) and the publication labels (`model.data.schema.PUBLICATION_LABELS`).

A quiz question must have exactly one defensible answer, so a value that `overlaps` the right one is never
offered as a wrong option: e.g. a text coded "NATO membership neither barred nor offered" also leaves
membership open, so "NATO door left open" is not a wrong answer about it. Each group below lists codes of one
field whose meanings do not exclude one another; codes in no common group exclude one another.
"""
from __future__ import annotations

from typing import Iterable

# (field key) -> groups of codes that can hold together. Field keys: "<area>.stance" for the areas' stance
# scales, the field's own name otherwise, "regions" for region statuses, "publication" for how a text is known.
OVERLAPS: dict[str, tuple[frozenset[str], ...]] = {k: tuple(frozenset(g) for g in groups) for k, groups in {
    "territory.stance": (
        {"left_to_negotiation", "freeze_at_contact_line"},        # a freeze that leaves the final status to talks
        {"de_facto_recognition", "de_jure_recognition"},          # legal recognition also recognises control
    ),
    "ceasefire_and_monitoring.stance": (
        {"ceasefire_with_settlement", "ceasefire_after_ukrainian_withdrawal"},  # a withdrawal can be in the settlement
    ),
    "military_limits.stance": (
        {"cap_prewar_or_below", "deep_cuts"},                     # "demilitarisation" can come as a small cap
    ),
    "guarantee_type": (
        {"article5_like", "unspecified_guarantee", "guarantee_with_russia_as_guarantor"},  # terms unclear: may be either
        {"assurances_only", "no_external_guarantee"},             # assurances are not a guarantee
    ),
    "nato": (
        {"membership_sought", "door_open", "not_mentioned"},      # seeking it, or not barring it, keeps the door open
        {"renounced", "neutrality_no_foreign_forces"},            # permanent neutrality renounces NATO
    ),
    "sanctions_relief": (
        {"maintained", "phased_conditional"},                     # both tie relief to compliance
        {"phased_conditional", "staged_with_reintegration"},      # phased and staged lifting
        {"staged_with_reintegration", "lifted_in_full"},          # staged lifting ends with all lifted
    ),
    "accountability.stance": (
        {"not_pursued", "amnesty_or_mutual_waiver"},              # an amnesty leaves trials aside
    ),
    "political.stance": (
        {"minority_and_tolerance_rules", "russian_language_church_denazification"},
    ),
    "eu": (
        {"membership_with_date", "membership_sought", "eligible", "allowed"},
        {"deferred", "eligible", "allowed"},
    ),
    "foreign_troops": (
        {"allowed", "limited"},                                   # limited is allowed, with limits
    ),
    "frozen_assets": (
        {"frozen_until_compensation", "kept_frozen"},
        {"to_ukraine", "split_investment_funds"},                 # both spend the assets on rebuilding Ukraine
    ),
    "regions": (
        {"to_be_negotiated", "frozen_at_contact_line", "russian_held_unrecognised"},  # held now, status left open
        {"frozen_de_facto_recognition", "russian_de_facto"},
        {"russian_de_facto", "russian_de_jure"},                  # de jure also means de facto
    ),
    "publication": (
        {"leaked", "reported"},                                   # a leaked draft is also described in reports
        {"statements", "reported"},                               # speeches are reported too
        {"official", "published_by_one_side"},
    ),
}.items()}


def field_key(area: str | None, field: str) -> str:
    """The `OVERLAPS` key of a quiz field ("region:donetsk" -> "regions", "stance" -> "territory.stance")."""
    if field.startswith("region:"):
        return "regions"
    if field == "stance":
        return f"{area}.stance"
    return field


def overlaps(area: str | None, field: str, a: object, b: object) -> bool:
    """Whether values `a` and `b` of one field can both be true of the same text (equal values always can)."""
    if a == b:
        return True
    groups = OVERLAPS.get(field_key(area, field), ())
    return any(str(a) in g and str(b) in g for g in groups)


def overlaps_any(area: str | None, field: str, value: object, others: Iterable[object]) -> bool:
    return any(overlaps(area, field, value, other) for other in others)
