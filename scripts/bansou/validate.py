"""Schema validation that speaks plainly: jsonschema errors → findings with file and line."""
from __future__ import annotations

from jsonschema import Draft202012Validator, FormatChecker

from . import codes
from .findings import Finding
from .sourcefile import KeyPath, YamlDoc

_TYPE_WORDS = {
    "string": ("文字(1行の文)", "text"),
    "array": ("一覧(「- 」で始まる行を並べるか、[a, b] の形)", "a list (lines starting with '- ', or [a, b])"),
    "integer": ("整数(例:40)", "a whole number (e.g. 40)"),
    "number": ("数(例:40)", "a number (e.g. 40)"),
    "object": ("項目のまとまり(字下げした「名前: 値」の行)", "a group of indented 'name: value' lines"),
    "boolean": ("true(はい)か false(いいえ)", "true or false"),
    "null": ("空", "empty"),
}

_FIELD_HINTS = {
    "sources": ("公的な出典(省庁・自治体・法令など)を「- title: …」「url: https://…」の形で1つ以上書きます。",
                "List at least one official source as '- title: ...' and 'url: https://...'."),
    "valid_as_of": ("内容が正しいと確認した時点の日付です(例:2026-11-01)。", "The date the facts are correct as of (e.g. 2026-11-01)."),
    "reviewed": ("最後に見直した日付です(例:2026-11-25)。", "The date of the last review (e.g. 2026-11-25)."),
    "keywords": ("読者が検索で打ちそうな言葉(略語・ひらがなの読み・よくある言い間違い)を並べます。",
                 "Words a reader would type: abbreviations, readings in hiragana, common wrong names."),
    "composite": ("事例は研修用に作った創作事例なので「composite: true」と書きます。",
                  "Cases are fictional composites for training: write 'composite: true'."),
}


def _expected(schema_type: object) -> tuple[str, str]:
    types = schema_type if isinstance(schema_type, list) else [schema_type]
    ja = "、または".join(_TYPE_WORDS.get(t, (t, t))[0] for t in types)
    en = " or ".join(_TYPE_WORDS.get(t, (t, t))[1] for t in types)
    return ja, en


def _field_name(path: KeyPath) -> str:
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(全体 / whole)"


def _known_keys(schema: dict) -> set[str]:
    return set(schema.get("properties", {}))


def validate(data: object, schema: dict, doc: YamlDoc, rel: str, base: KeyPath = (),
             default_line: int = 1, check_unknown: bool = True) -> list[Finding]:
    findings: list[Finding] = []
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    for err in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        path = base + tuple(err.absolute_path)
        line = doc.line_of(path, default_line)
        field = _field_name(tuple(err.absolute_path))
        if err.validator == "required":
            missing = err.message.split("'")[1] if "'" in err.message else err.message
            full = _field_name(tuple(err.absolute_path) + (missing,))
            hint_ja, hint_en = _FIELD_HINTS.get(missing, ("", ""))
            findings.append(codes.make("field-missing", rel, line, None, field=full,
                                       field_hint=hint_ja, field_hint_en=hint_en))
        elif err.validator == "type":
            ja, en = _expected(err.validator_value)
            findings.append(codes.make("field-type", rel, line, None, field=field, expected=ja,
                                       expected_en=en,
                                       type_hint_ja=f"「{field}」は{ja}で書いてください。",
                                       type_hint_en=f"Write '{field}' as {en}."))
        elif err.validator == "format" and err.validator_value == "date":
            findings.append(codes.make("field-date", rel, line, None, field=field, value=err.instance))
        elif err.validator == "const" and err.validator_value is True:
            hint_ja, hint_en = _FIELD_HINTS.get(field, ("true にしてください。", "Set it to true."))
            findings.append(codes.make("field-value", rel, line, None, field=field, value=err.instance,
                                       detail="true でなければなりません。", detail_en="it must be true.",
                                       hint_ja=hint_ja, hint_en=hint_en))
        elif err.validator == "additionalProperties" and err.validator_value is False:
            extra = sorted(set(err.instance) - _known_keys(err.schema))
            for key in extra:
                findings.append(codes.make("field-unknown", rel, doc.line_of(path + (key,), line), None,
                                           field=_field_name(tuple(err.absolute_path) + (key,)),
                                           allowed=", ".join(sorted(_known_keys(err.schema)))))
        else:
            detail_ja, detail_en, hint_ja, hint_en = _describe(err)
            findings.append(codes.make("field-value", rel, line, None, field=field,
                                       value=_short(err.instance), detail=detail_ja, detail_en=detail_en,
                                       hint_ja=hint_ja, hint_en=hint_en))
    if check_unknown and isinstance(data, dict) and schema.get("additionalProperties") is None:
        known = _known_keys(schema)
        for key in data:
            if known and key not in known:
                findings.append(codes.make("field-unknown", rel, doc.line_of(base + (key,), default_line),
                                           None, field=key, allowed=", ".join(sorted(known))))
    return findings


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _describe(err) -> tuple[str, str, str, str]:
    v, val = err.validator, err.validator_value
    if v == "minItems":
        return (f"{val} 個以上必要です。", f"at least {val} item(s) are needed.",
                "一覧に項目を追加してください。", "Add items to the list.")
    if v == "minLength":
        return ("空にはできません。", "it cannot be empty.", "値を書いてください。", "Write a value.")
    if v in ("minimum", "maximum"):
        word = ("以上", "at least") if v == "minimum" else ("以下", "at most")
        return (f"{val} {word[0]}の数にしてください。", f"it must be {word[1]} {val}.",
                "数字を見直してください。", "Check the number.")
    if v == "pattern":
        if "https?" in str(val):
            return ("https:// で始まるウェブアドレスではありません。", "it is not a web address starting with https://.",
                    "出典の url には公式ページのアドレス(https://…)を書いてください。",
                    "Give the official page's address (https://...).")
        if "case-" in str(val):
            return ("事例の ID は case-001 のように「case-」と3桁以上の数字です。",
                    "case ids look like case-001.", "id を case-数字 の形にしてください。", "Use the form case-NNN.")
        if "\\u3041" in str(val):
            return ("読みはひらがなで書きます。", "readings are written in hiragana.",
                    "カタカナや漢字をひらがなに直してください。", "Rewrite it in hiragana.")
        if ":" in str(val):
            return ("時刻は 10:00 のように「時:分」で書きます。", "times are written as HH:MM, e.g. 10:00.",
                    "start_time: \"10:00\" のように書いてください。", "Write e.g. start_time: \"10:00\".")
        return ("半角の小文字・数字・ハイフンだけで書きます。", "use lower-case letters, digits and hyphens only.",
                "例:intro-m01", "Example: intro-m01")
    if v == "const":
        return (f"{val} でなければなりません。", f"it must be {val}.", f"{val} にしてください。", f"Set it to {val}.")
    if v == "anyOf":
        return ("文字、または言語ごとの文字({ja: …, en: …})で書きます。",
                "write text, or text per language ({ja: ..., en: ...}).", "", "")
    return (err.message, err.message, "", "")
