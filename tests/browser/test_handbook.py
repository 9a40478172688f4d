"""The handbook features in a real Chromium: glossary popovers (hover, keyboard, tap), checklist
printing (one A4 page, chrome hidden, empty boxes), the eligibility matrix, the home page, nav."""
from __future__ import annotations

import re
import subprocess

import pytest

A4_PRINTABLE_PX = (210 - 24) * 96 / 25.4, (297 - 24) * 96 / 25.4  # 12 mm margins (@page in handbook.css)
CHECKLISTS = ["checklists/public-assistance", "checklists/nhi-enrolment", "checklists/child-allowance",
              "checklists/labour-inspection"]
CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search",
          ".md-content__button", ".bansou-print-bar", ".bansou-related"]


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="ja-JP", viewport={"width": 390, "height": 844}, has_touch=True,
                                  is_mobile=True, device_scale_factor=2)
    pg = context.new_page()
    yield pg
    context.close()


POPOVER = "#bansou-popover"


def test_glossary_definition_on_hover_and_keyboard(page, site_url):
    page.goto(site_url + "/poverty/public-assistance/")
    term = page.locator("article .bansou-term").first
    definition = term.get_attribute("data-term-def")
    assert definition and len(definition) > 20
    term.hover()
    popover = page.locator(POPOVER)
    popover.wait_for(state="visible")
    assert definition in popover.inner_text()
    assert term.get_attribute("aria-describedby") == "bansou-popover"
    assert popover.locator("a").get_attribute("href").endswith(f"glossary/#{term.get_attribute('data-term-id')}")
    page.mouse.move(5, 5)
    popover.wait_for(state="hidden")
    # keyboard: focus shows it, Esc closes it and keeps focus on the word
    term.focus()
    popover.wait_for(state="visible")
    page.keyboard.press("Escape")
    popover.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.classList.contains('bansou-term')")


def test_glossary_definition_on_tap(phone, site_url):
    phone.goto(site_url + "/poverty/public-assistance/")
    term = phone.locator("article .bansou-term").first
    term.scroll_into_view_if_needed()
    term.tap()
    popover = phone.locator(POPOVER)
    popover.wait_for(state="visible")
    assert term.get_attribute("data-term-def") in popover.inner_text()
    box = popover.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # fits the phone screen
    phone.wait_for_timeout(400)  # stays open after the tap (pinned)
    assert popover.is_visible()
    phone.locator("article h1").tap()  # tapping elsewhere closes it
    popover.wait_for(state="hidden")
    term.tap()
    popover.wait_for(state="visible")
    popover.locator("button").tap()  # and the close button does too
    popover.wait_for(state="hidden")


def test_english_page_shows_english_definition(phone, site_url):
    phone.goto(site_url + "/en/poverty/public-assistance/")
    term = phone.locator("article .bansou-term").first
    term.scroll_into_view_if_needed()
    term.tap()
    text = phone.locator(POPOVER).inner_text()
    assert re.search(r"[A-Za-z]{4,} [a-z]{3,}", text) and "Open in the glossary" in text


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("path", CHECKLISTS)
def test_checklist_prints_on_one_a4_page(browser, site_url, tmp_path, lang, path):
    # a low viewport, so scrollHeight measures the content, not the window
    context = browser.new_context(viewport={"width": round(A4_PRINTABLE_PX[0]), "height": 300})
    pg = context.new_page()
    pg.goto(f"{site_url}/{lang}{path}/")
    assert pg.locator(".bansou-print-button").is_visible()  # on screen: a print button
    pg.emulate_media(media="print")
    for selector in CHROME:
        for el in pg.locator(selector).all():
            assert not el.is_visible(), selector
    height = pg.evaluate("document.documentElement.scrollHeight")
    assert height <= A4_PRINTABLE_PX[1], f"{path}: {height}px > {A4_PRINTABLE_PX[1]:.0f}px"
    pdf = tmp_path / "checklist.pdf"
    pg.pdf(path=str(pdf), format="A4")
    context.close()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info


def test_checkboxes_tick_on_screen_and_print_empty(page, site_url):
    page.goto(site_url + "/checklists/nhi-enrolment/")
    boxes = page.locator("article .task-list-control input[type=checkbox]")
    assert boxes.count() >= 10
    # click where the reader sees the box (the indicator's ::before, left of the item)
    x, y = page.evaluate("""() => {
        const i = document.querySelector('article .task-list-indicator');
        const b = i.getBoundingClientRect(), s = getComputedStyle(i, '::before');
        const li = i.closest('li').getBoundingClientRect();
        return [li.left + parseFloat(s.left) + parseFloat(s.width) / 2, li.top + parseFloat(s.top) + parseFloat(s.height) / 2];
    }""")
    page.mouse.click(x, y)
    assert boxes.first.is_checked()
    page.emulate_media(media="print")
    style = page.evaluate("""() => {
        const s = getComputedStyle(document.querySelector('.task-list-indicator'), '::before');
        return {mask: s.webkitMaskImage || s.maskImage, border: s.borderTopStyle, bg: s.backgroundColor};
    }""")
    assert style["mask"] == "none" and style["border"] == "solid" and style["bg"] == "rgba(0, 0, 0, 0)"


def test_print_button_opens_the_print_dialog(page, site_url):
    page.add_init_script("window.print = () => { window.__printed = true; };")
    page.goto(site_url + "/en/checklists/public-assistance/")
    button = page.locator(".bansou-print-button")
    assert button.inner_text().strip() == "Print this checklist"
    button.click()
    assert page.evaluate("window.__printed === true")


@pytest.mark.parametrize("lang,caption,corner,first_row", [
    ("", "在留資格別「使える制度」早見表", "在留資格", "永住者"),
    ("en/", "Which public systems each residence status can use", "Residence status", "Permanent resident"),
])
def test_matrix_renders_with_header_row(page, site_url, lang, caption, corner, first_row):
    page.goto(f"{site_url}/{lang}basics/eligibility-matrix/")
    table = page.locator("table.bansou-matrix__table")
    assert table.locator("caption").inner_text() == caption
    header = table.locator("thead tr th[scope=col]")
    assert header.count() == 13 and header.first.inner_text().startswith(corner)
    assert table.locator("tbody th[scope=row]").count() == 16
    assert table.locator("tbody th[scope=row]").first.inner_text() == first_row
    cell = table.locator("tbody td").first.inner_text()
    assert cell.startswith("○")  # symbol + word, not colour alone
    assert table.locator("tbody td a").count() == table.locator("tbody td").count()


def test_matrix_on_a_phone_keeps_the_first_column(phone, site_url):
    phone.goto(site_url + "/basics/eligibility-matrix/")
    scroller = phone.locator(".bansou-matrix__scroll")
    scroller.scroll_into_view_if_needed()
    row_head = phone.locator("tbody th[scope=row]").first
    before = row_head.bounding_box()["x"]
    box = phone.locator(".bansou-matrix").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # the table scrolls inside its box, not the page
    scroller.evaluate("el => el.scrollLeft = 600")
    assert scroller.evaluate("el => el.scrollLeft") > 500
    assert abs(row_head.bounding_box()["x"] - before) < 1  # sticky first column
    first_cell = phone.locator("tbody td").first.bounding_box()
    assert first_cell["x"] < before  # the cells did move under it


def test_home_routes_readers_on_a_phone(phone, site_url):
    phone.goto(site_url + "/")
    routes = phone.locator("a.bansou-route")
    assert routes.count() >= 3
    for i in range(routes.count()):
        box = routes.nth(i).bounding_box()
        assert box["height"] >= 48 and box["width"] >= 300
    assert routes.nth(2).bounding_box()["y"] + routes.nth(2).bounding_box()["height"] <= 844  # no scrolling needed
    steps = phone.locator(".bansou-path ol > li > a")
    assert steps.count() >= 6 and all(steps.nth(i).bounding_box()["height"] >= 44 for i in range(steps.count()))
    routes.first.tap()
    phone.wait_for_function("() => location.hash === '#start'")


def test_nav_sections_in_reader_language(page, site_url):
    page.goto(site_url + "/basics/role-and-limits/")
    nav = page.locator(".md-sidebar--primary").inner_text()
    for title in ("伴走の基本", "在留・住民登録", "記録と提言", "チェックリスト", "用語集", "事例集", "講座"):
        assert title in nav
    page.goto(site_url + "/en/basics/role-and-limits/")
    nav = page.locator(".md-sidebar--primary").inner_text()
    for title in ("Basics of accompaniment", "Residence status and registration", "Poverty and livelihood",
                  "Records and advocacy", "Checklists", "Glossary", "Casebook", "Courses"):
        assert title in nav
