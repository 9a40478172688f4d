"""The gate in a second process, so a build does not wait for it.

MkDocs renders on one core. While it does, a worker process scans the sources and every
page soon after it is written; at the end the build only waits for what is left. The
worker runs the same code as `bansou check` and `scan_site` (sources through scan_paths,
the site through SiteScan) with the project's result cache, so the hits are the same.

The build hands over a page's path, not its text: the worker reads the file (MkDocs writes
a page after its last event, so a page is handed over once the next one starts, or when the
language is done). Rewrites a feature left for later (furigana) are applied to the file
first, then the page is scanned as it is published.
"""
from __future__ import annotations

import hashlib
import importlib
import multiprocessing as mp
import os
import queue
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .allow import load_allowlist
from .cache import ScanCache
from .hits import PiiHit
from .site import SiteScan, page_content, read_site_file, site_files

_POLL_SECONDS = 1.0
_BATCH = 16  # pages per message: fewer wake-ups of the worker, a short wait at the end


class ScanFailed(Exception):
    """The worker stopped without an answer; the build must not be published unchecked."""


@dataclass(frozen=True)
class Results:
    sources: list[PiiHit]
    site: list[PiiHit]
    pages: dict[str, str]  # site path → SHA-256 of each page as published (the offline build id uses them)


def _context() -> mp.context.BaseContext:
    # fork starts in milliseconds and shares the imported code; spawn where there is no fork
    return mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")


class BackgroundScan:
    """Feed it sources, pages and files in build order; `finish` returns every hit."""

    def __init__(self, root: Path, site_dir: Path, source_dirs: list[Path]) -> None:
        self.site_dir = Path(os.path.abspath(site_dir))  # as MkDocs writes paths (no symlinks resolved)
        self._sent: dict[str, tuple[int, int] | None] = {}  # site path → file signature (None: a page)
        self._ready: list[tuple[str, tuple[str, ...]]] = []  # pages on disk, not yet handed over
        self._writing: tuple[str, tuple[str, ...]] | None = None  # the page MkDocs writes next
        ctx = _context()
        self._tasks = ctx.Queue()  # unbounded: put() never makes the build wait for the worker
        self._results = ctx.Queue()
        self._process = ctx.Process(target=_work, args=(Path(root), self.site_dir, self._tasks, self._results),
                                    name="bansou-pii", daemon=True)
        self._process.start()
        self._tasks.put(("sources", [str(p) for p in source_dirs]))

    def owns(self, path: str) -> str | None:
        """The site path of a file this build writes (an absolute path), or None."""
        prefix = str(self.site_dir) + os.sep
        return path[len(prefix):].replace(os.sep, "/") if path.startswith(prefix) else None

    def page(self, rel: str, rewrites: list[str] | tuple[str, ...] = ()) -> None:
        """A page MkDocs is about to write (rel: its path in the site). rewrites: "module:function"
        names (html -> html) the worker applies to the file before scanning it."""
        self._sent[rel] = None
        if self._writing is not None:
            self._ready.append(self._writing)  # MkDocs writes one page at a time
        self._writing = (rel, tuple(rewrites))
        if len(self._ready) >= _BATCH:
            self._hand_over()

    def pages_written(self) -> None:
        """Every page so far is on disk (a language's build is done)."""
        if self._writing is not None:
            self._ready.append(self._writing)
            self._writing = None
        self._hand_over()

    def _hand_over(self) -> None:
        if self._ready:
            self._tasks.put(("pages", self._ready))
            self._ready = []

    def files(self, paths: list[Path]) -> None:
        """These files as they are now (a later language's build may rewrite them); missing ones are skipped."""
        for path in paths:
            self._hand_over_file(path)

    def new_files(self) -> None:
        """Every file written since, pages excepted (they were handed over as written)."""
        pages = {rel for rel, signature in self._sent.items() if signature is None}
        for path in site_files(self.site_dir, skip=pages):
            self._hand_over_file(path)

    def _hand_over_file(self, path: Path) -> None:
        rel = self.owns(str(path)) or Path(os.path.abspath(path)).relative_to(self.site_dir).as_posix()
        if rel in self._sent and self._sent[rel] is None:
            return  # a page
        try:
            st = path.stat()
        except OSError:
            return
        signature = (st.st_mtime_ns, st.st_size)
        if self._sent.get(rel) != signature:
            self._sent[rel] = signature
            # the text as it is now, read here: the worker may get to it after a rewrite
            source = read_site_file(path)
            if source is not None:
                self._tasks.put(("file", rel, source))

    def finish(self) -> Results:
        self.pages_written()
        self.new_files()
        self._tasks.put(("finish",))
        while True:
            try:
                kind, payload = self._results.get(timeout=_POLL_SECONDS)
                break
            except queue.Empty:  # still working, unless the worker died
                if not self._process.is_alive():
                    raise ScanFailed(f"the scan process stopped (exit code {self._process.exitcode})") from None
        self._process.join()
        if kind == "error":
            raise ScanFailed(payload)
        return payload

    def stop(self) -> None:
        """The build failed for another reason: end the worker without waiting."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()


def _rewrite(name: str) -> Callable[[str], str]:
    module, _, function = name.partition(":")
    return getattr(importlib.import_module(module), function)


def _page(site: SiteScan, site_dir: Path, rel: str, rewrites: tuple[str, ...]) -> str:
    """Rewrite and scan one written page; the digest of the file as it is left."""
    path = site_dir / rel
    html = read_site_file(path)
    if html is None:  # the gate fails closed: an unread page is not published
        raise RuntimeError(f"{rel}: the page was not written or cannot be read as UTF-8")
    data = None
    if rewrites:
        new = html
        for name in rewrites:
            new = _rewrite(name)(new)
        if new != html:
            data = new.encode("utf-8", errors="xmlcharrefreplace")  # as MkDocs writes pages
            path.write_bytes(data)
            html = new
    site.add_page(rel, *page_content(html))
    # MkDocs writes pages without a BOM, so this is the hash of the file's bytes
    return hashlib.sha256(data if data is not None else html.encode("utf-8")).hexdigest()


def _work(root: Path, site_dir: Path, tasks, results) -> None:
    try:
        cache = ScanCache.for_project(root)
        allowlist = load_allowlist(root)
        site = SiteScan(allowlist, cache)
        sources: list[PiiHit] = []
        pages: dict[str, str] = {}
        while True:
            task = tasks.get()
            if task[0] == "sources":
                from . import scan_paths
                sources = scan_paths([Path(p) for p in task[1]], root, cache)
            elif task[0] == "pages":
                for rel, rewrites in task[1]:
                    pages[rel] = _page(site, site_dir, rel, rewrites)
            elif task[0] == "file":
                site.add_source(task[1], task[2])
            else:
                cache.save()
                results.put(("ok", Results(sources, site.hits, pages)))
                return
    except Exception as exc:  # reported by the build as one plain line, never a traceback
        results.put(("error", "".join(traceback.format_exception_only(exc)).strip()))
