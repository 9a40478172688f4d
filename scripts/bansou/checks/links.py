"""Links between pages resolve, and so do their #anchors, in every language."""
from __future__ import annotations

import posixpath
import re

from .. import codes
from ..findings import Finding
from ..markdown_scan import heading_ids, links

_EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")


def check(project) -> list[Finding]:
    findings: list[Finding] = []
    pages = project.page_paths()
    anchors_cache: dict[tuple[str, str], list[str]] = {}

    def anchors(site_path: str, lang: str) -> list[str] | None:
        key = (site_path, lang)
        if key not in anchors_cache:
            doc = project.document_at(site_path)
            if doc is None:
                return None  # generated page: anchors are not known ahead of the build
            tr = doc.translations.get(lang)
            anchors_cache[key] = heading_ids(tr.body if tr else doc.body)
        return anchors_cache[key]

    for doc in project.documents():
        variants = [(project.config.default_language, doc.rel, doc.body, doc.body_line)]
        variants += [(lang, tr.rel, tr.body, tr.body_line) for lang, tr in doc.translations.items()]
        for lang, rel, body, first_line in variants:
            for link in links(body, first_line):
                findings += _check_link(project, doc.site_path, lang, rel, link, pages, anchors)
    return findings


def _check_link(project, site_path, lang, rel, link, pages, anchors) -> list[Finding]:
    target = link.target
    if _EXTERNAL.match(target) or target.startswith("/"):
        return []
    path_part, _, anchor = target.partition("#")
    if not path_part:
        found = anchors(site_path, lang)
        if anchor and found is not None and anchor not in found:
            return [codes.make("anchor-missing", rel, link.line, link.column, target=target, anchor=anchor,
                               available=", ".join(found[:15]))]
        return []
    base_dir = posixpath.dirname(site_path)
    resolved = posixpath.normpath(posixpath.join(base_dir, path_part))
    if path_part.endswith(".md"):
        page = resolved[:-3]
        if page not in pages:
            return [codes.make("link-missing", rel, link.line, link.column, target=path_part)]
        if anchor:
            found = anchors(page, lang)
            if found is not None and anchor not in found:
                return [codes.make("anchor-missing", rel, link.line, link.column, target=path_part,
                                   anchor=anchor, available=", ".join(found[:15]))]
        return []
    # assets (images, PDFs) live under docs/
    if not (project.config.docs_dir / resolved).exists() and resolved.rstrip("/") not in pages \
            and f"{resolved.rstrip('/')}/index" not in pages:
        return [codes.make("link-missing", rel, link.line, link.column, target=path_part)]
    return []
