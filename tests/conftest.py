"""Shared fixtures: a temporary proposals folder, and a clean Streamlit cache per test."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


@pytest.fixture(autouse=True)
def _clear_streamlit_cache():
    import streamlit as st

    st.cache_data.clear()
    yield
    st.cache_data.clear()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty proposals folder (the real taxonomy is used as fallback)."""
    target = tmp_path / "proposals"
    target.mkdir()
    return target
