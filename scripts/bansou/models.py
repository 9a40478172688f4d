"""Typed records of the content model. Built from validated front matter / YAML."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Related:
    pages: tuple[str, ...] = ()
    cases: tuple[str, ...] = ()
    modules: tuple[str, ...] = ()

    @classmethod
    def from_meta(cls, meta: object) -> "Related":
        meta = meta if isinstance(meta, dict) else {}
        return cls(tuple(meta.get("pages") or ()), tuple(meta.get("cases") or ()),
                   tuple(meta.get("modules") or ()))


@dataclass
class Translation:
    """A `name.<lang>.md` file tied to its source."""
    lang: str
    rel: str  # project-relative path of the translation file
    abs_path: Path
    meta: dict
    body: str
    body_line: int
    machine_assisted: bool = False
    reviewed: bool = False
    source_hash: str | None = None

    @classmethod
    def from_source(cls, lang: str, rel: str, abs_path: Path, meta: dict, body: str, body_line: int) -> "Translation":
        info = meta.get("translation") or {}
        return cls(lang, rel, abs_path, meta, body, body_line,
                   machine_assisted=bool(info.get("machine_assisted", False)),
                   reviewed=bool(info.get("reviewed", False)),
                   source_hash=info.get("source_hash"))


@dataclass
class Document:
    """Common part of every Markdown source (Japanese original)."""
    rel: str  # project-relative path, e.g. docs/poverty/public-assistance.md
    abs_path: Path
    site_path: str  # path in the site tree without .md, e.g. poverty/public-assistance
    title: str
    meta: dict
    body: str
    body_line: int
    key_lines: dict = field(default_factory=dict, repr=False)  # front-matter key path → file line
    translations: dict[str, Translation] = field(default_factory=dict)

    def line_of(self, *key) -> int | None:
        return self.key_lines.get(tuple(key))

    def title_in(self, lang: str) -> str:
        tr = self.translations.get(lang)
        return str(tr.meta.get("title", self.title)) if tr else self.title

    def meta_in(self, lang: str) -> dict:
        tr = self.translations.get(lang)
        return {**self.meta, **tr.meta} if tr else self.meta


@dataclass
class Article(Document):
    summary: str = ""
    keywords: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    valid_as_of: dt.date | None = None
    reviewed: dt.date | None = None
    review_interval_days: int | None = None
    owners: tuple[str, ...] = ()
    related: Related = field(default_factory=Related)
    checklist: bool = False
    info: bool = False  # home/about pages: not a factual article

    @property
    def section(self) -> str:
        return self.site_path.split("/")[0] if "/" in self.site_path else ""


@dataclass
class Case(Document):
    id: str = ""
    year: int = 0
    facets: dict[str, object] = field(default_factory=dict)  # every vocabulary field, as written
    related: Related = field(default_factory=Related)

    def values(self, facet: str) -> list:
        value = self.facets.get(facet)
        if value is None:
            return []
        return list(value) if isinstance(value, list) else [value]


@dataclass
class Module(Document):
    id: str = ""
    course_id: str = ""
    objectives: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    keypoints: tuple[str, ...] = ()
    teaching_minutes: int = 0
    exercise_minutes: int = 0
    materials: tuple[str, ...] = ()
    related: Related = field(default_factory=Related)

    @property
    def minutes(self) -> int:
        return self.teaching_minutes + self.exercise_minutes


@dataclass(frozen=True)
class Break:
    after: str
    minutes: int
    label: dict


@dataclass
class Course:
    id: str
    rel: str  # courses/<id>/course.yml
    title: dict  # {lang: text}
    audience: dict
    goals: dict
    prerequisites: dict
    start_time: str
    total_minutes: int
    module_ids: tuple[str, ...]
    breaks: tuple[Break, ...]
    day_breaks_after: tuple[str, ...]
    modules: list[Module] = field(default_factory=list)

    def text(self, value: dict, lang: str, default_lang: str = "ja"):
        return value.get(lang) or value.get(default_lang) or next(iter(value.values()), "")


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    term: str
    reading: str
    definition: str
    page: str
    aliases: tuple[str, ...]
    translations: dict  # lang -> {term, definition}
    line: int

    def term_in(self, lang: str) -> str:
        return (self.translations.get(lang) or {}).get("term", self.term)

    def definition_in(self, lang: str) -> str:
        return (self.translations.get(lang) or {}).get("definition", self.definition)


@dataclass(frozen=True)
class VocabValue:
    id: str
    label: dict
    description: dict
    page: str | None


@dataclass
class Vocabulary:
    facet: str
    rel: str
    label: dict
    values: dict[str, VocabValue]

    def label_of(self, value_id: str, lang: str) -> str:
        v = self.values.get(str(value_id))
        if not v:
            return str(value_id)
        return v.label.get(lang) or v.label.get("en") or v.label.get("ja") or str(value_id)
