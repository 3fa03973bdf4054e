"""Streamlit views (one module per thing shown) and the pure figure builders they draw with."""
