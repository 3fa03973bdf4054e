"""One selection, analysed once per run: the chosen proposals' placements on every area's scale, the parties'
reference positions at the chosen month, and the areas on which the chosen proposals differ.

A page builds one `SelectionAnalysis` per script run and hands it to every view of that selection: the matrix,
the cell dialog, the area detail, the slides and the handout. Each value is computed the first time a view asks
for it and then reused, so a view that is not drawn costs nothing and no view recomputes what another has."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Sequence

from model.analysis.compare import Placement, References, differing_areas, placements, references
from model.data.schema import Proposal
from model.data.taxonomy import Taxonomy


@dataclass(frozen=True)
class SelectionAnalysis:
    """The chosen `proposals` and `areas` (in display order) against the whole catalogue, as of `as_of`
    (a YYYY-MM month of the parties' positions; None = their latest)."""

    proposals: tuple[Proposal, ...]
    all_proposals: tuple[Proposal, ...]
    taxonomy: Taxonomy
    areas: tuple[str, ...]
    as_of: str | None = None

    @cached_property
    def references(self) -> References:
        """The parties' snapshots in force at `as_of`: the U and R markers."""
        return references(self.all_proposals, self.taxonomy, self.as_of)

    @cached_property
    def placed(self) -> dict[tuple[str, str], Placement]:
        """Placement for every (area key, proposal id) of the chosen proposals, on every area."""
        return placements(self.proposals, self.all_proposals, self.taxonomy, self.as_of)

    @cached_property
    def differing(self) -> tuple[str, ...]:
        """The chosen areas on which the chosen proposals do not all agree, in display order."""
        return tuple(differing_areas(self.proposals, self.taxonomy, self.areas))

    def placement(self, area: str, proposal_id: str) -> Placement:
        return self.placed[(area, proposal_id)]


def analyse(proposals: Sequence[Proposal], all_proposals: Sequence[Proposal], taxonomy: Taxonomy,
            areas: Sequence[str], as_of: str | None = None) -> SelectionAnalysis:
    """The per-run analysis of one selection (nothing is computed until a view asks)."""
    return SelectionAnalysis(tuple(proposals), tuple(all_proposals), taxonomy, tuple(areas), as_of)
