"""The plan builder's logic (model/lessons/plan.py), the parties' red lines (data + validator) and the Build page."""
from __future__ import annotations

import math
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from model.analysis.compare import place, placements as matrix_placements, references
from model.data.loader import PROPOSALS_DIR, load_catalogue
from model.lessons.plan import (
    FIELD_CHOICES, NO_CAP, Plan, as_proposal, builder_can_set, crossed_red_lines, decode, distance, encode,
    field_choices, field_distances, military_stance, nearest, placements, plan_to_proposal, red_line_report, relation,
    summary, to_yaml, undecided_red_lines, why_crossed, why_undecided,
)
from model.data.schema import Proposal, RedLine

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


@pytest.fixture(scope="module")
def taxonomy(catalogue):
    return catalogue.taxonomy


# A known plan and a second one to measure it against, both chosen so every number below is worked by hand.
PLAN = Plan(
    values={"territory": "freeze_at_contact_line", "alliances": "renounced", "security_guarantees": "article5_like"},
    troop_cap=600_000, dmz_km=20, regions={"donetsk": "russian_de_facto", "crimea": "russian_de_facto"},
    notes={"territory": "Freeze the line; no legal recognition", "humanitarian": "All-for-all prisoner exchange"},
)
OTHER = Plan(
    values={"territory": "de_jure_recognition", "alliances": "membership_sought", "security_guarantees": "article5_like"},
    troop_cap=800_000, regions={"donetsk": "ukrainian", "kherson": "ukrainian"},
)


# ------------------------------------------------------------------ distances and placements by hand

def test_distance_matches_hand_computation(taxonomy):
    a, b = as_proposal(PLAN, taxonomy), as_proposal(OTHER, taxonomy)
    parts = field_distances(a, b, taxonomy)
    # territory: freeze (step 3 of 5) vs de jure (step 5 of 5): 2 steps / 4 = 0.5
    # alliances: renounced (4 of 5) vs membership sought (1 of 5): 3 / 4 = 0.75
    # security guarantees: same step: 0
    # military limits: a cap of 600,000 stands on cap_below_current_size (4 of 6), 800,000 on cap_near_current_size
    #   (3 of 6): 1 / 5 = 0.2
    # troop cap: |log10(600,000) - log10(800,000)| = log10(4/3) = 0.12494
    # regions: only Donetsk is set by both: russian_de_facto (7th of 8 ordered statuses, since 'held by Russia, not
    #   recognised' was added) vs ukrainian (1st): 6 / 7
    expected = {"territory": 0.5, "alliances": 0.75, "security_guarantees": 0.0, "military_limits": 0.2,
                "troop_cap": math.log10(4 / 3), "regions": 6 / 7}
    assert parts.keys() == expected.keys()
    for key, value in expected.items():
        assert parts[key] == pytest.approx(value), key
    d = distance(PLAN, b, taxonomy)
    assert d.fields == 6
    assert d.value == pytest.approx((0.5 + 0.75 + 0 + 0.2 + math.log10(4 / 3) + 6 / 7) / 6)
    assert round(d.value, 4) == 0.4053  # 2.43208 / 6
    assert distance(PLAN, a, taxonomy).value == 0


def test_placements_match_hand_computation_and_the_matrix(catalogue, taxonomy):
    refs = references(catalogue.proposals, taxonomy)
    places = placements(PLAN, taxonomy, refs)
    t = places["territory"]  # freeze: step 3 of 5; Ukraine's latest snapshot freeze (3), Russia's de jure (5)
    assert (t.kind, t.step, t.steps, t.first_step, t.last_step, t.fraction) == ("placed", 2, 5, 2, 4, 0.5)
    assert relation(t) == "At Ukraine's stated position"
    m = places["military_limits"]  # cap_below_current_size: step 4 of 6; Ukraine cap_near_current_size (3), Russia deep_cuts (6)
    assert (m.step, m.steps, m.first_step, m.last_step) == (3, 6, 2, 5)
    assert m.fraction == pytest.approx(0.6)
    assert relation(m) == "Closer to Ukraine's position"
    al = places["alliances"]  # renounced: step 4 of 5; Ukraine not_mentioned (3), Russia neutrality (5): midway
    assert (al.step, al.first_step, al.last_step) == (3, 2, 4)
    assert relation(al) == "Midway between the two positions"
    assert places["ceasefire_and_monitoring"].kind == "not_placed"  # a DMZ width but no step
    assert places["humanitarian"].kind == "no_scale"  # a justification, no scale
    assert places["sanctions_and_economy"].kind == "not_addressed"
    # the same computation as the matrix: place() on the plan's own proposal, references of the latest snapshots
    proposal = as_proposal(PLAN, taxonomy)
    matrix = matrix_placements([proposal], [*catalogue.proposals, proposal], taxonomy)
    for area in taxonomy.area_keys:
        assert places[area] == matrix[(area, proposal.id)], area
    s = summary(places)
    assert s.placed == 4 and s.closer_ukraine == 3 and s.between == 1 and s.closer_russia == 0
    assert s.mean_fraction == pytest.approx((0.5 + 0.6 + 0.2 + 0.75) / 4)


def test_nearest_ranks_by_distance_and_needs_shared_fields(catalogue, taxonomy):
    close = nearest(PLAN, catalogue.proposals, taxonomy, k=3)
    assert len(close) == 3
    values = [d.value for d in close]
    assert values == sorted(values)
    everyone = [distance(PLAN, p, taxonomy) for p in catalogue.proposals]
    ranked = [d for d in everyone if d.fields >= 3]
    assert close[0].value == pytest.approx(min(d.value for d in ranked))
    assert nearest(Plan(), catalogue.proposals, taxonomy) == []


def test_cap_and_military_step_are_reconciled(taxonomy):
    assert military_stance(Plan({"military_limits": "no_limits"}, 600_000), taxonomy) == "cap_below_current_size"
    assert military_stance(Plan({}, 900_000), taxonomy) == "cap_near_current_size"
    assert military_stance(Plan({}, 100_000), taxonomy) == "cap_prewar_or_below"
    assert military_stance(Plan({"military_limits": "deep_cuts"}, 50_000), taxonomy) == "deep_cuts"
    assert military_stance(Plan({"military_limits": "cap_near_current_size"}, NO_CAP), taxonomy) == "no_limits"
    assert military_stance(Plan({"military_limits": "deployment_limits_only"}, NO_CAP), taxonomy) == "deployment_limits_only"
    assert military_stance(Plan({"military_limits": "deep_cuts"}), taxonomy) == "deep_cuts"


def test_url_encoding_round_trips_and_drops_unknown_parts(taxonomy):
    plan_text, why_text = encode(PLAN)
    assert plan_text == ("territory-freeze_at_contact_line.alliances-renounced.security_guarantees-article5_like"
                         ".cap-600000.dmz-20.donetsk-russian_de_facto.crimea-russian_de_facto")
    again, ignored = decode(plan_text, why_text, taxonomy)
    assert again == PLAN and ignored == []
    plan, ignored = decode("territory-nonsense.cap-9999999999.nowhere-ukrainian.cap-none.donetsk-not_addressed",
                           "territory~ok|bogus~x", taxonomy)
    assert plan == Plan(troop_cap=NO_CAP, notes={"territory": "ok"})
    assert len(ignored) == 5
    long, _ = decode(None, "territory~" + "x" * 500 + "\nnext", taxonomy)
    assert len(long.notes["territory"]) == 200


# ------------------------------------------------------------------ red lines

def red_lines_of(catalogue, pid: str) -> list[RedLine]:
    return list(catalogue.get(pid).red_lines)


def test_known_plan_crosses_exactly_the_red_lines_the_data_names(catalogue, taxonomy):
    ukraine = crossed_red_lines(PLAN, red_lines_of(catalogue, "ukraine-position"), taxonomy)
    russia = crossed_red_lines(PLAN, red_lines_of(catalogue, "russia-position"), taxonomy)
    assert [line.label for line in ukraine] == [
        "Occupied regions recognised as Russian",           # regions: Donetsk and Crimea russian_de_facto
        "Ukraine withdraws from the part of Donetsk it holds",  # regions.donetsk russian_de_facto
        "A cap on Ukraine's army below 800,000, or deeper cuts",  # military step cap_below_current_size
    ]
    assert [line.label for line in russia] == ["Security guarantees given without Russia"]  # article5_like
    proposal = as_proposal(PLAN, taxonomy)
    assert why_crossed(ukraine[0], proposal, taxonomy) == "Donetsk, Crimea: Russian de facto"
    # the other plan: de jure territory but Donetsk Ukrainian, NATO sought, cap 800,000
    assert [line.label for line in crossed_red_lines(OTHER, red_lines_of(catalogue, "ukraine-position"), taxonomy)] == []
    assert [line.label for line in crossed_red_lines(OTHER, red_lines_of(catalogue, "russia-position"), taxonomy)] == [
        "Ukraine's NATO membership kept open", "Security guarantees given without Russia",
        "Ukrainian forces stay in the Donetsk region"]


def test_both_parties_have_sourced_red_lines_and_never_cross_their_own(catalogue):
    with_lines = [p for p in catalogue.proposals if p.red_lines]
    assert {p.party for p in with_lines} == {"ukraine", "russia"}
    assert {"ukraine-position", "russia-position"} <= {p.id for p in with_lines}
    for p in with_lines:
        assert p.status == "stated_position"
        assert crossed_red_lines(p, p.red_lines) == [], p.id
        for line in p.red_lines:
            assert line.citations and all(p.source(c.source) for c in line.citations), (p.id, line.label)
            assert any(c.quote for c in line.citations), (p.id, line.label)  # at least one exact quote


def test_condition_kinds(taxonomy):
    proposal = as_proposal(PLAN, taxonomy)

    def line(**condition) -> RedLine:
        return RedLine.model_validate({"label": "test", "condition": condition, "citations": [{"source": "x"}]})

    assert crossed_red_lines(proposal, [line(field="troop_cap", below=800_000)])
    assert not crossed_red_lines(proposal, [line(field="troop_cap", below=600_000)])
    assert crossed_red_lines(proposal, [line(field="troop_cap", at_least=600_000)])
    assert crossed_red_lines(proposal, [line(field="dmz_width_km", at_least=20)])
    assert crossed_red_lines(proposal, [line(field="regions.crimea", equals="russian_de_facto")])
    assert not crossed_red_lines(proposal, [line(field="regions.kherson", equals="russian_de_facto")])
    assert crossed_red_lines(proposal, [line(field="stance", area="territory", one_of=["freeze_at_contact_line"])])
    assert not crossed_red_lines(proposal, [line(field="nato", equals="membership_sought")])
    no_cap = as_proposal(Plan(troop_cap=NO_CAP), taxonomy)
    assert crossed_red_lines(no_cap, [line(field="troop_cap", equals="no_cap")])
    assert not crossed_red_lines(no_cap, [line(field="troop_cap", below=5_000_000)])  # "no cap" is not a small number
    with pytest.raises(ValueError):
        line(field="troop_cap", below=1, at_least=2)  # exactly one kind


# ------------------------------------------------------------------ the validator on red lines

def _folder_with(tmp_path: Path, files: dict[str, dict]) -> Path:
    folder = tmp_path / "proposals"
    folder.mkdir()
    shutil.copy(PROPOSALS_DIR / "_taxonomy.yaml", folder)
    shutil.copytree(PROPOSALS_DIR / "_sources", folder / "_sources")
    for name, data in files.items():
        (folder / f"{name}.yaml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return folder


@pytest.mark.parametrize("condition, message", [
    ({"field": "army_size", "below": 5}, "unknown field 'army_size'"),
    ({"field": "nato", "equals": "membership_maybe"}, "unknown value 'membership_maybe'"),
    ({"field": "regions.atlantis", "equals": "ukrainian"}, "unknown region 'atlantis'"),
    ({"field": "regions", "one_of": ["ukrainian", "annexed"]}, "unknown value 'annexed'"),
    ({"field": "stance", "equals": "no_limits"}, "needs the area"),
    ({"field": "stance", "area": "military_limits", "equals": "freeze_at_contact_line"}, "unknown value"),
    ({"field": "stance", "area": "nowhere", "equals": "no_limits"}, "unknown area 'nowhere'"),
    ({"field": "troop_cap", "below": 90_000_000}, "outside the sane range"),
    ({"field": "nato", "below": 3}, "needs a numeric field"),
    ({"field": "nato", "equals": "renounced", "below": 3}, "exactly one of"),
])
def test_validator_rejects_a_bad_red_line(tmp_path, taxonomy, condition, message):
    data = plan_to_proposal(PLAN, taxonomy, "Test Author", date="2026-12-01")
    data["red_lines"] = [{"label": "A bad line", "condition": condition, "citations": [{"source": data["id"]}]}]
    folder = _folder_with(tmp_path, {data["id"]: data})
    result = load_catalogue([folder])
    assert result.proposals == ()
    problems = [p for p in result.problems if "red_lines.0.condition" in p.field]
    assert problems and message in problems[0].message, result.problems
    assert problems[0].line is not None


def test_validator_rejects_a_red_line_citing_an_unknown_source(tmp_path, taxonomy):
    data = plan_to_proposal(PLAN, taxonomy, "Test Author", date="2026-12-01")
    data["red_lines"] = [{"label": "A line", "condition": {"field": "nato", "equals": "renounced"},
                          "citations": [{"source": "no-such-source"}]}]
    result = load_catalogue([_folder_with(tmp_path, {data["id"]: data})])
    assert any(p.field == "red_lines.0.citations.0.source" for p in result.problems)


# ------------------------------------------------------------------ the downloaded file

def test_downloaded_yaml_validates_loads_and_keeps_the_students_words(tmp_path, taxonomy):
    data = yaml.safe_load(to_yaml(plan_to_proposal(PLAN, taxonomy, "Ann Example", link="https://example.org/build?plan=x")))
    assert data["author"] == "Ann Example"
    assert data["positions"]["territory"]["summary"] == "Freeze the line; no legal recognition"
    assert data["positions"]["humanitarian"]["summary"] == "All-for-all prisoner exchange"
    assert {p.get("evidence") for p in data["positions"].values()} == {"statement"}
    assert data["positions"]["sanctions_and_economy"]["not_addressed"] is True
    folder = _folder_with(tmp_path, {data["id"]: data})
    result = load_catalogue([folder])
    assert result.problems == () and [p.id for p in result.proposals] == ["plan-ann-example"]
    loaded = result.proposals[0]
    assert loaded.positions["military_limits"].troop_cap == 600_000
    assert loaded.positions["military_limits"].stance == "cap_below_current_size"
    assert loaded.sources[0].kind == "student"
    cli = subprocess.run([sys.executable, "-m", "model.validate", str(folder / "plan-ann-example.yaml")],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert cli.returncode == 0 and cli.stdout.strip() == "1 proposals OK", cli.stdout + cli.stderr


def test_empty_plan_and_hostile_text_still_make_a_valid_file(tmp_path, taxonomy):
    hostile = Plan(notes={"political": "<script>alert(1)</script> **bold** | ~ ; :"})
    for plan in (Plan(), hostile):
        data = plan_to_proposal(plan, taxonomy, "<b>Eve</b>", date="2026-12-01")
        Proposal.model_validate(data)
    folder = _folder_with(tmp_path, {"plan-b-eve-b": plan_to_proposal(hostile, taxonomy, "<b>Eve</b>", date="2026-12-01")})
    assert load_catalogue([folder]).problems == ()


def test_downloaded_plan_appears_on_compare(tmp_path, monkeypatch, taxonomy):
    folder = tmp_path / "proposals"
    shutil.copytree(PROPOSALS_DIR, folder)
    data = plan_to_proposal(PLAN, taxonomy, "Ann Example", date="2026-12-01")
    (folder / f"{data['id']}.yaml").write_text(to_yaml(data), encoding="utf-8")
    monkeypatch.setenv("PEACE_PROPOSALS_DIR", str(folder))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["proposals"] = f"{data['id']},ukraine-position"
    at.run()
    assert not at.exception
    bodies = " ".join(h.proto.body for h in at.get("html"))
    assert data["short_name"] in bodies
    # the plan's territory choice is shown (the cell's words changed over time: summary, step number or step label)
    assert any(text in bodies for text in ("Freeze the line; no legal recognition", "Step 3 of 5",
                                            "Freeze at the line of contact, no recognition"))


# ------------------------------------------------------------------ the page (AppTest)

def _open_build(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    page_hash = next(h for h, info in at._registered_pages.items() if info.get("url_pathname") == "build")
    at._page_hash = page_hash  # private, but the only way to reach callable pages
    return at.run()


def test_build_page_reads_the_plan_from_the_link_and_writes_changes_back():
    plan_text, why_text = encode(PLAN)
    at = _open_build(plan=plan_text + ".bogus-1", why=why_text)
    assert not at.exception
    assert at.radio(key="bp_area_territory").value == "freeze_at_contact_line"
    assert at.selectbox(key="bp_region_donetsk").value == "russian_de_facto"
    assert at.number_input(key="bp_cap").value == 600_000
    assert any("bogus" in i.value for i in at.info)
    live = next(m.value for m in at.markdown if m.value.startswith("**Live:**"))
    assert "**3** of Ukraine's" in live and "**1** of Russia's" in live
    at.radio(key="bp_area_alliances").set_value("membership_sought").run()
    assert not at.exception
    value = at.query_params["plan"]
    assert "alliances-membership_sought" in (value if isinstance(value, str) else ",".join(value))
    live = next(m.value for m in at.markdown if m.value.startswith("**Live:**"))
    assert "**2** of Russia's" in live


# ------------------------------------------------------------------ undecided red lines (issue 16, item 5)

# Everything Russia's red lines read is set except Donetsk, Luhansk and foreign troops.
FREEZE_NO_DONETSK = Plan(
    values={"territory": "freeze_at_contact_line", "alliances": "renounced", "security_guarantees": "assurances_only",
            "military_limits": "cap_near_current_size"},
    troop_cap=800_000, regions={"crimea": "russian_de_facto", "zaporizhzhia": "frozen_at_contact_line"},
)


def test_an_unset_region_a_red_line_names_is_undecided_not_clear(catalogue, taxonomy):
    russia = red_lines_of(catalogue, "russia-position")
    assert crossed_red_lines(FREEZE_NO_DONETSK, russia, taxonomy) == []  # the loophole: nothing is crossed...
    undecided = undecided_red_lines(FREEZE_NO_DONETSK, russia, taxonomy)
    labels = [line.label for line in undecided]
    assert "Ukrainian forces stay in the Donetsk region" in labels  # ...but Donetsk is left open, not kept clear
    assert "Ukrainian forces stay in the Luhansk region" in labels
    report = red_line_report(FREEZE_NO_DONETSK, russia, taxonomy)
    assert report.incomplete and "crosses none" not in report.verdict() and "undecided" in report.verdict()
    assert not {line.label for line in report.clear} & set(labels)
    proposal = as_proposal(FREEZE_NO_DONETSK, taxonomy)
    donetsk = next(line for line in undecided if "Donetsk" in line.label)
    assert why_undecided(donetsk, proposal, taxonomy) == "Donetsk: not set (undecided)"
    # setting Donetsk decides the line: Russian de jure keeps clear of it, frozen at the contact line crosses it
    decided = Plan(FREEZE_NO_DONETSK.values, 800_000, None, {**FREEZE_NO_DONETSK.regions, "donetsk": "russian_de_jure"})
    assert donetsk not in undecided_red_lines(decided, russia, taxonomy)
    assert donetsk in red_line_report(decided, russia, taxonomy).clear
    frozen = Plan(FREEZE_NO_DONETSK.values, 800_000, None, {"donetsk": "frozen_at_contact_line"})
    assert donetsk in crossed_red_lines(frozen, russia, taxonomy)
    assert donetsk not in undecided_red_lines(frozen, russia, taxonomy)


def test_a_left_out_area_is_undecided_and_an_empty_plan_is_never_clear(catalogue, taxonomy):
    for pid in ("ukraine-position", "russia-position"):
        lines = red_lines_of(catalogue, pid)
        report = red_line_report(Plan(), lines, taxonomy)
        assert report.undecided == tuple(lines) and not report.clear and not report.crossed, pid
        assert report.verdict().startswith("is incomplete")
    ukraine = red_lines_of(catalogue, "ukraine-position")
    cap_line = next(line for line in ukraine if line.condition.area == "military_limits")
    no_military = Plan(values={"territory": "freeze_at_contact_line"})
    assert why_undecided(cap_line, as_proposal(no_military, taxonomy), taxonomy) == "Military limits: left out of the plan (undecided)"


def test_party_positions_decide_their_own_red_lines(catalogue):
    for pid in ("ukraine-position", "russia-position"):
        party = catalogue.get(pid)
        assert red_line_report(party, party.red_lines).verdict().startswith("crosses none"), pid


def test_build_page_reports_undecided_red_lines_in_plain_words(taxonomy):
    plan_text, _ = encode(FREEZE_NO_DONETSK)
    at = _open_build(plan=plan_text)
    assert not at.exception
    live = next(m.value for m in at.markdown if m.value.startswith("**Live:**"))
    assert "**0** of Russia's stated red lines" in live and "undecided" in live and "incomplete" in live
    texts = [m.value.replace("\\", "") for m in at.markdown]  # md() escapes punctuation
    assert any(t.startswith("**Russia**") and "incomplete" in t and "crosses none" not in t for t in texts)
    assert any("Ukrainian forces stay in the Donetsk region" in t and "Donetsk: not set (undecided)" in t for t in texts)


# ------------------------------------------------------------------ coded field choices (foreign troops)

def _party_files(catalogue) -> list:
    return [p for p in catalogue.proposals if p.id.startswith(("ukraine-position", "russia-position")) and p.red_lines]


def _everything(taxonomy, foreign_troops: str | None = "limited") -> Plan:
    """A plan that sets every choice the builder offers: a step on every scale, a cap, a zone, every region."""
    return Plan(values={a.key: a.scale_keys()[len(a.scale) // 2] for a in taxonomy.areas if a.scale},
                troop_cap=800_000, dmz_km=20, regions={r: "to_be_negotiated" for r in taxonomy.regions},
                fields={"foreign_troops": foreign_troops} if foreign_troops else {})


def test_every_red_line_field_is_a_builder_choice(catalogue, taxonomy):
    assert "foreign_troops" in FIELD_CHOICES
    assert field_choices(taxonomy)["foreign_troops"] == ["allowed", "limited", "banned"]  # the taxonomy's vocabulary
    for party in _party_files(catalogue):
        for line in party.red_lines:
            assert builder_can_set(line.condition, taxonomy), (party.id, line.condition.field)


def test_a_plan_choosing_every_field_is_complete_against_both_parties(catalogue, taxonomy):
    for party in _party_files(catalogue):
        report = red_line_report(_everything(taxonomy), party.red_lines, taxonomy)
        assert not report.incomplete and not report.undecided and not report.unsettable, party.id
        assert "incomplete" not in report.verdict(), party.id
    # leaving only foreign troops out makes it incomplete against the parties whose lines name it, in plain words
    russia = catalogue.get("russia-position")
    no_troops = _everything(taxonomy, None)
    report = red_line_report(no_troops, russia.red_lines, taxonomy)
    assert [line.label for line in report.undecided] == ["Foreign troops in Ukraine"]
    assert why_undecided(report.undecided[0], as_proposal(no_troops, taxonomy), taxonomy) == (
        "Foreign troops in Ukraine: not set (undecided)")
    # and the choice decides Russia's line: allowed or limited crosses it, banned keeps clear of it
    line = report.undecided[0]
    for value, crossed in (("allowed", True), ("limited", True), ("banned", False)):
        decided = red_line_report(_everything(taxonomy, value), russia.red_lines, taxonomy)
        assert (line in decided.crossed) is crossed and (line in decided.clear) is not crossed, value
        if crossed:
            assert why_crossed(line, as_proposal(_everything(taxonomy, value), taxonomy), taxonomy) == (
                f"Foreign troops in Ukraine: {taxonomy.label('alliances', 'foreign_troops', value)}")


def test_a_red_line_the_builder_cannot_set_is_said_plainly_and_not_counted(taxonomy):
    def line(**condition) -> RedLine:
        return RedLine.model_validate({"label": "Amnesty", "condition": condition, "citations": [{"source": "x"}]})

    amnesty = line(field="amnesty", equals="full")
    assert not builder_can_set(amnesty.condition, taxonomy)
    plan = _everything(taxonomy)
    report = red_line_report(plan, [amnesty], taxonomy)
    assert report.unsettable == (amnesty,) and not report.undecided and not report.incomplete
    assert "cannot set" in report.verdict() and "not counted" in report.verdict()
    assert "plan builder has no choice" in why_undecided(amnesty, as_proposal(plan, taxonomy), taxonomy)
    # a real proposal that leaves it open is still undecided: only the builder's own plans are excused
    proposal = as_proposal(plan, taxonomy)
    assert red_line_report(proposal, [amnesty]).undecided == (amnesty,)
    assert red_line_report(proposal, [amnesty], taxonomy, builder=True).unsettable == (amnesty,)


def test_old_links_decode_unchanged_and_the_new_key_round_trips(taxonomy):
    old_link = ("territory-freeze_at_contact_line.alliances-renounced.security_guarantees-article5_like"
                ".cap-600000.dmz-20.donetsk-russian_de_facto.crimea-russian_de_facto")
    plan, ignored = decode(old_link, encode(PLAN)[1], taxonomy)
    assert plan == PLAN and plan.fields == {} and ignored == []
    assert encode(plan)[0] == old_link  # a plan without the new choice writes the same link as before
    chosen = Plan(PLAN.values, PLAN.troop_cap, PLAN.dmz_km, PLAN.regions, PLAN.notes, {"foreign_troops": "banned"})
    text, why = encode(chosen)
    assert "foreign_troops-banned" in text.split(".")
    again, ignored = decode(text, why, taxonomy)
    assert again == chosen and ignored == []
    bad, ignored = decode("foreign_troops-everywhere.foreign_troops", None, taxonomy)
    assert bad == Plan() and len(ignored) == 2


def test_the_downloaded_file_with_foreign_troops_validates(tmp_path, taxonomy):
    plan = Plan(values={"territory": "freeze_at_contact_line"}, fields={"foreign_troops": "limited"})
    data = yaml.safe_load(to_yaml(plan_to_proposal(plan, taxonomy, "Ann Example", date="2026-12-01")))
    alliances = data["positions"]["alliances"]
    assert alliances["foreign_troops"] == "limited" and "nato" not in alliances and not alliances.get("not_addressed")
    assert "Foreign troops in Ukraine: Limited" in alliances["summary"]
    folder = _folder_with(tmp_path, {data["id"]: data})
    assert load_catalogue([folder]).problems == ()
    cli = subprocess.run([sys.executable, "-m", "model.validate", str(folder / f"{data['id']}.yaml")],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert cli.returncode == 0 and cli.stdout.strip() == "1 proposals OK", cli.stdout + cli.stderr


def test_distance_counts_foreign_troops_on_its_vocabulary_order(taxonomy):
    a = as_proposal(Plan(fields={"foreign_troops": "allowed"}), taxonomy)
    b = as_proposal(Plan(fields={"foreign_troops": "banned"}), taxonomy)
    c = as_proposal(Plan(fields={"foreign_troops": "limited"}), taxonomy)
    assert field_distances(a, b, taxonomy) == {"foreign_troops": 1.0}
    assert field_distances(a, c, taxonomy) == {"foreign_troops": 0.5}
    assert field_distances(a, as_proposal(Plan(), taxonomy), taxonomy) == {}  # counted only when both code it


def test_build_page_offers_foreign_troops_and_writes_it_to_the_link():
    plan_text, _ = encode(FREEZE_NO_DONETSK)
    at = _open_build(plan=plan_text + ".foreign_troops-allowed")
    assert not at.exception
    assert at.radio(key="bp_field_foreign_troops").value == "allowed"
    live = next(m.value for m in at.markdown if m.value.startswith("**Live:**"))
    assert "**1** of Russia's" in live  # "Foreign troops in Ukraine" crossed
    at.radio(key="bp_field_foreign_troops").set_value("banned").run()
    assert not at.exception
    value = at.query_params["plan"]
    assert "foreign_troops-banned" in (value if isinstance(value, str) else ",".join(value))
    live = next(m.value for m in at.markdown if m.value.startswith("**Live:**"))
    assert "**0** of Russia's" in live
