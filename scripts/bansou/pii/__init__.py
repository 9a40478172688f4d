"""Anonymisation gate: finds personal identifiers before a page is published.

Public API:
    scan_text(text, path="", profile=None, allowlist=None) -> list[PiiHit]
    scan_file(path, root=None, allowlist=None, cache=None) -> list[PiiHit]
    scan_paths(paths, root, cache=None) -> list[PiiHit]
    scan_site(site_dir, allowlist=None, cache=None) -> list[PiiHit]
    ScanCache: results kept between runs (see cache.py); SiteScan: a site fed file by file
    load_allowlist(root) -> Allowlist
    list_allowed(root, paths=None) -> list[AllowRecord]
    profile_for(path, root=None) -> "handbook" | "case"
    KINDS: kind -> KindInfo (messages and hints in Japanese and English)
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .allow import ALLOWLIST_FILE, AllowEntry, Allowlist, AllowRecord, find_markers, load_allowlist
from .cache import ScanCache
from .hits import PiiHit
from .kinds import KINDS, KindInfo
from .profiles import profile_for
from .site import CJK_ONLY, SiteScan, read_site_file, site_files

__all__ = [
    "KINDS",
    "AllowEntry",
    "AllowRecord",
    "Allowlist",
    "KindInfo",
    "PiiHit",
    "ScanCache",
    "list_allowed",
    "load_allowlist",
    "profile_for",
    "project_files",
    "scan_file",
    "scan_paths",
    "scan_site",
    "scan_text",
]

def __getattr__(name: str):
    # the detectors compile their rules on import (0.1 s): a build's main process never needs
    # them (its worker does), so they load on first use
    if name == "scan_text":
        from .scan import scan_text
        return scan_text
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


SOURCE_SUFFIXES = (".md", ".markdown", ".yml", ".yaml", ".txt")
PROJECT_DIRS = ("docs", "casebook", "courses")


def _relative(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def scan_file(
    path: str | Path, root: str | Path | None = None, allowlist: Allowlist | None = None,
    cache: ScanCache | None = None,
) -> list[PiiHit]:
    path = Path(path)
    root_path = Path(root) if root is not None else None
    text = read_site_file(path)
    if text is None:
        return []
    if allowlist is None and root_path is not None:
        allowlist = load_allowlist(root_path)
    rel = _relative(path, root_path)
    if cache is None:
        from .scan import scan_text
        return scan_text(text, rel, profile_for(rel), allowlist)
    return cache.scan(text, rel, profile_for(rel), allowlist)


def project_files(paths: Iterable[str | Path], root: str | Path) -> list[Path]:
    """Files to scan: given files as they are, directories searched for sources."""
    root = Path(root)
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix in SOURCE_SUFFIXES))
        elif p.is_file():
            found.append(p)
    allowlist_file = (root / ALLOWLIST_FILE).resolve()
    # pii-allow.yml quotes the allowed text by design.
    return [f for f in found if f.resolve() != allowlist_file]


_ZH_VALUE = re.compile(r"(?<![\w-])zh\s*:\s*(\"[^\"]*\"|'[^']*'|[^,}\n]*)")


_ZH_KEY_LINE = re.compile(r"^\s*-?\s*zh\s*:")


def _chinese_source_noise(hit: PiiHit, text: str) -> bool:
    """The Japanese analyser reads Chinese words as names: ignore Han-only "names" in
    Chinese text (*.zh.md files and `zh:` values in YAML data)."""
    if hit.kind != "person-name" or not CJK_ONLY.match(hit.text):
        return False
    if ".zh." in hit.path:
        return True
    lines = text.split("\n")
    if not 0 < hit.line <= len(lines):
        return False
    line = lines[hit.line - 1]
    if _ZH_KEY_LINE.match(line):  # `zh: {term: ..., definition: ...}`: the whole line is Chinese
        return True
    return any(hit.text in m.group(1) for m in _ZH_VALUE.finditer(line))


def scan_paths(paths: Iterable[str | Path], root: str | Path, cache: ScanCache | None = None) -> list[PiiHit]:
    root = Path(root)
    allowlist = load_allowlist(root)
    hits = list(allowlist.problems)
    for f in project_files(paths, root):
        file_hits = scan_file(f, root, allowlist, cache)
        if any(h.kind == "person-name" for h in file_hits):
            text = read_site_file(f) or ""
            file_hits = [h for h in file_hits if not _chinese_source_noise(h, text)]
        hits.extend(file_hits)
    return hits


def scan_site(site_dir: str | Path, allowlist: Allowlist | None = None, cache: ScanCache | None = None) -> list[PiiHit]:
    """Scan a built site: the content of every .html page, every .csv and .json file."""
    site = Path(site_dir)
    scan = SiteScan(allowlist, cache)
    for f in site_files(site):
        scan.add_file(f, f.relative_to(site).as_posix())
    return scan.hits


def list_allowed(root: str | Path, paths: Iterable[str | Path] | None = None) -> list[AllowRecord]:
    """Every inline marker in the project's sources and every pii-allow.yml entry."""
    root = Path(root)
    paths = list(paths) if paths else [root / d for d in PROJECT_DIRS]
    records = [
        AllowRecord(ALLOWLIST_FILE, e.line, e.reason, "allowlist", e.text + (f" ({e.path})" if e.path else ""))
        for e in load_allowlist(root).entries
    ]
    for f in project_files(paths, root):
        text = read_site_file(f)
        if text is None:
            continue
        rel = _relative(f, root)
        for m in find_markers(text, yaml_comments=f.suffix in (".yml", ".yaml")):
            records.append(AllowRecord(rel, m.line, m.reason, "inline", m.text))
    return records
