"""model.analysis.source_rank: best-first order of sources and the weak-sources test."""
from __future__ import annotations

from model.analysis.source_rank import best_source, is_wire, rank_key, ranked, rests_on_weak_sources, weak_cells_line
from model.data.loader import load_catalogue
from model.data.schema import Citation, Position, Source


def src(sid: str, reliability: str = "medium", kind: str = "news", publisher: str = "Some Paper", date: str | None = "2025-01-01") -> Source:
    return Source(id=sid, title=sid, publisher=publisher, url=f"https://example.org/{sid}", kind=kind, reliability=reliability, date=date)


def cite(*ids: str) -> list[Citation]:
    return [Citation(source=i) for i in ids]


def test_reliability_comes_first():
    pool = [src("low", "low", kind="primary_text"), src("med", "medium"), src("high", "high", date="2026-01-01")]
    assert [s.id for s in ranked(pool)] == ["high", "med", "low"]


def test_primary_text_then_wire_then_earliest_date_at_equal_grade():
    pool = [
        src("late-paper", "high", date="2025-03-01"),
        src("early-paper", "high", date="2025-01-01"),
        src("reuters", "high", publisher="Reuters", date="2025-05-01"),
        src("official", "high", kind="official", publisher="Office of the President of Ukraine", date="2025-06-01"),
        src("text", "high", kind="primary_text", publisher="Seed", date="2025-07-01"),
        src("undated", "high", date=None),
    ]
    order = [s.id for s in ranked(pool)]
    assert order[:2] == ["official", "text"]  # both primary: then the earlier date
    assert order[2] == "reuters"
    assert order[3:] == ["early-paper", "late-paper", "undated"]


def test_wire_is_the_agency_itself_not_a_copy_nor_state_media():
    assert is_wire(src("a", publisher="AP"))
    assert is_wire(src("b", publisher="Interfax-Ukraine"))
    assert is_wire(src("c", publisher="Ukrinform"))
    assert not is_wire(src("d", publisher="Journal-News (AP)"))
    assert not is_wire(src("e", publisher="WSAU (republishing Reuters)"))
    assert not is_wire(src("f", kind="state_media", publisher="TASS"))


def test_partial_date_sorts_as_start_of_its_period():
    assert rank_key(src("y", date="2025")) < rank_key(src("d", date="2025-03-01"))


def test_citations_are_looked_up_in_a_registry_like_pool_and_unknown_ids_dropped():
    pool = [src("a", "low"), src("b", "high")]
    assert [s.id for s in ranked(cite("a", "b", "a", "missing"), pool)] == ["b", "a"]
    assert best_source(cite("a", "b"), {s.id: s for s in pool}).id == "b"
    assert best_source(cite("missing"), pool) is None


def test_rests_on_weak_sources():
    pool = [src("low1", "low"), src("low2", "low"), src("med", "medium")]
    assert rests_on_weak_sources(cite("low1", "low2"), pool)
    assert not rests_on_weak_sources(cite("low1", "med"), pool)
    assert not rests_on_weak_sources([], pool)
    weak = Position(summary="x", evidence="reported", citations=cite("low1"))
    assert rests_on_weak_sources(weak, pool)
    assert not rests_on_weak_sources(Position(summary="x", evidence="reported", citations=cite("med")), pool)


def test_works_on_the_real_catalogue_with_its_registry():
    catalogue = load_catalogue()
    proposal = catalogue.proposals[0]
    position = next(p for p in proposal.positions.values() if p.citations)
    best = best_source(position.citations, catalogue.registry)
    assert best is not None
    assert best == ranked(position.citations, proposal.sources)[0]


def test_weak_cells_line_is_empty_when_no_cell_rests_only_on_low_sources():
    catalogue = load_catalogue()
    strong = [p for p in catalogue.proposals if p.id == "us-28-point-draft"]
    assert weak_cells_line(strong) == ""


def test_best_first_orders_citations_and_keeps_unknown_ones_last_in_their_order():
    from model.analysis.source_rank import best_first
    from model.data.schema import Citation, Source

    low = Source(id="low-x", title="t", publisher="Minor site", url="https://a.example/x", kind="news", reliability="low")
    high = Source(id="high-x", title="t", publisher="Reuters", url="https://b.example/x", kind="news", reliability="high")
    cites = [Citation(source="missing-1"), Citation(source="low-x"), Citation(source="missing-2"), Citation(source="high-x")]
    assert [c.source for c in best_first(cites, [low, high])] == ["high-x", "low-x", "missing-1", "missing-2"]
