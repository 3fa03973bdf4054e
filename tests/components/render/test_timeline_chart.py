"""Timeline (issue 16, item 4): the axis starts where the proposals are dense; earlier texts sit in a labelled
strip behind an axis break; no two markers share a place."""
from __future__ import annotations

import pandas as pd
import pytest

from components.render.timeline_chart import EARLIER, split_date, timeline_figure
from model.analysis.chart_data import timeline_frame
from model.data.loader import load_catalogue


@pytest.fixture(scope="module")
def built():
    catalogue = load_catalogue()
    frame = timeline_frame(catalogue.proposals)
    return frame, timeline_figure(frame)


def _markers(fig):
    """(x axis, date, row name) of every marker drawn."""
    return [(t.xaxis, pd.Timestamp(x), y) for t in fig.data if t.x is not None and len(t.x) and t.x[0] is not None for x, y in zip(t.x, t.y)]


def test_main_axis_starts_where_the_proposals_are_dense(built):
    frame, fig = built
    low, high = (pd.Timestamp(v) for v in fig.layout.xaxis2.range)
    assert pd.Timestamp("2021-01-01") <= low <= pd.Timestamp("2022-01-01"), "starts in 2021-22, not 2015"
    assert high >= pd.to_datetime(frame["date_sort"]).max(), "the latest proposal is on the axis"
    main = [d for axis, d, _ in _markers(fig) if axis == "x2"]
    assert all(low <= d <= high for d in main)
    recent = [d for d in main if d >= pd.Timestamp("2024-01-01")]
    assert (max(recent) - min(recent)) / (high - low) >= 0.3, "the 2024-26 proposals spread over the axis, not its right edge"


def test_earlier_texts_sit_in_a_labelled_strip(built):
    frame, fig = built
    minsk = frame.loc[frame["proposal"] == "minsk-ii"].iloc[0]
    strip = [(axis, d) for axis, d, y in _markers(fig) if y == minsk["proposal_name"]]
    assert strip == [("x", pd.Timestamp(minsk["date_sort"]))], "Minsk II is drawn once, in the strip"
    low, high = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    assert low <= pd.Timestamp(minsk["date_sort"]) <= high
    assert "2015" in fig.layout.xaxis.ticktext, "the strip says which year it holds"
    texts = [a.text for a in fig.layout.annotations]
    assert f"<b>{EARLIER}</b>" in texts and "<b>//</b>" in texts, "labelled, with a visible axis break"
    assert any(s.type == "rect" and s.xref == "x domain" for s in fig.layout.shapes), "the strip is shaded"
    assert "earlier" in fig.layout.title.subtitle.text.lower()
    assert fig.layout.xaxis.domain[1] - fig.layout.xaxis.domain[0] < 0.25, "a narrow strip"


def test_no_two_markers_overlap(built):
    _, fig = built
    markers = _markers(fig)
    for i, (axis, date, row) in enumerate(markers):
        for other_axis, other_date, other_row in markers[i + 1:]:
            assert not (axis == other_axis and row == other_row and abs((date - other_date).days) < 30), (row, other_row)
    rows = [row for _, _, row in markers]
    assert len(rows) == len(set(rows)), "one row (lane) per proposal"
    assert list(fig.layout.yaxis.ticktext) and len(fig.layout.yaxis.ticktext) == len(rows), "every row labelled"


def test_no_break_when_the_dates_are_close():
    dates = pd.Series(["2024-01-01", "2024-06-01", "2025-01-01"])
    assert split_date(dates) is None
    assert split_date(pd.Series(["2015-02-12", "2021-12-17", "2022-04-15", "2025-11-20"])) == pd.Timestamp("2021-12-17")
    catalogue = load_catalogue()
    recent = [p for p in catalogue.proposals if p.date >= "2024"]
    fig = timeline_figure(timeline_frame(recent))
    assert "xaxis2" not in fig.layout.to_plotly_json() and not fig.layout.annotations, "no strip when nothing is far earlier"
