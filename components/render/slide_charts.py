"""Charts made readable at a given size: for a slide seen from the back row, and for a printed handout.

`sized_figure(fig, width, height, font_px)` is a copy of a chart drawn for a box of `width` × `height` pixels with
every piece of text (ticks, labels, annotations, legend, map titles) at least `font_px`, its own title dropped (the
slide or the handout writes it), and, where `legend=False`, no legend (the colour key is then written beside the
chart in HTML, `map_key_html`). `inline_svg(svg)` turns the exported SVG into markup that scales with its box
(a viewBox, width and height 100 %), so on a slide its text grows with the screen and can be measured in the page.
Pure: no Streamlit."""
from __future__ import annotations

import re
from html import escape

import plotly.graph_objects as go

from components.render.palette import text_colour


def sized_figure(fig: go.Figure, width: int, height: int, font_px: float, legend: bool = True) -> go.Figure:
    """A copy of `fig` laid out for `width` × `height` pixels with no text under `font_px`."""
    out = go.Figure(fig)
    size = float(font_px)
    out.update_layout(width=width, height=height, title={"text": ""}, font={"size": size}, autosize=False,
                      margin={"t": int(size * 1.6), "l": 8, "r": 12, "b": 8})
    if out.layout.title and out.layout.title.subtitle:
        out.layout.title.subtitle.text = ""
    if legend:
        out.update_layout(showlegend=True, legend={"font": {"size": size}, "title": {"font": {"size": size}},
                                                   "orientation": "v", "x": 1.01, "xanchor": "left", "y": 1,
                                                   "yanchor": "top"})
    else:
        out.update_layout(showlegend=False)
    out.update_xaxes(tickfont={"size": size}, title_font={"size": size})
    out.update_yaxes(tickfont={"size": size}, title_font={"size": size})
    for a in out.layout.annotations:
        a.font.size = max(size, a.font.size or 0)
    for trace in out.data:
        if "textfont" in trace:
            trace.textfont.size = size
    return out


_SIZE = re.compile(r'^(<svg\b[^>]*?)\s(width|height)="[\d.]+"', re.S)


def inline_svg(svg: bytes | str, label: str, css_class: str = "pv-svg") -> str:
    """The exported SVG as inline markup that fills its box (keeping its aspect), labelled for screen readers."""
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    text = re.sub(r"^<\?xml[^>]*>\s*", "", text.strip())
    width = re.search(r'<svg\b[^>]*?\swidth="([\d.]+)"', text)
    height = re.search(r'<svg\b[^>]*?\sheight="([\d.]+)"', text)
    while _SIZE.search(text):
        text = _SIZE.sub(r"\1", text, count=1)
    if "viewBox" not in text.split(">", 1)[0] and width and height:
        text = text.replace("<svg", f'<svg viewBox="0 0 {width.group(1)} {height.group(1)}"', 1)
    text = re.sub(r'(<svg\b[^>]*?)\sclass="[^"]*"', r"\1", text, count=1)
    text = re.sub(r'^<svg\b', f'<svg role="img" aria-label="{escape(label, quote=True)}" class="{css_class}" '
                              'preserveAspectRatio="xMidYMid meet"', text, count=1)
    text = re.sub(r'(<svg\b[^>]*?)\sstyle="[^"]*"', r"\1", text, count=1)
    return text


def map_key_html(taxonomy, css_class: str = "pv-key pv-mapkey", note: bool = False) -> str:
    """The territory maps' colour key in HTML: every region status's colour (hatched = split), and the 2022 line."""
    from components.render.map_style import CONTROL_2022_LABEL, NO_LATER_LINE, status_styles

    items = []
    for s in status_styles(taxonomy):
        hatch = ("background-image:repeating-linear-gradient(45deg,#542788 0 3px,transparent 3px 9px);" if s.split else "")
        border = "2px dotted #333" if s.dash == "dot" else "1px solid #333"
        items.append(f'<li><i style="background-color:{s.color};{hatch}border:{border};color:{text_colour(s.color)}"></i>'
                     f"{escape(s.label)}{' (hatched: split at the line of contact)' if s.split else ''}</li>")
    items.append(f'<li><i style="background:#FFF;border:3px dashed #000"></i>{escape(CONTROL_2022_LABEL)}</li>')
    return (f'<div class="{css_class}"><b>Colour key: the status each proposal gives a region</b>'
            f'<ul>{"".join(items)}</ul>{f"<p>{escape(NO_LATER_LINE)}</p>" if note else ""}</div>')
