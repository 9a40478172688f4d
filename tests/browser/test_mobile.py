"""Phones (issue 10 part 6): at 360×740 no page scrolls sideways (wide tables scroll inside
their own container) and quiz and casebook controls are large enough to tap."""
from __future__ import annotations

import pytest

WIDTH, HEIGHT = 360, 740
PREFIXES = ["/", "/en/"]
PAGES = {
    "home": "",
    "handbook": "poverty/public-assistance/",
    "checklist": "checklists/public-assistance/",
    "eligibility-matrix": "basics/eligibility-matrix/",
    "case-index": "casebook/",
    "case": "casebook/case-001/",
    "course": "courses/intro/",
    "module": "courses/intro/m01-ethics/",
    "glossary": "glossary/",
    "monitoring": "casebook/monitoring/",
}
MIN_TAP = 44

# Elements that stick out to the right and are not inside a scroll container that fits:
# named in the failure message so the culprit is obvious.
OVERFLOW = """(width) => {
  const scrolls = (e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 1) continue;
    let p = el.parentElement, contained = false;
    for (; p && p !== document.body; p = p.parentElement) {
      if (scrolls(p) || getComputedStyle(p).overflowX === 'hidden') {
        contained = p.getBoundingClientRect().right <= width + 1;
        break;
      }
    }
    if (!contained) out.push(`${el.tagName.toLowerCase()}.${el.className} (right edge ${Math.round(r.right)}px)`);
  }
  return {scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth, culprits: out.slice(0, 8)};
}"""

WIDE_TABLES = """(width) => Array.from(document.querySelectorAll('.md-typeset table'))
  .filter(t => t.getBoundingClientRect().width > width)
  .map(t => { let p = t.parentElement;
              while (p && !['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) p = p.parentElement;
              return {scroller: !!p, right: p ? Math.round(p.getBoundingClientRect().right) : null}; })"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="ja-JP", viewport={"width": WIDTH, "height": HEIGHT},
                                  has_touch=True, is_mobile=True)
    pg = context.new_page()
    yield pg
    context.close()


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_sideways_scrolling(phone, site_url, kind, prefix):
    phone.goto(site_url + prefix + PAGES[kind])
    r = phone.evaluate(OVERFLOW, WIDTH)
    # On a mobile viewport the browser zooms out to fit overflowing content, so innerWidth grows
    # with it: compare with the device width as well.
    assert r["scrollWidth"] <= min(r["innerWidth"], WIDTH) + 1, f"{phone.url}: {r}"
    for table in phone.evaluate(WIDE_TABLES, WIDTH):
        assert table["scroller"] and table["right"] <= WIDTH + 1, f"{phone.url}: wide table {table}"


def heights(page, selector: str) -> list[float]:
    boxes = [page.locator(selector).nth(i).bounding_box() for i in range(page.locator(selector).count())]
    return [b["height"] for b in boxes if b]


def test_quiz_tap_targets(phone, site_url):
    phone.goto(site_url + "/courses/intro/m01-ethics/")
    for selector in ("form.bansou-quiz .bansou-quiz__option", "form.bansou-quiz button",
                     ".bansou-done__button", ".bansou-trainer-switch__button"):
        found = heights(phone, selector)
        assert found, selector
        assert min(found) >= MIN_TAP, (selector, found)


def test_casebook_filter_tap_targets(phone, site_url):
    phone.goto(site_url + "/casebook/")
    summaries = phone.locator("details.bansou-cb-facet summary")
    for i in range(summaries.count()):
        summaries.nth(i).tap()  # open every facet so its options are laid out
    for selector in ("details.bansou-cb-facet summary", ".bansou-cb-opt", ".bansou-cb-clear"):
        found = heights(phone, selector)
        assert found, selector
        assert min(found) >= MIN_TAP, (selector, found)
