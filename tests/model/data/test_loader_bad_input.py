"""Bad input gets one located message per problem, and the other files still load."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from helpers import FT_QUOTE, proposal, write
from model.data.loader import load_catalogue


def _load(folder: Path):
    write(folder, "good-plan.yaml", proposal("good-plan"))
    return load_catalogue([folder])


def _only_problem(catalogue, name: str):
    mine = [p for p in catalogue.problems if p.path.endswith(name)]
    assert len(mine) >= 1, catalogue.problems
    assert catalogue.ids == ["good-plan"], "the valid file must still load"
    return mine


def test_valid_file_loads(folder):
    catalogue = _load(folder)
    assert catalogue.ids == ["good-plan"] and not catalogue.problems


def test_yaml_syntax_error_names_line(folder):
    write(folder, "broken.yaml", "id: broken\ntitle: [unclosed\nsummary: x\n")
    (problem,) = _only_problem(_load(folder), "broken.yaml")
    assert "YAML syntax error" in problem.message and problem.line in (2, 3)
    assert str(problem).startswith(str(problem.path) + ":")


def test_wrong_type_names_field_and_line(folder):
    data = proposal("typed-plan", military_limits={"troop_cap": "lots"})
    path = write(folder, "typed-plan.yaml", data)
    (problem,) = _only_problem(_load(folder), "typed-plan.yaml")
    assert problem.field == "positions.military_limits.troop_cap"
    assert "lots" in problem.message
    line = path.read_text().splitlines()[problem.line - 1]
    assert "troop_cap" in line


def test_unknown_area(folder):
    data = proposal("area-plan")
    data["positions"]["weather"] = {"not_addressed": True, "reason": "x", "evidence": "text"}
    write(folder, "area-plan.yaml", data)
    (problem,) = _only_problem(_load(folder), "area-plan.yaml")
    assert problem.field == "positions.weather" and "unknown area 'weather'" in problem.message


def test_unknown_region_and_status(folder):
    data = proposal("region-plan", territory={"regions": {"atlantis": "ukrainian", "crimea": "sold"}})
    write(folder, "region-plan.yaml", data)
    problems = _only_problem(_load(folder), "region-plan.yaml")
    assert {p.field for p in problems} == {"positions.territory.regions.atlantis", "positions.territory.regions.crimea"}


def test_unknown_source_id(folder):
    data = proposal("cite-plan", nuclear={"citations": [{"source": "nowhere"}]})
    write(folder, "cite-plan.yaml", data)
    (problem,) = _only_problem(_load(folder), "cite-plan.yaml")
    assert problem.field == "positions.nuclear.citations.0.source" and "nowhere" in problem.message


def test_missing_citation(folder):
    data = proposal("bare-plan", nuclear={"citations": []})
    write(folder, "bare-plan.yaml", data)
    (problem,) = _only_problem(_load(folder), "bare-plan.yaml")
    assert "citation" in problem.message


def test_quote_must_be_in_seed_verbatim(folder):
    good = proposal("quote-plan", military_limits={"citations": [{"source": "ft", "quote": FT_QUOTE.replace(" ", "\n  ")}]})
    write(folder, "quote-plan.yaml", good)
    assert "quote-plan" in load_catalogue([folder]).ids, "whitespace differences are ignored"
    bad = proposal("quote-plan", military_limits={"citations": [{"source": "ft", "quote": FT_QUOTE.replace("600,000", "500,000")}]})
    write(folder, "quote-plan.yaml", bad)
    (problem,) = _only_problem(_load(folder), "quote-plan.yaml")
    assert problem.field.endswith("quote") and "word for word" in problem.message


def test_duplicate_ids(folder, tmp_path):
    write(folder, "good-plan.yaml", proposal("good-plan"))
    other = tmp_path / "more"
    other.mkdir()
    write(other, "good-plan.yaml", proposal("good-plan"))
    catalogue = load_catalogue([folder, other])
    (dup,) = catalogue.problems
    assert "duplicate proposal id 'good-plan'" in dup.message and dup.path.endswith("more/good-plan.yaml")
    assert catalogue.ids == ["good-plan"]


def test_duplicate_keys_refused(folder):
    write(folder, "dup-keys.yaml", "id: dup-keys\nid: other\n")
    (problem,) = _only_problem(_load(folder), "dup-keys.yaml")
    assert problem.line == 2 and "duplicate key" in problem.message


@pytest.mark.parametrize("content, expected", [
    ("", "file is empty"),
    ("- a\n- b\n", "got a list"),
    ("just text\n", "got a single value"),
])
def test_empty_list_and_scalar_files(folder, content, expected):
    write(folder, "odd.yaml", content)
    (problem,) = _only_problem(_load(folder), "odd.yaml")
    assert expected in problem.message


def test_alias_bomb_refused_quickly(folder):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))
    write(folder, "bomb.yaml", bomb)
    started = time.perf_counter()
    (problem,) = _only_problem(_load(folder), "bomb.yaml")
    assert time.perf_counter() - started < 2
    assert "aliases" in problem.message and problem.line == 1


def test_non_utf8_bytes(folder):
    (folder / "latin.yaml").write_bytes("id: caf\xe9\n".encode("latin-1"))
    (problem,) = _only_problem(_load(folder), "latin.yaml")
    assert "UTF-8" in problem.message and problem.line == 1


def test_huge_file_refused(folder):
    (folder / "huge.yaml").write_text("summary: '" + "x" * 1_200_000 + "'\n")
    (problem,) = _only_problem(_load(folder), "huge.yaml")
    assert "limit" in problem.message


def test_file_name_must_match_id(folder):
    write(folder, "wrong-name.yaml", proposal("right-name"))
    (problem,) = _only_problem(_load(folder), "wrong-name.yaml")
    assert problem.field == "id"


def test_not_addressed_needs_reason_and_no_values(folder):
    data = proposal("silent-plan")
    data["positions"]["nuclear"] = {"not_addressed": True, "evidence": "text", "stance": "shared_control"}
    write(folder, "silent-plan.yaml", data)
    (problem,) = _only_problem(_load(folder), "silent-plan.yaml")
    assert "reason" in problem.message


def test_unknown_evidence_level(folder):
    data = proposal("ev-plan", nuclear={"evidence": "rumour"})
    write(folder, "ev-plan.yaml", data)
    (problem,) = _only_problem(_load(folder), "ev-plan.yaml")
    assert problem.field == "positions.nuclear.evidence" and "rumour" in problem.message


def test_missing_area_is_reported(folder):
    data = proposal("gap-plan")
    del data["positions"]["humanitarian"]
    write(folder, "gap-plan.yaml", data)
    (problem,) = _only_problem(_load(folder), "gap-plan.yaml")
    assert "missing area 'humanitarian'" in problem.message
