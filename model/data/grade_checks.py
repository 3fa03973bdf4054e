"""One grade per outlet: every source a publisher published carries the same
reliability (the grading rule in `proposals/_sources/registry.yaml` grades the
outlet, and a report re-telling another outlet is graded by the outlet that
published it).

`publisher_key` names the outlet behind a publisher field: its own name, before
any parenthesis, comma or relay words ("Ukrainska Pravda (reporting Reuters)",
"UrduPoint (republishing Sputnik)", "Al-Shorouk via Masress" -> "ukrainska
pravda", "urdupoint", "al-shorouk"), lower-case."""
from __future__ import annotations

import re
from typing import Iterable

from model.data.problems import Problem
from model.data.schema import Source

_RELAY = re.compile(r"\s*(\(|,|\bvia\b|\brepublishing\b|\breporting\b|\breproducing\b|\btranslating\b).*$", re.IGNORECASE)


def publisher_key(publisher: str) -> str:
    """The outlet a publisher field names (see the module docstring)."""
    return _RELAY.sub("", publisher).strip().lower() or publisher.strip().lower()


def grade_problems(graded: Iterable[tuple[Source, str, int, str, str]]) -> list[Problem]:
    """A problem for each source whose outlet already carries another grade.

    `graded` holds (source, file shown, line of its reliability, its field path, where its id is defined) in
    reading order;
    the first grade seen for an outlet is the reference, each later different grade is located."""
    first: dict[str, tuple[Source, str]] = {}
    problems: list[Problem] = []
    for source, where, line, field, place in graded:
        key = publisher_key(source.publisher)
        known = first.get(key)
        if known is None:
            first[key] = (source, place)
            continue
        other, other_place = known
        if other.reliability != source.reliability:
            problems.append(Problem(
                where, line, field,
                f"'{source.id}' grades publisher '{source.publisher}' {source.reliability}, but '{other.id}' "
                f"({other_place}) grades the same outlet {other.reliability}; one outlet, one grade",
            ))
    return problems
