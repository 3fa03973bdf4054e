"""Whose terms a proposal holds (components/views/proposal_card.py): the party that proposed them, a co-author, and
a mediator or host shown apart (issue 21: Alaska's terms are Russia's; the 20-point framework is a US–Ukraine text)."""
from __future__ import annotations

from components.views.proposal_card import terms_by
from model.data.loader import load_catalogue


def test_terms_and_mediator_are_named_apart():
    catalogue = load_catalogue()
    alaska = terms_by(catalogue.get("alaska-summit-2025"))
    assert alaska.startswith("Terms: Russia") and "Mediator or host: United States" in alaska
    assert terms_by(catalogue.get("20-point-framework")).startswith("Terms: Mediator (US-led) with Ukraine")
    assert "Mediator or host" not in terms_by(catalogue.get("us-28-point-draft"))
