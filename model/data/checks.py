"""Where data is checked beyond its shape: codes against the taxonomy, citations
against sources, quotes against seed files, and links between proposals
(duplicate ids, `revises`/`responds_to`, point lineage, cycles).

Every check also runs on the partial stand-in of a file that failed the schema
(`model.data.partial.salvage`), where a field that did not validate is None and a
list item that did not validate is None: so each check skips None."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from model.data.schema import Citation, Position, Proposal, Source
from model.data.taxonomy import Taxonomy
from model.data.yaml_source import Problem

if TYPE_CHECKING:
    from model.data.yaml_source import ParsedYaml

CODED_FIELDS = (
    "stance", "guarantee_type", "nato", "eu", "foreign_troops", "sanctions_relief",
    "frozen_assets", "g8", "amnesty", "non_nuclear_status",
)


def squash(text: str) -> str:
    """Whitespace-insensitive form used to compare a quote with its seed file."""
    return re.sub(r"\s+", " ", text).strip()


def _items(values) -> Iterator[tuple]:
    """(index, item) of a list, skipping items that did not validate (None)."""
    return ((i, v) for i, v in enumerate(values or ()) if v is not None)


def _entries(values) -> Iterator[tuple]:
    """(key, value) of a mapping, skipping values that did not validate (None)."""
    return ((k, v) for k, v in (values or {}).items() if v is not None)


def citations_in(proposal: Proposal) -> Iterator[tuple[tuple, Citation]]:
    for area, position in _entries(proposal.positions):
        for i, c in _items(position.citations):
            yield ("positions", area, "citations", i), c
        for j, note in _items(position.contested):
            for i, c in _items(note.citations):
                yield ("positions", area, "contested", j, "citations", i), c
        for j, variant in _items(position.troop_cap_variants):
            for i, c in _items(variant.citations):
                yield ("positions", area, "troop_cap_variants", j, "citations", i), c
    for k, point in _items(proposal.points):
        for i, c in _items(point.citations):
            yield ("points", k, "citations", i), c
        for j, note in _items(point.contested):
            for i, c in _items(note.citations):
                yield ("points", k, "contested", j, "citations", i), c
    for j, note in _items(proposal.contested):
        for i, c in _items(note.citations):
            yield ("contested", j, "citations", i), c
    for k, line in _items(getattr(proposal, "red_lines", None)):
        for i, c in _items(line.citations):
            yield ("red_lines", k, "citations", i), c
        for j, note in _items(line.contested):
            for i, c in _items(note.citations):
                yield ("red_lines", k, "contested", j, "citations", i), c


# Red-line conditions: which area's position carries each field (`stance` needs an explicit area).
RED_LINE_FIELD_AREAS = {
    "troop_cap": "military_limits", "dmz_width_km": "ceasefire_and_monitoring", "monitors": "ceasefire_and_monitoring",
    "regions": "territory", "guarantee_type": "security_guarantees", "nato": "alliances", "eu": "alliances",
    "foreign_troops": "alliances", "sanctions_relief": "sanctions_and_economy", "frozen_assets": "sanctions_and_economy",
    "g8": "sanctions_and_economy", "amnesty": "accountability", "non_nuclear_status": "nuclear",
}
# Numeric fields and the range a red-line number on them may take.
RED_LINE_NUMBERS = {"troop_cap": (1, 5_000_000), "dmz_width_km": (0, 2_000), "monitors": (0, 1_000_000)}
TROOP_CAP_WORDS = ("no_cap", "not_addressed", "bracketed", "cap_unspecified")


def red_line_area(condition) -> str | None:
    """The area whose position a red-line condition reads: its own `area`, else the area carrying its field."""
    return condition.area or RED_LINE_FIELD_AREAS.get((condition.field or "").split(".")[0])


def _red_line_codes(condition, taxonomy: Taxonomy) -> Iterator[tuple[tuple, str]]:
    """Problems with one red-line condition: unknown field, area, region or code; numbers out of range."""
    base, _, region = (condition.field or "").partition(".")
    if base != "stance" and base not in RED_LINE_FIELD_AREAS:
        known = ", ".join(["stance", *RED_LINE_FIELD_AREAS, "regions.<region>"])
        yield ("field",), f"unknown field '{condition.field}'; a red line can test: {known}"
        return
    if region and base != "regions":
        yield ("field",), f"'{condition.field}': only regions take a sub-key (regions.<region>)"
        return
    if region and region not in taxonomy.regions:
        yield ("field",), f"unknown region '{region}'; known: {', '.join(taxonomy.regions)}"
        return
    if condition.area is not None and condition.area not in taxonomy.area_keys:
        yield ("area",), f"unknown area '{condition.area}'; known: {', '.join(taxonomy.area_keys)}"
        return
    area = red_line_area(condition)
    if area is None:
        yield ("area",), "a condition on 'stance' needs the area whose scale it reads"
        return
    codes = [*(condition.one_of or ()), *([condition.equals] if condition.equals else [])]
    if condition.one_of and len(set(condition.one_of)) != len(condition.one_of):
        yield ("one_of",), "a code appears twice"
    numeric = base in RED_LINE_NUMBERS
    which = "one_of" if condition.one_of else "equals"
    if base == "regions":
        allowed = [t.key for t in taxonomy.region_statuses]
    elif base == "troop_cap":
        allowed = list(TROOP_CAP_WORDS)
    elif numeric:
        allowed = []
    else:
        terms = taxonomy.values_for(area, base)
        allowed = [t.key for t in terms or ()]
        if not allowed:
            yield ("field",), f"'{base}' has no coded values in area '{area}'"
            return
    for code in codes:
        if code is not None and code not in allowed:
            expected = ", ".join(allowed) if allowed else "nothing: use below or at_least"
            yield (which,), f"unknown value '{code}' for '{condition.field}'; expected one of: {expected}"
    for kind in ("below", "at_least"):
        number = getattr(condition, kind)
        if number is None:
            continue
        if not numeric:
            yield (kind,), f"'{kind}' needs a numeric field ({', '.join(RED_LINE_NUMBERS)}), not '{condition.field}'"
        else:
            low, high = RED_LINE_NUMBERS[base]
            if not low <= number <= high:
                yield (kind,), f"{number:g} is outside the sane range for {base} ({low:,} to {high:,})"


def check_red_lines(proposal: Proposal, taxonomy: Taxonomy) -> Iterator[tuple[tuple, str]]:
    """Each red line's condition names a real field, area, region and codes, and sane numbers."""
    for k, line in _items(getattr(proposal, "red_lines", None)):
        if line.condition is None:
            continue
        for sub, message in _red_line_codes(line.condition, taxonomy):
            yield ("red_lines", k, "condition", *sub), message


def _position_codes(area: str, position: Position, taxonomy: Taxonomy) -> Iterator[tuple[tuple, str]]:
    for name in CODED_FIELDS:
        value = getattr(position, name)
        if value is None:
            continue
        allowed = taxonomy.values_for(area, name)
        if allowed is None:
            continue
        keys = [t.key for t in allowed]
        if not keys:
            yield (name,), f"area '{area}' has no scale for '{name}'"
        elif value not in keys:
            yield (name,), f"unknown value '{value}'; expected one of: {', '.join(keys)}"
    statuses = [t.key for t in taxonomy.region_statuses]
    regions = dict(_entries(position.regions))
    notes = position.region_notes or {}
    for region, status in regions.items():
        if region not in taxonomy.regions:
            yield ("regions", region), f"unknown region '{region}'; known: {', '.join(taxonomy.regions)}"
        elif status not in statuses:
            yield ("regions", region), f"unknown region status '{status}'; expected one of: {', '.join(statuses)}"
    for region in notes:
        if position.regions is not None and region not in regions:
            yield ("region_notes", region), f"note for region '{region}', which has no status"
    needs_note = {t.key for t in taxonomy.region_statuses if t.needs_note}
    for region, status in regions.items():
        if status in needs_note and position.region_notes is not None and region not in notes:
            yield ("regions", region), f"status '{status}' needs a reason under region_notes.{region}"
    yield from _cap_matches_step(area, position, taxonomy)


def _cap_matches_step(area: str, position: Position, taxonomy: Taxonomy) -> Iterator[tuple[tuple, str]]:
    """A numeric army cap must fall inside the range of the scale step it is coded on."""
    step = next((t for t in taxonomy.area(area).scale if t.key == position.stance), None) if area in taxonomy.area_keys else None
    caps = [position.troop_cap] if isinstance(position.troop_cap, int) else [v.value for _, v in _items(position.troop_cap_variants) if v.value is not None]
    if step is None or not caps:
        return
    if not step.has_cap_range:
        return
    for cap in caps:
        if not step.covers(cap):
            yield ("stance",), f"cap {cap:,} is outside the range of step '{step.key}' ({step.label})"


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
    for k, source in _items(inline):
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
    for area, position in _entries(proposal.positions):
        if area in taxonomy.area_keys:
            for sub, message in _position_codes(area, position, taxonomy):
                add(("positions", area, *sub), message)
    for k, point in _items(proposal.points):
        if point.area is not None and point.area not in taxonomy.area_keys:
            add(("points", k, "area"), f"unknown area '{point.area}'")
    numbers = [p.number if p is not None else None for p in proposal.points or ()]
    for k, point in _items(proposal.points):
        if point.number is not None and numbers.index(point.number) != k:
            add(("points", k, "number"), f"point {point.number} appears twice")

    for loc, message in check_red_lines(proposal, taxonomy):
        add(loc, message)

    inline = proposal.sources or []
    problems.extend(check_citations(inline, pool if pool is not None else inline, citations_in(proposal), parsed, where, seeds_dir))
    return problems


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
        for i, other in _items(proposal.responds_to):
            if why := unknown(other):
                add(("responds_to", i), f"responds to unknown proposal '{other}'" if why == "unknown" else f"responds to '{other}', {why}")
        earlier = by_id.get(proposal.revises or "")
        for k, point in _items(proposal.points):
            if point.lineage and point.lineage.of_point is not None:
                if not proposal.revises:
                    add(("points", k, "lineage"), "point lineage needs the proposal to name what it `revises`")
                elif earlier and point.lineage.of_point not in {p.number for _, p in _items(earlier[0].points)}:
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
