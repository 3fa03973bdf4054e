"""Pure builder of the side-by-side matrix as an HTML table (areas × proposals),
and of its legend. Colour comes from `model.compare` placements; every cell also
carries a symbol and words, so nothing depends on colour alone."""
from __future__ import annotations

from html import escape
from typing import Sequence

import pandas as pd

from components.palette import EVIDENCE_STYLE, PLACEMENT_STYLE
from model.compare import PLACEMENTS
from model.schema import PUBLICATION_LABELS, Proposal

CSS = """
<style>
.pm-wrap {overflow-x:auto;}
table.pm {border-collapse:separate; border-spacing:4px; width:100%; font-size:1rem; table-layout:fixed;}
table.pm th {text-align:left; vertical-align:bottom; padding:6px; font-size:1.05rem;}
table.pm th.area {width:11rem; vertical-align:top; background:#F5F5F5; border-radius:4px; position:sticky; left:0; z-index:1;}
table.pm th.area small {display:block; font-weight:normal; color:#444; font-size:0.85rem; margin-top:4px;}
table.pm td {vertical-align:top; padding:8px; border-radius:4px; border-width:3px; border-color:#222;}
table.pm td .scale {font-weight:700; display:block; margin-bottom:4px;}
table.pm td .text {font-size:0.9rem; line-height:1.3;}
table.pm td .meta {font-size:0.8rem; display:block; margin-top:6px; opacity:0.95;}
table.pm td.not_addressed, table.pm td.unknown {background-image:repeating-linear-gradient(45deg,#E6E6E6 0 8px,#FFFFFF 8px 16px) !important;}
a.pm-link {display:inline-block; font-size:0.8rem; font-weight:600; color:inherit; margin-left:2px;}
.pm-badge {display:inline-block; font-size:0.75rem; font-weight:600; padding:1px 6px; border-radius:8px; border:1px solid #333; background:#fff; color:#000; margin-right:4px;}
.pm-legend {display:flex; flex-wrap:wrap; gap:4px 12px; margin:4px 0 8px 0; font-size:0.88rem;}
.pm-legend span.sw {display:inline-block; min-width:2.2rem; text-align:center; padding:2px 4px; border:1px solid #333; border-radius:3px; margin-right:4px;}
</style>
"""


def short_text(text: str, limit: int = 190) -> str:
    """The text cut at a word boundary, so cells stay readable on a projector (full text in the detail view)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _cell(row: pd.Series, href: str | None) -> str:
    style = PLACEMENT_STYLE[row["placement"]]
    evidence = EVIDENCE_STYLE.get(row["evidence"], EVIDENCE_STYLE["unknown"])
    scale = row["scale_value"] or {"not_addressed": "Not addressed", "unknown": "Not known"}.get(row["placement"], "")
    mark = f"{style['mark']} " if style["mark"] else ""
    contested = '<span class="pm-badge">⚠ contested</span>' if row["contested"] else ""
    title = escape(f"{PLACEMENTS[row['placement']]}. {row['how_computed']}", quote=True)
    return (
        f'<td class="{row["placement"]}" title="{title}" style="background:{style["bg"]}; color:{style["fg"]}; '
        f'border-style:{evidence["border"]};">'
        f'<span class="scale">{escape(mark + scale)}</span>'
        f'<span class="text">{escape(short_text(row["text"]))}</span>'
        f'<span class="meta"><span class="pm-badge">{evidence["icon"]} {evidence["word"]}</span>{contested}'
        + (f'<a class="pm-link" href="{escape(href, quote=True)}" target="_self">sources ↓</a>' if href else "")
        + '</span></td>'
    )


def matrix_html(frame: pd.DataFrame, proposals: Sequence[Proposal], area_notes: dict[str, str],
                area_links: dict[str, str] | None = None) -> str:
    """The matrix table. `frame` is `model.compare.matrix_frame` output; `area_links` maps an area to the
    link that opens its sources (the current view's URL with `detail=<area>`)."""
    area_links = area_links or {}
    head = "".join(
        f'<th>{escape(p.short_name)}<br><span class="pm-badge">{escape(PUBLICATION_LABELS[p.publication])}</span>'
        f'<small style="font-weight:normal">{escape(p.date)}</small></th>'
        for p in proposals
    )
    body = []
    for area, group in frame.groupby("area", sort=False):
        title = group["area_title"].iloc[0]
        cells = "".join(_cell(row, area_links.get(area)) for _, row in group.iterrows())
        body.append(f'<tr><th class="area">{escape(title)}<small>{escape(area_notes.get(area, ""))}</small></th>{cells}</tr>')
    min_width = 11 + 10 * len(proposals)  # rem: columns never narrower than ~11rem; the table scrolls sideways instead
    return f'{CSS}<div class="pm-wrap"><table class="pm" style="min-width:{min_width}rem"><thead><tr><th class="area">Issue area</th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'


def legend_html(kinds: Sequence[str]) -> str:
    """Legend of the placements that appear, plus the evidence borders."""
    items = []
    for kind in kinds:
        style = PLACEMENT_STYLE[kind]
        hatch = "background-image:repeating-linear-gradient(45deg,#E6E6E6 0 6px,#FFF 6px 12px);" if kind in ("not_addressed", "unknown") else ""
        items.append(f'<span><span class="sw" style="background:{style["bg"]}; color:{style["fg"]}; {hatch}">{escape(style["mark"]) or "&nbsp;"}</span>{escape(PLACEMENTS[kind])}</span>')
    evidence = "".join(
        f'<span><span class="sw" style="border:3px {v["border"]} #222">{v["icon"]}</span>{escape(v["word"])}</span>'
        for v in EVIDENCE_STYLE.values()
    )
    return f'{CSS}<div class="pm-legend"><b>Colour:</b>{"".join(items)}</div><div class="pm-legend"><b>Border (how it is known):</b>{evidence}</div>'
