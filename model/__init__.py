"""Pure Python, no Streamlit. Data flows one way: `data/` (where data enters and is checked) → `analysis/` (what is
computed from it) → `lessons/` (a student's plan, the quiz and the slide deck, built on the analysis). The modules
at this level are the command lines: `python -m model.validate`, `python -m model.export`, `python -m model.schema`."""
