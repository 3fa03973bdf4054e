"""What a slide of the deck is made of (plain data: no Streamlit, no HTML): `Slide` (title, area, chart or
sources), the `Card` of one proposal on an area slide (`card`), a `TitleRow`, a `Note` a teacher can say aloud,
and the `Cite`s behind them, resolved from source ids (`proposal_cites`), and an area slide's `ColourKey`
(`colour_key`). Also `chunks`, which splits a list
into even runs. The deck is assembled in `model.lessons.deck`; the notes are written in `model.lessons.deck_notes`."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

from model.analysis.chart_data import QUALIFIER_SIGNS
from model.analysis.compare import Placement, headline
from model.data.schema import Citation, Proposal, Source
from model.data.taxonomy import Taxonomy

MAX_CITES = 4  # citations shown after one note


@dataclass(frozen=True)
class Cite:
    """One cited document (and quote), resolved from a source id."""

    source_id: str
    title: str
    publisher: str
    date: str
    url: str = ""
    quote: str = ""
    date_note: str = ""

    @property
    def short(self) -> str:
        return f"{self.publisher.split(' (')[0]}, {self.date}"  # one line: the publisher without its parenthesis


@dataclass(frozen=True)
class Note:
    """A fact a teacher can say aloud, with the citations behind it."""

    text: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class Card:
    """One proposal on an area slide."""

    proposal_id: str
    name: str
    date: str
    kind: str                       # placement kind (model.analysis.compare.PLACEMENTS)
    headline: str                   # the key number or the scale step's label
    scale_label: str
    step: int | None
    steps: int | None
    first_step: int | None
    last_step: int | None
    facts: tuple[str, ...]          # region statuses, buffer zone, monitors, bracketed caps
    evidence: str
    evidence_label: str
    contested: str                  # who disputes what, or ""
    cites: tuple[Cite, ...]

    @property
    def source_line(self) -> str:
        return self.cites[0].short if self.cites else "No source recorded"


@dataclass(frozen=True)
class TitleRow:
    name: str
    date: str
    known: str       # how the text is known (official, leaked, reported, statements)
    status: str


@dataclass(frozen=True)
class ColourKey:
    """What the colours of an area slide mean: step 1…N of the area's scale (each step's colour is its place on the
    scale), and where Ukraine's (U) and Russia's (R) stated positions sit."""

    steps: tuple[str, ...]          # the short label of each step, first (the outcome Ukraine has sought) to last
    first: str = ""                 # the U reference in words ("Ukraine: stated position, 2026-03-02"), "" if none
    last: str = ""                  # the R reference


@dataclass(frozen=True)
class Slide:
    key: str                        # stable: "title-1", "area-territory-2", "chart-troop_caps-1", "sources-1"
    kind: str                       # title | area | chart | sources
    title: str
    subtitle: str = ""
    area: str | None = None
    chart: str | None = None
    proposal_ids: tuple[str, ...] = ()
    cards: tuple[Card, ...] = ()
    rows: tuple[TitleRow, ...] = ()
    sources: tuple[Cite, ...] = ()  # the sources slide's list
    first_number: int = 1           # number of its first source (the list continues over several slides)
    notes: tuple[Note, ...] = field(default=())
    part: int = 1
    parts: int = 1
    colours: ColourKey | None = None  # an area slide with coloured cards: its colour key


def chunks(items: Sequence, size: int) -> list[list]:
    """`items` in runs of at most `size`, as evenly as possible (5 → 3 + 2, never 4 + 1)."""
    if not items:
        return []
    count = -(-len(items) // size)
    base, extra = divmod(len(items), count)
    out, start = [], 0
    for i in range(count):
        end = start + base + (1 if i < extra else 0)
        out.append(list(items[start:end]))
        start = end
    return out


def _cite(source: Source | None, citation: Citation) -> Cite:
    if source is None:
        return Cite(citation.source, citation.source, citation.source, "n.d.", "", citation.quote or "")
    return Cite(source.id, source.title, source.publisher, source.date or "n.d.",
                source.url or ("a copy kept with this app (Sources page)" if source.seed else ""), citation.quote or "", source.date_note or "")


def proposal_cites(proposal: Proposal, citations: Iterable[Citation]) -> tuple[Cite, ...]:
    return tuple(_cite(proposal.source(c.source), c) for c in citations)


def _file_cites(sources: Sequence[Source], citations: Iterable[Citation]) -> tuple[Cite, ...]:
    by_id = {s.id: s for s in sources}
    return tuple(_cite(by_id.get(c.source), c) for c in citations)


def _unique(cites: Iterable[Cite], limit: int = MAX_CITES) -> tuple[Cite, ...]:
    seen: dict[str, Cite] = {}
    for c in cites:
        seen.setdefault(c.source_id, c)
    return tuple(seen.values())[:limit]


def _first_cite(proposal: Proposal, area: str | None = None) -> tuple[Cite, ...]:
    """The first citation of a proposal's position on `area` (or of any position): its main source."""
    keys = [area] if area else list(proposal.positions)
    for key in keys:
        position = proposal.positions.get(key)
        if position is not None and position.citations:
            return proposal_cites(proposal, position.citations[:1])
    return ()


def quantity(q, unit: str = "") -> str:
    """A number as coded, with its qualifier sign (≈ about, ≥ at least, ≤ at most)."""
    return f"{QUALIFIER_SIGNS[q.qualifier]}{q.value:,.0f}" + (f" {unit}" if unit else "")


def _pct(part: float, whole: float) -> int:
    return round(100 * part / whole)


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.1f}".rstrip("0").rstrip(".")


# ---- cards ---------------------------------------------------------------------------------

def _facts(area_key: str, proposal: Proposal, taxonomy: Taxonomy) -> tuple[str, ...]:
    position = proposal.positions.get(area_key)
    if position is None or position.not_addressed:
        return ()
    facts: list[str] = []
    if position.regions:
        by_status: dict[str, list[str]] = {}
        for region, status in position.regions.items():
            name = taxonomy.regions[region].name if region in taxonomy.regions else region
            by_status.setdefault(taxonomy.status_label(status).split(" (")[0], []).append(name)
        facts += [f"{label}: {', '.join(names)}" for label, names in by_status.items()]
    if position.dmz_width_km is not None:
        q = position.dmz_width_km
        facts.append(f"Buffer zone: {quantity(q, 'km')}")
    if position.monitors is not None:
        q = position.monitors
        facts.append(f"Monitors: {quantity(q)}")
    return tuple(facts)


def card(proposal: Proposal, area_key: str, placement: Placement, taxonomy: Taxonomy) -> Card:
    area = taxonomy.area(area_key)
    position = proposal.positions.get(area_key)
    if position is None:
        head, evidence, contested, cites = "Not addressed", "unknown", "", ()
    else:
        silent = position.silence()
        head = silent or headline(area, position, placement.value_label) or "Read the text (no scale)"
        evidence = position.evidence
        contested = "; ".join(f"{n.claim} (disputed by {n.disputed_by})" for n in position.contested)
        cites = proposal_cites(proposal, position.citations)
    return Card(
        proposal_id=proposal.id, name=proposal.short_name, date=proposal.date, kind=placement.kind,
        headline=head, scale_label=placement.value_label or "", step=placement.step, steps=placement.steps,
        first_step=placement.first_step, last_step=placement.last_step, facts=_facts(area_key, proposal, taxonomy),
        evidence=evidence, evidence_label=taxonomy.evidence_label(evidence), contested=contested, cites=cites,
    )


def colour_key(area_key: str, taxonomy: Taxonomy, refs) -> ColourKey | None:
    """The colour key of an area slide (None for an area without a scale)."""
    area = taxonomy.area(area_key)
    if not area.scale:
        return None

    def who(p: Proposal | None) -> str:
        return f"{p.short_name}, {p.date}" if p is not None else ""
    return ColourKey(tuple(s.short or s.label for s in area.scale),
                     who(refs.first) if refs is not None else "", who(refs.last) if refs is not None else "")
