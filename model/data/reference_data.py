"""Cited context data that is not a proposal: reference figures for the troop-cap
charts (`data/reference_figures.yaml`) and historical ceasefire lines and buffer
zones (`data/ceasefire_comparators.yaml`). Loaded and checked like proposals."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Iterator, Literal

from pydantic import Field, ValidationError

from model.data.checks import check_citations
from model.data.loader import PROPOSALS_DIR, ROOT, SEEDS_DIR, load_registry_for, shown, validation_problems
from model.data.source_registry import available, cited, inline_problems
from model.data.schema import Citation, Citations, ContestedNote, Frozen, KEY_PATTERN, PartialDate, Quantity, ShortText, Source
from model.data.yaml_source import Problem, YamlError, read_yaml

DATA_DIR = ROOT / "data"
Key = Annotated[str, Field(pattern=KEY_PATTERN, max_length=60)]


class ReferenceFigure(Frozen):
    """A cited figure about Ukraine's forces, drawn as a reference line or band."""

    key: Key
    kind: Literal["current_size", "pre_war_size"]
    label: ShortText
    value: Annotated[int, Field(ge=0)]
    high: Annotated[int, Field(ge=0)] | None = None
    qualifier: Literal["exact", "about", "at_most", "at_least"]
    date: PartialDate
    citations: Citations


class ReferenceFile(Frozen):
    sources: list[Source] = []
    figures: list[ReferenceFigure]


class Comparator(Frozen):
    """A historical ceasefire line or buffer zone, for scale."""

    key: Key
    name: ShortText
    year: Annotated[int, Field(ge=1900, le=2100)]
    zone_width_km: Quantity | None = None
    line_length_km: Quantity | None = None
    monitors: Quantity | None = None
    monitors_note: ShortText | None = None
    summary: Annotated[str, Field(min_length=1, max_length=2000)]
    citations: Citations
    contested: list[ContestedNote] = []


class ComparatorFile(Frozen):
    sources: list[Source] = []
    comparators: list[Comparator]


def _cited(items: list, prefix: str) -> Iterator[tuple[tuple, Citation]]:
    for k, item in enumerate(items):
        for i, c in enumerate(item.citations):
            yield (prefix, k, "citations", i), c
        for j, note in enumerate(getattr(item, "contested", [])):
            for i, c in enumerate(note.citations):
                yield (prefix, k, "contested", j, "citations", i), c


def _load(path: Path, model: type, items: str, seeds_dir: Path):
    where = shown(path)
    try:
        parsed = read_yaml(path, where)
        data = model.model_validate(parsed.data)
    except YamlError as exc:
        return None, [exc.problem]
    except ValidationError as exc:
        return None, validation_problems(exc, parsed, where)
    registry = load_registry_for([PROPOSALS_DIR], seeds_dir)
    pool = available(data.sources, registry)
    citations = list(_cited(getattr(data, items), items))
    problems = inline_problems(data.sources, registry, parsed, where)
    problems += check_citations(data.sources, pool, citations, parsed, where, seeds_dir)
    if problems:
        return None, problems
    return data.model_copy(update={"sources": cited((c.source for _, c in citations), pool)}), problems


def load_reference_figures(path: Path | None = None, seeds_dir: Path = SEEDS_DIR) -> tuple[ReferenceFile | None, list[Problem]]:
    return _load(path or DATA_DIR / "reference_figures.yaml", ReferenceFile, "figures", seeds_dir)


def load_comparators(path: Path | None = None, seeds_dir: Path = SEEDS_DIR) -> tuple[ComparatorFile | None, list[Problem]]:
    return _load(path or DATA_DIR / "ceasefire_comparators.yaml", ComparatorFile, "comparators", seeds_dir)
