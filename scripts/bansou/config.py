"""Project configuration, read from mkdocs.yml without importing MkDocs.

mkdocs.yml stays the single place where languages and our options are set; the core
reads it with a YAML loader that ignores MkDocs' !!python and !ENV tags.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml


class _TolerantLoader(yaml.SafeLoader):
    pass


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)
_TolerantLoader.add_multi_constructor("!", _ignore_tag)


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    default: bool = False


@dataclass(frozen=True)
class ProjectConfig:
    root: Path
    languages: tuple[Language, ...]
    k_anonymity: int = 3
    review_interval_days: int = 365
    today: dt.date = field(default_factory=dt.date.today)
    repo_url: str = ""
    edit_branch: str = "main"

    @property
    def default_language(self) -> str:
        for lang in self.languages:
            if lang.default:
                return lang.code
        return self.languages[0].code

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    @property
    def translation_languages(self) -> tuple[str, ...]:
        return tuple(c for c in self.language_codes if c != self.default_language)

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def casebook_dir(self) -> Path:
        return self.root / "casebook"

    @property
    def courses_dir(self) -> Path:
        return self.root / "courses"


def _plugin_options(plugins: object, name: str) -> dict | None:
    if not isinstance(plugins, list):
        return None
    for item in plugins:
        if item == name:
            return {}
        if isinstance(item, dict) and name in item:
            return item[name] or {}
    return None


def today_from_env(value: object = None) -> dt.date:
    """'Today' can be injected (BANSOU_TODAY or the plugin's `today` option) so tests never use the wall clock."""
    raw = os.environ.get("BANSOU_TODAY") or value
    if isinstance(raw, dt.date):
        return raw
    if raw:
        return dt.date.fromisoformat(str(raw))
    return dt.date.today()


def load_config(root: Path | str = ".") -> ProjectConfig:
    root = Path(root).resolve()
    mkdocs_yml = root / "mkdocs.yml"
    data: dict = {}
    if mkdocs_yml.exists():
        data = yaml.load(mkdocs_yml.read_text(encoding="utf-8-sig"), Loader=_TolerantLoader) or {}
    plugins = data.get("plugins")
    i18n = _plugin_options(plugins, "i18n") or {}
    languages = tuple(
        Language(code=str(lang.get("locale")), name=str(lang.get("name", lang.get("locale"))),
                 default=bool(lang.get("default", False)))
        for lang in i18n.get("languages", []) if isinstance(lang, dict) and lang.get("locale")
    ) or (Language("ja", "日本語", True),)
    opts = _plugin_options(plugins, "bansou") or {}
    return ProjectConfig(
        root=root,
        languages=languages,
        k_anonymity=int(opts.get("k_anonymity", 3)),
        review_interval_days=int(opts.get("review_interval_days", 365)),
        today=today_from_env(opts.get("today")),
        repo_url=str(data.get("repo_url") or ""),
        edit_branch=str(opts.get("edit_branch", "main")),
    )
