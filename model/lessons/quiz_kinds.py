"""The kinds of quiz question: each one reads `Facts` and yields `Draft`s in a fixed order (no randomness).

`KINDS` lists them; a kind whose data is missing is skipped (`Kind.available`) and `skipped_kinds` says which
and why. The rules every kind follows are in `model.lessons.quiz`'s docstring. Questions ask about the
history (what the proposals and parties said), never about the app's own bookkeeping; a wrong option is never
a value that could also be true under the taxonomy's meanings (`model.lessons.quiz_meanings`).
"""
from __future__ import annotations

from typing import Iterator

from model.analysis.diff import diff_positions
from model.analysis.tidy import CODED, position_fields
from model.data.loader import Catalogue
from model.data.schema import PUBLICATION_LABELS
from model.lessons.quiz_meanings import overlaps
from model.lessons.quiz_facts import (
    MAX_PROOFS, MIN_OPTIONS, UNINFORMATIVE, Draft, Evidence, Fact, Facts, Kind, Option, _number,
    date_words, evidence_of, name, solid,
)


def _fields(facts: Facts) -> list[tuple[str, str]]:
    return sorted(facts.holders, key=lambda k: (facts.taxonomy.area_keys.index(k[0]), k[1]))


def _which_prompt(facts: Facts, area: str, field_: str, value: object) -> str:
    taxonomy = facts.taxonomy
    if field_ == "troop_cap":
        return f"Which proposal caps Ukraine's armed forces at {_number(value)}?" if isinstance(value, int) else ""
    if field_.startswith("region:"):
        region = taxonomy.regions[field_.removeprefix("region:")].name
        return f"Which proposal gives {region} this status: “{taxonomy.status_label(str(value))}”?"
    return f"Which proposal takes this position on {facts.topic(area, field_)}: “{facts.label(area, field_, value)}”?"


def which_proposal(facts: Facts) -> Iterator[Draft]:
    """'Which proposal caps the army at 600,000 / leaves Crimea to later negotiation / …?'
    Asked only when exactly one proposal in the data holds that value."""
    for area, field_ in _fields(facts):
        holders = facts.holders[(area, field_)]
        for p, value, ok in holders:
            if not ok or sum(1 for _, v, _ in holders if v == value) != 1:
                continue
            if field_ == "troop_cap" and not isinstance(value, int):
                continue
            if field_.startswith("region:") and value in UNINFORMATIVE:
                continue
            prompt = _which_prompt(facts, area, field_, value)
            position = p.positions[area]
            yield Draft(
                kind="which_proposal", area=area, prompt=prompt,
                correct=Option(name(p), facts.fact(p, area, field_, value)),
                distractors=facts.proposal_options(area, field_, value, {p.id}),
                explanation=f"{name(p)}, {p.date}: {facts.field_title(area, field_)} — {facts.label(area, field_, value)}.",
                evidence=evidence_of(p, position.citations)[:MAX_PROOFS],
            )


def what_value(facts: Facts) -> Iterator[Draft]:
    """'What does X say about NATO membership / Crimea / the size of Ukraine's army?'"""
    for area, field_ in _fields(facts):
        for p, value, ok in facts.holders[(area, field_)]:
            if not ok or (field_.startswith("region:") and value in UNINFORMATIVE):
                continue
            label = facts.label(area, field_, value)
            topic = facts.field_title(area, field_)
            if field_.startswith("region:"):
                prompt = f"What status does {name(p)} give {topic}?"
            elif field_ == "troop_cap":
                prompt = f"What does {name(p)} say about the size of Ukraine's army?"
            else:
                prompt = f"What does {name(p)} say on {facts.topic(area, field_)}?"
            yield Draft(
                kind="what_value", area=area, prompt=prompt,
                correct=Option(label, facts.fact(p, area, field_, value)),
                distractors=facts.value_options(area, field_, {label}, {p.id}, avoid=(value,)),
                explanation=f"{name(p)}, {p.date}: {topic} — {label}.",
                evidence=evidence_of(p, p.positions[area].citations)[:MAX_PROOFS],
            )


def how_known(facts: Facts) -> Iterator[Draft]:
    """'How is the text of X known: official text, leaked text, news reports, statements?'"""
    proposals = facts.catalogue.proposals
    for p in proposals:
        label = PUBLICATION_LABELS[p.publication]
        others: dict[str, Option] = {}
        for q in proposals:
            other = PUBLICATION_LABELS[q.publication]
            if q.id != p.id and other not in others and not overlaps(None, "publication", q.publication, p.publication):
                others[other] = Option(other, Fact(q.id, None, "publication", q.publication))
        kinds = ("primary_text", "official", "news", "think_tank", "academic", "state_media", "opinion", "aggregator", "student")
        sources = sorted(p.sources, key=lambda s: (not s.seed, not (s.date or "").startswith(p.date[:7]),
                                                   kinds.index(s.kind) if s.kind in kinds else 99, s.reliability != "high"))
        proof = tuple(Evidence(p.id, s.title, s.publisher, date_words(s.date, s.date_note), None, None, s.url, s.seed,
                               s.reliability) for s in sources[:2])
        yield Draft(
            kind="how_known", area=None, prompt=f"How is the text of {name(p)} known?",
            correct=Option(label, Fact(p.id, None, "publication", p.publication)),
            distractors=tuple(others.values()),
            explanation=f"{name(p)}: {label.lower()}. {p.summary}",
            evidence=proof,
        )


def what_changed(facts: Facts) -> Iterator[Draft]:
    """'From A to B (which revises A), what did Territory become?' (model.analysis.diff on `revises` pairs)."""
    catalogue, taxonomy = facts.catalogue, facts.taxonomy
    for later in catalogue.proposals:
        earlier = catalogue.get(later.revises) if later.revises else None
        if earlier is None:
            continue
        diff = diff_positions(earlier, later, taxonomy)
        for row in diff[diff["change"] == "changed"].itertuples():
            area, shown = row.area, row.field
            before, after = earlier.positions.get(area), later.positions.get(area)
            if not (solid(before) and solid(after)):
                continue
            raw_before, raw_after = dict(position_fields(before)), dict(position_fields(after))
            if shown == "troop_cap":
                key, old, new = "troop_cap", before.troop_cap, after.troop_cap
            elif shown in taxonomy.regions:
                key, old, new = f"region:{shown}", raw_before.get(shown), raw_after.get(shown)
            elif shown in CODED:
                key, old, new = shown, raw_before.get(shown), raw_after.get(shown)
            else:
                continue
            if old is None or new is None or old == new:
                continue
            old_label, new_label = facts.label(area, key, old), facts.label(area, key, new)
            topic = facts.field_title(area, key)
            yield Draft(
                kind="what_changed", area=area,
                prompt=(f"{name(earlier)} ({earlier.date}) said, on {topic}: “{old_label}”. "
                        f"What does the later version, {name(later)} ({later.date}), say?"),
                correct=Option(new_label, facts.fact(later, area, key, new)),
                distractors=facts.value_options(area, key, {new_label, old_label}, {later.id, earlier.id}, avoid=(new,)),
                explanation=f"{topic}: “{old_label}” in {name(earlier)} became “{new_label}” in {name(later)}.",
                evidence=evidence_of(later, after.citations)[:MAX_PROOFS - 1] + evidence_of(earlier, before.citations)[:1],
            )


def _has_red_lines(catalogue: Catalogue) -> bool:
    return any(getattr(p, "red_lines", None) for p in catalogue.proposals)


def _meets(condition, value: object) -> bool:
    """Whether one coded value meets a red line's condition (see `model.data.schema.RedLineCondition`)."""
    number = value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    return bool(
        (condition.equals is not None and value == condition.equals)
        or (condition.one_of is not None and value in condition.one_of)
        or (condition.below is not None and number is not None and number < condition.below)
        or (condition.at_least is not None and number is not None and number >= condition.at_least))


def red_line_crossed(facts: Facts) -> Iterator[Draft]:
    """'Ukraine (or Russia) has stated this red line: which of these terms crosses it?' One question per red line
    of each party's latest stated position (`red_lines`, issue 10): the answer is a real term of another proposal
    that meets the line's condition; the distractors are real terms on the same field that do not. Contested red
    lines are not asked."""
    from model.data.checks import red_line_area
    from model.analysis.compare import references

    taxonomy = facts.taxonomy
    refs = references(facts.catalogue.proposals, taxonomy)
    for who, party in (("Ukraine", refs.first), ("Russia", refs.last)):
        for line in (party.red_lines if party else ()):
            if line.contested:
                continue
            condition, area = line.condition, red_line_area(line.condition)
            base, _, region = condition.field.partition(".")
            keys = ([f"region:{region}"] if region else [f"region:{r}" for r in taxonomy.regions]) if base == "regions" else [base]
            for key in keys:
                holders = [(p, v) for p, v, ok in facts.holders.get((area, key), []) if ok and p.id != party.id]
                crossing = [(p, v) for p, v in holders if _meets(condition, v)]
                if not crossing:
                    continue
                crossing_labels = {facts.label(area, key, v) for _, v in crossing}
                p, value = crossing[0]
                label = facts.label(area, key, value)
                distractors = facts.value_options(area, key, crossing_labels, {p.id, party.id},
                                                  avoid=[v for _, v in crossing])
                if len(distractors) < MIN_OPTIONS - 1:
                    continue
                topic = facts.topic(area, key)
                yield Draft(
                    kind="red_line_crossed", area=area,
                    prompt=(f"{who} has stated a red line: “{line.label}” ({name(party)}). Which of these terms on "
                            f"{topic}, each taken from a proposal in the data, crosses it?"),
                    correct=Option(label, facts.fact(p, area, key, value)),
                    distractors=distractors,
                    explanation=(f"“{label}” ({name(p)}) crosses {who}'s stated red line “{line.label}”; "
                                 "the other terms do not."),
                    evidence=evidence_of(p, p.positions[area].citations)[:1] + evidence_of(party, line.citations)[:MAX_PROOFS - 1],
                )
                break  # one question per red line


KINDS: tuple[Kind, ...] = (
    Kind("which_proposal", "Which proposal says this?", which_proposal),
    Kind("what_value", "What does this proposal say?", what_value),
    Kind("how_known", "How is this text known?", how_known),
    Kind("what_changed", "What changed between two versions?", what_changed),
    Kind("red_line_crossed", "Whose red line does this term cross?", red_line_crossed, _has_red_lines,
         "no stated position lists red lines"),
)


def skipped_kinds(catalogue: Catalogue) -> list[tuple[str, str]]:
    """(title, why) of every kind whose data is missing."""
    return [(k.title, k.missing) for k in KINDS if not k.available(catalogue)]
