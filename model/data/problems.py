"""A located problem with one file (`Problem`, printed as `path:line: field: message`)
and the error raised when a file cannot be read at all (`YamlError`)."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, formatted as `path:line: field: message`."""

    path: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        line = self.line if self.line is not None else 1
        field = re.sub(r"[\s:]", lambda m: f"\\x{ord(m.group()):02x}", self.field) or "(file)"  # a key may hold anything
        return _one_line(f"{self.path}:{line}: {field}: {self.message}")


def _one_line(text: str) -> str:
    """Line breaks inside a field name or message (YAML keys may hold them) become spaces."""
    return re.sub(r"[\r\n\x0b\x0c\x85\u2028\u2029]+", " ", text)


class YamlError(Exception):
    """A file that could not be read as a YAML mapping; `problems` has at least one entry."""

    def __init__(self, problem: Problem, *more: Problem):
        super().__init__(str(problem))
        self.problem = problem
        self.problems = (problem, *more)

