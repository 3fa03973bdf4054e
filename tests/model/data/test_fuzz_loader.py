"""Fuzzing the loader (issue 8, item 2): any bytes, any YAML-shaped tree, and
mutations of a real proposal go in; out comes a proposal or located one-line
problems, never another exception, and never slowly (a per-example deadline).

Deterministic (derandomized, no example database) so CI is stable; the example
counts keep the whole file to roughly 20 s on the 2-core machine. For a longer,
randomized hunt: `FUZZ_SCALE=20 .venv/bin/python -m pytest tests/test_fuzz_loader.py`."""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import ROOT, proposal
from model.data.checks import check_catalogue
from model.data.loader import SEEDS_DIR, check_file, load_taxonomy
from model.data.schema import Proposal
from model.data.source_registry import Registry
from model.data.yaml_source import Problem

TAXONOMY = load_taxonomy(ROOT / "proposals" / "_taxonomy.yaml")
LINE = re.compile(r"^[^\n]+:\d+: \S+: [^\n]+$")
SCALE = int(os.environ.get("FUZZ_SCALE", "1"))
FUZZ = settings(
    derandomize=SCALE == 1, database=None, deadline=1_000, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)
_STATUS = next(t.key for t in TAXONOMY.region_statuses if not t.needs_note)
_REGION = next(iter(TAXONOMY.regions))
VALID = yaml.safe_dump(proposal("fuzz-plan", military_limits={"troop_cap": 100_000},
                                territory={"regions": {_REGION: _STATUS}}), sort_keys=False, allow_unicode=True)

_workdir = tempfile.TemporaryDirectory(prefix="fuzz-loader-")
FILE = Path(_workdir.name) / "fuzz-plan.yaml"


def run_loader(content: bytes) -> None:
    """The loader's contract on one file: a valid proposal, or located one-line problems."""
    FILE.write_bytes(content)
    result, parsed, problems = check_file(FILE, Registry(), TAXONOMY, SEEDS_DIR)
    for problem in problems:
        assert isinstance(problem, Problem) and problem.path == str(FILE)
        assert problem.line is None or problem.line >= 1
        assert LINE.match(str(problem)), str(problem)
    if not problems:
        assert isinstance(result, Proposal)
        Proposal.model_validate(result.model_dump())  # a real, valid model
    if result is not None and parsed is not None:  # the cross-file checks take it too
        entry = [(result, parsed, "fuzz-plan.yaml")]
        check_catalogue(*((entry, []) if not problems else ([], entry)))


def test_the_unmutated_file_is_valid():
    FILE.write_text(VALID, encoding="utf-8")
    assert check_file(FILE, Registry(), TAXONOMY, SEEDS_DIR)[2] == []


@settings(FUZZ, max_examples=250 * SCALE)
@given(st.binary(max_size=3_000))
def test_any_bytes(content):
    run_loader(content)


YAML_CHARS = st.sampled_from(list("[]{}:-?&*!|>'\"#%@`,\t\r\n \\") + ["\ufeff", "---", "...", "!!python/object", "<<", "~", "\x00"])


@settings(FUZZ, max_examples=250 * SCALE)
@given(st.lists(st.one_of(YAML_CHARS, st.text(max_size=5)), max_size=200).map("".join))
def test_yaml_punctuation_soup(text):
    run_loader(text.encode("utf-8"))


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
    st.sampled_from(["2025-11-20", "2025-13-45", "no_cap", "bracketed", "mediator", "text", "ft", "crimea", "russian", "nuclear"]),
)
keys = st.one_of(st.text(max_size=12), st.sampled_from(list(Proposal.model_fields) + ["not_addressed", "citations", "source", "regions"]))
trees = st.recursive(scalars, lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)), max_leaves=40)


@settings(FUZZ, max_examples=200 * SCALE)
@given(trees)
def test_any_yaml_tree(tree):
    run_loader(yaml.safe_dump(tree, allow_unicode=True).encode("utf-8"))


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*prefix, i))


BASE = yaml.safe_load(VALID)
PATHS = [p for p in _paths(BASE) if p]


@settings(FUZZ, max_examples=200 * SCALE)
@given(st.lists(st.tuples(st.sampled_from(PATHS), trees), min_size=1, max_size=3))
def test_mutated_proposal_tree(replacements):
    import copy

    data = copy.deepcopy(BASE)
    for path, value in replacements:
        node = data
        try:
            for part in path[:-1]:
                node = node[part]
            node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    run_loader(yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8"))


@settings(FUZZ, max_examples=200 * SCALE)
@given(st.lists(st.tuples(st.integers(0, len(VALID)), st.integers(0, 40), st.one_of(YAML_CHARS, st.text(max_size=8))), min_size=1, max_size=4))
def test_mutated_proposal_text(edits):
    text = VALID
    for at, cut, insert in edits:
        at = min(at, len(text))
        text = text[:at] + insert + text[at + cut:]
    run_loader(text.encode("utf-8"))


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "proposals").glob("*.yaml") if not p.name.startswith("_"))[:3])
def test_real_files_with_lines_dropped(name):
    """Every single-line deletion from a real proposal file keeps the contract."""
    lines = (ROOT / "proposals" / name).read_text(encoding="utf-8").splitlines(keepends=True)
    for i in range(0, len(lines), max(1, len(lines) // 40)):
        run_loader("".join(lines[:i] + lines[i + 1:]).encode("utf-8"))
