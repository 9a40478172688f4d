"""Sizes read off a built site: bytes, HTML per page, search index per language, transfer estimates."""
from __future__ import annotations

import gzip
import re
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

_REFS = re.compile(r"""<(?:link[^>]*\brel=["']?stylesheet["']?[^>]*\bhref|script[^>]*\bsrc)=["']?([^"'\s>]+)""", re.I)
_REFS_HREF_FIRST = re.compile(r"""<link[^>]*\bhref=["']?([^"'\s>]+)["']?[^>]*\brel=["']?stylesheet""", re.I)


@dataclass(frozen=True)
class HtmlStats:
    pages: int
    max_bytes: int
    median_bytes: int
    max_page: str  # site-relative path of the largest page


def site_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


def html_pages(site: Path) -> list[Path]:
    """Content pages: every index.html (404.html and redirects are not pages a reader browses to)."""
    return sorted(p for p in site.rglob("index.html") if p.is_file())


def page_names(site: Path) -> set[str]:
    """Site-relative paths of the content pages, to compare what two builds rendered."""
    return {p.relative_to(site).as_posix() for p in html_pages(site)}


def html_stats(site: Path, only: Callable[[str], bool] | None = None) -> HtmlStats:
    """Sizes of the content pages (only: those whose site-relative path passes)."""
    sizes = {p: p.stat().st_size for p in html_pages(site)
             if only is None or only(p.relative_to(site).as_posix())}
    if not sizes:
        return HtmlStats(0, 0, 0, "")
    largest = max(sizes, key=sizes.__getitem__)
    return HtmlStats(len(sizes), sizes[largest], int(statistics.median(sizes.values())),
                     largest.relative_to(site).as_posix())


@dataclass(frozen=True)
class Growth:
    page: str
    small_bytes: int  # at the smallest scale
    large_bytes: int  # the same page at the largest scale


def page_growth(small: Path, large: Path, limit: int) -> tuple[Growth | None, list[Growth]]:
    """Pages built at both scales: the one that grew most, and those over `limit` at the large
    scale (with their size at the small one: a page over the limit at both is big because of
    its own content, not because the site grew)."""
    sizes = {p.relative_to(small).as_posix(): p.stat().st_size for p in html_pages(small)}
    both = [Growth(rel, sizes[rel], p.stat().st_size) for p in html_pages(large)
            if (rel := p.relative_to(large).as_posix()) in sizes]
    most = max(both, key=lambda g: g.large_bytes - g.small_bytes, default=None)
    over = sorted((g for g in both if g.large_bytes > limit), key=lambda g: -g.large_bytes)
    return most, over


def search_index_bytes(site: Path) -> dict[str, int]:
    """{lang: bytes} of search/index.<lang>.json (the search feature splits the index per language)."""
    out = {}
    for p in sorted((site / "search").glob("index.*.json")):
        out[p.name[len("index."):-len(".json")]] = p.stat().st_size
    return out


def gzip_bytes(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def referenced_assets(site: Path, page: Path) -> list[Path]:
    """Local CSS and JS files a page loads through <link rel=stylesheet> and <script src>."""
    html = page.read_text(encoding="utf-8", errors="replace")
    out: list[Path] = []
    for ref in [*_REFS.findall(html), *_REFS_HREF_FIRST.findall(html)]:
        parts = urlsplit(ref)
        if parts.scheme or parts.netloc or not parts.path:
            continue  # external (there should be none) or inline
        target = (site / parts.path.lstrip("/")) if parts.path.startswith("/") else (page.parent / parts.path)
        target = target.resolve()
        if target.is_file() and target not in out:
            out.append(target)
    return out


@dataclass(frozen=True)
class Transfer:
    page: str  # site-relative path of the measured page
    first_visit_gzip_bytes: int  # HTML + CSS + JS it references, each gzip-compressed
    repeat_visit_gzip_bytes: int  # HTML only (assets cached)
    assets: list[str]


def transfer(site: Path, page: Path) -> Transfer:
    assets = referenced_assets(site, page)
    html = gzip_bytes(page)
    return Transfer(page.relative_to(site).as_posix(), html + sum(gzip_bytes(a) for a in assets), html,
                    [a.relative_to(site.resolve()).as_posix() for a in assets])
