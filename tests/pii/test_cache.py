"""The scan-result cache: same answers as a fresh scan, and nothing stale."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bansou.pii import ScanCache, scan_text
from bansou.pii import cache as cache_module
from bansou.pii.allow import AllowEntry, Allowlist

TEXT = "電話 090-1234-5678 に連絡します。\nメールは someone@example.com です。\n"


def test_stored_answers_equal_a_fresh_scan(tmp_path: Path) -> None:
    file = tmp_path / "pii.json"
    first = ScanCache(file)
    assert first.scan(TEXT, "casebook/a.md", "case", None) == scan_text(TEXT, "casebook/a.md", "case")
    first.save()
    again = ScanCache(file)
    hits = again.scan(TEXT, "casebook/b.md", "case", None)
    assert (again.hits, again.misses) == (1, 0)
    assert hits == scan_text(TEXT, "casebook/b.md", "case")  # the caller's path, the same findings
    assert {h.kind for h in hits} == {"phone", "email"}


def test_what_decides_a_hit_is_part_of_the_key(tmp_path: Path) -> None:
    cache = ScanCache(tmp_path / "pii.json")
    cache.scan(TEXT, "casebook/a.md", "case", None)
    cache.scan(TEXT + "追記\n", "casebook/a.md", "case", None)  # other text
    cache.scan(TEXT, "docs/a.md", "handbook", None)  # other profile
    cache.scan(TEXT, "casebook/a.yml", "case", None)  # YAML: comments may hold allow markers
    allowed = Allowlist((AllowEntry("090-1234-5678", "公開の窓口番号", None, 1),))
    hits = cache.scan(TEXT, "casebook/a.md", "case", allowed)  # an allowlist entry applies
    assert cache.misses == 5 and cache.hits == 0
    assert next(h for h in hits if h.kind == "phone").allowed_reason == "公開の窓口番号"


def test_a_changed_scanner_starts_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "pii.json"
    old = ScanCache(file)
    old.scan(TEXT, "casebook/a.md", "case", None)
    old.save()
    monkeypatch.setattr(cache_module, "scanner_id", lambda: "another-rule-set")
    new = ScanCache(file)
    new.scan(TEXT, "casebook/a.md", "case", None)
    assert (new.hits, new.misses) == (0, 1)


def test_a_damaged_file_is_only_a_slower_run(tmp_path: Path) -> None:
    file = tmp_path / "pii.json"
    file.write_text("{not json", encoding="utf-8")
    cache = ScanCache(file)
    assert cache.scan(TEXT, "casebook/a.md", "case", None) == scan_text(TEXT, "casebook/a.md", "case")
    cache.save()
    assert json.loads(file.read_text(encoding="utf-8"))["scanner"] == cache_module.scanner_id()


def test_switched_off_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache_module.DISABLE_ENV, "0")
    cache = ScanCache(tmp_path / "pii.json")
    cache.scan(TEXT, "casebook/a.md", "case", None)
    cache.save()
    assert not (tmp_path / "pii.json").exists()


def test_scanner_id_follows_the_code() -> None:
    ident = cache_module.scanner_id()
    assert len(ident) == 16 and ident == cache_module.scanner_id()


def test_a_run_with_nothing_new_leaves_the_file_alone(tmp_path: Path) -> None:
    file = tmp_path / "pii.json"
    first = ScanCache(file)
    first.scan(TEXT, "casebook/a.md", "case", None)
    first.save()
    stamp = file.stat().st_mtime_ns
    again = ScanCache(file)
    again.scan(TEXT, "casebook/a.md", "case", None)
    again.save()  # a warm build: every answer came from the file
    assert file.stat().st_mtime_ns == stamp
