"""The present-mode deck (model/lessons/deck.py) and its slide HTML (components/render/slides.py), without Streamlit:
slide counts for N proposals and areas, at most four proposals a slide, speaker notes whose numbers carry citations."""
from __future__ import annotations

import math
import re

import pytest

from helpers import shipped_data
from components.render.slides import slide_html
from model.lessons.deck import CHARTS, PER_SLIDE, PER_SLIDE_BY_AREA, TITLE_ROWS, build_deck, cap_notes, charts_for, chunks, start_index

CORE = ["us-28-point-draft", "defp-armed-neutrality", "ukraine-position", "russia-position"]


@pytest.fixture(scope="module")
def data():
    return shipped_data()


def deck_for(data, ids, areas):
    catalogue, references, comparators = data
    chosen = [p for p in catalogue.proposals if p.id in ids]
    return chosen, build_deck(chosen, catalogue.proposals, catalogue.taxonomy, areas, None, references, comparators)


def test_chunks_are_even_and_at_most_the_size():
    assert [len(c) for c in chunks(list(range(5)), 4)] == [3, 2]
    assert [len(c) for c in chunks(list(range(8)), 4)] == [4, 4]
    assert [len(c) for c in chunks(list(range(9)), 4)] == [3, 3, 3]
    assert chunks([], 4) == []


@pytest.mark.parametrize("count", [1, 2, 4, 5, 9, None])
def test_slide_count_follows_proposals_and_areas(data, count):
    catalogue = data[0]
    ids = catalogue.ids if count is None else catalogue.ids[:count]
    areas = ["territory", "military_limits", "nuclear"]
    chosen, deck = deck_for(data, ids, areas)
    n = len(chosen)
    kinds = [s.kind for s in deck]
    assert kinds[0] == "title" and kinds[-1] == "sources"
    assert kinds.count("title") == math.ceil(n / TITLE_ROWS)
    for area in areas:
        size = PER_SLIDE_BY_AREA.get(area, PER_SLIDE)
        area_slides = [s for s in deck if s.kind == "area" and s.area == area]
        assert len(area_slides) == math.ceil(n / size), area
        assert [p for s in area_slides for p in s.proposal_ids] == [p.id for p in chosen]  # every proposal once, in order
    assert {s.chart for s in deck if s.kind == "chart"} == set(charts_for(areas)) == {"troop_caps", "territory"}
    assert [s.key for s in deck] == list(dict.fromkeys(s.key for s in deck)), "slide keys are unique"


def test_at_most_four_proposals_a_slide_whatever_the_selection(data):
    catalogue = data[0]
    _, deck = deck_for(data, catalogue.ids, catalogue.taxonomy.area_keys)
    assert all(len(s.cards) <= 4 for s in deck)
    assert all(len(s.proposal_ids) <= size for key, _t, _a, size in CHARTS for s in deck if s.chart == key)
    assert max(len(s.cards) for s in deck) == PER_SLIDE
    assert len([s for s in deck if s.kind == "area"]) >= len(catalogue.taxonomy.area_keys) * 2


def test_parts_are_numbered_in_titles(data):
    catalogue = data[0]
    _, deck = deck_for(data, catalogue.ids[:6], ["military_limits"])
    area = [s for s in deck if s.kind == "area"]
    assert [(s.part, s.parts) for s in area] == [(1, 2), (2, 2)]
    assert area[0].title.endswith("(1/2)")


def test_every_number_in_a_note_carries_a_citation(data):
    catalogue = data[0]
    _, deck = deck_for(data, catalogue.ids, catalogue.taxonomy.area_keys)
    notes = [n for s in deck for n in s.notes]
    assert len(notes) > 50
    names = sorted((p.short_name for p in catalogue.proposals), key=len, reverse=True)
    for note in notes:
        text = note.text
        for name in names:  # digits inside a proposal's name ("position Dec 2021") are not facts
            text = text.replace(name, "")
        if re.search(r"\d", text):
            assert note.cites, note.text
        for cite in note.cites:
            assert cite.publisher and cite.date and cite.title, cite


def test_cap_note_compares_with_pre_war_and_current_size(data):
    catalogue, references, _ = data
    draft = catalogue.get("us-28-point-draft")
    [note] = cap_notes([draft], references)
    assert "600,000" in note.text and "2.4 times" in note.text and "250,000" in note.text
    assert "%" in note.text and "sources differ" in note.text
    cited = {c.source_id for c in note.cites}
    used = {c.source for f in references.figures for c in f.citations}
    assert cited & used, "the reference figures' sources are cited"
    assert any(c.source_id in {x.source for x in draft.positions["military_limits"].citations} for c in note.cites)


def test_area_cards_carry_placement_evidence_and_source(data):
    _, deck = deck_for(data, CORE, ["military_limits"])
    [slide] = [s for s in deck if s.kind == "area"]
    cards = {c.proposal_id: c for c in slide.cards}
    draft = cards["us-28-point-draft"]
    assert draft.headline == "Cap 600,000" and draft.kind == "placed" and draft.steps and draft.step is not None
    assert draft.contested and draft.source_line != "No source recorded"
    for c in slide.cards:
        assert c.evidence_label and c.cites


def test_sources_slides_list_every_document_shown(data):
    _, deck = deck_for(data, CORE, ["territory", "military_limits"])
    listed = {c.source_id for s in deck if s.kind == "sources" for c in s.sources}
    shown = {card.cites[0].source_id for s in deck for card in s.cards if card.cites}
    assert shown <= listed
    numbers = [s.first_number for s in deck if s.kind == "sources"]
    assert numbers[0] == 1 and numbers == sorted(numbers)


def test_start_index_finds_the_first_chart(data):
    _, deck = deck_for(data, CORE, ["military_limits", "territory"])
    first = start_index(deck, "chart")
    assert deck[first - 1].kind == "chart" and all(s.kind != "chart" for s in deck[:first - 1])
    assert start_index(deck, "nothing") == 1


def test_slide_html_escapes_and_labels(data):
    _, deck = deck_for(data, CORE, ["military_limits"])
    area = next(s for s in deck if s.kind == "area")
    html = slide_html(area, 2, len(deck))
    assert f'aria-label="Slide 2 of {len(deck)}' in html and "Cap 600,000" in html
    assert "max(20px, calc(24 * var(--pv-u)))" in html and "<script" not in html  # 24 px at 1280 x 720, grows
    for slide in deck:
        if slide.kind != "chart":
            assert "Speaker notes" not in slide_html(slide, 1, len(deck))  # notes are never on the projected page
