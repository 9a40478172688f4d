"""Offline reading (issue 10): a service worker at the site root, versioned per build.

finalize() writes
  sw.js                  — scripts/bansou/data/offline/sw.js with this build's id, so a new
                           build or edition starts a fresh cache and drops the old one;
  offline/manifest.json  — per language, what the worker keeps on the first visit: the home
                           page, the checklists, the search index and the search worker files.
Visited pages and their files are kept as the reader goes. The worker is registered by
assets/bansou/offline.js.

Why no downloadable archive for file://: browsers run no service worker and refuse fetch()
on file:// pages, so Material's search (a worker loading a JSON index) cannot work there,
and static-i18n's language switcher links to directory URLs (…/en/) that a file:// browser
opens as folder listings. A zip would be a broken copy of the site; the service worker
gives readers the same pages, working search included. Printable checklists and PDF
handouts (`bansou handout`) cover paper use.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from ..sitewalk import walk
from .pii_gate import page_digests
from .search import SEARCH_LANG, index_path

# skipped by `mkdocs serve`: a service worker would keep stale pages in the author's preview
SKIP_WHEN_SERVING = True

ASSETS = ["assets/bansou/offline.js"]

TEMPLATE = Path(__file__).resolve().parents[1] / "data" / "offline" / "sw.js"
BUILD_MARK = "__BANSOU_BUILD__"
_WORKER = re.compile(r'"search":\s*"([^"]+)"')


def build_id(site_dir: Path, known: dict[str, str] | None = None) -> str:
    """Hash of every published file: equal sites share a cache, any change starts a new one.
    known: SHA-256 (hex) of files already hashed as written (the pages, by the PII gate's worker)."""
    known = known or {}
    digest = hashlib.sha256()
    for rel, path in sorted(walk(site_dir)):
        if rel in ("sw.js", "offline/manifest.json"):
            continue
        part = known.get(rel)
        if part is None:
            with open(path, "rb") as f:
                part = hashlib.sha256(f.read()).hexdigest()
        digest.update(f"{rel}\0{part}\0".encode("utf-8"))
    return digest.hexdigest()[:16]


def _prefix(project, lang: str) -> str:
    return "" if lang == project.config.default_language else f"{lang}/"


def _worker_url(site_dir: Path, prefix: str) -> str | None:
    """The search worker URL exactly as the language's pages request it (with its query)."""
    home = site_dir / prefix / "index.html"
    if not home.exists():
        return None
    m = _WORKER.search(home.read_text(encoding="utf-8"))
    if m is None:
        return None
    url = m.group(1)
    return url[3:] if prefix and url.startswith("../") else url


def precache_list(project, site_dir: Path, lang: str) -> list[str]:
    prefix = _prefix(project, lang)
    paths = [prefix] if (site_dir / prefix / "index.html").exists() else []
    checklists = site_dir / prefix / "checklists"
    if checklists.is_dir():
        paths += sorted(f"{prefix}checklists/{d.name}/" for d in checklists.iterdir()
                        if (d / "index.html").exists())
    if index_path(site_dir, lang).exists():
        paths.append(index_path(site_dir, lang).relative_to(site_dir).as_posix())
    worker = _worker_url(site_dir, prefix)
    if worker:
        paths.append(worker)
        material = worker.split("material=", 1)[-1]
        paths.append(f"assets/javascripts/workers/{material}")
    lunr_langs, _ = SEARCH_LANG.get(lang, (["en"], []))
    lunr = ["lunr/min/lunr.stemmer.support.min.js", "lunr/min/lunr.multi.min.js"]
    lunr += [f"lunr/min/lunr.{code}.min.js" for code in lunr_langs]
    if "ja" in lunr_langs:
        lunr.append("lunr/tinyseg.js")
    paths += [f"assets/javascripts/{p}" for p in lunr if (site_dir / "assets" / "javascripts" / p).exists()]
    return paths


def finalize(project, site_dir: Path) -> None:
    if not (site_dir / "index.html").exists():
        return
    manifest = {"build": build_id(site_dir, page_digests(site_dir)),
                "languages": {lang: precache_list(project, site_dir, lang)
                              for lang in project.config.language_codes}}
    (site_dir / "offline").mkdir(exist_ok=True)
    (site_dir / "offline" / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    (site_dir / "sw.js").write_text(
        TEMPLATE.read_text(encoding="utf-8").replace(BUILD_MARK, manifest["build"]), encoding="utf-8")
