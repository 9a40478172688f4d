"""Search per language: one index file per language, with page keywords as tags.

Material writes one combined index for all languages (readers then get other languages'
pages and fallback duplicates). After each language's build we keep that language's
entries in search/index.<lang>.json, with the lunr settings that suit the language; our
worker (overrides/assets/javascripts/workers/bansou-search.js) loads only that file.
"""
from __future__ import annotations

import json
from pathlib import Path

# lunr language and pipeline per site language. zh uses the TinySegmenter path ("ja"):
# Material's lunr.zh needs jieba, which we never install. tl/id/ne/my have no lunr
# language; ne/my also drop the trimmer, which would delete Devanagari and Burmese text.
SEARCH_LANG = {
    "ja": (["ja"], ["stemmer"]), "ej": (["ja"], ["stemmer"]), "zh": (["ja"], []),
    "en": (["en"], ["stemmer", "stopWordFilter", "trimmer"]),
    "vi": (["vi"], ["trimmer"]), "es": (["es"], ["stemmer", "stopWordFilter", "trimmer"]),
    "pt-BR": (["pt"], ["stemmer", "stopWordFilter", "trimmer"]),
    "tl": (["en"], ["trimmer"]), "id": (["en"], ["trimmer"]), "ne": (["en"], []), "my": (["en"], []),
}
SEPARATOR = r"[\s\-\u3000、。，．,.।॥၊။]+"


def index_path(site_dir: Path, lang: str) -> Path:
    return site_dir / "search" / f"index.{lang}.json"


def _keywords_by_url(project, lang: str) -> dict[str, list[str]]:
    prefix = "" if lang == project.config.default_language else f"{lang}/"
    out = {}
    for doc in project.documents():
        meta = doc.meta_in(lang)
        words = [str(k) for k in meta.get("keywords") or []]
        if lang != project.config.default_language:
            words += [str(k) for k in doc.meta.get("keywords") or []]  # Japanese terms work everywhere
        if words:
            out[f"{prefix}{doc.site_path}/"] = list(dict.fromkeys(words))
    return out


def language_index(project, entries: list[dict], lang: str) -> dict:
    lunr_lang, pipeline = SEARCH_LANG.get(lang, (["en"], ["trimmer"]))
    keywords = _keywords_by_url(project, lang)
    docs = []
    for entry in entries:
        entry = dict(entry)
        words = keywords.get(entry.get("location", ""))
        if words:  # page entries only, not every section: tags carry a huge boost
            entry["tags"] = words
        docs.append(entry)
    return {"config": {"lang": lunr_lang, "separator": SEPARATOR, "pipeline": pipeline,
                       "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0},
                                  "tags": {"boost": 1000000.0}}},
            "docs": docs}


def search_entries(project, site_dir: Path, lang: str, entries: list[dict]) -> None:
    """This language's entries, just written by the search plugin (the file holds only them)."""
    index = language_index(project, entries, lang)
    # default=str as the search plugin writes them
    index_path(site_dir, lang).write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":"), default=str),
                                          encoding="utf-8")
    # At once as well as at the end: the combined file is never published with entries,
    # so nothing (the PII gate reads each language's new files) has to read them twice.
    _write_stub(site_dir / "search" / "search_index.json")


def _write_stub(combined: Path) -> None:
    """Material's page script still fetches the combined index: it gets one without entries."""
    if combined.exists():
        stub = {"config": {"lang": ["ja"], "separator": SEPARATOR, "pipeline": []}, "docs": []}
        combined.write_text(json.dumps(stub), encoding="utf-8")


def finalize(project, site_dir: Path) -> None:
    """The stub again: after the last language, static-i18n writes every language's entries
    into the combined file."""
    _write_stub(site_dir / "search" / "search_index.json")
