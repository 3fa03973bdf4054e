"""Links between proposals: revises/responds_to ids, point lineage, cycles."""
from __future__ import annotations

from helpers import proposal, write
from model.data.loader import load_catalogue


def _point(number, lineage=None):
    point = {"number": number, "area": "military_limits", "text": "x", "evidence": "text", "citations": [{"source": "ft"}]}
    if lineage:
        point["lineage"] = lineage
    return point


def test_revises_unknown_id(folder):
    data = proposal("later-plan")
    data["revises"] = "ghost-plan"
    write(folder, "later-plan.yaml", data)
    catalogue = load_catalogue([folder])
    assert catalogue.ids == []
    assert any(p.field == "revises" and "ghost-plan" in p.message for p in catalogue.problems)


def test_responds_to_unknown_id(folder):
    data = proposal("reply-plan")
    data["responds_to"] = ["ghost-plan"]
    write(folder, "reply-plan.yaml", data)
    assert any(p.field == "responds_to.0" for p in load_catalogue([folder]).problems)


def test_amends_point_the_earlier_text_lacks(folder):
    old = proposal("old-text")
    old["points"] = [_point(1)]
    new = proposal("new-text")
    new["revises"] = "old-text"
    new["points"] = [_point(1, {"change": "amended", "of_point": 7})]
    write(folder, "old-text.yaml", old)
    write(folder, "new-text.yaml", new)
    catalogue = load_catalogue([folder])
    assert catalogue.ids == ["old-text"]
    (problem,) = catalogue.problems
    assert problem.field == "points.0.lineage.of_point" and "no point 7" in problem.message


def test_amended_needs_of_point(folder):
    new = proposal("new-text")
    new["points"] = [_point(1, {"change": "amended"})]
    write(folder, "new-text.yaml", new)
    assert any("of_point" in p.message for p in load_catalogue([folder]).problems)


def test_lineage_cycle(folder):
    a, b = proposal("plan-a"), proposal("plan-b")
    a["revises"], b["revises"] = "plan-b", "plan-a"
    write(folder, "plan-a.yaml", a)
    write(folder, "plan-b.yaml", b)
    catalogue = load_catalogue([folder])
    assert catalogue.ids == []
    assert any("cycle" in p.message for p in catalogue.problems)
