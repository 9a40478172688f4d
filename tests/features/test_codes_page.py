"""Every finding code a check can emit has an entry on the コード一覧 / finding codes page."""
from __future__ import annotations

import re

from bansou import codes
from bansou.features.codes_page import page_markdown_for, pii_kinds
from conftest import ROOT

PACKAGE = ROOT / "scripts" / "bansou"
CALL = re.compile(r"""\bmake\(\s*["']([a-z0-9-]+)["']""")


def codes_used_in_package() -> set[str]:
    used: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        used |= set(CALL.findall(path.read_text(encoding="utf-8")))
    return used


def test_every_code_used_is_defined_and_on_the_page():
    used = codes_used_in_package()
    assert {"yaml-syntax", "link-missing", "html-script"} <= used  # the grep finds real call sites
    defined = codes.all_codes()
    assert used - set(defined) == set(), "codes used without an entry in the code table"
    for lang in ("ja", "en"):
        page = page_markdown_for(lang)
        headings = set(re.findall(r"^### (\S+) \{#", page, re.M))
        assert set(defined) <= headings, set(defined) - headings
        for kind in pii_kinds():
            assert kind in headings or f"pii-{kind}" in headings, kind


def test_languages_and_content():
    ja, en, zh, ej = (page_markdown_for(lang) for lang in ("ja", "en", "zh", "ej"))
    info = codes.all_codes()["yaml-syntax"]
    assert "設定の書き方に誤りがあります" in ja and "The settings are not written correctly" in en
    assert "The settings are not written correctly" in zh and "检查代码一览" in zh  # English text, Chinese labels
    assert "設定の書き方に誤りがあります" in ej
    assert info.example.split("\n")[0] in ja
    assert "{" + "field}" not in ja  # placeholders are shown as …
    assert "<script>" not in ja.split("~~~~text")[0]  # messages are escaped outside examples


def test_built_page(built_site):
    for page in ("finding-codes/index.html", "en/finding-codes/index.html", "vi/finding-codes/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        assert 'id="yaml-syntax"' in html and 'id="html-script"' in html
        assert "<script>alert" not in html  # the example is text, not a script
    assert "直し方" in (built_site / "finding-codes/index.html").read_text(encoding="utf-8")
    assert "How to fix" in (built_site / "vi/finding-codes/index.html").read_text(encoding="utf-8") or \
        "Cách sửa" in (built_site / "vi/finding-codes/index.html").read_text(encoding="utf-8")
