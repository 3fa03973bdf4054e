"""Baseline for the benchmarks: a trivial two-page Streamlit app with one plotly chart
and one multiselect (so the same interaction can be driven as in the real app)."""
import plotly.express as px
import streamlit as st

NAMES = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"]


def chart() -> None:
    st.title("Chart")
    chosen = st.sidebar.multiselect("Proposals to compare", NAMES, default=NAMES[:4], key="sel")
    st.plotly_chart(px.bar(x=chosen or ["none"], y=[len(n) for n in chosen] or [0]), key="fig")


def other() -> None:
    st.title("Other")
    st.write("A second page.")


st.navigation([st.Page(chart, title="Chart", default=True), st.Page(other, title="Other", url_path="other")]).run()
