"""Scan results kept between runs, keyed by what decides them.

A hit depends only on the text, the profile, whether YAML comments may hold markers, the
allowlist entries that apply and the scanner itself (its code, its name list and the
dictionary). The key hashes all of these, so a changed rule, list or dictionary starts
from an empty cache instead of reusing stale answers. Hits are stored without their path
and take the caller's path on the way out: one block of text shared by many pages is
scanned once. `memo` keeps other derived values the same way (a built page's hits).
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Callable

from .allow import Allowlist
from .hits import PiiHit
from .profiles import Profile

CACHE_FILE = ".cache/bansou/pii-scan.json"
DISABLE_ENV = "BANSOU_PII_CACHE"  # "0": scan everything again, keep nothing
# Entries not used by the last run are kept up to this many, so scanning one file
# does not forget the rest of the project.
KEEP_UNUSED = 50_000
_MISSING = object()


@lru_cache(maxsize=1)
def scanner_id() -> str:
    """Changes whenever anything that decides a hit changes."""
    digest = hashlib.sha256()
    package = resources.files("bansou")
    for name in sorted(p.name for p in package.joinpath("pii").iterdir() if p.name.endswith(".py")):
        digest.update(name.encode() + package.joinpath("pii", name).read_bytes())
    digest.update(package.joinpath("data/migrant_surnames.txt").read_bytes())
    for dist in ("sudachipy", "sudachidict_core"):
        try:
            digest.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{dist}=missing".encode())
    return digest.hexdigest()[:16]


class ScanCache:
    """scan_text with memory: in this process always, across runs when given a file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if os.environ.get(DISABLE_ENV, "1") != "0" else None
        self._old: dict[str, list] = self._load()
        self._used: dict[str, list] = {}
        self.hits = self.misses = 0

    @classmethod
    def for_project(cls, root: Path) -> ScanCache:
        return cls(Path(root) / CACHE_FILE)

    def _load(self) -> dict[str, list]:
        if self.path is None or not self.path.is_file():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # a damaged cache is only a slower run
        if not isinstance(data, dict) or data.get("scanner") != scanner_id():
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def memo(self, parts: list, text: str, compute: Callable[[], Any]) -> Any:
        """compute() (a JSON value) for this text, or what it gave before for the same parts and text."""
        head = json.dumps([scanner_id(), *parts], ensure_ascii=False)
        key = hashlib.sha256(head.encode() + b"\0" + text.encode()).hexdigest()
        value = self._used.get(key, self._old.get(key, _MISSING))
        if value is _MISSING:
            self.misses += 1
            value = compute()
        else:
            self.hits += 1
        self._used[key] = value
        return value

    def scan(self, text: str, path: str, profile: Profile, allowlist: Allowlist | None) -> list[PiiHit]:
        from .scan import scan_text  # the scanner loads its dictionary lazily
        entries = [(e.text, e.reason) for e in (allowlist.entries if allowlist else ()) if e.applies_to(path)]
        parts = ["text", profile, path.endswith((".yml", ".yaml")), entries]
        rows = self.memo(parts, text, lambda: [to_row(h) for h in scan_text(text, path, profile, allowlist)])
        return [PiiHit(path, *row) for row in rows]

    def save(self) -> None:
        if self.path is None or (self.misses == 0 and self._old):
            return  # every answer came from the file: it already holds them
        entries = dict(self._used)
        unused = [k for k in self._old if k not in entries]
        for key in unused[:KEEP_UNUSED]:
            entries[key] = self._old[key]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # written next to the target and renamed: parallel builds never read half a file
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".pii-scan-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump({"scanner": scanner_id(), "entries": entries}, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, self.path)
        except OSError:
            Path(tmp).unlink(missing_ok=True)  # a read-only checkout scans again next time


def to_row(hit: PiiHit) -> list:
    """A hit without its path, as stored."""
    return [hit.line, hit.column, hit.end_line, hit.end_column, hit.kind, hit.severity, hit.text, hit.allowed_reason]
