"""The registry of sources (`proposals/_sources/*.yaml`): every document defined
once, by id, and cited by that id from any proposal or data file.

A proposal may still define a source inline (a student's uploaded plan does),
but a definition that differs from the registry's, or a second id for a document
the registry already holds, is a located problem; so is a second grade for one
outlet (`model.data.grade_checks`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from pydantic import ValidationError

from model.data.grade_checks import grade_problems
from model.data.schema import Frozen, Source
from model.data.schema_errors import validation_problems
from model.data.yaml_source import Problem, YamlError, read_yaml

if TYPE_CHECKING:
    from model.data.yaml_source import ParsedYaml

REGISTRY_DIR_NAME = "_sources"


class SourceFile(Frozen):
    sources: list[Source]


def location(source: Source) -> str:
    """What makes two definitions the same document: its address (or seed file)."""
    return (source.url or "").rstrip("/") or f"seed:{source.seed}"


@dataclass(frozen=True)
class Registry:
    """Sources by id, with where each was defined (for messages)."""

    sources: dict[str, Source] = field(default_factory=dict)
    defined_in: dict[str, str] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    def get(self, source_id: str) -> Source | None:
        return self.sources.get(source_id)

    def clashes(self, source: Source) -> str | None:
        """Why an inline definition conflicts with the registry, or None when it agrees or is new."""
        known = self.sources.get(source.id)
        if known is not None:
            if known != source:
                fields = [k for k in Source.model_fields if getattr(known, k) != getattr(source, k)]
                return f"source '{source.id}' differs from its definition in {self.defined_in[source.id]} ({', '.join(fields)}); cite it by id and drop this copy"
            return None
        where = location(source)
        other = next((s for s in self.sources.values() if location(s) == where), None)
        if other is not None:
            return f"this document is already defined as '{other.id}' in {self.defined_in[other.id]}; cite that id"
        return None


def load_registry(folder: Path, shown, seeds_dir: Path) -> Registry:
    """Read every `*.yaml` under `folder`; later duplicates are problems, never silently merged."""
    sources: dict[str, Source] = {}
    defined_in: dict[str, str] = {}
    by_location: dict[str, str] = {}
    graded: list[tuple[Source, str, int, str, str]] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return Registry()
    for path in sorted(folder.glob("*.yaml")):
        where = shown(path)
        try:
            parsed = read_yaml(path, where)
            data = SourceFile.model_validate(parsed.data)
        except YamlError as exc:
            problems.append(exc.problem)
            continue
        except ValidationError as exc:
            problems.extend(validation_problems(exc, parsed, where))
            continue
        for k, source in enumerate(data.sources):
            line = parsed.line_of(("sources", k, "id"))
            place = f"{where}:{line}"
            if source.id in sources:
                problems.append(Problem(where, line, f"sources.{k}.id", f"source '{source.id}' is defined twice (also at {defined_in[source.id]})"))
                continue
            loc = location(source)
            if loc in by_location:
                first = by_location[loc]
                problems.append(Problem(where, line, f"sources.{k}.id", f"'{source.id}' is the same document as '{first}' ({defined_in[first]}); define it once"))
                continue
            if source.seed and not (seeds_dir / source.seed).is_file():
                problems.append(Problem(where, parsed.line_of(("sources", k, "seed")), f"sources.{k}.seed", f"seed file '{source.seed}' not found in {seeds_dir.name}/"))
            sources[source.id] = source
            defined_in[source.id] = place
            by_location[loc] = source.id
            graded.append((source, where, parsed.line_of(("sources", k, "reliability")), f"sources.{k}.reliability", place))
    problems.extend(grade_problems(graded))
    return Registry(sources, defined_in, tuple(problems))


def inline_problems(inline: Sequence[Source], registry: Registry, parsed: "ParsedYaml", where: str) -> list[Problem]:
    """Inline definitions that contradict the registry (skipping ones that did not validate: None, or no id)."""
    problems = []
    for k, source in enumerate(inline):
        why = registry.clashes(source) if source is not None and source.id is not None else None
        if why:
            problems.append(Problem(where, parsed.line_of(("sources", k, "id")), f"sources.{k}.id", why))
    return problems


def available(inline: Sequence[Source], registry: Registry) -> list[Source]:
    """The sources a file may cite: its own definitions, then the registry's."""
    own = {s.id for s in inline}
    return [*inline, *(s for sid, s in registry.sources.items() if sid not in own)]


def cited(ids: Iterable[str], pool: Sequence[Source]) -> list[Source]:
    """The sources among `pool` that `ids` cite, in first-cited order."""
    by_id = {s.id: s for s in pool}
    seen: dict[str, Source] = {}
    for sid in ids:
        if sid in by_id and sid not in seen:
            seen[sid] = by_id[sid]
    return list(seen.values())
