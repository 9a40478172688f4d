"""Person names in Japanese and romanised text; pseudonyms and roles pass."""
from __future__ import annotations

import pytest

from bansou.pii import scan_text
from bansou.pii.names import _tokenizer, surnames


def names(text: str) -> list[str]:
    return [h.text for h in scan_text(text, "casebook/x.md") if h.kind == "person-name"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("グエン・ヴァン・アンさんが来た", ["グエン・ヴァン・アン"]),
        ("ホセ＝リサール・ゴメスさん", ["ホセ＝リサール・ゴメス"]),
        ("ﾌｧﾑ･ﾃｨ･ﾗﾝさんは", ["ﾌｧﾑ･ﾃｨ･ﾗﾝ"]),
        ("田中太郎さんと佐藤花子氏", ["田中太郎", "佐藤花子"]),
        ("支援者の佐藤花子が付き添った", ["佐藤花子"]),
        ("シュレスタさんとタマンさん", ["シュレスタ", "タマン"]),
        ("デラクルスさんとペレラ氏", ["デラクルス", "ペレラ"]),
        ("レさんとチャンさん", ["レ", "チャン"]),
        ("劉さんと王偉さん", ["劉", "王偉"]),
        ("𠮷野さん", ["𠮷野"]),
        ("山本先生が診察した", ["山本"]),
        ("ゴメスは夫のエンリケと来た", ["ゴメス", "エンリケ"]),
    ],
)
def test_japanese_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "AさんとBさん、X氏、相談者B、支援者C",
        "ケースワーカーさん、通訳さん、職員さん、大家さん、先生",
        "ソーシャルワーカーさんとボランティアスタッフさん",
        "ベトナム出身の技能実習生が福祉事務所に来た",
        "Ms. A came with Mr. B.",
        "Chị A đến văn phòng.",
        "Ela mora em Osaka com a família.",
    ],
)
def test_pseudonyms_and_roles_pass(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ms. Tran Thi Lan came to the office.", ["Tran Thi Lan"]),
        ("A man named Carlos Mendoza called.", ["Carlos Mendoza"]),
        ("Chị Hoa đã đến với anh Tuấn.", ["Hoa", "Tuấn"]),
        ("Si Maria ay pumunta kay Ate Joy.", ["Maria", "Joy"]),
        ("O Sr. João da Silva trabalha em fábrica.", ["João da Silva"]),
        ("Nguyen Van Binh works at a factory.", ["Nguyen Van Binh"]),
        ("Rosa Santos-sanは来日5年目", ["Rosa Santos"]),
    ],
)
def test_romanised_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_surname_list_ships_with_the_package() -> None:
    kata, roman = surnames()
    assert {"シュレスタ", "グルン", "タマン", "ペレラ", "デラクルス", "グエン", "レ", "サントス", "ダシルバ"} <= kata
    assert {"shrestha", "nguyen", "santos"} <= roman


def test_dictionary_is_loaded_once() -> None:
    names("田中さん")
    names("鈴木さん")
    assert _tokenizer.cache_info().currsize == 1
    assert _tokenizer() is _tokenizer()
