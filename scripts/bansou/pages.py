"""Pages the site adds to docs/: as plain data (source name → file or Markdown text),
so the MkDocs adapter only has to hand them over."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ExtraPage:
    src_uri: str  # as MkDocs sees it, e.g. casebook/case-001.en.md
    abs_path: Path | None  # a real file, or
    content: str | None  # generated Markdown


def suffixed(site_path: str, lang: str, default: str) -> str:
    """Source name of a page in one language (static-i18n suffix layout)."""
    return f"{site_path}.md" if lang == default else f"{site_path}.{lang}.md"


def extra_pages(project) -> list[ExtraPage]:
    from .features import modules
    pages: list[ExtraPage] = []
    for mod in modules():
        if hasattr(mod, "extra_pages"):
            pages += mod.extra_pages(project)
    return pages
