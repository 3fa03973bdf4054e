"""What every page receives: the loaded data and the sidebar selection."""
from __future__ import annotations

from dataclasses import dataclass

from components.views.sidebar import Selection
from model.data.loader import Catalogue
from model.data.reference_data import ComparatorFile, ReferenceFile


@dataclass(frozen=True)
class Context:
    catalogue: Catalogue
    references: ReferenceFile | None
    comparators: ComparatorFile | None
    selection: Selection
    url_defaults: dict[str, object]
