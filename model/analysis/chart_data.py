"""Tidy tables behind each chart (troop caps, territory, guarantees and
alliances, timeline). Figures are drawn from these frames, and the same frames
are shown as plain tables and offered as CSV downloads."""
from __future__ import annotations

from typing import Collection, Iterable, Sequence

import pandas as pd

from model.data.schema import NOT_ADDRESSED, NOT_KNOWN, PUBLICATION_LABELS, STATUS_LABELS, Citation, Position, Proposal, Source
from model.analysis.source_rank import best_first as ranked_citations, best_source
from model.data.taxonomy import Taxonomy

NOT_MENTIONED = "not_mentioned"
NOT_MENTIONED_LABEL = "Not named by this proposal"


def source_ids(citations: Iterable[Citation], sources: Sequence[Source] = ()) -> str:
    """The cited source ids joined for one table cell, the most reliable first (`model.analysis.source_rank`);
    ids not found among `sources` keep their order at the end."""
    return "; ".join(dict.fromkeys(c.source for c in ranked_citations(list(citations), sources)))


def best_source_words(citations: Iterable[Citation], sources: Sequence[Source] = ()) -> str:
    """The most reliable cited source in words ("Financial Times, 2025-11-21"), for hovers and image captions."""
    best = best_source(list(citations), sources)
    return f"{best.publisher}, {best.date or best.date_note or 'undated'}" if best else ""


def _sources(position: Position | None, proposal: Proposal) -> dict[str, str]:
    """The `sources` (ids, best first) and `best_source` (in words) cells of a position's row."""
    if position is None:
        return {"sources": "", "best_source": ""}
    return {"sources": source_ids(position.citations, proposal.sources),
            "best_source": best_source_words(position.citations, proposal.sources)}


def troop_caps_frame(proposals: Sequence[Proposal]) -> pd.DataFrame:
    """One row per proposal (one per variant for bracketed caps); `cap` is empty unless a number is set."""
    rows = []
    for p in proposals:
        position = p.positions.get("military_limits")
        base = {"proposal": p.id, "proposal_name": p.short_name, "party": p.party, "date": p.date,
                "evidence": position.evidence if position else "", **_sources(position, p)}
        if position is None or position.not_addressed or position.troop_cap in (None, "not_addressed"):
            silent = "Not addressed" if position is None else (position.silence() or "Not addressed")
            rows.append({**base, "label": p.short_name, "cap": None, "status": "not_addressed", "status_label": silent})
        elif position.troop_cap == "no_cap":
            rows.append({**base, "label": p.short_name, "cap": None, "status": "no_cap", "status_label": "No cap"})
        elif position.troop_cap == "cap_unspecified":
            rows.append({**base, "label": p.short_name, "cap": None, "status": "cap_unspecified",
                         "status_label": "Cap demanded, no number given"})
        elif position.troop_cap == "bracketed":
            for v in position.troop_cap_variants:
                rows.append({**base, "label": f"{p.short_name}: {v.proposed_by}'s figure", "cap": v.value,
                             "status": "bracketed", "status_label": f"Bracketed: {v.proposed_by}'s figure",
                             "sources": source_ids(v.citations, p.sources),
                             "best_source": best_source_words(v.citations, p.sources)})
        else:
            rows.append({**base, "label": p.short_name, "cap": position.troop_cap, "status": "cap", "status_label": "Cap"})
    frame = pd.DataFrame(rows, columns=["proposal", "proposal_name", "party", "label", "date", "cap", "status", "status_label", "evidence", "sources", "best_source"])
    frame["cap"] = frame["cap"].astype("Int64")
    return frame


def territory_frame(proposals: Sequence[Proposal], taxonomy: Taxonomy) -> pd.DataFrame:
    """Every region × every proposal, with the status the proposal gives (or 'not named').
    `split` says the status divides the region at the line of contact (taxonomy flag); `territory_note`
    says why no region is named when the proposal's territory position is silent."""
    split = {t.key for t in taxonomy.region_statuses if t.split}
    rows = []
    for p in proposals:
        position = p.positions.get("territory")
        regions = position.regions if position and not position.not_addressed else {}
        notes = position.region_notes if position and not position.not_addressed else {}
        silent = (f"Territory: {position.silence()}" + (f" ({position.reason})" if position.reason else "")
                  if position and position.not_addressed else "" if position else "Territory: not coded")
        for key, region in taxonomy.regions.items():
            status = regions.get(key, NOT_MENTIONED)
            rows.append({
                "proposal": p.id, "proposal_name": p.short_name, "region": key, "iso": region.iso,
                "region_name": region.name, "status": status,
                "status_label": NOT_MENTIONED_LABEL if status == NOT_MENTIONED else taxonomy.status_label(status),
                "note": notes.get(key, ""), "evidence": position.evidence if position else "",
                **(_sources(position, p) if status != NOT_MENTIONED else {"sources": "", "best_source": ""}),
                "split": status in split, "territory_note": silent,
            })
    return pd.DataFrame(rows)


def territory_table(frame: pd.DataFrame, only_named: bool = True) -> pd.DataFrame:
    """Compact region × proposal table of status labels."""
    data = frame if not only_named else frame[frame.groupby("region")["status"].transform(lambda s: (s != NOT_MENTIONED).any())]
    table = data.pivot(index="region_name", columns="proposal_name", values="status_label")
    order = list(dict.fromkeys(data["region_name"]))
    columns = list(dict.fromkeys(data["proposal_name"]))
    table = table.reindex(index=order, columns=columns)
    table.index.name = "Region"
    table.columns.name = None
    return table


def _coded_label(position: Position | None, field: str, area_key: str, taxonomy: Taxonomy) -> str:
    """A coded value's label, or why there is none (not addressed, not known, not coded)."""
    if position is None or position.not_addressed:
        return position.silence() if position else NOT_ADDRESSED
    value = getattr(position, field)
    return taxonomy.label(area_key, field, value) if value else "Not coded"


def guarantees_frame(proposals: Sequence[Proposal], taxonomy: Taxonomy) -> pd.DataFrame:
    """Each proposal's guarantee type (with its step on the scale) and NATO, EU, foreign-troops stances."""
    area = taxonomy.area("security_guarantees")
    scale = area.scale_keys()
    rows = []
    for p in proposals:
        g = p.positions.get("security_guarantees")
        a = p.positions.get("alliances")
        gtype = g.guarantee_type if g and not g.not_addressed else None
        rows.append({
            "proposal": p.id, "proposal_name": p.short_name, "party": p.party,
            "guarantee_type": gtype or ("not_addressed" if g is None or g.not_addressed else "not_coded"),
            "guarantee_label": _coded_label(g, "guarantee_type", "security_guarantees", taxonomy),
            "guarantee_step": (len(scale) - scale.index(gtype)) if gtype in scale else None,
            "nato": _coded_label(a, "nato", "alliances", taxonomy), "eu": _coded_label(a, "eu", "alliances", taxonomy),
            "foreign_troops": _coded_label(a, "foreign_troops", "alliances", taxonomy),
            "evidence": g.evidence if g else "", **_sources(g, p),
        })
    frame = pd.DataFrame(rows)
    frame["guarantee_step"] = frame["guarantee_step"].astype("Int64")
    return frame


NO_STANCE = (NOT_KNOWN, NOT_ADDRESSED, "Not coded")  # labels of a guarantees/alliances cell that holds no stance
STANCE_COLUMNS = ("guarantee_label", "nato", "eu", "foreign_troops")


def _chosen_and_others(frame: pd.DataFrame, chosen: Collection[str], has_value: pd.Series) -> pd.DataFrame:
    """The rows of the chosen proposals and of every other proposal that `has_value`, with a `chosen` column."""
    is_chosen = frame["proposal"].isin(set(chosen))
    out = frame[is_chosen | has_value].copy()
    out["chosen"] = is_chosen[out.index]
    return out.reset_index(drop=True)


def troop_caps_view(proposals: Sequence[Proposal], chosen: Collection[str]) -> pd.DataFrame:
    """The troop-caps chart's rows: every chosen proposal, and every other proposal that sets a number (so the
    smallest and largest caps are always on the chart); `chosen` says which the sidebar picked."""
    frame = troop_caps_frame(proposals)
    return _chosen_and_others(frame, chosen, frame["cap"].notna())


def guarantees_view(proposals: Sequence[Proposal], taxonomy: Taxonomy, chosen: Collection[str]) -> pd.DataFrame:
    """The guarantees chart's rows: every chosen proposal, and every other proposal with a coded guarantee, NATO,
    EU or foreign-troops stance (so "which plan lets Ukraine join NATO" is answered whatever is chosen)."""
    frame = guarantees_frame(proposals, taxonomy)
    coded = ~frame[list(STANCE_COLUMNS)].isin(NO_STANCE).all(axis=1)
    return _chosen_and_others(frame, chosen, coded)


def date_sort(date: str) -> str:
    """A partial date (YYYY or YYYY-MM) placed on the first day it can mean, for plotting."""
    return (date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10] if len(date) == 7 else date




def timeline_frame(proposals: Sequence[Proposal]) -> pd.DataFrame:
    rows = [{
        "proposal": p.id, "proposal_name": p.short_name, "title": p.title, "author": p.author, "party": p.party,
        "date": p.date, "date_sort": date_sort(p.date), "status": p.status, "status_label": STATUS_LABELS[p.status],
        "publication": p.publication, "publication_label": PUBLICATION_LABELS[p.publication],
        "revises": p.revises or "", "responds_to": ", ".join(p.responds_to),
    } for p in proposals]
    return pd.DataFrame(rows).sort_values(["date_sort", "proposal"]).reset_index(drop=True)


def caps_over_time_frame(proposals: Sequence[Proposal]) -> pd.DataFrame:
    frame = troop_caps_frame(proposals)
    frame["date_sort"] = [date_sort(d) for d in frame["date"]]
    return frame.sort_values(["date_sort", "label"]).reset_index(drop=True)


QUALIFIER_SIGNS = {"exact": "", "about": "≈", "at_most": "≤", "at_least": "≥"}


def _same_case(proposal: Proposal, comparator) -> bool:
    """A chosen proposal that is also one of the historical cases (Minsk II is both a proposal file and a
    comparator): same year, and the proposal's short name, without its bracketed year, begins the case's name."""
    name = proposal.short_name.split(" (")[0].strip().casefold()
    return str(comparator.year) == str(proposal.date)[:4] and bool(name) and comparator.name.casefold().startswith(name)


def ceasefire_scale_frame(comparators: Sequence, proposals: Sequence[Proposal],
                          comparator_sources: Sequence[Source] = ()) -> pd.DataFrame:
    """Buffer-zone widths and monitor numbers: historical cases first, then the chosen proposals that set them.
    A chosen proposal that is already a historical case appears once, as the case (its row notes it).
    `comparator_sources`: the comparators file's sources, to rank each case's citations best first."""
    rows = []
    shown: dict[int, Proposal] = {}
    for p in proposals:
        for i, c in enumerate(comparators):
            if _same_case(p, c):
                shown.setdefault(i, p)
    for i, c in enumerate(comparators):
        note = c.monitors_note or ""
        if i in shown:
            note = f"Also chosen as a proposal ({shown[i].short_name}); shown once, as this case. {note}".strip()
        rows.append({"name": f"{c.name} ({c.year})", "kind": "Historical case", "party": "historical",
                     "zone_width_km": c.zone_width_km, "monitors": c.monitors, "note": note,
                     "sources": source_ids(c.citations, comparator_sources),
                     "best_source": best_source_words(c.citations, comparator_sources), "contested": "yes" if c.contested else ""})
    for p in proposals:
        position = p.positions.get("ceasefire_and_monitoring")
        if position is None or position.not_addressed or (position.dmz_width_km is None and position.monitors is None):
            continue
        if p.id in {s.id for s in shown.values()}:
            continue
        rows.append({"name": p.short_name, "kind": "Proposal", "party": p.party, "zone_width_km": position.dmz_width_km,
                     "monitors": position.monitors, "note": "", **_sources(position, p),
                     "contested": "yes" if position.contested else ""})
    out = []
    for row in rows:
        flat = dict(row)
        for field in ("zone_width_km", "monitors"):
            q = row[field]
            flat[field] = q.value if q else None
            flat[f"{field}_shown"] = f"{QUALIFIER_SIGNS[q.qualifier]}{q.value:,.0f}" if q else ""
            flat[f"{field}_as_given"] = (q.as_given or "") if q else ""
        out.append(flat)
    return pd.DataFrame(out, columns=["name", "kind", "party", "zone_width_km", "zone_width_km_shown", "zone_width_km_as_given",
                                      "monitors", "monitors_shown", "monitors_as_given", "note", "sources", "best_source", "contested"])
