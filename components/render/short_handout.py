"""The default handout: one double-sided A4 or Letter sheet for up to four proposals on three areas (two sheets for
four proposals on every area). One self-contained HTML file (no script, no network): the glance matrix, each
area's colour key (what step 1…N means there, U and R), a numbered list of the best source behind each cell
(most reliable first, `model.analysis.source_rank`), the chosen charts drawn at print size (inline SVG, no text
under 8 pt) and the view's link with a QR code. The long form with every footnote is `components.render.handout`
("Detailed handout").

Pure: no Streamlit. Charts come from the `render` function passed in (figure, width, height -> SVG bytes or None);
without one the charts are left out with a line saying so."""
from __future__ import annotations

import re
from html import escape
from urllib.parse import urlparse
from typing import Callable, Sequence

from components.render.glance import glance_html
from components.render.palette import BLANK_STYLE, EVIDENCE_STYLE, step_colour, text_colour
from components.render.slide_charts import inline_svg, map_key_html, sized_figure
from components.render.slides import CHART_ALT, chart_for, slide_table, table_html
from model.analysis.compare import PLACEMENTS, matrix_frame, placements, references
from model.analysis.source_rank import best_source
from model.data.reference_data import ComparatorFile, ReferenceFile
from model.data.schema import Proposal
from model.data.taxonomy import Taxonomy
from model.lessons.deck import CHARTS, charts_for

SvgRender = Callable[[object, int, int], "bytes | None"]
PRINT_WIDTH = 700      # CSS px of the printable width of A4 and Letter (12 mm margins): charts are drawn at this size
CHART_FONT = 11.5      # px: 8.6 pt on paper
CHART_SIZE = {"troop_caps": 250, "territory": 160}  # heights in px (the territory maps: of one row of two maps)
TABLE_CHARTS = ("guarantees", "ceasefire")  # long category names: printed as their compact tables

CSS = """
<style>
:root {color-scheme: light;}
html {font-size: 12px;}
body {font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif;
  font-size: 11px; line-height: 1.3; color: #111; background: #FFF; margin: 0 auto; max-width: 700px; padding: 10px;}
h1 {font-size: 17px; margin: 0 0 2px 0;} h2 {font-size: 13px; margin: 8px 0 3px 0;}
p {margin: 2px 0;} a {color: #0B4F8A; overflow-wrap: anywhere;}
header.ho-top {display: flex; gap: 10px; align-items: flex-start; justify-content: space-between;}
header.ho-top .ho-qr svg {width: 88px; height: 88px; display: block;}
header.ho-top .ho-qr {flex: 0 0 auto; text-align: center; font-size: 11px;}
.gx-wrap {overflow: visible !important; border: none !important;}
table.gx {min-width: 0 !important; font-size: 11px !important; border-spacing: 2px !important;}
table.gx thead th, table.gx th.area, table.gx td .gx-head {font-size: 11px !important;}
table.gx thead th small {font-size: 11px !important;}
table.gx th.area {width: 7.5rem !important;}
table.gx td {cursor: auto !important; border-width: 2px !important; padding: 1px 3px !important;}
.gx-line, .gx-mark {font-size: 11px !important;}
.gx-strip i {width: 13px !important; height: 13px !important; font-size: 11px !important; line-height: 12px !important;}
b.ho-n {font-weight: 400; font-size: 11px;}
.pm-legend {font-size: 11px !important; line-height: 1.35 !important; gap: 1px 10px !important; margin: 2px 0 !important;}
.ho-keys {margin: 3px 0; padding: 0; list-style: none;}
.ho-keys li {margin: 1px 0;}
.ho-keys i {display: inline-block; min-width: 14px; padding: 0 2px; text-align: center; font-style: normal; font-weight: 700;
  border: 1px solid #444; border-radius: 2px; margin: 0 2px 0 6px;}
ol.ho-src {margin: 2px 0; padding-left: 24px; columns: 2; column-gap: 18px; overflow-wrap: anywhere;}
table.pv-table {border-collapse: collapse; width: 100%; font-size: 11px;}
table.pv-table th, table.pv-table td {border: 1px solid #999; padding: 1px 4px; text-align: left; vertical-align: top;}
table.pv-table th {background: #EEE;}
.ho-mapkey {font-size: 11px;} .ho-mapkey ul {list-style: none; margin: 2px 0; padding: 0; columns: 2;}
.ho-mapkey li {display: flex; gap: 5px; align-items: center; break-inside: avoid;}
.ho-mapkey li i {display: inline-block; flex: 0 0 auto; width: 20px; height: 12px;} .ho-mapkey p {margin: 1px 0; color: #333;}
ol.ho-src li {break-inside: avoid; margin: 0 0 2px 0;}
figure {margin: 4px 0 6px 0; break-inside: avoid;} figure svg {width: 100%; height: auto; display: block;}
figcaption {font-size: 11px; color: #333;}
.why {font-style: italic; color: #333;}
* {-webkit-print-color-adjust: exact; print-color-adjust: exact;}
@page {margin: 12mm;}
@media print {
  body {max-width: none; padding: 0;}
  tr, li, figure {break-inside: avoid;}
  h2 {break-after: avoid;}
  a {color: #111; text-decoration: none;}
}
</style>
"""


def qr_svg(link: str) -> str:
    """The link as a QR code (inline SVG, black on white), or "" when it cannot be encoded."""
    try:
        import segno
        return segno.make(link, error="m").svg_inline(scale=3, border=2, dark="#000", light="#FFF")
    except Exception:  # noqa: BLE001 - no QR code is better than no handout
        return ""


def marks_key_html(kinds: Sequence[str], refs) -> str:
    """U and R, the evidence borders, the empty kinds and the marks, in two short lines."""
    evidence = " ".join(f'<span style="border:2px {v["border"]} #222;padding:0 3px">{v["icon"]} {escape(v["word"])}</span>'
                        for v in EVIDENCE_STYLE.values())
    blanks = "; ".join(f"{escape(BLANK_STYLE[k]['word'])} (grey or hatched)" for k in kinds if k in BLANK_STYLE)
    return (f'<p><b>U</b> / <b>R</b> in a strip: where Ukraine\'s / Russia\'s stated position sits. {escape(refs.describe())} '
            f'⚠ = a claim in the cell is contested; "weak sources" = every source for the cell is graded low reliability.'
            f'{" Empty cells: " + blanks + "." if blanks else ""}</p><p><b>Cell border:</b> how the cell\'s content is known: {evidence}</p>')


def area_keys_html(areas: Sequence[str], taxonomy: Taxonomy) -> str:
    """Each chosen area's colour key: what step 1…N means on that area's scale."""
    items = []
    for key in areas:
        area = taxonomy.area(key)
        if not area.scale:
            continue
        steps = "".join(
            f'<i style="background:{(c := step_colour(i, len(area.scale)))};color:{text_colour(c)}">{i + 1}</i>{escape(s.short or s.label)}'
            for i, s in enumerate(area.scale))
        items.append(f"<li><b>{escape(area.title)}:</b>{steps}</li>")
    return f'<ul class="ho-keys">{"".join(items)}</ul>' if items else ""


def best_sources(proposals: Sequence[Proposal], areas: Sequence[str], taxonomy: Taxonomy) -> list[tuple[str, str, str]]:
    """(area:proposal cell id, cell name, best source in words) for every cell with a source, area by area."""
    out = []
    for area in areas:
        for p in proposals:
            position = p.positions.get(area)
            source = best_source(position.citations, p.sources) if position is not None else None
            if source is None:
                continue
            date = source.date or "undated"
            where = f" {urlparse(source.url).netloc.removeprefix('www.')}" if source.url.startswith("http") else ""
            title = source.title.rstrip(".")
            title = title if len(title) <= 90 else title[:90].rsplit(" ", 1)[0] + " …"
            words = f"{source.publisher}, “{title}”, {date} ({source.reliability} reliability).{where}"
            out.append((f"{area}:{p.id}", f"{taxonomy.area(area).title} · {p.short_name}", words))
    return out


def _numbered(matrix: str, numbers: dict[str, int]) -> str:
    """The glance matrix with each cell's source number after its headline."""
    def add(match: re.Match) -> str:
        n = numbers.get(match.group(1))
        return match.group(0) + (f'<b class="ho-n">[{n}]</b> ' if n else "")
    return re.sub(r'data-cell="([^"]+)"[^>]*>(?:<span class="who">[^<]*</span>)?<span class="gx-head">', add, matrix)


def _charts(proposals, taxonomy, areas, reference_file, comparators, render: SvgRender | None) -> str:
    parts = []
    for key, title, _needs, _size in CHARTS:
        if key not in charts_for(areas):
            continue
        fig, table = chart_for(key, proposals, taxonomy, reference_file, comparators, map_columns=2)
        if key in TABLE_CHARTS:
            parts.append(f'<figure><h2>{escape(title)}</h2>{table_html(slide_table(key, table))}</figure>')
            continue
        height = CHART_SIZE[key] * (-(-len(proposals) // 2) if key == "territory" else 1)
        legend = key != "territory"
        svg = render(sized_figure(fig, PRINT_WIDTH, height, CHART_FONT, legend=legend), PRINT_WIDTH, height) if render else None
        if svg:
            key_html = map_key_html(taxonomy, "ho-mapkey", note=True) if key == "territory" else ""
            parts.append(f'<figure><h2>{escape(title)}</h2>{inline_svg(svg, CHART_ALT[key], "ho-svg")}{key_html}</figure>')
        else:
            parts.append(f'<h2>{escape(title)}</h2><p class="why">No chart image in this file; the Detailed handout '
                         f'and the app hold its data table.</p>')
    return f'<section class="ho-charts">{"".join(parts)}</section>' if parts else ""


def short_handout_html(proposals: Sequence[Proposal], all_proposals: Sequence[Proposal], taxonomy: Taxonomy,
                       areas: Sequence[str], *, link: str, generated: str, as_of: str | None = None,
                       references_file: ReferenceFile | None = None, comparators: ComparatorFile | None = None,
                       render: SvgRender | None = None, placed: dict | None = None, refs=None) -> str:
    """The one-sheet handout as one HTML string. `placed` and `refs` are the selection's placements and reference
    positions when the page has them (`Context.analysis`)."""
    proposals, areas = list(proposals), list(areas)
    placed = placed if placed is not None else placements(proposals, all_proposals, taxonomy, as_of)
    refs = refs if refs is not None else references(all_proposals, taxonomy, as_of)
    frame = matrix_frame(proposals, all_proposals, taxonomy, areas, placed=placed)
    cells = best_sources(proposals, areas, taxonomy)
    numbers = {cell: i + 1 for i, (cell, _n, _w) in enumerate(cells)}
    notes = {a.key: a.description for a in taxonomy.areas}
    matrix = _numbered(glance_html(frame, proposals, notes), numbers)
    kinds = [k for k in PLACEMENTS if k != "placed" and k in set(frame["placement"])]
    listed = "".join(f"<li><b>{escape(name)}:</b> {escape(words)}</li>" for _c, name, words in cells)
    qr = qr_svg(link)
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Peace proposals compared: handout</title>", CSS, "</head><body>",
        '<header class="ho-top"><div><h1>Peace proposals compared</h1>',
        f"<p>{len(proposals)} proposals on {len(areas)} issue areas. Made {escape(generated)}. Each cell: the proposal's "
        "position in a few words, its step on the area's scale (colour and number), and [n], its best source below.</p>",
        f'<p>Open this view: <a href="{escape(link, quote=True)}">{escape(link)}</a></p></div>',
        (f'<div class="ho-qr">{qr}Scan to open</div>' if qr else ""), "</header>",
        matrix, "<h2>Colour key: a cell's colour and number are its step on that area's scale, from the outcome Ukraine has sought "
        "(1) to the outcome Russia has sought (last)</h2>", area_keys_html(areas, taxonomy), marks_key_html(kinds, refs),
        f'<h2>Best source for each cell</h2><ol class="ho-src">{listed}</ol>',
        _charts(proposals, taxonomy, areas, references_file, comparators, render),
        "</body></html>",
    ])
