"""Geometry of the territory maps: reading Ukraine's regions and the 2022 control area from GeoJSON,
projecting them onto plain cartesian axes (longitude shrunk at 48.5° N) and thinning them into polygon
paths for plotly. Pure (no plotly, no Streamlit).

Parsed GeoJSON files and the polygon paths built from them are cached (per file and per GeoJSON
object), so building the maps for every proposal stays cheap."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from model.data.reference_data import DATA_DIR

REGIONS_GEOJSON = DATA_DIR / "ukraine_regions.geojson"
CONTROL_2022_GEOJSON = DATA_DIR / "ukraine_ru_control_2022-02-23.geojson"

SIMPLIFY_DEGREES = 0.02  # about 2 km: under a pixel on a 380-pixel-wide map of Ukraine
X_SCALE = math.cos(math.radians(48.5))  # longitude shrunk so Ukraine keeps its shape at 48.5° N
KYIV_CITY = "UA-30"  # sits in Kyiv Oblast's hole: drawn after the other regions, on top


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


def geojson_name(geojson: dict, iso: str) -> str:
    for feature in geojson["features"]:
        props = feature.get("properties") or {}
        if props.get("id", feature.get("id")) == iso:
            return props.get("name_en", iso)
    return iso
