"""The tables of a data release and their Frictionless Data Package descriptor (`datapackage.json`): the tidy table,
the list of proposals and the list of cited sources, each CSV with a Table Schema (types, required columns, the
coded values allowed, primary and foreign keys) so data portals and `frictionless validate` can check them."""
from __future__ import annotations

from typing import Iterable

import pandas as pd

from model.analysis.codebook import PROPOSAL_COLUMNS, SOURCE_COLUMNS, TIDY_COLUMNS
from model.analysis.tidy import COLUMNS, tidy_frame
from model.data.coverage import Coverage
from model.data.schema import PUBLICATION_LABELS, STATUS_LABELS, Proposal, Source
from model.data.taxonomy import Taxonomy

PACKAGE_NAME = "peace-proposals-compared"
TIDY_CSV, PROPOSALS_CSV, SOURCES_CSV = "tidy.csv", "proposals.csv", "sources.csv"
PROPOSAL_FIELDS = list(PROPOSAL_COLUMNS)
SOURCE_FIELDS = list(SOURCE_COLUMNS)
PARTY_KEYS = ["mediator", "think_tank", "ukraine", "russia", "europe", "historical", "third_country", "multilateral"]


def proposals_frame(proposals: Iterable[Proposal]) -> pd.DataFrame:
    rows = [{name: ("; ".join(p.responds_to) if name == "responds_to" else getattr(p, name) or "")
             for name in PROPOSAL_FIELDS} for p in proposals]
    return pd.DataFrame(rows, columns=PROPOSAL_FIELDS).astype(str)


def cited_sources(proposals: Iterable[Proposal]) -> list[Source]:
    """Every source the proposals cite, once, ordered by id."""
    found: dict[str, Source] = {}
    for proposal in proposals:
        for source in proposal.sources:
            found.setdefault(source.id, source)
    return [found[k] for k in sorted(found)]


def sources_frame(sources: Iterable[Source]) -> pd.DataFrame:
    rows = [{name: getattr(s, name) or "" for name in SOURCE_FIELDS} for s in sources]
    return pd.DataFrame(rows, columns=SOURCE_FIELDS).astype(str)


def tables(proposals: Iterable[Proposal], taxonomy: Taxonomy) -> dict[str, pd.DataFrame]:
    """The release's tables by file name."""
    proposals = list(proposals)
    return {TIDY_CSV: tidy_frame(proposals, taxonomy), PROPOSALS_CSV: proposals_frame(proposals),
            SOURCES_CSV: sources_frame(cited_sources(proposals))}


def _field(name: str, description: str, *, required: bool = False, enum: list[str] | None = None,
           pattern: str | None = None) -> dict:
    field: dict = {"name": name, "type": "string", "description": description}
    constraints: dict = {}
    if required:
        constraints["required"] = True
    if enum is not None:
        constraints["enum"] = enum
    if pattern:
        constraints["pattern"] = pattern
    if constraints:
        field["constraints"] = constraints
    return field


def table_schemas(taxonomy: Taxonomy) -> dict[str, dict]:
    """A Table Schema for each CSV. Empty cells are missing values (`missingValues: [""]`)."""
    evidence = [t.key for t in taxonomy.evidence_levels]
    tidy = [_field(name, TIDY_COLUMNS[name], required=name in ("proposal", "area", "field", "evidence"),
                   enum={"area": taxonomy.area_keys, "evidence": evidence, "contested": ["yes"]}.get(name))
            for name in COLUMNS]
    proposal_enums = {"party": PARTY_KEYS, "co_party": PARTY_KEYS, "status": list(STATUS_LABELS),
                      "publication": list(PUBLICATION_LABELS)}
    proposal_fields = [_field(n, PROPOSAL_COLUMNS[n], required=n in ("id", "title", "date", "status"),
                              enum=proposal_enums.get(n), pattern=r"\d{4}(-\d{2}(-\d{2})?)?" if n == "date" else None)
                       for n in PROPOSAL_FIELDS]
    source_enums = {"kind": ["primary_text", "official", "news", "state_media", "aggregator", "think_tank", "academic",
                             "opinion", "student"], "reliability": ["high", "medium", "low"]}
    source_fields = [_field(n, SOURCE_COLUMNS[n], required=n in ("id", "title", "publisher", "kind", "reliability"),
                            enum=source_enums.get(n)) for n in SOURCE_FIELDS]
    return {
        TIDY_CSV: {"fields": tidy, "missingValues": [""], "foreignKeys": [
            {"fields": "proposal", "reference": {"resource": "proposals", "fields": "id"}}]},
        PROPOSALS_CSV: {"fields": proposal_fields, "missingValues": [""], "primaryKey": "id"},
        SOURCES_CSV: {"fields": source_fields, "missingValues": [""], "primaryKey": "id"},
    }


RESOURCE_TEXT = {
    TIDY_CSV: ("tidy", "Positions of every proposal, one row per proposal, area and field (also as tidy.json)."),
    PROPOSALS_CSV: ("proposals", "The proposals and dated stated positions."),
    SOURCES_CSV: ("sources", "Every source the positions cite, with its reliability grade."),
}


def datapackage(taxonomy: Taxonomy, coverage: Coverage, released: str | None, cff: dict | None) -> dict:
    """The `datapackage.json` descriptor (Frictionless Data Package, tabular profile)."""
    cff = cff or {}
    schemas = table_schemas(taxonomy)
    version = coverage.data_version or coverage.data_as_of
    package: dict = {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": cff.get("title", "Peace proposals compared"),
        "description": (f"{cff.get('abstract', '').strip()} Data as of {coverage.data_as_of}. The codebook "
                        "(codebook.md, codebook.html) gives the meaning of every column and coded value; "
                        "CHANGELOG.md says what changed in each version; proposal.schema.json is the JSON Schema of "
                        "the proposal files the tables are computed from.").strip(),
        "version": version,
        "keywords": list(cff.get("keywords", [])),
        "contributors": [{"title": a.get("name") or " ".join(filter(None, [a.get("given-names"), a.get("family-names")])),
                          "role": "author"} for a in cff.get("authors", [])],
        "resources": [],
    }
    if released:
        package["created"] = f"{released}T00:00:00Z"
    for path, (name, description) in RESOURCE_TEXT.items():
        package["resources"].append({
            "name": name, "path": path, "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "description": description, "schema": schemas[path],
        })
    return package
