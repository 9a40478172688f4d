"""The anonymisation gate in the check and the build.

Sources (docs/, casebook/, courses/) are scanned by `bansou check`, so CI and the build
fail on a leak; after the build every generated page, CSV and JSON file is scanned too,
and a leak there deletes the output instead of publishing it.
"""
from __future__ import annotations

from .. import codes
from ..findings import Finding
from ..pii import KINDS, PiiHit, load_allowlist, scan_paths, scan_site
from ..pii.cli import mask

# skipped by `mkdocs serve`: the preview is never published; sources are still checked on every rebuild
SKIP_WHEN_SERVING = True

SOURCE_DIRS = ("docs", "casebook", "courses")


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


def check(project) -> list[Finding]:
    root = project.root
    targets = [root / d for d in SOURCE_DIRS if (root / d).is_dir()]
    return [to_finding(h) for h in scan_paths(targets, root) if h.allowed_reason is None]


def finalize(project, site_dir) -> list[Finding]:
    hits = scan_site(site_dir, load_allowlist(project.root))
    return [to_finding(h) for h in hits if h.allowed_reason is None and h.severity == "block"]
