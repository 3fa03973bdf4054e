"""Pure builders: HTML strings and plotly figures from model data. No `streamlit` import, so tests
call them directly without a server."""
