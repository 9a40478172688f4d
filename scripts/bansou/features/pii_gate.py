"""The anonymisation gate in the check and the build.

Sources (docs/, casebook/, courses/) are scanned by `bansou check`, so CI and the build
fail on a leak; after the build every generated page, CSV and JSON file is scanned too,
and a leak there deletes the output instead of publishing it.

In `mkdocs build` both scans run in a second process while MkDocs renders (BACKGROUND_CHECK):
sources from the start, each page once written, a language's search index after its build,
other files at the end.
`finalize` collects the hits; a leak anywhere still deletes the output.
Results are kept in .cache/bansou/pii-scan.json, so unchanged text is not scanned again.
"""
from __future__ import annotations

import os
from pathlib import Path

from .. import codes
from ..findings import Finding
from ..pii import KINDS, PiiHit, ScanCache, load_allowlist, scan_paths, scan_site
from ..pii.background import BackgroundScan, ScanFailed
from ..pii.cli import mask
from .search import index_path

# skipped by `mkdocs serve`: the preview is never published; sources are still checked on every rebuild
SKIP_WHEN_SERVING = True
BACKGROUND_CHECK = True

SOURCE_DIRS = ("docs", "casebook", "courses")
_running: dict[Path, BackgroundScan] = {}  # site dir → the scan of the build writing it
_digests: dict[Path, dict[str, str]] = {}  # site dir → its pages' digests, from the finished scan

codes.define(
    "pii-scan-failed", "error",
    "個人情報の検査が最後まで動かなかったため、サイトを公開できません: {detail}",
    "The personal-data scan did not finish, so the site cannot be published: {detail}",
    "もう一度ビルドしてください。続くときは `bansou pii` を実行し、その出力を添えて報告してください。",
    "Build again. If it happens again, run `bansou pii` and report its output.",
    "",
)


def code_for(kind: str) -> str:
    return f"pii-{kind}"


for _kind, _info in KINDS.items():
    codes.define(
        code_for(_kind), "error" if _info.severity_default == "block" else "warning",
        _info.message_ja + "(「{masked}」)", _info.message_en + " ('{masked}')",
        _info.hint_ja + " 誤検出なら、理由を書いて <!-- pii-allow: 理由 --> を行末に付けるか pii-allow.yml に登録します。",
        _info.hint_en + " If it is a false alarm, add <!-- pii-allow: reason --> at the end of the line or an entry with a reason in pii-allow.yml.",
        _info.example,
    )


def to_finding(hit: PiiHit) -> Finding:
    severity = "error" if hit.severity == "block" else "warning"
    return codes.make(code_for(hit.kind), hit.path, hit.line, hit.column, severity=severity, masked=mask(hit.text))


def _source_dirs(root: Path) -> list[Path]:
    return [root / d for d in SOURCE_DIRS if (root / d).is_dir()]


def _source_findings(hits: list[PiiHit]) -> list[Finding]:
    return [to_finding(h) for h in hits if h.allowed_reason is None]


def _site_findings(hits: list[PiiHit]) -> list[Finding]:
    return [to_finding(h) for h in hits if h.allowed_reason is None and h.severity == "block"]


def check(project) -> list[Finding]:
    cache = ScanCache.for_project(project.root)
    findings = _source_findings(scan_paths(_source_dirs(project.root), project.root, cache))
    cache.save()
    return findings


def build_start(project, site_dir: Path) -> None:
    build_error(project, site_dir)  # a scan left over from a build that never finished
    _digests.pop(Path(os.path.abspath(site_dir)), None)
    _running[Path(os.path.abspath(site_dir))] = BackgroundScan(project.root, site_dir, _source_dirs(project.root))


def page_written(project, dest: Path, html: str, deferred: list[str]) -> None:
    if not html or html.isspace():  # what MkDocs's `not output.strip()` means, without copying the page
        return  # MkDocs does not write an empty page
    path = os.path.abspath(dest)  # not resolve(): this runs for every page
    for scan in _running.values():
        rel = scan.owns(path)
        if rel is not None:
            scan.page(rel, deferred)


def post_build(project, site_dir: Path, lang: str) -> None:
    path = os.path.abspath(site_dir) + os.sep
    for scan in _running.values():
        if scan.owns(path) is not None:
            # this language's pages and search index, while the next language renders; the
            # rest (data downloads, 404 pages) is read once at the end, without a walk of the
            # whole site after every language
            scan.pages_written()
            scan.files([index_path(site_dir, lang)])


def finalize(project, site_dir) -> list[Finding]:
    scan = _running.pop(Path(os.path.abspath(site_dir)), None)
    if scan is None:  # no background scan (sources were checked by load_project)
        cache = ScanCache.for_project(project.root)
        findings = _site_findings(scan_site(site_dir, load_allowlist(project.root), cache))
        cache.save()
        return findings
    try:
        results = scan.finish()
    except ScanFailed as exc:
        return [codes.make("pii-scan-failed", str(site_dir), None, None, detail=str(exc))]
    _digests[Path(os.path.abspath(site_dir))] = results.pages
    return _source_findings(results.sources) + _site_findings(results.site)


def page_digests(site_dir: Path) -> dict[str, str]:
    """SHA-256 of every page the finished scan read and left as published, with its deferred
    rewrites applied (site path → hex); {} without a background scan. The worker read each page
    anyway: csp and offline need not read the whole site again."""
    return _digests.get(Path(os.path.abspath(site_dir)), {})


def build_error(project, site_dir: Path) -> None:
    scan = _running.pop(Path(os.path.abspath(site_dir)), None)
    if scan is not None:
        scan.stop()
