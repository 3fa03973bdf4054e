"""Chart images through kaleido and Debian's Chromium (components/render/chart_image.py): a PNG of the expected size,
an SVG, or, when export is unavailable (simulated), the explanation instead of an error."""
from __future__ import annotations

import struct

import pytest

from components.render import chart_image
from components.render.figures import troop_caps_figure
from model.analysis.chart_data import troop_caps_frame
from model.data.loader import load_catalogue


@pytest.fixture(autouse=True)
def _fresh_state(monkeypatch):
    chart_image._render_cached.cache_clear()
    monkeypatch.setitem(chart_image._state, "failure", None)
    yield
    chart_image._render_cached.cache_clear()


@pytest.fixture(scope="module")
def figure():
    catalogue = load_catalogue()
    frame = troop_caps_frame([catalogue.get("us-28-point-draft"), catalogue.get("ukraine-position")])
    return troop_caps_figure(frame), frame


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_png_of_the_expected_size_or_the_reason(figure):
    fig, frame = figure
    data, why = chart_image.image_or_reason(fig, chart_image.source_line(frame), "png", 1600, 700)
    if chart_image.unavailable_reason() is None:
        assert why == "", why
        assert png_size(data) == (1600, 700)
    else:  # no Chromium here: the button says why
        assert data is None and "Chromium" in why


def test_svg_holds_title_and_source_line(figure):
    fig, frame = figure
    data, why = chart_image.image_or_reason(fig, chart_image.source_line(frame), "svg")
    if chart_image.unavailable_reason() is not None:
        pytest.skip(why)
    text = data.decode("utf-8")
    assert text.startswith("<svg") and 'width="1600"' in text
    title = fig.layout.title.text.split("<br>")[0]
    assert title[:12] and title[:12] in text and "Best sources:" in text


def test_image_figure_keeps_title_and_adds_sources(figure):
    fig, frame = figure
    out = chart_image.image_figure(fig, chart_image.source_line(frame))
    assert out.layout.width == 1600 and out.layout.title.text == fig.layout.title.text
    assert "Best sources:" in out.layout.title.subtitle.text
    assert fig.layout.width is None, "the app's own figure is not changed"


def test_no_browser_gives_the_reason_not_an_error(figure, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    reason = chart_image.unavailable_reason()
    assert reason and "/nonexistent/chromium" in reason and "CSV" in reason
    fig, frame = figure
    assert chart_image.image_or_reason(fig, "s", "png") == (None, reason)
    assert chart_image.lazy(fig, "s", "png")() == reason.encode("utf-8")
    svg = chart_image.lazy(fig, "s", "svg")()
    assert svg.startswith(b"<svg") and b"Chromium" in svg


def test_a_kaleido_failure_becomes_a_message(figure, monkeypatch):
    if chart_image.unavailable_reason() is not None:
        pytest.skip("export unavailable here")

    def broken(fig_dict, opts):
        raise RuntimeError("browser crashed")

    monkeypatch.setattr(chart_image, "_calc", broken)
    fig, _ = figure
    data, why = chart_image.image_or_reason(fig, "s", "png")
    assert data is None and "Image export failed" in why and "CSV" in why
    assert chart_image.unavailable_reason() == why  # later buttons say why instead of trying again


def test_source_line_names_each_rows_best_source_in_words(figure):
    """Issue 21: a caption names the most reliable source (publisher and date), never a raw source id."""
    _, frame = figure
    line = chart_image.source_line(frame)
    assert line.startswith("Best sources: ") and chart_image.APP_NAME in line
    ids = {i.strip() for cell in frame["sources"].dropna() for i in str(cell).split(";") if i.strip()}
    assert ids and not any(i in line for i in ids), "no raw source id in the caption"
    first = frame["best_source"].dropna().iloc[0]
    assert first in line
