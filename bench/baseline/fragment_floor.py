"""Baseline for `bench/live_class.py --floor N`: the least a session can do per periodic check, i.e. Streamlit's
own cost of one `run_every` fragment rerun drawing one small element, with no data, no pages and no logic."""
import streamlit as st

st.write("Floor")


@st.fragment(run_every=0.8)
def check() -> None:
    st.html('<p data-live-slide="1">slide</p>')


check()
