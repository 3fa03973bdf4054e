"""The teacher's answer key for one quiz, as a self-contained printable HTML page.
A pure builder (no Streamlit): every data string is escaped."""
from __future__ import annotations

from html import escape
from typing import Sequence

from model.lessons.quiz import Evidence, Question

LETTERS = "ABCDEFGH"

CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; max-width: 48rem;
       margin: 1.5rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; }
.meta { color: #444; margin-top: 0; }
ol.questions > li { margin: 0 0 1.1rem 0; break-inside: avoid; page-break-inside: avoid; }
.prompt { font-weight: 600; }
ol.options { list-style: upper-alpha; margin: .3rem 0; }
.correct { font-weight: 700; }
.correct::after { content: "  ✓ correct"; font-weight: 400; font-size: .85em; }
.why, .proof { font-size: .9rem; color: #333; margin: .2rem 0; }
.proof q { font-style: italic; }
.sheet ol.options .correct { font-weight: 400; }
.sheet ol.options .correct::after { content: ""; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  a { color: #111; text-decoration: none; }
  .answers { break-before: page; page-break-before: always; }
}
"""


def _evidence(item: Evidence) -> str:
    """A proof in plain words: the quote, then the source's title, publisher and date (never a file name or id)."""
    quote = f"<q>{escape(item.quote)}</q> — " if item.quote else ""
    where = escape(item.locator) + ", " if item.locator else ""
    link = f' <a href="{escape(item.url)}">{escape(item.url)}</a>' if item.url and item.url.startswith(("http://", "https://")) else ""
    return (f'<p class="proof">{quote}<cite>{escape(item.title)}</cite>, {escape(item.publisher)}, {escape(item.date)}; '
            f"{where}reliability {escape(item.reliability)}.{link}</p>")


def _question(number: int, q: Question, answers: bool) -> str:
    options = "".join(
        f'<li class="{"correct" if answers and i == q.answer else ""}">{escape(o.label)}</li>' for i, o in enumerate(q.options)
    )
    body = f'<li><p class="prompt">{escape(q.prompt)}</p><ol class="options">{options}</ol>'
    if answers:
        body += f'<p class="why"><b>Answer: {LETTERS[q.answer]}.</b> {escape(q.explanation)}</p>'
        body += "".join(_evidence(e) for e in q.evidence)
    return body + "</li>"


def answer_key_html(questions: Sequence[Question], seed: int, link: str, areas: Sequence[str] = ()) -> str:
    """A question sheet for students, then (on a new printed page) the answers with their sources."""
    scope = "all issue areas" if not areas else ", ".join(areas)
    meta = (f'<p class="meta">Quiz number (seed) {seed} · {len(questions)} questions · {escape(scope)}<br>'
            f"Same link, same questions: {escape(link)}</p>")
    sheet = "".join(_question(i, q, False) for i, q in enumerate(questions, 1))
    key = "".join(_question(i, q, True) for i, q in enumerate(questions, 1))
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Quiz {seed}: answer key</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style></head><body>'
        f'<section class="sheet"><h1>Peace proposals quiz {seed}</h1>{meta}<ol class="questions">{sheet}</ol></section>'
        f'<section class="answers"><h1>Answer key: quiz {seed}</h1>{meta}<ol class="questions">{key}</ol></section>'
        "</body></html>"
    )
