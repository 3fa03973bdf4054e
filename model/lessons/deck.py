"""The slide deck built from a selection (present mode), as plain data: no Streamlit,
no HTML. A title slide, one slide per chosen area (at most four proposals per slide:
more proposals give more slides, never smaller text), one slide per chart, and the
sources cited on the slides. Each slide carries speaker notes: facts computed from
the data, every one with the citations behind its numbers."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

from model.analysis.chart_data import QUALIFIER_SIGNS
from model.analysis.compare import Placement, headline, placements, references
from model.data.reference_data import ComparatorFile, ReferenceFile
from model.data.schema import PUBLICATION_LABELS, STATUS_LABELS, Citation, Proposal, Source
from model.data.taxonomy import Taxonomy

PER_SLIDE = 4          # proposals side by side on an area slide
PER_SLIDE_BY_AREA = {"territory": 3}  # region lists are long: three a slide keeps 24-px text on one screen
TITLE_ROWS = 7         # proposals listed on one title slide
SOURCES_PER_SLIDE = 7  # documents listed on one sources slide
# Charts, in deck order: (key, title, areas that make the chart relevant, proposals per slide)
CHARTS: tuple[tuple[str, str, tuple[str, ...], int], ...] = (
    ("troop_caps", "Caps on Ukraine's armed forces", ("military_limits",), 8),
    ("territory", "Territory: the status of each region", ("territory",), 3),
    ("guarantees", "Security guarantees and alliances", ("security_guarantees", "alliances"), 4),
    ("ceasefire", "Ceasefire lines and buffer zones, for scale", ("ceasefire_and_monitoring",), 4),
)
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
                source.url or (f"seed file {source.seed}" if source.seed else ""), citation.quote or "", source.date_note or "")


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


# ---- speaker notes -------------------------------------------------------------------------

def cap_notes(proposals: Sequence[Proposal], reference_file: ReferenceFile | None) -> list[Note]:
    """Each numeric cap against Ukraine's pre-war army and its reported current size (sources differ)."""
    if reference_file is None:
        return []
    figures = reference_file.figures
    prewar = [f for f in figures if f.kind == "pre_war_size"]
    current = [f for f in figures if f.kind == "current_size"]
    ref_cites = lambda items: _file_cites(reference_file.sources, (c for f in items for c in f.citations))
    notes = []
    for p in proposals:
        position = p.positions.get("military_limits")
        if position is None or position.not_addressed or not isinstance(position.troop_cap, int):
            continue
        cap = position.troop_cap
        parts = []
        if prewar:
            base = prewar[0].value
            parts.append(f"about {_ratio(cap, base)} times Ukraine's pre-war army (about {base:,})")
        if current:
            low = min(f.value for f in current)
            high = max(f.high or f.value for f in current)
            lo_pct, hi_pct = _pct(cap, high), _pct(cap, low)
            share = f"about {lo_pct} %" if lo_pct == hi_pct else f"about {lo_pct}–{hi_pct} %"
            parts.append(f"{share} of its reported current size ({low:,} to more than {high:,}; sources differ)")
        if parts:
            cites = _unique(proposal_cites(p, position.citations[:1]) + ref_cites(prewar + current), 5)
            notes.append(Note(f"{p.short_name}: its {cap:,} cap is " + " and ".join(parts) + ".", cites))
    return notes


def _scale_notes(area_key: str, proposals: Sequence[Proposal], placed: dict, taxonomy: Taxonomy, refs) -> list[Note]:
    area = taxonomy.area(area_key)
    if not area.scale:
        return []
    notes = []
    by_step: dict[int, list[Proposal]] = {}
    for p in proposals:
        pl = placed[(area_key, p.id)]
        if pl.kind == "placed":
            by_step.setdefault(pl.step, []).append(p)
    steps = len(area.scale)
    for step in sorted(by_step):
        group = by_step[step]
        names = ", ".join(p.short_name for p in group)
        ends = {0: " (the outcome Ukraine has sought)", steps - 1: " (the outcome Russia has sought)"}.get(step, "")
        cites = _unique(c for p in group for c in _first_cite(p, area_key))
        notes.append(Note(f"{names}: step {step + 1} of {steps}, ‘{area.scale[step].label}’{ends}.", cites))
    for who, ref in (("Ukraine's", refs.first), ("Russia's", refs.last)):
        position = ref.positions.get(area_key) if ref else None
        value = getattr(position, area.scale_field, None) if position and not position.not_addressed and area.scale_field else None
        keys = area.scale_keys()
        if value in keys:
            notes.append(Note(f"{who} stated position ({ref.short_name}, {ref.date}) sits at step {keys.index(value) + 1} of {steps}.",
                              proposal_cites(ref, position.citations[:1])))
    return notes


def _territory_notes(proposals: Sequence[Proposal], taxonomy: Taxonomy) -> list[Note]:
    notes = []
    for p in proposals:
        position = p.positions.get("territory")
        if position is None or position.not_addressed or not position.regions:
            continue
        russian = [r for r, s in position.regions.items() if s.startswith("russian") or s == "frozen_de_facto_recognition"]
        ukrainian = [r for r, s in position.regions.items() if s == "ukrainian"]
        text = f"{p.short_name} names {len(position.regions)} regions: {len(russian)} go to Russian control in some form"
        text += f", {len(ukrainian)} stay Ukrainian" if ukrainian else ""
        notes.append(Note(text + ".", proposal_cites(p, position.citations[:1])))
    return notes


def _contested_notes(proposals: Sequence[Proposal], area_key: str) -> list[Note]:
    notes = []
    for p in proposals:
        position = p.positions.get(area_key)
        for n in (position.contested if position else []):
            notes.append(Note(f"Contested ({p.short_name}): {n.claim.rstrip('.')}. Disputed by: {n.disputed_by.rstrip('.')}.",
                              _unique(proposal_cites(p, n.citations))))
    return notes


def area_notes(area_key: str, proposals: Sequence[Proposal], placed: dict, taxonomy: Taxonomy, refs,
               reference_file: ReferenceFile | None) -> tuple[Note, ...]:
    notes: list[Note] = []
    if area_key == "military_limits":
        notes += cap_notes(proposals, reference_file)
    if area_key == "territory":
        notes += _territory_notes(proposals, taxonomy)
    notes += _scale_notes(area_key, proposals, placed, taxonomy, refs)
    notes += _contested_notes(proposals, area_key)
    silent = [p for p in proposals if (pos := p.positions.get(area_key)) is None or pos.not_addressed]
    if silent:
        notes.append(Note(f"Silent on this area: {', '.join(p.short_name for p in silent)}.",
                          _unique(c for p in silent for c in _first_cite(p, area_key))))
    return tuple(notes)


def title_notes(proposals: Sequence[Proposal]) -> tuple[Note, ...]:
    counts: dict[str, list[Proposal]] = {}
    for p in proposals:
        counts.setdefault(p.publication, []).append(p)
    parts = [f"{len(group)} {PUBLICATION_LABELS[kind].lower()}" for kind, group in counts.items()]
    dated = sorted(proposals, key=lambda p: p.date)
    notes = [Note(f"{len(proposals)} texts on these slides: " + "; ".join(parts) + ".",
                  _unique((c for p in proposals for c in _first_cite(p)), MAX_CITES))]
    if len(dated) > 1:
        notes.append(Note(f"Oldest: {dated[0].short_name} ({dated[0].date}); newest: {dated[-1].short_name} ({dated[-1].date}).",
                          _first_cite(dated[0]) + _first_cite(dated[-1])))
    return tuple(notes)


def chart_notes(chart: str, proposals: Sequence[Proposal], taxonomy: Taxonomy, reference_file: ReferenceFile | None,
                comparators: ComparatorFile | None) -> tuple[Note, ...]:
    notes: list[Note] = []
    if chart == "troop_caps":
        capped = [(p, p.positions["military_limits"]) for p in proposals
                  if "military_limits" in p.positions and isinstance(p.positions["military_limits"].troop_cap, int)]
        if capped:
            low = min(capped, key=lambda x: x[1].troop_cap)
            high = max(capped, key=lambda x: x[1].troop_cap)
            notes.append(Note(f"Caps here run from {low[1].troop_cap:,} ({low[0].short_name}) to {high[1].troop_cap:,} ({high[0].short_name}).",
                              _unique(proposal_cites(low[0], low[1].citations[:1]) + proposal_cites(high[0], high[1].citations[:1]))))
        uncapped = [p for p in proposals if (pos := p.positions.get("military_limits")) and pos.troop_cap == "no_cap"]
        if uncapped:
            notes.append(Note(f"No cap at all: {', '.join(p.short_name for p in uncapped)}.",
                              _unique(c for p in uncapped for c in _first_cite(p, "military_limits"))))
        notes += cap_notes(proposals, reference_file)[:2]
    elif chart == "territory":
        notes += _territory_notes(proposals, taxonomy)
    elif chart == "guarantees":
        notes += _scale_notes("security_guarantees", proposals, placements(proposals, proposals, taxonomy), taxonomy,
                              references((), taxonomy))
        nato = [p for p in proposals if (a := p.positions.get("alliances")) and not a.not_addressed and a.nato]
        if nato:
            labels = "; ".join(f"{p.short_name}: {taxonomy.label('alliances', 'nato', p.positions['alliances'].nato)}" for p in nato)
            notes.append(Note(f"On NATO: {labels}.", _unique(c for p in nato for c in _first_cite(p, "alliances"))))
    elif chart == "ceasefire" and comparators is not None:
        for c in comparators.comparators:
            if c.zone_width_km is not None:
                q = c.zone_width_km
                notes.append(Note(f"{c.name} ({c.year}): buffer zone {quantity(q, 'km')}.",
                                  _unique(_file_cites(comparators.sources, c.citations))))
        for p in proposals:
            position = p.positions.get("ceasefire_and_monitoring")
            if position and not position.not_addressed and position.dmz_width_km is not None:
                q = position.dmz_width_km
                notes.append(Note(f"{p.short_name}: buffer zone {quantity(q, 'km')}.",
                                  proposal_cites(p, position.citations[:1])))
    return tuple(notes)


# ---- the deck ------------------------------------------------------------------------------

def charts_for(areas: Sequence[str]) -> list[str]:
    """The charts that belong to a selection of areas, in deck order."""
    return [key for key, _t, needs, _n in CHARTS if any(a in areas for a in needs)]


def chart_proposals(chart: str, proposals: Sequence[Proposal]) -> list[Proposal]:
    """The proposals a chart slide draws (the ceasefire chart: only those setting a zone width or monitors)."""
    if chart == "ceasefire":
        return [p for p in proposals if (pos := p.positions.get("ceasefire_and_monitoring")) is not None
                and not pos.not_addressed and (pos.dmz_width_km is not None or pos.monitors is not None)]
    return list(proposals)


def _parts(slides: list[Slide]) -> list[Slide]:
    from dataclasses import replace
    return [replace(s, part=i + 1, parts=len(slides),
                    title=s.title + (f" ({i + 1}/{len(slides)})" if len(slides) > 1 else "")) for i, s in enumerate(slides)]


def build_deck(proposals: Sequence[Proposal], all_proposals: Sequence[Proposal], taxonomy: Taxonomy,
               areas: Sequence[str], as_of: str | None = None, reference_file: ReferenceFile | None = None,
               comparators: ComparatorFile | None = None) -> tuple[Slide, ...]:
    """Every slide for this selection, in order."""
    proposals = list(proposals)
    placed = placements(proposals, all_proposals, taxonomy, as_of)
    refs = references(all_proposals, taxonomy, as_of)
    slides: list[Slide] = []
    notes = title_notes(proposals) if proposals else ()
    titles = [Slide(f"title-{i + 1}", "title", "Peace proposals compared",
                    subtitle=f"{len(proposals)} proposals · {len(areas)} issue areas",
                    rows=tuple(TitleRow(p.short_name, p.date, PUBLICATION_LABELS[p.publication], STATUS_LABELS[p.status]) for p in group),
                    proposal_ids=tuple(p.id for p in group), notes=notes if i == 0 else ())
              for i, group in enumerate(chunks(proposals, TITLE_ROWS) or [[]])]
    slides += _parts(titles)
    for area_key in areas:
        area = taxonomy.area(area_key)
        groups = chunks(proposals, PER_SLIDE_BY_AREA.get(area_key, PER_SLIDE))
        area_slides = [Slide(f"area-{area_key}-{i + 1}", "area", area.title, subtitle=area.description or "", area=area_key,
                             proposal_ids=tuple(p.id for p in group),
                             cards=tuple(card(p, area_key, placed[(area_key, p.id)], taxonomy) for p in group),
                             notes=area_notes(area_key, group, placed, taxonomy, refs, reference_file))
                       for i, group in enumerate(groups)]
        slides += _parts(area_slides)
    for key, title, _needs, size in CHARTS:
        if key not in charts_for(areas):
            continue
        drawn = chart_proposals(key, proposals)
        groups = chunks(drawn, size) or ([[]] if key == "ceasefire" else [])
        chart_slides = [Slide(f"chart-{key}-{i + 1}", "chart", title, chart=key, proposal_ids=tuple(p.id for p in group),
                              notes=chart_notes(key, group, taxonomy, reference_file, comparators))
                        for i, group in enumerate(groups)]
        slides += _parts(chart_slides)
    cited = _unique((x for s in slides for card_ in s.cards for x in card_.cites[:1]), limit=10_000)  # what the slides show
    cited += chart_sources(slides, proposals, reference_file, comparators, exclude={c.source_id for c in cited})
    source_slides = [Slide(f"sources-{i + 1}", "sources", "Sources cited on these slides", sources=tuple(group),
                           first_number=1 + sum(len(g) for g in chunks(cited, SOURCES_PER_SLIDE)[:i]),
                           notes=(Note(f"{len(cited)} documents are cited on these slides; each one's reliability is described on the Sources page.",
                                       tuple(group[:MAX_CITES])),) if i == 0 else ())
                     for i, group in enumerate(chunks(cited, SOURCES_PER_SLIDE))]
    slides += _parts(source_slides)
    return tuple(slides)


def chart_sources(slides: Sequence[Slide], proposals: Sequence[Proposal], reference_file: ReferenceFile | None,
                  comparators: ComparatorFile | None, exclude: set[str]) -> tuple[Cite, ...]:
    """Documents behind the chart slides' data that no card or note has cited yet."""
    charts = {s.chart for s in slides if s.kind == "chart"}
    extra: list[Cite] = []
    if "troop_caps" in charts and reference_file is not None:
        extra += _file_cites(reference_file.sources, (c for f in reference_file.figures for c in f.citations))
    if "ceasefire" in charts and comparators is not None:
        extra += _file_cites(comparators.sources, (c for x in comparators.comparators for c in x.citations))
    areas = {"troop_caps": ("military_limits",), "territory": ("territory",),
             "guarantees": ("security_guarantees", "alliances"), "ceasefire": ("ceasefire_and_monitoring",)}
    for chart in charts:
        for p in proposals:
            for a in areas.get(chart, ()):
                extra += _first_cite(p, a) if a in p.positions else ()
    return tuple(c for c in _unique(extra, limit=10_000) if c.source_id not in exclude)


def start_index(slides: Sequence[Slide], kind: str) -> int:
    """1-based number of the first slide of `kind` (1 when there is none)."""
    return next((i + 1 for i, s in enumerate(slides) if s.kind == kind), 1)
