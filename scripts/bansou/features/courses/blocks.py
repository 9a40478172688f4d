"""Finding the course blocks in module Markdown, and reading quiz / role-play YAML.

Syntax (documented for authors in README.md next to this file):
  !!! objectives / keypoints / exercise / trainer "Title"   (admonitions, 4-space indented body)
  ??? solution "Title"                                      (collapsed, usually inside an exercise)
  ```quiz / ```roleplay fences with YAML inside, at the start of a line (not indented)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ... import codes
from ...findings import Finding
from ...sourcefile import parse_yaml

_FENCE_OPEN = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`\s]*)")
_ADMONITION = re.compile(r'^(?P<indent>\s*)(?P<mark>!!!|\?\?\?\+?)\s+(?P<type>[\w-]+)(?:\s+"(?P<title>[^"]*)")?\s*$')
_HEADING = re.compile(r"^#{1,5}\s")
BLOCK_FENCES = ("quiz", "roleplay")


@dataclass(frozen=True)
class Fence:
    kind: str  # "quiz" | "roleplay"
    start: int  # 0-based line index of the opening fence in the body
    end: int  # 0-based line index of the closing fence (or the last line if unclosed)
    text: str  # the YAML between the fences


@dataclass(frozen=True)
class Admonition:
    kind: str
    title: str | None
    start: int  # 0-based line of the !!! line
    end: int  # 0-based line after the block
    indent: str
    content: str  # dedented body


def code_mask(lines: list[str]) -> list[bool]:
    """True for lines inside (or opening/closing) fenced code; a longer fence may contain shorter ones."""
    mask: list[bool] = []
    fence: str | None = None
    for line in lines:
        if fence is None:
            m = re.match(r"(`{3,}|~{3,})", line.lstrip(" "))
            if m:
                fence = m.group(1)
            mask.append(bool(m))
        else:
            mask.append(True)
            stripped = line.strip()
            if stripped and set(stripped) == {fence[0]} and len(stripped) >= len(fence):
                fence = None
    return mask


def fences(body: str) -> list[Fence]:
    """Top-level ```quiz and ```roleplay blocks (not those shown inside a longer code fence)."""
    lines = body.split("\n")
    out: list[Fence] = []
    i = 0
    while i < len(lines):
        m = _FENCE_OPEN.match(lines[i])
        if not m:
            i += 1
            continue
        fence = m.group("fence")
        j = i + 1
        while j < len(lines):
            stripped = lines[j].strip()
            if stripped and set(stripped) == {fence[0]} and len(stripped) >= len(fence):
                break
            j += 1
        if m.group("info") in BLOCK_FENCES:
            out.append(Fence(m.group("info"), i, min(j, len(lines) - 1), "\n".join(lines[i + 1:j])))
        i = j + 1
    return out


def admonitions(body: str, kind: str | None = None) -> list[Admonition]:
    lines = body.split("\n")
    mask = code_mask(lines)
    out: list[Admonition] = []
    for i, line in enumerate(lines):
        if mask[i]:
            continue
        m = _ADMONITION.match(line)
        if not m or (kind and m.group("type") != kind):
            continue
        indent = m.group("indent")
        inner = indent + "    "
        j = i + 1
        while j < len(lines) and (not lines[j].strip() or lines[j].startswith(inner)):
            j += 1
        while j > i + 1 and not lines[j - 1].strip():  # trailing blank lines belong to the page
            j -= 1
        content = "\n".join(x[len(inner):] if x.startswith(inner) else "" for x in lines[i + 1:j])
        out.append(Admonition(m.group("type"), m.group("title"), i, j, indent, content))
    return out


def has_block(body: str, kind: str) -> bool:
    return bool(admonitions(body, kind))


def without_blocks(body: str, kind: str) -> str:
    """The body with every `kind` admonition removed (e.g. trainer notes for the print page)."""
    lines = body.split("\n")
    drop: set[int] = set()
    for block in admonitions(body, kind):
        drop.update(range(block.start, block.end))
    return "\n".join(line for i, line in enumerate(lines) if i not in drop)


def expand_collapsed(body: str) -> str:
    """`??? x` → `!!! x`: solutions printed open."""
    lines = body.split("\n")
    mask = code_mask(lines)
    for i, line in enumerate(lines):
        m = _ADMONITION.match(line)
        if m and not mask[i] and m.group("mark").startswith("???"):
            lines[i] = line.replace(m.group("mark"), "!!!", 1)
    return "\n".join(lines)


def demote_headings(body: str) -> str:
    lines = body.split("\n")
    mask = code_mask(lines)
    return "\n".join("#" + line if not mask[i] and _HEADING.match(line) else line
                     for i, line in enumerate(lines))


# ---------------------------------------------------------------- quiz and role-play records

@dataclass(frozen=True)
class QuizOption:
    text: str
    correct: bool


@dataclass(frozen=True)
class Quiz:
    type: str  # "single" | "multiple"
    question: str
    options: tuple[QuizOption, ...]
    explanation: str


@dataclass(frozen=True)
class Role:
    name: str
    card: str


@dataclass(frozen=True)
class Roleplay:
    title: str
    case: str | None
    situation: str
    roles: tuple[Role, ...]
    observer: tuple[str, ...]


QUIZ_KEYS = {"type", "question", "options", "explanation"}
ROLEPLAY_KEYS = {"title", "case", "situation", "roles", "observer"}


def _text(value: object) -> str | None:
    return str(value).strip() if isinstance(value, (str, int, float)) and str(value).strip() else None


def _invalid(code: str, rel: str, line: int, ja: str, en: str, severity=None) -> Finding:
    return codes.make(code, rel, line, None, severity=severity, detail=ja, detail_en=en)


def _load_fence(fence: Fence, rel: str, body_line: int, code: str, allowed: set[str], kind_en: str):
    """The YAML of a quiz or role-play fence: (data, doc, first line, findings so far), or
    data None when it is not a mapping. body_line: file line of the body's first line."""
    first = body_line + fence.start + 1
    doc, findings = parse_yaml(fence.text, rel, first)
    if doc is None:
        return None, None, first, findings
    if not isinstance(doc.data, dict):
        return None, doc, first, [_invalid(code, rel, first, "中身が「項目名: 値」の形になっていません。",
                                           "the content is not a list of 'name: value' fields.")]
    out = [_invalid(code, rel, doc.line_of((key,), first), f"「{key}」という項目は使いません。",
                    f"'{key}' is not a {kind_en} field.", severity="warning")
           for key in sorted(set(doc.data) - allowed)]
    return doc.data, doc, first, out


def parse_quiz(fence: Fence, rel: str, body_line: int) -> tuple[Quiz | None, list[Finding]]:
    data, doc, first, out = _load_fence(fence, rel, body_line, "quiz-invalid", QUIZ_KEYS, "quiz")
    if data is None:
        return None, out
    qtype = data.get("type", "single")
    if qtype not in ("single", "multiple"):
        out.append(_invalid("quiz-invalid", rel, doc.line_of(("type",), first),
                            f"type は single(一つ選ぶ)か multiple(すべて選ぶ)です(「{qtype}」になっています)。",
                            f"type must be single or multiple (it is '{qtype}')."))
    question = _text(data.get("question"))
    if question is None:
        out.append(_invalid("quiz-invalid", rel, doc.line_of(("question",), first), "question(問い)がありません。",
                            "the question is missing."))
    options: list[QuizOption] = []
    raw_options = data.get("options")
    if not isinstance(raw_options, list) or len(raw_options) < 2:
        out.append(_invalid("quiz-invalid", rel, doc.line_of(("options",), first),
                            "options(選択肢)を「- text: …」の形で2つ以上書いてください。",
                            "write at least two options as '- text: ...'."))
        raw_options = raw_options if isinstance(raw_options, list) else []
    for i, opt in enumerate(raw_options):
        text = _text(opt.get("text")) if isinstance(opt, dict) else None
        if text is None:
            out.append(_invalid("quiz-invalid", rel, doc.line_of(("options", i), first),
                                f"{i + 1}番目の選択肢に text がありません。", f"option {i + 1} has no text."))
            continue
        correct = opt.get("correct", False)
        if not isinstance(correct, bool):
            out.append(_invalid("quiz-invalid", rel, doc.line_of(("options", i, "correct"), first),
                                "correct は true と書きます(正解でない選択肢には書きません)。",
                                "write correct: true (leave it out for wrong options)."))
        options.append(QuizOption(text, correct is True))
    n_correct = sum(o.correct for o in options)
    if options and qtype == "single" and n_correct != 1:
        out.append(codes.make("quiz-answer-count", rel, doc.line_of(("options",), first), None, count=n_correct))
    if options and qtype == "multiple" and n_correct == 0:
        out.append(_invalid("quiz-invalid", rel, doc.line_of(("options",), first),
                            "正解(correct: true)の選択肢がありません。", "no option is marked correct: true."))
    explanation = _text(data.get("explanation"))
    if explanation is None:
        out.append(_invalid("quiz-invalid", rel, first, "explanation(解説)がありません。答えたあとに表示する解説を書いてください。",
                            "the explanation is missing: write what is shown after answering.", severity="warning"))
    if any(f.severity == "error" for f in out):
        return None, out
    return Quiz(qtype, question or "", tuple(options), explanation or ""), out


def parse_roleplay(fence: Fence, rel: str, body_line: int, case_ids) -> tuple[Roleplay | None, list[Finding]]:
    data, doc, first, out = _load_fence(fence, rel, body_line, "roleplay-invalid", ROLEPLAY_KEYS, "role-play")
    if data is None:
        return None, out
    case = _text(data.get("case"))
    if case is not None and case not in case_ids:
        out.append(codes.make("roleplay-case-missing", rel, doc.line_of(("case",), first), None, case=case))
    situation = _text(data.get("situation"))
    if situation is None and case is None:
        out.append(_invalid("roleplay-invalid", rel, first, "situation(状況)か case(事例の ID)のどちらかを書いてください。",
                            "write a situation or a case id."))
    roles: list[Role] = []
    raw_roles = data.get("roles")
    if not isinstance(raw_roles, list) or not raw_roles:
        out.append(_invalid("roleplay-invalid", rel, doc.line_of(("roles",), first),
                            "roles(役割)を「- name: …」「card: …」の形で書いてください。",
                            "write the roles as '- name: ...' with a 'card: ...'."))
        raw_roles = []
    for i, role in enumerate(raw_roles):
        name = _text(role.get("name")) if isinstance(role, dict) else None
        card = _text(role.get("card")) if isinstance(role, dict) else None
        if name is None or card is None:
            out.append(_invalid("roleplay-invalid", rel, doc.line_of(("roles", i), first),
                                f"{i + 1}番目の役割に name(役名)と card(役割カード)の両方が必要です。",
                                f"role {i + 1} needs both a name and a card."))
            continue
        roles.append(Role(name, card))
    observer = data.get("observer") or []
    if not isinstance(observer, list) or not all(_text(x) for x in observer):
        out.append(_invalid("roleplay-invalid", rel, doc.line_of(("observer",), first),
                            "observer(観察の項目)は「- …」の一覧で書いてください。",
                            "write observer as a list of '- ...' items."))
        observer = []
    if any(f.severity == "error" for f in out):
        return None, out
    return Roleplay(_text(data.get("title")) or "", case, situation or "", tuple(roles),
                    tuple(str(x).strip() for x in observer)), out


codes.define("quiz-invalid", "error",
             "確認クイズ(```quiz)の書き方が正しくありません:{detail}",
             "The quiz (```quiz) is not written correctly: {detail_en}",
             "type / question / options(「- text: …」、正解には correct: true)/ explanation の4項目で書きます。",
             "Use the four fields type, question, options ('- text: ...', correct: true on right answers) and explanation.",
             "```quiz\nquestion: …\noptions: できる\n```")
codes.define("quiz-answer-count", "error",
             "一つ選ぶクイズ(type: single)なのに、正解(correct: true)が {count} 個あります。",
             "A single-choice quiz (type: single) has {count} correct answers.",
             "正解の選択肢一つだけに correct: true を書いてください。正解が複数なら type: multiple にします。",
             "Mark exactly one option correct: true, or use type: multiple if several are right.",
             "type: single で correct: true が2つ")
codes.define("roleplay-invalid", "error",
             "ロールプレイ(```roleplay)の書き方が正しくありません:{detail}",
             "The role play (```roleplay) is not written correctly: {detail_en}",
             "title / case または situation / roles(「- name: …」と「card: |」)/ observer(一覧)で書きます。",
             "Use title, case or situation, roles ('- name: ...' with 'card: |') and observer (a list).",
             "```roleplay\nroles: 相談者\n```")
codes.define("roleplay-case-missing", "error",
             "ロールプレイの case に書かれた事例「{case}」が事例集にありません。",
             "The role play's case '{case}' is not in the casebook.",
             "casebook/ にある事例の ID(例:case-001)を書くか、case の行を消して situation に状況を書いてください。",
             "Use the id of a case in casebook/ (e.g. case-001), or remove the case line and write a situation.",
             "case: case-999")
