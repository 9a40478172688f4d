"""Privacy (issue 10): the reader's browser talks to our own origin only, in every language."""
from urllib.parse import urlsplit

import pytest

PREFIXES = ["", "ej/", "en/", "zh/", "vi/", "tl/", "ne/", "id/", "pt-BR/", "es/", "my/"]
PAGES = ["", "poverty/public-assistance/", "casebook/", "courses/intro/m01-ethics/", "glossary/",
         "checklists/public-assistance/"]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_no_request_leaves_the_site(browser, site_url, built_site, prefix):
    origin = urlsplit(site_url)[:2]
    context = browser.new_context(locale="ja-JP")
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))  # pages, workers and service worker
    page = context.new_page()
    loaded = []
    try:
        for path in PAGES:
            assert (built_site / prefix / path / "index.html").exists(), prefix + path
            response = page.goto(site_url + "/" + prefix + path, wait_until="networkidle")
            assert response.ok, prefix + path
            loaded.append(prefix + path)
        page.fill("input[data-md-component=search-query]", "a")  # search loads the worker and index
        page.wait_for_timeout(1000)
    finally:
        context.close()
    outside = [u for u in requests if urlsplit(u).scheme in ("http", "https", "ws", "wss")
               and urlsplit(u)[:2] != origin]
    assert len(loaded) == len(PAGES)
    assert any("/search/index." in u for u in requests), "the search index was never requested"
    assert outside == [], outside


def test_repository_link_fetches_no_facts(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'class="md-source"' in html  # the link is still there
    assert 'data-md-component="source"' not in html  # …without Material's GitHub facts fetch
    for marker in ("googletagmanager", "google-analytics", "gtag(", "plausible", "matomo"):
        assert marker not in html
