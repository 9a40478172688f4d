"""Casebook checks: vocabulary labels in every language, the case body structure, the
teaching note, translations that change facts, and k-anonymity of the facet combination."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from ... import codes
from ...findings import Finding
from ...markdown_scan import _code_mask
from ...models import Case
from ...sourcefile import read_yaml_file
from ...ui import t
from .facets import value_label

codes.define(
    "vocab-label-missing", "error",
    "語彙ファイルの「{what}」に、サイトの言語 {langs} のラベルがありません。",
    "'{what}' in the vocabulary file has no label for the site language(s) {langs}.",
    "label: に {example} のように言語ごとの訳を追加してください(機械翻訳でもかまいません)。ラベルがないと、その言語のサイトで絞り込みやグラフの表示が日本語や英語のままになります。",
    "Add a label per language to label:, e.g. {example} (a machine-assisted translation is fine). Without it, filters and charts in that language fall back to Japanese or English.",
    "label: {ja: 関東, en: Kanto}(zh, vi … がない)")
codes.define(
    "case-heading-missing", "error",
    "事例の本文に見出し「## {heading}」がありません。",
    "The case has no heading '## {heading}'.",
    "事例の本文は、次の見出しをこの順に書きます:{expected}",
    "A case body has these headings, in this order: {expected}",
    "## 結果 がない事例")
codes.define(
    "case-heading-order", "error",
    "見出し「## {heading}」の順番が違います({place_ja}に置きます)。",
    "The heading '## {heading}' is out of order (put it {place_en}).",
    "事例の本文は、次の見出しをこの順に書きます:{expected}",
    "A case body has these headings, in this order: {expected}",
    "## 結果 が ## 概要 より前にある")
codes.define(
    "case-trainer-note", "error",
    "事例に講師用メモ(!!! trainer ブロック)がありません。",
    "The case has no teaching note (a !!! trainer block).",
    "本文の最後に「!!! trainer \"{title}\"」の行を書き、その下に4文字分字下げして講師向けのメモを書いてください。学習者の画面では隠されます。",
    "At the end of the body add a line '!!! trainer \"{title}\"' and the note for trainers below it, indented by four spaces. Learners do not see it.",
    "講師用メモのない case-003.md")
codes.define(
    "case-translation-facet", "warning",
    "翻訳ファイルの「{field}」({value})が元の事例({source_value})と違います。サイトでは元の事例の値を使います。",
    "The translation's '{field}' ({value}) differs from the source case ({source_value}). The site uses the source's value.",
    "翻訳で変えてよいのは title と systemic.demand(と translation)だけです。「{field}」は元ファイルと同じ値にするか、削除してください。",
    "A translation may only change title and systemic.demand (and translation). Make '{field}' the same as in the source, or delete it.",
    "case-001.en.md に year: 2023(元は 2022)")
codes.define(
    "case-k-anonymity", "warning",
    "この事例の属性の組み合わせ({combo})に当てはまる事例は {count} 件だけです(基準は {k} 件以上)。組み合わせから本人が特定されるおそれがあります。",
    "Only {count} case(s) share this case's combination of attributes ({combo}); the threshold is {k}. The combination could identify the person.",
    "年代・地域・出身地域などを一段広い区分にする(例:30代→20〜40代の近い事例とまとめる、地域を広げる)か、同じ組み合わせの事例が {k} 件以上になるまで公開を待つことを検討してください。",
    "Consider a broader value (age band, region, region of origin), or wait until at least {k} cases share the combination before publishing.",
    "南米・関東・40代・定住者・男性・2022年 の事例が1件だけ")
codes.define(
    "case-k-anonymity-place", "error",
    "この事例は属性の組み合わせ({combo})が {count} 件しかないのに、{place_field}「{place}」まで書かれています。本人が特定されるおそれが高いため公開できません。",
    "Only {count} case(s) share this case's combination ({combo}), and it also names the {place_field_en} '{place}'. This can identify the person, so it cannot be published.",
    "「{place_field}」の行を削除し、地域(region)だけを書いてください。",
    "Delete the '{place_field_en}' line and give only the region.",
    "region: kanto と prefecture: tokyo を書いた事例が1件だけ")

# the combination that must be shared by at least k cases (research/pii.md)
K_FIELDS = ("nationality_group", "region", "age_band", "residence_status", "gender", "year")
PLACE_FIELDS = {"municipality": ("市区町村", "municipality"), "prefecture": ("都道府県", "prefecture")}
HEADING_KEYS = ("casebook_h_summary", "casebook_h_background", "casebook_h_issues",
                "casebook_h_accompaniment", "casebook_h_outcome", "casebook_h_reflection",
                "casebook_h_questions")
_H2 = re.compile(r"^##\s+(?P<text>.+?)\s*#*\s*$")
_ATTRS = re.compile(r"\s*\{[^}]*\}\s*$")
_TRAINER = re.compile(r"^(!!!|\?\?\?\+?)\s+trainer\b", re.MULTILINE)
# fields a translation may change (all other front matter is the source's)
TRANSLATABLE = {"title", "summary", "translation", "search"}
TRAINER_TITLE = {"ja": "講師用メモ", "en": "Teaching notes"}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def expected_headings(lang: str) -> list[str]:
    return [t(key, lang) for key in HEADING_KEYS]


def h2_headings(body: str, first_line: int) -> list[tuple[str, int]]:
    lines = body.split("\n")
    out = []
    for i, (line, in_code) in enumerate(zip(lines, _code_mask(lines))):
        m = None if in_code else _H2.match(line)
        if m:
            out.append((_ATTRS.sub("", m.group("text")), first_line + i))
    return out


def _longest_increasing(seq: list[int]) -> set[int]:
    """Positions of one longest increasing run-with-gaps: the headings already in order, so
    only the ones out of place are reported."""
    best: list[list[int]] = []
    for pos, value in enumerate(seq):
        prev = max((b for b in best if seq[b[-1]] < value), key=len, default=[])
        best.append(prev + [pos])
    return set(max(best, key=len, default=[]))


def structure_findings(body: str, first_line: int, lang: str, rel: str) -> list[Finding]:
    expected = expected_headings(lang)
    listing = " → ".join(f"## {h}" for h in expected)
    wanted = {_norm(h): i for i, h in enumerate(expected)}
    found = [(wanted[_norm(text)], text, line) for text, line in h2_headings(body, first_line)
             if _norm(text) in wanted]
    findings = []
    present = {i for i, _, _ in found}
    for i, heading in enumerate(expected):
        if i not in present:
            findings.append(codes.make("case-heading-missing", rel, first_line, None, heading=heading,
                                       expected=listing))
    in_order = _longest_increasing([i for i, _, _ in found])
    for pos, (i, text, line) in enumerate(found):
        if pos in in_order:
            continue
        later = [found[p][0] for p in in_order if found[p][0] > i]
        if later:
            place_ja, place_en = f"「## {expected[min(later)]}」の前", f"before '## {expected[min(later)]}'"
        else:
            place_ja, place_en = "最後", "last"
        findings.append(codes.make("case-heading-order", rel, line, None, heading=text, place_ja=place_ja,
                                   place_en=place_en, expected=listing))
    if not _TRAINER.search(body):
        findings.append(codes.make("case-trainer-note", rel, first_line, None,
                                   title=TRAINER_TITLE.get(lang, TRAINER_TITLE["en"])))
    return findings


def _combo(project, case: Case) -> tuple[str, ...]:
    return tuple(str(case.year) if f == "year" else str(case.facets.get(f, "")) for f in K_FIELDS)


def _combo_text(project, combo: tuple[str, ...], lang: str) -> str:
    parts = []
    for facet, value in zip(K_FIELDS, combo):
        label = t("casebook_year", lang) if facet == "year" else \
            (project.vocab[facet].label.get(lang) or project.vocab[facet].label["ja"]) if facet in project.vocab else facet
        shown = value_label(project, facet, value, lang) if value else "—"
        parts.append(f"{label}={shown}")
    return ", ".join(parts)


def k_anonymity_findings(project) -> list[Finding]:
    k = project.config.k_anonymity
    cases = list(project.cases.values())
    counts = Counter(_combo(project, c) for c in cases)
    findings = []
    for case in sorted(cases, key=lambda c: c.id):
        combo = _combo(project, case)
        count = counts[combo]
        if count >= k:
            continue
        place = next((f for f in PLACE_FIELDS if case.meta.get(f)), None)
        params = dict(combo=_combo_text(project, combo, "ja"), count=count, k=k)
        if place:
            f = codes.make("case-k-anonymity-place", case.rel, case.line_of(place), None, **params,
                           place_field=PLACE_FIELDS[place][0], place_field_en=PLACE_FIELDS[place][1],
                           place=case.meta[place])
        else:
            f = codes.make("case-k-anonymity", case.rel, case.line_of("nationality_group") or case.line_of("id"),
                           None, **params)
        # the English message names the combination with English labels
        en = codes.make(f.code, "", None, None, **{**params, "combo": _combo_text(project, combo, "en")},
                        place_field_en=PLACE_FIELDS[place][1] if place else "",
                        place=case.meta.get(place, "") if place else "")
        findings.append(Finding(f.path, f.line, f.column, f.code, f.severity, f.message_ja, en.message_en,
                                f.hint_ja, en.hint_en))
    return findings


def translation_findings(project) -> list[Finding]:
    findings = []
    for case in project.cases.values():
        for tr in case.translations.values():
            for key, value in tr.meta.items():
                if key in TRANSLATABLE or key not in case.meta:
                    continue
                source = case.meta[key]
                if key == "systemic" and isinstance(value, dict) and isinstance(source, dict):
                    value, source = value.get("flag"), source.get("flag")
                    key = "systemic.flag"
                if value != source:
                    findings.append(codes.make("case-translation-facet", tr.rel, None, None, field=key,
                                               value=value, source_value=source))
    return findings


def vocab_label_findings(project) -> list[Finding]:
    langs = project.config.language_codes
    findings = []
    for vocab in project.vocab.values():
        doc = None

        def line(path: tuple) -> int | None:
            nonlocal doc
            if doc is None:
                doc, _ = read_yaml_file(project.root / vocab.rel, vocab.rel)
            return doc.line_of(path, 1) if doc else None

        missing = [lang for lang in langs if not vocab.label.get(lang)]
        if missing:
            findings.append(codes.make("vocab-label-missing", vocab.rel, line(("label",)), None,
                                       what=f"facet: {vocab.facet}", langs=", ".join(missing),
                                       example=f"{missing[0]}: …"))
        for i, value in enumerate(vocab.values.values()):
            missing = [lang for lang in langs if not value.label.get(lang)]
            if missing:
                findings.append(codes.make("vocab-label-missing", vocab.rel, line(("values", i, "label")), None,
                                           what=f"id: {value.id}", langs=", ".join(missing),
                                           example=f"{missing[0]}: …"))
    return findings


def check(project) -> list[Finding]:
    findings = vocab_label_findings(project)
    for case in sorted(project.cases.values(), key=lambda c: c.id):
        findings += structure_findings(case.body, case.body_line, project.config.default_language, case.rel)
        for lang, tr in sorted(case.translations.items()):
            findings += structure_findings(tr.body, tr.body_line, lang, tr.rel)
    findings += translation_findings(project)
    findings += k_anonymity_findings(project)
    return findings
