"""Reading source files: bytes → text → front matter + body, with line numbers kept.

BOM and CRLF are accepted as they are; every problem becomes a Finding, never an exception.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import codes
from .findings import Finding

KeyPath = tuple  # e.g. ("sources", 0, "url")


class _Loader(yaml.SafeLoader):
    """Safe loader that keeps dates as strings, so an impossible date is our finding, not a crash."""


# libyaml parses front matter several times faster (it is most of loading a project); the
# pure-Python loader explains errors in the words _YAML_PROBLEMS translates, so it reports them.
class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same, parsed by libyaml when PyYAML was built with it."""


_Loader.yaml_implicit_resolvers = _FastLoader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}

_FENCE = re.compile(r"^---\s*$")
_CLOSE = re.compile(r"^(---|\.\.\.)\s*$")

# plain-language versions of PyYAML's most common problems
_YAML_PROBLEMS = {
    "mapping values are not allowed here": ("「:」の使い方が正しくありません(値の中に「: 」があるときは全体を \"…\" で囲みます)。",
                                            "a ':' is misplaced (quote the whole value with \"...\" if it contains ': ')."),
    "could not find expected ':'": ("「項目名: 値」の「:」が見つかりません。", "the ':' after a field name is missing."),
    "found character '\\t' that cannot start any token": ("タブ文字は使えません。", "tab characters are not allowed."),
    "did not find expected key": ("字下げがずれているか、項目名がありません。", "the indentation is uneven or a field name is missing."),
    "expected <block end>, but found '-'": ("一覧の「-」の字下げがずれています。", "a list item '-' is indented unevenly."),
    "found unexpected end of stream": ("「\"」や「[」が閉じられていません。", "a quote or bracket is not closed."),
    "did not find expected ',' or ']'": ("「[ ]」の一覧が閉じられていないか、「,」がありません。", "a [ ] list is not closed or a ',' is missing."),
    "expected ',' or ']', but got '<stream end>'": ("「[ ]」の一覧が閉じられていません。", "a [ ] list is not closed."),
    "expected ',' or '}', but got '<stream end>'": ("「{ }」が閉じられていません。", "a { } block is not closed."),
    "found undefined alias": ("「*」で始まる値は使えません。値を \"…\" で囲んでください。", "values starting with '*' must be quoted."),
}


@dataclass
class YamlDoc:
    data: object
    key_lines: dict[KeyPath, int] = field(default_factory=dict)

    def line_of(self, path: KeyPath, default: int | None = None) -> int | None:
        """Line of the deepest known key along path."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.key_lines:
                return self.key_lines[path[:end]]
        return default


@dataclass
class SourceText:
    abs_path: Path
    rel: str
    text: str
    meta: dict
    body: str
    body_line: int  # 1-based line number of the first body line
    fm: YamlDoc

    def line_of(self, path: KeyPath) -> int:
        return self.fm.line_of(path, 1) or 1


def decode(raw: bytes, rel: str) -> tuple[str | None, list[Finding]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [codes.make("encoding", rel, line, None, detail=f"{exc.start + 1} バイト目",
                                 detail_en=f"byte {exc.start + 1}")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def _key_lines(node: yaml.Node, offset: int, prefix: KeyPath = ()) -> dict[KeyPath, int]:
    lines: dict[KeyPath, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            path = prefix + (key,)
            lines[path] = key_node.start_mark.line + offset
            lines.update(_key_lines(value_node, offset, path))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            path = prefix + (i,)
            lines[path] = item.start_mark.line + offset
            lines.update(_key_lines(item, offset, path))
    return lines


def _load(text: str, loader_class: type) -> tuple[yaml.Node | None, object]:
    """The node tree (for key lines) and the data, from one parse."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def parse_yaml(text: str, rel: str, first_line: int) -> tuple[YamlDoc | None, list[Finding]]:
    """Parse YAML whose first line is file line `first_line` (1-based)."""
    for i, line in enumerate(text.split("\n")):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            return None, [codes.make("yaml-tab", rel, first_line + i, len(line) - len(stripped) + 1)]
        if line.startswith("\u3000"):
            return None, [codes.make("yaml-syntax", rel, first_line + i, 1,
                                     detail="行頭に全角スペースがあります。", detail_en="The line starts with a full-width space.")]
    try:
        node, data = _load(text, _FastLoader)
    except yaml.YAMLError:
        node = data = None  # parsed again below for a plain-language message
    try:
        if node is None:
            node, data = _load(text, _Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        column = mark.column + 1 if mark else None
        problem = (exc.problem or "").strip()
        ja, en = _YAML_PROBLEMS.get(problem, ("", problem))
        return None, [codes.make("yaml-syntax", rel, line, column,
                                 detail=ja or f"({problem})", detail_en=en)]
    except yaml.YAMLError as exc:  # non-marked errors are rare; still a finding, not a traceback
        return None, [codes.make("yaml-syntax", rel, first_line, None, detail=str(exc), detail_en=str(exc))]
    lines = _key_lines(node, first_line) if node is not None else {}
    return YamlDoc(data, lines), []


def read_source(abs_path: Path, rel: str) -> tuple[SourceText | None, list[Finding]]:
    """Read a Markdown file with front matter."""
    try:
        raw = abs_path.read_bytes()
    except OSError as exc:
        return None, [codes.make("encoding", rel, None, None, detail=str(exc), detail_en=str(exc))]
    if not raw.strip():
        return None, [codes.make("file-empty", rel)]
    text, findings = decode(raw, rel)
    if text is None:
        return None, findings
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return None, [codes.make("front-matter-missing", rel, 1, 1)]
    end = next((i for i in range(1, len(lines)) if _CLOSE.match(lines[i])), None)
    if end is None:
        return None, [codes.make("front-matter-unclosed", rel, 1, 1)]
    fm_text = "\n".join(lines[1:end])
    doc, findings = parse_yaml(fm_text, rel, 2)
    if doc is None:
        return None, findings
    if doc.data is None:
        doc.data = {}
    if not isinstance(doc.data, dict):
        return None, [codes.make("front-matter-not-mapping", rel, 2, 1)]
    body = "\n".join(lines[end + 1:])
    return SourceText(abs_path, rel, text, doc.data, body, end + 2, doc), []


def read_yaml_file(abs_path: Path, rel: str) -> tuple[YamlDoc | None, list[Finding]]:
    try:
        raw = abs_path.read_bytes()
    except OSError as exc:
        return None, [codes.make("encoding", rel, None, None, detail=str(exc), detail_en=str(exc))]
    if not raw.strip():
        return None, [codes.make("file-empty", rel)]
    text, findings = decode(raw, rel)
    if text is None:
        return None, findings
    return parse_yaml(text, rel, 1)
