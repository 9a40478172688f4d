"""Loading the whole project: every source → typed records + findings.

This is the one entry point the CLI, the MkDocs plugin and the tests share.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import codes, schemas
from .config import ProjectConfig, load_config
from .findings import Finding
from .models import (Article, Break, Case, Course, Document, GlossaryTerm, Module, Related, Source,
                     Translation, VocabValue, Vocabulary)
from .sourcefile import SourceText, read_source, read_yaml_file
from .validate import validate

_SUFFIX = re.compile(r"^(?P<base>.+?)\.(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,4})?)\.md$")

# case fields checked against casebook/vocab/<facet>.yml
CASE_FACETS = ("season", "region", "prefecture", "municipality_type", "age_band", "gender",
               "nationality_group", "language", "residence_status", "stay_situation", "household",
               "issue_areas", "systems", "offices", "outcome", "barriers", "accompaniment_effect", "consent")


@dataclass
class Project:
    config: ProjectConfig
    articles: dict[str, Article] = field(default_factory=dict)  # by site path
    cases: dict[str, Case] = field(default_factory=dict)  # by id
    courses: dict[str, Course] = field(default_factory=dict)
    modules: dict[str, Module] = field(default_factory=dict)
    glossary: list[GlossaryTerm] = field(default_factory=list)
    vocab: dict[str, Vocabulary] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    # (document count, site path -> document): rebuilt when documents were added; the build
    # asks once per page, and a scan of every document per page grew with pages squared
    _by_site_path: tuple[int, dict[str, Document]] = field(default=(-1, {}), repr=False, compare=False)

    @property
    def root(self) -> Path:
        return self.config.root

    def documents(self) -> list[Document]:
        return [*self.articles.values(), *self.cases.values(), *self.modules.values()]

    @cached_property
    def extra_pages(self) -> list:
        """Pages the features add (ExtraPage records), computed once per loaded project:
        the link check and every language's build use the same list."""
        from .pages import extra_pages
        return extra_pages(self)

    def page_paths(self) -> set[str]:
        """Every page the site will have (site paths without .md), generated ones included."""
        paths = {d.site_path for d in self.documents()}
        paths |= set(generated_page_paths(self))
        return paths

    def document_at(self, site_path: str) -> Document | None:
        count = len(self.articles) + len(self.cases) + len(self.modules)
        if self._by_site_path[0] != count:
            index: dict[str, Document] = {}
            for doc in self.documents():
                index.setdefault(doc.site_path, doc)  # the first, as a scan would find
            self._by_site_path = (count, index)
        return self._by_site_path[1].get(site_path)

    def cases_for_page(self, site_path: str) -> list[Case]:
        return sorted((c for c in self.cases.values() if site_path in c.related.pages), key=lambda c: c.id)


def generated_page_paths(project: Project) -> list[str]:
    """Site paths of the pages features generate (index pages, listings, ...)."""
    paths = []
    for page in project.extra_pages:
        if page.content is not None:
            base, _lang = split_lang(page.src_uri)
            paths.append(base)
    return paths


def split_lang(name: str) -> tuple[str, str | None]:
    m = _SUFFIX.match(name)
    if not m:
        return name[:-3] if name.endswith(".md") else name, None
    return m.group("base"), m.group("lang")


def _rel(config: ProjectConfig, path: Path) -> str:
    return path.relative_to(config.root).as_posix()


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def load_project(root: Path | str = ".", config: ProjectConfig | None = None, background: bool = False) -> Project:
    """Load and check a project. background: leave the checks of features with
    BACKGROUND_CHECK to their build_start hook (a build runs them alongside rendering)."""
    config = config or load_config(root)
    project = Project(config)
    _load_vocab(project)
    for base_dir, kind in ((config.docs_dir, "article"), (config.casebook_dir, "case"),
                           (config.courses_dir, "module")):
        if base_dir.is_dir():
            _load_markdown_tree(project, base_dir, kind)
    _load_courses(project)
    _load_glossary(project)
    from .checks import run_all  # checks need the loaded project
    project.findings.extend(run_all(project))
    from .features import modules
    for mod in modules():
        if hasattr(mod, "check") and not (background and getattr(mod, "BACKGROUND_CHECK", False)):
            project.findings.extend(mod.check(project))
    return project


# ---------------------------------------------------------------- vocabularies

def _load_vocab(project: Project) -> None:
    vocab_dir = project.config.casebook_dir / "vocab"
    if not vocab_dir.is_dir():
        return
    for path in sorted(vocab_dir.glob("*.yml")):
        rel = _rel(project.config, path)
        doc, findings = read_yaml_file(path, rel)
        project.findings.extend(findings)
        if doc is None:
            continue
        problems = validate(doc.data, schemas.VOCAB, doc, rel)
        project.findings.extend(problems)
        if problems:
            continue
        values = {str(v["id"]): VocabValue(str(v["id"]), v["label"], v.get("description") or {}, v.get("page"))
                  for v in doc.data["values"]}
        project.vocab[doc.data["facet"]] = Vocabulary(doc.data["facet"], rel, doc.data["label"], values)


# ---------------------------------------------------------------- Markdown sources

def _load_markdown_tree(project: Project, base_dir: Path, kind: str) -> None:
    config = project.config
    sources: dict[Path, tuple[SourceText, str]] = {}
    translations: list[tuple[Path, str, SourceText]] = []
    for path in sorted(base_dir.rglob("*.md")):
        if any(part.startswith((".", "_")) for part in path.relative_to(base_dir).parts[:-1]):
            continue
        rel = _rel(config, path)
        base, lang = split_lang(path.name)
        if lang is not None and lang not in config.language_codes:
            project.findings.append(codes.make("lang-unknown", rel, None, None, lang=lang,
                                               allowed=", ".join(config.language_codes)))
            continue
        text, findings = read_source(path, rel)
        project.findings.extend(findings)
        if text is None:
            continue
        source_path = path.with_name(base + ".md")
        if lang is None or lang == config.default_language:
            sources[source_path] = (text, lang or config.default_language)
        else:
            translations.append((source_path, lang, text))

    docs: dict[Path, Document] = {}
    for path, (text, _lang) in sources.items():
        doc = _make_document(project, kind, base_dir, path, text)
        if doc is not None:
            docs[path] = doc
    for source_path, lang, text in translations:
        source = docs.get(source_path)
        if source is None:
            if source_path not in sources:  # a source with its own problems was already reported
                project.findings.append(codes.make("translation-orphan", text.rel, 1, None,
                                                   source=_rel(config, source_path)))
            continue
        _attach_translation(project, kind, source, lang, text)


def _site_path(project: Project, base_dir: Path, path: Path) -> str:
    rel = path.relative_to(base_dir).with_suffix("").as_posix()
    if base_dir == project.config.casebook_dir:
        return f"casebook/{rel}"
    if base_dir == project.config.courses_dir:
        return f"courses/{rel}"
    return rel


def _make_document(project: Project, kind: str, base_dir: Path, path: Path, text: SourceText) -> Document | None:
    meta, rel = text.meta, text.rel
    site_path = _site_path(project, base_dir, path)
    common = dict(rel=rel, abs_path=path, site_path=site_path, title=str(meta.get("title", "")),
                  meta=meta, body=text.body, body_line=text.body_line,
                  key_lines=text.fm.key_lines)
    if kind == "article":
        info = meta.get("type") == "info"
        problems = validate(meta, schemas.INFO_PAGE if info else schemas.ARTICLE, text.fm, rel, default_line=2)
        project.findings.extend(problems)
        if any(p.severity == "error" for p in problems):
            return None
        article = Article(
            **common, info=info, summary=str(meta.get("summary", "")),
            keywords=tuple(meta.get("keywords") or ()),
            sources=tuple(Source(s["title"], s["url"]) for s in meta.get("sources") or ()),
            valid_as_of=_date(meta.get("valid_as_of")), reviewed=_date(meta.get("reviewed")),
            review_interval_days=meta.get("review_interval_days"),
            owners=tuple(meta.get("owners") or ()), related=Related.from_meta(meta.get("related")),
            checklist=bool(meta.get("checklist", False)),
        )
        project.articles[site_path] = article
        return article
    if kind == "case":
        problems = validate(meta, schemas.CASE, text.fm, rel, default_line=2)
        problems += _check_vocab(project, meta, text)
        project.findings.extend(problems)
        if any(p.severity == "error" for p in problems):
            return None
        case = Case(**common, id=meta["id"], year=meta["year"],
                    facets={k: v for k, v in meta.items() if k not in ("title", "summary", "related", "review")},
                    related=Related.from_meta(meta.get("related")))
        if case.id != path.stem:
            project.findings.append(codes.make("id-filename", rel, text.line_of(("id",)), None,
                                               id=case.id, name=path.name))
        _register(project, project.cases, case.id, case, text)
        return case
    # module
    problems = validate(meta, schemas.MODULE, text.fm, rel, default_line=2)
    project.findings.extend(problems)
    if any(p.severity == "error" for p in problems):
        return None
    module = Module(
        **common, id=meta["id"], course_id=path.parent.name,
        objectives=tuple(meta["objectives"]), questions=tuple(meta.get("questions") or ()),
        keypoints=tuple(meta["keypoints"]), teaching_minutes=meta["teaching_minutes"],
        exercise_minutes=meta["exercise_minutes"], materials=tuple(meta.get("materials") or ()),
        related=Related.from_meta(meta.get("related")),
    )
    _register(project, project.modules, module.id, module, text)
    return module


def _register(project: Project, table: dict, key: str, record: Document, text: SourceText) -> None:
    if key in table:
        project.findings.append(codes.make("id-duplicate", text.rel, text.line_of(("id",)), None,
                                           id=key, other=table[key].rel))
        return
    table[key] = record


def _check_vocab(project: Project, meta: dict, text: SourceText) -> list[Finding]:
    findings = []
    for facet in CASE_FACETS:
        if facet not in meta or meta[facet] is None:
            continue
        vocab = project.vocab.get(facet)
        if vocab is None:
            continue
        values = meta[facet] if isinstance(meta[facet], list) else [meta[facet]]
        for i, value in enumerate(values):
            if isinstance(value, (dict, list)) or str(value) in vocab.values:
                continue
            key = (facet, i) if isinstance(meta[facet], list) else (facet,)
            findings.append(codes.make("vocab-unknown", text.rel, text.line_of(key), None, field=facet,
                                       value=value, allowed=", ".join(vocab.values), vocab_path=vocab.rel))
    return findings


def _attach_translation(project: Project, kind: str, source: Document, lang: str, text: SourceText) -> None:
    merged = {**source.meta, **text.meta}
    schema = {"article": schemas.INFO_PAGE if source.meta.get("type") == "info" else schemas.ARTICLE,
              "case": schemas.CASE, "module": schemas.MODULE}[kind]
    problems = validate(merged, schema, text.fm, text.rel, default_line=2)
    project.findings.extend(problems)
    if "id" in text.meta and "id" in source.meta and text.meta["id"] != source.meta["id"]:
        project.findings.append(codes.make("translation-id", text.rel, text.line_of(("id",)), None,
                                           id=text.meta["id"], source_id=source.meta["id"]))
    if any(p.severity == "error" for p in problems):
        return
    source.translations[lang] = Translation.from_source(lang, text.rel, text.abs_path, text.meta,
                                                        text.body, text.body_line)


# ---------------------------------------------------------------- courses

def _load_courses(project: Project) -> None:
    courses_dir = project.config.courses_dir
    if not courses_dir.is_dir():
        return
    for path in sorted(courses_dir.glob("*/course.yml")):
        rel = _rel(project.config, path)
        doc, findings = read_yaml_file(path, rel)
        project.findings.extend(findings)
        if doc is None:
            continue
        problems = validate(doc.data, schemas.COURSE, doc, rel)
        project.findings.extend(problems)
        if any(p.severity == "error" for p in problems):
            continue
        data = doc.data
        course = Course(
            id=data["id"], rel=rel, title=data["title"], audience=data.get("audience") or {},
            goals=data.get("goals") or {}, prerequisites=data.get("prerequisites") or {},
            start_time=data["start_time"], total_minutes=data["total_minutes"],
            module_ids=tuple(data["modules"]),
            breaks=tuple(Break(b["after"], b["minutes"], b.get("label") or {}) for b in data.get("breaks") or ()),
            day_breaks_after=tuple(data.get("day_breaks_after") or ()),
        )
        if course.id != path.parent.name:
            project.findings.append(codes.make("id-filename", rel, doc.line_of(("id",), 1), None,
                                               id=course.id, name=path.parent.name))
        for i, module_id in enumerate(course.module_ids):
            module = project.modules.get(module_id)
            if module is None:
                project.findings.append(codes.make("course-module-missing", rel, doc.line_of(("modules", i), 1),
                                                   None, module=module_id))
            else:
                course.modules.append(module)
        listed = set(course.module_ids)
        for module in project.modules.values():
            if module.course_id == course.id and module.id not in listed:
                project.findings.append(codes.make("course-module-unlisted", module.rel, 1, None, module=module.id))
        actual = sum(m.minutes for m in course.modules)
        if len(course.modules) == len(course.module_ids) and actual != course.total_minutes:
            project.findings.append(codes.make("course-minutes", rel, doc.line_of(("total_minutes",), 1), None,
                                               actual=actual, expected=course.total_minutes))
        project.courses[course.id] = course


# ---------------------------------------------------------------- glossary

def _load_glossary(project: Project) -> None:
    path = project.config.docs_dir / "glossary.yml"
    if not path.exists():
        return
    rel = _rel(project.config, path)
    doc, findings = read_yaml_file(path, rel)
    project.findings.extend(findings)
    if doc is None:
        return
    if not isinstance(doc.data, list):
        project.findings.append(codes.make("data-file", rel, 1, None,
                                           detail="用語集は「- id: …」で始まる項目の一覧にします。",
                                           detail_en="the glossary must be a list of entries starting with '- id: ...'.",
                                           hint_ja="ファイル冒頭の説明と既存の用語にならい、各用語を「- id: …」の行から書いてください(`bansou new term` で追加できます)。",
                                           hint_en="Follow the existing entries: start each term with a '- id: ...' line (`bansou new term` adds one)."))
        return
    seen: dict[str, int] = {}
    for i, entry in enumerate(doc.data):
        line = doc.line_of((i,), 1)
        problems = validate(entry, schemas.GLOSSARY_TERM, doc, rel, base=(i,), default_line=line,
                            check_unknown=False)
        project.findings.extend(problems)
        if any(p.severity == "error" for p in problems):
            continue
        if entry["id"] in seen:
            project.findings.append(codes.make("id-duplicate", rel, line, None, id=entry["id"],
                                               other=f"{rel}:{seen[entry['id']]}"))
            continue
        seen[entry["id"]] = line
        # "id" is both the term id and a language code (Indonesian): only mappings are translations
        translations = {k: v for k, v in entry.items() if k in project.config.language_codes and isinstance(v, dict)}
        translations.update(entry.get("translations") or {})  # ej, zh, ... ("id" is Indonesian there)
        project.glossary.append(GlossaryTerm(
            id=entry["id"], term=entry["term"], reading=entry["reading"], definition=entry["definition"],
            page=entry["page"], aliases=tuple(entry.get("aliases") or ()), translations=translations, line=line))
