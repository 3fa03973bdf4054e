"""Where data is checked beyond its shape: codes against the taxonomy, citations
against sources, quotes against seed files, and links between proposals
(duplicate ids, `revises`/`responds_to`, point lineage, cycles).

Every check also runs on the partial stand-in of a file that failed the schema
(`model.data.partial.salvage`), where a field that did not validate is None and a
list item that did not validate is None: so each check skips None."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from model.data.citation_checks import check_citations, citations_in, seed_text, squash
from model.data.code_checks import CODED_FIELDS, position_codes
from model.data.link_checks import check_catalogue
from model.data.partial import present_entries, present_items
from model.data.problems import Problem
from model.data.red_line_checks import (
    RED_LINE_FIELD_AREAS, RED_LINE_NUMBERS, TROOP_CAP_WORDS, check_red_lines, red_line_area,
)
from model.data.schema import Proposal, Source
from model.data.snapshot_checks import check_snapshot_dates
from model.data.taxonomy import Taxonomy

if TYPE_CHECKING:
    from model.data.line_map import ParsedYaml

__all__ = [
    "CODED_FIELDS", "RED_LINE_FIELD_AREAS", "RED_LINE_NUMBERS", "TROOP_CAP_WORDS", "check_catalogue", "check_citations",
    "check_proposal", "check_red_lines", "citations_in", "red_line_area", "seed_text", "squash",
]


def check_proposal(
    proposal: Proposal, parsed: "ParsedYaml", where: str, file: Path, taxonomy: Taxonomy, seeds_dir: Path,
    pool: "Sequence[Source] | None" = None,
) -> list[Problem]:
    """Problems inside one proposal file (everything that needs no other proposal)."""
    problems: list[Problem] = []

    def add(loc: tuple, message: str) -> None:
        problems.append(Problem(where, parsed.line_of(loc), ".".join(str(p) for p in loc), message))

    if proposal.id is not None and file.stem != proposal.id:
        add(("id",), f"file name '{file.name}' should be '{proposal.id}.yaml'")
    if proposal.positions is not None:
        for area in proposal.positions:
            if area not in taxonomy.area_keys:
                add(("positions", area), f"unknown area '{area}'; known: {', '.join(taxonomy.area_keys)}")
        for area in taxonomy.area_keys:
            if area not in proposal.positions:
                add(("positions",), f"missing area '{area}' (give a position or not_addressed: true with a reason)")
    for area, position in present_entries(proposal.positions):
        if area in taxonomy.area_keys:
            for sub, message in position_codes(area, position, taxonomy):
                add(("positions", area, *sub), message)
    for k, point in present_items(proposal.points):
        if point.area is not None and point.area not in taxonomy.area_keys:
            add(("points", k, "area"), f"unknown area '{point.area}'")
    numbers = [p.number if p is not None else None for p in proposal.points or ()]
    for k, point in present_items(proposal.points):
        if point.number is not None and numbers.index(point.number) != k:
            add(("points", k, "number"), f"point {point.number} appears twice")

    for loc, message in check_red_lines(proposal, taxonomy):
        add(loc, message)

    inline = proposal.sources or []
    usable = pool if pool is not None else inline
    problems.extend(check_citations(inline, usable, citations_in(proposal), parsed, where, seeds_dir))
    problems.extend(check_snapshot_dates(proposal, citations_in(proposal), usable, parsed, where))
    return problems
