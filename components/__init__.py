"""Where data is drawn (the only place Streamlit is imported): `pages/` (one module per page), `views/` (Streamlit
pieces shared by pages), `state/` (cached data, the per-run context, the view in the URL) and `render/` (pure builders
of HTML and plotly figures, no Streamlit). `navigation.py` lists the pages in menu order."""
