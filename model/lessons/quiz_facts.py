"""The quiz's vocabulary and its reading of the data (no Streamlit, no randomness).

- `Fact`, `Option`, `Evidence`, `Question`, `Draft`, `Kind`: what a question is made of; every option is a
  `Fact`, a real value of one proposal named as the tidy export names it (`proposal, area, field, value`);
- `Facts`: the catalogue read once for every question kind: per (area, field), who holds which value, and
  how a value, a field and a proposal are named in a question;
- `solid`, `evidence_of`, `name`, `cap_label`, `date_words`: the small rules the kinds share (see `model.lessons.quiz_kinds`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from model.data.loader import Catalogue
from model.data.schema import Citation, Position, Proposal
from model.data.taxonomy import Taxonomy
from model.analysis.tidy import CODED
from model.lessons.quiz_meanings import overlaps, overlaps_any

MAX_OPTIONS = 4  # the correct answer and up to three distractors
MIN_OPTIONS = 3
MAX_PROOFS = 3  # citations shown with an answer (the position's first ones)
UNINFORMATIVE = ("not_addressed", "unspecified")  # region statuses never asked as the answer (they may be distractors)


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
    about_dispute: bool = False  # no kind asks about a dispute any more (issue 16); kept for the page

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
            date=date_words(source.date, source.date_note), quote=" ".join(c.quote.split()) if c.quote else None,
            locator=c.locator, url=source.url, seed=source.seed, reliability=source.reliability,
        ))
    return tuple(found)


def date_words(date: str | None, note: str | None = None) -> str:
    """A source's date for students: the date, else its note without the "n.d." abbreviation, else "undated"."""
    if date:
        return str(date)
    note = " ".join(str(note or "").split())
    rest = note[4:].lstrip(" ;,") if note.lower().startswith("n.d.") else note
    return f"undated ({rest})" if rest else "undated"


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

    def value_options(self, area: str, field_: str, exclude: set[str], not_from: set[str],
                      avoid: Iterable[object] = ()) -> tuple[Option, ...]:
        """One option per distinct value other proposals solidly hold (first holder in date order), leaving out
        labels in `exclude` and values that can also be true of a value in `avoid` (`quiz_meanings.overlaps`)."""
        avoid = tuple(avoid)
        seen: dict[str, Option] = {}
        for p, value, ok in self.holders.get((area, field_), []):
            label = self.label(area, field_, value)
            if not ok or p.id in not_from or label in exclude or label in seen or overlaps_any(area, field_, value, avoid):
                continue
            seen[label] = Option(label, self.fact(p, area, field_, value))
        return tuple(seen.values())

    def proposal_options(self, area: str, field_: str, value: object, not_from: set[str]) -> tuple[Option, ...]:
        """Other proposals that solidly hold a value on the same field that cannot also be true of `value`."""
        options = []
        for p, other, ok in self.holders.get((area, field_), []):
            if ok and p.id not in not_from and not overlaps(area, field_, other, value):
                options.append(Option(name(p), self.fact(p, area, field_, other)))
        return tuple(options)
