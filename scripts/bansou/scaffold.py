"""New content from templates: the files `bansou new` writes and the CONTRIBUTING page shows.

Templates live in scripts/bansou/templates/ (package data) with {{name}} placeholders; the same
values fill them for `bansou new` and for the copyable blocks on the contributing page, so the
two never drift apart. Unfinished spots carry MARKER, which the content lint reports as a warning.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

TEMPLATES_DIR = Path(__file__).parent / "templates"
MARKER = "〔要記入〕"
KINDS = ("article", "case", "module", "term")
TEMPLATE_FILES = {"article": "article.md", "case": "case.md", "module": "module.md", "term": "term.yml"}

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
READING_RE = re.compile(r"^[\u3041-\u309f\u30fc・ ]+$")
CASE_ID_RE = re.compile(r"^case-(\d{3,})$")
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")

# case facets a new case must fill in (required by the schema), and a default when a project has no vocabulary
CASE_FACET_DEFAULTS = {"region": "kanto", "age_band": "40s", "residence_status": "long-term-resident",
                       "issue_areas": "medical-welfare", "outcome": "pending", "consent": "composite"}
CASE_LIST_FACETS = ("systems", "barriers")


class ScaffoldError(Exception):
    """A contributor's input we cannot use; the message is ja + en and says what to do."""


@dataclass(frozen=True)
class Created:
    path: str  # project-relative POSIX path of the file written (or appended to)
    id: str
    notes: tuple[str, ...] = ()  # extra things we changed, e.g. course.yml


def template_text(kind: str) -> str:
    return (TEMPLATES_DIR / TEMPLATE_FILES[kind]).read_text(encoding="utf-8")


def render(text: str, values: dict[str, str]) -> str:
    def sub(m: re.Match) -> str:
        if m.group(1) not in values:
            raise KeyError(f"template placeholder {{{{{m.group(1)}}}}} has no value")
        return values[m.group(1)]
    return _PLACEHOLDER.sub(sub, text)


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


# ---------------------------------------------------------------- YAML-safe values

_PLAIN_UNSAFE = re.compile(r"[:#\[\]{},&*!|>'\"%@`]|^[-?\s]|\s$")


def yaml_str(value: str) -> str:
    """A scalar that YAML reads back as exactly this string, also inside [ ] lists."""
    if value and not _PLAIN_UNSAFE.search(value):
        try:
            if yaml.safe_load(f"k: [{value}]") == {"k": [value]}:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)


# ---------------------------------------------------------------- romanisation (ids and slugs)

_KANA = {
    "ア": "a", "イ": "i", "ウ": "u", "エ": "e", "オ": "o", "カ": "ka", "キ": "ki", "ク": "ku", "ケ": "ke", "コ": "ko",
    "サ": "sa", "シ": "shi", "ス": "su", "セ": "se", "ソ": "so", "タ": "ta", "チ": "chi", "ツ": "tsu", "テ": "te",
    "ト": "to", "ナ": "na", "ニ": "ni", "ヌ": "nu", "ネ": "ne", "ノ": "no", "ハ": "ha", "ヒ": "hi", "フ": "fu",
    "ヘ": "he", "ホ": "ho", "マ": "ma", "ミ": "mi", "ム": "mu", "メ": "me", "モ": "mo", "ヤ": "ya", "ユ": "yu",
    "ヨ": "yo", "ラ": "ra", "リ": "ri", "ル": "ru", "レ": "re", "ロ": "ro", "ワ": "wa", "ヰ": "i", "ヱ": "e", "ヲ": "o",
    "ン": "n", "ガ": "ga", "ギ": "gi", "グ": "gu", "ゲ": "ge", "ゴ": "go", "ザ": "za", "ジ": "ji", "ズ": "zu",
    "ゼ": "ze", "ゾ": "zo", "ダ": "da", "ヂ": "ji", "ヅ": "zu", "デ": "de", "ド": "do", "バ": "ba", "ビ": "bi",
    "ブ": "bu", "ベ": "be", "ボ": "bo", "パ": "pa", "ピ": "pi", "プ": "pu", "ペ": "pe", "ポ": "po", "ヴ": "vu",
    "ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o", "ャ": "ya", "ュ": "yu", "ョ": "yo", "ヮ": "wa",
}
_SMALL_Y = {"ャ": "a", "ュ": "u", "ョ": "o"}
_SMALL_V = {"ァ": "a", "ィ": "i", "ェ": "e", "ォ": "o"}


def _katakana(text: str) -> str:
    return "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in text)


def _hiragana(text: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in text)


def kana_to_romaji(kana: str) -> str:
    """Simplified Hepburn without long vowels (ちゅうちょうき → chuchoki), like the glossary's ids."""
    kana = _katakana(kana)
    out: list[str] = []
    i = 0
    while i < len(kana):
        c = kana[i]
        nxt = kana[i + 1] if i + 1 < len(kana) else ""
        if c == "ッ":
            following = kana_to_romaji(kana[i + 1:i + 2])
            if following and following[0] not in "aeiou":
                out.append("t" if following.startswith("ch") else following[0])
            i += 1
            continue
        if c == "ー":
            i += 1
            continue
        roman = _KANA.get(c)
        if roman is None:
            out.append(c.lower() if c.isascii() and c.isalnum() else "-")
            i += 1
            continue
        if nxt in _SMALL_Y and roman.endswith("i") and len(roman) > 1:
            base = roman[:-1]
            roman = (base if base in ("sh", "ch", "j") else base + "y") + _SMALL_Y[nxt]
            i += 1
        elif nxt in _SMALL_V and c in "フヴテデウ":
            roman = {"フ": "f", "ヴ": "v", "テ": "t", "デ": "d", "ウ": "w"}[c] + _SMALL_V[nxt]
            i += 1
        if c == "ウ" and out and out[-1] and out[-1][-1] in "ou":  # long vowel: ちゅう → chu
            i += 1
            continue
        out.append(roman)
        i += 1
    text = "".join(out)
    return text


@lru_cache(maxsize=1)
def _tokenizer():
    from sudachipy import dictionary
    return dictionary.Dictionary().create()


_SKIP_POS = {"助詞", "助動詞", "補助記号", "記号", "空白"}


def _tokens(text: str) -> list[tuple[str, str, str]]:
    """(surface, katakana reading, part of speech) of each word."""
    from sudachipy import tokenizer
    return [(m.surface(), m.reading_form(), m.part_of_speech()[0])
            for m in _tokenizer().tokenize(text, tokenizer.Tokenizer.SplitMode.A)]


def slug(text: str, max_words: int = 6) -> str:
    """An ASCII id made from a Japanese or English title: 在留資格 → zairyu-shikaku."""
    words: list[str] = []
    for surface, reading, pos in _tokens(text):
        if pos in _SKIP_POS:
            continue
        if surface.isascii():
            word = re.sub(r"[^a-z0-9]+", "-", surface.lower())
        elif pos == "接尾辞" and words:  # 外国 + 人 → gaikokujin
            words[-1] += re.sub(r"[^a-z0-9]+", "", kana_to_romaji(reading))
            continue
        else:
            word = kana_to_romaji(reading)
        word = re.sub(r"[^a-z0-9]+", "-", word).strip("-")
        if word:
            words.append(word)
    result = "-".join(words[:max_words]).strip("-")
    result = re.sub(r"-{2,}", "-", result)[:60].strip("-")
    return result or "page"


def reading(text: str) -> str:
    """Hiragana reading; the long-vowel mark becomes its vowel, as the glossary asks (ケース → けえす)."""
    kana = "".join(r if p not in ("補助記号", "空白") else "" for _s, r, p in _tokens(text))
    hira = _hiragana(kana)
    out: list[str] = []
    for c in hira:
        if c == "ー" and out:
            roman = kana_to_romaji(out[-1])
            c = {"a": "あ", "i": "い", "u": "う", "e": "え", "o": "お"}.get(roman[-1:] if roman else "", "")
        out.append(c)
    result = "".join(out)
    return result if READING_RE.match(result or "x") else ""


# ---------------------------------------------------------------- free ids

def next_case_id(project) -> str:
    numbers = [0]
    for case_id in project.cases:
        m = CASE_ID_RE.match(case_id)
        if m:
            numbers.append(int(m.group(1)))
    casebook = project.config.casebook_dir
    if casebook.is_dir():  # files with errors are not in project.cases, but their number is taken
        for path in casebook.glob("case-*.md"):
            m = CASE_ID_RE.match(path.name.split(".")[0])
            if m:
                numbers.append(int(m.group(1)))
    return f"case-{max(numbers) + 1:03d}"


def next_module_id(project, course_id: str) -> tuple[str, int]:
    pattern = re.compile(rf"^{re.escape(course_id)}-m(\d+)$")
    numbers = [0]
    for module_id in project.modules:
        m = pattern.match(module_id)
        if m:
            numbers.append(int(m.group(1)))
    course = project.courses.get(course_id)
    for module_id in (course.module_ids if course else ()):
        m = pattern.match(module_id)
        if m:
            numbers.append(int(m.group(1)))
    folder = project.config.courses_dir / course_id
    for path in folder.glob("m*.md") if folder.is_dir() else ():
        m = re.match(r"^m(\d+)", path.name)
        if m:
            numbers.append(int(m.group(1)))
    number = max(numbers) + 1
    return f"{course_id}-m{number:02d}", number


def glossary_ids(project) -> set[str]:
    ids = {t.id for t in project.glossary}
    path = project.config.docs_dir / "glossary.yml"
    if path.exists():  # entries with errors are not loaded, but their id is taken
        ids |= set(re.findall(r"^- id:\s*['\"]?([a-z0-9-]+)", path.read_text(encoding="utf-8-sig"), re.M))
    return ids


def unique(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


# ---------------------------------------------------------------- values for each kind

def sections(project) -> list[str]:
    """Folders under docs/ that hold handbook articles (not info pages)."""
    return sorted({a.section for a in project.articles.values() if a.section and not a.info})


def term_pages(project) -> list[str]:
    return sorted(p for p, a in project.articles.items() if not a.info and not a.checklist)


def facet_choices(project, facet: str) -> list[str]:
    vocab = project.vocab.get(facet)
    return list(vocab.values) if vocab else []


def _choices_text(project, facet: str) -> str:
    ids = facet_choices(project, facet)
    if not ids:
        return f"casebook/vocab/{facet}.yml を見てください"
    shown = ", ".join(ids[:20])
    return shown + (f" ほか(一覧は casebook/vocab/{facet}.yml)" if len(ids) > 20 else "")


def case_default(project, facet: str) -> str:
    ids = facet_choices(project, facet)
    preferred = CASE_FACET_DEFAULTS.get(facet)
    if not ids or preferred in ids:
        return preferred or ""
    return ids[0]


def values_for(project, kind: str, *, title: str, case_values: dict | None = None, module_id: str = "",
               term_id: str = "", term_reading: str = "", term_page: str = "",
               teaching_minutes: int = 30, exercise_minutes: int = 30) -> dict[str, str]:
    """Every placeholder value for one kind (already YAML-quoted where it goes into YAML)."""
    today = project.config.today.isoformat()
    values = {"title": yaml_str(title), "today": today}
    if kind == "article":
        values["keyword"] = yaml_str(title)
    elif kind == "case":
        chosen = case_values or {}
        values["id"] = chosen.get("id") or next_case_id(project)
        values["year"] = str(chosen.get("year") or project.config.today.year)
        for facet in (*CASE_FACET_DEFAULTS, *CASE_LIST_FACETS):
            values[f"{facet}_choices"] = _choices_text(project, facet)
        for facet in CASE_FACET_DEFAULTS:
            value = chosen.get(facet) or case_default(project, facet)
            if facet == "issue_areas":
                items = value if isinstance(value, list) else [value]
                values[facet] = ", ".join(yaml_str(str(v)) for v in items)
            else:
                values[facet] = yaml_str(str(value))
    elif kind == "module":
        values["id"] = module_id
        values["teaching_minutes"] = str(teaching_minutes)
        values["exercise_minutes"] = str(exercise_minutes)
    elif kind == "term":
        values["id"] = term_id
        values["reading"] = yaml_str(term_reading)
        values["page"] = yaml_str(term_page)
    return values


# ---------------------------------------------------------------- writing

def write_new(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as fh:  # never overwrite a contributor's file
        fh.write(text)


def append_term(glossary: Path, entry: str) -> None:
    """Append without rewriting: comments and formatting of the existing file stay as they are."""
    existing = glossary.read_bytes() if glossary.exists() else b""
    newline = "\r\n" if b"\r\n" in existing else "\n"
    prefix = "" if not existing or existing.endswith(b"\n") else newline
    with glossary.open("a", encoding="utf-8", newline="") as fh:
        fh.write(prefix + entry.replace("\n", newline))


def add_module_to_course(course_yml: Path, module_id: str, minutes: int) -> bool:
    """Add the module to course.yml's modules list and total_minutes, editing only those lines.

    Returns False (and changes nothing) when the file is not laid out as expected."""
    text = course_yml.read_text(encoding="utf-8-sig")
    lines = text.split("\n")
    total_i = next((i for i, line in enumerate(lines) if re.match(r"^total_minutes:\s*\d+\s*(#.*)?$", line)), None)
    mod_i = next((i for i, line in enumerate(lines) if re.match(r"^modules:", line)), None)
    if total_i is None or mod_i is None:
        return False
    flow = re.match(r"^(modules:\s*\[)(.*)(\]\s*(#.*)?)$", lines[mod_i])
    if flow:
        items = flow.group(2).strip()
        lines[mod_i] = f"{flow.group(1)}{items + ', ' if items else ''}{module_id}{flow.group(3)}"
    elif lines[mod_i].strip() == "modules:":
        last = mod_i
        for j in range(mod_i + 1, len(lines)):
            if re.match(r"^\s+-\s", lines[j]):
                last = j
            elif lines[j].strip() and not lines[j].lstrip().startswith("#"):
                break
        if last == mod_i:
            return False
        indent = re.match(r"^(\s+-\s+)", lines[last]).group(1)
        lines.insert(last + 1, f"{indent}{module_id}")
        if last < total_i:
            total_i += 1
    else:
        return False
    old = int(re.search(r"\d+", lines[total_i]).group(0))
    lines[total_i] = re.sub(r"\d+", str(old + minutes), lines[total_i], count=1)
    course_yml.write_text("\n".join(lines), encoding="utf-8")
    return True
