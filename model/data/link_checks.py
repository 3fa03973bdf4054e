"""Checks across proposal files: duplicate ids, `revises`/`responds_to` links to
loaded proposals, point lineage against the revised text, and lineage cycles."""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from model.data.partial import present_items
from model.data.problems import Problem
from model.data.schema import Proposal

if TYPE_CHECKING:
    from model.data.line_map import ParsedYaml


def check_catalogue(
    loaded: list[tuple[Proposal, "ParsedYaml", str]], broken: "Sequence[tuple[Proposal, ParsedYaml, str]]" = (),
) -> tuple[list[Proposal], list[Problem]]:
    """Checks across files: duplicate ids, links to other proposals, point lineage, cycles.

    `broken` files (partial stand-ins of files with problems of their own) are checked too,
    and a link to one is named as such instead of 'unknown'; they are never accepted."""
    problems: list[Problem] = []
    by_id: dict[str, tuple[Proposal, "ParsedYaml", str]] = {}
    not_loaded: set[str] = set()
    for (proposal, parsed, where), ok in [*((e, True) for e in loaded), *((e, False) for e in broken)]:
        if proposal.id is None:
            continue
        if proposal.id in by_id:
            first = by_id[proposal.id][2]
            problems.append(Problem(where, parsed.line_of(("id",)), "id", f"duplicate proposal id '{proposal.id}' (already defined in {first})"))
        else:
            by_id[proposal.id] = (proposal, parsed, where)
            if not ok:
                not_loaded.add(proposal.id)

    def unknown(pid: str | None) -> str | None:
        """Why a link target is missing, or None when it is loaded."""
        if pid in not_loaded:
            return "which is not loaded because of its own problems"
        return None if pid in by_id else "unknown"

    rejected: set[str] = set(not_loaded)
    for pid, (proposal, parsed, where) in by_id.items():
        def add(loc: tuple, message: str) -> None:
            problems.append(Problem(where, parsed.line_of(loc), ".".join(str(p) for p in loc), message))
            rejected.add(pid)

        if proposal.revises and (why := unknown(proposal.revises)):
            add(("revises",), f"revises unknown proposal '{proposal.revises}'" if why == "unknown" else f"revises '{proposal.revises}', {why}")
        if proposal.revises == pid:
            add(("revises",), "a proposal cannot revise itself")
        for i, other in present_items(proposal.responds_to):
            if why := unknown(other):
                add(("responds_to", i), f"responds to unknown proposal '{other}'" if why == "unknown" else f"responds to '{other}', {why}")
        earlier = by_id.get(proposal.revises or "")
        for k, point in present_items(proposal.points):
            if point.lineage and point.lineage.of_point is not None:
                if not proposal.revises:
                    add(("points", k, "lineage"), "point lineage needs the proposal to name what it `revises`")
                elif earlier and point.lineage.of_point not in {p.number for _, p in present_items(earlier[0].points)}:
                    add(("points", k, "lineage", "of_point"), f"'{proposal.revises}' has no point {point.lineage.of_point}")
    for pid in by_id:
        seen = [pid]
        current = by_id[pid][0].revises
        while current in by_id:
            if current in seen:
                proposal, parsed, where = by_id[pid]
                cycle = " → ".join([*seen[seen.index(current):], current])
                problems.append(Problem(where, parsed.line_of(("revises",)), "revises", f"lineage cycle: {cycle}"))
                rejected.add(pid)
                break
            seen.append(current)
            current = by_id[current][0].revises
    return [entry[0] for pid, entry in by_id.items() if pid not in rejected], problems

