"""The printable handout: one self-contained HTML file (system fonts, charts as
inline SVG data URIs, no script and no network) holding the title, the date it
was generated, the link back to the same view, the matrix for the chosen
proposals and areas, each chosen chart with its data table, and every citation
behind what is shown as numbered footnotes (title, publisher, date, URL, quote).
Print CSS for A4 and Letter: no row split across pages, table headers repeated,
a page break between sections.

Pure: no Streamlit. Chart images come from the `render` function passed in
(`components.render.chart_image` in the app); without one, charts are their tables."""
from __future__ import annotations

import base64
from html import escape
from typing import Callable, Sequence

import pandas as pd

from components.render.matrix import matrix_html
from components.render.slides import CHART_ALT, chart_for, slide_table
from model.analysis.compare import Placement, matrix_frame, placements
from model.lessons.deck import CHARTS, Cite, _file_cites, charts_for, chunks, proposal_cites
from model.data.reference_data import ComparatorFile, ReferenceFile
from model.data.schema import PUBLICATION_LABELS, STATUS_LABELS, Proposal
from model.data.taxonomy import Taxonomy

COLUMNS_PER_TABLE = 4  # proposals per matrix table, so a table fits a portrait page
Render = Callable[[object, pd.DataFrame], "tuple[bytes | None, str]"]  # (figure, table) -> (SVG bytes, why not)

CSS = """
<style>
:root {color-scheme: light;}
body {font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif;
  font-size: 11pt; line-height: 1.35; color: #111; background: #FFF; margin: 0 auto; max-width: 60rem; padding: 1.5rem;}
h1 {font-size: 20pt; margin: 0 0 0.3rem 0;} h2 {font-size: 15pt; margin: 1.2rem 0 0.4rem 0;} h3 {font-size: 12.5pt; margin: 0.8rem 0 0.3rem 0;}
a {color: #0B4F8A; overflow-wrap: anywhere;}
.meta {color: #333;}
table.plain {border-collapse: collapse; width: 100%; margin: 0.4rem 0 0.8rem 0; font-size: 10pt;}
table.plain th, table.plain td {border: 1px solid #999; padding: 3px 6px; text-align: left; vertical-align: top;}
table.plain thead th {background: #EEE;}
.pm-wrap {max-height: none !important; overflow: visible !important; border: none !important;}
table.pm {min-width: 0 !important; font-size: 9.5pt !important;}
table.pm th.area {width: 8.5rem !important;}
table.pm td .text {font-size: 9pt !important;}
table.pm td {cursor: auto !important;}
figure {margin: 0.5rem 0;} figure img {width: 100%; height: auto; border: 1px solid #DDD;}
figcaption {font-size: 9.5pt; color: #333;}
ol.notes {padding-left: 2.2rem; font-size: 9.5pt;} ol.notes li {margin-bottom: 0.35rem;}
ol.notes q {font-style: italic;}
sup.fn {font-size: 7.5pt;}
.why {font-style: italic; color: #333;}
* {-webkit-print-color-adjust: exact; print-color-adjust: exact;}
@page {margin: 14mm 12mm;}  /* the printer's paper: A4 or Letter */
@media print {
  body {max-width: none; padding: 0; font-size: 10pt;}
  section.break {break-before: page;}
  tr, td, th, li, figure, .keep {break-inside: avoid; page-break-inside: avoid;}
  thead {display: table-header-group;}
  h2, h3 {break-after: avoid;}
  a {color: #111; text-decoration: none;}
}
</style>
"""


def ranges(numbers: Sequence[int]) -> str:
    """Footnote numbers, runs shortened: 1, 2, 3, 7 -> "1–3, 7"."""
    out: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if out and out[-1][1] == n - 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in out)


class Footnotes:
    """Citations numbered in first-use order; the same source with the same quote keeps its number."""

    def __init__(self) -> None:
        self.cites: list[Cite] = []
        self._index: dict[tuple[str, str], int] = {}

    def ref(self, cites: Sequence[Cite]) -> str:
        numbers = []
        for c in cites:
            key = (c.source_id, c.quote)
            if key not in self._index:
                self.cites.append(c)
                self._index[key] = len(self.cites)
            numbers.append(self._index[key])
        return f'<sup class="fn">[{ranges(numbers)}]</sup>' if numbers else ""

    def html(self) -> str:
        items = []
        for c in self.cites:
            date = c.date + (f" ({c.date_note})" if c.date_note else "")
            url = (f' <a href="{escape(c.url, quote=True)}">{escape(c.url)}</a>' if c.url.startswith("http")
                   else f" {escape(c.url)}" if c.url else "")
            quote = f" <q>{escape(c.quote)}</q>" if c.quote else ""
            items.append(f"<li><b>{escape(c.title)}</b>. {escape(c.publisher)}, {escape(date)}.{url}{quote}</li>")
        return f'<ol class="notes">{"".join(items)}</ol>'


def table_html(frame: pd.DataFrame) -> str:
    head = "".join(f'<th scope="col">{escape(str(c))}</th>' for c in frame.columns)
    body = "".join("<tr>" + "".join(f"<td>{escape('' if pd.isna(v) else str(v))}</td>" for v in row) + "</tr>"
                   for row in frame.itertuples(index=False))
    return f'<table class="plain"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _position_cites(proposal: Proposal, area: str) -> list[Cite]:
    position = proposal.positions.get(area)
    if position is None:
        return []
    notes = [c for n in position.contested for c in n.citations]
    return list(proposal_cites(proposal, [*position.citations, *notes]))


def _chart_cites(key: str, proposals: Sequence[Proposal], references: ReferenceFile | None,
                 comparators: ComparatorFile | None) -> list[Cite]:
    areas = {"troop_caps": ("military_limits",), "territory": ("territory",),
             "guarantees": ("security_guarantees", "alliances"), "ceasefire": ("ceasefire_and_monitoring",)}[key]
    cites = [c for p in proposals for a in areas for c in proposal_cites(p, p.positions[a].citations if a in p.positions else [])]
    if key == "troop_caps" and references is not None:
        cites += _file_cites(references.sources, (c for f in references.figures for c in f.citations))
    if key == "ceasefire" and comparators is not None:
        cites += _file_cites(comparators.sources, (c for x in comparators.comparators for c in x.citations))
    return cites


def handout_html(proposals: Sequence[Proposal], all_proposals: Sequence[Proposal], taxonomy: Taxonomy, areas: Sequence[str],
                 *, link: str, generated: str, as_of: str | None = None, references: ReferenceFile | None = None,
                 comparators: ComparatorFile | None = None, render: Render | None = None,
                 placed: dict[tuple[str, str], Placement] | None = None) -> str:
    """The whole handout as one HTML string. `placed` is the selection's placements when the page has them
    (`Context.analysis.placed`); otherwise they are computed here."""
    notes = Footnotes()
    proposals, areas = list(proposals), list(areas)
    placed = placed if placed is not None else placements(proposals, all_proposals, taxonomy, as_of)
    rows = "".join(
        f"<tr><td><b>{escape(p.short_name)}</b><br>{escape(p.title)}</td><td>{escape(p.date)}</td>"
        f"<td>{escape(PUBLICATION_LABELS[p.publication])}</td><td>{escape(STATUS_LABELS[p.status])}</td></tr>" for p in proposals)
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Peace proposals compared: handout</title>", CSS, "</head><body>",
        "<header><h1>Peace proposals compared: handout</h1>",
        f'<p class="meta">Generated {escape(generated)}. The same view online: <a href="{escape(link, quote=True)}">{escape(link)}</a></p>',
        '<p class="meta">Colours show where each coded position sits on its area\'s scale, from the outcome Ukraine has sought '
        '(purple, step 1) to the outcome Russia has sought (orange, last step); the step number is written in each cell. '
        'Borders say how a text is known. Numbers in brackets point to the footnotes at the end.</p>',
        '<table class="plain"><thead><tr><th scope="col">Proposal</th><th scope="col">Date</th><th scope="col">How it is known</th>'
        f'<th scope="col">Status</th></tr></thead><tbody>{rows}</tbody></table></header>',
    ]
    # The matrix, four proposals per table.
    area_notes = {a.key: a.description for a in taxonomy.areas}
    parts.append('<section class="break"><h2>The matrix</h2>')
    for group in chunks(proposals, COLUMNS_PER_TABLE):
        frame = matrix_frame(group, all_proposals, taxonomy, areas, placed=placed)
        parts.append(f'<div class="keep">{matrix_html(frame, group, area_notes)}</div>')
    parts.append("<h3>Sources behind each cell</h3><table class=\"plain\"><thead><tr><th scope=\"col\">Area</th>"
                 "<th scope=\"col\">Proposal: footnotes</th></tr></thead><tbody>")
    for area in areas:
        cells = "; ".join(f"{escape(p.short_name)} {notes.ref(_position_cites(p, area)) or '(no citation: not addressed)'}" for p in proposals)
        parts.append(f"<tr><td>{escape(taxonomy.area(area).title)}</td><td>{cells}</td></tr>")
    parts.append("</tbody></table></section>")
    # The charts, each with its data table.
    for key, title, _needs, _size in CHARTS:
        if key not in charts_for(areas):
            continue
        fig, table = chart_for(key, proposals, taxonomy, references, comparators, map_columns=3)
        refs = notes.ref(_chart_cites(key, proposals, references, comparators))
        parts.append(f'<section class="break"><h2>{escape(title)} {refs}</h2>')
        image, why = render(fig, table) if render else (None, "Chart images were not requested for this file.")
        if image is not None:
            data = base64.b64encode(image).decode("ascii")
            parts.append(f'<figure><img src="data:image/svg+xml;base64,{data}" alt="{escape(CHART_ALT[key], quote=True)}">'
                         f"<figcaption>{escape(CHART_ALT[key])}</figcaption></figure>")
        else:
            parts.append(f'<p class="why">No chart image: {escape(why)} The data table below holds the same figures.</p>')
        parts.append(f"<h3>Data table</h3>{table_html(slide_table(key, table))}</section>")
    parts.append(f'<section class="break"><h2>Footnotes: every source behind this handout</h2>{notes.html()}</section>')
    parts.append("</body></html>")
    return "\n".join(parts)
