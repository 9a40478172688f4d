"""UI strings from data/ui.yml (labels for every language live in YAML, not in code)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

_PATH = Path(__file__).parent / "data" / "ui.yml"


@lru_cache(maxsize=1)
def strings() -> dict[str, dict[str, str]]:
    return yaml.safe_load(_PATH.read_text(encoding="utf-8"))


def t(key: str, lang: str, **params: object) -> str:
    entry = strings()[key]
    text = entry.get(lang) or entry.get("en") or entry["ja"]
    return text.format(**params) if params else text


def label(mapping: dict, lang: str) -> str:
    """Pick a language from a {lang: text} mapping of content data."""
    return str(mapping.get(lang) or mapping.get("en") or mapping.get("ja") or next(iter(mapping.values()), ""))
