"""The slide deck built from a selection (present mode), as plain data: no Streamlit,
no HTML. A title slide, one slide per chosen area (at most four proposals per slide:
more proposals give more slides, never smaller text), one slide per chart, and the
sources cited on the slides. Each slide carries speaker notes: facts computed from
the data, every one with the citations behind its numbers.

This module assembles the deck (`build_deck`, `charts_for`, `chart_sources`, `start_index`); what a slide is
made of is in `model.lessons.deck_slides`, the speaker notes in `model.lessons.deck_notes`."""
from __future__ import annotations

from typing import Sequence

from model.analysis.compare import placements, references
from model.data.reference_data import ComparatorFile, ReferenceFile
from model.data.schema import PUBLICATION_LABELS, STATUS_LABELS, Proposal
from model.data.taxonomy import Taxonomy
from model.lessons.deck_notes import area_notes, cap_notes, chart_notes, title_notes  # noqa: F401 - importable from here
from model.lessons.deck_presets import party_groups
from model.lessons.deck_slides import (  # noqa: F401
    MAX_CITES, Card, Cite, ColourKey, Note, Slide, TitleRow, _file_cites, _first_cite, _unique, card, chunks, colour_key,
    proposal_cites, quantity,
)

PER_SLIDE = 4          # proposals side by side on an area slide
PER_SLIDE_BY_AREA = {"territory": 2}  # region lists are long: two a slide keep 24-px text and the colour key on one screen
PER_PARTY_SLIDE = 3    # a "position moved" lesson: one party's dated positions, three a slide
TITLE_ROWS = 6         # proposals listed on one title slide
SOURCES_PER_SLIDE = 7  # documents listed on one sources slide
# Charts, in deck order: (key, title, areas that make the chart relevant, proposals per slide)
CHARTS: tuple[tuple[str, str, tuple[str, ...], int], ...] = (
    ("troop_caps", "Caps on Ukraine's armed forces", ("military_limits",), 8),
    ("territory", "Territory: the status of each region", ("territory",), 3),
    ("guarantees", "Security guarantees and alliances", ("security_guarantees", "alliances"), 4),
    ("ceasefire", "Ceasefire lines and buffer zones, for scale", ("ceasefire_and_monitoring",), 4),
)


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


def _area_groups(area_key: str, proposals: list[Proposal], all_proposals: Sequence[Proposal], taxonomy: Taxonomy,
                 by_party: bool) -> list[tuple[str, list[Proposal]]]:
    """(heading, proposals) of each area slide: runs of the selection, or each party's positions in date order."""
    if not by_party:
        return [("", group) for group in chunks(proposals, PER_SLIDE_BY_AREA.get(area_key, PER_SLIDE))]
    return [(heading, group) for heading, members in party_groups(proposals, all_proposals, taxonomy)
            for group in chunks(members, min(PER_PARTY_SLIDE, PER_SLIDE_BY_AREA.get(area_key, PER_SLIDE)))]


def build_deck(proposals: Sequence[Proposal], all_proposals: Sequence[Proposal], taxonomy: Taxonomy,
               areas: Sequence[str], as_of: str | None = None, reference_file: ReferenceFile | None = None,
               comparators: ComparatorFile | None = None, *, placed: dict | None = None, refs=None,
               by_party: bool = False) -> tuple[Slide, ...]:
    """Every slide for this selection, in order. `placed` and `refs` are the selection's placements and reference
    positions when the page has them (`Context.analysis`); otherwise they are computed here. `by_party`: the area
    slides show each party's stated positions in date order (the "How each party's position moved" lesson)."""
    proposals = list(proposals)
    placed = placed if placed is not None else placements(proposals, all_proposals, taxonomy, as_of)
    refs = refs if refs is not None else references(all_proposals, taxonomy, as_of)
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
        key = colour_key(area_key, taxonomy, refs)
        groups = _area_groups(area_key, proposals, all_proposals, taxonomy, by_party)
        area_slides = [Slide(f"area-{area_key}-{i + 1}", "area", area.title + (f": {heading}" if heading else ""),
                             subtitle=area.description or "", area=area_key, proposal_ids=tuple(p.id for p in group),
                             cards=tuple(card(p, area_key, placed[(area_key, p.id)], taxonomy) for p in group),
                             notes=area_notes(area_key, group, placed, taxonomy, refs, reference_file),
                             colours=key if any(placed[(area_key, p.id)].kind == "placed" for p in group) else None)
                       for i, (heading, group) in enumerate(groups)]
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
