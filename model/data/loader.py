"""Where data enters: read the taxonomy and every proposal file, validate each
one on its own, and return the proposals that passed with a list of problems
for the ones that did not. One broken file never stops the others.

One pass: a file that fails the schema is still checked against the taxonomy,
its citations and its links (on the parts that did validate, see
`model.data.partial`), so every problem in it is reported in the same run, once.

The proposals folder is `proposals/`, or the folder named by the environment
variable `PEACE_PROPOSALS_DIR` (read on every load; tests point the app at
fixture folders with it)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from model.data.checks import check_catalogue, check_proposal, citations_in
from model.data.partial import salvage
from model.data.schema import Proposal
from model.data.schema_errors import error_location, validation_problems  # noqa: F401  (importable from here)
from model.data.source_registry import REGISTRY_DIR_NAME, Registry, available, cited, inline_problems, load_registry
from model.data.taxonomy import Taxonomy
from model.data.yaml_source import ParsedYaml, Problem, YamlError, parse_yaml, read_yaml

ROOT = Path(__file__).resolve().parents[2]
PROPOSALS_DIR = ROOT / "proposals"
SEEDS_DIR = ROOT / "seeds"
TAXONOMY_NAME = "_taxonomy.yaml"
PROPOSALS_DIR_ENV = "PEACE_PROPOSALS_DIR"


def proposals_dir() -> Path:
    """The folder the app and the CLI read by default: $PEACE_PROPOSALS_DIR, else proposals/."""
    override = os.environ.get(PROPOSALS_DIR_ENV, "").strip()
    return Path(override).expanduser().resolve() if override else PROPOSALS_DIR


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


def check_parsed(
    parsed: ParsedYaml, where: str, file: Path | None, registry: Registry, taxonomy: Taxonomy, seeds_dir: Path,
) -> tuple[Proposal | None, list[Problem]]:
    """Schema, then (on what validated) taxonomy and citations, in one pass, one message per field (the schema's).
    `file` is checked against the id (None: no file name to check, as for an upload).
    Returns the proposal carrying its cited sources when valid, a partial stand-in when the schema failed,
    None when nothing could be read; and every problem, in line order."""
    try:
        proposal = Proposal.model_validate(parsed.data)
        schema: list[Problem] = []
    except ValidationError as exc:
        schema = validation_problems(exc, parsed, where)
        proposal = salvage(Proposal, parsed.data)
    if proposal is None:
        return None, schema
    inline = list(proposal.sources or [])
    pool = available([s for s in inline if s is not None and s.id is not None], registry)
    checks = inline_problems(inline, registry, parsed, where)
    checks += check_proposal(proposal, parsed, where, file or Path(f"{proposal.id}.yaml"), taxonomy, seeds_dir, pool)
    reported = {p.field for p in schema}
    checks = [p for p in checks if p.field not in reported]
    if not schema and not checks:
        proposal = with_cited_sources(proposal, pool)
    return proposal, sorted([*schema, *checks], key=lambda p: (p.line or 0))


def check_file(
    file: Path, registry: Registry, taxonomy: Taxonomy, seeds_dir: Path,
) -> tuple[Proposal | None, ParsedYaml | None, list[Problem]]:
    """Every problem of one file in one pass: YAML, schema, then (on what validated) taxonomy and citations.
    Returns the proposal (a partial stand-in when the schema failed; None when nothing could be read)."""
    where = shown(file)
    try:
        parsed = read_yaml(file, where)
    except YamlError as exc:
        return None, None, list(exc.problems)
    proposal, problems = check_parsed(parsed, where, file, registry, taxonomy, seeds_dir)
    return proposal, parsed, problems


def load_catalogue(paths: list[Path] | None = None, seeds_dir: Path | None = None) -> Catalogue:
    """Load and check every proposal under `paths` (default: `proposals_dir()`)."""
    paths = paths or [proposals_dir()]
    taxonomy = load_taxonomy(find_taxonomy(paths))
    seeds_dir = seeds_dir or SEEDS_DIR
    registry = load_registry_for(paths, seeds_dir)
    problems: list[Problem] = list(registry.problems)
    loaded: list[tuple[Proposal, ParsedYaml, str]] = []
    broken: list[tuple[Proposal, ParsedYaml, str]] = []
    for file in proposal_files(paths):
        proposal, parsed, own = check_file(file, registry, taxonomy, seeds_dir)
        problems.extend(own)
        if proposal is not None and parsed is not None:
            (broken if own else loaded).append((proposal, parsed, shown(file)))
    accepted, cross = check_catalogue(loaded, broken)
    problems.extend(cross)
    ordered = tuple(sorted(accepted, key=lambda p: (p.date, p.id)))
    return Catalogue(taxonomy, ordered, tuple(problems), registry)


def check_upload(raw: bytes, name: str, catalogue: Catalogue, seeds_dir: Path | None = None) -> tuple[Proposal | None, list[Problem]]:
    """One proposal file from bytes (a browser upload), checked exactly like a file in proposals/ (the steps
    of `check_file`, then `check_catalogue` against the loaded proposals), against the catalogue's taxonomy,
    source registry and the seed documents. Nothing is written to disk.

    Returns (proposal, []) when it is valid, else (None, every problem in one pass, in line order). Problems
    name the file as `name`. The size limit is checked on the bytes before anything is parsed. Unlike a file
    in proposals/, the file name need not match the id (browsers rename downloads: 'plan (1).yaml')."""
    seeds_dir = seeds_dir or SEEDS_DIR
    try:
        parsed = parse_yaml(raw, name)  # read_yaml's own reader, for bytes: size, encoding, depth, alias guards
    except YamlError as exc:
        return None, list(exc.problems)
    proposal, own = check_parsed(parsed, name, None, catalogue.registry, catalogue.taxonomy, seeds_dir)
    if proposal is None:
        return None, own
    others = [(p, parsed, f"{p.id}.yaml") for p in catalogue.proposals]  # already valid: no problem is located in them
    entry = (proposal, parsed, name)
    _, cross = check_catalogue([*others, entry] if not own else others, [] if not own else [entry])
    problems = sorted([*own, *(p for p in cross if p.path == name)], key=lambda p: (p.line or 0))
    if problems:
        return None, problems
    return proposal, []


def with_extra(catalogue: Catalogue, extra: "list[Proposal] | tuple[Proposal, ...]") -> Catalogue:
    """The catalogue with `extra` proposals (e.g. one session's uploads) merged in, in date order.
    An extra proposal whose id is already loaded is left out."""
    if not extra:
        return catalogue
    known = set(catalogue.ids)
    added = [p for p in extra if p.id not in known]
    ordered = tuple(sorted([*catalogue.proposals, *added], key=lambda p: (p.date, p.id)))
    return Catalogue(catalogue.taxonomy, ordered, catalogue.problems, catalogue.registry)
