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

This module lays the maps out (subplots, titles, hover, the figure); the geometry (GeoJSON reading,
projection, cached shapes) is in map_geometry.py and the look of each status (colours, hatching,
legend) in map_style.py. Their public names are importable from here too."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.render.map_geometry import (  # noqa: F401  (re-exported: importers use map_figure)
    CONTROL_2022_GEOJSON, KYIV_CITY, REGIONS_GEOJSON, SIMPLIFY_DEGREES, X_SCALE, Shapes, control_2022_geojson,
    geojson_name, load_geojson, outline_of, regions_geojson, shapes_of,
)
from components.render.map_style import (  # noqa: F401  (re-exported: importers use map_figure)
    CONTROL_2022_COLOR, CONTROL_2022_HALO, CONTROL_2022_LABEL, CREDIT, FALLBACK_COLOR, HATCH_INK, HATCH_SHAPE,
    LEGEND_WRAP, NO_LATER_LINE, NOTE_MARK, OUTLINE, SPLIT_WORDS, TITLE_WRAP, StatusStyle, control_trace, fill_trace,
    hover_evidence, hover_note, legend_layout, legend_trace, status_styles, unknown_styles,
)
from components.render.palette import FONT
from components.render.safe_text import plot
from model.analysis.chart_data import NOT_MENTIONED, NOT_MENTIONED_LABEL
from model.data.key_words import in_words, key_labels
from model.data.taxonomy import Taxonomy

MAP_HEIGHT, ROW_GAP, TOP = 270, 60, 120  # pixels: one map's row, the gap holding the next map's title, top margin


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
    labels = key_labels(taxonomy)  # coders' notes name keys: students read their labels

    names = list(dict.fromkeys(frame["proposal_name"]))
    cols = max(1, min(columns, len(names)))
    records = frame.to_dict("records")
    by_name: dict[str, list[dict]] = {n: [] for n in names}
    for r in records:
        by_name[r["proposal_name"]].append(r)

    traces: list[dict] = []

    # the legend: one entry per status (all of them, always, so maps of different selections compare),
    # drawn by empty bar traces in the first subplot: a bar's legend swatch is a square that shows the hatching
    for rank, style in enumerate(styles):
        traces.append(legend_trace(style, rank))
    if held is not None:
        traces.append(control_trace([None], [None], ("x", "y"), showlegend=True, legendrank=len(styles)))

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
            for style in styles + [s for s in unknown_styles(groups, style_of)]:
                isos = groups.get(style.key)
                if not isos:
                    continue
                xs, ys = regions.path(isos)
                traces.append(fill_trace(xs, ys, style, (xref, yref), showlegend=False))
        if held is not None:
            xs, ys = held
            traces.append(control_trace(xs, ys, (xref, yref), halo=True, showlegend=False))
            traces.append(control_trace(xs, ys, (xref, yref), showlegend=False))
        # a mark on regions whose status needs a reason (not addressed): white alone is too close to "not named"
        marked = [r["iso"] for r in data if r["status"] in noted and r["iso"] in regions.labels]
        if marked:
            traces.append(dict(type="scatter", x=[regions.labels[i][0] for i in marked], y=[regions.labels[i][1] for i in marked],
                               xaxis=xref, yaxis=yref, mode="text", text=[NOTE_MARK] * len(marked), showlegend=False,
                               textfont={"size": 17, "color": "#000000"}, hoverinfo="skip", name=NOTE_MARK))
        # hover: an invisible marker on each region's label point; the nearest one answers
        hovered = [r for r in data if r["iso"] in regions.labels]
        extra = [iso for iso in regions.labels if iso not in present]
        custom = [(r["region_name"], r["status_label"], hover_note({**r, "note": in_words(r.get("note"), labels),
                                                                     "territory_note": in_words(r.get("territory_note"), labels)}),
                   r["iso"], hover_evidence(r, evidence)) for r in hovered]
        custom += [(geojson_name(geojson, iso), NOT_MENTIONED_LABEL, "", iso, "") for iso in extra]
        points = [regions.labels[c[3]] for c in custom]
        traces.append(dict(
            type="scatter", x=[p[0] for p in points], y=[p[1] for p in points], xaxis=xref, yaxis=yref, mode="markers",
            marker={"size": 16, "opacity": 0}, showlegend=False, name=name, customdata=custom,
            hovertemplate="<b>%{customdata[0]}</b> · " + plot(name).replace("%", "%%")
                          + "<br>%{customdata[1]}%{customdata[2]}%{customdata[4]}<extra></extra>",
        ))

    entries = len(styles) + (held is not None)
    layout = _layout(names, cols, entries)
    if cols > 1:  # phones draw the same traces one map a row, each map the screen's width (plot_view.py)
        layout["meta"] = {"phone_layout": _layout(names, 1, entries, legend_columns=1)}
    return go.Figure(data=traces, layout=layout)


def _layout(names: list[str], cols: int, entries: int, legend_columns: int = 2) -> dict:
    """The layout of `names`' maps, `cols` a row: each map's axes and title, the legend's room, the common look."""
    rows = max(1, -(-len(names) // cols))
    layout: dict = {}
    annotations: list[dict] = []
    plot_height = rows * MAP_HEIGHT + (rows - 1) * ROW_GAP
    col_domains = _domains(cols, 0.02)
    row_domains = [(1 - (r * (MAP_HEIGHT + ROW_GAP) + MAP_HEIGHT) / plot_height, 1 - r * (MAP_HEIGHT + ROW_GAP) / plot_height)
                   for r in range(rows)]
    title_pad = 6 / plot_height
    for index, name in enumerate(names):
        xref, yref, xkey, ykey = _axis_names(index)
        row, col = divmod(index, cols)
        (x0, x1), (y0, y1) = col_domains[col], row_domains[row]
        layout[xkey] = {"domain": [x0, x1], "visible": False, "fixedrange": True, "anchor": yref}
        layout[ykey] = {"domain": [y0, y1], "visible": False, "fixedrange": True, "anchor": xref,
                        "scaleanchor": xref, "scaleratio": 1}
        annotations.append({"text": f"<b>{plot(name)}</b>", "x": (x0 + x1) / 2, "y": y1 + title_pad, "xref": "paper", "yref": "paper",
                            "xanchor": "center", "yanchor": "bottom", "showarrow": False, "font": {"size": 15}})
    # title (5 lines) + the entries, `legend_columns` a row; plotly grows the margin if needed
    legend_height = 150 + 40 * (-(-entries // legend_columns))
    layout.update(
        annotations=annotations, height=TOP + plot_height + legend_height,
        title={"text": "Status of each region, by proposal", "font": {"size": 22}},
        font={"family": FONT, "size": 18}, paper_bgcolor="white", plot_bgcolor="white", hovermode="closest",
        hoverdistance=60,
        hoverlabel={"font": {"size": 16, "color": "#111111"}, "align": "left", "bgcolor": "#FFFFFF", "bordercolor": "#333333"},
        margin={"l": 5, "r": 5, "t": TOP, "b": legend_height},
        legend=legend_layout(),
    )
    return layout
