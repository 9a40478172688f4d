"""Languages as a reader meets them: status notices, the switcher, <html lang>, furigana,
and search that stays in the reader's language."""
import json
import re

import pytest

from conftest import build_site, serve

LANGS = ["ja", "ej", "en", "zh", "vi", "tl", "ne", "id", "pt-BR", "es", "my"]
HTML_LANG = {"ej": "ja"}


def prefix(lang):
    return "" if lang == "ja" else f"{lang}/"


@pytest.mark.parametrize("lang", LANGS)
def test_html_lang_and_site_name(built_site, lang):
    html = (built_site / prefix(lang) / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="%s"' % HTML_LANG.get(lang, lang), html)


def test_fallback_notice_links_the_original(page, site_url):
    page.goto(f"{site_url}/vi/poverty/public-assistance/")
    note = page.locator(".bansou-i18n-notice[data-translation-status=missing]")
    assert note.is_visible()
    assert "chưa được dịch" in note.inner_text()
    note.locator("a").click()
    page.wait_for_url(re.compile(r"/poverty/public-assistance/$"))
    assert page.locator("html").get_attribute("lang") == "ja"


def test_machine_translation_notice(page, site_url):
    page.goto(f"{site_url}/en/poverty/public-assistance/")
    note = page.locator(".bansou-i18n-notice")
    assert note.get_attribute("data-translation-status") == "machine"
    assert "machine-assisted" in note.inner_text()


def test_outdated_notice(browser, mini_project, tmp_path):
    """The mini fixture's English page carries no source hash, so it counts as outdated."""
    site = tmp_path / "site"
    result = build_site(mini_project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    with serve(site) as url:
        pg = browser.new_page()
        pg.goto(f"{url}/en/poverty/assistance/")
        note = pg.locator(".bansou-i18n-notice")
        assert note.get_attribute("data-translation-status") == "outdated"
        assert "has changed since this translation" in note.inner_text()
        pg.close()


def test_language_switcher_keeps_the_page(page, site_url):
    page.goto(f"{site_url}/poverty/public-assistance/")
    link = page.locator("a.md-select__link[hreflang=en]").first
    href = link.get_attribute("href")
    assert href and "poverty/public-assistance" in href and not href.startswith("/")
    page.goto(f"{site_url}/poverty/public-assistance/{href}" if not href.startswith("http") else href)
    assert page.url.rstrip("/").endswith("/en/poverty/public-assistance")


def test_easy_japanese_has_furigana_that_can_be_switched_off(page, site_url):
    page.goto(f"{site_url}/ej/for-you/right-to-apply/")
    rt = page.locator("article rt").first
    assert rt.is_visible()
    page.locator(".bansou-furigana-toggle").first.click()
    assert not rt.is_visible()
    page.reload()
    assert not page.locator("article rt").first.is_visible()  # remembered in this browser


def search(page, site_url, lang, query):
    page.goto(f"{site_url}/{prefix(lang)}")
    box = "input[data-md-component=search-query]"
    page.fill(box, query)
    page.dispatch_event(box, "keyup")  # Material reads the query on keyup; fill() alone may not trigger it
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    # one list item per page (its first link is the page, the others its sections)
    hrefs = page.locator(".md-search-result__item").evaluate_all(
        "els => els.map(e => e.querySelector('a').href)")
    return [h.split("?")[0].split("#")[0] for h in hrefs]


@pytest.mark.parametrize("lang,query", [("vi", "phiên dịch"), ("en", "welfare"), ("ja", "生活保護の申請")])
def test_search_stays_in_language_without_duplicates(page, site_url, lang, query):
    pages = search(page, site_url, lang, query)
    assert pages, "no results"
    assert len(pages) == len(set(pages)), "the same page twice"
    root = site_url + "/"
    paths = [p[len(root):] for p in pages]
    if lang == "ja":
        others = [p for p in paths if re.match(r"^(ej|en|zh|vi|tl|ne|id|pt-BR|es|my)/", p)]
    else:
        others = [p for p in paths if not p.startswith(prefix(lang))]
    assert others == [], others


def test_search_japanese_phrase_and_reading(page, site_url):
    assert search(page, site_url, "ja", "生活保護の申請")[:5]
    hits = search(page, site_url, "ja", "こくほ")
    assert any(h.endswith("/health/national-health-insurance/") for h in hits[:5]), hits


def test_english_stemming(page, site_url):
    hits = search(page, site_url, "en", "applications")
    assert hits, "stemmed query found nothing"


def test_nepali_and_burmese_text_is_indexed(built_site):
    for lang in ("ne", "my"):
        index = json.loads((built_site / "search" / f"index.{lang}.json").read_text(encoding="utf-8"))
        assert index["config"]["pipeline"] == []  # no trimmer: it would delete these scripts
        script = r"[\u0900-\u097F]" if lang == "ne" else r"[\u1000-\u109F]"
        assert any(re.search(script, d["text"]) for d in index["docs"])


@pytest.mark.parametrize("lang,query", [("ne", "दोभाषे"), ("my", "စကားပြန်")])
def test_nepali_and_burmese_search(page, site_url, lang, query):
    pages = search(page, site_url, lang, query)
    assert any("/for-you/interpreter/" in p for p in pages[:5]), pages
