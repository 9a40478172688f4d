"""The scan in a second process gives what the same scans give in this one."""
from __future__ import annotations

import hashlib
import os
import signal
from pathlib import Path

import pytest

from bansou.pii import scan_paths, scan_site
from bansou.pii.background import BackgroundScan, ScanFailed

PAGE = "<html><body>\n<article>\n<p>連絡先 090-1234-5678</p>\n</article>\n</body></html>\n"


def _project(root: Path) -> Path:
    (root / "casebook").mkdir(parents=True)
    (root / "casebook/case-001.md").write_text("# 事例\n\n本人の電話 090-2222-3333。\n", encoding="utf-8")
    (root / "site/casebook/case-001").mkdir(parents=True)
    return root / "site"


def test_same_hits_as_scanning_in_process(tmp_path: Path) -> None:
    site = _project(tmp_path)
    scan = BackgroundScan(tmp_path, site, [tmp_path / "casebook"])
    scan.page("casebook/case-001/index.html")  # before MkDocs writes it: read once the language is done
    (site / "casebook/case-001/index.html").write_text(PAGE, encoding="utf-8")
    scan.pages_written()
    (site / "search").mkdir()
    (site / "search/index.ja.json").write_text(
        '{"docs":[{"location":"casebook/case-001/","text":"<p>連絡先 090-1234-5678</p>"},'
        '{"location":"casebook/case-001/#x","text":"<p>控え 080-4444-5555</p>"}]}', encoding="utf-8")
    scan.new_files()
    (site / "404.html").write_text(PAGE, encoding="utf-8")  # written without a page event
    results = scan.finish()
    assert results.sources == scan_paths([tmp_path / "casebook"], tmp_path)
    assert sorted(results.site, key=repr) == sorted(scan_site(site), key=repr)
    assert {h.path for h in results.site} == {"casebook/case-001/index.html", "search/index.ja.json", "404.html"}


def test_a_file_is_scanned_as_it_was_when_handed_over(tmp_path: Path) -> None:
    site = _project(tmp_path)
    index = site / "search_index.json"
    index.write_text('{"docs":[{"location":"a/","text":"電話 090-1234-5678"}]}', encoding="utf-8")
    scan = BackgroundScan(tmp_path, site, [])
    scan.files([index, site / "search/index.xx.json"])  # after a language's build; the second one is missing
    index.write_text('{"docs":[]}', encoding="utf-8")  # rewritten by a later language's build
    os.utime(index, ns=(1, 1))
    assert any(h.path == "search_index.json" and h.kind == "phone" for h in scan.finish().site)


def test_a_dead_worker_is_reported_not_waited_for(tmp_path: Path) -> None:
    site = _project(tmp_path)
    scan = BackgroundScan(tmp_path, site, [])
    os.kill(scan._process.pid, signal.SIGKILL)
    with pytest.raises(ScanFailed, match="exit code"):
        scan.finish()


def _shout(html: str) -> str:  # a rewrite left to the worker (the build defers furigana like this)
    return html.replace("連絡先", "連絡先(要確認)")


def test_pages_are_read_once_written_and_rewritten_before_the_scan(tmp_path: Path) -> None:
    site = _project(tmp_path)
    (site / "a").mkdir()
    scan = BackgroundScan(tmp_path, site, [])
    for i in range(40):  # more than one hand-over batch; each page is written after its event
        scan.page(f"a/p{i}.html", [f"{__name__}:_shout"] if i % 2 else [])
        (site / f"a/p{i}.html").write_text(PAGE.replace("5678", f"{i:04d}"), encoding="utf-8")
    results = scan.finish()
    assert len([h for h in results.site if h.kind == "phone"]) == 40
    rewritten = [i for i in range(40) if "(要確認)" in (site / f"a/p{i}.html").read_text(encoding="utf-8")]
    assert rewritten == list(range(1, 40, 2))
    # each page's digest is that of the file as the worker left it
    assert results.pages == {f"a/p{i}.html": hashlib.sha256((site / f"a/p{i}.html").read_bytes()).hexdigest()
                             for i in range(40)}
    assert sorted(results.site, key=repr) == sorted(scan_site(site), key=repr)


def test_a_page_that_was_never_written_fails_the_gate(tmp_path: Path) -> None:
    site = _project(tmp_path)
    scan = BackgroundScan(tmp_path, site, [])
    scan.page("casebook/case-001/index.html")
    with pytest.raises(ScanFailed, match="case-001/index.html"):
        scan.finish()
