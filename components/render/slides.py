"""Pure HTML builder of one present-mode slide from a `model.lessons.deck.Slide` (speaker notes are never on a
slide: they are printed by `components.render.notes_sheet`). No Streamlit. Every size is in design pixels that
grow with the screen (`u`, `f`): text is 24 px at 1280 × 720 and 1.5 times that at 1920 × 1080, never under 20 px;
area slides carry their colour key (`colour_key_html`). Each
slide is exactly one screen high and never scrolls: the deck splits content over
more slides instead of shrinking it. Cells are coloured with the matrix's own
palette functions (each coded position by its own step on its scale)."""
from __future__ import annotations

import base64
from html import escape
from urllib.parse import urlparse

import pandas as pd

from components.render.matrix import step_strip
from components.render.palette import BLANK_STYLE, EVIDENCE_STYLE, step_colour, text_colour
from model.lessons.deck import Cite, ColourKey, Slide

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif"
NAV_HEIGHT = 84  # px kept free under the slide for the navigation row (at 1280 × 720; it grows with the screen)
# One design pixel: 1 px on a 1280 × 720 screen, growing with the screen (1.5 px at 1920 × 1080) and following the
# shorter side, so a slide keeps its layout on every projector. Every size below is a multiple of it.
UNIT = "min(0.078125vw, 0.1388889vh)"


def u(n: float) -> str:
    """`n` design pixels, as CSS."""
    return f"calc({n} * var(--pv-u))"


def f(n: float) -> str:
    """A font size of `n` design pixels, never under 20 px."""
    return f"max(20px, {u(n)})"


CSS = f"""
<style>
:root {{--pv-u: {UNIT};}}
.pv-slide {{box-sizing:border-box; height:calc(100vh - {u(NAV_HEIGHT)}); min-height:420px; width:100%; overflow:hidden;
  display:flex; flex-direction:column; gap:{u(10)}; padding:{u(14)} {u(22)}; background:#FFFFFF; color:#111111;
  font-family:{FONT}; font-size:{f(24)}; line-height:1.22; border:1px solid #CCCCCC; border-radius:6px;}}
.pv-slide * {{box-sizing:border-box;}}
.pv-slide p, .pv-slide li, .pv-slide td, .pv-slide th, .pv-slide span, .pv-slide b {{font-size:{f(24)}; line-height:1.22;}}
.pv-slide h1 {{font-size:{f(36)}; line-height:1.12; margin:0; padding:0; font-weight:700; color:#111111;}}
.pv-slide .pv-sub {{font-size:{f(24)}; margin:0; color:#333333;}}
.pv-body {{flex:1 1 auto; min-height:0; display:flex; flex-direction:column; gap:{u(10)};}}
.pv-cards {{flex:1 1 auto; min-height:0; display:grid; gap:{u(12)}; grid-auto-rows:1fr;}}
.pv-card {{border-width:{u(4)}; border-color:#222222; border-radius:8px; padding:{u(6)} {u(12)}; display:flex;
  flex-direction:column; gap:{u(2)}; min-width:0; overflow:hidden;}}
.pv-card h2 {{font-size:{f(26)} !important; line-height:1.12; margin:0; padding:0; font-weight:700; color:inherit;}}
.pv-card p.pv-headline {{font-size:{f(25)}; font-weight:700; margin:0; line-height:1.15;}}
.pv-card p, .pv-card ul {{margin:0; padding:0;}}
.pv-card ul {{list-style:none;}}
.pv-card .pv-badge {{display:inline-block; font-size:{f(24)}; padding:0 {u(8)}; border-radius:10px; border:2px solid #222222;
  background:#FFFFFF; color:#000000; margin:0 {u(6)} {u(4)} 0; font-weight:600;}}
.pv-card .pv-src {{margin-top:auto; font-style:italic;}}
.pv-slide .pm-strip {{display:grid; gap:3px; margin:2px 0; max-width:100%;}}
.pv-slide .pm-strip i {{display:block; height:{u(16)}; border:1px solid #444444; border-radius:2px;}}
.pv-slide .pm-strip i.on {{height:{u(22)}; margin-top:{u(-3)}; border:3px solid #000000; box-shadow:0 0 0 2px #FFFFFF;}}
.pv-slide .pm-strip b {{font-size:{f(24)}; line-height:1; text-align:center; font-weight:700;}}
.pv-slide table.pv-table {{border-collapse:collapse; width:100%; font-size:{f(24)};}}
.pv-slide table.pv-table th, .pv-slide table.pv-table td {{text-align:left; padding:{u(6)} {u(10)}; border-bottom:2px solid #DDDDDD; vertical-align:top;}}
.pv-slide table.pv-table th {{font-weight:700; background:#F2F2F2;}}
.pv-slide ol.pv-sources {{margin:0; padding-left:{u(36)};}}
.pv-slide ol.pv-sources li {{margin:0 0 {u(8)} 0;}}
.pv-slide .pv-chartrow {{flex:1 1 auto; min-height:0; display:flex; gap:{u(14)}; align-items:stretch;}}
.pv-slide .pv-chart {{flex:1 1 auto; min-height:0; min-width:0; display:flex; align-items:center; justify-content:center;}}
.pv-slide .pv-chart img, .pv-slide .pv-chart svg.pv-svg {{max-width:100%; max-height:100%; width:100%; height:100%;
  object-fit:contain; display:block;}}
.pv-slide .pv-why {{font-style:italic; color:#333333;}}
.pv-slide .pv-key {{border-top:2px solid #DDDDDD; padding-top:{u(2)}; display:flex; flex-wrap:wrap; align-items:center;
  gap:{u(2)} {u(14)};}}
.pv-slide .pv-key, .pv-slide .pv-key * {{font-size:{f(20)}; line-height:1.15;}}
.pv-slide .pv-key .pv-step {{display:inline-flex; align-items:center; gap:{u(5)};}}
.pv-slide .pv-key .pv-step i {{display:inline-block; min-width:{u(30)}; text-align:center; font-style:normal; font-weight:700;
  border:1px solid #444444; border-radius:3px; padding:0 {u(4)};}}
.pv-slide .pv-mapkey {{flex:0 0 32%; flex-direction:column; flex-wrap:nowrap; align-items:flex-start; border-top:none; padding-top:0;}}
.pv-slide .pv-mapkey ul {{list-style:none; margin:0; padding:0;}}
.pv-slide .pv-mapkey li {{display:flex; align-items:center; gap:{u(8)}; margin:0 0 {u(4)} 0;}}
.pv-slide .pv-mapkey li i {{display:inline-block; flex:0 0 auto; width:{u(34)}; height:{u(22)};}}
.pv-slide .pv-mapkey p {{margin:0; color:#333333;}}
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
        step = f"Step {card.step + 1} of {card.steps}"  # the step's words are in the slide's colour key
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


def colour_key_html(key: ColourKey | None) -> str:
    """What the colours of an area slide mean: each step's colour, number and few words, then U and R."""
    if key is None:
        return ""
    steps = []
    for i, label in enumerate(key.steps):
        colour = step_colour(i, len(key.steps))
        steps.append(f'<span class="pv-step"><i style="background:{colour};color:{text_colour(colour)}">{i + 1}</i>{escape(label)}</span>')
    refs = [f"<b>{mark}</b> = {escape(who)}" for mark, who in (("U", key.first), ("R", key.last)) if who]
    tail = f'<span>{" · ".join(refs)}</span>' if refs else ""
    return (f'<div class="pv-key" role="note" aria-label="Colour key"><b>Colour = step, 1 = what Ukraine has sought, '
            f'{len(key.steps)} = what Russia has sought:</b>{"".join(steps)}{tail}</div>')


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


def _chart_body(image: bytes | None, mime: str, alt: str, fallback: pd.DataFrame | None, why: str, svg: str = "",
                key: str = "") -> str:
    if svg:
        return f'<div class="pv-chartrow"><div class="pv-chart">{svg}</div>{key}</div>'
    if image is not None:
        data = base64.b64encode(image).decode("ascii")
        return f'<div class="pv-chart"><img src="data:{mime};base64,{data}" alt="{escape(alt, quote=True)}"></div>'
    parts = [f'<p class="pv-why">No chart image here: {escape(why)}</p>' if why else ""]
    if fallback is not None:
        parts.append(table_html(fallback))
    return "".join(parts)


def slide_html(slide: Slide, number: int, total: int, *, image: bytes | None = None, mime: str = "image/svg+xml",
               alt: str = "", fallback: pd.DataFrame | None = None, why: str = "", svg: str = "", key: str = "") -> str:
    """One slide as HTML (with its CSS). Chart slides use `svg` (inline, scaling with the screen; `key`: its colour
    key in HTML beside it), else `image`, else the `fallback` table with `why`."""
    if slide.kind == "area":
        columns = max(len(slide.cards), 1)
        body = (f'<div class="pv-cards" style="grid-template-columns:repeat({columns}, minmax(0, 1fr))">{"".join(_card(c) for c in slide.cards)}</div>'
                + colour_key_html(slide.colours))
    elif slide.kind == "title":
        body = _title_body(slide)
    elif slide.kind == "sources":
        body = _sources_body(slide)
    else:
        body = _chart_body(image, mime, alt or slide.title, fallback, why, svg, key)
    sub = f'<p class="pv-sub">{escape(slide.subtitle)}</p>' if slide.subtitle and slide.kind != "area" else ""
    return (f'{CSS}<section class="pv-slide pv-{slide.kind}" aria-label="Slide {number} of {total}: {escape(slide.title, quote=True)}" '
            f'data-slide="{number}"><h1>{escape(slide.title)}</h1>{sub}<div class="pv-body">{body}</div></section>')


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
