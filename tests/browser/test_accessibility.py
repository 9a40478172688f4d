"""Accessibility in a real Chromium (issue 10 part 5): axe-core finds no serious or critical
violation on each kind of page in Japanese and English, and search, quizzes and casebook
filters work from the keyboard alone."""
from __future__ import annotations

import pytest

from tests.conftest import ROOT

# Installed by `make test` / .ci/run: npm install --prefix .cache/npm axe-core@4
AXE = ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
PREFIXES = ["/", "/en/"]
QUERIES = {"/": "生活保護", "/en/": "welfare"}
MODULE = "courses/intro/m01-ethics/"
BLOCKING = ("serious", "critical")


@pytest.fixture(scope="module")
def axe_path():
    if not AXE.is_file():  # a missing checker must fail the suite, never skip it
        pytest.fail(f"{AXE} is missing: run `npm install --no-audit --no-fund --prefix .cache/npm axe-core@4` "
                    "(make test does)")
    return AXE


@pytest.fixture
def axe_page(browser):
    # bypass_csp for the axe test only: the site's Content-Security-Policy (features/csp.py) rightly
    # blocks add_script_tag(), which injects axe as an inline <script>. The CSP only limits scripts,
    # so the page renders exactly as readers see it; everything else runs under the real policy.
    context = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900}, bypass_csp=True)
    pg = context.new_page()
    yield pg
    context.close()


def blocking_violations(page, axe_path) -> list[dict]:
    page.add_script_tag(path=str(axe_path))
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " targets: v.nodes.map(n => n.target.join(' '))}))")
    return [v for v in violations if v["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    return "\n".join(f"[{v['impact']}] {v['id']}: {v['help']}\n    " + "\n    ".join(v["targets"][:10])
                     + (f"\n    … {len(v['targets']) - 10} more" if len(v["targets"]) > 10 else "")
                     for v in violations)


def open_home(page, site_url, prefix):
    page.goto(site_url + prefix)


def open_handbook(page, site_url, prefix):
    page.goto(site_url + prefix + "poverty/public-assistance/")


def open_case_index(page, site_url, prefix):
    page.goto(site_url + prefix + "casebook/")


def open_module(page, site_url, prefix):
    page.goto(site_url + prefix + MODULE)


def open_quiz_with_feedback(page, site_url, prefix):
    """The module's 確認クイズ, answered, so the feedback colours are checked too."""
    page.goto(site_url + prefix + MODULE)
    quiz = page.locator("form.bansou-quiz").first
    quiz.scroll_into_view_if_needed()
    quiz.locator("label").first.click()
    quiz.locator("button[type=submit]").click()
    assert quiz.locator(".bansou-quiz__verdict").inner_text().strip()


def open_search_results(page, site_url, prefix):
    page.goto(site_url + prefix)
    page.fill("input[data-md-component=search-query]", QUERIES[prefix])
    page.wait_for_selector(".md-search-result__item", timeout=15000)


PAGES = {"home": open_home, "handbook": open_handbook, "case-index": open_case_index, "module": open_module,
         "quiz": open_quiz_with_feedback, "search": open_search_results}


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_serious_axe_violations(axe_page, site_url, axe_path, kind, prefix):
    PAGES[kind](axe_page, site_url, prefix)
    violations = blocking_violations(axe_page, axe_path)
    assert not violations, f"axe on {axe_page.url}:\n{describe(violations)}"


# -- keyboard only


def active(page, js: str):
    return page.evaluate(f"() => {{ const e = document.activeElement; return {js}; }}")


def follow_first_result(page, site_url):
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    page.keyboard.press("ArrowDown")
    target = active(page, "e.href || null")
    assert target and target.startswith(site_url), target  # focus moved to a result link
    page.keyboard.press("Enter")
    page.wait_for_url(target)


def test_search_from_the_keyboard_in_english(page, site_url):
    page.goto(site_url + "/en/")
    page.keyboard.press("/")  # Material's shortcut focuses the search field
    assert active(page, "e.dataset.mdComponent") == "search-query"
    page.keyboard.type("welfare")
    follow_first_result(page, site_url)
    assert page.url.startswith(site_url + "/en/") and page.url != site_url + "/en/"
    assert page.locator("h1").count() >= 1


def test_search_from_the_keyboard_in_japanese(page, site_url):
    page.goto(site_url + "/")
    page.keyboard.press("/")
    assert active(page, "e.dataset.mdComponent") == "search-query"
    page.fill("input[data-md-component=search-query]", "生活保護")  # IME text cannot be typed key by key
    follow_first_result(page, site_url)
    assert page.url != site_url + "/"


def tab_until(page, selector: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_quiz_from_the_keyboard(page, site_url):
    page.goto(site_url + "/" + MODULE)
    quiz = page.locator("form.bansou-quiz").first
    quiz.locator("legend").click()  # sets the point where Tab navigation starts, focuses nothing
    tab_until(page, "form.bansou-quiz input")
    assert active(page, "e.closest('form').id") == quiz.get_attribute("id")
    page.keyboard.press("Space")
    assert quiz.locator("input").first.is_checked()
    tab_until(page, "form.bansou-quiz button[type=submit]")
    page.keyboard.press("Enter")
    assert quiz.locator(".bansou-quiz__verdict").inner_text().strip()
    assert quiz.locator(".bansou-quiz__explanation").is_visible()


def test_casebook_filter_from_the_keyboard(page, site_url):
    page.goto(site_url + "/casebook/")
    items = page.locator(".bansou-cb-item:visible")
    before, status = items.count(), page.locator(".bansou-cb-status").inner_text()
    page.locator("h1").click()
    tab_until(page, "details.bansou-cb-facet summary")
    page.keyboard.press("Enter")  # opens the facet
    tab_until(page, ".bansou-cb-filter input[type=checkbox]", limit=3)
    box_id = active(page, "e.name + '=' + e.value")
    page.keyboard.press("Space")
    assert active(page, "e.checked") is True
    assert 0 < items.count() < before, box_id
    assert page.locator(".bansou-cb-status").inner_text() != status
