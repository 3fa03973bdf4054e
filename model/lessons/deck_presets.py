"""Ready-made lessons for present mode's setup step: each preset names the proposals and issue areas it shows
(and, for "How each party's position moved", that the slides follow each party's stated positions in date
order). Plain data, no Streamlit. A preset's key is written in the link as `lesson=<key>`: a contract, extend only.

"Territory, troops and guarantees" shows the three areas the design card names: territory, military_limits
and security_guarantees. Alliances (NATO, EU) is left out of the area slides because the guarantees chart
slide already shows each proposal's NATO, EU and foreign-troops stances beside its guarantee."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from model.analysis.compare import snapshots
from model.data.schema import Proposal
from model.data.taxonomy import Taxonomy


@dataclass(frozen=True)
class Preset:
    key: str
    label: str
    description: str
    proposals: tuple[str, ...]      # proposal ids ("" entries never); resolved against the catalogue
    areas: tuple[str, ...]
    by_party: bool = False          # area slides: each party's positions in date order, one party a slide


CORE_THREE = ("territory", "military_limits", "security_guarantees")


def presets(all_proposals: Sequence[Proposal], taxonomy: Taxonomy) -> tuple[Preset, ...]:
    """The presets for this catalogue (ids it does not hold are left out)."""
    ids = {p.id for p in all_proposals}
    have = lambda wanted: tuple(pid for pid in wanted if pid in ids)  # noqa: E731
    areas = lambda wanted: tuple(a for a in wanted if a in taxonomy.area_keys)  # noqa: E731
    ukraine = [p.id for p in snapshots(all_proposals, taxonomy.scale_anchors.first)]
    russia = [p.id for p in snapshots(all_proposals, taxonomy.scale_anchors.last)]
    return (
        Preset("territory_troops_guarantees", "Territory, troops and guarantees",
               "The US draft, Ukraine and Russia on territory, army caps and security guarantees.",
               have(("us-28-point-draft", "ukraine-position", "russia-position")), areas(CORE_THREE)),
        Preset("positions_moved", "How each party's position moved",
               "Every dated stated position of Ukraine, then of Russia, oldest first, on territory, army caps, "
               "guarantees and alliances.",
               tuple(ukraine + russia), areas((*CORE_THREE, "alliances")), by_party=True),
        Preset("latest_drafts", "The latest drafts side by side",
               "The US draft, the European counter-proposal and the 20-point framework on every area.",
               have(("us-28-point-draft", "e3-counterproposal", "20-point-framework")), tuple(taxonomy.area_keys)),
    )


def preset(key: str | None, all_proposals: Sequence[Proposal], taxonomy: Taxonomy) -> Preset | None:
    return next((p for p in presets(all_proposals, taxonomy) if p.key == key), None) if key else None


def party_groups(proposals: Sequence[Proposal], all_proposals: Sequence[Proposal], taxonomy: Taxonomy) -> list[tuple[str, list[Proposal]]]:
    """The chosen proposals grouped for a "position moved" lesson: Ukraine's stated positions (oldest first), then
    Russia's, then any other chosen proposal, each group with its heading."""
    chosen = {p.id for p in proposals}
    out: list[tuple[str, list[Proposal]]] = []
    seen: set[str] = set()
    for who, anchor in (("Ukraine's stated positions", taxonomy.scale_anchors.first),
                        ("Russia's stated positions", taxonomy.scale_anchors.last)):
        chain = [p for p in snapshots(all_proposals, anchor) if p.id in chosen]
        if chain:
            out.append((who, chain))
            seen |= {p.id for p in chain}
    rest = [p for p in proposals if p.id not in seen]
    if rest:
        out.append(("Other proposals", rest))
    return out


PRESET_KEYS = ("territory_troops_guarantees", "positions_moved", "latest_drafts")  # the values of `lesson=` in a link
