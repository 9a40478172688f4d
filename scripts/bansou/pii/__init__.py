"""Anonymisation gate: finds personal identifiers before a page is published.

Public API:
    scan_text(text, path="", profile=None, allowlist=None) -> list[PiiHit]
    scan_file(path, root=None, allowlist=None) -> list[PiiHit]
    scan_paths(paths, root) -> list[PiiHit]
    scan_site(site_dir, allowlist=None) -> list[PiiHit]
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
from .hits import PiiHit
from .html import html_text, json_strings, strip_tags
from .kinds import KINDS, KindInfo
from .normalize import LineIndex
from .profiles import profile_for, site_profile_for
from .scan import scan_text

__all__ = [
    "KINDS",
    "AllowEntry",
    "AllowRecord",
    "Allowlist",
    "KindInfo",
    "PiiHit",
    "list_allowed",
    "load_allowlist",
    "profile_for",
    "project_files",
    "scan_file",
    "scan_paths",
    "scan_site",
    "scan_text",
]

_HAN_ONLY = re.compile(r"^[\u3400-\u9fff]+$")
_CJK_ONLY = re.compile(r"^[\u3040-\u30ff\u3400-\u9fff()()・ー \u3000]+$")
SOURCE_SUFFIXES = (".md", ".markdown", ".yml", ".yaml", ".txt")
PROJECT_DIRS = ("docs", "casebook", "courses")


def _relative(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def _read(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except (UnicodeDecodeError, OSError):
        return None  # the lead's checker reports unreadable files and encodings


def scan_file(
    path: str | Path, root: str | Path | None = None, allowlist: Allowlist | None = None
) -> list[PiiHit]:
    path = Path(path)
    root_path = Path(root) if root is not None else None
    text = _read(path)
    if text is None:
        return []
    if allowlist is None and root_path is not None:
        allowlist = load_allowlist(root_path)
    rel = _relative(path, root_path)
    return scan_text(text, rel, profile_for(rel), allowlist)


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
    if hit.kind != "person-name" or not _CJK_ONLY.match(hit.text):
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


def scan_paths(paths: Iterable[str | Path], root: str | Path) -> list[PiiHit]:
    root = Path(root)
    allowlist = load_allowlist(root)
    hits = list(allowlist.problems)
    for f in project_files(paths, root):
        file_hits = scan_file(f, root, allowlist)
        if any(h.kind == "person-name" for h in file_hits):
            text = _read(f) or ""
            file_hits = [h for h in file_hits if not _chinese_source_noise(h, text)]
        hits.extend(file_hits)
    return hits


_ARTICLE = re.compile(r"<article\b.*?</article>", re.S)


def _page_content(source: str) -> str:
    """The page's own content: the theme around it is generated from config and titles
    that are scanned as sources. Blank lines keep the HTML file's line numbers."""
    m = _ARTICLE.search(source)
    if m is None:
        return source
    return "\n" * source.count("\n", 0, m.start()) + m.group(0)


def _drop_chinese_name_noise(hits: list[PiiHit], rel: str) -> list[PiiHit]:
    # The Japanese analyser reads Chinese words as names (正在, 上一页); on Chinese pages
    # only names with kana or Latin letters are kept.
    if not (rel.startswith("zh/") or ".zh." in rel):
        return hits
    return [h for h in hits if not (h.kind == "person-name" and _CJK_ONLY.match(h.text))]


def scan_site(site_dir: str | Path, allowlist: Allowlist | None = None) -> list[PiiHit]:
    """Scan a built site: the content of every .html page, every .csv and .json file.

    The same text in many places (fallback pages in every language, the per-language
    search indexes) is scanned once. Allowlist entries match by text only here (their
    path globs name sources).
    """
    site = Path(site_dir)
    if allowlist is not None:
        allowlist = Allowlist(tuple(AllowEntry(e.text, e.reason, None, e.line) for e in allowlist.entries))
    hits: list[PiiHit] = []
    skipped: set[str] = set()
    seen: dict[tuple[str, str], list[PiiHit]] = {}
    files = sorted(f for f in site.rglob("*") if f.is_file() and f.suffix in (".html", ".htm", ".csv", ".json"))
    # Pages first: their data-pii="skip" texts are removed from the search index.
    for f in sorted(files, key=lambda f: f.suffix == ".json"):
        source = _read(f)
        if source is None:
            continue
        rel = f.relative_to(site).as_posix()
        profile = site_profile_for(rel)
        if f.suffix in (".html", ".htm"):
            content = _page_content(source)
            key = ("zh" + profile if rel.startswith("zh/") else profile, content)
            if key not in seen:  # identical pages (fallback copies) are parsed and scanned once
                page = html_text(content)
                skipped.update(page.skipped)
                seen[key] = _drop_chinese_name_noise(_scan_blocks(page.text, rel, profile, allowlist, seen), rel)
            hits.extend(PiiHit(rel, *_at(h)) for h in seen[key])
        elif f.suffix == ".csv":
            hits.extend(_drop_chinese_name_noise(scan_text(source, rel, profile, allowlist), rel))
        else:
            hits.extend(_scan_json(source, rel, profile, allowlist, skipped, seen))
    return hits


def _scan_blocks(text: str, rel: str, profile: str, allowlist: Allowlist | None,
                 seen: dict[tuple[str, str], list[PiiHit]]) -> list[PiiHit]:
    """Scan a page block by block (runs of non-blank lines), each distinct block once:
    pages in different languages share most blocks (fallback text, shared tables) and
    differ only in notices and labels."""
    hits: list[PiiHit] = []
    lines = text.split("\n")
    start = 0
    while start < len(lines):
        if not lines[start].strip():
            start += 1
            continue
        end = start
        while end < len(lines) and lines[end].strip():
            end += 1
        block = "\n".join(lines[start:end])
        key = ("block:" + profile, block)
        if key not in seen:
            seen[key] = scan_text(block, rel, profile, allowlist)  # type: ignore[arg-type]
        for h in seen[key]:
            hits.append(PiiHit(rel, h.line + start, h.column, h.end_line + start, h.end_column, h.kind,
                               h.severity, h.text, h.allowed_reason))
        start = end
    return hits


def _at(h: PiiHit) -> tuple:
    return (h.line, h.column, h.end_line, h.end_column, h.kind, h.severity, h.text, h.allowed_reason)


def _scan_json(
    source: str, rel: str, profile: str, allowlist: Allowlist | None, skipped: set[str],
    seen: dict[tuple[str, str], list[PiiHit]],
) -> list[PiiHit]:
    lines = LineIndex(source)
    hits = []
    for s in json_strings(source):
        text = strip_tags(s.value) if "<" in s.value or "&" in s.value else s.value
        for skip in skipped:
            if skip in text:
                text = text.replace(skip, " " * len(skip))
        # A search index entry takes the profile of the page it indexes.
        doc_profile = site_profile_for(s.location) if s.location is not None else profile
        key = ("json:" + doc_profile + ("zh" if (s.location or rel).startswith("zh/") else ""), text)
        if key not in seen:
            seen[key] = _drop_chinese_name_noise(scan_text(text, rel, doc_profile, allowlist),  # type: ignore[arg-type]
                                                 s.location or rel)
        line, column = lines.position(s.offset)
        for h in seen[key]:
            # Escaped newlines make in-string lines meaningless: point at the literal.
            hits.append(PiiHit(rel, line, column, line, column, h.kind, h.severity, h.text, h.allowed_reason))
    return hits


def list_allowed(root: str | Path, paths: Iterable[str | Path] | None = None) -> list[AllowRecord]:
    """Every inline marker in the project's sources and every pii-allow.yml entry."""
    root = Path(root)
    paths = list(paths) if paths else [root / d for d in PROJECT_DIRS]
    records = [
        AllowRecord(ALLOWLIST_FILE, e.line, e.reason, "allowlist", e.text + (f" ({e.path})" if e.path else ""))
        for e in load_allowlist(root).entries
    ]
    for f in project_files(paths, root):
        text = _read(f)
        if text is None:
            continue
        rel = _relative(f, root)
        for m in find_markers(text, yaml_comments=f.suffix in (".yml", ".yaml")):
            records.append(AllowRecord(rel, m.line, m.reason, "inline", m.text))
    return records
