"""What every page receives: the loaded data and the sidebar selection."""
from __future__ import annotations

from dataclasses import dataclass

from components.sidebar import Selection
from model.loader import Catalogue
from model.reference_data import ComparatorFile, ReferenceFile


@dataclass(frozen=True)
class Context:
    catalogue: Catalogue
    references: ReferenceFile | None
    comparators: ComparatorFile | None
    selection: Selection
    url_defaults: dict[str, object]
