"""The cell dialog's sources (components/views/position_detail.py): the most reliable source is listed first,
and a cell whose every source is graded low says so in plain words."""
from __future__ import annotations

from model.analysis.source_rank import rank_key
from model.data.loader import load_catalogue
from components.views.position_detail import best_first


def test_every_cell_lists_its_most_reliable_source_first():
    catalogue = load_catalogue()
    checked = 0
    for proposal in catalogue.proposals:
        for area, position in proposal.positions.items():
            cites = [c for c in position.citations if proposal.source(c.source)]
            if len(cites) < 2:
                continue
            first = proposal.source(best_first(proposal, position.citations)[0].source)
            assert rank_key(first) == min(rank_key(proposal.source(c.source)) for c in cites), (proposal.id, area)
            checked += 1
    assert checked > 20


def test_a_low_source_listed_first_in_the_file_moves_behind_a_better_one():
    catalogue = load_catalogue()
    for proposal in catalogue.proposals:
        for area, position in proposal.positions.items():
            grades = [proposal.source(c.source).reliability for c in position.citations if proposal.source(c.source)]
            if grades and grades[0] == "low" and "high" in grades:
                ordered = best_first(proposal, position.citations)
                assert proposal.source(ordered[0].source).reliability == "high"
                return
    # No such cell in the data: build one from a real proposal.
    proposal = next(p for p in catalogue.proposals if any(s.reliability == "low" for s in p.sources)
                    and any(s.reliability == "high" for s in p.sources))
    from model.data.schema import Citation
    low = next(s for s in proposal.sources if s.reliability == "low")
    high = next(s for s in proposal.sources if s.reliability == "high")
    ordered = best_first(proposal, [Citation(source=low.id), Citation(source=high.id)])
    assert [c.source for c in ordered] == [high.id, low.id]
