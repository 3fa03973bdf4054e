"""What every page receives: the loaded data, the sidebar selection, and that selection's analysis (computed at
most once per run, and only when a view asks for it)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from components.views.sidebar import Selection
from model.analysis.selection import SelectionAnalysis, analyse
from model.data.loader import Catalogue
from model.data.reference_data import ComparatorFile, ReferenceFile


@dataclass(frozen=True)
class Context:
    catalogue: Catalogue
    references: ReferenceFile | None
    comparators: ComparatorFile | None
    selection: Selection
    url_defaults: dict[str, object]

    @cached_property
    def analysis(self) -> SelectionAnalysis:
        """The selection's placements, reference positions and differing areas: one object per run, handed to
        the matrix, the cell dialog, the area detail, the slides and the handout."""
        s = self.selection
        return analyse(s.proposals, self.catalogue.proposals, self.catalogue.taxonomy, s.areas, s.as_of)
