"""Every download button in the views is declared with on_click="ignore".

Why a user would notice: Streamlit's default for a download button is to rerun the page on click. With a
file built on click (a callable), that rerun unregisters the file the browser is about to fetch, and under
load (a class on a 2-core server) the click sometimes downloads nothing; CI saw exactly that. Without the
rerun the button's file stays registered until the next real interaction."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def download_calls() -> list[tuple[str, int, ast.Call]]:
    found = []
    for path in sorted([ROOT / "app.py", *(ROOT / "components").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "download_button":
                found.append((path.relative_to(ROOT).as_posix(), node.lineno, node))
    return found


def test_every_download_button_skips_the_rerun():
    calls = download_calls()
    assert len(calls) >= 10, "the views' download buttons were not found"
    wrong = [f"{path}:{line}" for path, line, call in calls
             if not any(k.arg == "on_click" and isinstance(k.value, ast.Constant) and k.value.value == "ignore" for k in call.keywords)]
    assert not wrong, f"download buttons that rerun the page on click: {wrong}"
