"""A located problem (`model.data.problems.Problem`) as a sentence a student can act on, for the upload page: the
line, the field in words ("the cap on Ukraine's armed forces in Military limits") and what to do, without
pydantic's wording ("Input should be", "Field required", "Extra inputs are not permitted"), machine keys
(`not_addressed`), seed file names or command lines. The validator's own messages (`python -m model.validate`)
keep their exact wording for maintainers; this module only rewrites what the upload page shows."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from model.data.problems import Problem
    from model.data.taxonomy import Taxonomy

# Header fields of a proposal file, and the fields of its citations and sources, in words.
FIELD_WORDS = {
    "id": "the id", "title": "the title", "short_name": "the short name", "date": "the date", "author": "the author",
    "party": "who drafted it (party)", "status": "the status", "publication": "how the text was published",
    "summary": "the summary", "positions": "the positions", "sources": "the sources", "citations": "the citations",
    "source": "the source", "quote": "the quote", "locator": "where in the source (locator)", "url": "the web address",
    "publisher": "the publisher", "reliability": "the reliability", "evidence": "how it is known (evidence)",
    "reason": "the reason", "not_addressed": "“not addressed”", "points": "the numbered points",
    "revises": "the text it revises", "responds_to": "the text it responds to", "contested": "the disputed claims",
    "claim": "the claim", "disputed_by": "who disputes it", "seed": "the seed document", "kind": "the kind",
    "date_note": "the note on the date", "note": "the note", "text": "the text", "number": "the number",
    "area": "the issue area", "value": "the value", "proposed_by": "who proposed it", "variants": "the figures",
    "troop_cap_variants": "the figures of a bracketed cap", "language": "the language",
}
ITEM_WORDS = {"citations": "citation", "sources": "source", "points": "point", "contested": "disputed claim",
              "troop_cap_variants": "figure", "variants": "figure", "regions": "region"}
SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
SEED_FILE = re.compile(r"\b\d{3}_[0-9a-f]{16}(?:\.txt)?\b")
QUOTED = re.compile(r"'([^']*)'")


def _words(key: str) -> str:
    return key.replace("_", " ")


def field_words(field: str, taxonomy: "Taxonomy | None" = None) -> str:
    """`positions.military_limits.troop_cap` -> "the cap on Ukraine's armed forces (personnel) in Military limits"."""
    if not field:
        return ""
    parts = [p for p in field.split(".") if p]
    area = None
    named: list[str] = []
    for i, part in enumerate(parts):
        if part == "positions" and i + 1 < len(parts):
            continue
        if taxonomy is not None and i > 0 and parts[i - 1] == "positions" and part in taxonomy.area_keys:
            area = taxonomy.area(part).title
            continue
        if part.isdigit():
            if named and i > 0 and parts[i - 1] in ITEM_WORDS:
                named[-1] = f"{ITEM_WORDS[parts[i - 1]]} {int(part) + 1}"
            elif named:
                named[-1] = f"{named[-1]} (number {int(part) + 1})"
            continue
        if part in FIELD_WORDS:
            named.append(FIELD_WORDS[part])
        elif taxonomy is not None and (part in taxonomy.fields or part in taxonomy.regions):
            label = taxonomy.field_label(part)
            named.append(f"the {label[:1].lower() + label[1:]}" if part in taxonomy.fields else label)
        elif i == len(parts) - 1 and len(parts) == 1:
            named.append(f"the field “{_words(part)}”")
        else:
            named.append(f"the {_words(part)}")
    if not named and area:
        return f"the issue area {area}"
    text = " of ".join(reversed(named)) if named else "this part"
    return f"{text} in {area}" if area else text


def _options(text: str) -> str:
    """"'no_cap', 'not_addressed' or 'bracketed'" -> "“no cap”, “not addressed” or “bracketed”"."""
    return QUOTED.sub(lambda m: f"“{_words(m.group(1))}”", text)


def _what(message: str) -> str:
    """The problem itself, in words (without the field: the caller puts it in front)."""
    got = re.search(r"\(got '?(.*?)'?\)(;|$)", message)
    wrote = f" (the file says “{got.group(1)}”)" if got else ""
    parts = [re.sub(r"\s*\(got .*?\)$", "", p.strip()) for p in message.split("; or ")]
    core = parts[0]
    if core in ("Field required", "key: Field required"):
        return "is missing: add it"
    if core.startswith("Extra inputs are not permitted"):
        return "is not a field a proposal file can have: remove it or check its spelling (see the example file)"
    m = re.match(r"duplicate proposal id '([^']+)'", core)
    if m:
        return f"“{m.group(1)}” is already the id of another proposal: choose a new one (lowercase letters, digits and hyphens)"
    m = re.match(r"unknown source id '([^']*)'", core)
    if m:
        return (f"names “{m.group(1)}”, which is not a source on this site: cite a source listed on the Sources page, "
                "or add your own under sources, with its web address")
    m = re.match(r"unknown value '([^']*)'; expected one of: (.*)", core)
    if m:
        options = [_words(o.strip()) for o in m.group(2).split(",")]
        return (f"must be one of: {', '.join(options)} (the file says “{_words(m.group(1))}”; in the file the words "
                "are joined by underscores, as in the example file)")
    if core.startswith("YAML syntax error"):
        return "the file cannot be read: " + core.removeprefix("YAML syntax error:").strip() + " (check the indentation and the colons)"
    if not all(p.startswith(("Input should", "String should")) for p in parts):
        return ": " + _options("; or ".join(parts)) + wrote
    said = []
    for part in parts:
        part = re.sub(r"^Input should be a valid integer.*", "a whole number (such as 600000)", part)
        part = re.sub(r"^Input should be a valid number.*", "a number", part)
        part = re.sub(r"^Input should be a valid string.*", "text", part)
        part = re.sub(r"^Input should be a valid (date|datetime).*", "a date written as year-month-day (2025-11-20)", part)
        part = re.sub(r"^Input should be a valid (dictionary|list|boolean).*",
                      lambda x: {"dictionary": "a group of fields", "list": "a list", "boolean": "true or false"}[x.group(1)], part)
        part = re.sub(r"^Input should be ", "", part)
        part = re.sub(r"^String should match pattern .*", "written in the right form (see the example file)", part)
        part = re.sub(r"^String should have at least (\d+) characters?", r"at least \1 characters long", part)
        said.append(_options(part))
    joined = " (in the file its words are joined by underscores, as in the example file)" if "_" in message else ""
    return "must be " + ", or ".join(dict.fromkeys(said)) + wrote + joined


def _tidy(text: str) -> str:
    text = SEED_FILE.sub("a seed document", text)
    text = re.sub(r"python -m [\w.]+", "the data check", text)
    text = SNAKE.sub(lambda m: _words(m.group()), text)
    text = text.replace("Input should be", "must be").replace("Field required", "is missing")
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def sentence(problem: "Problem", taxonomy: "Taxonomy | None" = None) -> str:
    """One problem as a sentence: "Line 11: the cap on Ukraine's armed forces (personnel) in Military limits must be
    a whole number (such as 600000) or “no cap”, … (the file says lots)."""
    where = f"Line {problem.line}" if problem.line else "The whole file"
    field = " ".join((problem.field or "").split())
    missing_area = re.match(r"missing area '([^']+)'", problem.message)
    if missing_area:
        key = missing_area.group(1)
        title = taxonomy.area(key).title if taxonomy is not None and key in taxonomy.area_keys else _words(key)
        return _tidy(f"{where}: the issue area {title} is missing from the positions: give it a position, "
                     "or say it is not addressed and why")
    what = _what(problem.message)
    subject = field_words(field, taxonomy)
    if not subject:
        what = what.removeprefix(": ")
        return _tidy(f"{where}: {what[:1].upper() + what[1:]}")
    return _tidy(f"{where}: {subject}{'' if what.startswith(':') else ' '}{what}")
