"""Search as a reader uses it, in a real Chromium."""


def search(page, site_url: str, query: str, path: str = "/") -> list[str]:
    page.goto(site_url + path)
    page.fill("input[data-md-component=search-query]", query)  # fill(): Japanese input triggers search
    page.dispatch_event("input[data-md-component=search-query]", "keyup")  # Material reads the query on keyup
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")


def test_japanese_search_finds_a_handbook_page(page, site_url):
    hrefs = search(page, site_url, "生活保護")
    assert any("/poverty/public-assistance/" in h for h in hrefs), hrefs
