"""Pure figure builders: tidy frame in, plotly figure out. No Streamlit here,
so tests (and exports) can call them directly.

One module per chart family; this module gathers their public names so existing imports keep working:
- chart_base.py: what every chart shares (fonts, wrapping, drafter colours and symbols, legend below the plot);
- caps_charts.py: troop caps (bars) and caps over time;
- guarantees_chart.py: security guarantees and alliances;
- timeline_chart.py: every proposal on a time axis;
- ceasefire_chart.py: past ceasefire lines, for scale;
- map_figure.py: the territory maps (geometry in map_geometry.py, styling in map_style.py)."""
from __future__ import annotations

from components.render.caps_charts import caps_over_time_figure, troop_caps_figure  # noqa: F401
from components.render.ceasefire_chart import ceasefire_scale_figure  # noqa: F401
from components.render.chart_base import wrap  # noqa: F401
from components.render.guarantees_chart import guarantees_figure  # noqa: F401
from components.render.map_figure import territory_maps  # noqa: F401
from components.render.timeline_chart import timeline_figure  # noqa: F401
