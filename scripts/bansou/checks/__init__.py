"""Cross-file checks over a loaded project. Each returns findings; none prints."""
from __future__ import annotations

from ..findings import Finding
from . import links, references


def run_all(project) -> list[Finding]:
    findings: list[Finding] = []
    findings += references.check(project)
    findings += links.check(project)
    return findings
