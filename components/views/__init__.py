"""Streamlit pieces shared by several pages: the sidebar, the cell dialog's clicks, chart blocks,
cards, the coverage line, problem boxes."""
