"""How current the data is: `proposals/_coverage.yaml` gives the date of the newest
event the proposal files reflect ("data as of") and a note on what it covers. When
the file is missing or broken, the newest proposal date stands in, and says so."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from pydantic import ValidationError

from model.data.schema import Frozen, PartialDate, Proposal, ShortText
from model.data.schema_errors import validation_problems
from model.data.yaml_source import Problem, YamlError, read_yaml

COVERAGE_NAME = "_coverage.yaml"


class CoverageFile(Frozen):
    data_as_of: PartialDate
    note: ShortText


@dataclass(frozen=True)
class Coverage:
    data_as_of: str
    note: str

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
    return Coverage(data.data_as_of, data.note), []
