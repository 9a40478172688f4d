"""Content-Security-Policy (issue 10): every page carries one, and Material works under it."""
import re

from bansou.features import csp

PAGES = ["", "poverty/public-assistance/", "casebook/", "courses/intro/m01-ethics/", "glossary/",
         "checklists/public-assistance/"]


def test_every_page_has_a_policy_matching_its_inline_scripts(built_site):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        html = path.read_text(encoding="utf-8")
        if "<head" not in html:
            continue
        m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
        assert m, path
        assert html.index(m.group(0)) < html.find("<script"), f"policy must precede scripts: {path}"
        for source in csp.inline_script_hashes(html):
            assert source in m.group(1), (path, source)
        assert "'unsafe-inline'" not in m.group(1).split("script-src")[1].split(";")[0]


def test_inline_script_hashes_skip_data_blocks():
    html = ('<script>alert(1)</script><script type="application/json">{}</script>'
            '<script src="x.js"></script>')
    assert csp.inline_script_hashes(html) == ["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]
    page = csp.with_policy('<html><head><meta charset="utf-8"><title>t</title></head></html>')
    assert page.startswith('<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')


def test_no_policy_violation_and_search_works(page, site_url):
    messages: list[str] = []
    page.on("console", lambda msg: messages.append(msg.text))
    page.on("pageerror", lambda err: messages.append(str(err)))
    for prefix in ("", "en/", "ej/", "my/"):
        for path in PAGES:
            page.goto(site_url + "/" + prefix + path, wait_until="networkidle")
    page.goto(site_url + "/")
    page.fill("input[data-md-component=search-query]", "生活保護")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    refused = [m for m in messages if "Refused to" in m or "Content Security Policy" in m]
    assert refused == [], refused
