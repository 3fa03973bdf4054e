"""Where data enters and is checked: safe YAML reading, the pydantic schema, the taxonomy, the source
registry, cross-file checks and loading the catalogue. Pure Python, no Streamlit."""
