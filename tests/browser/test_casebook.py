"""The casebook in a real Chromium: facet filters, counts, the URL, reload, no-JS list,
keyboard use and tap-target size, and the case / monitoring pages."""
from __future__ import annotations

import re

ITEMS = ".bansou-cb-item"


def visible_items(page) -> list[str]:
    return page.locator(f"{ITEMS}:visible").evaluate_all("els => els.map(e => e.id)")


def option(page, facet: str, value: str):
    return page.locator(f'.bansou-cb-filter input[name="{facet}"][value="{value}"]')


def open_facet(page, facet: str) -> None:
    details = page.locator(f'details.bansou-cb-facet[data-facet="{facet}"]')
    if details.get_attribute("open") is None:
        details.locator("summary").click()


def test_two_facet_filters_count_url_and_reload(page, site_url):
    page.goto(site_url + "/casebook/")
    assert len(visible_items(page)) == 16
    open_facet(page, "issue_areas")
    option(page, "issue_areas", "medical-welfare").check()
    after_one = visible_items(page)
    assert len(after_one) == 9
    open_facet(page, "region")
    # the region counts already reflect the issue-area filter
    kanto_label = page.locator('.bansou-cb-opt:has(input[name="region"][value="kanto"]) .bansou-cb-opt__n')
    assert kanto_label.inner_text() == "(3)"
    option(page, "region", "kanto").check()
    shown = visible_items(page)
    assert shown == ["case-001", "case-005", "case-010"]
    assert page.locator(".bansou-cb-status").inner_text() == "16 件中 3 件の事例を表示しています"
    assert page.url.endswith("/casebook/?issue_areas=medical-welfare&region=kanto")
    # counts of the other values in the same facet ignore that facet's own selection
    assert page.locator('.bansou-cb-opt:has(input[name="region"][value="kinki"]) .bansou-cb-opt__n') \
        .inner_text() == "(1)"
    page.reload()
    assert visible_items(page) == shown
    assert option(page, "issue_areas", "medical-welfare").is_checked()
    assert option(page, "region", "kanto").is_checked()
    page.locator(".bansou-cb-clear").click()
    assert len(visible_items(page)) == 16 and page.url.endswith("/casebook/")


def test_shared_url_restores_the_filter_in_another_language(page, site_url):
    page.goto(site_url + "/en/casebook/?barriers=retaliation&year=2023")
    assert visible_items(page) == ["case-002", "case-003", "case-004"]
    assert page.locator(".bansou-cb-status").inner_text() == "Showing 3 of 16 cases"
    assert page.locator('details.bansou-cb-facet[data-facet="barriers"] .bansou-cb-facet__on').inner_text() == "1"


def test_no_match_message(page, site_url):
    page.goto(site_url + "/casebook/?region=hokkaido&year=2022")
    assert visible_items(page) == []
    assert page.locator(".bansou-cb-empty").is_visible()


def test_index_without_javascript_lists_every_case(browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="ja-JP")
    try:
        pg = context.new_page()
        pg.goto(site_url + "/casebook/?issue_areas=labour")
        assert pg.locator(f"{ITEMS}:visible").count() == 16
        assert pg.locator(f"{ITEMS} a").count() == 16
        assert not pg.locator(".bansou-cb-filter").is_visible()  # controls that cannot work are hidden
        assert pg.locator(".bansou-cb-status").inner_text() == "16 件の事例"
    finally:
        context.close()


def test_filter_is_keyboard_usable_with_large_targets(page, site_url):
    page.goto(site_url + "/casebook/")
    summary = page.locator('details.bansou-cb-facet[data-facet="outcome"] summary')
    summary.focus()
    page.keyboard.press("Enter")
    box = option(page, "outcome", "refused")
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    assert len(visible_items(page)) == 2
    assert "outcome=refused" in page.url
    for locator in (summary, page.locator('.bansou-cb-opt:has(input[value="refused"])'),
                    page.locator(".bansou-cb-clear")):
        assert locator.bounding_box()["height"] >= 44
    # every checkbox has an accessible name (its label) and every group a legend
    names = page.locator(".bansou-cb-filter input[type=checkbox]").evaluate_all(
        "els => els.map(e => e.labels.length && e.labels[0].textContent.trim())")
    assert names and all(names)
    assert page.locator(".bansou-cb-filter fieldset > legend").count() == 7


def test_case_page_notice_and_fact_chips(page, site_url):
    page.goto(site_url + "/en/casebook/case-002/")
    notice = page.locator(".bansou-cb-composite")
    assert "fictional composite" in notice.inner_text()
    chip = page.locator('.bansou-cb-facts a.bansou-cb-chip', has_text="Technical intern trainees")
    chip.click()
    # wait for the navigation instead of reading page.url straight after the click
    page.wait_for_url(re.compile(r"/en/casebook/facets/issue_areas/#v-technical-interns$"))
    page.locator("#v-technical-interns").wait_for(state="visible", timeout=15000)
    assert page.locator("a[href$='case-002/']").count() >= 1


def test_monitoring_page_has_charts_tables_and_downloads(page, site_url):
    page.goto(site_url + "/casebook/monitoring/")
    charts = page.locator("svg.bansou-chart[role=img]")
    assert charts.count() == 4
    assert page.locator("svg.bansou-chart > title").first.text_content() == "課題分野 × 年"
    assert page.locator(".bansou-cb-table table").count() == 5
    csv = page.request.get(site_url + "/casebook/monitoring/casebook-monitoring.csv")
    assert csv.ok and "課題分野 × 年" in csv.text()
    vi = page.request.get(site_url + "/vi/casebook/monitoring/casebook-monitoring.json")
    assert vi.ok and vi.json()["language"] == "vi"
