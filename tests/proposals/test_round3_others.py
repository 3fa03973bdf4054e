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
