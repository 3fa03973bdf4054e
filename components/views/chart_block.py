"""A chart with its plain data table and a CSV download beneath it (one block,
reused by every chart so no view repeats this wiring), and the tabs that show one such
chart at a time."""
from __future__ import annotations

from typing import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.render import chart_image
from components.views import plain_table, plot_view
from model.analysis.export import to_csv


def show(fig: go.Figure, table: pd.DataFrame, key: str, alt: str, file_name: str, caption: str = "",
         selectable: bool = False) -> list[dict]:
    """Draw the chart, then its table and CSV download; returns the points just clicked when `selectable`."""
    clicked = plot_view.show(fig, f"fig_{key}", alt, selectable=selectable)
    if caption:
        st.caption(caption)
    # Built only when opened: the table grid's JavaScript is large, and a closed table need not slow the chart down.
    with st.expander("Data table (for screen readers and copying)", key=f"tablebox_{key}", on_change="rerun") as box:
        if box.open:
            plain_table.show(table, key)  # plain headers and words on screen; the CSV below keeps the data columns
    st.download_button("Download this table (CSV)", lambda: to_csv(table), file_name=file_name,  # built on click
                       mime="text/csv", key=f"dl_{key}", icon=":material/download:", on_click="ignore")
    download_buttons(fig, key, file_name.rsplit(".", 1)[0], chart_image.source_line(table))  # PNG/SVG, made on click
    return clicked


def tabs(param: str, labels: dict[str, str], sections: dict[str, Callable], figure: Callable[[str], tuple], *args) -> None:
    """One tab per chart (`labels`: name -> tab label), the open one in the link as `param=<label>`. Only the open
    tab is built and drawn: `sections[name](*figure(name), *args)`."""
    shown = st.tabs(list(labels.values()), key=param, bind="query-params", on_change="rerun")
    for tab, name in zip(shown, labels):
        if tab.open is False:  # None would mean every tab runs
            continue
        with tab:
            sections[name](*figure(name), *args)


def download_buttons(fig: go.Figure, key: str, file_stem: str, source: str) -> None:
    """'Download PNG' and 'Download SVG' (built on click), or a disabled button saying why export is unavailable."""
    reason = chart_image.unavailable_reason()
    with st.container(horizontal=True, key=f"img_{key}"):
        for fmt, mime in (("png", "image/png"), ("svg", "image/svg+xml")):
            label = f"Download {fmt.upper()}"
            if reason:
                st.button(label, disabled=True, help=reason, key=f"img_{fmt}_{key}", icon=":material/image:")
            else:
                st.download_button(label, data=chart_image.lazy(fig, source, fmt), file_name=f"{file_stem}.{fmt}", mime=mime,
                                   key=f"img_{fmt}_{key}", icon=":material/image:", on_click="ignore",
                                   help=f"The chart as a {fmt.upper()} image, {chart_image.WIDTH} pixels wide, with its title, legend and sources.")
    if reason:
        st.caption(f"Chart images unavailable: {reason}")
