"""The layout's promises (issue 15): `model/` and `components/render/` never import Streamlit (so they run and are
tested without a server), and nothing in `model/` imports from `components/` (data flows one way)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PURE = sorted([*(ROOT / "model").rglob("*.py"), *(ROOT / "components" / "render").rglob("*.py")])


def imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", PURE, ids=lambda p: str(p.relative_to(ROOT)))
def test_pure_modules_never_import_streamlit(path):
    assert not {n for n in imported(path) if n == "streamlit" or n.startswith("streamlit.")}


@pytest.mark.parametrize("path", sorted((ROOT / "model").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_model_never_imports_components(path):
    assert not {n for n in imported(path) if n == "components" or n.startswith("components.")}


def test_every_folder_says_what_it_holds():
    for folder in ["model", "model/data", "model/analysis", "model/lessons", "components", "components/pages",
                   "components/views", "components/state", "components/render"]:
        doc = ast.get_docstring(ast.parse((ROOT / folder / "__init__.py").read_text(encoding="utf-8")))
        assert doc and len(doc) > 40, folder
