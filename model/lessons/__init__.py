"""Lesson generators built on the analysis: the student's own plan (red lines, distance), the quiz and
the present-mode slide deck, as plain data. Pure Python, no Streamlit."""
