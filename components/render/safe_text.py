"""Data shown as text, wherever it is drawn: every string from a YAML file goes
through one of these at the point where it is rendered.

- `md(text)` for Streamlit markdown (st.markdown, st.caption, st.warning, expander
  and widget labels): every markdown and HTML character is backslash-escaped, so
  `**x**`, `<img …>`, `[x](javascript:…)`, `:red[x]` and `$x$` show literally.
- `md_url(url)` for a link target inside markdown: parentheses, spaces and angle
  brackets percent-encoded, so a URL cannot close its link and open another; only
  http(s) addresses are linked at all.
- `plot(text)` for plotly labels, hover text and annotations (plotly reads a small
  HTML subset there): `<`, `>`, `&` and quotes become entities, which plotly shows
  as the characters themselves.
"""
from __future__ import annotations

import html
import re
from urllib.parse import quote

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=&^\"'])")


def md(text: object) -> str:
    """`text` escaped for Streamlit markdown: it renders exactly as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", "" if text is None else str(text))


def md_url(url: str | None) -> str | None:
    """A URL safe to put inside `[label](...)`, or None when it is not an http(s) address."""
    if not url or not re.match(r"^https?://", url, re.IGNORECASE):
        return None
    return quote(url, safe=":/?#@!$&*+,;=%~-._[]")


def plot(text: object) -> str:
    """`text` escaped for plotly's label and hover HTML subset (quotes kept: plotly needs only <, > and &)."""
    return html.escape("" if text is None else str(text), quote=False)


def plot_frame(frame):
    """A copy of a chart's frame with every text cell escaped by `plot`, so labels, category
    names, hover data and annotations built from it all show data as text (and still match)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or str(out[column].dtype).startswith(("string", "str")):
            out[column] = out[column].map(lambda v: html.escape(v, quote=False) if isinstance(v, str) else v)
    return out


def wrap_words(text: object, width: int) -> str:
    """`text` with <br> at word boundaries so no line is longer than `width` characters (unless one word is);
    for chart labels, titles and legends."""
    lines, line = [], ""
    for word in str(text).split():
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join([*lines, line])
