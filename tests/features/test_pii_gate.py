"""The gate in the build: a leak in a source or only in the built output deletes the site.

`mkdocs build` scans in a second process while it renders (pii/background.py); these
builds prove that the result still stops publication, with file, line and a fix.
"""
from __future__ import annotations

from pathlib import Path

from conftest import build_site

FAKE_PHONE = "090-1234-5678"  # built to the format; not a real subscriber
HOOK = f'''
def on_page_content(html, page, config, files):
    if page.file.src_uri == "poverty/assistance.md":
        html += "<p>連絡先 {FAKE_PHONE}</p>"
    return html
'''


def _assert_stopped(result, site: Path, where: str) -> None:
    assert result.returncode != 0
    assert where in result.stderr, result.stderr[-3000:]
    assert "[pii-phone]" in result.stderr
    assert FAKE_PHONE not in result.stderr  # the message masks what it found
    assert "電話番号" in result.stderr and "phone" in result.stderr.lower()  # Japanese and English
    assert "Traceback" not in result.stderr
    assert not (site / "index.html").exists()  # nothing left that could be published


def test_leak_in_a_case_stops_the_build(mini_project: Path, tmp_path: Path) -> None:
    case = mini_project / "casebook/case-001.md"
    lines = case.read_text(encoding="utf-8").split("\n")
    case.write_text("\n".join(lines) + f"\n本人の電話 {FAKE_PHONE} に連絡しました。\n", encoding="utf-8")
    line = len(lines) + 1
    site = tmp_path / "site"
    _assert_stopped(build_site(mini_project, site), site, f"casebook/case-001.md:{line}")
    # the second build answers from the result cache and must stop just the same
    assert (mini_project / ".cache/bansou/pii-scan.json").is_file()
    _assert_stopped(build_site(mini_project, site), site, f"casebook/case-001.md:{line}")


def test_leak_only_in_the_built_pages_stops_the_build(mini_project: Path, tmp_path: Path) -> None:
    (mini_project / "leak_hook.py").write_text(HOOK, encoding="utf-8")
    config = mini_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "hooks:\n  - leak_hook.py\n", encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(mini_project, site)
    _assert_stopped(result, site, "poverty/assistance/index.html")
    # the search index repeats the page's paragraph: one finding (the page), not a second one
    assert "search/index.ja.json" not in result.stderr


def test_clean_build_keeps_the_site_and_fills_the_cache(mini_project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build_site(mini_project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (site / "index.html").is_file()
    assert (mini_project / ".cache/bansou/pii-scan.json").stat().st_size > 1000
