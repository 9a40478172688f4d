"""Editions in a real browser: the gh-pages tree of two mike editions, served statically.
The language switcher stays in the edition; the version selector keeps language and page."""
from __future__ import annotations

import pytest

from trust_helpers import deploy_two_editions, serve


@pytest.fixture(scope="module")
def editions_url(tmp_path_factory):
    tree = deploy_two_editions(tmp_path_factory.mktemp("editions-browser"))
    with serve(tree) as url:
        yield url


def _language_hrefs(page):
    return page.eval_on_selector_all("a.md-select__link[hreflang]",
                                     "els => Object.fromEntries(els.map(a => [a.hreflang, a.href]))")


def test_language_links_stay_in_the_old_edition(page, editions_url):
    for path in ("/2025/en/", "/2025/en/poverty/assistance/", "/2025/"):
        page.goto(editions_url + path)
        hrefs = _language_hrefs(page)
        assert set(hrefs) == {"ja", "en"}, path
        for href in hrefs.values():
            assert href.startswith(editions_url + "/2025/"), (path, href)
    page.goto(editions_url + "/2025/en/poverty/assistance/")
    assert _language_hrefs(page)["ja"] == editions_url + "/2025/poverty/assistance/"
    page.goto(_language_hrefs(page)["ja"])
    assert page.locator("html").get_attribute("lang") == "ja"
    assert page.url == editions_url + "/2025/poverty/assistance/"


def _switch(page, version):
    page.locator(".md-version").hover()
    with page.expect_navigation():
        page.locator(".md-version__link", has_text=version).first.click()


def test_version_selector_keeps_language_and_page(page, editions_url):
    page.goto(editions_url + "/2025/en/poverty/assistance/")
    selector = page.locator(".md-version")
    selector.wait_for()
    assert page.locator(".md-version__current").inner_text().strip() == "2025"
    assert [t.strip() for t in page.locator(".md-version__link").all_inner_texts()] == ["2026", "2025"]
    _switch(page, "2026")
    assert page.url == editions_url + "/2026/en/poverty/assistance/"
    assert page.locator("html").get_attribute("lang") == "en"


def test_page_missing_in_older_edition_goes_to_its_language_home(page, editions_url):
    page.goto(editions_url + "/2026/en/poverty/new-in-2026/")
    page.locator(".md-version").wait_for()
    _switch(page, "2025")
    assert page.url == editions_url + "/2025/en/"
    assert page.locator("html").get_attribute("lang") == "en"
