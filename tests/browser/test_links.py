"""Shared links: an old comma-separated link and the link the app writes open the same
view, and the natively bound parameters (`as_of`, `points_of`) survive a reload."""
from __future__ import annotations

from test_pages import matrix_areas, matrix_header, open_page, query


def test_old_comma_link_and_the_apps_own_link_open_the_same_view(server, new_page):
    old = (f"{server}/compare?proposals=us-28-point-draft,russia-position,e3-counterproposal"
           "&areas=territory,military_limits&as_of=2024-07")
    first = new_page()
    open_page(first, old)
    header, areas = matrix_header(first), matrix_areas(first)
    assert len(header) == 3 and areas == ["Territory", "Military limits"]
    legend = first.locator(".pm-legend").first.inner_text()
    assert "as of 2024-07" in legend
    written = first.url
    assert query(written).get("as_of") == "2024-07", "the bound as_of stays in the link"
    second = new_page()
    open_page(second, written)
    assert matrix_header(second) == header and matrix_areas(second) == areas
    assert "as of 2024-07" in second.locator(".pm-legend").first.inner_text()


def test_id_parameters_keep_ids_in_the_link_and_survive_a_reload(server, page):
    open_page(page, f"{server}/points?points_of=e3-counterproposal")
    assert "European (E3" in _chosen_plan(page)
    assert query(page.url).get("points_of") == "e3-counterproposal", "the link names the plan by its id, not its title"
    page.reload()
    open_page(page, page.url)
    assert query(page.url).get("points_of") == "e3-counterproposal"
    assert "European (E3" in _chosen_plan(page)


def _chosen_plan(page) -> str:
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="Numbered plan")
    return box.evaluate("e => e.innerText + ' ' + [...e.querySelectorAll('input')].map(i => i.value).join(' ')")
