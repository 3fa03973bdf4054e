"""Citation checks: every citation in a proposal (`citations_in`) resolves to a
source, inline source ids are unique, seed files exist, and a quote from a seed
appears in it word for word (whitespace aside)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from model.data.partial import present_entries, present_items
from model.data.problems import Problem
from model.data.schema import Citation, Proposal, Source

if TYPE_CHECKING:
    from model.data.line_map import ParsedYaml


def squash(text: str) -> str:
    """Whitespace-insensitive form used to compare a quote with its seed file."""
    return re.sub(r"\s+", " ", text).strip()


def citations_in(proposal: Proposal) -> Iterator[tuple[tuple, Citation]]:
    for area, position in present_entries(proposal.positions):
        for i, c in present_items(position.citations):
            yield ("positions", area, "citations", i), c
        for j, note in present_items(position.contested):
            for i, c in present_items(note.citations):
                yield ("positions", area, "contested", j, "citations", i), c
        for j, variant in present_items(position.troop_cap_variants):
            for i, c in present_items(variant.citations):
                yield ("positions", area, "troop_cap_variants", j, "citations", i), c
    for k, point in present_items(proposal.points):
        for i, c in present_items(point.citations):
            yield ("points", k, "citations", i), c
        for j, note in present_items(point.contested):
            for i, c in present_items(note.citations):
                yield ("points", k, "contested", j, "citations", i), c
    for j, note in present_items(proposal.contested):
        for i, c in present_items(note.citations):
            yield ("contested", j, "citations", i), c
    for k, line in present_items(getattr(proposal, "red_lines", None)):
        for i, c in present_items(line.citations):
            yield ("red_lines", k, "citations", i), c
        for j, note in present_items(line.contested):
            for i, c in present_items(note.citations):
                yield ("red_lines", k, "contested", j, "citations", i), c



def check_citations(
    inline: "Sequence[Source]", pool: "Sequence[Source]", citations: "Iterable[tuple[tuple, Citation]]",
    parsed: "ParsedYaml", where: str, seeds_dir: Path,
) -> list[Problem]:
    """Inline source ids unique, seed files present, citations resolve (against `pool`:
    the file's own sources plus the registry), seed quotes verbatim."""
    problems: list[Problem] = []

    def add(loc: tuple, message: str) -> None:
        problems.append(Problem(where, parsed.line_of(loc), ".".join(str(p) for p in loc), message))

    own = [s.id if s is not None else None for s in inline]
    for k, source in present_items(inline):
        if source.id is not None and own.index(source.id) != k:
            add(("sources", k, "id"), f"source id '{source.id}' appears twice")
        if source.seed and not (seeds_dir / source.seed).is_file():
            add(("sources", k, "seed"), f"seed file '{source.seed}' not found in {seeds_dir.name}/")
    by_id = {s.id: s for s in pool if s is not None}
    for loc, citation in citations:
        if citation.source is None:
            continue
        source = by_id.get(citation.source)
        if source is None:
            add((*loc, "source"), f"unknown source id '{citation.source}'; define it in proposals/_sources/ or under this file's sources")
        elif citation.quote and source.seed:
            text = seed_text(seeds_dir / source.seed)
            if text is not None and squash(citation.quote) not in text:
                add((*loc, "quote"), f"quote not found word for word in seed '{source.seed}'")
    return problems


@lru_cache(maxsize=32)
def _seed_text(path: Path, mtime_ns: int) -> str:
    return squash(path.read_text(encoding="utf-8", errors="replace"))


def seed_text(path: Path) -> str | None:
    """A seed file's whitespace-squashed text (cached on its modification time), or None if missing."""
    try:
        return _seed_text(path, path.stat().st_mtime_ns)
    except OSError:
        return None
