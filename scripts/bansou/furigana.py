"""Ruby (furigana): the `{漢字|かんじ}` Markdown syntax, and automatic readings for
Easy Japanese pages from the morphological analyser (loaded once per process)."""
from __future__ import annotations

import re
from functools import lru_cache

RUBY_SYNTAX = re.compile(r"\{(?P<base>[^{}|\n]+)\|(?P<reading>[^{}|\n]+)\}")
_KANJI = re.compile(r"[\u3400-\u9fff々〆]")
_TAG = re.compile(r"(<[^>]+>)")
_ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
# text inside these elements is left alone
# readings written with {漢字|かんじ} stay out of the search index (they would glue kana onto words)
_RT_ATTR = "data-search-exclude"
_SKIP = {"ruby", "rt", "rp", "code", "pre", "script", "style", "kbd", "samp", "textarea", "svg", "title"}


def ruby_markdown(markdown: str) -> str:
    """`{漢字|かんじ}` → <ruby>; fenced code is left as it is."""
    out, fence = [], None
    for line in markdown.split("\n"):
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            marker = stripped[:3]
            fence = None if fence == marker else (fence or marker)
        if fence is None and "{" in line:
            line = RUBY_SYNTAX.sub(lambda m: f"<ruby>{m['base']}<rt {_RT_ATTR}>{m['reading']}</rt></ruby>", line)
        out.append(line)
    return "\n".join(out)


@lru_cache(maxsize=1)
def _tokenizer():
    from sudachipy import Dictionary, SplitMode
    return Dictionary(dict="core").tokenizer(mode=SplitMode.C)


_TO_HIRAGANA = {c: c - 0x60 for c in range(ord("ァ"), ord("ヶ") + 1)}


def _hiragana(text: str) -> str:
    return text.translate(_TO_HIRAGANA)


def _ruby_for(surface: str, reading: str) -> str:
    """Ruby over the kanji part only: 使える/つかえる → <ruby>使<rt>つか</ruby>える,
    在留カード/ざいりゅうかーど → <ruby>在留<rt>ざいりゅう</ruby>カード."""
    if not _KANJI.search(surface) or not reading or reading == surface:
        return surface
    kana = _hiragana(surface)  # the reading is in hiragana; katakana in the word still matches
    head = 0
    while head < len(kana) and head < len(reading) and kana[head] == reading[head] \
            and not _KANJI.match(surface[head]):
        head += 1
    tail = 0
    while tail < len(kana) - head and tail < len(reading) - head \
            and kana[-1 - tail] == reading[-1 - tail] and not _KANJI.match(surface[-1 - tail]):
        tail += 1
    core = surface[head:len(surface) - tail]
    core_reading = reading[head:len(reading) - tail]
    if not core_reading:
        return surface
    # No </rt>: HTML ends an <rt> at its ruby's end tag, and an Easy Japanese page has
    # hundreds of readings (5 bytes each). No data-search-exclude either: automatic
    # readings are added after the search index is built (i18n.page_output).
    return f"{surface[:head]}<ruby>{core}<rt>{core_reading}</ruby>{surface[len(surface) - tail:]}"


@lru_cache(maxsize=1 << 14)  # headings, labels and box texts repeat from page to page
def annotate_text(text: str) -> str:
    if not _KANJI.search(text):
        return text
    out = []
    for m in _tokenizer().tokenize(text):
        surface = m.surface()
        reading = _hiragana(m.reading_form())
        out.append(_ruby_for(surface, reading) if _KANJI.search(surface) else surface)
    return "".join(out)


def annotate_html(html: str) -> str:
    """Add readings to kanji in text nodes (not inside existing ruby, code, scripts)."""
    parts = _TAG.split(html)
    depth: dict[str, int] = {}
    for i, part in enumerate(parts):
        if not part:
            continue
        if part.startswith("<"):
            m = re.match(r"<(/?)([a-zA-Z0-9]+)", part)
            if m and m.group(2).lower() in _SKIP and not part.endswith("/>"):
                name = m.group(2).lower()
                depth[name] = max(0, depth.get(name, 0) + (-1 if m.group(1) else 1))
                if name == "ruby" and m.group(1):
                    depth["rt"] = depth["rp"] = 0  # their end tags may be left out (see _ruby_for)
            continue
        if any(depth.values()):
            continue
        parts[i] = annotate_text(part)
    return "".join(parts)


def annotate_page(html: str) -> str:
    """Readings on a finished page's article (its title included), not on the theme around it."""
    m = _ARTICLE.search(html)
    return html if m is None else html[:m.start()] + annotate_html(m.group(0)) + html[m.end():]
