"""The scan of a built site: page contents, CSV and JSON files, fed one by one.

Pages can be added as MkDocs writes them (the build scans in a second process while it
renders the next pages) or read from a finished site directory; both give the same hits.
The same text in many places (fallback pages in every language, per-language search
indexes) is scanned once.
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from ..sitewalk import walk
from .allow import AllowEntry, Allowlist
from .cache import ScanCache, to_row
from .hits import PiiHit
from .html import BLOCK_BREAK, html_text, json_strings, json_values, strip_tags
from .normalize import LineIndex
from .profiles import Profile, site_profile_for

SITE_SUFFIXES = (".html", ".htm", ".csv", ".json")
CJK_ONLY = re.compile(r"^[\u3040-\u30ff\u3400-\u9fff()()・ー \u3000]+$")
_ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
# what tells two readings of a block apart without changing a hit: layout whitespace and
# the heading anchors' pilcrow
_LAYOUT = re.compile(r"[\s¶]+")
_SKIP_HEAD = 12  # characters that group the data-pii="skip" texts


def page_content(source: str) -> tuple[int, str]:
    """(lines before it, the page's own content): the theme around it is generated from
    config and titles that are scanned as sources."""
    m = _ARTICLE.search(source)
    if m is None:
        return 0, source
    return source.count("\n", 0, m.start()), m.group(0)


def site_files(site: Path, skip: set[str] | frozenset[str] = frozenset()) -> list[Path]:
    """Files the gate reads, pages first: their data-pii="skip" texts are removed from the
    search index. skip: site paths (a/b.html) left out."""
    names = [path for rel, path in walk(site) if rel.endswith(SITE_SUFFIXES) and rel not in skip]
    # sorted as strings: comparing Path objects costs ten times as much
    return [Path(f) for f in sorted(names, key=lambda f: (f.endswith(".json"), f.split(os.sep)))]


def drop_chinese_name_noise(hits: list[PiiHit], rel: str) -> list[PiiHit]:
    # The Japanese analyser reads Chinese words as names (正在, 上一页); on Chinese pages
    # only names with kana or Latin letters are kept.
    if not (rel.startswith("zh/") or ".zh." in rel):
        return hits
    return [h for h in hits if not (h.kind == "person-name" and CJK_ONLY.match(h.text))]


def block_keys(text: str) -> list[str]:
    """Digests of the blocks of extracted text (see html.BLOCK_BREAK), layout ignored."""
    keys = []
    for block in text.split(BLOCK_BREAK.strip()):
        block = _LAYOUT.sub("", block)
        if block:
            keys.append(hashlib.blake2b(block.encode(), digest_size=8).hexdigest())
    return keys


def read_site_file(path: Path) -> str | None:
    """UTF-8 text (a BOM is dropped), or None: unreadable files are the checker's to report."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except (UnicodeDecodeError, OSError):
        return None


class SiteScan:
    """Hits of a built site, collected file by file."""

    def __init__(self, allowlist: Allowlist | None = None, cache: ScanCache | None = None) -> None:
        # Allowlist entries match by text only here (their path globs name sources).
        self.allowlist = (Allowlist(tuple(AllowEntry(e.text, e.reason, None, e.line) for e in allowlist.entries))
                          if allowlist is not None else None)
        self.cache = cache or ScanCache()
        self.hits: list[PiiHit] = []
        # data-pii="skip" texts of pages, masked in data files; grouped by how they begin (a box's
        # title): an Easy Japanese page's facts box is a text of its own, and checking each of
        # thousands against every search entry grew with the site squared
        self._skipped: dict[str, set[str]] = {}
        # blocks of pages already scanned: a search index entry made only of them holds
        # nothing new (no pattern spans a block break), so it is not scanned again
        self._page_blocks: set[str] = set()

    def add_page(self, rel: str, first_line: int, content: str) -> None:
        """A page's content (see page_content) that starts after `first_line` lines of the file."""
        profile = site_profile_for(rel)
        zh = rel.startswith("zh/")
        entries = [(e.text, e.reason) for e in (self.allowlist.entries if self.allowlist else ())]
        # identical pages (fallback copies, unchanged pages of the last build) are parsed and scanned once
        page = self.cache.memo(["page", profile, zh, entries], content, lambda: self._scan_page(rel, content, profile))
        for skip in page["skipped"]:
            self._skipped.setdefault(skip[:_SKIP_HEAD], set()).add(skip)
        self._page_blocks.update(page["blocks"])
        self.hits.extend(PiiHit(rel, row[0] + first_line, row[1], row[2] + first_line, *row[3:]) for row in page["hits"])

    def _scan_page(self, rel: str, content: str, profile: Profile) -> dict:
        page = html_text(content)
        hits = drop_chinese_name_noise(self._scan_blocks(page.text, rel, profile), rel)
        return {"hits": [to_row(h) for h in hits], "skipped": page.skipped, "blocks": sorted(set(block_keys(page.text)))}

    def add_file(self, path: Path, rel: str) -> None:
        source = read_site_file(path)
        if source is not None:
            self.add_source(rel, source)

    def add_source(self, rel: str, source: str) -> None:
        """A file's text as it was when written (rel: its path in the site)."""
        if rel.endswith((".html", ".htm")):
            self.add_page(rel, *page_content(source))
        elif rel.endswith(".csv"):
            profile = site_profile_for(rel)
            self.hits.extend(drop_chinese_name_noise(self.cache.scan(source, rel, profile, self.allowlist), rel))
        else:
            self._scan_json(source, rel)

    def _scan_blocks(self, text: str, rel: str, profile: Profile) -> list[PiiHit]:
        """Block by block (runs of non-blank lines): pages in different languages share most
        blocks (fallback text, shared tables) and differ only in notices and labels."""
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
            for h in self.cache.scan("\n".join(lines[start:end]), rel, profile, self.allowlist):
                hits.append(PiiHit(rel, h.line + start, h.column, h.end_line + start, h.end_column, h.kind,
                                   h.severity, h.text, h.allowed_reason))
            start = end
        return hits

    def _scan_json(self, source: str, rel: str) -> None:
        # Values come from the parsed tree; where a literal starts is looked up only for a hit.
        values, literals = json_values(source), None
        if values is None:  # not JSON: every string literal of the text
            literals = json_strings(source)
            values = [(s.value, s.location) for s in literals]
        hits = self._json_hits(values, rel)
        if not hits:
            return
        literals = literals or json_strings(source)
        lines = LineIndex(source)
        for i, h in hits:
            # Escaped newlines make in-string lines meaningless: point at the literal.
            line, column = lines.position(literals[i].offset)
            self.hits.append(PiiHit(rel, line, column, line, column, h.kind, h.severity, h.text, h.allowed_reason))

    def _json_hits(self, values: list[tuple[str, str | None]], rel: str) -> list[tuple[int, PiiHit]]:
        """(index of the value, hit) for string values of a JSON file."""
        hits: list[tuple[int, PiiHit]] = []
        for i, (value, location) in enumerate(values):
            text = strip_tags(value) if "<" in value or "&" in value else value
            for head, group in self._skipped.items():
                if head in text:
                    for skip in group:
                        if skip in text:
                            text = text.replace(skip, " " * len(skip))
            keys = block_keys(text)
            if keys and self._page_blocks.issuperset(keys):
                continue
            # A search index entry takes the profile of the page it indexes.
            profile = site_profile_for(location if location is not None else rel)
            found = self.cache.scan(text, rel, profile, self.allowlist)
            hits += [(i, h) for h in drop_chinese_name_noise(found, location or rel)]
        return hits
