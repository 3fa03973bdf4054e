"""Where data enters: read the taxonomy and every proposal file, validate each
one on its own, and return the proposals that passed with a list of problems
for the ones that did not. One broken file never stops the others."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from model.checks import check_catalogue, check_proposal, citations_in
from model.schema import Proposal
from model.source_registry import REGISTRY_DIR_NAME, Registry, available, cited, inline_problems, load_registry
from model.taxonomy import Taxonomy
from model.yaml_source import ParsedYaml, Problem, YamlError, read_yaml

ROOT = Path(__file__).resolve().parent.parent
PROPOSALS_DIR = ROOT / "proposals"
SEEDS_DIR = ROOT / "seeds"
TAXONOMY_NAME = "_taxonomy.yaml"


@dataclass(frozen=True)
class Catalogue:
    """Everything loaded: the taxonomy, the valid proposals (sorted by date, then id) and all problems."""

    taxonomy: Taxonomy
    proposals: tuple[Proposal, ...]
    problems: tuple[Problem, ...]
    registry: Registry = Registry()

    def get(self, proposal_id: str) -> Proposal | None:
        return next((p for p in self.proposals if p.id == proposal_id), None)

    @property
    def ids(self) -> list[str]:
        return [p.id for p in self.proposals]


def shown(path: Path) -> str:
    """A path as users should see it: relative to the project when possible."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def proposal_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.glob("*.yaml") if not p.name.startswith("_")))
            files.extend(sorted(p for p in path.glob("*.yml") if not p.name.startswith("_")))
        else:
            files.append(path)
    return files


def find_taxonomy(paths: list[Path]) -> Path:
    for path in paths:
        folder = path if path.is_dir() else path.parent
        if (folder / TAXONOMY_NAME).is_file():
            return folder / TAXONOMY_NAME
    return PROPOSALS_DIR / TAXONOMY_NAME


def error_location(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """The part of a pydantic error loc that names real fields (drops union-branch tags)."""
    kept: list[Any] = []
    current = data
    for part in loc:
        if isinstance(current, dict):
            kept.append(part)
            if part not in current:
                break
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            kept.append(part)
            current = current[part]
        else:
            break
    return tuple(kept)


def _got(error: dict[str, Any]) -> str:
    value = error.get("input")
    if error["type"] == "missing" or isinstance(value, (dict, list)):
        return ""
    text = repr(value)
    return f" (got {text[:60]}{'…' if len(text) > 60 else ''})"


def validation_problems(exc: ValidationError, parsed: ParsedYaml, path: str) -> list[Problem]:
    """One problem per field, with the line it sits on."""
    by_field: dict[tuple[Any, ...], list[str]] = {}
    for error in exc.errors():
        loc = error_location(parsed.data, tuple(error["loc"]))
        message = error["msg"].removeprefix("Value error, ") + _got(error)
        messages = by_field.setdefault(loc, [])
        if message not in messages:
            messages.append(message)
    return [
        Problem(path, parsed.line_of(loc), ".".join(str(p) for p in loc), "; or ".join(msgs))
        for loc, msgs in by_field.items()
    ]


def load_taxonomy(path: Path) -> Taxonomy:
    parsed = read_yaml(path, shown(path))
    try:
        return Taxonomy.model_validate(parsed.data)
    except ValidationError as exc:
        raise YamlError(validation_problems(exc, parsed, shown(path))[0]) from None


def load_registry_for(paths: list[Path], seeds_dir: Path) -> Registry:
    """The source registry (`_sources/`) of the first given folder that has one, else beside the taxonomy."""
    for path in paths:
        folder = path if path.is_dir() else path.parent
        if (folder / REGISTRY_DIR_NAME).is_dir():
            return load_registry(folder / REGISTRY_DIR_NAME, shown, seeds_dir)
    return load_registry(find_taxonomy(paths).parent / REGISTRY_DIR_NAME, shown, seeds_dir)


def with_cited_sources(proposal: Proposal, pool: list) -> Proposal:
    """The proposal carrying exactly the sources it cites, so every view can look them up on it."""
    return proposal.model_copy(update={"sources": cited((c.source for _, c in citations_in(proposal)), pool)})


def load_catalogue(paths: list[Path] | None = None, seeds_dir: Path | None = None) -> Catalogue:
    """Load and check every proposal under `paths` (default: proposals/)."""
    paths = paths or [PROPOSALS_DIR]
    taxonomy = load_taxonomy(find_taxonomy(paths))
    seeds_dir = seeds_dir or SEEDS_DIR
    registry = load_registry_for(paths, seeds_dir)
    problems: list[Problem] = list(registry.problems)
    loaded: list[tuple[Proposal, ParsedYaml, str]] = []
    for file in proposal_files(paths):
        where = shown(file)
        try:
            parsed = read_yaml(file, where)
            proposal = Proposal.model_validate(parsed.data)
        except YamlError as exc:
            problems.append(exc.problem)
            continue
        except ValidationError as exc:
            problems.extend(validation_problems(exc, parsed, where))
            continue
        pool = available(proposal.sources, registry)
        own = inline_problems(proposal.sources, registry, parsed, where)
        own += check_proposal(proposal, parsed, where, file, taxonomy, seeds_dir, pool)
        problems.extend(own)
        if not own:
            loaded.append((with_cited_sources(proposal, pool), parsed, where))
    accepted, cross = check_catalogue(loaded)
    problems.extend(cross)
    ordered = tuple(sorted(accepted, key=lambda p: (p.date, p.id)))
    return Catalogue(taxonomy, ordered, tuple(problems), registry)
