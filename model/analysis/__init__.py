"""What is computed from the checked data: placements on each area's scale, agreement, version diffs,
the tidy table and its export, the frames behind every chart. Pure Python, no Streamlit."""
