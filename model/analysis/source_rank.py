"""Which source to show first: a pure ordering of sources, best first, and the
test for a claim that rests only on weak (low-graded) sources.

The order (`rank_key`), compared field by field:

1. reliability: high, then medium, then low (the grade in `proposals/_sources/`,
   given by the grading rule in the header of `registry.yaml`);
2. at equal reliability, a primary text first: kind `primary_text` (the text
   itself, or a seed file of it) or `official` (a government's own page);
3. then a wire service: a source of kind `news` whose publisher *is* a news
   agency (AP / Associated Press, Reuters, AFP / Agence France-Presse, Interfax
   and Interfax-Ukraine, Ukrinform, ANSA, dpa, EFE, Anadolu). The publisher's
   own name counts, the part before any parenthesis or "via"/"republishing": "Journal-News (AP)" or "WSAU (republishing Reuters)"
   is a copy graded by the outlet that published it, not the wire. State media
   (kind `state_media`: TASS, RIA, Xinhua, CGTN ...) is never a wire here, even
   when it is a news agency: it is evidence of what a state says;
4. then the earliest date (a partial date counts as the start of its period:
   "2025" before "2025-03-01"); an undated source comes after every dated one;
5. then the id, so the order is always the same.

`weak_cells` lists, per proposal, the areas whose position rests only on
low-graded sources (`python -m model.validate` prints it after "N proposals OK").

Callers pass citations (anything with a `.source` id) or sources, and where to
look ids up: a `Registry`, a mapping id -> Source, or a list of sources (such
as `proposal.sources`). An id that is not found is left out.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

from model.data.grade_checks import publisher_key
from model.data.schema import Proposal, Source

RELIABILITY_ORDER = {"high": 0, "medium": 1, "low": 2}
PRIMARY_KINDS = frozenset({"primary_text", "official"})
WIRE_AGENCIES = (
    "ap", "associated press", "reuters", "afp", "agence france-presse", "agence france presse",
    "interfax", "interfax-ukraine", "ukrinform", "ansa", "dpa", "efe", "anadolu", "anadolu agency",
)


def publisher_name(source: Source) -> str:
    """The publisher's own name, lower-case, without what it relays ("X (via Reuters)" -> "x")."""
    return publisher_key(source.publisher)


def is_primary(source: Source) -> bool:
    return source.kind in PRIMARY_KINDS


def is_wire(source: Source) -> bool:
    """A news agency's own report (never state media, never a copy on another outlet)."""
    return source.kind == "news" and publisher_name(source) in WIRE_AGENCIES


def rank_key(source: Source) -> tuple:
    """Sort key: lower is better (see the module docstring for the order)."""
    return (
        RELIABILITY_ORDER.get(source.reliability, len(RELIABILITY_ORDER)),
        0 if is_primary(source) else 1,
        0 if is_wire(source) else 1,
        0 if source.date else 1,
        source.date or "",
        source.id,
    )


def _lookup(registry: Any) -> Mapping[str, Source]:
    if registry is None:
        return {}
    if hasattr(registry, "sources") and isinstance(registry.sources, Mapping):  # a Registry
        return registry.sources
    if isinstance(registry, Mapping):
        return registry
    return {s.id: s for s in registry}  # a list of sources (e.g. proposal.sources)


def _sources(items: Iterable[Any], registry: Any) -> list[Source]:
    """The distinct sources named by `items` (sources, or citations looked up in `registry`)."""
    by_id = _lookup(registry)
    found: dict[str, Source] = {}
    for item in items:
        source = item if isinstance(item, Source) else by_id.get(getattr(item, "source", None) or "")
        if source is not None and source.id not in found:
            found[source.id] = source
    return list(found.values())


def ranked(items: Iterable[Any], registry: Any = None) -> list[Source]:
    """The distinct sources of `items` (citations or sources), best first."""
    return sorted(_sources(items, registry), key=rank_key)


def best_first(citations: Sequence[Any], registry: Any = None) -> list[Any]:
    """The citations themselves, ordered by their sources best first; a citation whose source is not found keeps its
    place after the others (stable: equal sources keep the file's order)."""
    by_id = _lookup(registry)

    def key(item: tuple[int, Any]) -> tuple:
        source = by_id.get(item[1].source)
        return (0, rank_key(source), item[0]) if source else (1, (), item[0])
    return [c for _, c in sorted(enumerate(citations), key=key)]


def best_source(items: Iterable[Any], registry: Any = None) -> Source | None:
    """The best of the sources `items` name, or None when none is found."""
    order = ranked(items, registry)
    return order[0] if order else None


def _citations_of(item: Any) -> Sequence[Any]:
    """The citations a position's stated content rests on (its own and its troop-cap variants'), or `item` itself."""
    if hasattr(item, "citations") and hasattr(item, "troop_cap_variants"):  # a Position
        return [*item.citations, *(c for v in item.troop_cap_variants for c in v.citations)]
    if hasattr(item, "citations"):
        return list(item.citations)
    return list(item)


def rests_on_weak_sources(item: Any, registry: Any = None) -> bool:
    """True when `item` (a position, anything with citations, or citations/sources) cites at least
    one known source and every one of them is graded low."""
    sources = _sources(_citations_of(item), registry)
    return bool(sources) and all(s.reliability == "low" for s in sources)


def weak_cells(proposals: Iterable[Proposal]) -> dict[str, list[str]]:
    """Per proposal id, the areas (cells) whose position rests only on low-graded sources, in the file's order.
    Silent (not_addressed) positions are skipped; proposals with no such cell are left out."""
    found: dict[str, list[str]] = {}
    for proposal in proposals:
        areas = [area for area, position in proposal.positions.items()
                 if not position.not_addressed and rests_on_weak_sources(position, proposal.sources)]
        if areas:
            found[proposal.id] = areas
    return found


def weak_cells_line(proposals: Iterable[Proposal]) -> str:
    """`weak_cells` in plain words, for the command line: one line, or '' when there are none."""
    found = weak_cells(proposals)
    if not found:
        return ""
    total = sum(len(a) for a in found.values())
    parts = "; ".join(f"{pid} {len(areas)} ({', '.join(areas)})" for pid, areas in found.items())
    return f"Cells resting only on low-reliability sources: {parts} ({total} in all; information, not a failure)"
