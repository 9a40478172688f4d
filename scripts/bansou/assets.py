"""The features' CSS and JavaScript, shipped as one file of each kind.

Thirteen small files (a11y.css, courses.js, …) cost a reader on a slow connection thirteen
requests on the first visit, and every page's template writes thirteen tags. The files stay
separate in overrides/assets/bansou/ for contributors; the site gets one stylesheet and one
script, named by a hash of their content, so a browser never keeps an old one after an update.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

BUNDLE_DIR = "assets/bansou"


@dataclass(frozen=True)
class Bundle:
    path: str  # in the site, e.g. assets/bansou/bansou.1a2b3c4d.css
    content: str


@dataclass(frozen=True)
class Bundles:
    files: list[Bundle]
    parts: list[str]  # the asset paths that went into them
    missing: list[str]  # declared by a feature, not found in the theme directory


def bundle(theme_dir: Path | None, assets: list[str]) -> Bundles:
    """One .css and one .js from the assets (paths under theme_dir), in the order given."""
    parts: dict[str, list[str]] = {"css": [], "js": []}
    found, missing = [], []
    for rel in dict.fromkeys(assets):  # order kept, repeats dropped
        path = theme_dir / rel if theme_dir is not None else None
        if path is None or not path.is_file():
            missing.append(rel)
            continue
        kind = "css" if rel.endswith(".css") else "js"
        parts[kind].append(f"/* {rel} */\n{path.read_text(encoding='utf-8').strip()}\n")
        found.append(rel)
    files = []
    for kind, texts in parts.items():
        if texts:
            # ";" between scripts: each is a function expression, and a file that ends without
            # one must not run into the next
            content = (";\n" if kind == "js" else "\n").join(texts)
            digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:10]
            files.append(Bundle(f"{BUNDLE_DIR}/bansou.{digest}.{kind}", content))
    return Bundles(files, found, missing)
