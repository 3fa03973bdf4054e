"""Round 3 of the expert review (issue 21) for the initiatives: verbatim quotes, the disputed codings
with both readings in their notes, who proposed the terms (party, co_party, mediator), and the US
"final offer" of April 2025. Each test pins a fix that the data before round 3 did not have."""
from __future__ import annotations

import pytest

from model.data.loader import load_catalogue


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def quotes(position) -> list[str]:
    return [c.quote for c in position.citations if c.quote]


def cited(position) -> set[str]:
    return {c.source for c in position.citations}


# --- 1. Quotes that were not verbatim ---------------------------------------------------------------

def test_jeddah_rubio_quote_is_verbatim(catalogue):
    implementation = catalogue.get("jeddah-ceasefire-proposal-2025").positions["implementation"]
    assert "The ball is now in their court" in quotes(implementation)
    assert "The ball is in their court" not in quotes(implementation)
    assert "voa-editorial-2025-03-11" in cited(implementation)


def test_burgenstock_borders_quote_is_verbatim(catalogue):
    territory = catalogue.get("burgenstock-communique-2024").positions["territory"]
    assert "including Ukraine, within their internationally recognized borders, including territorial waters" in quotes(territory)
    assert not any(q.endswith("within their recognized borders") for q in quotes(territory))


# --- 2. Disputed codings: decided, with both readings and their sources in the note ------------------

DISPUTED = [
    # (proposal, area, field, decided value, the other reading named in the note, a source the note rests on)
    ("china-12-point-position-2023", "sanctions_and_economy", "sanctions_relief", "lifted_in_full", "uncoded",
     "unionleader-2023-02-24"),
    ("burgenstock-communique-2024", "territory", "stance", "restore_1991_borders", "uncoded", "nexta-2024-06"),
    ("istanbul-2022-draft", "military_limits", "stance", "cap_prewar_or_below", "deep_cuts", "babel-wsj-2024"),
    ("alaska-summit-2025", "ceasefire_and_monitoring", "stance", "ceasefire_with_settlement",
     "ceasefire_after_ukrainian_withdrawal", "irishtimes-ft-2025-08-18"),
    ("paris-declaration-2026", "security_guarantees", "guarantee_type", "unspecified_guarantee", "article5_like",
     "dailypioneer-ap-2026-01-07"),
    ("e3-counterproposal", "alliances", "nato", "door_open", "not_mentioned", "liga-2025-11-23-e3-text"),
    ("20-point-framework", "territory", "stance", "freeze_at_contact_line", "left_to_negotiation", "ua112-2025-12-23"),
]


@pytest.mark.parametrize("pid, area, field, value, other, source", DISPUTED)
def test_disputed_coding_is_decided_with_both_readings(catalogue, pid, area, field, value, other, source):
    position = catalogue.get(pid).positions[area]
    assert getattr(position, field) == value
    note = position.stance_note or ""
    assert note.startswith(f"Decided: {value}"), note
    assert "Other reading: " + other in note, note
    assert source in cited(position)


def test_istanbul_keeps_both_bracketed_caps(catalogue):
    limits = catalogue.get("istanbul-2022-draft").positions["military_limits"]
    assert limits.troop_cap == "bracketed"
    assert {(v.value, v.proposed_by) for v in limits.troop_cap_variants} == {(85_000, "Russia"), (250_000, "Ukraine")}


def test_paris_guarantee_cites_what_is_not_final(catalogue):
    guarantees = catalogue.get("paris-declaration-2026").positions["security_guarantees"]
    text = " ".join(quotes(guarantees))
    assert "ready to commit" in text and "still must finalise" in text and "not formally a signatory" in text


# --- 3. Who proposed the terms: party, co_party and mediator -----------------------------------------

@pytest.mark.parametrize("pid, party, co_party, mediator_word", [
    ("alaska-summit-2025", "russia", None, "United States"),
    ("jeddah-ceasefire-proposal-2025", "mediator", "ukraine", "Saudi Arabia"),
    ("20-point-framework", "mediator", "ukraine", None),
])
def test_party_is_who_proposed_the_terms(catalogue, pid, party, co_party, mediator_word):
    proposal = catalogue.get(pid)
    assert (proposal.party, proposal.co_party) == (party, co_party)
    if mediator_word is None:
        assert proposal.mediator is None
    else:
        assert mediator_word in (proposal.mediator or "")


# --- 4. The US "final offer" of April 2025 -------------------------------------------------------------

FINAL_OFFER = "us-final-offer-2025-04"


def test_final_offer_is_a_reported_us_text(catalogue):
    offer = catalogue.get(FINAL_OFFER)
    assert offer is not None, "the US final offer of April 2025 is missing"
    assert (offer.party, offer.publication, offer.status) == ("mediator", "reported", "superseded")
    assert offer.date == "2025-04-17"
    assert set(offer.positions) == set(catalogue.taxonomy.area_keys)
    for area, position in offer.positions.items():
        assert position.evidence == "reported", area
        assert position.not_addressed or position.citations, area


def test_final_offer_codes_what_reuters_published(catalogue):
    positions = catalogue.get(FINAL_OFFER).positions
    territory = positions["territory"]
    assert territory.stance == "de_jure_recognition"
    assert territory.regions["crimea"] == "russian_de_jure"
    assert territory.regions["luhansk"] == "russian_de_facto"
    assert {territory.regions[r] for r in ("donetsk", "zaporizhzhia", "kherson")} == {"frozen_de_facto_recognition"}
    assert territory.regions["kharkiv"] == "ukrainian"
    assert positions["alliances"].nato == "renounced" and positions["alliances"].eu == "allowed"
    assert positions["sanctions_and_economy"].sanctions_relief == "lifted_in_full"
    assert positions["security_guarantees"].guarantee_type == "unspecified_guarantee"
    assert positions["military_limits"].not_addressed


def test_final_offer_rests_on_a_reliable_report_and_marks_weak_claims(catalogue):
    offer = catalogue.get(FINAL_OFFER)
    # Every coded territory status rests on the Reuters text (RTÉ's copy or a rendering of it), not on Axios alone.
    assert "rte-reuters-2025-04-25" in cited(offer.positions["territory"])
    # A claim found only on a low-grade page is marked contested.
    assert offer.positions["accountability"].contested
    assert offer.positions["sanctions_and_economy"].contested
    assert any("broad framework" in (c.quote or "") for note in offer.contested for c in note.citations)


def test_final_offer_gives_both_sides_reactions(catalogue):
    implementation = catalogue.get(FINAL_OFFER).positions["implementation"]
    sources = cited(implementation)
    assert "espreso-2025-04-22" in sources  # Zelensky
    assert {"bssnews-afp-2025-04-25", "shafaq-2025-04-25"} <= sources  # Lavrov, Ushakov
