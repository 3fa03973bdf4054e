"""Shows data problems (file, line, field, message) without stopping the app."""
from __future__ import annotations

from typing import Sequence

import streamlit as st

from model.data.yaml_source import Problem


def show_problems(problems: Sequence[Problem]) -> None:
    if not problems:
        return
    files = sorted({p.path for p in problems})
    with st.expander(f":material/warning: {len(problems)} data problem(s) in {len(files)} file(s): those files are left out until fixed", expanded=False):
        st.code("\n".join(str(p) for p in problems), language=None)
        st.caption("The project's validator prints the same list (see the README). Everything else loaded normally.")
