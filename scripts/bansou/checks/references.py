"""References by id or path in front matter and data files resolve."""
from __future__ import annotations

from .. import codes
from ..findings import Finding

_HINTS = {
    "pages": ("handbook のページは docs/ からのパスを .md なしで書きます(例:poverty/public-assistance)。",
              "Handbook pages are written as their path under docs/ without .md (e.g. poverty/public-assistance)."),
    "cases": ("事例は ID で書きます(例:case-001)。", "Cases are written by id (e.g. case-001)."),
    "modules": ("モジュールは ID で書きます(例:intro-m01)。", "Modules are written by id (e.g. intro-m01)."),
}


def check(project) -> list[Finding]:
    findings: list[Finding] = []
    pages = {p for p in project.articles}
    targets = {"pages": pages, "cases": set(project.cases), "modules": set(project.modules)}
    for doc in project.documents():
        related = getattr(doc, "related", None)
        if related is None:
            continue
        for kind in ("pages", "cases", "modules"):
            for i, ref in enumerate(getattr(related, kind)):
                if ref not in targets[kind]:
                    line = doc.line_of("related", kind, i)
                    ja, en = _HINTS[kind]
                    findings.append(codes.make("ref-missing", doc.rel, line, None, field=f"related.{kind}",
                                               ref=ref, ref_hint_ja=ja, ref_hint_en=en))
    systems = project.vocab.get("systems")
    if systems:
        for value in systems.values.values():
            if value.page and value.page not in pages:
                ja, en = _HINTS["pages"]
                findings.append(codes.make("ref-missing", systems.rel, None, None, field=f"systems.{value.id}.page",
                                           ref=value.page, ref_hint_ja=ja, ref_hint_en=en))
    for term in project.glossary:
        if term.page not in pages:
            ja, en = _HINTS["pages"]
            findings.append(codes.make("ref-missing", "docs/glossary.yml", term.line, None,
                                       field=f"{term.id}.page", ref=term.page, ref_hint_ja=ja, ref_hint_en=en))
    return findings
