"""How current the data is: `proposals/_coverage.yaml` gives the date of the newest
event the proposal files reflect ("data as of"), a note on what it covers, when the
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


class LaterEvent(Frozen):
    """An event after `data_as_of` that the last check found: not coded in any proposal file."""

    date: PartialDate
    what: ShortText
    confirmed: bool = Field(description="True when a source graded high reports it; false when only weaker sources "
                                        "carry it (shown as not confirmed)")
    sources: list[Annotated[str, Field(pattern=SOURCE_ID_PATTERN, max_length=80)]] = Field(min_length=1)


class CoverageFile(Frozen):
    data_as_of: PartialDate
    note: ShortText
    checked_on: PartialDate | None = None
    later_events: list[LaterEvent] = []


@dataclass(frozen=True)
class Coverage:
    data_as_of: str
    note: str
    checked_on: str | None = None
    later_events: tuple[LaterEvent, ...] = ()

    def line(self) -> str:
        return f"Data as of {self.data_as_of}"


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
    return Coverage(data.data_as_of, data.note, data.checked_on, tuple(data.later_events)), []
