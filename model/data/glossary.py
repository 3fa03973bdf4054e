"""The plain-language glossary (`data/glossary.yaml`): terms with their
explanations, finding the terms a text uses, and marking them in escaped HTML
so a click or tap opens the explanation in place."""
from __future__ import annotations

import re
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Annotated, Sequence

from pydantic import Field

from model.data.schema import Frozen, ShortText

GLOSSARY_FILE = Path(__file__).resolve().parents[2] / "data" / "glossary.yaml"


class Term(Frozen):
    term: Annotated[str, Field(min_length=2, max_length=60)]
    aliases: list[Annotated[str, Field(min_length=2, max_length=60)]] = []
    explanation: Annotated[str, Field(min_length=3, max_length=800)]
    see: Annotated[str, Field(pattern=r"^https://\S+$")] | None = None

    def anchor(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.term.lower()).strip("-")


class Glossary(Frozen):
    terms: list[Term]


@lru_cache(maxsize=4)
def _load(path: Path, mtime_ns: int) -> Glossary:
    from model.data.yaml_source import read_yaml

    return Glossary.model_validate(read_yaml(path, path.name).data)


def load_glossary(path: Path = GLOSSARY_FILE) -> Glossary:
    return _load(path, path.stat().st_mtime_ns)


def _pattern(terms: Sequence[Term]) -> tuple[re.Pattern, dict[str, Term]]:
    by_form = {form.lower(): t for t in terms for form in (t.term, *t.aliases)}
    forms = sorted(by_form, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])", re.IGNORECASE), by_form


def terms_in(text: str, glossary: Glossary) -> list[Term]:
    """The glossary terms a text uses, in order of first use, each once."""
    pattern, by_form = _pattern(glossary.terms)
    found: dict[str, Term] = {}
    for match in pattern.finditer(text):
        term = by_form[match.group(1).lower()]
        found.setdefault(term.term, term)
    return list(found.values())


def mark_html(text: str, glossary: Glossary) -> str:
    """`text` escaped as HTML, with the first use of each term wrapped in a focusable span whose
    explanation opens on click, tap or keyboard focus (CSS `.gl`, see components/render/matrix.py)."""
    pattern, by_form = _pattern(glossary.terms)
    seen: set[str] = set()
    out: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        term = by_form[match.group(1).lower()]
        out.append(escape(text[last:match.start()]))
        word = escape(match.group(1))
        if term.term in seen:
            out.append(word)
        else:
            seen.add(term.term)
            out.append(f'<span class="gl" tabindex="0" role="button">{word}'
                       f'<span class="gl-tip" role="tooltip">{escape(term.explanation)}</span></span>')
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)
