"""What a student must never read (issue 20, item 1): snake_case tokens, source and proposal ids, seed file names, the words
None/null/NaN, pydantic's or Python's own messages, and command lines. Shared by the browser walk
(tests/browser/test_plain_words.py) and the unit tests of the messages and quiz texts.

Not checked here (the callers leave them out): the Methodology page and the upload page's "How to write a proposal
file" part (they teach the file format), and the column headers of CSV files (a data file's contract:
`proposal,area,field,value,sources,evidence,contested`)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
NULLS = re.compile(r"\bNone\b(?! of\b)|\bnull\b|\bNaN\b|\bnan\b")  # "None of the 28 points …" is English
MACHINE = ("Input should be", "Field required", "Extra inputs are not permitted", "Traceback", "validation error",
           "python -m", ".venv/bin")
URL = re.compile(r"https?://\S+|\b[\w.-]+\.(?:com|org|net|ua|ru|ca|uk|lv|de|gov|int|eu)(?:/\S*)?")
SEED_STEM = re.compile(r"\b\d{3}_[0-9a-f]{16}\b|\bseed \d{3}\b")  # a seed file, by name or by number


@lru_cache(maxsize=1)
def source_ids() -> frozenset[str]:
    """Every id in the source registry (model.data.loader.load_catalogue().registry)."""
    from model.data.loader import load_catalogue

    return frozenset(load_catalogue().registry.sources)


@lru_cache(maxsize=1)
def proposal_ids() -> frozenset[str]:
    """Every proposal id (students read short names; an id belongs in a link, not in a sentence)."""
    from model.data.loader import load_catalogue

    return frozenset(load_catalogue().ids)


@lru_cache(maxsize=1)
def _ids_pattern() -> re.Pattern:
    ids = sorted(source_ids() | proposal_ids(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, ids)) + r")(?![\w-])")


def seed_names() -> list[str]:
    return sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))


def problems(text: str, where: str = "") -> list[str]:
    """Each developer word found in `text` (web addresses and site names are skipped), as 'where: what «context»'."""
    found = []
    clean = URL.sub(" ", text)

    def note(kind: str, match_start: int, match_end: int) -> None:
        context = clean[max(0, match_start - 40):match_end + 40].replace("\n", " ")
        found.append(f"{where}: {kind} {clean[match_start:match_end]!r} in «…{context}…»")

    for m in SNAKE.finditer(clean):
        note("snake_case", m.start(), m.end())
    for m in _ids_pattern().finditer(clean):
        note("source id" if m.group() in source_ids() else "proposal id", m.start(), m.end())
    for name in seed_names():
        for m in re.finditer(re.escape(name), text):
            found.append(f"{where}: seed file name {name!r}")
    for m in SEED_STEM.finditer(clean):
        note("seed file name", m.start(), m.end())
    for m in NULLS.finditer(clean):
        note("empty value", m.start(), m.end())
    for phrase in MACHINE:
        for m in re.finditer(re.escape(phrase), text):
            context = text[max(0, m.start() - 40):m.end() + 40].replace("\n", " ")
            found.append(f"{where}: {phrase!r} in «…{context}…»")
    return found
