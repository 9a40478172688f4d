"""UI strings from data/ui/*.yml (labels for every language live in YAML, not in code).

Each feature keeps its strings in its own file; keys are unique across files.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

UI_DIR = Path(__file__).parent / "data" / "ui"


@lru_cache(maxsize=1)
def strings() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for path in sorted(UI_DIR.glob("*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
        for key, value in data.items():
            if key in merged:
                raise ValueError(f"UI string '{key}' is defined twice ({path.name})")
            merged[key] = value
    return merged


def t(key: str, lang: str, **params: object) -> str:
    entry = strings()[key]
    text = entry.get(lang) or entry.get("en") or entry["ja"]
    return text.format(**params) if params else text


def all_for(lang: str) -> dict[str, str]:
    """Every UI string in one language (for scripts that run in the reader's browser)."""
    return {key: (v.get(lang) or v.get("en") or v["ja"]) for key, v in strings().items()}


def label(mapping: dict, lang: str) -> str:
    """Pick a language from a {lang: text} mapping of content data."""
    return str(mapping.get(lang) or mapping.get("en") or mapping.get("ja") or next(iter(mapping.values()), ""))
