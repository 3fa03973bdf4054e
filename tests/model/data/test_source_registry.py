"""One registry of sources: each document defined once, cited by id from anywhere."""
from __future__ import annotations

from helpers import FT_SEED, proposal, write
from model.data.loader import load_catalogue

FT = {"id": "ft", "title": "FT article", "publisher": "Financial Times", "date": "2025-11-21",
      "seed": FT_SEED, "kind": "news", "reliability": "high"}


def _registry(folder, *sources, name="core.yaml"):
    (folder / "_sources").mkdir(exist_ok=True)
    write(folder / "_sources", name, {"sources": list(sources)})


def _cites_registry(pid):
    data = proposal(pid, territory={"summary": "Crimea stays"})
    del data["sources"]
    return data


def test_proposal_cites_registry_by_id_and_carries_what_it_cites(folder):
    _registry(folder, FT, {**FT, "id": "other", "seed": None, "url": "https://example.org/x"})
    write(folder, "reg-plan.yaml", _cites_registry("reg-plan"))
    catalogue = load_catalogue([folder])
    assert not catalogue.problems
    (plan,) = catalogue.proposals
    assert [s.id for s in plan.sources] == ["ft"], "only the cited source is attached"
    assert plan.source("ft").reliability == "high"


def test_conflicting_grades_of_one_id_are_rejected(folder):
    _registry(folder, FT)
    _registry(folder, {**FT, "reliability": "medium"}, name="more.yaml")
    catalogue = load_catalogue([folder])
    (problem,) = catalogue.problems
    assert problem.path.endswith("more.yaml") and problem.line == 2
    assert "'ft' is defined twice" in problem.message and "core.yaml" in problem.message


def test_one_document_under_two_ids_is_rejected(folder):
    _registry(folder, FT, {**FT, "id": "ft-copy", "reliability": "low"})
    (problem,) = load_catalogue([folder]).problems
    assert "same document as 'ft'" in problem.message


def test_inline_copy_that_disagrees_with_registry_is_rejected_and_names_the_field(folder):
    _registry(folder, FT)
    data = proposal("inline-plan", territory={"summary": "x"})
    data["sources"][0]["reliability"] = "low"
    write(folder, "inline-plan.yaml", data)
    catalogue = load_catalogue([folder])
    (problem,) = catalogue.problems
    assert problem.field == "sources.0.id" and "reliability" in problem.message
    assert catalogue.ids == []


def test_identical_inline_copy_is_accepted(folder):
    _registry(folder, FT)
    write(folder, "inline-plan.yaml", proposal("inline-plan", territory={"summary": "x"}))
    assert load_catalogue([folder]).ids == ["inline-plan"]


def test_unknown_source_id_is_located(folder):
    data = _cites_registry("lost-plan")
    path = write(folder, "lost-plan.yaml", data)
    (problem,) = load_catalogue([folder]).problems
    assert "unknown source id 'ft'" in problem.message
    assert "source: ft" in path.read_text().splitlines()[problem.line - 1]


def test_real_registry_defines_each_document_once_with_one_grade():
    catalogue = load_catalogue()
    assert not catalogue.problems
    grades = {}
    for p in catalogue.proposals:
        for s in p.sources:
            grades.setdefault(s.id, set()).add(s.reliability)
    assert all(len(g) == 1 for g in grades.values())
    assert catalogue.registry.get("defp-2025-02-18").reliability == "medium"


def test_seeds_readme_grades_match_the_registry():
    import re

    from helpers import ROOT

    registry = load_catalogue().registry
    by_seed = {s.seed: s.reliability for s in registry.sources.values() if s.seed}
    rows = re.findall(r"^\| `([\w.]+\.txt)` \|.*\| \*\*(\w+)\*\*", (ROOT / "seeds" / "README.md").read_text(encoding="utf-8"), re.M)
    assert len(rows) == 5
    for seed, grade in rows:
        assert by_seed[seed] == grade.lower(), f"seeds/README.md grades {seed} {grade}, the registry {by_seed[seed]}"
