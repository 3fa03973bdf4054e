"""The per-run selection analysis (model/analysis/selection.py): placements, reference positions and differing
areas are computed once per run, only when a view asks, and agree with the functions the views used before."""
from __future__ import annotations

import pytest

from model.analysis import selection as selection_module
from model.analysis.compare import differing_areas, placements, references
from model.data.loader import load_catalogue

CORE = ("us-28-point-draft", "defp-armed-neutrality", "ukraine-position", "russia-position")


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def _analysis(catalogue, as_of=None):
    chosen = [p for p in catalogue.proposals if p.id in CORE]
    return selection_module.analyse(chosen, catalogue.proposals, catalogue.taxonomy, catalogue.taxonomy.area_keys, as_of)


def test_values_match_the_direct_computation(catalogue):
    a = _analysis(catalogue, "2024-06")
    assert a.placed == placements(a.proposals, catalogue.proposals, catalogue.taxonomy, "2024-06")
    assert a.references == references(catalogue.proposals, catalogue.taxonomy, "2024-06")
    assert list(a.differing) == differing_areas(a.proposals, catalogue.taxonomy, a.areas)
    pid = a.proposals[0].id
    assert a.placement("territory", pid) is a.placed[("territory", pid)]


def test_placements_are_computed_once_and_only_when_asked(catalogue, monkeypatch):
    calls = []
    real = selection_module.placements
    monkeypatch.setattr(selection_module, "placements", lambda *args: calls.append(args) or real(*args))
    a = _analysis(catalogue)
    assert calls == [], "nothing is computed before a view asks"
    for _ in range(3):  # the matrix, the dialog and the handout each ask
        a.placed
        a.placement("territory", a.proposals[0].id)
    assert len(calls) == 1


def test_context_hands_every_view_the_same_analysis(catalogue):
    from components.state.context import Context
    from components.views.sidebar import Selection

    chosen = tuple(p for p in catalogue.proposals if p.id in CORE)
    context = Context(catalogue, None, None, Selection(chosen, ("territory", "alliances")), {})
    assert context.analysis is context.analysis
    assert context.analysis.areas == ("territory", "alliances")
    assert {pid for _, pid in context.analysis.placed} == set(CORE)


def test_chart_rows_list_their_most_reliable_source_first(catalogue):
    """Issue 21: every chart row's `sources` starts with its best source, and `best_source` names it in words."""
    from model.analysis.chart_data import troop_caps_frame
    from model.analysis.source_rank import rank_key

    frame = troop_caps_frame(catalogue.proposals)
    checked = 0
    for row in frame.itertuples():
        proposal = catalogue.get(row.proposal)
        ids = [i.strip() for i in row.sources.split(";") if i.strip()]
        known = [proposal.source(i) for i in ids if proposal.source(i)]
        if len(known) < 2:
            continue
        assert rank_key(known[0]) == min(rank_key(s) for s in known), row.proposal
        assert row.best_source.startswith(known[0].publisher)
        checked += 1
    assert checked >= 3
