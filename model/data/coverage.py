"""How current the data is: `proposals/_coverage.yaml` gives the date of the newest
event the proposal files reflect ("data as of"), the data version a citation names
(`YYYY.MM.DD-N`: the data-as-of date and a release number, each with its entry in
`proposals/CHANGELOG.md`), a note on what it covers, when the
coverage was last checked, and the later events that check found but that change no
proposal file (each with its sources and whether a reliable source confirms it). When
the file is missing or broken, the newest proposal date stands in, and says so."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Sequence

from pydantic import Field, ValidationError

from model.data.schema import SOURCE_ID_PATTERN, Frozen, PartialDate, Proposal, ShortText
from model.data.schema_errors import validation_problems
from model.data.yaml_source import Problem, YamlError, read_yaml

COVERAGE_NAME = "_coverage.yaml"
# A data version: the data-as-of date as YYYY.MM.DD, then the release number for that date (1, 2, ...).
DATA_VERSION_PATTERN = r"^\d{4}\.\d{2}\.\d{2}-[1-9]\d{0,3}$"


class LaterEvent(Frozen):
    """An event after `data_as_of` that the last check found: not coded in any proposal file."""

    date: PartialDate
    what: ShortText
    confirmed: bool = Field(description="True when a source graded high reports it; false when only weaker sources "
                                        "carry it (shown as not confirmed)")
    sources: list[Annotated[str, Field(pattern=SOURCE_ID_PATTERN, max_length=80)]] = Field(min_length=1)


class CoverageFile(Frozen):
    data_as_of: PartialDate
    data_version: Annotated[str, Field(pattern=DATA_VERSION_PATTERN, max_length=20,
                                       description="The version a citation names: the data-as-of date as YYYY.MM.DD "
                                                   "and a release number, e.g. 2026.03.05-2; each version has its "
                                                   "entry in CHANGELOG.md")] | None = None
    note: ShortText
    checked_on: PartialDate | None = None
    later_events: list[LaterEvent] = []


@dataclass(frozen=True)
class Coverage:
    data_as_of: str
    note: str
    checked_on: str | None = None
    later_events: tuple[LaterEvent, ...] = ()
    data_version: str | None = None

    def line(self) -> str:
        """'Data as of 2026-03-05, data version 2026.03.05-2' (the version left out when there is none)."""
        version = f", data version {self.data_version}" if self.data_version else ""
        return f"Data as of {self.data_as_of}{version}"


def load_coverage(folder: Path, proposals: Sequence[Proposal], shown=str) -> tuple[Coverage, list[Problem]]:
    path = folder / COVERAGE_NAME
    newest = max((p.date for p in proposals), default="unknown")
    fallback = Coverage(newest, "No coverage file: the date of the newest proposal is shown instead.")
    if not path.is_file():
        return fallback, []
    try:
        parsed = read_yaml(path, shown(path))
        data = CoverageFile.model_validate(parsed.data)
    except YamlError as exc:
        return fallback, [exc.problem]
    except ValidationError as exc:
        return fallback, validation_problems(exc, parsed, shown(path))
    return Coverage(data.data_as_of, data.note, data.checked_on, tuple(data.later_events), data.data_version), []
