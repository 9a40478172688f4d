"""Text of built pages and data files, laid out on the lines of the source file.

The extracted text keeps one line per line of the HTML file so findings point
at the right line of the built page. Columns are columns in the extracted text.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field

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


# One token at a time: text, comment, tag, doctype, or a "<" that starts nothing. A regex
# tokenizer, not html.parser: it reads a page twice as fast and gives the same text (checked
# on every page of the real site and on 30,000 random fragments when it replaced the parser).
_TOKEN = re.compile(
    r"(?P<text>[^<]+)"
    r"|<!--(?P<comment>.*?)-->"
    r"|<(?P<end>/?)(?P<name>[a-zA-Z][^\t\n\r\f />\x00]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
    r"|<[!?][^>]*>"
    r"|(?P<lt><)",
    re.S)
_PII_SKIP = re.compile(r"""\sdata-pii\s*=\s*(?:"skip"|'skip'|skip(?=[\s/>]|$))""", re.I)
# their content is raw text up to the end tag (a "</div>" in a script is not a tag)
_RAW_END = {"script": re.compile(r"</script\s*>", re.I), "style": re.compile(r"</style\s*>", re.I)}


class _Lines:
    """Text pieces laid out on the lines of the HTML file."""

    def __init__(self, line_count: int) -> None:
        self.lines: list[list[str]] = [[] for _ in range(line_count + 1)]

    def put(self, data: str, at: int) -> None:
        if "\n" not in data:
            self.lines[at].append(data)
            return
        for i, piece in enumerate(data.split("\n")):
            if at + i >= len(self.lines):
                self.lines.append([])
            self.lines[at + i].append(piece)


def html_text(source: str) -> PageText:
    line_count = source.count("\n") + 1
    out = _Lines(line_count)
    skipped: list[str] = []  # text of data-pii="skip" elements
    skip_depth = 0  # open elements inside a skipped subtree
    pii_skip = False
    line = pos = 0
    while pos < len(source):
        m = _TOKEN.match(source, pos)
        pos = m.end()
        chunk = m.group()
        if m.lastgroup in ("text", "lt"):
            if skip_depth:
                if pii_skip:
                    skipped[-1] += html.unescape(chunk)
            elif chunk.strip("\n"):
                out.put(html.unescape(chunk) if "&" in chunk else chunk, line)
            line += chunk.count("\n")
            continue
        at = line
        line += chunk.count("\n")
        if m.lastgroup == "comment":
            # pii-allow markers stay, so the same line-based rules apply to the page
            if not skip_depth and "pii-allow" in m.group("comment"):
                out.put(chunk, at)
            continue
        name = m.group("name")
        if name is None:
            continue  # doctype, processing instruction
        name = name.lower()
        if m.group("end"):
            if skip_depth:
                skip_depth -= 1
            elif name in BLOCK_TAGS:
                out.put(BLOCK_BREAK, at)
            continue
        attrs = m.group("attrs")
        if skip_depth:
            if name not in VOID_TAGS:
                skip_depth += 1
        elif name in SKIP_TAGS or ("data-pii" in attrs and _PII_SKIP.search(attrs)):
            if name not in VOID_TAGS:
                skip_depth, pii_skip = 1, name not in SKIP_TAGS
                if pii_skip:
                    skipped.append("")
        elif name in BLOCK_TAGS:
            out.put(BLOCK_BREAK, at)
        if attrs.endswith("/"):  # <br/>: a start tag and an end tag
            if skip_depth:
                skip_depth -= 1
            elif name in BLOCK_TAGS:
                out.put(BLOCK_BREAK, at)
        elif name in _RAW_END:
            close = _RAW_END[name].search(source, pos)
            stop = close.start() if close else len(source)
            raw = source[pos:stop]
            if skip_depth and pii_skip:
                skipped[-1] += raw
            elif not skip_depth and raw.strip("\n"):
                out.put(raw, line)
            line += raw.count("\n")
            pos = stop
    text = "\n".join("".join(parts) for parts in out.lines[:line_count])
    return PageText(text, [s.strip() for s in skipped if s.strip()])


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


class _Pairs(list):
    """A JSON object as its (key, value) pairs: duplicate keys are kept, as in the text."""


def json_values(source: str) -> list[tuple[str, str | None]] | None:
    """(value, nearest preceding "location") of every string value, as json_strings finds
    them, from the parsed tree (much faster); None if the text is not JSON."""
    try:
        tree = json.loads(source, object_pairs_hook=_Pairs)
    except ValueError:
        return None
    out: list[tuple[str, str | None]] = []
    location: str | None = None
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            out.append((node, location))
        elif isinstance(node, _Pairs):
            for key, value in reversed(node):
                stack.append(("location", value) if key == "location" and isinstance(value, str) else value)
        elif isinstance(node, tuple):  # a location value: it applies to the strings after it
            location = node[1]
        elif isinstance(node, list):
            stack.extend(reversed(node))
    return out


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
