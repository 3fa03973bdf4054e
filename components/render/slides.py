"""Pure HTML builder of one present-mode slide (and its speaker notes) from a
`model.lessons.deck.Slide`. No Streamlit. Text is at least 24 px, headings larger; each
slide is exactly one screen high and never scrolls: the deck splits content over
more slides instead of shrinking it. Cells are coloured with the matrix's own
palette functions (each coded position by its own step on its scale)."""
from __future__ import annotations

import base64
from html import escape
from typing import Sequence
from urllib.parse import urlparse

import pandas as pd

from components.render.matrix import step_strip
from components.render.palette import BLANK_STYLE, EVIDENCE_STYLE, step_colour, text_colour
from model.lessons.deck import Cite, Note, Slide

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif"
NAV_HEIGHT = 84  # px kept free under the slide for the navigation row

CSS = f"""
<style>
.pv-slide {{box-sizing:border-box; height:calc(100vh - {NAV_HEIGHT}px); min-height:420px; width:100%; overflow:hidden;
  display:flex; flex-direction:column; gap:10px; padding:14px 22px; background:#FFFFFF; color:#111111;
  font-family:{FONT}; font-size:24px; line-height:1.22; border:1px solid #CCCCCC; border-radius:6px;}}
.pv-slide * {{box-sizing:border-box;}}
.pv-slide p, .pv-slide li, .pv-slide td, .pv-slide th, .pv-slide span {{font-size:24px; line-height:1.22;}}
.pv-slide h1 {{font-size:36px; line-height:1.12; margin:0; padding:0; font-weight:700; color:#111111;}}
.pv-slide .pv-sub {{font-size:24px; margin:0; color:#333333;}}
.pv-body {{flex:1 1 auto; min-height:0; display:flex; flex-direction:column; gap:10px;}}
.pv-cards {{flex:1 1 auto; min-height:0; display:grid; gap:12px; grid-auto-rows:1fr;}}
.pv-card {{border-width:4px; border-color:#222222; border-radius:8px; padding:8px 12px; display:flex;
  flex-direction:column; gap:4px; min-width:0; overflow:hidden;}}
.pv-card h2 {{font-size:26px !important; line-height:1.12; margin:0; padding:0; font-weight:700; color:inherit;}}
.pv-card p.pv-headline {{font-size:25px; font-weight:700; margin:0; line-height:1.15;}}
.pv-card p, .pv-card ul {{margin:0; padding:0;}}
.pv-card ul {{list-style:none;}}
.pv-card .pv-badge {{display:inline-block; font-size:24px; padding:0 8px; border-radius:10px; border:2px solid #222222;
  background:#FFFFFF; color:#000000; margin:0 6px 4px 0; font-weight:600;}}
.pv-card .pv-src {{margin-top:auto; font-style:italic;}}
.pv-slide .pm-strip {{display:grid; gap:3px; margin:2px 0; max-width:100%;}}
.pv-slide .pm-strip i {{display:block; height:16px; border:1px solid #444444; border-radius:2px;}}
.pv-slide .pm-strip i.on {{height:22px; margin-top:-3px; border:3px solid #000000; box-shadow:0 0 0 2px #FFFFFF;}}
.pv-slide .pm-strip b {{font-size:24px; line-height:1; text-align:center; font-weight:700;}}
.pv-slide table.pv-table {{border-collapse:collapse; width:100%; font-size:24px;}}
.pv-slide table.pv-table th, .pv-slide table.pv-table td {{text-align:left; padding:6px 10px; border-bottom:2px solid #DDDDDD; vertical-align:top;}}
.pv-slide table.pv-table th {{font-weight:700; background:#F2F2F2;}}
.pv-slide ol.pv-sources {{margin:0; padding-left:36px;}}
.pv-slide ol.pv-sources li {{margin:0 0 8px 0;}}
.pv-slide .pv-chart {{flex:1 1 auto; min-height:0; display:flex; align-items:center; justify-content:center;}}
.pv-slide .pv-chart img {{max-width:100%; max-height:100%; object-fit:contain; display:block;}}
.pv-slide .pv-why {{font-style:italic; color:#333333;}}
.pv-notes {{font-family:{FONT}; font-size:24px; line-height:1.3; color:#111111; background:#FFFBE6; border:2px solid #B58900;
  border-radius:6px; padding:10px 16px; margin-top:8px;}}
.pv-notes h2 {{font-size:28px; margin:0 0 6px 0;}}
.pv-notes li {{margin-bottom:6px;}}
.pv-notes .pv-cite {{color:#333333; font-style:italic;}}
</style>
"""


def _cite_text(c: Cite) -> str:
    return f"{c.publisher}, {c.date}"


def _card(card) -> str:
    evidence = EVIDENCE_STYLE.get(card.evidence, EVIDENCE_STYLE["unknown"])
    if card.kind == "placed" and card.step is not None and card.steps:
        bg = step_colour(card.step, card.steps)
        fg = text_colour(bg)
        strip = step_strip(card.steps, card.step, card.first_step, card.last_step)
        step = f"Step {card.step + 1} of {card.steps}" + (f": {card.scale_label}" if card.scale_label and card.scale_label != card.headline else "")
        step_html = f'<p class="pv-step">{escape(step)}</p>'
    else:
        style = BLANK_STYLE.get(card.kind, BLANK_STYLE["not_placed"])
        bg, fg, strip = style["bg"], style["fg"], ""
        step_html = f'<p class="pv-step">{escape(style["word"])}</p>' if style["word"] != card.headline else ""
    hatch = "background-image:repeating-linear-gradient(45deg,#E6E6E6 0 10px,#FFFFFF 10px 20px);" if card.kind in ("not_addressed", "unknown") else ""
    facts = "".join(f"<li>{escape(f)}</li>" for f in card.facts)
    contested = '<span class="pv-badge">⚠ Contested</span>' if card.contested else ""
    return (
        f'<article class="pv-card {escape(card.kind)}" style="background-color:{bg}; color:{fg}; {hatch}'
        f'border-style:{evidence["border"]};" title="{escape(card.contested, quote=True)}">'
        f'<h2>{escape(card.name)}</h2>'
        f'<p class="pv-headline">{escape(card.headline)}</p>{strip}{step_html}'
        + (f'<ul class="pv-facts">{facts}</ul>' if facts else "")
        + f'<p title="{escape(card.evidence_label, quote=True)}"><span class="pv-badge">{evidence["icon"]} {escape(evidence["word"])}</span>{contested}</p>'
        f'<p class="pv-src">{escape(card.source_line)}</p></article>'
    )


def _title_body(slide: Slide) -> str:
    rows = "".join(f"<tr><td><b>{escape(r.name)}</b></td><td>{escape(r.date)}</td><td>{escape(r.known)}</td><td>{escape(r.status)}</td></tr>"
                   for r in slide.rows)
    return ('<table class="pv-table"><thead><tr><th scope="col">Proposal</th><th scope="col">Date</th>'
            f'<th scope="col">How it is known</th><th scope="col">Status</th></tr></thead><tbody>{rows}</tbody></table>')


def _sources_body(slide: Slide) -> str:
    items = []
    for c in slide.sources:
        where = urlparse(c.url).netloc if c.url.startswith("http") else c.url
        items.append(f"<li><b>{escape(c.title.rstrip('.'))}</b>. {escape(_cite_text(c))}" + (f" · {escape(where)}" if where else "") + "</li>")
    return f'<ol class="pv-sources" start="{slide.first_number}">{"".join(items)}</ol>'


def table_html(frame: pd.DataFrame, max_rows: int = 8) -> str:
    """A plain table (the chart's fallback when no image can be made)."""
    head = "".join(f'<th scope="col">{escape(str(c))}</th>' for c in frame.columns)
    body = "".join("<tr>" + "".join(f"<td>{escape('' if pd.isna(v) else str(v))}</td>" for v in row) + "</tr>"
                   for row in frame.head(max_rows).itertuples(index=False))
    return f'<table class="pv-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _chart_body(image: bytes | None, mime: str, alt: str, fallback: pd.DataFrame | None, why: str) -> str:
    if image is not None:
        data = base64.b64encode(image).decode("ascii")
        return f'<div class="pv-chart"><img src="data:{mime};base64,{data}" alt="{escape(alt, quote=True)}"></div>'
    parts = [f'<p class="pv-why">No chart image here: {escape(why)}</p>' if why else ""]
    if fallback is not None:
        parts.append(table_html(fallback))
    return "".join(parts)


def slide_html(slide: Slide, number: int, total: int, *, image: bytes | None = None, mime: str = "image/svg+xml",
               alt: str = "", fallback: pd.DataFrame | None = None, why: str = "") -> str:
    """One slide as HTML (with its CSS). `image`/`fallback` are used by chart slides."""
    if slide.kind == "area":
        columns = max(len(slide.cards), 1)
        body = f'<div class="pv-cards" style="grid-template-columns:repeat({columns}, minmax(0, 1fr))">{"".join(_card(c) for c in slide.cards)}</div>'
    elif slide.kind == "title":
        body = _title_body(slide)
    elif slide.kind == "sources":
        body = _sources_body(slide)
    else:
        body = _chart_body(image, mime, alt or slide.title, fallback, why)
    sub = f'<p class="pv-sub">{escape(slide.subtitle)}</p>' if slide.subtitle and slide.kind != "area" else ""
    return (f'{CSS}<section class="pv-slide pv-{slide.kind}" aria-label="Slide {number} of {total}: {escape(slide.title, quote=True)}" '
            f'data-slide="{number}"><h1>{escape(slide.title)}</h1>{sub}<div class="pv-body">{body}</div></section>')


def notes_html(notes: Sequence[Note]) -> str:
    """Speaker notes: each fact with its citations."""
    if not notes:
        items = "<li>No computed facts for this slide.</li>"
    else:
        items = "".join(
            f"<li>{escape(n.text)} <span class=\"pv-cite\">[{escape('; '.join(_cite_text(c) for c in n.cites))}]</span></li>"
            for n in notes)
    return f'{CSS}<aside class="pv-notes" aria-label="Speaker notes"><h2>Speaker notes</h2><ul>{items}</ul></aside>'


# ---- the charts behind chart slides and the handout (pure: frames in, figures out) ----------

CHART_ALT = {
    "troop_caps": "Horizontal bar chart of the cap each proposal sets on Ukraine's armed forces; proposals without a cap are labelled, "
                  "not drawn as zero; the reported current and pre-war sizes are marked with their sources.",
    "territory": "Small maps of Ukraine's regions, one per proposal, coloured by the status each proposal gives each region; "
                 "regions split at the line of contact are hatched.",
    "guarantees": "Dot chart placing each proposal on the guarantee scale from no external guarantee to NATO membership, "
                  "with its NATO, EU and foreign-troops stances.",
    "ceasefire": "Bar charts comparing buffer-zone widths and monitor numbers of past ceasefires with those set by the chosen proposals.",
}


def chart_for(key: str, proposals, taxonomy, references=None, comparators=None, map_columns: int = 3):
    """(figure, data table) of one deck chart for `proposals`."""
    from components.render.figures import ceasefire_scale_figure, guarantees_figure, territory_maps, troop_caps_figure
    from model.analysis.chart_data import ceasefire_scale_frame, guarantees_frame, territory_frame, troop_caps_frame

    if key == "troop_caps":
        frame = troop_caps_frame(proposals)
        refs = references.figures if references else []
        names = {s.id: f"{s.publisher}, {s.date or s.date_note or 'n.d.'}" for s in (references.sources if references else [])}
        return troop_caps_figure(frame, refs, names), frame
    if key == "territory":
        frame = territory_frame(proposals, taxonomy)
        return territory_maps(frame, None, taxonomy, columns=max(1, min(map_columns, len(proposals)))), frame
    if key == "guarantees":
        frame = guarantees_frame(proposals, taxonomy)
        return guarantees_figure(frame, taxonomy), frame
    frame = ceasefire_scale_frame(comparators.comparators if comparators else [], proposals)
    return ceasefire_scale_figure(frame), frame


def presentation_fonts(fig, smallest: int = 20):
    """A copy of `fig` with every font at least `smallest` px (for slides seen from the back of a room)."""
    import plotly.graph_objects as go

    out = go.Figure(fig)
    out.update_layout(font={"size": max(smallest + 2, out.layout.font.size or 0)}, legend={"font": {"size": smallest}})
    out.update_xaxes(tickfont={"size": smallest})
    out.update_yaxes(tickfont={"size": smallest})
    for a in out.layout.annotations:
        a.font.size = max(smallest, a.font.size or 0)
    for trace in out.data:
        if "textfont" in trace:
            trace.textfont.size = max(smallest, trace.textfont.size or 0) if not isinstance(trace.textfont.size, (list, tuple)) else smallest
    return out


def slide_table(key: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The few columns of a chart's table that fit a slide in large type (when no image can be shown)."""
    if key == "troop_caps":
        return frame[["label", "cap", "status_label"]].rename(columns={"label": "Proposal", "cap": "Cap", "status_label": "Status"})
    if key == "territory":
        from model.analysis.chart_data import territory_table
        return territory_table(frame).reset_index()
    if key == "guarantees":
        return frame[["proposal_name", "guarantee_label", "nato", "eu", "foreign_troops"]].rename(columns={
            "proposal_name": "Proposal", "guarantee_label": "Security guarantee", "nato": "NATO", "eu": "EU",
            "foreign_troops": "Foreign troops"})
    if key == "ceasefire":
        return frame[["name", "zone_width_km_shown", "monitors_shown"]].rename(
            columns={"name": "Case", "zone_width_km_shown": "Buffer zone (km)", "monitors_shown": "Monitors"})
    return frame
