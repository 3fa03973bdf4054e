"""Source grades as words a student understands ("major news outlet · generally
reliable"), computed from a source's kind and reliability grade."""
from __future__ import annotations

from model.data.schema import Source

KIND_WORDS: dict[str, str] = {
    "primary_text": "Official text", "official": "Official statement or text", "state_media": "State media",
    "aggregator": "Aggregator or re-publisher", "think_tank": "Think tank", "academic": "Academic work",
    "opinion": "Opinion piece", "student": "Student work",
}
NEWS_WORDS: dict[str, str] = {
    "high": "Major news outlet", "medium": "Regional or secondary news outlet", "low": "Minor news site",
}
RELIABILITY_WORDS: dict[str, str] = {
    "high": "generally reliable", "medium": "use with care", "low": "low reliability: used only with corroboration",
}


def kind_words(source: Source) -> str:
    if source.kind == "news":
        return NEWS_WORDS[source.reliability]
    return KIND_WORDS.get(source.kind, source.kind.replace("_", " ").capitalize())


def grade_words(source: Source) -> str:
    """E.g. 'Major news outlet · generally reliable', 'State media · use with care'."""
    return f"{kind_words(source)} · {RELIABILITY_WORDS[source.reliability]}"
