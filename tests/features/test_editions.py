"""Editions with mike: two editions deployed to a local gh-pages branch in a temporary
repository (no remote). What the deployed files say; the browser test drives them."""
from __future__ import annotations

import json
import re

import pytest

from trust_helpers import deploy_two_editions


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    return deploy_two_editions(tmp_path_factory.mktemp("editions"))


def test_versions_json_and_default(editions):
    versions = json.loads((editions / "versions.json").read_text(encoding="utf-8"))
    assert versions == [{"version": "2026", "title": "2026", "aliases": ["latest"]},
                        {"version": "2025", "title": "2025", "aliases": []}]
    assert "latest/" in (editions / "index.html").read_text(encoding="utf-8")  # set-default latest
    for edition in ("2025", "2026", "latest"):
        assert (editions / edition / "en/poverty/assistance/index.html").exists(), edition
    assert not (editions / "2025/poverty/new-in-2026").exists()
    assert (editions / "2026/poverty/new-in-2026/index.html").exists()
    assert "申請の意思を伝えます(2026年版)" in (editions / "2026/poverty/assistance/index.html").read_text(encoding="utf-8")
    assert "申請の意思を伝えます(2026年版)" not in (editions / "2025/poverty/assistance/index.html").read_text(encoding="utf-8")


def test_version_selector_is_configured_and_switch_script_shipped(editions):
    html = (editions / "2025/en/poverty/assistance/index.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html).group(1))
    assert config["version"] == {"provider": "mike"}
    script = re.search(r'<script src="[./]*(assets/bansou/bansou\.[0-9a-f]+\.js)">', html)
    assert script is not None  # the features' scripts, editions.js among them, in one file
    assert "/* assets/bansou/editions.js */" in (editions / "2025" / script.group(1)).read_text(encoding="utf-8")


@pytest.mark.parametrize("page", ["2025/index.html", "2025/en/index.html", "2025/en/poverty/assistance/index.html",
                                  "2025/poverty/assistance/index.html", "2025/en/changes/index.html"])
def test_language_links_are_relative(editions, page):
    html = (editions / page).read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]*)" hreflang="([^"]+)" class="md-select__link"', html)
    assert {lang for _, lang in links} == {"ja", "en"}
    for href, _ in links:
        assert not href.startswith("/") and "://" not in href, (page, href)
