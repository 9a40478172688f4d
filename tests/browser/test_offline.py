"""Offline reading (issue 10): visited pages, the language's checklists and search work without a network."""
import json

from bansou.features import offline


def _ready(page):
    page.wait_for_function("() => document.documentElement.dataset.bansouOffline === 'ready'", timeout=20000)


def test_manifest_and_worker_are_versioned_per_build(built_site):
    manifest = json.loads((built_site / "offline" / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["build"]) == 16
    sw = (built_site / "sw.js").read_text(encoding="utf-8")
    assert manifest["build"] in sw and offline.BUILD_MARK not in sw
    en = manifest["languages"]["en"]
    assert "en/checklists/public-assistance/" in en and "search/index.en.json" in en
    for path in en + manifest["languages"]["ja"]:
        assert (built_site / path.split("?")[0]).exists() or (built_site / path / "index.html").exists(), path


def test_build_id_is_that_of_the_published_files(built_site):
    # the build hashes pages with the digests the PII gate's worker took of them as it left
    # them (after its rewrites); hashing every file again must give the same id
    manifest = json.loads((built_site / "offline" / "manifest.json").read_text(encoding="utf-8"))
    assert offline.build_id(built_site) == manifest["build"]


def test_build_id_changes_with_content(tmp_path):
    (tmp_path / "index.html").write_text("a", encoding="utf-8")
    first = offline.build_id(tmp_path)
    (tmp_path / "index.html").write_text("b", encoding="utf-8")
    assert offline.build_id(tmp_path) != first


def test_reading_and_searching_offline(browser, site_url):
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    try:
        page.goto(site_url + "/en/poverty/public-assistance/")
        _ready(page)  # the first visit registers the worker and keeps the language's checklists
        page.goto(site_url + "/en/casebook/")
        _ready(page)
        context.set_offline(True)
        assert page.evaluate("navigator.onLine") is False
        page.goto(site_url + "/en/poverty/public-assistance/")  # visited
        assert page.locator("h1").count() == 1
        page.goto(site_url + "/en/checklists/nhi-enrolment/")  # never visited: pre-cached checklist
        assert page.locator("h1").count() == 1
        assert page.locator("input[data-md-component=search-query]").count() == 1
        page.fill("input[data-md-component=search-query]", "public assistance")
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
        assert any("/en/poverty/public-assistance/" in h for h in hrefs), hrefs
    finally:
        context.close()
