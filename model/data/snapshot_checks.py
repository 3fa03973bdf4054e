"""Anachronism check for dated party snapshots.

A dated snapshot is a proposal with status `stated_position`: one party's
stated position as of the proposal's `date` (the `ukraine-position*` and
`russia-position*` files, chained by `revises`; see `model.analysis.compare`).
It may not cite a source published after that date, since the snapshot would
then hold statements it could not yet know, unless the citation says
`looks_back: true` (a later source reporting what was said on or before the
date).

Partial dates are compared by the span they cover: a source counts as newer
only when its earliest possible day is after the snapshot's latest possible
day ("2025-06" is not newer than 2025-06-02; "2025-07" is). An undated source
is never flagged."""
from __future__ import annotations

import calendar
from typing import TYPE_CHECKING, Iterable, Sequence

from model.data.problems import Problem
from model.data.schema import Citation, Proposal, Source

if TYPE_CHECKING:
    from model.data.line_map import ParsedYaml

SNAPSHOT_STATUS = "stated_position"


def is_snapshot(proposal: Proposal) -> bool:
    """True for a dated party snapshot (a stated position)."""
    return getattr(proposal, "status", None) == SNAPSHOT_STATUS and bool(getattr(proposal, "date", None))


def _first_day(date: str) -> str:
    year, month, day = (date.split("-") + ["01", "01"])[:3]
    return f"{year}-{month}-{day}"


def _last_day(date: str) -> str:
    parts = date.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31"
    if len(parts) == 2:
        return f"{parts[0]}-{parts[1]}-{calendar.monthrange(int(parts[0]), int(parts[1]))[1]:02d}"
    return date


def newer_than(source_date: str | None, snapshot_date: str) -> bool:
    """True when a source dated `source_date` was certainly published after `snapshot_date`."""
    return bool(source_date) and _first_day(source_date) > _last_day(snapshot_date)


def check_snapshot_dates(
    proposal: Proposal, citations: Iterable[tuple[tuple, Citation]], pool: Sequence[Source],
    parsed: "ParsedYaml", where: str,
) -> list[Problem]:
    """One problem per citation in a snapshot of a source newer than the snapshot (and not marked looks_back)."""
    if not is_snapshot(proposal):
        return []
    by_id = {s.id: s for s in pool if s is not None}
    problems = []
    for loc, citation in citations:
        source = by_id.get(citation.source or "")
        if source is None or citation.looks_back or not newer_than(source.date, proposal.date):
            continue
        problems.append(Problem(
            where, parsed.line_of((*loc, "source")), ".".join(str(p) for p in loc),
            f"cites '{source.title}' ({source.publisher}, {source.date}), newer than this snapshot's date "
            f"{proposal.date}; split the snapshot, fix the date, or mark looks_back: true if the source looks back",
        ))
    return problems
