"""Coded keys in words, for notes written by coders and read by students: a coding note such as
"Coded ceasefire_with_settlement; the alternative is article5_like" is shown as "Coded “Ceasefire with the
settlement”; the alternative is “Article 5-like guarantee”". Every key of the taxonomy (areas, scale steps,
region statuses, fields and their values, evidence levels, regions) maps to its label; any other snake_case
token is written with spaces. The YAML keeps its keys (the validator and the codebook read them)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Mapping

if TYPE_CHECKING:
    from model.data.taxonomy import Taxonomy

SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def key_labels(taxonomy: "Taxonomy") -> dict[str, str]:
    """Key -> label for every key of the taxonomy (the first label wins where two lists share a key)."""
    labels: dict[str, str] = {}

    def add(key: str, label: str) -> None:
        labels.setdefault(key, label)

    for area in taxonomy.areas:
        add(area.key, area.title)
        for term in area.scale or []:
            add(term.key, term.label)
    for term in taxonomy.region_statuses:
        add(term.key, term.label)
    for key, spec in taxonomy.fields.items():
        add(key, spec.label)
        for term in spec.values or []:
            add(term.key, term.label)
    for term in taxonomy.evidence_levels:
        add(term.key, term.label)
    for key, region in taxonomy.regions.items():
        add(key, region.name)
    return labels


def in_words(text: str | None, labels: Mapping[str, str]) -> str:
    """`text` with every snake_case key replaced by its label in quotes (or by its words when it has no label)."""
    if not text:
        return text or ""
    return SNAKE.sub(lambda m: f"“{labels[m.group()]}”" if m.group() in labels else m.group().replace("_", " "), text)
