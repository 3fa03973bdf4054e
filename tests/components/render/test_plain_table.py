"""Tables and maps as students read them (issue 20): a chart's table on screen has plain headers and values in
words while its CSV keeps the data columns; phones get one card per row; coded keys inside notes read as labels;
the territory maps carry a one-map-a-row layout for phones; the phone gets no plotly mode bar."""
from __future__ import annotations

import pandas as pd

from components.render.plain_table import EMPTY, cards_html, for_students
from components.views import plot_view
from model.analysis.chart_data import guarantees_view, territory_frame, timeline_frame, troop_caps_view
from model.data.key_words import in_words, key_labels
from model.data.loader import load_catalogue
from plain_words import problems

CATALOGUE = load_catalogue()
CORE = ["us-28-point-draft", "defp-armed-neutrality", "ukraine-position", "russia-position"]
SOURCE_WORDS = {s.id: f"{s.publisher}, {s.date or 'undated'}" for s in CATALOGUE.registry.sources.values()}


def _frames() -> dict[str, pd.DataFrame]:
    chosen = [CATALOGUE.get(p) for p in CORE]
    return {
        "caps": troop_caps_view(CATALOGUE.proposals, CORE),
        "territory": territory_frame(chosen, CATALOGUE.taxonomy),
        "guarantees": guarantees_view(CATALOGUE.proposals, CATALOGUE.taxonomy, CORE),
        "timeline": timeline_frame(CATALOGUE.proposals),
    }


def test_chart_tables_on_screen_are_plain_words_and_the_data_keeps_its_columns():
    labels = key_labels(CATALOGUE.taxonomy)
    for name, frame in _frames().items():
        columns = list(frame.columns)
        shown = for_students(frame, SOURCE_WORDS, labels=labels)
        assert list(frame.columns) == columns, "the CSV's frame is left as it is"
        text = " | ".join([*shown.columns, *(str(v) for v in shown.to_numpy().ravel())])
        found = problems(text, name)
        assert not found, "\n".join(found[:20])
        assert "None" not in shown.to_numpy().ravel()


def test_values_in_words():
    frame = pd.DataFrame({"proposal": ["x"], "proposal_name": ["X"], "party": ["think_tank"],
                          "cap": pd.array([85000], dtype="Int64"), "status": ["cap_unspecified"],
                          "status_label": ["Cap demanded, no number given"], "note": [None], "chosen": [True],
                          "sources": ["globalnews-2025-11"]})
    row = for_students(frame, {"globalnews-2025-11": "Global News, 2025-11"}).iloc[0].to_dict()
    assert row == {"Proposal": "X", "Drafted by": "Think tank", "Cap on Ukraine's forces": "85,000",
                   "What it says": "Cap demanded, no number given", "Note": EMPTY, "Chosen in the sidebar": "yes",
                   "Sources": "Global News, 2025-11"}


def test_cards_one_per_row_escaped():
    shown = pd.DataFrame({"Proposal": ["<b>A</b>", "B"], "Cap": ["1", EMPTY]})
    html = cards_html(shown)
    assert html.count('class="pt-card"') == 2 and "&lt;b&gt;A&lt;/b&gt;" in html
    assert "<dt>Cap</dt><dd>1</dd>" in html and html.count("<dt>") == 1, "empty cells are left out of a card"


def test_coded_keys_in_notes_read_as_labels():
    labels = key_labels(CATALOGUE.taxonomy)
    text = in_words("Coded russian_de_jure, not demilitarized_buffer; see some_other_key.", labels)
    assert text == "Coded “Russian de jure”, not “Demilitarised buffer zone”; see some other key."


def test_territory_maps_carry_a_one_map_a_row_layout_for_phones():
    from components.render.map_figure import territory_maps

    frame = territory_frame([CATALOGUE.get(p) for p in CORE], CATALOGUE.taxonomy)
    fig = territory_maps(frame, None, CATALOGUE.taxonomy, control=False)
    phone = fig.layout.meta["phone_layout"]
    domains = [phone[f"xaxis{'' if i == 0 else i + 1}"]["domain"] for i in range(4)]
    assert all(d == [0.0, 1.0] for d in domains), "each map the full width"
    rows = sorted(phone[f"yaxis{'' if i == 0 else i + 1}"]["domain"][0] for i in range(4))
    assert len(set(rows)) == 4, "one map a row"
    assert phone["height"] > fig.layout.height


def test_phones_get_no_mode_bar():
    assert "displayModeBar: false" in plot_view.JS and "max-width: 699.98px" in plot_view.JS
