"""Charts that answer "which plan ...", on the default selection (the sidebar's CORE): every proposal with a value
is on the chart, the chosen ones highlighted by more than colour (issue 16, item 2)."""
from __future__ import annotations

import re

import pytest

from components.render.caps_charts import troop_caps_figure
from components.render.guarantees_chart import NO_STANCE_ROW, guarantees_figure
from components.views.sidebar import CORE
from model.analysis.chart_data import NO_STANCE, troop_caps_view, guarantees_view
from model.data.loader import load_catalogue
from model.data.reference_data import load_reference_figures


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", " ", text).replace("  ", " ").strip()


def test_default_troop_caps_view_includes_the_smallest_cap(catalogue):
    refs, _ = load_reference_figures()
    frame = troop_caps_view(catalogue.proposals, CORE)
    fig = troop_caps_figure(frame, refs.figures)
    bars = [t for t in fig.data if t.type == "bar" and t.x != (None,)][0]
    assert 85_000 in bars.x, "Istanbul 2022, Russia's figure: the smallest cap, shown though not chosen"
    every_cap = {int(c) for c in troop_caps_view(catalogue.proposals, [])["cap"].dropna()}  # bracketed variants included
    assert min(every_cap) in bars.x and max(every_cap) in bars.x
    labels = " ".join(fig.layout.yaxis.ticktext)
    assert "85,000" in labels
    assert set(CORE) <= set(frame.loc[frame["chosen"], "proposal"]), "every chosen proposal keeps its row, capped or not"


def test_not_chosen_caps_differ_by_more_than_colour(catalogue):
    frame = troop_caps_view(catalogue.proposals, CORE)
    fig = troop_caps_figure(frame)
    bars = [t for t in fig.data if t.type == "bar" and t.x != (None,)][0]
    symbols = [t for t in fig.data if t.type == "scatter" and t.mode == "markers" and t.x != (None,) and t.hoverinfo == "skip"][0]
    picked = dict(zip(frame["label"], frame["chosen"]))
    for label, opacity, symbol in zip(bars.y, bars.marker.opacity, symbols.marker.symbol):
        assert (opacity == 1) == picked[label] and symbol.endswith("-open") != picked[label], label
    ticks = dict(zip(fig.layout.yaxis.tickvals, fig.layout.yaxis.ticktext))
    assert all(("not chosen" in ticks[label]) != picked[label] for label in picked), "the label says it in words"
    legend = [t.name for t in fig.data if t.showlegend is not False]
    assert any("chosen in the sidebar" in _plain(n) for n in legend) and any("not chosen" in _plain(n) for n in legend)
    assert "not chosen" in _plain(fig.layout.title.subtitle.text)


def _panel_names(fig, title: str) -> dict[str, bool]:
    """Proposal name -> shown in bold (chosen), in the panel with this title."""
    index = [a.text for a in fig.layout.annotations].index(f"<b>{title}</b>")
    yref = "y" if index == 0 else f"y{index + 1}"
    return {_plain(text): text.startswith("<b>") for t in fig.data if t.yaxis == yref and t.mode == "markers+text" for text in t.text}


def test_default_nato_view_shows_every_proposals_stance(catalogue):
    frame = guarantees_view(catalogue.proposals, catalogue.taxonomy, CORE)
    fig = guarantees_figure(frame, catalogue.taxonomy)
    shown = _panel_names(fig, "NATO membership")
    full = guarantees_view(catalogue.proposals, catalogue.taxonomy, [p.id for p in catalogue.proposals])
    with_stance = set(full.loc[~full["nato"].isin(NO_STANCE), "proposal_name"])
    assert with_stance <= set(shown), f"missing from the NATO panel: {with_stance - set(shown)}"
    chosen = {p.short_name for p in catalogue.proposals if p.id in CORE}
    assert chosen <= set(shown) and all(shown[n] for n in chosen), "every chosen proposal is there, in bold"
    assert not any(shown[n] for n in set(shown) - chosen), "the others are not bold"
    joins = set(full.loc[full["nato"].str.contains("sought|door left open", regex=True), "proposal_name"])
    assert joins and joins <= set(shown), "the plans that would let Ukraine join are on the default chart"


def test_guarantees_rows_are_labelled_and_names_never_overlap(catalogue):
    frame = guarantees_view(catalogue.proposals, catalogue.taxonomy, CORE)
    fig = guarantees_figure(frame, catalogue.taxonomy)
    for axis_name, axis in fig.layout.to_plotly_json().items():
        if axis_name.startswith("yaxis"):
            assert _plain(axis["ticktext"][-1].replace("<br>", " ")) == NO_STANCE_ROW
    places = [(t.yaxis, x, y) for t in fig.data if t.x != (None,) and t.mode in ("markers+text", "text") for x, y in zip(t.x, t.y)]
    assert len(places) == len(set(places)), "no two names at the same place"
    legend = [_plain(t.name) for t in fig.data if t.showlegend is not False]
    assert any("chosen in the sidebar" in n for n in legend) and any("not chosen" in n for n in legend)
