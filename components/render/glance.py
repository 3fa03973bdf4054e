"""Pure builder of the glance matrix, Compare's default view: every chosen area × proposal in one screen.

Each cell holds only its coded headline (a few words: the step's short label, or the number, e.g. "Cap 600,000"),
its step on the area's scale as a number and as a strip of the scale's colours with U / R written in the steps
where Ukraine's and Russia's stated positions sit, its evidence border, and marks for a contested claim or a cell
resting only on weak sources. Clicking or tapping a cell (or its headline link) opens the full text and sources.
On phones (< 700 px) each area becomes one compact block with one row ("chip") per proposal."""
from __future__ import annotations

from html import escape
from typing import Callable, Sequence

import pandas as pd

from components.render.matrix import GLOSSARY_CSS
from components.render.palette import BLANK_STYLE, EVIDENCE_STYLE, step_colour, text_colour
from model.analysis.compare import PLACEMENTS
from model.data.glossary import Glossary, mark_html
from model.data.schema import PUBLICATION_LABELS, Proposal

CSS = """
<style>
.gx-wrap {border:1px solid #DDD; border-radius:6px; overflow-x:auto;}
table.gx {border-collapse:separate; border-spacing:2px 3px; width:100%; table-layout:fixed; font-size:0.95rem;}
table.gx thead th {text-align:left; vertical-align:bottom; padding:2px 6px; font-size:0.95rem; line-height:1.2;}
table.gx thead th small {display:block; font-weight:normal; font-size:0.78rem; color:#333;}
table.gx th.area {width:8.5rem; text-align:left; vertical-align:middle; background:#F5F5F5; border-radius:4px;
  padding:2px 6px; font-size:0.9rem; line-height:1.15;}
table.gx td {position:relative; vertical-align:middle; padding:2px 5px; border-radius:4px; border-width:3px; border-color:#222; cursor:pointer;
  line-height:1.15;}
table.gx td:hover, table.gx td:focus {outline:3px solid #000; outline-offset:1px;}
table.gx td .gx-head {font-weight:700; display:block; font-size:0.9rem; line-height:1.2;}
table.gx td a.gx-open {position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap;}  /* for screen readers and keyboards: the whole cell is the visible target */
table.gx td .who {display:none;}
.gx-line {display:flex; align-items:center; gap:4px; margin-top:1px; font-size:0.75rem; font-weight:600; white-space:nowrap;}
.gx-strip {display:inline-grid; gap:1px; flex:0 0 auto;}
.gx-strip i {display:block; width:0.8rem; height:0.85rem; border:1px solid #444; border-radius:2px; font-style:normal;
  font-size:0.6rem; line-height:0.8rem; text-align:center; font-weight:800;}
.gx-strip i.on {border:2px solid #000; box-shadow:0 0 0 1px #FFF;}
.gx-mark {display:inline-block; padding:0 4px; border:1px solid currentColor; border-radius:6px; font-size:0.7rem;
  background:#FFF; color:#000;}
.gx-blank {background-image:repeating-linear-gradient(45deg,#E6E6E6 0 8px,#FFFFFF 8px 16px) !important;}
@media (max-width: 700px) {
  .gx-wrap {border:none; overflow:visible;}
  table.gx, table.gx tbody, table.gx tr, table.gx th.area {display:block; width:auto;}
  table.gx {border-spacing:0; min-width:0 !important;}
  table.gx thead {display:none;}
  table.gx tr {margin:0 0 8px 0; border:1px solid #BBB; border-radius:6px; padding:3px;}
  table.gx th.area {margin-bottom:3px; font-size:0.95rem;}
  table.gx td {display:grid; grid-template-columns:6.5rem 1fr; column-gap:6px; margin:3px 0; padding:3px 5px;}
  table.gx td .who {display:block; grid-row:span 2; font-weight:700; font-size:0.8rem; align-self:center;}
}
</style>
"""


def mini_strip(steps: int, step: int, first: int | None, last: int | None) -> str:
    """The scale's step colours, this cell's step outlined, U and R written inside the parties' steps."""
    boxes = []
    for i in range(steps):
        colour = step_colour(i, steps)
        mark = ("U" if i == first else "") + ("R" if i == last else "")
        boxes.append(f'<i class="{"on" if i == step else ""}" style="background:{colour};color:{text_colour(colour)}">{mark}</i>')
    return f'<span class="gx-strip" aria-hidden="true" style="grid-template-columns:repeat({steps},auto)">{"".join(boxes)}</span>'


def _marks(row: dict) -> str:
    marks = []
    if row["contested"]:
        marks.append('<span class="gx-mark" role="img" aria-label="contested" title="A claim in this cell is contested: open the cell to see who disputes it">⚠</span>')
    if row.get("weak_sources"):
        marks.append('<span class="gx-mark" title="Every source for this cell is graded low reliability">weak sources</span>')
    return "".join(marks)


def _int(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def glance_cell(row: dict, href: str | None, who: str, glossary: Glossary | None = None) -> str:
    """One cell: headline, step number and strip (coded cells), evidence border, marks."""
    kind = row["placement"]
    evidence = EVIDENCE_STYLE.get(row["evidence"], EVIDENCE_STYLE["unknown"])
    if kind == "placed":
        step, steps = int(row["step"]), int(row["steps"])
        bg = step_colour(step, steps)
        fg, blank = text_colour(bg), ""
        head = row["glance"] or row["headline"]
        line = (f'<span>{step + 1}/{steps}</span>' + mini_strip(steps, step, _int(row["first_step"]), _int(row["last_step"])))
    else:
        style = BLANK_STYLE[kind]
        bg, fg = style["bg"], style["fg"]
        blank = " gx-blank" if kind in ("not_addressed", "unknown") else ""
        head = row["glance"] or style["word"]
        line = f'<span>{escape(style["word"])}</span>' if row["glance"] else ""
    text = mark_html(head, glossary) if glossary else escape(head)
    title = escape(f"{PLACEMENTS[kind]}. {evidence['word']}. {row['how_computed']}", quote=True)
    label = escape(f"sources: {who}, {row['area_title']}", quote=True)
    link = f'<a class="gx-open" href="{escape(href, quote=True)}" target="_self" aria-label="{label}">sources</a>' if href else ""
    tail = (f'<span class="gx-line">{line}<span title="{escape(evidence["word"], quote=True)}">{evidence["icon"]}</span>'
            f'{_marks(row)}{link}</span>')
    return (f'<td class="{kind}{blank}" title="{title}" data-cell="{escape(row["area"] + ":" + row["proposal"], quote=True)}" '
            f'tabindex="0" style="background:{bg}; color:{fg}; border-style:{evidence["border"]};">'
            f'<span class="who">{escape(who)}</span><span class="gx-head">{text}</span>{tail}</td>')


def glance_html(frame: pd.DataFrame, proposals: Sequence[Proposal], area_notes: dict[str, str],
                cell_link: Callable[[str, str], str] | None = None, glossary: Glossary | None = None) -> str:
    """The glance matrix. `frame` is `model.analysis.compare.matrix_frame` output (with its `glance` column)."""
    head = "".join(
        f'<th scope="col">{escape(p.short_name)}<small>{escape(PUBLICATION_LABELS[p.publication])} · <span style="white-space:nowrap">{escape(p.date)}</span></small></th>'
        for p in proposals)
    names = {p.id: p.short_name for p in proposals}
    body = []
    for area, group in frame.groupby("area", sort=False):
        title = group["area_title"].iloc[0]
        cells = "".join(glance_cell(row, cell_link(area, row["proposal"]) if cell_link else None, names[row["proposal"]], glossary)
                        for row in group.to_dict("records"))
        body.append(f'<tr><th class="area" scope="row" title="{escape(area_notes.get(area, ""), quote=True)}">{escape(title)}</th>{cells}</tr>')
    min_width = 8.5 + 7.5 * len(proposals)  # rem: narrow enough for four columns beside an open sidebar at 1280 px
    return (f'{CSS}{GLOSSARY_CSS}<div class="gx-wrap" role="region" aria-label="Comparison at a glance: issue areas by proposals">'
            f'<table class="pm gx" style="min-width:{min_width}rem"><thead><tr><th class="area" scope="col">Issue area</th>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>')
