"""The shape of a proposal file: frozen pydantic models for proposals, sources,
positions, citations and numbered points.

Vocabulary codes (areas, scales, regions) are plain strings here; they are
checked against `proposals/_taxonomy.yaml` in `model.data.checks`, so that adding a
code to the taxonomy needs no code change.

`python -m model.schema` (`model/schema.py`) writes the JSON Schema editors use for autocompletion.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
KEY_PATTERN = r"^[a-z0-9]+(_[a-z0-9]+)*$"
SOURCE_ID_PATTERN = r"^[a-z0-9]+([-_][a-z0-9]+)*$"

SourceKind = Literal[
    "primary_text", "official", "news", "state_media", "aggregator",
    "think_tank", "academic", "opinion", "student",
]
Reliability = Literal["high", "medium", "low"]
Party = Literal["mediator", "think_tank", "ukraine", "russia", "europe", "historical", "third_country", "multilateral"]
Status = Literal[
    "leaked_draft", "proposed", "stated_position", "superseded", "abandoned", "signed", "expired", "declaration",
]
Publication = Literal["official", "leaked", "reported", "statements", "published_paper", "published_by_one_side"]

PARTY_LABELS: dict[str, str] = {  # whose terms a text holds, in words (legends, cards, tables, the codebook)
    "mediator": "Mediator (US-led)", "europe": "European", "ukraine": "Ukraine",
    "russia": "Russia", "think_tank": "Think tank", "historical": "Historical agreement",
    "third_country": "Other states' initiative", "multilateral": "Multilateral summit or coalition",
}
STATUS_LABELS: dict[str, str] = {
    "leaked_draft": "Leaked draft", "proposed": "Proposed", "stated_position": "Stated position",
    "superseded": "Superseded", "abandoned": "Abandoned (never signed)", "signed": "Signed",
    "expired": "Signed, no longer in force", "declaration": "Joint statement or declaration",
}
# How a whole document came out (the badge in a column header). Distinct words from a cell's evidence level.
PUBLICATION_LABELS: dict[str, str] = {
    "official": "Published by its authors (government text)", "leaked": "Leaked draft",
    "reported": "Described in news reports", "statements": "Set out in speeches and statements",
    "published_paper": "Published paper (non-governmental)", "published_by_one_side": "Published by one side only",
}
Evidence = Literal["text", "reported", "statement", "unknown"]
PointChange = Literal["kept", "amended", "deleted", "new"]
Qualifier = Literal["exact", "about", "at_most", "at_least"]


def _date_to_text(value: object) -> object:
    """YAML reads 2025-11-20 as a date; keep dates as ISO text (partial dates allowed)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


PartialDate = Annotated[
    str,
    BeforeValidator(_date_to_text),
    Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD"),
]
ShortText = Annotated[str, Field(min_length=1, max_length=600)]
LongText = Annotated[str, Field(min_length=1, max_length=4000)]
Code = Annotated[str, Field(pattern=KEY_PATTERN, max_length=60)]


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class Source(Frozen):
    """A document a proposal cites: a web page (url) or a file in seeds/ (seed)."""

    id: Annotated[str, Field(pattern=SOURCE_ID_PATTERN, max_length=80)]
    title: ShortText
    publisher: ShortText
    date: PartialDate | None = None
    date_note: ShortText | None = None
    url: Annotated[str, Field(pattern=r"^https?://\S+$", max_length=1000)] | None = None
    seed: Annotated[str, Field(pattern=r"^[\w.-]+\.txt$", max_length=120)] | None = None
    kind: SourceKind
    reliability: Reliability
    reliability_note: ShortText | None = None

    @model_validator(mode="after")
    def _has_location(self) -> "Source":
        if not self.url and not self.seed:
            raise ValueError("a source needs a url or a seed file")
        return self


class Citation(Frozen):
    """A pointer to a source, with an optional short exact quote and a locator."""

    source: Annotated[str, Field(pattern=SOURCE_ID_PATTERN, max_length=80)]
    quote: Annotated[str, Field(min_length=3, max_length=400)] | None = None
    locator: ShortText | None = None
    looks_back: bool = Field(default=False, description=(
        "True when the source was published after the dated snapshot that cites it but reports what was said "
        "on or before the snapshot's date (a look back); the validator otherwise rejects a snapshot citing a "
        "newer source"))


Citations = Annotated[list[Citation], Field(min_length=1)]


class ContestedNote(Frozen):
    """A claim that a named party or source disputes; shown as contested, never as fact."""

    claim: ShortText
    disputed_by: ShortText
    detail: LongText | None = None
    citations: Citations


class Quantity(Frozen):
    """A number as the source gives it, with how exact it is."""

    value: Annotated[float, Field(ge=0)]
    qualifier: Qualifier = "exact"
    as_given: ShortText | None = None


class TroopCapVariant(Frozen):
    """One of several caps on the table in the same text (e.g. bracketed drafts)."""

    value: Annotated[int, Field(ge=0, le=5_000_000)]
    proposed_by: ShortText
    citations: Citations


TroopCap = Union[Annotated[int, Field(ge=0, le=5_000_000)], Literal["no_cap", "not_addressed", "bracketed", "cap_unspecified"]]


class Position(Frozen):
    """What one proposal says on one issue area, or an explicit statement of silence."""

    not_addressed: bool = False
    reason: ShortText | None = None
    summary: LongText | None = None
    evidence: Evidence
    stance: Code | None = None
    stance_note: ShortText | None = None
    guarantee_type: Code | None = None
    nato: Code | None = None
    eu: Code | None = None
    foreign_troops: Code | None = None
    sanctions_relief: Code | None = None
    frozen_assets: Code | None = None
    g8: Code | None = None
    amnesty: Code | None = None
    non_nuclear_status: Code | None = None
    troop_cap: TroopCap | None = None
    troop_cap_variants: list[TroopCapVariant] = []
    dmz_width_km: Quantity | None = None
    monitors: Quantity | None = None
    regions: dict[Code, Code] = {}
    region_notes: dict[Code, ShortText] = {}
    citations: list[Citation] = []
    contested: list[ContestedNote] = []

    def text(self) -> str:
        """The position's words: its summary, or for a silent position the reason it is silent."""
        return (self.reason if self.not_addressed else self.summary) or ""

    def silence(self) -> str | None:
        """How to name a silent position: never 'not addressed' when the text itself is not public."""
        if not self.not_addressed:
            return None
        return NOT_KNOWN if self.evidence == "unknown" else NOT_ADDRESSED

    @model_validator(mode="after")
    def _silence_or_substance(self) -> "Position":
        if self.not_addressed:
            if not self.reason:
                raise ValueError("a not_addressed position needs a reason")
            filled = [k for k in _VALUE_FIELDS if getattr(self, k) not in (None, [], {})]
            if filled:
                raise ValueError(f"a not_addressed position cannot also set {', '.join(filled)}")
        else:
            if not self.summary:
                raise ValueError("a position needs a summary (or not_addressed: true with a reason)")
            if not self.citations:
                raise ValueError("a position needs at least one citation")
        if self.troop_cap == "bracketed" and not self.troop_cap_variants:
            raise ValueError("troop_cap: bracketed needs troop_cap_variants")
        return self


NOT_ADDRESSED = "Not addressed"
NOT_KNOWN = "Not known (never made public)"

_VALUE_FIELDS = (
    "summary", "stance", "guarantee_type", "nato", "eu", "foreign_troops", "sanctions_relief",
    "frozen_assets", "g8", "amnesty", "non_nuclear_status", "troop_cap", "troop_cap_variants",
    "dmz_width_km", "monitors", "regions", "citations",
)


RED_LINE_KINDS = ("equals", "one_of", "below", "at_least")


class RedLineCondition(Frozen):
    """A machine-checkable condition on one coded field of a position: exactly one of
    `equals` (a code), `one_of` (codes), `below` / `at_least` (a number, for numeric fields).

    `field` is a position field (`troop_cap`, `nato`, `stance` ...), `regions` (any region) or
    `regions.<region>`; `area` names the area whose position is read (needed for `stance`, otherwise
    the area that carries the field). Checked against the taxonomy in `model.data.checks`."""

    field: Annotated[str, Field(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)?$", max_length=80)]
    area: Code | None = None
    equals: Code | None = None
    one_of: Annotated[list[Code], Field(min_length=1, max_length=20)] | None = None
    below: Annotated[float, Field(gt=0)] | None = None
    at_least: Annotated[float, Field(ge=0)] | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> "RedLineCondition":
        kinds = [k for k in RED_LINE_KINDS if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError(f"a condition needs exactly one of {', '.join(RED_LINE_KINDS)} (got {', '.join(kinds) or 'none'})")
        return self


class RedLine(Frozen):
    """A line a party has stated it will not accept, as a condition the app can check on a plan or proposal."""

    label: Annotated[str, Field(min_length=3, max_length=120)]
    condition: RedLineCondition
    note: ShortText | None = None
    citations: Citations
    contested: list[ContestedNote] = []


class PointLineage(Frozen):
    """How a numbered point relates to a point of the text this proposal revises."""

    change: PointChange
    of_point: Annotated[int, Field(ge=1, le=200)] | None = None
    note: ShortText | None = None

    @model_validator(mode="after")
    def _needs_point(self) -> "PointLineage":
        if self.change != "new" and self.of_point is None:
            raise ValueError(f"change: {self.change} needs of_point (the earlier point's number)")
        return self


class Point(Frozen):
    """One numbered point of a numbered plan, paraphrased, with its citation."""

    number: Annotated[int, Field(ge=1, le=200)]
    area: Code
    text: LongText
    evidence: Evidence
    citations: Citations
    lineage: PointLineage | None = None
    contested: list[ContestedNote] = []


class Proposal(Frozen):
    """A peace proposal or stated position, with its sources and positions by area."""

    id: Annotated[str, Field(pattern=ID_PATTERN, max_length=60)]
    title: ShortText
    short_name: Annotated[str, Field(min_length=1, max_length=28)]
    author: ShortText
    party: Party = Field(description="Who proposed the terms (for a mediated text: whose terms they are)")
    co_party: Party | None = Field(default=None, description="A second party that co-wrote the terms (e.g. a joint US–Ukraine text)")
    mediator: ShortText | None = Field(default=None, description="Who mediated or hosted, when that is not who proposed the terms")
    date: PartialDate
    date_note: ShortText | None = None
    status: Status
    publication: Publication
    summary: LongText
    revises: Annotated[str, Field(pattern=ID_PATTERN)] | None = None
    responds_to: list[Annotated[str, Field(pattern=ID_PATTERN)]] = []
    sources: list[Source] = Field(default=[], description="Inline sources; most proposals cite the registry in proposals/_sources/ by id instead")
    positions: dict[Code, Position]
    points: list[Point] = []
    contested: list[ContestedNote] = []
    red_lines: list[RedLine] = Field(default=[], description="Stated red lines (stated-position files): conditions the plan builder checks")

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)


def write_json_schema(path: Path) -> None:
    schema = Proposal.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Peace proposal"
    path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
