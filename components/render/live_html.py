"""Pure HTML of a live class (no Streamlit): the join panel with its QR code (segno: an SVG image), a slide in
the phone layout, the anonymous tally as a bar chart (its numbers written out, so it is its own table),
and the presenter's timer. Every text is escaped; nothing here names a student."""
from __future__ import annotations

from functools import lru_cache
from html import escape

import segno

from components.render.palette import step_colour, text_colour
from model.live.polls import Poll

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif"

CSS = f"""<style>
.lv-join {{font-family:{FONT}; background:#FFFFFF; color:#111111; border:3px solid #0B5394; border-radius:10px;
  padding:10px 14px; box-shadow:0 2px 10px rgba(0,0,0,.25); text-align:center;}}
.lv-join .lv-code {{font-size:44px; font-weight:800; letter-spacing:6px; font-family:ui-monospace, 'DejaVu Sans Mono', monospace;}}
.lv-join.lv-small .lv-code {{font-size:26px; letter-spacing:3px;}}
.lv-join p {{margin:2px 0; font-size:20px;}}
.lv-join .lv-url {{font-size:18px; word-break:break-all; max-width:320px;}}
.lv-join img.lv-qr {{display:block; margin:6px auto;}}
.lv-phone {{font-family:{FONT}; color:#111111; font-size:18px; line-height:1.3; max-width:640px;}}
.lv-phone h2 {{font-size:24px; margin:0 0 4px 0;}}
.lv-phone .lv-sub {{color:#333333; margin:0 0 8px 0;}}
.lv-phone .lv-where {{font-size:15px; color:#333333; margin:0 0 6px 0;}}
.lv-phone .lv-card {{border:3px solid #222222; border-radius:8px; padding:8px 10px; margin:0 0 8px 0;}}
.lv-phone .lv-card h3 {{font-size:19px; margin:0; color:inherit;}}
.lv-phone .lv-card p {{margin:2px 0; color:inherit;}}
.lv-phone .lv-head {{font-weight:700;}}
.lv-phone ul, .lv-phone ol {{margin:0; padding-left:22px;}}
.lv-tally {{font-family:{FONT}; color:#111111; font-size:20px;}}
.lv-tally h3 {{font-size:24px; margin:0 0 8px 0;}}
.lv-tally .lv-row {{display:grid; grid-template-columns:minmax(0, 2fr) minmax(0, 3fr) 4.5em; gap:8px; align-items:center; margin:4px 0;}}
.lv-tally .lv-bar {{background:#E6E9EF; border-radius:4px; height:28px; overflow:hidden;}}
.lv-tally .lv-bar i {{display:block; height:100%; background:#0B5394;}}
.lv-tally .lv-row.lv-right .lv-bar i {{background:#1B7F3B;}}
.lv-tally .lv-n {{text-align:right; font-variant-numeric:tabular-nums;}}
.lv-tally .lv-note {{font-size:17px; color:#333333; margin-top:6px;}}
.lv-notes {{font-family:{FONT}; font-size:19px; line-height:1.35; color:#111111; background:#FFFBE6; border:2px solid #B58900;
  border-radius:6px; padding:8px 14px;}}
.lv-notes h3 {{font-size:22px; margin:0 0 4px 0;}}
.lv-notes li {{margin-bottom:4px;}}
.lv-timer {{font-family:{FONT}; font-size:22px; color:#111111;}}
.lv-timer b {{font-variant-numeric:tabular-nums;}}
</style>"""


@lru_cache(maxsize=256)
def qr_img(link: str, scale: int = 5) -> str:
    """The link as a QR code: an SVG image (error correction M) in a data URI (st.html keeps <img>, not inline <svg>)."""
    qr = segno.make(link, error="m")
    uri = qr.svg_data_uri(scale=scale, dark="#000000", light="#FFFFFF")
    size = qr.symbol_size(scale=scale)[0]
    return f'<img class="lv-qr" src="{uri}" width="{size}" height="{size}" alt="QR code of the join link">'


def spaced(code: str) -> str:
    """A code as read aloud: "ABC DEF"."""
    return f"{code[:3]} {code[3:]}" if len(code) == 6 else code


def join_panel_html(code: str, link: str, large: bool = True) -> str:
    """The projector's join panel: the code, the link and (large) its QR code."""
    if not large:
        return (f'{CSS}<div class="lv-join lv-small" data-live-code="{escape(code)}" aria-label="Join code {escape(spaced(code))}">'
                f'<p>Join the class</p><div class="lv-code">{escape(spaced(code))}</div></div>')
    return (f'{CSS}<div class="lv-join" data-live-code="{escape(code)}" aria-label="Join the class with code {escape(spaced(code))}">'
            f'<p><b>Join the class on your phone</b></p>{qr_img(link)}'
            f'<p class="lv-url">{escape(link)}</p><p>Code</p><div class="lv-code">{escape(spaced(code))}</div>'
            f'<p>No account, no name.</p></div>')


def _phone_card(card) -> str:
    if card.kind == "placed" and card.step is not None and card.steps:
        bg = step_colour(card.step, card.steps)
        step = f"Step {card.step + 1} of {card.steps}" + (f": {card.scale_label}" if card.scale_label and card.scale_label != card.headline else "")
    else:
        bg, step = "#FFFFFF", ""
    fg = text_colour(bg)
    facts = "".join(f"<li>{escape(f)}</li>" for f in card.facts[:4])
    return (f'<div class="lv-card" style="background:{bg}; color:{fg}"><h3>{escape(card.name)}</h3>'
            f'<p class="lv-head">{escape(card.headline)}</p>' + (f"<p>{escape(step)}</p>" if step else "")
            + (f"<ul>{facts}</ul>" if facts else "")
            + (f"<p>⚠ Contested: {escape(card.contested)}</p>" if card.contested else "")
            + f'<p><i>{escape(card.source_line)}</i></p></div>')


@lru_cache(maxsize=1024)
def phone_slide_html(slide, number: int, total: int, following: bool = True, style: bool = True) -> str:
    """One slide of the deck in the phone layout: one column, one block per proposal; charts are left to the
    projector (a phone gets the slide's title and what to look for). `style=False` leaves out the style sheet
    (`CSS`), for a page that sends it once."""
    where = f"Slide {number} of {total}" + (" · following the teacher" if following else " · on your own")
    parts = [f'{CSS if style else ""}<section class="lv-phone" data-live-slide="{number}" aria-label="Slide {number} of {total}">',
             f'<p class="lv-where">{escape(where)}</p><h2>{escape(slide.title)}</h2>']
    if slide.subtitle:
        parts.append(f'<p class="lv-sub">{escape(slide.subtitle)}</p>')
    if slide.kind == "area":
        parts += [_phone_card(c) for c in slide.cards]
    elif slide.kind == "title":
        parts.append("<ul>" + "".join(f"<li><b>{escape(r.name)}</b> ({escape(r.date)}): {escape(r.known)}, {escape(r.status)}</li>"
                                      for r in slide.rows) + "</ul>")
    elif slide.kind == "sources":
        parts.append(f'<ol start="{slide.first_number}">' + "".join(
            f"<li>{escape(c.title)} ({escape(c.publisher)}, {escape(c.date)})</li>" for c in slide.sources) + "</ol>")
    else:
        parts.append("<p>The chart is on the projector. Its data table is on the Charts page (menu ☰).</p>")
    parts.append("</section>")
    return "".join(parts)


def tally_html(poll: Poll, counts: tuple[int, ...], revealed: bool, show_answer: bool | None = None) -> str:
    """The anonymous tally of `poll` as horizontal bars, with each count and share written out. The right answer
    of a quiz question is marked when `show_answer` (default: once revealed)."""
    show_answer = revealed if show_answer is None else show_answer
    total = sum(counts)
    rows = []
    for i, label in enumerate(poll.options):
        n = counts[i] if i < len(counts) else 0
        share = round(100 * n / total) if total else 0
        right = show_answer and poll.correct == i
        mark = " ✓ right answer" if right else ""
        rows.append(f'<div class="lv-row{" lv-right" if right else ""}"><span>{escape(label)}{mark}</span>'
                    f'<span class="lv-bar" role="img" aria-label="{n} of {total}"><i style="width:{share}%"></i></span>'
                    f'<span class="lv-n">{n} ({share}%)</span></div>')
    head = escape(poll.prompt) + (f" <small>({escape(poll.subtitle)})</small>" if poll.subtitle else "")
    note = f"{total} answer{'s' if total != 1 else ''}, anonymous." + ("" if revealed else " Not shown to the class yet.")
    explain = f'<p class="lv-note">{escape(poll.explanation)}</p>' if show_answer and poll.explanation else ""
    return (f'{CSS}<div class="lv-tally" data-live-tally="{poll.id}" data-revealed="{int(revealed)}"><h3>{head}</h3>'
            + "".join(rows) + f'<p class="lv-note">{note}</p>{explain}</div>')


def notes_html(notes) -> str:
    """The slide's speaker notes (`model.lessons.deck.Note`: a fact and the sources behind it), for the presenter view."""
    if not notes:
        items = "<li>No computed facts for this slide.</li>"
    else:
        items = "".join(f"<li>{escape(n.text)} <i>[{escape('; '.join(c.short for c in n.cites))}]</i></li>" for n in notes)
    return f'{CSS}<aside class="lv-notes" aria-label="Speaker notes"><h3>Speaker notes</h3><ul>{items}</ul></aside>'


def clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def timer_html(elapsed: float, left: float, joined: int, following: int) -> str:
    return (f'{CSS}<div class="lv-timer" role="status">Time <b data-live-timer>{clock(elapsed)}</b> · '
            f'<b data-live-joined="{joined}">{joined}</b> joined, {following} following now · class ends in {clock(left)}</div>')
