"""Synthetic handbook projects: the real mkdocs.yml and overrides, with generated articles.

The text is clearly fake (合成, "synthetic") Japanese built from fixed phrases: headings, lists, a
table and links between generated pages, so Markdown, link checks and search all do real work.
No digits that look like dates or numbers, so the PII gate has nothing to flag.

Navigation grows the way a real handbook does: it keeps its 8 top-level parts (A–H) and a part
that outgrows 12 pages is split into sub-sections of at most 12 (part → sub-section → pages, one
folder each). Adding parts instead would put every new part into every page's menu; with
Material's navigation.prune a page carries only the 8 parts, its part's sub-section labels and its
own sub-section's pages, so HTML per page measures our overhead, not an ever wider menu.

Both builds render the same pages: mkdocs-bare.yml reads docs-bare/, a copy of docs/ with every
page our plugin generates (casebook, courses, finding codes, …) written out as a plain file.
"""
from __future__ import annotations

import posixpath
import random
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

import yaml



class _Tagged:
    """A `!!python/...` value of mkdocs.yml (e.g. the toc slugify), kept as written."""
    def __init__(self, tag: str, node: yaml.Node, loader: yaml.SafeLoader) -> None:
        self.tag = tag
        self.value = (loader.construct_mapping(node, deep=True) if isinstance(node, yaml.MappingNode)
                      else loader.construct_sequence(node, deep=True) if isinstance(node, yaml.SequenceNode)
                      else loader.construct_scalar(node))


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_multi_constructor("tag:yaml.org,2002:python/",
                              lambda loader, suffix, node: _Tagged("tag:yaml.org,2002:python/" + suffix, node, loader))


def _represent_tagged(dumper: yaml.SafeDumper, data: _Tagged) -> yaml.Node:
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Dumper.add_representer(_Tagged, _represent_tagged)

PARTS = "abcdefgh"  # the real handbook's top-level parts A–H
PAGES_PER_SECTION = 12
TODAY = "2026-11-25"  # front-matter dates are fixed: the bench never reads the wall clock for content

_TOPICS = ["窓口", "申請書", "通訳", "相談", "記録", "制度", "手続き", "書類", "面談", "支援計画",
           "住まい", "医療", "子ども", "仕事", "年金", "保険", "学校", "届出", "説明", "確認"]
_PHRASES = [
    "これは性能を測るための合成の文章です。",
    "{t}について、担当者に落ち着いて確認します。",
    "本人の意思をいちばん大切にして、{t}の流れを一緒に整理します。",
    "分からないことは、その場で聞き返してかまいません。",
    "{t}の前に、持ち物と聞きたいことを紙に書いておきます。",
    "窓口で言われたことは、日付を入れずに要点だけ記録します。",
    "断られたときは、理由を書面で教えてほしいと丁寧にお願いします。",
    "{t}は地域によって違うことがあるので、公式のページで確かめます。",
    "やさしい日本語で、短い文に分けて伝えます。",
    "支援者は代わりに決めるのではなく、本人が決めるのを支えます。",
]
_HEADINGS = ["どんな制度か", "対象になる人", "持ち物", "窓口での流れ", "よくある断り方と対応",
             "断られたあとに", "つなぎ先", "出典と確認日"]
_LATIN = ["This is synthetic text written to measure build performance.",
          "Check the {t} step by step with the person you accompany.",
          "Ask again when something is unclear; that is always fine.",
          "Write down only the main points, without personal details.",
          "Keep sentences short and plain."]


@dataclass(frozen=True)
class Synthetic:
    root: Path
    languages: list[str]  # locales built, default first
    articles: int  # Japanese articles generated
    translations: int  # translation files generated (all languages together)
    extra_pages: int  # pages our plugin generates, written into docs-bare/ for the bare build


def real_article_count(real_root: Path) -> int:
    """Japanese handbook pages of the real project (the unit of scale 1×)."""
    docs = real_root / "docs"
    return sum(1 for p in docs.rglob("*.md") if len(p.name.split(".")) == 2)


def _paragraph(rng: random.Random, topic: str, latin: bool = False) -> str:
    pool = _LATIN if latin else _PHRASES
    sep = " " if latin else ""
    return sep.join(rng.choice(pool).format(t=topic) for _ in range(rng.randint(4, 7)))


def _body(rng: random.Random, paths: list[str], index: int, latin: bool = False) -> str:
    """About 1,500 characters: the size of a real article."""
    me = paths[index]
    others = [p for p in rng.sample(paths, min(4, len(paths))) if p != me][:3]
    topic = rng.choice(_TOPICS)
    out = []
    for h, heading in enumerate(_HEADINGS):
        out.append(f"## {heading}\n")
        out.append(_paragraph(rng, topic, latin) + "\n")
        if h == 1:
            out.append("### 確かめること\n")
            out += [f"- {rng.choice(_TOPICS)}の{rng.choice(_TOPICS)}を確かめます" for _ in range(4)]
            out.append("")
        if h == 3:
            out += ["| 段階 | すること |", "| --- | --- |"]
            out += [f"| {rng.choice(_TOPICS)} | {rng.choice(_PHRASES).format(t=topic)} |" for _ in range(3)]
            out.append("")
        if h == 6 and others:
            out += [f"- [{_title(p)}]({_relative(me, p)})" for p in others]
            out.append("")
    return "\n".join(out) + "\n"


def _title(site_path: str) -> str:
    return "合成ページ " + site_path.replace("/", "-").upper()


def _relative(src: str, dst: str) -> str:
    return posixpath.relpath(f"{dst}.md", posixpath.dirname(src))


def _spread(total: int, groups: int) -> list[int]:
    """`total` items over `groups` groups as evenly as possible (earlier groups take the remainder)."""
    return [total // groups + (i < total % groups) for i in range(groups)]


def _part(part: str, size: int) -> tuple[list[str], list]:
    """One part's site paths and nav entries: its pages, or even sub-sections of at most 12 pages."""
    if size <= PAGES_PER_SECTION:
        paths = [f"{part}/p{j + 1:02d}" for j in range(size)]
        return paths, [f"{p}.md" for p in paths]
    paths, entries = [], []
    for s, n in enumerate(_spread(size, -(-size // PAGES_PER_SECTION))):
        section = [f"{part}/s{s + 1:02d}/p{j + 1:02d}" for j in range(n)]
        paths += section
        entries.append({f"合成セクション {part.upper()}-{s + 1}": [f"{p}.md" for p in section]})
    return paths, entries


def layout(count: int) -> tuple[list[str], list]:
    """Site paths of `count` articles spread evenly over the 8 parts, and the nav listing them."""
    paths: list[str] = []
    nav: list = ["index.md"]
    for part, size in zip(PARTS, _spread(count, len(PARTS))):
        if size:
            part_paths, entries = _part(part, size)
            paths += part_paths
            nav.append({f"合成パート {part.upper()}": entries})
    return paths, nav


def _front_matter(site_path: str, rng: random.Random, paths: list[str], lang: str | None) -> str:
    related = [p for p in rng.sample(paths, min(3, len(paths))) if p != site_path][:2]
    meta = {
        "title": _title(site_path) + (f" ({lang})" if lang else ""),
        "summary": "性能を測るために作った合成のページです。実在の制度や人物とは関係ありません。",
        "keywords": ["合成", "ベンチマーク", rng.choice(_TOPICS)],
        "sources": [{"title": "厚生労働省", "url": "https://www.mhlw.go.jp/"}],
        "valid_as_of": TODAY, "reviewed": TODAY, "owners": ["伴走ネット編集チーム"],
        "related": {"pages": related},
    }
    if lang:
        meta["translation"] = {"machine_assisted": True, "reviewed": False}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"


def _config(real_root: Path, nav: list, languages: list[str], bansou: bool) -> dict:
    """The real mkdocs.yml with our nav and languages; bare = no bansou plugin, no overrides."""
    data = yaml.load((real_root / "mkdocs.yml").read_text(encoding="utf-8-sig"), Loader=_Loader)
    data["nav"] = nav
    data.pop("edit_uri", None)
    plugins = []
    for item in data["plugins"]:
        name = item if isinstance(item, str) else next(iter(item))
        if name == "bansou" and not bansou:
            continue
        if name == "i18n":
            options = dict(item["i18n"])
            options["languages"] = [x for x in options["languages"] if x["locale"] in languages]
            item = {"i18n": options}
        plugins.append(item)
    data["plugins"] = plugins
    if not bansou:
        # Material has no partial for our extra locales (ej…): bare gets those files only, no main.html
        data["theme"] = {**data["theme"], "custom_dir": "overrides-bare"}
        data["docs_dir"] = "docs-bare"
        data["strict"] = False  # bare Material does not know our front matter; warnings are not errors
        data.get("extra", {}).pop("version", None)
    return data


def generate(real_root: Path, dest: Path, scale: float, languages: list[str],
             translated_fraction: float = 1.0, seed: int = 1) -> Synthetic:
    """Write a project of round(scale × real articles) Japanese articles into dest.

    Translations (name.<lang>.md) are written for `translated_fraction` of the articles in every
    non-default language of `languages`; the rest fall back to Japanese, as on the real site.
    Two configs: mkdocs.yml (ours, docs/) and mkdocs-bare.yml (Material + static-i18n only, docs-bare/).
    """
    rng = random.Random(seed)
    count = max(2, round(scale * real_article_count(real_root)))
    paths, nav = layout(count)
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(real_root / "overrides", dest / "overrides", dirs_exist_ok=True)
    shutil.copytree(real_root / "overrides" / "partials" / "languages",
                    dest / "overrides-bare" / "partials" / "languages", dirs_exist_ok=True)
    docs = dest / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "index.md").write_text("---\ntitle: 合成ハンドブック\ntype: info\n---\n\n"
                                   "性能を測るための合成のサイトです。\n", encoding="utf-8")
    others = languages[1:]
    n_translated = round(translated_fraction * count)
    translations = 0
    for i, site_path in enumerate(paths):
        (docs / site_path).parent.mkdir(parents=True, exist_ok=True)
        (docs / f"{site_path}.md").write_text(_front_matter(site_path, rng, paths, None) + _body(rng, paths, i),
                                              encoding="utf-8")
        if i < n_translated:
            for lang in others:
                text = _front_matter(site_path, rng, paths, lang) + _body(rng, paths, i, latin=lang != "ej")
                (docs / f"{site_path}.{lang}.md").write_text(text, encoding="utf-8")
                translations += 1
    for name, bansou in (("mkdocs.yml", True), ("mkdocs-bare.yml", False)):
        data = _config(real_root, nav, languages, bansou)
        (dest / name).write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return Synthetic(dest, languages, count, translations, _write_bare_docs(dest))


def _write_bare_docs(root: Path) -> int:
    """docs-bare/ = docs/ + every page our plugin would add, as files; returns how many were added."""
    from ..config import load_config, today_from_env
    from ..project import load_project
    # the same 'today' as the timed builds (run.py sets BANSOU_TODAY), so dated listings match
    config = replace(load_config(root), today=today_from_env(TODAY))
    pages = load_project(root, config).extra_pages
    bare = root / "docs-bare"
    shutil.copytree(root / "docs", bare, dirs_exist_ok=True)
    for page in pages:
        target = bare / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if page.abs_path is not None:
            shutil.copyfile(page.abs_path, target)
        else:
            target.write_text(page.content, encoding="utf-8")
    return len(pages)
