"""The glossary: checks on docs/glossary.yml, the glossary page in every language, and terms marked
in page text so their definition shows on hover, focus and tap (no network: the definition is
embedded in the page, in the reader's language).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .. import codes
from ..models import Article, Case, GlossaryTerm, Module
from ..pages import ExtraPage, suffixed
from ..render.site_links import esc, page_url, relative
from ..ui import t

SITE_PATH = "glossary"
ASSETS = ["assets/bansou/handbook.css", "assets/bansou/handbook.js"]
JAPANESE_TEXT = ("ja", "ej")  # languages whose pages are written in Japanese

codes.define(
    "glossary-term-duplicate", "error",
    "用語集の「{term}」が2回出てきます(用語 {id} と {other})。",
    "The glossary word '{term}' appears twice (terms {id} and {other}).",
    "用語(term)と別名(aliases)は用語集全体で重ならないようにします。片方を削るか、別の言い方にしてください。",
    "Terms and aliases must be unique across the glossary. Remove one or reword it.",
    "- id: a\n  term: 国保\n- id: b\n  aliases: [国保]")

# ---------------------------------------------------------------- checks


def check(project) -> list:
    findings = []
    rel = "docs/glossary.yml"
    for lang_key, words_of in (("ja", lambda g: [g.term, *g.aliases]),
                               ("en", lambda g: [(g.translations.get("en") or {}).get("term", "")])):
        seen: dict[str, GlossaryTerm] = {}
        for term in project.glossary:
            for word in words_of(term):
                key = word.strip().casefold()
                if not key:
                    continue
                other = seen.get(key)
                if other is not None and other.id != term.id:
                    findings.append(codes.make("glossary-term-duplicate", rel, term.line, None,
                                               term=word, id=term.id, other=other.id))
                else:
                    seen[key] = term
    return findings


# ---------------------------------------------------------------- text in the reader's language


def title_in(term: GlossaryTerm, lang: str) -> str:
    if lang in JAPANESE_TEXT:
        return (term.translations.get(lang) or {}).get("term", term.term)
    own = term.translations.get(lang) or term.translations.get("en") or {}
    return own.get("term", term.term)


def definition_in(term: GlossaryTerm, lang: str) -> str:
    if lang in JAPANESE_TEXT:
        return (term.translations.get(lang) or {}).get("definition", term.definition)
    own = term.translations.get(lang) or term.translations.get("en") or {}
    return own.get("definition", term.definition)


def _own(term: GlossaryTerm, lang: str) -> bool:
    return lang in JAPANESE_TEXT or lang in term.translations


# ---------------------------------------------------------------- the glossary page

_GYO = "あかさたなはまやらわ"
_GYO_OF = {}
for _row, _chars in zip(_GYO, ("あいうえおぁぃぅぇぉゔ", "かきくけこがぎぐげご", "さしすせそざじずぜぞ",
                               "たちつてとだぢづでどっ", "なにぬねの", "はひふへほばびぶべぼぱぴぷぺぽ",
                               "まみむめも", "やゆよゃゅょ", "らりるれろ", "わをんゎ")):
    for _c in _chars:
        _GYO_OF[_c] = _row
_GROUP_IDS = dict(zip(_GYO, ("a", "ka", "sa", "ta", "na", "ha", "ma", "ya", "ra", "wa")))


def _groups(project, lang: str) -> list[tuple[str, str, list[GlossaryTerm]]]:
    """(anchor id, heading, terms) in reading order (ja, ej) or alphabetical order."""
    groups: dict[str, list[GlossaryTerm]] = {}
    if lang in JAPANESE_TEXT:
        for term in sorted(project.glossary, key=lambda g: g.reading):
            groups.setdefault(_GYO_OF.get(term.reading[:1], ""), []).append(term)
        order = [g for g in _GYO if g in groups] + ([""] if "" in groups else [])
        return [(f"group-{_GROUP_IDS.get(g, 'other')}",
                 t("hb_glossary_group", lang, kana=g) if g else t("hb_glossary_other", lang), groups[g])
                for g in order]
    if not all(_latin(title_in(g, lang)[:1]) for g in project.glossary):
        # Chinese, Nepali, Burmese: no alphabet to group by; one list in the Japanese reading order
        return [("", "", sorted(project.glossary, key=lambda g: g.reading))]
    for term in sorted(project.glossary, key=lambda g: title_in(g, lang).casefold()):
        first = unicodedata.normalize("NFD", title_in(term, lang)[:1].upper())[:1]
        groups.setdefault(first, []).append(term)
    order = sorted(groups)
    return [(f"group-{i + 1}", g, groups[g]) for i, g in enumerate(order)]


def _latin(char: str) -> bool:
    return bool(char) and "LATIN" in unicodedata.name(char, "")


def page_markdown_for(project, lang: str) -> str:
    cfg = project.config
    here = page_url(SITE_PATH, lang, cfg.default_language)
    groups = _groups(project, lang)
    out = [f"# {t('hb_glossary_title', lang)}", "", t("hb_glossary_intro", lang), ""]
    if lang not in JAPANESE_TEXT and any(not _own(g, lang) for g in project.glossary) and lang != "en":
        out += [t("hb_glossary_fallback", lang), ""]
    if len(groups) > 1:
        jump = " ".join(f'<a href="#{gid}">{esc(name)}</a>' for gid, name, _ in groups)
        out += [f'<nav class="bansou-glossary-jump bansou-noterms">{jump}</nav>', ""]
    for gid, name, terms in groups:
        if name:
            out += [f"## {name} {{ #{gid} }}", ""]
        out.append('<dl class="bansou-glossary">')
        for term in terms:
            title = esc(title_in(term, lang))
            if lang in JAPANESE_TEXT:
                head = (f'<span class="bansou-glossary__term">{title}</span> '
                        f'<span class="bansou-glossary__reading">({esc(term.reading)})</span>')
            else:
                japanese = "" if term.term in title_in(term, lang) else esc(term.term)
                head = (f'<span class="bansou-glossary__term">{title}</span> '
                        f'<span class="bansou-glossary__reading" lang="ja">{japanese}'
                        f'({esc(term.reading)})</span>')
            target = project.articles.get(term.page)
            page_link = ""
            if target is not None:
                href = relative(here, page_url(term.page, lang, cfg.default_language))
                page_link = (f'<p class="bansou-glossary__page">{esc(t("hb_glossary_page", lang))}: '
                             f'<a href="{esc(href)}">{esc(target.title_in(lang))}</a></p>')
            definition = f"<p>{esc(definition_in(term, lang))}</p>"
            if lang not in JAPANESE_TEXT and not _own(term, lang):
                definition += f'<p lang="ja">{esc(term.definition)}</p>'
            out.append(f'<dt id="{esc(term.id)}">{head}</dt><dd>{definition}{page_link}</dd>')
        out += ["</dl>", ""]
    return "\n".join(out)


def extra_pages(project) -> list[ExtraPage]:
    if not project.glossary:
        return []
    cfg = project.config
    return [ExtraPage(suffixed(SITE_PATH, lang, cfg.default_language), None, page_markdown_for(project, lang))
            for lang in cfg.language_codes]


# ---------------------------------------------------------------- marking terms in page text

# text inside these is never marked: headings, links, code, controls, our own boxes
_SKIP_TAGS = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "samp", "script", "style",
              "button", "summary", "textarea", "select", "option", "label", "svg", "math", "title", "dt"}
_SKIP_CLASSES = {"bansou-noterms", "bansou-term", "admonition-title", "md-button", "headerlink"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_TOKEN = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)([^>]*?)(/?)\s*>", re.S)
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""")


@dataclass(frozen=True)
class Matcher:
    pattern: re.Pattern | None  # every word, longest match first
    by_word: dict[str, GlossaryTerm]  # casefolded word → term


_BRACKETED = re.compile(r"\s*[((][^))]*[))]\s*$")
_LATIN_CHARS = "A-Za-z0-9\u00c0-\u024f\u1e00-\u1eff"  # ASCII, accented Latin, Vietnamese
_LATIN_WORD = re.compile(f"[{_LATIN_CHARS}][^\u3040-\u30ff\u3400-\u9fff]*")


def _trie_pattern(words: list[str]) -> str:
    """A regex shaped like a trie (生活(?:保護法?|福祉資金)): the engine follows one branch per
    position instead of trying every word, and the greedy optional parts give the longest match."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def _pattern(words: list[str]) -> re.Pattern | None:
    latin = sorted((w for w in words if _LATIN_WORD.fullmatch(w)), key=len, reverse=True)
    other = [w for w in words if not _LATIN_WORD.fullmatch(w)]
    parts = [_trie_pattern(other)] if other else []
    if latin:  # Latin words: whole words only
        parts.append(f"(?<![{_LATIN_CHARS}])(?:" + "|".join(map(re.escape, latin)) + f")(?![{_LATIN_CHARS}])")
    return re.compile("|".join(parts), re.I) if parts else None


_cache: tuple[object, dict[str, Matcher]] | None = None


def matcher(project, text_lang: str) -> Matcher:
    """Every glossary word of one text language (built once per loaded project)."""
    global _cache
    if _cache is None or _cache[0] is not project:
        _cache = (project, {})
    if text_lang not in _cache[1]:
        _cache[1][text_lang] = _build_matcher(project, text_lang)
    return _cache[1][text_lang]


def _build_matcher(project, text_lang: str) -> Matcher:
    by_word: dict[str, GlossaryTerm] = {}
    for term in project.glossary:
        if text_lang in JAPANESE_TEXT:
            words = [term.term, *term.aliases]
        else:
            own = term.translations.get(text_lang) or {}
            # "Residence card (在留カード)": the words a translated text uses come before the brackets
            words = [_BRACKETED.sub("", own["term"])] if own.get("term") else []
        for word in words:
            if word.strip():
                by_word.setdefault(word.casefold(), term)
    return Matcher(_pattern(list(by_word)), by_word)


def _marked_page(page) -> bool:
    doc = page.doc
    if page.site_path == SITE_PATH or doc is None:
        return False
    if isinstance(doc, Article):
        return not doc.info
    return isinstance(doc, (Case, Module))


def _span(term: GlossaryTerm, text: str, page, glossary_href: str) -> str:
    lang = page.lang
    title = title_in(term, lang)
    if lang in JAPANESE_TEXT:
        title = f"{title}({term.reading})"
    elif term.term not in title:
        title = f"{title} ({term.term})"
    return (f'<span class="bansou-term" tabindex="0" role="button" aria-expanded="false" '
            f'data-term-id="{esc(term.id)}" data-term-title="{esc(title)}" '
            f'data-term-def="{esc(definition_in(term, lang))}" '
            f'data-term-href="{esc(glossary_href)}#{esc(term.id)}" '
            f'data-term-more="{esc(t("hb_glossary_more", lang))}" '
            f'data-term-close="{esc(t("hb_glossary_close", lang))}">{text}</span>')


def mark_terms(project, page, html: str) -> str:
    """Wrap the first occurrence of each glossary word in the page's running text."""
    text_lang = page.default_lang if page.fallback else page.lang
    m = matcher(project, text_lang)
    pattern = m.pattern
    if pattern is None:
        return html
    glossary_href = relative(page.url, page_url(SITE_PATH, page.lang, page.default_lang))
    seen: set[str] = set()

    def replace(match: re.Match) -> str:
        term = m.by_word.get(match.group(0).casefold())
        if term is None or term.id in seen:
            return match.group(0)
        seen.add(term.id)
        return _span(term, match.group(0), page, glossary_href)

    out: list[str] = []
    stack: list[tuple[str, bool]] = []
    skipping = 0
    pos = 0
    for token in _TOKEN.finditer(html):
        text = html[pos:token.start()]
        if text:
            out.append(text if skipping else pattern.sub(replace, text))
        pos = token.end()
        raw = token.group(0)
        out.append(raw)
        tag = _TAG.match(raw)
        if raw.startswith("<!--") or tag is None:
            continue
        closing, name, attrs, selfclose = tag.group(1), tag.group(2).lower(), tag.group(3), tag.group(4)
        if closing:
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    skipping -= sum(1 for _, s in stack[i:] if s)
                    del stack[i:]
                    break
            continue
        if name in _VOID or selfclose:
            continue
        cls = _CLASS.search(attrs)
        classes = set((cls.group(1) or cls.group(2) or "").split()) if cls else set()
        skip = name in _SKIP_TAGS or bool(classes & _SKIP_CLASSES)
        stack.append((name, skip))
        skipping += skip
    rest = html[pos:]
    if rest:
        out.append(rest if skipping else pattern.sub(replace, rest))
    return "".join(out)


def page_html(project, page, html: str) -> str:
    if not _marked_page(page) or not project.glossary:
        return html
    return mark_terms(project, page, html)
