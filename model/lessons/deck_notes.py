"""The speaker notes of the deck's slides: facts computed from the data (caps against the army's size,
steps on a scale, region counts, contested claims, buffer zones…), each `Note` with the citations behind its
numbers. Plain data, no Streamlit."""
from __future__ import annotations

from typing import Sequence

from model.analysis.compare import placements, references
from model.data.reference_data import ComparatorFile, ReferenceFile
from model.data.schema import PUBLICATION_LABELS, Proposal
from model.data.taxonomy import Taxonomy
from model.lessons.deck_slides import (
    MAX_CITES, Note, _file_cites, _first_cite, _pct, _ratio, _unique, proposal_cites, quantity,
)


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
