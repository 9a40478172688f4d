"""Contributed Markdown may not run code or make the reader's browser call other sites.

Blocks raw <script>, <iframe>/<object>/<embed>, inline event handlers (onclick=...),
javascript:/vbscript:/data: links and images hosted elsewhere; warns about template spots
(〔要記入〕) nobody has filled in yet. Code blocks and `inline code` are not content, so
examples inside them are fine.
"""
from __future__ import annotations

import re
from pathlib import Path

from .. import codes
from ..findings import Finding
from ..scaffold import MARKER
from ..sourcefile import decode

codes.define(
    "html-script", "error",
    "ページに <script>(プログラムを動かすタグ)が書かれています。",
    "The page contains a <script> tag (a tag that runs a program).",
    "読者の安全のため、ページの中でプログラムは動かせません。<script> から </script> までを消してください。"
    "説明のために見せたいときは `<script>` のように「`」で囲みます。",
    "For readers' safety pages cannot run programs. Delete everything from <script> to </script>. "
    "To show it as an example, wrap it in backticks like `<script>`.",
    "<script>alert(1)</script>")
codes.define(
    "html-iframe", "error",
    "ページに <{tag}>(ほかのサイトの中身を埋め込むタグ)が書かれています。",
    "The page contains an <{tag}> tag (it embeds another site's content).",
    "埋め込みは読者の情報をほかのサイトに送ってしまいます。埋め込みを消して、`[説明](https://…)` のような普通のリンクにしてください。",
    "Embeds send readers' data to other sites. Replace the embed with an ordinary link like `[text](https://...)`.",
    '<iframe src="https://video.example.com/…"></iframe>')
codes.define(
    "html-event-handler", "error",
    "HTML のタグに「{attribute}=」(クリックなどでプログラムを動かす書き方)があります。",
    "An HTML tag has '{attribute}=' (it runs a program on a click or similar).",
    "「{attribute}=\"…\"」の部分を消してください。ページの中でプログラムは動かせません。",
    "Delete the '{attribute}=\"...\"' part. Pages cannot run programs.",
    '<a href="#" onclick="…">')
codes.define(
    "link-javascript", "error",
    "リンク先が「{scheme}:」で始まっています(プログラムを動かすリンクです)。",
    "A link target starts with '{scheme}:' (a link that runs a program).",
    "リンク先は https:// で始まるアドレスか、ほかのページ(例:../poverty/public-assistance.md)にしてください。",
    "Link to an https:// address or to another page (e.g. ../poverty/public-assistance.md).",
    "[ここを押す](javascript:alert(1))")
codes.define(
    "image-external", "error",
    "画像「{src}」がほかのサイトに置かれています。",
    "The image '{src}' is hosted on another site.",
    "読者のスマホがほかのサイトに接続しないよう、画像は docs/ の中(例:docs/images/)に置き、"
    "`![説明](../images/name.png)` のように相対パスで書きます。画像の使用許可も確かめてください。",
    "So that readers' phones connect to no other site, put the image inside docs/ (e.g. docs/images/) and "
    "link it relatively: `![description](../images/name.png)`. Check that you may use the image.",
    "![地図](https://maps.example.com/map.png)")
codes.define(
    "template-unfilled", "warning",
    "テンプレートの「" + MARKER + "」が {count} か所残っています(最初は {first} 行目)。",
    "{count} template spot(s) marked " + MARKER + " are not filled in yet (first on line {first}).",
    "「" + MARKER + "」の印がある所を実際の内容に書き換え、印を消してください。",
    "Replace each spot marked " + MARKER + " with real content and delete the mark.",
    "summary: " + MARKER + "このページで分かることを書きます。")

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_SCRIPT = re.compile(r"<\s*script\b", re.I)
_EMBED = re.compile(r"<\s*(iframe|frame|frameset|object|embed)\b", re.I)
_TAG = re.compile(r"<[a-zA-Z][^<>]*>", re.S)
_HANDLER = re.compile(r"[\s\"'/](on[a-zA-Z]+)\s*=", re.I)
_BAD_SCHEME = re.compile(r"(?:\]\(\s*<?|\b(?:href|src|action|formaction)\s*=\s*[\"']?)\s*(javascript|vbscript|data)\s*:", re.I)
_SCHEME_END = re.compile(r"[tTaA]\s*:")  # how "javascript:", "vbscript:" and "data:" end
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?(?P<src>(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//[^)\s>]+)")
_HTML_IMAGE = re.compile(r"<\s*(?:img|source|image|video|audio)\b[^>]*\b(?:src|srcset|poster)\s*=\s*[\"']?\s*(?P<src>(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//[^\"'\s>]+)", re.I)


def _masked_lines(text: str) -> list[str]:
    """Lines with fenced code blocks and inline code blanked out (same length, so columns hold)."""
    out, fence = [], None
    for line in text.split("\n"):
        m = _FENCE.match(line)
        if fence is None and m:
            fence = m.group(1)[0]
            out.append("")
        elif fence is not None:
            if line.strip().startswith(fence * 3):
                fence = None
            out.append("")
        else:
            out.append(_INLINE_CODE.sub(lambda mm: " " * len(mm.group(0)), line) if "`" in line else line)
    return out


def lint_text(text: str, rel: str) -> list[Finding]:
    findings: list[Finding] = []
    lines = _masked_lines(text)
    marker_lines = [i for i, line in enumerate(lines, 1) if MARKER in line]
    if marker_lines:
        findings.append(codes.make("template-unfilled", rel, marker_lines[0], None,
                                   count=len(marker_lines), first=marker_lines[0]))
    joined = "\n".join(lines)
    # each rule line by line only where the whole text has a match: most pages have none
    wanted = {rx for rx in (_SCRIPT, _EMBED, _MD_IMAGE, _HTML_IMAGE) if rx.search(joined)}
    if _SCHEME_END.search(joined) and _BAD_SCHEME.search(joined):  # the hint is 5x cheaper to look for
        wanted.add(_BAD_SCHEME)
    for i, line in enumerate(lines if wanted else (), 1):
        for m in _SCRIPT.finditer(line) if _SCRIPT in wanted else ():
            findings.append(codes.make("html-script", rel, i, m.start() + 1))
        for m in _EMBED.finditer(line) if _EMBED in wanted else ():
            findings.append(codes.make("html-iframe", rel, i, m.start() + 1, tag=m.group(1).lower()))
        for m in _BAD_SCHEME.finditer(line) if _BAD_SCHEME in wanted else ():
            findings.append(codes.make("link-javascript", rel, i, m.start(1) + 1, scheme=m.group(1).lower()))
        for rx in (_MD_IMAGE, _HTML_IMAGE):
            for m in rx.finditer(line) if rx in wanted else ():
                findings.append(codes.make("image-external", rel, i, m.start("src") + 1, src=m.group("src")[:80]))
    # event handlers: a tag may span lines, so look at whole tags in the masked text
    for tag in _TAG.finditer(joined):
        for m in _HANDLER.finditer(tag.group(0)):
            pos = tag.start() + m.start(1)
            line = joined.count("\n", 0, pos) + 1
            column = pos - (joined.rfind("\n", 0, pos) + 1) + 1
            findings.append(codes.make("html-event-handler", rel, line, column, attribute=m.group(1).lower()))
    return findings


def _files(project) -> list[tuple[str, Path]]:
    out = []
    for doc in project.documents():
        out.append((doc.rel, doc.abs_path))
        out += [(tr.rel, tr.abs_path) for tr in doc.translations.values()]
    glossary = project.config.docs_dir / "glossary.yml"
    if glossary.exists():
        out.append((glossary.relative_to(project.root).as_posix(), glossary))
    return out


def check(project) -> list[Finding]:
    findings: list[Finding] = []
    for rel, path in _files(project):
        try:
            text, problems = decode(path.read_bytes(), rel)
        except OSError:
            continue  # unreadable files are reported by the loader
        if text is not None:
            findings += lint_text(text, rel)
    return findings
