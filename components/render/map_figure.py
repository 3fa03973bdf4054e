"""Territory maps: one small map of Ukraine's regions per proposal, drawn as filled
polygons on plain cartesian axes (no map tiles, no base-map download), so it works
offline and in exports. Pure: tidy frame in, plotly figure out; no Streamlit.

- Each region is filled by the status the proposal gives it. Statuses flagged
  `split: true` in the taxonomy (divided at the line of contact) are HATCHED, never
  filled as if the whole region changed hands: no open data for the line of contact
  after February 2022 is available here, so the region cannot be cut at the line.
- A thin dashed outline shows the area Russia controlled on 23 February 2022
  (Natural Earth), so the pre-2022 line inside Donetsk and Luhansk is visible.
- Hover: region, status, the proposal's note on the region, evidence level.

Parsed GeoJSON files and the polygon paths built from them are cached (per file and
per GeoJSON object), so building the maps for every proposal stays cheap."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.render.safe_text import wrap_words

from components.render.palette import FONT, REGION_STATUS_COLORS
from components.render.safe_text import plot
from model.analysis.chart_data import NOT_MENTIONED, NOT_MENTIONED_LABEL
from model.data.reference_data import DATA_DIR
from model.data.taxonomy import Taxonomy

REGIONS_GEOJSON = DATA_DIR / "ukraine_regions.geojson"
CONTROL_2022_GEOJSON = DATA_DIR / "ukraine_ru_control_2022-02-23.geojson"

CONTROL_2022_LABEL = "Russian-controlled on 23 Feb 2022 (Natural Earth)"
SPLIT_WORDS = "split at the line of contact"
NO_LATER_LINE = ("No open data for the later line of contact is available here, "
                 "so regions split at the line of contact are hatched, not cut at a line.")

MAP_HEIGHT, ROW_GAP, TOP = 270, 60, 120  # pixels: one map's row, the gap holding the next map's title, top margin
NOTE_MARK = "∅"  # drawn on regions whose status needs a reason ("not addressed by this text")
CREDIT = "Map data: Natural Earth (public domain)."
SIMPLIFY_DEGREES = 0.02  # about 2 km: under a pixel on a 380-pixel-wide map of Ukraine
X_SCALE = math.cos(math.radians(48.5))  # longitude shrunk so Ukraine keeps its shape at 48.5° N
KYIV_CITY = "UA-30"  # sits in Kyiv Oblast's hole: drawn after the other regions, on top

OUTLINE = "#333333"
HATCH_INK = "#542788"  # stripes of split regions, in the colour of "Ukrainian" (part of the region stays Ukrainian)
HATCH_SHAPE = "/"  # every split status: hatched = split; the background colour says what becomes of the rest
CONTROL_2022_COLOR = "#000000"  # black dashes on a white halo: readable on every fill; dashed, unlike the solid region borders
CONTROL_2022_HALO = "#FFFFFF"
FALLBACK_COLOR = "#999999"
LEGEND_WRAP, TITLE_WRAP = 30, 16  # characters a line: legend entries and map titles fit a 390-pixel phone


# ---- geometry (cached) -------------------------------------------------------------------------

@dataclass(frozen=True)
class Shapes:
    """Polygon paths ready for plotly: per feature id, x and y arrays (rings separated by NaN)."""

    paths: dict[str, tuple[np.ndarray, np.ndarray]]
    labels: dict[str, tuple[float, float]]

    def path(self, ids: list[str]) -> tuple[np.ndarray, np.ndarray]:
        parts = [self.paths[i] for i in ids if i in self.paths]
        if not parts:
            return np.empty(0), np.empty(0)
        return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])


def _rings(geometry: dict, outer_only: bool) -> list[list[list[float]]]:
    """Rings of a Polygon or MultiPolygon; outer rings only when holes are filled by other features (Kyiv)."""
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [ring for polygon in polygons for ring in (polygon[:1] if outer_only else polygon)]


def _to_path(rings: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Rings as one path, NaN between rings; float32 halves what is sent to the browser (4 decimals survive)."""
    parts = [np.vstack([ring, [np.nan, np.nan]]) for ring in rings]
    points = np.vstack(parts) if parts else np.empty((0, 2))
    xs, ys = (points[:, 0] * X_SCALE).astype(np.float32), points[:, 1].astype(np.float32)
    xs.flags.writeable = ys.flags.writeable = False
    return xs, ys


def _douglas_peucker(points: np.ndarray, tolerance: float) -> np.ndarray:
    """Indices of `points` kept by Douglas–Peucker (first and last always)."""
    keep = np.zeros(len(points), dtype=bool)
    keep[[0, -1]] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        a, b, inner = points[first], points[last], points[first + 1:last]
        ab = b - a
        norm = math.hypot(*ab)
        dist = (np.abs(ab[0] * (inner[:, 1] - a[1]) - ab[1] * (inner[:, 0] - a[0])) / norm if norm
                else np.hypot(*(inner - a).T))
        i = int(np.argmax(dist))
        if dist[i] > tolerance:
            keep[first + 1 + i] = True
            stack += [(first, first + 1 + i), (first + 1 + i, last)]
    return np.flatnonzero(keep)


def _simplify(rings: list[list[list[float]]], tolerance: float) -> list[np.ndarray]:
    """Thin the rings for small maps without opening gaps between neighbours: Douglas–Peucker runs on each
    stretch of border shared by the same rings, always in the same direction, so both sides keep the same
    vertices; vertices where the neighbours change are always kept."""
    owners: dict[tuple, set[int]] = {}
    for index, ring in enumerate(rings):
        for point in ring:
            owners.setdefault((point[0], point[1]), set()).add(index)
    out = []
    for ring in rings:
        points = np.asarray(ring, dtype=float)
        if len(points) < 8 or tolerance <= 0:
            out.append(points)
            continue
        keys = [frozenset(owners[(p[0], p[1])]) for p in ring]
        n = len(ring) - 1  # closed ring: the last point repeats the first
        fixed = [i for i in range(n) if len(keys[i]) > 2 or keys[i] != keys[i - 1] or keys[i] != keys[(i + 1) % n]]
        if len(fixed) < 2:  # an island or a ring shared whole: pin its first point and the point farthest from it
            fixed = sorted({0, int(np.argmax(np.hypot(*(points[:n] - points[0]).T)))})
        kept: list[int] = []
        for start, end in zip(fixed, fixed[1:] + [fixed[0] + n]):
            idx = np.arange(start, end + 1) % n
            run = points[idx]
            flip = tuple(run[0]) > tuple(run[-1])  # the neighbour walks this stretch the other way round
            chosen = _douglas_peucker(run[::-1] if flip else run, tolerance)
            chosen = np.sort(len(run) - 1 - chosen) if flip else chosen
            kept += [int(idx[c]) for c in chosen[:-1]]
        out.append(points[kept + kept[:1]])
    return out


def shapes_of(geojson: dict, kinds: tuple[str, ...] = (), outer_only: bool = True) -> Shapes:
    """Paths of every (Multi)Polygon feature, keyed by `properties.id` (or the feature id), thinned for maps
    a few hundred pixels wide; cached per object."""
    key = (id(geojson), kinds, outer_only)
    hit = _SHAPES.get(key)
    if hit is not None and hit[0] is geojson:  # the cache holds the object, so its id cannot be reused meanwhile
        return hit[1]
    rings, labels = {}, {}
    for feature in geojson["features"]:
        props = feature.get("properties") or {}
        geometry = feature.get("geometry") or {}
        if geometry.get("type") not in ("Polygon", "MultiPolygon") or (kinds and props.get("kind") not in kinds):
            continue
        fid = props.get("id", feature.get("id"))
        rings[fid] = _rings(geometry, outer_only)
        if "label_lon" in props:
            labels[fid] = (props["label_lon"] * X_SCALE, props["label_lat"])
    flat = [(fid, ring) for fid, parts in rings.items() for ring in parts]
    thinned = _simplify([ring for _, ring in flat], SIMPLIFY_DEGREES)
    paths: dict[str, list[np.ndarray]] = {}
    for (fid, _), ring in zip(flat, thinned):
        paths.setdefault(fid, []).append(ring)
    shapes = Shapes({fid: _to_path(parts) for fid, parts in paths.items()}, labels)
    if len(_SHAPES) >= 8:
        _SHAPES.pop(next(iter(_SHAPES)))
    _SHAPES[key] = (geojson, shapes)
    return shapes


_SHAPES: dict[tuple, tuple[dict, Shapes]] = {}


def outline_of(geojson: dict, kinds: tuple[str, ...] = ()) -> tuple[np.ndarray, np.ndarray]:
    """The outer edge of the union of the (Multi)Polygon features, as one NaN-separated path: edges two
    features share (Donetsk/Luhansk parts, Crimea/Sevastopol) are left out. Cached per object."""
    key = (id(geojson), kinds, "outline")
    hit = _SHAPES.get(key)
    if hit is not None and hit[0] is geojson:
        return hit[1]
    rings = []
    for feature in geojson["features"]:
        props, geometry = feature.get("properties") or {}, feature.get("geometry") or {}
        if geometry.get("type") in ("Polygon", "MultiPolygon") and (not kinds or props.get("kind") in kinds):
            rings += _rings(geometry, outer_only=False)
    edge = lambda a, b: (tuple(a), tuple(b)) if tuple(a) <= tuple(b) else (tuple(b), tuple(a))  # noqa: E731
    counts: dict = {}
    for ring in rings:
        for a, b in zip(ring, ring[1:]):
            counts[edge(a, b)] = counts.get(edge(a, b), 0) + 1
    points: list[list[float]] = []
    for ring in rings:
        run: list = []
        for a, b in zip(ring, ring[1:]):
            if counts[edge(a, b)] == 1:
                run = run or [a]
                run.append(b)
            elif run:
                points += [*run, [np.nan, np.nan]]
                run = []
        if run:
            points += [*run, [np.nan, np.nan]]
    array = np.asarray(points, dtype=float).reshape(-1, 2)
    xs, ys = array[:, 0] * X_SCALE, array[:, 1].copy()
    xs.flags.writeable = ys.flags.writeable = False
    if len(_SHAPES) >= 8:
        _SHAPES.pop(next(iter(_SHAPES)))
    _SHAPES[key] = (geojson, (xs, ys))
    return xs, ys


@lru_cache(maxsize=8)
def _parse(path: str, mtime_ns: int, size: int) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def load_geojson(path: Path) -> dict:
    """The parsed file, shared and cached until the file changes. Treat it as read-only."""
    stat = path.stat()
    return _parse(str(path), stat.st_mtime_ns, stat.st_size)


def regions_geojson() -> dict:
    return load_geojson(REGIONS_GEOJSON)


def control_2022_geojson() -> dict | None:
    return load_geojson(CONTROL_2022_GEOJSON) if CONTROL_2022_GEOJSON.is_file() else None


# ---- styles ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class StatusStyle:
    key: str
    label: str  # as in the taxonomy (and the table and hover)
    legend: str  # as in the legend: says "split at the line of contact" for split statuses
    color: str
    pattern: dict | None
    dash: str
    split: bool


def status_styles(taxonomy: Taxonomy) -> list[StatusStyle]:
    """Every region status of the taxonomy, in its order, then 'not named by this proposal'.
    Split statuses (taxonomy flag `split`) are hatched; the rest are plain fills."""
    styles = []
    for term in taxonomy.region_statuses:
        color = REGION_STATUS_COLORS.get(term.key, FALLBACK_COLOR)
        pattern, legend = None, term.label
        if term.split:
            pattern = {"shape": HATCH_SHAPE, "fgcolor": HATCH_INK, "bgcolor": color, "size": 9, "solidity": 0.3, "fillmode": "replace"}
            if SPLIT_WORDS not in legend.lower():
                legend = f"{legend} ({SPLIT_WORDS})"
            legend += " · hatched"
        if term.needs_note:  # e.g. "not addressed by this text": always comes with a reason, shown on hover
            legend += f" ({NOTE_MARK} on the map) · reason on hover"
        dash = "dot" if term.needs_note else "solid"  # white with a dotted outline: a gap the text leaves
        styles.append(StatusStyle(term.key, term.label, legend, color, pattern, dash, term.split))
    styles.append(StatusStyle(NOT_MENTIONED, NOT_MENTIONED_LABEL, NOT_MENTIONED_LABEL,
                              REGION_STATUS_COLORS.get(NOT_MENTIONED, "#E3E3E3"), None, "solid", False))
    return styles


def _fill_trace(xs, ys, style: StatusStyle, axes: tuple[str, str], **extra) -> dict:
    dotted = style.dash != "solid"
    return dict(
        type="scatter",
        x=xs, y=ys, xaxis=axes[0], yaxis=axes[1], mode="lines", fill="toself", fillcolor=style.color,
        fillpattern=style.pattern, line={"color": "#000000" if dotted else OUTLINE, "width": 1.6 if dotted else 0.7, "dash": style.dash},
        name=wrap_words(style.legend, LEGEND_WRAP), legendgroup=style.key, hoverinfo="skip", **extra,
    )


def _legend_trace(style: StatusStyle, rank: int) -> dict:
    marked = style.dash != "solid"  # white "not addressed": a heavy outline, as its dotted outline on the map
    pattern = {**style.pattern, "size": 6} if style.pattern else {"shape": ""}
    return dict(type="bar", x=[None], y=[None], xaxis="x", yaxis="y", name=wrap_words(style.legend, LEGEND_WRAP), legendgroup=style.key,
                legendrank=rank, showlegend=True, hoverinfo="skip",
                marker={"color": style.color, "pattern": pattern,
                        "line": {"color": "#000000" if marked else OUTLINE, "width": 2 if marked else 1}})


def _control_trace(xs, ys, axes: tuple[str, str], halo: bool = False, **extra) -> dict:
    """The outline of the area Russia controlled on 23 Feb 2022: dashed, so it never reads as a region border
    (with `halo`, the white line drawn beneath the dashes)."""
    line = {"color": CONTROL_2022_HALO, "width": 4.5} if halo else {"color": CONTROL_2022_COLOR, "width": 2.2, "dash": "dash"}
    return dict(type="scatter", x=xs, y=ys, xaxis=axes[0], yaxis=axes[1], mode="lines", name=CONTROL_2022_LABEL,
                legendgroup="control_2022", hoverinfo="skip", line=line, **extra)


# ---- layout helpers ----------------------------------------------------------------------------

def _axis_names(index: int) -> tuple[str, str, str, str]:
    """Trace axis refs ("x2") and layout keys ("xaxis2") of subplot `index` (0-based)."""
    suffix = "" if index == 0 else str(index + 1)
    return f"x{suffix}", f"y{suffix}", f"xaxis{suffix}", f"yaxis{suffix}"


def _domains(count: int, gap: float) -> list[tuple[float, float]]:
    size = (1 - gap * (count - 1)) / count
    return [(i * (size + gap), i * (size + gap) + size) for i in range(count)]


# ---- the figure --------------------------------------------------------------------------------

def territory_maps(frame: pd.DataFrame, geojson: dict | None, taxonomy: Taxonomy, columns: int = 2,
                   control: dict | None | bool = True) -> go.Figure:
    """One small map per proposal (in the frame's order), coloured by the status it gives each region,
    with one shared legend below the maps listing every status and the 2022 overlay. Two maps a row by default:
    on a 1280-pixel screen with the sidebar open each map is then about 380 pixels wide.

    `geojson`: Ukraine's regions (None: data/ukraine_regions.geojson). `control`: the GeoJSON of the area
    Russia controlled on 23 Feb 2022 (True: data/ukraine_ru_control_2022-02-23.geojson; False/None: no overlay)."""
    geojson = geojson if geojson is not None else regions_geojson()
    if control is True:
        control = control_2022_geojson()
    regions = shapes_of(geojson)
    held = outline_of(control, kinds=("russian_controlled_area",)) if control else None
    styles = status_styles(taxonomy)
    style_of = {s.key: s for s in styles}
    evidence = {t.key: t.label for t in taxonomy.evidence_levels}
    noted = {t.key for t in taxonomy.region_statuses if t.needs_note}

    names = list(dict.fromkeys(frame["proposal_name"]))
    cols = max(1, min(columns, len(names)))
    rows = max(1, -(-len(names) // cols))
    records = frame.to_dict("records")
    by_name: dict[str, list[dict]] = {n: [] for n in names}
    for r in records:
        by_name[r["proposal_name"]].append(r)

    traces: list[dict] = []
    layout: dict = {}
    annotations: list[dict] = []
    plot_height = rows * MAP_HEIGHT + (rows - 1) * ROW_GAP
    col_domains = _domains(cols, 0.02)
    row_domains = [(1 - (r * (MAP_HEIGHT + ROW_GAP) + MAP_HEIGHT) / plot_height, 1 - r * (MAP_HEIGHT + ROW_GAP) / plot_height)
                   for r in range(rows)]
    title_pad = 6 / plot_height

    # the legend: one entry per status (all of them, always, so maps of different selections compare),
    # drawn by empty bar traces in the first subplot: a bar's legend swatch is a square that shows the hatching
    for rank, style in enumerate(styles):
        traces.append(_legend_trace(style, rank))
    if held is not None:
        traces.append(_control_trace([None], [None], ("x", "y"), showlegend=True, legendrank=len(styles)))

    for index, name in enumerate(names):
        xref, yref, xkey, ykey = _axis_names(index)
        row, col = divmod(index, cols)
        data = by_name[name]
        present = {r["iso"] for r in data}
        # every region of the map is drawn, named by the proposal or not
        statuses = {r["iso"]: r["status"] for r in data}
        for iso in regions.paths:
            statuses.setdefault(iso, NOT_MENTIONED)
        for layer in (False, True):  # Kyiv city last, on top of Kyiv Oblast's hole
            groups: dict[str, list[str]] = {}
            for iso, status in statuses.items():
                if (iso == KYIV_CITY) == layer:
                    groups.setdefault(status, []).append(iso)
            for style in styles + [s for s in _unknown_styles(groups, style_of)]:
                isos = groups.get(style.key)
                if not isos:
                    continue
                xs, ys = regions.path(isos)
                traces.append(_fill_trace(xs, ys, style, (xref, yref), showlegend=False))
        if held is not None:
            xs, ys = held
            traces.append(_control_trace(xs, ys, (xref, yref), halo=True, showlegend=False))
            traces.append(_control_trace(xs, ys, (xref, yref), showlegend=False))
        # a mark on regions whose status needs a reason (not addressed): white alone is too close to "not named"
        marked = [r["iso"] for r in data if r["status"] in noted and r["iso"] in regions.labels]
        if marked:
            traces.append(dict(type="scatter", x=[regions.labels[i][0] for i in marked], y=[regions.labels[i][1] for i in marked],
                               xaxis=xref, yaxis=yref, mode="text", text=[NOTE_MARK] * len(marked), showlegend=False,
                               textfont={"size": 17, "color": "#000000"}, hoverinfo="skip", name=NOTE_MARK))
        # hover: an invisible marker on each region's label point; the nearest one answers
        hovered = [r for r in data if r["iso"] in regions.labels]
        extra = [iso for iso in regions.labels if iso not in present]
        custom = [(r["region_name"], r["status_label"], _note(r), r["iso"], _evidence(r, evidence)) for r in hovered]
        custom += [(geojson_name(geojson, iso), NOT_MENTIONED_LABEL, "", iso, "") for iso in extra]
        points = [regions.labels[c[3]] for c in custom]
        traces.append(dict(
            type="scatter", x=[p[0] for p in points], y=[p[1] for p in points], xaxis=xref, yaxis=yref, mode="markers",
            marker={"size": 16, "opacity": 0}, showlegend=False, name=name, customdata=custom,
            hovertemplate="<b>%{customdata[0]}</b> · " + plot(name).replace("%", "%%")
                          + "<br>%{customdata[1]}%{customdata[2]}%{customdata[4]}<extra></extra>",
        ))
        (x0, x1), (y0, y1) = col_domains[col], row_domains[row]
        layout[xkey] = {"domain": [x0, x1], "visible": False, "fixedrange": True, "anchor": yref}
        layout[ykey] = {"domain": [y0, y1], "visible": False, "fixedrange": True, "anchor": xref,
                        "scaleanchor": xref, "scaleratio": 1}
        annotations.append({"text": f"<b>{plot(name)}</b>", "x": (x0 + x1) / 2, "y": y1 + title_pad, "xref": "paper", "yref": "paper",
                            "xanchor": "center", "yanchor": "bottom", "showarrow": False, "font": {"size": 15}})

    entries = len(styles) + (held is not None)
    legend_height = 150 + 40 * (-(-entries // 2))  # title (5 lines) + two entries a row; plotly grows the margin if needed
    layout.update(
        annotations=annotations, height=TOP + plot_height + legend_height,
        title={"text": "Status of each region, by proposal", "font": {"size": 22}},
        font={"family": FONT, "size": 18}, paper_bgcolor="white", plot_bgcolor="white", hovermode="closest",
        hoverdistance=60,
        hoverlabel={"font": {"size": 16, "color": "#111111"}, "align": "left", "bgcolor": "#FFFFFF", "bordercolor": "#333333"},
        margin={"l": 5, "r": 5, "t": TOP, "b": legend_height},
        legend={
            "title": {"text": "<b>Region status</b><br>" + wrap_words("Hatched = " + SPLIT_WORDS + " (the region is divided, not handed over whole). "
                      + NO_LATER_LINE + " " + CREDIT, 44) + "<br> ", "side": "top", "font": {"size": 13}},
            "orientation": "h", "x": 0, "xanchor": "left", "y": -0.01, "yanchor": "top",
            "traceorder": "normal", "font": {"size": 13},
            "itemclick": False, "itemdoubleclick": False,
        },
    )
    return go.Figure(data=traces, layout=layout)


def _unknown_styles(groups: dict[str, list[str]], style_of: dict[str, StatusStyle]) -> list[StatusStyle]:
    """A status missing from the taxonomy is still drawn (grey), never dropped."""
    return [StatusStyle(k, k, k, FALLBACK_COLOR, None, "solid", False) for k in groups if k not in style_of]


def _note(row: dict) -> str:
    """The proposal's note on the region; failing that, why its territory position names no region."""
    note = str(row.get("note") or "").strip() or str(row.get("territory_note") or "").strip()
    # only < and > are escaped: plotly's hover text reads a few tags but does not decode &quot;
    return f"<br><i>{wrap_words(note.replace('<', '&lt;').replace('>', '&gt;'), 60)}</i>" if note else ""


def _evidence(row: dict, labels: dict[str, str]) -> str:
    key = str(row.get("evidence") or "")
    return f"<br>Evidence: {labels.get(key, key)}" if key else ""


def geojson_name(geojson: dict, iso: str) -> str:
    for feature in geojson["features"]:
        props = feature.get("properties") or {}
        if props.get("id", feature.get("id")) == iso:
            return props.get("name_en", iso)
    return iso
