"""Two printable sheets for a lesson, each one self-contained HTML file (no script, no network):

- the worksheet (`worksheet_html`): the quiz's questions with tick boxes and blank lines to write on, the quiz number
  and its online link, then its own answer key on a new page;
- the speaker notes sheet (`notes_sheet_html`): for each slide, its title and the facts a teacher can say, each
  with where it comes from in plain words (publisher, date, title). Never on the projected page; never a file name,
  a seed name or a source id.

Pure: no Streamlit."""
from __future__ import annotations

import re
from html import escape
from typing import Sequence

from model.lessons.deck import Cite, Slide
from model.lessons.worksheet import Worksheet

LETTERS = "ABCDEFGH"
CSS = """
<style>
body {font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif;
  color: #111; max-width: 46rem; margin: 1rem auto; padding: 0 1rem; font-size: 12pt; line-height: 1.4;}
h1 {font-size: 17pt; margin: 0 0 .2rem 0;} h2 {font-size: 13pt; margin: .9rem 0 .2rem 0;}
.meta {color: #333; margin: 0 0 .4rem 0;}
ol.q > li {margin: 0 0 .9rem 0; break-inside: avoid;}
ul.opts {list-style: none; padding-left: .4rem; margin: .2rem 0;}
ul.opts li::before {content: "☐ "; font-size: 13pt;}
.lines {margin: .3rem 0 0 0;} .lines div {border-bottom: 1px solid #777; height: 1.6rem;}
.key {break-before: page;}
.cite {color: #333; font-style: italic;}
ul.notes li {margin-bottom: .3rem;}
section.slide {break-inside: avoid;}
@page {margin: 14mm;}
@media print {body {margin: 0; max-width: none;} a {color: #111; text-decoration: none;}}
</style>
"""


def _lines(count: int) -> str:
    return '<div class="lines">' + "<div></div>" * count + "</div>"


def worksheet_html(sheet: Worksheet, area_titles: Sequence[str], app_url: str = "") -> str:
    """The worksheet: questions to answer on paper, then the answer key (a page of its own)."""
    link = (app_url.rstrip("/") + sheet.quiz_link) if app_url else sheet.quiz_link
    scope = ", ".join(area_titles) if sheet.areas else "all issue areas"
    items, answers = [], []
    for q in sheet.questions:
        options = "".join(f"<li>{LETTERS[i]}. {escape(o.label)}</li>" for i, o in enumerate(q.options))
        items.append(f'<li><p><b>{escape(q.prompt)}</b></p><ul class="opts">{options}</ul>'
                     f"<p>Why? Which source says so?</p>{_lines(2)}</li>")
        proof = q.evidence[0] if q.evidence else None
        source = f' <span class="cite">({escape(proof.publisher)}, {escape(proof.date)}: {escape(proof.title)})</span>' if proof else ""
        answers.append(f"<li><b>{LETTERS[q.answer]}. {escape(q.correct.label)}</b>. {escape(q.explanation)}{source}</li>")
    body = (f'<ol class="q">{"".join(items)}</ol>' if items
            else "<p>No question can be made from the data on these areas. Choose more areas.</p>")
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">', "<title>Worksheet: peace proposals compared</title>",
        CSS, "</head><body>", "<h1>Worksheet: peace proposals compared</h1>",
        f'<p class="meta">Quiz number {sheet.seed} · {len(sheet.questions)} questions · {escape(scope)}. The same questions '
        f'online: <a href="{escape(link, quote=True)}">{escape(link)}</a></p>',
        "<p>Name: ____________________________ &nbsp; Date: ______________</p>", body,
        f'<section class="key"><h1>Answer key: quiz number {sheet.seed}</h1><ol>{"".join(answers)}</ol></section>',
        "</body></html>",
    ])


_SEEDISH = re.compile(r"\bseed(s| file| files)?\b|\.ya?ml\b|\.txt\b|\.md\b", re.IGNORECASE)


def plain_text(text: str) -> str:
    """A note in plain words: the data's bookkeeping ("(seed 001)", "the seed file") taken out."""
    text = re.sub(r"\s*\((?:[^()]*\b)?seeds?\b[^()]*\)", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\bthe seed files?\b", "the copy on record", text, flags=re.IGNORECASE)
    return re.sub(r"\bseeds?(?: files?)?(?: \d+)?\b", "a document on record", text, flags=re.IGNORECASE)


def plain_source(c: Cite) -> str:
    """Where a fact comes from, in plain words: publisher, date and title (never a file name, seed or id)."""
    publisher = c.publisher if not _SEEDISH.search(c.publisher) else "a news outlet not named in the copy on record"
    title = c.title if not _SEEDISH.search(c.title) else ""
    date = c.date if c.date and c.date != "n.d." else "undated"
    return ", ".join(x for x in (publisher, date, f"“{title.rstrip('.')}”" if title else "") if x)


def notes_sheet_html(slides: Sequence[Slide], generated: str = "") -> str:
    """The speaker notes of every slide, to print for the teacher's own desk."""
    parts = []
    for number, slide in enumerate(slides, start=1):
        notes = "".join(f'<li>{escape(plain_text(n.text))} <span class="cite">({escape("; ".join(plain_source(c) for c in n.cites))})</span></li>'
                        if n.cites else f"<li>{escape(plain_text(n.text))}</li>" for n in slide.notes)
        parts.append(f'<section class="slide"><h2>Slide {number}: {escape(slide.title)}</h2>'
                     + (f'<ul class="notes">{notes}</ul>' if notes else '<p class="meta">Nothing to add: the slide says it.</p>')
                     + "</section>")
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">', "<title>Speaker notes: peace proposals compared</title>",
        CSS, "</head><body>", "<h1>Speaker notes</h1>",
        f'<p class="meta">For the teacher only: these are not shown on the projected slides. {len(slides)} slides'
        + (f"; made {escape(generated)}" if generated else "") + ".</p>",
        *parts, "</body></html>",
    ])
