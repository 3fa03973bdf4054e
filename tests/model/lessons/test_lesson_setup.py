"""Issue 17: ready-made lessons (model/lessons/deck_presets.py), the colour key of area slides, the "position
moved" slide order, the worksheet (the quiz's own questions) and the printable notes sheet (plain words)."""
from __future__ import annotations

import re

import pytest

from helpers import shipped_data
from components.render.lesson_sheets import notes_sheet_html, worksheet_html
from components.render.slides import colour_key_html, slide_html
from model.analysis.compare import snapshots
from model.lessons.deck import build_deck
from model.lessons.deck_presets import PRESET_KEYS, preset, presets
from model.lessons.quiz import generate
from model.lessons.worksheet import worksheet, worksheet_seed


@pytest.fixture(scope="module")
def data():
    return shipped_data()


def deck(data, ids, areas, by_party=False):
    catalogue, references, comparators = data
    chosen = [p for p in catalogue.proposals if p.id in ids]
    return build_deck(chosen, catalogue.proposals, catalogue.taxonomy, areas, None, references, comparators, by_party=by_party)


def test_presets_name_the_lessons_of_the_issue(data):
    catalogue = data[0]
    found = {p.key: p for p in presets(catalogue.proposals, catalogue.taxonomy)}
    assert tuple(found) == PRESET_KEYS
    ttg = found["territory_troops_guarantees"]
    assert ttg.label == "Territory, troops and guarantees"
    assert ttg.areas == ("territory", "military_limits", "security_guarantees")
    assert ttg.proposals == ("us-28-point-draft", "ukraine-position", "russia-position")
    moved = found["positions_moved"]
    assert moved.label == "How each party's position moved" and moved.by_party
    ukraine = [p.id for p in snapshots(catalogue.proposals, catalogue.taxonomy.scale_anchors.first)]
    assert len(ukraine) >= 3 and set(ukraine) <= set(moved.proposals)
    for p in found.values():
        assert set(p.proposals) <= set(catalogue.ids) and set(p.areas) <= set(catalogue.taxonomy.area_keys)
    assert preset("nothing", catalogue.proposals, catalogue.taxonomy) is None


def test_moved_lesson_shows_each_party_in_date_order(data):
    catalogue = data[0]
    moved = preset("positions_moved", catalogue.proposals, catalogue.taxonomy)
    slides = deck(data, moved.proposals, ["military_limits"], by_party=True)
    area = [s for s in slides if s.kind == "area"]
    assert area[0].title.startswith("Military limits: Ukraine's stated positions")
    assert any("Russia's stated positions" in s.title for s in area)
    shown = [pid for s in area for pid in s.proposal_ids]
    by_id = {p.id: p for p in catalogue.proposals}
    ukraine = [pid for pid in shown if by_id[pid].party == "ukraine"]
    assert [by_id[p].date for p in ukraine] == sorted(by_id[p].date for p in ukraine)
    assert all(len(s.proposal_ids) <= 3 for s in area)


def test_every_coloured_area_slide_carries_its_colour_key(data):
    catalogue = data[0]
    slides = deck(data, ["us-28-point-draft", "ukraine-position", "russia-position"], catalogue.taxonomy.area_keys)
    for s in slides:
        if s.kind != "area":
            continue
        coloured = any(c.kind == "placed" for c in s.cards)
        assert (s.colours is not None) == coloured, s.key
        if coloured:
            scale = catalogue.taxonomy.area(s.area).scale
            assert len(s.colours.steps) == len(scale)
            html = slide_html(s, 2, len(slides))
            assert 'aria-label="Colour key"' in html and f"{len(scale)} = what Russia has sought" in html
            assert "<b>U</b> = Ukraine" in html and "<b>R</b> = Russia" in html
    assert colour_key_html(None) == ""


def test_worksheet_is_the_online_quiz_with_the_same_number(data):
    catalogue = data[0]
    areas = ["territory", "military_limits", "security_guarantees"]
    sheet = worksheet(catalogue, areas, ["us-28-point-draft", "ukraine-position"])
    assert sheet.seed == worksheet_seed(["us-28-point-draft", "ukraine-position"], areas)
    assert 1 <= sheet.seed <= 9999 and 3 <= len(sheet.questions) <= 8
    online = generate(catalogue, sheet.seed, sheet.n, tuple(areas))
    assert [q.prompt for q in online] == [q.prompt for q in sheet.questions]
    assert [q.answer for q in online] == [q.answer for q in sheet.questions]
    assert sheet.quiz_link == f"/quiz?seed={sheet.seed}&n={sheet.n}&areas=territory,military_limits,security_guarantees"
    assert worksheet(catalogue, catalogue.taxonomy.area_keys, seed=42).quiz_link == "/quiz?seed=42&n=6"
    html = worksheet_html(sheet, ["Territory"], "https://example.org")
    assert f"Quiz number {sheet.seed}" in html and "https://example.org/quiz?seed=" in html
    assert html.count('class="lines"') == len(sheet.questions) and "Answer key" in html
    for q in sheet.questions:
        assert q.correct.label.replace("&", "&amp;").replace('"', "&quot;") in html or q.correct.label in html


def test_notes_sheet_is_plain_words(data):
    catalogue = data[0]
    slides = deck(data, catalogue.ids, catalogue.taxonomy.area_keys)
    html = notes_sheet_html(slides, "today")
    assert "Speaker notes" in html and "not shown on the projected slides" in html
    assert html.count('<section class="slide">') == len(slides)
    text = re.sub(r"<[^>]+>", " ", html)
    assert not re.search(r"\bseed\b|\.ya?ml\b|\.txt\b|seed-\d", text, re.I), re.search(r".{40}(seed|\.ya?ml|\.txt).{40}", text, re.I)
    ids = {c.source_id for s in slides for n in s.notes for c in n.cites}
    assert not [i for i in ids if re.search(rf"\b{re.escape(i)}\b", text) and "-" in i]
    assert "pre-war army" in text
