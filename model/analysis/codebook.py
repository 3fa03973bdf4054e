"""The codebook of a data release, generated from the taxonomy (`proposals/_taxonomy.yaml`): every column of the
released tables, every issue area with its ordered scale, every field vocabulary, region status, region and evidence
level, each with its meaning. `codebook_sections` builds it once as plain data; `codebook_markdown` and
`codebook_html` (printable, self-contained) write the same content."""
from __future__ import annotations

from html import escape

from model.data.coverage import Coverage
from model.data.schema import PARTY_LABELS, PUBLICATION_LABELS, STATUS_LABELS
from model.data.taxonomy import ScaleStep, Taxonomy
from model.analysis.source_words import KIND_WORDS, RELIABILITY_WORDS

TITLE = "Peace proposals compared: codebook"

# Meanings of the released tables' columns (Table Schema descriptions use the same words).
TIDY_COLUMNS: dict[str, str] = {
    "proposal": "The proposal's id (a row of proposals.csv).",
    "area": "The issue area's key (see Issue areas below).",
    "field": "What the row records: a coded field (e.g. stance, nato, troop_cap), a region key (its status), "
             "summary, not_addressed and reason, or point_N for numbered point N.",
    "value": "The value: a coded key from this codebook, a number, or text (summaries, reasons, points).",
    "sources": "The ids of the sources cited for this position or point (rows of sources.csv), most reliable "
               "first, separated by '; '.",
    "evidence": "How the content is known (see Evidence levels below).",
    "contested": "'yes' when a named party or source disputes part of this position or point; empty otherwise.",
}
PROPOSAL_COLUMNS: dict[str, str] = {
    "id": "The proposal's id, used in every link and in tidy.csv.",
    "title": "Full title.", "short_name": "Short name used in column headers.",
    "author": "Who wrote or put forward the text.",
    "party": "Whose terms these are (see Parties below).", "co_party": "A second party that co-wrote the terms.",
    "mediator": "Who mediated or hosted, when that is not who proposed the terms.",
    "date": "Date of the text or of the statements (YYYY, YYYY-MM or YYYY-MM-DD).",
    "date_note": "How the date was fixed.", "status": "Where the text stands (see Statuses below).",
    "publication": "How the whole document came out (see Publication below).",
    "revises": "The id of the proposal or earlier stated position this one revises.",
    "responds_to": "Ids of proposals this one answers, separated by '; '.",
    "summary": "A neutral summary in the project's own words.",
}
SOURCE_COLUMNS: dict[str, str] = {
    "id": "The source's id, as cited in tidy.csv.", "title": "Title of the document.", "publisher": "Who published it.",
    "date": "Publication date.", "date_note": "A note on the date when it is uncertain.",
    "url": "Where it can be read.", "seed": "File name of the copy kept with the app (seeds/), when there is one.",
    "kind": "What sort of document it is (see Source kinds below).",
    "reliability": "high, medium or low (see Reliability below).", "reliability_note": "Why it has that grade.",
}
PARTIES: dict[str, str] = {key: f"{label}." for key, label in PARTY_LABELS.items()}  # the app's own words
OTHER_FIELDS: dict[str, str] = {
    "summary": "The position in the project's own words.",
    "not_addressed": "'true' when the text says nothing on this area; `reason` then says how that is known.",
    "reason": "Why the area counts as not addressed.",
    "troop_cap": "The cap on Ukraine's armed forces, in personnel; empty when there is no number.",
    "troop_cap_status": "cap (a number is given), no_cap, not_addressed, bracketed (several numbers proposed, "
                        "see troop_cap_variant) or cap_unspecified (a cap demanded without a number).",
    "troop_cap_variant": "One of several proposed caps, with who proposed it.",
    "dmz_width_km": "Width of a demilitarised zone in km; dmz_width_km_qualifier says exact, about, at_most or at_least.",
    "monitors": "Number of ceasefire monitors; monitors_qualifier says exact, about, at_most or at_least.",
    "point_N": "Numbered point N of a numbered plan, paraphrased (its area in the area column).",
}

Section = tuple[str, str, list[tuple[str, str]]]  # (heading, introduction, [(term, meaning)])


def _step_meaning(step: ScaleStep) -> str:
    extra = []
    if step.cap_at_least is not None:
        extra.append(f"caps of at least {step.cap_at_least:,}")
    if step.cap_below is not None:
        extra.append(f"caps below {step.cap_below:,}")
    return step.label + (f" ({' and '.join(extra)})" if extra else "")


def codebook_sections(taxonomy: Taxonomy) -> list[Section]:
    """Every section of the codebook, in order, as (heading, introduction, rows of (key, meaning))."""
    sections: list[Section] = [
        ("The tidy table: tidy.csv and tidy.json", "One row per proposal, area and field.", list(TIDY_COLUMNS.items())),
        ("Fields in the field column", "Besides the coded fields listed under each area and under Field vocabularies, "
         "and the region keys listed under Regions.", list(OTHER_FIELDS.items())),
        ("Evidence levels", "How the content of a cell is known.", [(t.key, t.label) for t in taxonomy.evidence_levels]),
        ("Issue areas", "The eleven areas every proposal is coded on. Scales run from what Ukraine's stated position "
         "seeks (first) to what Russia's seeks (last): a reading convention, not a judgement.",
         [(a.key, f"{a.title}: {a.description}") for a in taxonomy.areas]),
    ]
    for area in taxonomy.areas:
        if area.scale:
            sections.append((f"Scale: {area.title} (field {area.scale_field})",
                             "Ordered steps, first to last.", [(s.key, _step_meaning(s)) for s in area.scale]))
    for key, spec in taxonomy.fields.items():
        if spec.values:
            sections.append((f"Field vocabulary: {spec.label} (field {key})", "", [(t.key, t.label) for t in spec.values]))
    sections.append(("Field labels", "What each structured field records.",
                     [(key, spec.label) for key, spec in taxonomy.fields.items()]))
    sections.append(("Region statuses", "The value of a region row, ordered from what Ukraine seeks to what Russia "
                     "seeks. Split statuses divide the region at the line of contact.",
                     [(t.key, t.label + (" (split at the line of contact)" if t.split and "line of contact" not in t.label
                                         else "")) for t in taxonomy.region_statuses]))
    sections.append(("Regions", "Region keys used in the field column, with their ISO 3166-2 codes.",
                     [(key, f"{r.name} ({r.iso})") for key, r in taxonomy.regions.items()]))
    sections.append(("proposals.csv", "One row per proposal or dated stated position.", list(PROPOSAL_COLUMNS.items())))
    sections.append(("Parties", "The party column of proposals.csv.", list(PARTIES.items())))
    sections.append(("Statuses", "The status column of proposals.csv.", list(STATUS_LABELS.items())))
    sections.append(("Publication", "The publication column of proposals.csv.", list(PUBLICATION_LABELS.items())))
    sections.append(("sources.csv", "One row per cited source.", list(SOURCE_COLUMNS.items())))
    sections.append(("Source kinds", "The kind column of sources.csv.",
                     [("news", "News outlet (graded by reliability)"), *KIND_WORDS.items()]))
    sections.append(("Reliability", "The reliability column of sources.csv.", list(RELIABILITY_WORDS.items())))
    return sections


def _version_line(coverage: Coverage) -> str:
    version = f"Data version {coverage.data_version}, d" if coverage.data_version else "D"
    return f"{version}ata as of {coverage.data_as_of}."


def _cell(text: str) -> str:
    """Text for one Markdown table cell (a '|' would end the cell)."""
    return text.replace("|", "\\|")


def codebook_markdown(taxonomy: Taxonomy, coverage: Coverage) -> str:
    lines = [f"# {TITLE}", "", _version_line(coverage), ""]
    for heading, intro, rows in codebook_sections(taxonomy):
        lines += [f"## {heading}", ""]
        if intro:
            lines += [intro, ""]
        lines += ["| Key | Meaning |", "|---|---|"]
        lines += [f"| `{key}` | {_cell(meaning)} |" for key, meaning in rows]
        lines.append("")
    return "\n".join(lines)


CSS = """body{font-family:Georgia,serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.4}
h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:1.6rem;break-after:avoid}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #999;padding:.25rem .4rem;text-align:left;vertical-align:top}code{font-size:.9em}
tr{break-inside:avoid}@media print{body{margin:0;max-width:none}a{color:#111}}"""


def codebook_html(taxonomy: Taxonomy, coverage: Coverage) -> str:
    """The codebook as one printable HTML page (no scripts, no external files)."""
    parts = [f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(TITLE)}</title>"
             f"<style>{CSS}</style></head><body><h1>{escape(TITLE)}</h1><p>{escape(_version_line(coverage))}</p>"]
    for heading, intro, rows in codebook_sections(taxonomy):
        parts.append(f"<h2>{escape(heading)}</h2>" + (f"<p>{escape(intro)}</p>" if intro else ""))
        body = "".join(f"<tr><td><code>{escape(key)}</code></td><td>{escape(meaning)}</td></tr>" for key, meaning in rows)
        parts.append(f"<table><thead><tr><th>Key</th><th>Meaning</th></tr></thead><tbody>{body}</tbody></table>")
    parts.append("</body></html>\n")
    return "".join(parts)
