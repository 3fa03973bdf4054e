"""Every page through Streamlit's AppTest: renders without exception, reacts to
the sidebar, restores the view from the query string, and notes unknown ids."""
from __future__ import annotations

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from apptest_pages import matrix, open_page
from helpers import ROOT

TAXONOMY = yaml.safe_load((ROOT / "proposals" / "_taxonomy.yaml").read_text(encoding="utf-8"))
AREA_TITLES = [a["title"] for a in TAXONOMY["areas"]]
CORE = ["us-28-point-draft", "defp-armed-neutrality", "ukraine-position", "russia-position"]
PAGES = ["compare", "charts", "points", "versions", "timeline", "sources", "methodology"]


def short_name(pid: str) -> str:
    return yaml.safe_load((ROOT / "proposals" / f"{pid}.yaml").read_text(encoding="utf-8"))["short_name"]


def app(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def test_compare_default_shows_core_proposals_and_all_areas():
    at = app()
    assert not at.exception
    html = matrix(at)
    for pid in CORE:
        assert short_name(pid) in html
    for title in AREA_TITLES:
        assert title in html


def test_compare_opens_on_the_glance_and_the_link_brings_back_summaries():
    at = app()
    assert '<table class="pm gx"' in matrix(at), "the glance is the default"
    at.toggle(key="show_summaries").set_value(True).run()
    assert '<table class="pm"' in matrix(at) and "pm-wrap" in matrix(at)
    assert at.query_params["summaries"] in ("1", ["1"]), "the switch is in the link"
    shared = app(summaries="1")
    assert '<table class="pm"' in matrix(shared)


def test_changing_selection_changes_matrix():
    at = app()
    at.multiselect(key="sel_proposals").set_value(["us-28-point-draft", "russia-position"]).run()
    html = matrix(at)
    assert short_name("us-28-point-draft") in html and short_name("defp-armed-neutrality") not in html
    assert at.query_params["proposals"] in ("us-28-point-draft,russia-position", ["us-28-point-draft,russia-position"])


def test_only_differences_hides_agreeing_areas():
    at = app(proposals="ukraine-position,ukraine-position")
    assert not at.exception
    at.toggle(key="only_diff").set_value(True).run()
    assert not any('<table class="pm' in h.proto.body for h in at.get("html"))
    assert any("agree on every chosen area" in i.value for i in at.info)


def test_query_string_restores_view():
    at = app(proposals="us-28-point-draft,ukraine-position", areas="territory,military_limits", detail="military_limits")
    assert not at.exception
    html = matrix(at)
    assert short_name("russia-position") not in html
    assert "Territory" in html and "Military limits" in html and "Nuclear" not in html
    assert at.selectbox(key="detail_area").value == "military_limits"


def test_unknown_id_in_link_shows_note():
    at = app(proposals="us-28-point-draft,not-a-plan")
    assert not at.exception
    assert any("not-a-plan" in i.value for i in at.info)
    assert at.multiselect(key="sel_proposals").value == ["us-28-point-draft"]


def test_detail_shows_citations_for_area():
    at = app(proposals="us-28-point-draft", detail="military_limits")
    text = " ".join(m.value for m in at.markdown)
    assert "600,000" in text or "600000" in text
    assert "reliability" in text and "http" in text


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders(page):
    at = open_page(app(), page)
    assert not at.exception, at.exception
    assert at.title, f"{page} has no title"


def charts(at: AppTest) -> list[dict]:
    """The plotly figures the page draws (components/views/plot_view.py: a `pp_plot` component per chart)."""
    import json

    return [json.loads(json.loads(c.proto.json)["figure"]) for c in at.get("bidi_component")
            if c.proto.component_name == "pp_plot"]


def chart_titles(at: AppTest) -> list[str]:
    return [spec["layout"]["title"]["text"] for spec in charts(at)]


def test_charts_page_maps_one_per_proposal():
    at = open_page(app(proposals="us-28-point-draft,russia-position", chart="Territory"), "charts")
    specs = charts(at)
    assert len(specs) == 1, "only the open tab (Territory, from the link) is drawn"
    maps = [s for s in specs if "region" in s["layout"]["title"]["text"]]
    assert len(maps) == 1
    hover_layers = [t for t in maps[0]["data"] if t.get("mode") == "markers" and "customdata" in t]
    assert sorted(t["name"] for t in hover_layers) == sorted([short_name("us-28-point-draft"), short_name("russia-position")])


@pytest.mark.parametrize("page, param, tabs", [
    ("charts", "chart", {"Troop caps": "cap", "Territory": "region", "Security guarantees": "guarantee", "Ceasefire lines": "ceasefire"}),
    ("timeline", "timeline", {"All proposals": "proposal", "Army caps over time": "cap"}),
])
def test_chart_tabs_draw_only_the_tab_named_in_the_link(page, param, tabs):
    first = open_page(app(), page)
    assert len(charts(first)) == 1, "without the parameter only the first tab is drawn"
    assert next(iter(tabs.values())) in chart_titles(first)[0].lower()
    for label, word in tabs.items():
        at = open_page(app(**{param: label}), page)
        assert not at.exception, at.exception
        titles = chart_titles(at)
        assert len(titles) == 1 and word in titles[0].lower(), (label, titles)


def test_unknown_chart_tab_in_a_link_is_noted_and_the_first_tab_shown():
    at = open_page(app(chart="Pie"), "charts")
    assert not at.exception
    assert any("“chart”" in i.value and "Pie" in i.value for i in at.info), [i.value for i in at.info]
    assert len(charts(at)) == 1


def test_versions_page_preset_diff():
    at = open_page(app(), "versions")
    assert not at.exception
    at.button(key="preset_us-28-point-draft_e3-counterproposal").click().run()
    assert at.selectbox(key="diff_to").value == "e3-counterproposal"
    shown = " ".join(str(df.value.to_dict()) for df in at.dataframe)
    assert "600,000" in shown and "800,000" in shown


def test_sources_page_lists_each_document_once_with_citing_cells():
    import pandas as pd

    at = open_page(app(), "sources")
    assert not at.exception
    table = pd.concat([df.value for df in at.dataframe], ignore_index=True)
    ft = table[table["Link"].str.contains("us-plan-for-ukraine-peace-calls-on-kyiv-to-cede-land", regex=False)]
    assert len(ft) == 1, "one row per document, however many proposals cite it"
    assert short_name("us-28-point-draft") in ft["Cited by"].iloc[0]
    assert (table["Link"] != "").sum() == table.loc[table["Link"] != "", "Link"].nunique()
    assert ft["Copy kept here"].iloc[0] == "yes" and ft["Reliability"].iloc[0] == "generally reliable"
    page_text = " ".join(m.value for m in at.markdown) + " ".join(str(s.options) for s in at.selectbox)
    assert ".txt" not in page_text, "students see document titles, not file names"


def test_a_charts_data_table_is_built_when_opened():
    at = open_page(app(), "charts")
    assert not at.dataframe, "closed: no table sent"
    assert any(e.label.startswith("Data table") for e in at.expander)
    at.query_params["chart"] = "Territory"
    at = open_page(at, "charts")
    assert len(at.dataframe) == 1, "the Territory tab's own region table is shown open"


def test_the_link_follows_the_view_even_when_the_page_has_nothing_to_show():
    """'The chosen proposals agree on every chosen area' ends the page early; the address bar must still hold the
    view, so a teacher can share it (the page used to st.stop() before the link was written)."""
    at = app()
    at.multiselect(key="sel_proposals").set_value(["us-28-point-draft"]).run()
    at.toggle(key="only_diff").set_value(True).run()
    assert any("agree on every chosen area" in i.value for i in at.info)
    assert at.query_params.get("proposals") in ("us-28-point-draft", ["us-28-point-draft"])
    assert at.query_params.get("only_diff") in ("1", ["1"])
