"""Chart images (PNG, SVG) at presentation size, through plotly's static export
(kaleido 1.x) driven by Debian's Chromium (`BROWSER_PATH`, never a downloaded
browser). One kaleido server per process, started on the first image and shared
under a lock. If export is unavailable (no Chromium, kaleido missing or failing),
`unavailable_reason()` says why in plain words and nothing else breaks.

No Streamlit here: the download buttons that build images on click are in `components/views/chart_block.py`."""
from __future__ import annotations

import concurrent.futures
import os
import threading
from functools import lru_cache
from html import escape
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

CHROMIUM = "/usr/bin/chromium"
WIDTH = 1600            # pixels: presentation resolution
TIMEOUT = 60.0          # seconds for one image
APP_NAME = "Peace proposals compared"

_lock = threading.Lock()
_state: dict[str, object] = {"started": False, "failure": None}


class ExportUnavailable(RuntimeError):
    """Image export cannot run here; the message says why, for the user."""


def browser_path() -> str:
    os.environ.setdefault("BROWSER_PATH", CHROMIUM)
    return os.environ["BROWSER_PATH"]


def unavailable_reason() -> str | None:
    """Why images cannot be exported here, or None when they can (cheap: no browser is started)."""
    if _state["failure"]:
        return str(_state["failure"])
    path = browser_path()
    if not Path(path).is_file():
        return (f"Image export needs the Chromium browser at {path}, which is not installed on this server "
                "(Debian: apt-get install chromium). The data table and CSV download still work.")
    try:
        import kaleido  # noqa: F401
    except ImportError:
        return "Image export needs the kaleido package, which is not installed on this server. The data table and CSV download still work."
    return None


def source_line(table: pd.DataFrame | None, extra: str = "") -> str:
    """The line printed inside every image: where the numbers come from, in words: each row's most reliable source
    (publisher and date, `best_source`), the first four, and where to find the rest."""
    best: list[str] = []
    if table is not None and "best_source" in table.columns:
        best = list(dict.fromkeys(str(b) for b in table["best_source"].dropna() if str(b).strip()))
    shown = "; ".join(best[:4]) + (f"; and {len(best) - 4} more" if len(best) > 4 else "")
    parts = [f"Best sources: {shown}" if shown else "", extra, f"{APP_NAME} (every source is listed on its Sources page)"]
    return " · ".join(p for p in parts if p)


def _wrap(text: str, width: int) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join(escape(x) for x in [*lines, line])


def image_figure(fig: go.Figure, source: str, width: int = WIDTH, height: int | None = None) -> go.Figure:
    """A copy of `fig` for export: its title kept, its legend kept, the source line under the title, a fixed width."""
    out = go.Figure(fig)
    title = out.layout.title.text or ""
    lines = _wrap(source, max(40, width // 11))
    out.update_layout(
        title={"text": title, "subtitle": {"text": lines, "font": {"size": 15, "color": "#333333"}},
               "x": 0.01, "xanchor": "left", "automargin": True, "yref": "container", "y": 0.99, "yanchor": "top"},
        width=width, height=height or out.layout.height or 900, paper_bgcolor="white",
    )
    title_size = out.layout.title.font.size or 22
    title_lines = title.count("<br>") + 1
    top = int(1.3 * title_size * title_lines + 21 * (lines.count("<br>") + 1) + 40)  # title, sources, a gap
    out.update_layout(margin={"t": max(top, out.layout.margin.t or 0)})
    return out


def _start() -> None:
    import kaleido

    if not _state["started"]:
        kaleido.start_sync_server(mathjax=False, silence_warnings=True)  # mathjax off: no network fetch
        _state["started"] = True
    server = getattr(kaleido, "_global_server", None)
    thread = getattr(server, "_thread", None)
    if thread is not None and not thread.is_alive():
        _state["started"] = False
        kaleido.stop_sync_server(silence_warnings=True)
        raise ExportUnavailable("The image export browser could not be started on this server.")


def _calc(fig_dict: dict, opts: dict) -> bytes:
    import kaleido

    return kaleido.calc_fig_sync(fig_dict, opts=opts)


@lru_cache(maxsize=64)
def _render_cached(fig_json: str, fmt: str, width: int, height: int) -> bytes:
    import json

    reason = unavailable_reason()
    if reason:
        raise ExportUnavailable(reason)
    with _lock:
        try:
            _start()
            with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
                future = pool.submit(_calc, json.loads(fig_json), {"format": fmt, "width": width, "height": height})
                return future.result(timeout=TIMEOUT)
        except ExportUnavailable as exc:
            _state["failure"] = str(exc)
            raise
        except Exception as exc:  # noqa: BLE001 - any kaleido/browser failure becomes a message, never a traceback
            message = f"Image export failed on this server ({type(exc).__name__}). The data table and CSV download still work."
            _state["failure"] = message
            raise ExportUnavailable(message) from exc


def render(fig: go.Figure, fmt: str = "png", width: int = WIDTH, height: int | None = None) -> bytes:
    """PNG or SVG bytes of `fig` at `width` pixels (raises ExportUnavailable with the reason)."""
    height = int(height or fig.layout.height or 900)
    return _render_cached(fig.to_json(), fmt, int(width), height)


def explanation_svg(reason: str, width: int = 800) -> bytes:
    """A small SVG saying why there is no chart image (what a failed SVG download contains)."""
    lines = _wrap(reason, 90).split("<br>")
    text = "".join(f'<text x="16" y="{30 + 24 * i}" font-family="sans-serif" font-size="18">{line}</text>' for i, line in enumerate(lines))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{40 + 24 * len(lines)}">'
            f'<rect width="100%" height="100%" fill="white"/>{text}</svg>').encode()


def image_or_reason(fig: go.Figure, source: str, fmt: str, width: int = WIDTH, height: int | None = None) -> tuple[bytes | None, str]:
    """(bytes, "") or (None, why): for views that show a fallback instead of an image."""
    try:
        return render(image_figure(fig, source, width, height), fmt, width, height), ""
    except ExportUnavailable as exc:
        return None, str(exc)


def lazy(fig: go.Figure, source: str, fmt: str):
    """A callable building the image on click (for a download button)."""
    def build() -> bytes:
        data, reason = image_or_reason(fig, source, fmt)
        if data is not None:
            return data
        return explanation_svg(reason) if fmt == "svg" else reason.encode("utf-8")
    return build
