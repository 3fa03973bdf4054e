"""Quiz questions generated from the loaded data, never written by hand.

Pure Python (no Streamlit). `generate(catalogue, seed, n, areas)` returns the same
questions in the same order for the same seed and data: everything random goes
through one `random.Random(seed)`, and the candidate questions are built in a
fixed order before it is used.

Every option of every question is a `Fact`: a real value of one proposal, named
the way the tidy export names it (`proposal, area, field, value`), so a test can
check each correct answer and each distractor against `python -m model.export`.

Rules every question follows:
- the correct answer is unique: a "which proposal…" question is only asked when
  exactly one proposal in the data holds that value, and the options of a "what
  does X say…" question all have different values;
- distractors are other proposals' real values (never invented ones);
- a question never rests on a contested cell (a position with `contested` notes,
  or one whose evidence is "not made public"), unless the question is about the
  dispute itself (`about_dispute=True`);
- each question carries the citations that prove its answer.

Question kinds are listed in `KINDS`. A kind whose data is missing is skipped
(`Kind.available`); `skipped_kinds` says which and why, so the page can tell
teachers. "Whose red line does this term cross?" is such a kind for now: it is left
for the red-line work (see `KINDS`).
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Sequence

from model.analysis.diff import diff_positions
from model.data.loader import Catalogue
from model.data.schema import PUBLICATION_LABELS, Citation, Position, Proposal
from model.data.taxonomy import Taxonomy
from model.analysis.tidy import CODED, position_fields

MAX_QUESTIONS = 30
DEFAULT_QUESTIONS = 10
MAX_OPTIONS = 4  # the correct answer and up to three distractors
MIN_OPTIONS = 3
MAX_PROOFS = 3  # citations shown with an answer (the position's first ones)
UNINFORMATIVE = ("not_addressed", "unspecified")  # region statuses never asked as the answer (they may be distractors)
GENERIC_WORDS = {"ukraine", "russia", "us", "the"}  # first words of short names that do not give a proposal away


@dataclass(frozen=True)
class Fact:
    """One real value in the data, named as in the tidy export (`model.analysis.tidy`).
    `area` is None and `field` is "publication" for how a whole proposal is known."""

    proposal: str
    area: str | None
    field: str
    value: str


@dataclass(frozen=True)
class Option:
    label: str
    fact: Fact


@dataclass(frozen=True)
class Evidence:
    """A citation that proves an answer, resolved to its source."""

    proposal: str
    title: str
    publisher: str
    date: str
    quote: str | None = None
    locator: str | None = None
    url: str | None = None
    seed: str | None = None
    reliability: str = ""


@dataclass(frozen=True)
class Question:
    kind: str
    area: str | None
    prompt: str
    options: tuple[Option, ...]
    answer: int  # index into options
    explanation: str
    evidence: tuple[Evidence, ...]
    about_dispute: bool = False

    @property
    def correct(self) -> Option:
        return self.options[self.answer]


@dataclass(frozen=True)
class Draft:
    """A question before the seed picks its distractors and shuffles its options."""

    kind: str
    area: str | None
    prompt: str
    correct: Option
    distractors: tuple[Option, ...]  # candidates, each with a label different from the correct one and each other
    explanation: str
    evidence: tuple[Evidence, ...]
    about_dispute: bool = False


@dataclass(frozen=True)
class Kind:
    key: str
    title: str
    build: Callable[["Facts"], Iterator[Draft]]
    available: Callable[[Catalogue], bool] = lambda catalogue: True
    missing: str = ""


# ------------------------------------------------------------------ reading the data


def _number(n: int) -> str:
    return f"{n:,}"


CAP_LABELS = {
    "no_cap": "No cap on the army's size", "not_addressed": "Army size not addressed",
    "bracketed": "Several caps still in brackets", "cap_unspecified": "A cap, figure not given",
}


def cap_fact(proposal: Proposal, cap: object) -> Fact:
    if isinstance(cap, int):
        return Fact(proposal.id, "military_limits", "troop_cap", str(cap))
    return Fact(proposal.id, "military_limits", "troop_cap_status", str(cap))


def cap_label(cap: object) -> str:
    return f"Cap at {_number(cap)}" if isinstance(cap, int) else CAP_LABELS.get(str(cap), str(cap).replace("_", " "))


def solid(position: Position | None) -> bool:
    """A cell a question may rest on: addressed, known, and not contested."""
    return position is not None and not position.not_addressed and position.evidence != "unknown" and not position.contested


def evidence_of(proposal: Proposal, citations: Iterable[Citation]) -> tuple[Evidence, ...]:
    found = []
    for c in citations:
        source = proposal.source(c.source)
        if source is None:
            continue
        found.append(Evidence(
            proposal=proposal.id, title=source.title, publisher=source.publisher,
            date=source.date or source.date_note or "n.d.", quote=" ".join(c.quote.split()) if c.quote else None,
            locator=c.locator, url=source.url, seed=source.seed, reliability=source.reliability,
        ))
    return tuple(found)


def name(proposal: Proposal) -> str:
    """How a question names a proposal: its short name, with the year when the short name lacks it."""
    year = proposal.date[:4]
    return proposal.short_name if year in proposal.short_name else f"{proposal.short_name} ({year})"


@dataclass
class Facts:
    """The catalogue read once for every kind: per (area, field), who holds which value."""

    catalogue: Catalogue
    # (area, field) -> list of (proposal, raw value, solid?)
    holders: dict[tuple[str, str], list[tuple[Proposal, object, bool]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        taxonomy = self.catalogue.taxonomy
        for p in self.catalogue.proposals:
            for area in taxonomy.area_keys:
                position = p.positions.get(area)
                if position is None or position.not_addressed:
                    continue
                ok = solid(position)
                for name_ in CODED:
                    value = getattr(position, name_)
                    if value is not None:
                        self.holders.setdefault((area, name_), []).append((p, value, ok))
                if position.troop_cap is not None:
                    self.holders.setdefault((area, "troop_cap"), []).append((p, position.troop_cap, ok))
                for region, status in position.regions.items():
                    self.holders.setdefault((area, f"region:{region}"), []).append((p, status, ok))

    @property
    def taxonomy(self) -> Taxonomy:
        return self.catalogue.taxonomy

    def label(self, area: str, field_: str, value: object) -> str:
        if field_ == "troop_cap":
            return cap_label(value)
        if field_.startswith("region:"):
            return self.taxonomy.status_label(str(value))
        return self.taxonomy.label(area, field_, str(value))

    def fact(self, proposal: Proposal, area: str, field_: str, value: object) -> Fact:
        if field_ == "troop_cap":
            return cap_fact(proposal, value)
        if field_.startswith("region:"):
            return Fact(proposal.id, area, field_.removeprefix("region:"), str(value))
        return Fact(proposal.id, area, field_, str(value))

    def field_title(self, area: str, field_: str) -> str:
        if field_.startswith("region:"):
            return self.taxonomy.regions[field_.removeprefix("region:")].name
        if field_ == "troop_cap":
            return "the size of Ukraine's army"
        area_ = self.taxonomy.area(area)
        if field_ == area_.scale_field:
            return area_.title
        return self.taxonomy.field_label(field_)

    def topic(self, area: str, field_: str) -> str:
        """The field's title, with its area's when they differ ('EU membership (Alliances)')."""
        title, area_title = self.field_title(area, field_), self.taxonomy.area(area).title
        return title if title == area_title else f"{title} ({area_title})"

    def value_options(self, area: str, field_: str, exclude: set[str], not_from: set[str]) -> tuple[Option, ...]:
        """One option per distinct value other proposals solidly hold (first holder in date order)."""
        seen: dict[str, Option] = {}
        for p, value, ok in self.holders.get((area, field_), []):
            label = self.label(area, field_, value)
            if not ok or p.id in not_from or label in exclude or label in seen:
                continue
            seen[label] = Option(label, self.fact(p, area, field_, value))
        return tuple(seen.values())

    def proposal_options(self, area: str, field_: str, value: object, not_from: set[str]) -> tuple[Option, ...]:
        """Other proposals that solidly hold a different value on the same field."""
        options = []
        for p, other, ok in self.holders.get((area, field_), []):
            if ok and p.id not in not_from and other != value:
                options.append(Option(name(p), self.fact(p, area, field_, other)))
        return tuple(options)


# ------------------------------------------------------------------ the kinds of question


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
                distractors=facts.value_options(area, field_, {label}, {p.id}),
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
            if q.id != p.id and other != label and other not in others:
                others[other] = Option(other, Fact(q.id, None, "publication", q.publication))
        kinds = ("primary_text", "official", "news", "think_tank", "academic", "state_media", "opinion", "aggregator", "student")
        sources = sorted(p.sources, key=lambda s: (not s.seed, not (s.date or "").startswith(p.date[:7]),
                                                   kinds.index(s.kind) if s.kind in kinds else 99, s.reliability != "high"))
        proof = tuple(Evidence(p.id, s.title, s.publisher, s.date or s.date_note or "n.d.", None, None, s.url, s.seed, s.reliability)
                      for s in sources[:2])
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
                distractors=facts.value_options(area, key, {new_label, old_label}, {later.id, earlier.id}),
                explanation=f"{topic}: “{old_label}” in {name(earlier)} became “{new_label}” in {name(later)}.",
                evidence=evidence_of(later, after.citations)[:MAX_PROOFS - 1] + evidence_of(earlier, before.citations)[:1],
            )


def about_dispute(facts: Facts) -> Iterator[Draft]:
    """'This claim is flagged as contested: which proposal is it about?' (the dispute itself is the subject)."""
    catalogue, taxonomy = facts.catalogue, facts.taxonomy
    claims = [n.claim for p in catalogue.proposals for pos in p.positions.values() for n in pos.contested]
    for p in catalogue.proposals:
        for area in taxonomy.area_keys:
            position = p.positions.get(area)
            if position is None:
                continue
            for note in position.contested:
                if claims.count(note.claim) != 1 or _gives_away(p, note.claim):
                    continue
                others = tuple(
                    Option(name(q), Fact(q.id, area, "contested", ""))
                    for q in catalogue.proposals
                    if q.id != p.id and solid(q.positions.get(area))
                )
                yield Draft(
                    kind="about_dispute", area=area,
                    prompt=f"On {taxonomy.area(area).title}, this claim is flagged as contested: “{note.claim}” Which proposal is it about?",
                    correct=Option(name(p), Fact(p.id, area, "contested", "yes")),
                    distractors=others,
                    explanation=f"{name(p)}, {p.date}. Disputed by: {note.disputed_by}" + (f" — {note.detail}" if note.detail else ""),
                    evidence=evidence_of(p, note.citations)[:MAX_PROOFS],
                    about_dispute=True,
                )


def _gives_away(proposal: Proposal, claim: str) -> bool:
    """Whether the claim names the proposal it is about (its short name's first word, e.g. 'The E3 text…')."""
    first = re.sub(r"[^\w-]", "", proposal.short_name.split()[0]).lower()
    return first not in GENERIC_WORDS and bool(re.search(rf"\b{re.escape(first)}\b", claim.lower()))


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
                distractors = facts.value_options(area, key, crossing_labels, {p.id, party.id})
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
    Kind("about_dispute", "Which proposal is this disputed claim about?", about_dispute),
    Kind("red_line_crossed", "Whose red line does this term cross?", red_line_crossed, _has_red_lines,
         "no stated position lists red lines"),
)


def skipped_kinds(catalogue: Catalogue) -> list[tuple[str, str]]:
    """(title, why) of every kind whose data is missing."""
    return [(k.title, k.missing) for k in KINDS if not k.available(catalogue)]


# ------------------------------------------------------------------ the quiz


def drafts(catalogue: Catalogue, areas: Sequence[str] | None = None) -> list[Draft]:
    """Every askable question, in a fixed order (no randomness here)."""
    facts = Facts(catalogue)
    wanted = set(areas) if areas else None
    found = []
    for kind in KINDS:
        if not kind.available(catalogue):
            continue
        for draft in kind.build(facts):
            if len(draft.distractors) + 1 < MIN_OPTIONS or not draft.prompt:
                continue
            if wanted is not None and draft.area not in wanted:
                continue
            found.append(draft)
    return found


def _finish(draft: Draft, rng: random.Random) -> Question:
    distractors = rng.sample(list(draft.distractors), min(MAX_OPTIONS - 1, len(draft.distractors)))
    options = [draft.correct, *distractors]
    rng.shuffle(options)
    return Question(
        kind=draft.kind, area=draft.area, prompt=draft.prompt, options=tuple(options),
        answer=options.index(draft.correct), explanation=draft.explanation, evidence=draft.evidence,
        about_dispute=draft.about_dispute,
    )


def pick(candidates: Sequence[Draft], seed: int, n: int) -> list[Question]:
    """`n` questions from the candidates, the kinds taking turns, no fact asked twice."""
    rng = random.Random(seed)
    by_kind: dict[str, list[Draft]] = {}
    for draft in candidates:
        by_kind.setdefault(draft.kind, []).append(draft)
    order = sorted(by_kind)
    rng.shuffle(order)
    for kind in order:
        rng.shuffle(by_kind[kind])
    chosen: list[Question] = []
    used: set[tuple] = set()
    while len(chosen) < n and any(by_kind[k] for k in order):
        for kind in order:
            if len(chosen) >= n:
                break
            while by_kind[kind]:
                draft = by_kind[kind].pop()
                fact = draft.correct.fact
                topic = (fact.proposal, fact.area, fact.field) if not draft.about_dispute else (draft.prompt,)
                if topic in used:
                    continue
                used.add(topic)
                chosen.append(_finish(draft, rng))
                break
    return chosen


def generate(catalogue: Catalogue, seed: int, n: int = DEFAULT_QUESTIONS, areas: Sequence[str] | None = None) -> list[Question]:
    """The quiz for `seed`: the same seed and data give the same questions in the same order."""
    n = max(1, min(int(n), MAX_QUESTIONS))
    return pick(drafts(catalogue, areas), int(seed), n)
