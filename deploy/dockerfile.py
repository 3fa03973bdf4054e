"""The project's Dockerfile and .dockerignore read as data: its instructions, the command
it runs, its HEALTHCHECK command, its user and environment, and the files a `docker build`
would copy. Used by the tests that run the image's own command outside a container
(tests/test_deploy_files.py, tests/browser/test_container_entrypoint.py), since these
machines have no container engine."""
from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"


@dataclass(frozen=True)
class Instruction:
    keyword: str  # upper case, e.g. "RUN"
    arguments: str
    line: int  # where it starts in the Dockerfile (1-based)


def instructions(text: str) -> list[Instruction]:
    """The Dockerfile's instructions, with backslash continuations joined and comments dropped."""
    found: list[Instruction] = []
    parts: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not parts and (not line or line.startswith("#")):
            continue
        if parts and line.startswith("#"):
            continue  # a comment inside a continued instruction
        if not parts:
            start = number
        continued = line.endswith("\\")
        parts.append(line[:-1].strip() if continued else line)
        if not continued:
            keyword, _, arguments = " ".join(p for p in parts if p).partition(" ")
            found.append(Instruction(keyword.upper(), arguments.strip(), start))
            parts = []
    return found


@dataclass(frozen=True)
class Image:
    """What the Dockerfile says about the image it builds."""

    base: str
    user: str
    env: dict[str, str]
    command: list[str]
    healthcheck: list[str]
    exposed: list[str]
    runs: list[str]

    @property
    def uid(self) -> int:
        return int(self.user.split(":")[0])


def _exec_form(arguments: str, what: str) -> list[str]:
    value = json.loads(arguments)
    if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        raise ValueError(f"{what} is not in exec form (a JSON list of strings): {arguments}")
    return value


def read(path: Path = DOCKERFILE) -> Image:
    steps = instructions(path.read_text(encoding="utf-8"))

    def last(keyword: str) -> Instruction:
        matching = [s for s in steps if s.keyword == keyword]
        if not matching:
            raise ValueError(f"{path.name} has no {keyword} instruction")
        return matching[-1]

    env: dict[str, str] = {}
    for step in steps:
        if step.keyword == "ENV":
            env.update(item.split("=", 1) for item in shlex.split(step.arguments))
    health = last("HEALTHCHECK").arguments
    options, _, command = health.partition("CMD ")
    return Image(
        base=last("FROM").arguments.split()[0],
        user=last("USER").arguments,
        env=env,
        command=_exec_form(last("CMD").arguments, "CMD"),
        healthcheck=_exec_form(command.strip(), "HEALTHCHECK CMD"),
        exposed=[s.arguments for s in steps if s.keyword == "EXPOSE"],
        runs=[s.arguments for s in steps if s.keyword == "RUN"],
    )


def _pattern(pattern: str) -> re.Pattern[str]:
    """A .dockerignore pattern (Go's filepath.Match plus `**`) as a regular expression on a relative path."""
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out)


def ignore_patterns(path: Path = DOCKERIGNORE) -> list[re.Pattern[str]]:
    patterns = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("!"):
            raise ValueError(f"{path.name}: exceptions ('{line}') are not supported by this reader; list what to leave out instead")
        patterns.append(_pattern(line.strip("/")))
    return patterns


def build_context(root: Path = ROOT) -> list[str]:
    """The files `COPY . .` puts into the image (paths relative to `root`), after .dockerignore."""
    patterns = ignore_patterns(root / ".dockerignore")

    def ignored(relative: str) -> bool:
        return any(p.fullmatch(relative) for p in patterns)

    kept: list[str] = []

    def walk(folder: Path) -> None:
        for entry in sorted(folder.iterdir()):
            relative = entry.relative_to(root).as_posix()
            if ignored(relative):
                continue
            if entry.is_dir() and not entry.is_symlink():
                walk(entry)
            else:
                kept.append(relative)

    walk(root)
    return kept
