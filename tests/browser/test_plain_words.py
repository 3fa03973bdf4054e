"""Plain words everywhere a student looks (issue 20, item 1). One walk through every page and every tab (Charts via
`chart=`, Timeline via `timeline=`, Compare with and without summaries), with every expander open, the cell dialog
(`cell=territory:us-28-point-draft`) and the glossary terms in it, every glossary popover of the matrix, the quiz
with its feedback after answering, the upload page after a bad file, and the student-facing downloads (the
handouts and worksheet, the quiz's answer key, the tidy CSV). Each text is checked by tests/plain_words.py:
no snake_case, no source id, no seed file name, no None/null/NaN, no pydantic or Python message, no command line.

What is read on a page: the main area's visible text (icon ligatures such as `keyboard_arrow_down` are glyphs, not
words, and are left out), open dialogs and popovers, the glossary tips' text, and every chart's drawn text plus its
hover labels (each hover template filled in for every point, as a tap or hover would show it). Tables are read at
phone width, where they are one card per row (components/views/plain_table.py), so their cells are text.

Exempt: the Methodology page and the upload page's "How to write a proposal file" part (they teach the format), and
the tidy CSV's header, which is a data file's column contract (`proposal,area,field,value,sources,evidence,contested`)
and is checked to be exactly that instead."""
from __future__ import annotations

import re

import pytest

from plain_words import problems
from test_pages import open_page, wait_rendered

PHONE = {"width": 390, "height": 844}
FOUR = "proposals=us-28-point-draft,e3-counterproposal,ukraine-position,russia-position"
TIDY_HEADER = "proposal,area,field,value,sources,evidence,contested"
CHARTED = ("/charts", "/timeline")

# Every chart's drawn text and hover labels, hover templates filled in point by point.
CHART_TEXT = r"""() => [...document.querySelectorAll('.pp-plot')].flatMap(el => {
  const out = [], L = el.layout || {};
  const t = x => x == null ? '' : (typeof x === 'object' ? (x.text || '') : String(x));
  const v = x => x == null ? '' : String(x);
  out.push(t(L.title), t(L.legend && L.legend.title));
  (L.annotations || []).forEach(a => out.push(t(a.text)));
  Object.keys(L).filter(k => /^[xy]axis/.test(k)).forEach(k => { out.push(t(L[k].title)); (L[k].ticktext || []).forEach(x => out.push(v(x))); });
  (el.data || []).forEach(tr => {
    out.push(v(tr.name));
    if (typeof tr.text === 'string') out.push(tr.text);
    const cd = tr.customdata || [];
    const usesXY = tr.hovertemplate && /%\{[xy][}|:]/.test(String(tr.hovertemplate));
    const n = Math.max(cd.length, Array.isArray(tr.text) ? tr.text.length : 0,
                       Array.isArray(tr.hovertext) ? tr.hovertext.length : 0, usesXY ? (tr.x || tr.y || []).length : 0);
    for (let i = 0; i < n; i++) {
      if (Array.isArray(tr.text)) out.push(v(tr.text[i]));
      if (Array.isArray(tr.hovertext)) out.push(v(tr.hovertext[i]));
      const tpl = Array.isArray(tr.hovertemplate) ? tr.hovertemplate[i] : tr.hovertemplate;
      if (!tpl || tr.hoverinfo === 'skip') continue;
      out.push(String(tpl).replace(/<extra>.*?<\/extra>/g, '').replace(/%\{([^}|:]+)[^}]*\}/g, (m, path) => {
        const c = /^customdata\[(\d+)\]$/.exec(path);
        if (c) return v((cd[i] || [])[+c[1]]);
        if (path === 'customdata') return v(cd[i]);
        if (path === 'x' || path === 'y') return v((tr[path] || [])[i]);
        if (path === 'text') return v(Array.isArray(tr.text) ? tr.text[i] : tr.text);
        return '';
      }));
    }
  });
  return out;
}).map(s => s.replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))"""
# The main area's visible text without icon ligatures (Material icons are drawn from words like "upload_file").
MAIN_TEXT = """() => {
  const icons = new Set([...document.querySelectorAll('[data-testid="stMain"] span, [role="dialog"] span, [data-testid="stPopoverBody"] span')]
    .filter(e => !e.children.length && getComputedStyle(e).fontFamily.includes('Material')).map(e => e.textContent.trim()).filter(Boolean));
  const parts = [document.querySelector('[data-testid="stMain"]').innerText,
                 ...[...document.querySelectorAll('[role="dialog"], [data-testid="stPopoverBody"]')].map(e => e.innerText),
                 ...[...document.querySelectorAll('.gl-tip')].map(e => e.textContent)];
  let text = parts.join('\\n');
  for (const icon of icons) text = text.split(icon).join(' ');
  return text;
}"""


def read(page, where: str) -> list[str]:
    """Every plain-words problem in what `page` shows now."""
    found = problems(page.evaluate(MAIN_TEXT), where)
    for line in page.evaluate(CHART_TEXT):
        found += problems(line, f"{where} (chart)")
    return found


def open_expanders(page) -> None:
    closed = page.locator('[data-testid="stMain"] details:not([open]) > summary')
    for _ in range(30):  # opening one may rerun the page (tables built when opened), so look again each time
        if not closed.count():
            return
        closed.first.click()
        wait_rendered(page, timeout=60)


def visit(page, server: str, path: str) -> list[str]:
    open_page(page, server + path, charts=1 if path.startswith(CHARTED) else 0)
    open_expanders(page)
    return read(page, path)


def report(found: list[str]) -> str:
    return f"{len(found)} developer word(s) reach students:\n" + "\n".join(dict.fromkeys(found))


@pytest.fixture
def phone(new_page):
    return new_page(PHONE, 60_000)


PAGES = [f"/?{FOUR}", f"/?{FOUR}&summaries=1", *(f"/charts?chart={t}&{FOUR}" for t in
         ("Troop+caps", "Territory", "Security+guarantees", "Ceasefire+lines")),
         f"/points?{FOUR}", "/versions?from=us-28-point-draft&to=e3-counterproposal", "/versions?from=e3-counterproposal&to=geneva-framework",
         "/timeline", "/timeline?timeline=Army+caps+over+time", "/sources", "/glossary",
         "/build?plan=territory-freeze_at_contact_line.cap-800000.donetsk-frozen_at_contact_line", "/class"]


def test_every_page_and_tab_in_plain_words(server, phone):
    found = []
    for path in PAGES:
        found += visit(phone, server, path)
    assert not found, report(found)


def test_cell_dialog_and_glossary_terms_in_plain_words(server, phone):
    open_page(phone, f"{server}/?{FOUR}&cell=territory:us-28-point-draft")
    dialog = phone.locator('[role="dialog"]')
    dialog.wait_for(timeout=20_000)
    found = read(phone, "cell dialog")
    terms = dialog.locator('[data-testid="stPopover"] button')
    assert terms.count(), "the dialog explains its terms"
    for i in range(terms.count()):
        terms.nth(i).click()
        body = phone.locator('[data-testid="stPopoverBody"]').last
        body.wait_for(timeout=10_000)
        found += problems(body.inner_text(), f"glossary term {i + 1} in the dialog")
        phone.keyboard.press("Escape")
    tips = phone.evaluate("() => [...document.querySelectorAll('.gl-tip')].map(e => e.textContent)")
    assert tips, "the matrix has glossary terms"
    assert not found, report(found)


def test_quiz_feedback_in_plain_words(server, phone):
    found = []
    for seed in (2, 7):
        open_page(phone, f"{server}/quiz?seed={seed}&n=4")
        for i in range(4):
            card = phone.locator(".st-key-quiz_card")
            card.locator('[role="radiogroup"] label').nth(i % 2).click()
            phone.locator(f".st-key-quiz_check_{i} button").click()
            phone.locator(f".st-key-quiz_next_{i} button").wait_for(timeout=20_000)
            found += read(phone, f"quiz {seed}, question {i + 1} answered")
            phone.locator(f".st-key-quiz_next_{i} button").click()
            wait_rendered(phone)
        found += read(phone, f"quiz {seed} score")
    assert not found, report(found)


BAD_FILE = b"""id: my-plan
title: My plan
short_name: Mine
date: 2026-13-40
party: think_tank
colour: blue
positions:
  military_limits:
    summary: A cap.
    evidence: text
    troop_cap: lots
"""


def test_upload_errors_are_plain_sentences(server, phone, tmp_path):
    open_page(phone, f"{server}/upload")
    bad = tmp_path / "my-plan.yaml"
    bad.write_bytes(BAD_FILE)
    phone.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(bad))
    error = phone.locator('[data-testid="stAlertContentError"]')
    error.wait_for(timeout=30_000)
    wait_rendered(phone)
    main = phone.evaluate(MAIN_TEXT)
    shown = main.split("How to write a proposal file")[0]  # the format guide is exempt
    found = problems(shown, "upload page after a bad file")
    lines = [line for line in shown.split("\n") if line.startswith(("Line ", "The whole file"))]
    assert lines, f"every problem is listed with its line: {shown[:1500]}"
    assert any(re.match(r"Line \d+", line) for line in lines), lines
    assert all(line.rstrip().endswith((".", ")")) for line in lines), f"each problem is a sentence: {lines}"
    assert not found, report(found)


def _download(page, label: str):
    with page.expect_download(timeout=60_000) as info:
        page.locator('[data-testid="stDownloadButton"] button:visible', has_text=label).first.click()
    return info.value


def test_tidy_csv_header_is_the_export_contract(server, phone, tmp_path):
    open_page(phone, f"{server}/?{FOUR}")
    target = tmp_path / "tidy.csv"
    _download(phone, "Download the tidy table").save_as(target)
    text = target.read_text(encoding="utf-8-sig")
    header = text.splitlines()[0]
    assert header == TIDY_HEADER, f"the tidy CSV's columns are a contract: {header}"
    assert len(text.splitlines()) > 1, "the table has rows"
    # only the header is read here: the rows are data (coded values and source ids are the file's content,
    # explained by the codebook), and the header is exempt from the snake_case rule as a data file's contract


def test_quiz_answer_key_in_plain_words(server, phone, tmp_path):
    open_page(phone, f"{server}/quiz?seed=7&n=10")
    phone.locator('[data-testid="stMain"] details > summary', has_text="Change the quiz").click()
    wait_rendered(phone)
    target = tmp_path / "key.html"
    _download(phone, "answer key").save_as(target)
    text = re.sub(r"<[^>]+>", " ", target.read_text(encoding="utf-8"))
    found = problems(re.sub(r"\s+", " ", text), "quiz answer key")
    assert not found, report(found)


@pytest.mark.parametrize("label", ["Download handout", "Detailed handout", "Worksheet"])
def test_handouts_in_plain_words(server, phone, tmp_path, label):
    open_page(phone, f"{server}/?{FOUR}")
    target = tmp_path / "handout.html"
    _download(phone, label).save_as(target)
    raw = target.read_text(encoding="utf-8")
    body = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", raw, flags=re.S)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))
    found = problems(text, label)
    assert not found, report(found)[:3000]
