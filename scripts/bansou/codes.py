"""Every finding code, with plain-language explanations in Japanese and English.

The site's コード一覧 page is generated from this table, and a test fails if a code
that a check emits is missing here.
"""
from __future__ import annotations

from dataclasses import dataclass

from .findings import Finding, Severity

# "設定欄" is our plain word for front matter; explained once in every message that uses it.
FM_JA = "ページ先頭の設定欄(front matter:ファイル冒頭の --- と --- で囲んだ部分)"
FM_EN = "the settings block at the top of the page (front matter: the part between the first two --- lines)"


@dataclass(frozen=True)
class CodeInfo:
    code: str
    severity: Severity
    message_ja: str  # str.format template
    message_en: str
    hint_ja: str
    hint_en: str
    example: str  # a short snippet that triggers it


CODES: dict[str, CodeInfo] = {}


def define(code: str, severity: Severity, message_ja: str, message_en: str, hint_ja: str, hint_en: str,
           example: str) -> None:
    """Register a finding code (features call this at import time for their own codes)."""
    if code in CODES:
        raise ValueError(f"finding code '{code}' is defined twice")
    CODES[code] = CodeInfo(code, severity, message_ja, message_en, hint_ja, hint_en, example)


_add = define


def all_codes() -> dict[str, CodeInfo]:
    """Every code, including those that feature modules define."""
    from .features import modules
    modules()
    return CODES


_add("encoding", "error",
     "ファイルの文字コードが UTF-8 ではありません({detail})。",
     "The file is not UTF-8 text ({detail_en}).",
     "エディタで「UTF-8」を選んで保存し直してください(Windows のメモ帳なら「名前を付けて保存」→文字コード UTF-8)。",
     "Save the file again as UTF-8 in your editor.",
     "Shift_JIS で保存した .md ファイル")
_add("file-empty", "error",
     "ファイルが空です。",
     "The file is empty.",
     "テンプレート(`bansou new`)から作り直すか、不要ならファイルを削除してください。",
     "Recreate it from a template (`bansou new`) or delete it.",
     "0 バイトの case-099.md")
_add("front-matter-missing", "error",
     FM_JA + "がありません。",
     "The page has no front matter: " + FM_EN + ".",
     "ファイルの1行目を --- にして、title: などの項目を書き、もう一度 --- で閉じてください。テンプレートをコピーすると確実です。",
     "Start the file with a --- line, add fields such as title:, and close with another --- line. Copying a template is easiest.",
     "# タイトル だけで始まるファイル")
_add("front-matter-unclosed", "error",
     FM_JA + "が閉じられていません(2本目の --- が見つかりません)。",
     "The front matter is never closed (no second --- line): " + FM_EN + ".",
     "設定欄の最後に --- だけの行を入れてください。",
     "Add a line containing only --- at the end of the settings block.",
     "---\ntitle: 例\n(ここで --- がないまま本文が続く)")
_add("yaml-syntax", "error",
     "設定の書き方に誤りがあります(YAML 形式:「項目名: 値」の並び)。{detail}",
     "The settings are not written correctly (YAML: lines of 'name: value'). {detail_en}",
     "この行とその前の行を確かめてください。よくある原因:「:」のあとに半角スペースがない、字下げがずれている、全角スペースやタブで字下げしている、「\"」や「[」が閉じていない。",
     "Check this line and the one before. Common causes: no space after ':', uneven indentation, indentation with tabs or full-width spaces, an unclosed quote or bracket.",
     "title:タイトル(: のあとにスペースがない)")
_add("yaml-tab", "error",
     "字下げにタブ文字が使われています。設定欄(YAML)ではタブは使えません。",
     "A tab character is used for indentation. Tabs are not allowed in the settings (YAML).",
     "タブを半角スペース2つに置き換えてください。",
     "Replace the tab with two spaces.",
     "keywords:\n\t- 生活保護")
_add("front-matter-not-mapping", "error",
     "設定欄が「項目名: 値」の形になっていません。",
     "The front matter is not a list of 'name: value' fields.",
     "各行を「title: ページ名」のように書いてください。",
     "Write each line like 'title: Page name'.",
     "---\n- title\n---")
_add("field-missing", "error",
     "必須の項目「{field}」がありません。",
     "The required field '{field}' is missing.",
     "設定欄に「{field}:」の行を追加してください。{field_hint}",
     "Add a '{field}:' line to the front matter. {field_hint_en}",
     "sources: がない記事")
_add("field-type", "error",
     "項目「{field}」の書き方が違います:{expected}が必要です。",
     "The field '{field}' has the wrong form: it must be {expected_en}.",
     "{type_hint_ja}",
     "{type_hint_en}",
     "keywords: 生活保護(一覧ではなく文字)")
_add("field-date", "error",
     "項目「{field}」の日付「{value}」が正しくありません。",
     "The date '{value}' in the field '{field}' is not a valid date.",
     "日付は 2026-11-25 のように「年-月-日」で、実在する日を書いてください。",
     "Write a real date as year-month-day, e.g. 2026-11-25.",
     "reviewed: 2026-02-30")
_add("field-value", "error",
     "項目「{field}」の値「{value}」は使えません:{detail}",
     "The value '{value}' is not allowed in the field '{field}': {detail_en}",
     "{hint_ja}",
     "{hint_en}",
     "teaching_minutes: -5")
_add("field-unknown", "warning",
     "項目「{field}」はこの種類のファイルでは使われません(書き間違いかもしれません)。",
     "The field '{field}' is not used in this kind of file (maybe a typo).",
     "使える項目:{allowed}",
     "Allowed fields: {allowed}",
     "titel: 例")
_add("vocab-unknown", "error",
     "項目「{field}」の値「{value}」は決められた一覧にありません。",
     "The value '{value}' in the field '{field}' is not in the controlled list.",
     "使える値:{allowed}(一覧は {vocab_path} にあります。新しい値が必要なら編集チームに相談してください)",
     "Allowed values: {allowed} (the list is in {vocab_path}; ask the editors if a new value is needed).",
     "region: tokyo")
_add("id-duplicate", "error",
     "ID「{id}」が重複しています(もう一つは {other})。",
     "The id '{id}' is used twice (the other one is in {other}).",
     "ID は一度付けたら変えず、重複しないようにします。新しいファイルの ID を未使用の番号にしてください(`bansou new` は自動で未使用の ID を付けます)。",
     "Ids never change and must be unique. Give the new file an unused id (`bansou new` picks one for you).",
     "2つの事例が id: case-001")
_add("id-filename", "error",
     "ID「{id}」がファイル名「{name}」と一致していません。",
     "The id '{id}' does not match the file name '{name}'.",
     "ファイル名を「{id}.md」にするか、id をファイル名に合わせてください。",
     "Rename the file to '{id}.md' or make the id match the file name.",
     "case-002.md の中に id: case-003")
_add("link-missing", "error",
     "リンク先のページ「{target}」が見つかりません。",
     "The linked page '{target}' does not exist.",
     "ファイル名とフォルダの位置を確かめてください。リンクはこのファイルからの相対パスで、.md まで書きます(例:../poverty/public-assistance.md)。",
     "Check the file name and folder. Links are relative to this file and end in .md (e.g. ../poverty/public-assistance.md).",
     "[生活保護](../poverty/seikatsu-hogo.md)")
_add("anchor-missing", "error",
     "リンク先「{target}」に見出し「#{anchor}」がありません。",
     "The page '{target}' has no heading '#{anchor}'.",
     "リンク先の見出しを確かめてください。# のあとは見出しの文字そのもの(英字は小文字、空白は -)です。使える見出し:{available}",
     "Check the heading in the target page. After # comes the heading text (lower case, spaces as -). Available: {available}",
     "[流れ](public-assistance.md#ながれ)")
_add("ref-missing", "error",
     "「{field}」に書かれた「{ref}」が見つかりません。",
     "'{ref}' listed in '{field}' does not exist.",
     "{ref_hint_ja}",
     "{ref_hint_en}",
     "related:\n  pages: [poverty/no-such-page]")
_add("lang-unknown", "error",
     "ファイル名の言語コード「{lang}」はこのサイトで設定されていません。",
     "The language code '{lang}' in the file name is not configured for this site.",
     "使える言語コード:{allowed}。翻訳ファイルは「名前.言語コード.md」(例:public-assistance.en.md)です。",
     "Configured language codes: {allowed}. Translations are named 'name.code.md' (e.g. public-assistance.en.md).",
     "case-001.xx.md")
_add("translation-orphan", "error",
     "翻訳ファイルに対応する日本語の元ファイル「{source}」がありません。",
     "The translation has no Japanese source file '{source}'.",
     "元ファイルの名前と翻訳ファイルの名前(言語コードの前まで)を同じにしてください。",
     "Give the translation the same name as its source (up to the language code).",
     "case-099.en.md だけがある")
_add("translation-id", "error",
     "翻訳ファイルの ID「{id}」が元ファイルの ID「{source_id}」と違います。",
     "The translation's id '{id}' differs from its source's id '{source_id}'.",
     "翻訳ファイルの id は元ファイルと同じにしてください。",
     "Use the source's id in the translation.",
     "case-001.en.md の中に id: case-002")
_add("course-minutes", "error",
     "モジュールの時間の合計({actual}分)が course.yml の total_minutes({expected}分)と合いません。",
     "The modules add up to {actual} minutes but course.yml says total_minutes: {expected}.",
     "各モジュールの teaching_minutes と exercise_minutes を見直すか、total_minutes を {actual} にしてください。",
     "Check each module's teaching_minutes and exercise_minutes, or set total_minutes to {actual}.",
     "total_minutes: 900 なのにモジュール合計 880")
_add("course-module-missing", "error",
     "course.yml の modules にある「{module}」というモジュールが見つかりません。",
     "The module '{module}' listed in course.yml does not exist.",
     "モジュールファイルの id と course.yml の modules を一致させてください。",
     "Make the module file's id and course.yml's modules list agree.",
     "modules: [intro-m99]")
_add("course-module-unlisted", "warning",
     "モジュール「{module}」は course.yml の modules に入っていないので、講座に表示されません。",
     "The module '{module}' is not listed in course.yml's modules, so the course does not show it.",
     "course.yml の modules に追加するか、不要ならファイルを削除してください。",
     "Add it to course.yml's modules, or delete the file.",
     "m12-extra.md が modules にない")
_add("data-file", "error",
     "データファイルの内容が正しくありません:{detail}",
     "The data file is not correct: {detail_en}",
     "{hint_ja}",
     "{hint_en}",
     "docs/eligibility.yml のセルに status: たぶん")


def make(code: str, path: str, line: int | None = None, column: int | None = None,
         severity: Severity | None = None, **params: object) -> Finding:
    """Build a Finding from the code table; missing template params render as empty."""
    info = CODES[code]
    fmt = _SafeDict(params)
    return Finding(
        path=path, line=line, column=column, code=code,
        severity=severity or info.severity,
        message_ja=info.message_ja.format_map(fmt).strip(),
        message_en=info.message_en.format_map(fmt).strip(),
        hint_ja=info.hint_ja.format_map(fmt).strip(),
        hint_en=info.hint_en.format_map(fmt).strip(),
    )


class _SafeDict(dict):
    def __missing__(self, key: str) -> str:
        return ""
