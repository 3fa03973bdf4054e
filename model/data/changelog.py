"""The data changelog (`proposals/CHANGELOG.md`) and the rule that ties it to the data version.

Each version has one section, newest first, headed `## <version> (released YYYY-MM-DD)` and saying in plain
words what changed. `check_release` is the validator's rule: the `data_version` in `_coverage.yaml` must start
with the data-as-of date (`2026-03-05` → `2026.03.05-N`) and have a section with some text in the changelog
beside it; otherwise a located problem (`path:line: data_version: message`)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from model.data.coverage import COVERAGE_NAME, load_coverage
from model.data.yaml_source import Problem, YamlError, read_yaml

CHANGELOG_NAME = "CHANGELOG.md"
HEADING = re.compile(r"^##\s+(\S+)(.*)$")
RELEASED = re.compile(r"released (\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True)
class Entry:
    """One version's section of the changelog."""

    version: str
    released: str | None
    line: int
    text: str


def read_changelog(text: str) -> list[Entry]:
    """The sections of a changelog, in file order (newest first by convention)."""
    entries: list[Entry] = []
    heading: tuple[str, str | None, int] | None = None
    body: list[str] = []

    def close() -> None:
        if heading:
            entries.append(Entry(heading[0], heading[1], heading[2], "\n".join(body).strip()))

    for number, line in enumerate(text.splitlines(), start=1):
        match = HEADING.match(line)
        if match:
            close()
            released = RELEASED.search(match.group(2))
            heading, body = (match.group(1), released.group(1) if released else None, number), []
        elif heading:
            body.append(line)
    close()
    return entries


def entry_for(folder: Path, version: str | None) -> Entry | None:
    """The changelog section of `version` in `folder`'s CHANGELOG.md, or None."""
    path = folder / CHANGELOG_NAME
    if not version or not path.is_file():
        return None
    return next((e for e in read_changelog(path.read_text(encoding="utf-8")) if e.version == version), None)


def check_release(folder: Path, shown: Callable[[Path], str] = str) -> list[Problem]:
    """The coverage file's own problems, then the data version against the data-as-of date and the changelog.
    A folder without `_coverage.yaml`, or a coverage file without `data_version`, has nothing to check here."""
    path = folder / COVERAGE_NAME
    if not path.is_file():
        return []
    coverage, problems = load_coverage(folder, [], shown)
    if problems or not coverage.data_version:
        return problems
    try:
        line = read_yaml(path, shown(path)).line_of(("data_version",))
    except YamlError:  # already reported by load_coverage
        return []
    where, version = shown(path), coverage.data_version

    def problem(message: str) -> Problem:
        return Problem(where, line, "data_version", message)

    expected = coverage.data_as_of.replace("-", ".")
    if version.rsplit("-", 1)[0] != expected:
        problems.append(problem(f"{version} does not start with the data-as-of date {coverage.data_as_of}; "
                                f"a version is that date and a release number, e.g. {expected}-1"))
    changelog = folder / CHANGELOG_NAME
    if not changelog.is_file():
        problems.append(problem(f"no {CHANGELOG_NAME} beside {COVERAGE_NAME}: add one with a section "
                                f"'## {version} (released YYYY-MM-DD)' saying what changed"))
        return problems
    entries = read_changelog(changelog.read_text(encoding="utf-8"))
    found = [e for e in entries if e.version == version]
    if not found:
        problems.append(problem(f"{version} has no entry in {shown(changelog)}: add a section "
                                f"'## {version} (released YYYY-MM-DD)' saying what changed, before releasing it"))
    elif not found[0].text:
        problems.append(Problem(shown(changelog), found[0].line, version,
                                "this version's section is empty: say in plain words what changed"))
    seen: dict[str, int] = {}
    for entry in entries:
        if entry.version in seen:
            problems.append(Problem(shown(changelog), entry.line, entry.version,
                                    f"a second section for this version (the first is at line {seen[entry.version]})"))
        seen.setdefault(entry.version, entry.line)
    return problems
