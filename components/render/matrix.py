"""Pure builder of the side-by-side matrix as an HTML table (areas × proposals),
and of its legend. A coded cell is coloured by its own step on the area's scale
and carries a step strip with the parties' reference positions marked (U, R), the
step number and words, so nothing depends on colour alone."""
from __future__ import annotations

from html import escape
from typing import Callable, Sequence

import pandas as pd

from components.render.palette import BLANK_STYLE, EVIDENCE_STYLE, SCALE_CLASSES, step_colour, text_colour
from model.analysis.compare import PLACEMENTS, References
from model.data.glossary import Glossary, mark_html
from model.data.schema import PUBLICATION_LABELS, Proposal

CSS = """
<style>
.pm-wrap {overflow:auto; max-height:78vh; border:1px solid #DDD; border-radius:6px;}
table.pm {border-collapse:separate; border-spacing:4px; width:100%; font-size:1rem; table-layout:fixed;}
table.pm th {text-align:left; vertical-align:bottom; padding:6px; font-size:1.05rem;}
table.pm thead th {position:sticky; top:0; z-index:2; background:#FFFFFF; box-shadow:0 2px 0 #DDD;}
table.pm th.area {width:11rem; vertical-align:top; background:#F5F5F5; border-radius:4px; position:sticky; left:0; z-index:1;}
table.pm thead th.area {z-index:3;}
table.pm th.area small {display:block; font-weight:normal; color:#444; font-size:0.85rem; margin-top:4px;}
table.pm td {vertical-align:top; padding:8px; border-radius:4px; border-width:3px; border-color:#222; cursor:pointer;}
table.pm td:hover, table.pm td:focus {outline:3px solid #000; outline-offset:1px;}
table.pm td .who {display:none;}
table.pm td .scale {font-weight:700; display:block; margin-bottom:4px;}
table.pm td .text {font-size:0.9rem; line-height:1.3;}
table.pm td .meta {font-size:0.8rem; display:block; margin-top:6px; opacity:0.95;}
table.pm td.not_addressed, table.pm td.unknown {background-image:repeating-linear-gradient(45deg,#E6E6E6 0 8px,#FFFFFF 8px 16px) !important;}
.pm-strip {display:grid; gap:2px; margin:2px 0 6px 0; max-width:12rem;}
.pm-strip i {display:block; height:0.7rem; border:1px solid #444; border-radius:2px;}
.pm-strip i.on {height:1rem; margin-top:-0.15rem; border:2px solid #000; box-shadow:0 0 0 2px #FFF;}
.pm-strip b {font-size:0.72rem; line-height:1; text-align:center; font-weight:700;}
.pm-step {font-size:0.78rem; font-weight:600; display:block;}
a.pm-link {display:inline-block; font-size:0.8rem; font-weight:600; color:inherit; margin-left:2px;}
.pm-badge {display:inline-block; font-size:0.75rem; font-weight:600; padding:1px 6px; border-radius:8px; border:1px solid #333; background:#fff; color:#000; margin-right:4px;}
/* Phones: one card per area, the chosen proposals stacked inside it, each cell naming its proposal. */
@media (max-width: 700px) {
  .pm-wrap {max-height:none; overflow:visible; border:none;}
  table.pm, table.pm tbody, table.pm tr, table.pm td, table.pm th.area {display:block; width:auto !important; min-width:0 !important;}
  table.pm {min-width:0 !important; border-spacing:0;}
  table.pm thead {display:none;}
  table.pm tr {margin:0 0 14px 0; border:1px solid #BBB; border-radius:6px; padding:4px;}
  table.pm th.area {position:static; margin-bottom:4px;}
  table.pm td {margin:4px 0;}
  table.pm td .who {display:block; font-weight:700; font-size:0.95rem; margin-bottom:4px; border-bottom:1px solid currentColor; padding-bottom:2px;}
}
</style>
"""


# Glossary terms in cells (`model.data.glossary.mark_html`): underlined, their explanation shown on focus (tap or Tab).
GLOSSARY_CSS = """<style>
.gl {border-bottom:2px dotted currentColor; cursor:help; position:relative; outline-offset:2px;}
.gl .gl-tip {display:none; position:absolute; left:0; top:1.5em; z-index:20; width:15rem; background:#111; color:#FFF;
  padding:6px 8px; border-radius:4px; font-size:0.85rem; font-weight:normal; line-height:1.3; text-align:left;}
.gl:focus .gl-tip, .gl:focus-within .gl-tip {display:block;}
</style>"""

# The legend carries its own styles, so it reads the same beside the glance matrix and the summaries matrix.
LEGEND_CSS = """<style>
.pm-legend {display:flex; flex-wrap:wrap; gap:2px 14px; margin:2px 0 6px 0; font-size:0.85rem; line-height:1.5;}
.pm-legend span.sw {display:inline-block; min-width:1.6rem; text-align:center; padding:0 3px; border:1px solid #333; border-radius:3px; margin-right:3px;}
</style>"""


def short_text(text: str, limit: int = 190) -> str:
    """The text cut at a word boundary, so cells stay readable on a projector (full text in the detail view)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def step_strip(steps: int, step: int | None, first: int | None, last: int | None) -> str:
    """A row of the scale's step colours, this cell's step raised, and U / R under the reference steps."""
    boxes = "".join(
        f'<i class="{"on" if i == step else ""}" style="background:{step_colour(i, steps)}"></i>' for i in range(steps)
    )
    marks = "".join(
        f"<b>{'U' if i == first else ''}{'·' if i == first and i == last else ''}{'R' if i == last else ''}</b>"
        for i in range(steps)
    )
    return f'<span class="pm-strip" aria-hidden="true" style="grid-template-columns:repeat({steps},1fr)">{boxes}{marks}</span>'


def _cell(row: dict, href: str | None, who: str, glossary: Glossary | None = None) -> str:
    kind = row["placement"]
    evidence = EVIDENCE_STYLE.get(row["evidence"], EVIDENCE_STYLE["unknown"])
    if kind == "placed":
        step, steps = int(row["step"]), int(row["steps"])
        bg = step_colour(step, steps)
        fg = text_colour(bg)
        first = None if pd.isna(row["first_step"]) else int(row["first_step"])
        last = None if pd.isna(row["last_step"]) else int(row["last_step"])
        strip = step_strip(steps, step, first, last)
        head = row["headline"]
        second = f'<span class="pm-step">Step {step + 1} of {steps}' + (f": {escape(row['scale_value'])}" if head != row["scale_value"] else "") + "</span>"
    else:
        style = BLANK_STYLE[kind]
        bg, fg, strip = style["bg"], style["fg"], ""
        head = row["headline"] or style["word"]
        second = f'<span class="pm-step">{escape(style["word"])}</span>' if row["headline"] else ""
    contested = '<span class="pm-badge">⚠ contested</span>' if row["contested"] else ""
    title = escape(f"{PLACEMENTS[kind]}. {row['how_computed']}", quote=True)
    cell = f'{row["area"]}:{row["proposal"]}'
    return (
        f'<td class="{kind}" title="{title}" data-cell="{escape(cell, quote=True)}" '
        f'style="background:{bg}; color:{fg}; border-style:{evidence["border"]};">'
        f'<span class="who">{escape(who)}</span>'
        f'<span class="scale">{escape(head)}</span>{second}{strip}'
        f'<span class="text">{mark_html(short_text(row["text"]), glossary) if glossary else escape(short_text(row["text"]))}</span>'
        f'<span class="meta"><span class="pm-badge">{evidence["icon"]} {evidence["word"]}</span>{contested}'
        + (f'<a class="pm-link" href="{escape(href, quote=True)}" target="_self" '
           f'aria-label="{escape("sources: " + who + ", " + row["area_title"], quote=True)}">sources</a>' if href else "")
        + '</span></td>'
    )


def matrix_html(frame: pd.DataFrame, proposals: Sequence[Proposal], area_notes: dict[str, str],
                cell_link: Callable[[str, str], str] | None = None, glossary: Glossary | None = None) -> str:
    """The matrix table. `frame` is `model.analysis.compare.matrix_frame` output; `cell_link(area, proposal_id)` is the
    link that opens one cell's sources (the current view's URL with `cell=<area>:<proposal>`)."""
    head = "".join(
        f'<th>{escape(p.short_name)}<br><span class="pm-badge">{escape(PUBLICATION_LABELS[p.publication])}</span>'
        f'<small style="font-weight:normal">{escape(p.date)}</small></th>'
        for p in proposals
    )
    names = {p.id: f"{p.short_name} · {PUBLICATION_LABELS[p.publication]} · {p.date}" for p in proposals}
    body = []
    for area, group in frame.groupby("area", sort=False):
        title = group["area_title"].iloc[0]
        cells = "".join(
            _cell(row, cell_link(area, row["proposal"]) if cell_link else None, names[row["proposal"]], glossary)
            for row in group.to_dict("records")
        )
        body.append(f'<tr><th class="area" scope="row">{escape(title)}<small>{escape(area_notes.get(area, ""))}</small></th>{cells}</tr>')
    min_width = 11 + 10 * len(proposals)  # rem: columns never narrower than ~11rem; the table scrolls sideways instead
    return (f'{CSS}{GLOSSARY_CSS}<div class="pm-wrap" tabindex="0" aria-label="Comparison matrix (scrolls in both directions)">'
            f'<table class="pm" style="min-width:{min_width}rem"><thead><tr><th class="area" scope="col">Issue area</th>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>')


def legend_html(kinds: Sequence[str], refs: References | None = None, glance: bool = False) -> str:
    """A compact legend: the step colours, the reference markers, the empty kinds that appear, the evidence borders
    (`glance`: worded for the glance matrix, where U / R sit inside the strip and cells carry marks)."""
    ramp = "".join(
        f'<span class="sw" style="background:{c}; color:{text_colour(c)}">{i + 1}</span>' for i, c in enumerate(SCALE_CLASSES[5])
    )
    items = [f"<span>{ramp} the position's step on the area's scale, from the outcome Ukraine has sought (first) "
             f"to the outcome Russia has sought (last)</span>"]
    if refs is not None:
        where = "in a cell's strip" if glance else "under a cell"
        items.append(f'<span><b>U</b> / <b>R</b> {where}: where Ukraine\'s / Russia\'s stated position sits. '
                     f'{escape(refs.describe())}</span>')
    for kind in kinds:
        if kind in BLANK_STYLE:
            style = BLANK_STYLE[kind]
            hatch = "background-image:repeating-linear-gradient(45deg,#E6E6E6 0 6px,#FFF 6px 12px);" if kind in ("not_addressed", "unknown") else ""
            items.append(f'<span><span class="sw" style="background:{style["bg"]}; {hatch}">&nbsp;</span>{escape(style["word"])}</span>')
    evidence = "".join(
        f'<span><span class="sw" style="border:3px {v["border"]} #222">{v["icon"]}</span>{escape(v["word"])}</span>'
        for v in EVIDENCE_STYLE.values()
    )
    marks = ('<span><span class="sw">⚠</span>contested: someone disputes a claim in the cell</span>'
             '<span><span class="sw">weak sources</span>every source for the cell is graded low reliability</span>') if glance else ""
    key = ('<div class="pm-legend"><span><b>Under each proposal</b>: how the whole document came out (e.g. leaked draft). '
           '<b>Cell border and symbol</b> = how that cell\'s content is known:</span>' + evidence + marks + '</div>') if glance else (
          '<div class="pm-legend"><span><b>Column badge</b> = how the whole document came out (e.g. leaked draft). '
          '<b>Cell border and badge</b> = how that cell\'s content is known:</span>' + evidence + '</div>')
    return f'{LEGEND_CSS}<div class="pm-legend"><b>Colour:</b>{"".join(items)}</div>{key}'
