"""Text of built pages and data files, laid out on the lines of the source file.

The extracted text keeps one line per line of the HTML file so findings point
at the right line of the built page. Columns are columns in the extracted text.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# svg: chart geometry and axis ticks (the same numbers are in the chart's data table);
# rt/rp: furigana readings of the text next to them
SKIP_TAGS = frozenset({"script", "style", "template", "noscript", "svg", "rt", "rp"})
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
# Text in separate blocks must not run together into one "number" or "name".
BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd details div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul label button option".split()
)
TAG = re.compile(r"<[^>]*>")
# Between blocks (table cells, list items) a mark that no identifier pattern spans, so
# counts in adjacent cells ("3", "1", "0") are not read as one number split by spaces.
BLOCK_BREAK = " ¦ "
BLOCK_TAG = re.compile(r"</?(?:%s)\b[^>]*>" % "|".join(sorted(BLOCK_TAGS, key=len, reverse=True)))


@dataclass
class PageText:
    text: str
    skipped: list[str] = field(default_factory=list)  # text inside data-pii="skip" elements


class _Extractor(HTMLParser):
    def __init__(self, line_count: int) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[list[str]] = [[] for _ in range(line_count + 1)]
        self.skip_depth = 0  # open elements inside a skipped subtree
        self.pii_skip = False
        self.skipped: list[str] = []

    def _put(self, data: str) -> None:
        line = self.getpos()[0] - 1
        for i, piece in enumerate(data.split("\n")):
            if line + i >= len(self.lines):
                self.lines.append([])
            self.lines[line + i].append(piece)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_depth:
            if tag not in VOID_TAGS:
                self.skip_depth += 1
            return
        if tag in SKIP_TAGS or ("data-pii", "skip") in attrs:
            if tag not in VOID_TAGS:
                self.skip_depth, self.pii_skip = 1, tag not in SKIP_TAGS
                if self.pii_skip:
                    self.skipped.append("")
            return
        if tag in BLOCK_TAGS:
            self._put(BLOCK_BREAK)

    def handle_endtag(self, tag: str) -> None:
        if self.skip_depth:
            self.skip_depth -= 1
            return
        if tag in BLOCK_TAGS:
            self._put(BLOCK_BREAK)

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            if self.pii_skip:
                self.skipped[-1] += data
            return
        self._put(data)

    def handle_comment(self, data: str) -> None:
        # Keep pii-allow markers so the same line-based rules apply to the page.
        if not self.skip_depth and "pii-allow" in data:
            self._put(f"<!--{data}-->")


def html_text(source: str) -> PageText:
    parser = _Extractor(source.count("\n") + 1)
    parser.feed(source)
    parser.close()
    text = "\n".join("".join(parts) for parts in parser.lines[: source.count("\n") + 1])
    return PageText(text, [s.strip() for s in parser.skipped if s.strip()])


def strip_tags(fragment: str) -> str:
    """Text of an HTML fragment (a search index entry) as html_text reads the page it comes
    from: blocks apart, inline markup dropped. A paragraph then reads the same in both and
    is scanned once."""
    if "<" in fragment:
        fragment = TAG.sub("", BLOCK_TAG.sub(BLOCK_BREAK, fragment))
    return html.unescape(fragment)


JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
KEY_COLON = re.compile(r"\s*:")


@dataclass(frozen=True)
class JsonString:
    offset: int  # where the literal starts in the file
    value: str
    location: str | None  # the nearest preceding "location" value (search index docs)


def json_strings(source: str) -> list[JsonString]:
    """Every string value in a JSON file with its position, without loading the tree."""
    out: list[JsonString] = []
    location: str | None = None
    pending_location = False
    for m in JSON_STRING.finditer(source):
        is_key = KEY_COLON.match(source, m.end()) is not None
        value = json.loads(m.group())
        if is_key:
            pending_location = value == "location"
            continue
        if pending_location:
            location, pending_location = value, False
            continue
        out.append(JsonString(m.start(), value, location))
    return out
