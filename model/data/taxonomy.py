"""The taxonomy: issue areas with their ordered scales, regions with ISO codes,
region statuses, evidence levels and field vocabularies (read from
`proposals/_taxonomy.yaml`)."""
from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from model.data.schema import KEY_PATTERN

Key = Annotated[str, Field(pattern=KEY_PATTERN, max_length=60)]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Term(_Frozen):
    key: Key
    label: str


class ScaleStep(Term):
    """A step of an ordered scale; army-size steps say which caps they cover."""

    cap_at_least: Annotated[int, Field(ge=0)] | None = None
    cap_below: Annotated[int, Field(ge=0)] | None = None
    short: Annotated[str, Field(min_length=1, max_length=40)] | None = None  # a few words for the glance matrix

    def covers(self, cap: int) -> bool:
        return (self.cap_at_least is None or cap >= self.cap_at_least) and (self.cap_below is None or cap < self.cap_below)

    @property
    def has_cap_range(self) -> bool:
        return self.cap_at_least is not None or self.cap_below is not None


class RegionStatus(Term):
    """A region's status; `split` ones are drawn hatched (divided at the line of contact)."""

    split: bool = False
    needs_note: bool = False


class Area(_Frozen):
    key: Key
    title: str
    description: str
    scale_field: Key | None = None
    scale: list[ScaleStep] = []

    @model_validator(mode="after")
    def _scale_complete(self) -> "Area":
        if bool(self.scale_field) != bool(self.scale):
            raise ValueError("scale_field and scale go together")
        return self

    def scale_keys(self) -> list[str]:
        return [t.key for t in self.scale]


class FieldSpec(_Frozen):
    label: str
    values: list[Term] = []


class Region(_Frozen):
    iso: Annotated[str, Field(pattern=r"^UA-\d{2}$")]
    name: str


class Anchors(_Frozen):
    first: str
    last: str


class Taxonomy(_Frozen):
    scale_anchors: Anchors
    evidence_levels: list[Term]
    areas: list[Area]
    fields: dict[Key, FieldSpec]
    region_statuses: list[RegionStatus]
    regions: dict[Key, Region]

    @property
    def area_keys(self) -> list[str]:
        return [a.key for a in self.areas]

    def area(self, key: str) -> Area:
        return next(a for a in self.areas if a.key == key)

    def _scale_owner(self, field: str) -> Area | None:
        return next((a for a in self.areas if a.scale_field == field and field != "stance"), None)

    def values_for(self, area_key: str, field: str) -> list[Term] | None:
        """Terms allowed for `field` in area `area_key`; None when the field is not coded."""
        area = self.area(area_key)
        if field == "stance":
            return list(area.scale) if area.scale_field == "stance" else []
        owner = self._scale_owner(field)
        if owner is not None:
            return list(owner.scale)
        if field == "regions":
            return list(self.region_statuses)
        spec = self.fields.get(field)
        return list(spec.values) if spec and spec.values else None

    def label(self, area_key: str, field: str, key: str) -> str:
        """Human label of a coded value (scale value, field value or region status)."""
        terms = self.values_for(area_key, field) or []
        return next((t.label for t in terms if t.key == key), key.replace("_", " "))

    def field_label(self, field: str) -> str:
        spec = self.fields.get(field)
        if spec:
            return spec.label
        if field in self.regions:
            return self.regions[field].name
        return field.replace("_", " ").capitalize()

    def status_label(self, key: str) -> str:
        return next((t.label for t in self.region_statuses if t.key == key), key)

    def evidence_label(self, key: str) -> str:
        return next((t.label for t in self.evidence_levels if t.key == key), key)
