"""Identifier detectors, normalisation, profiles and front matter (synthetic data only)."""
from __future__ import annotations

import pytest

from bansou.pii import KINDS, profile_for, scan_text
from bansou.pii.checkdigits import insurer_number_valid, mrz_check, my_number_valid
from bansou.pii.normalize import normalize


def kinds(text: str, path: str = "casebook/x.md") -> list[tuple[str, str]]:
    return [(h.kind, h.text) for h in scan_text(text, path)]


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("電話は090-1234-5678です", "phone", "090-1234-5678"),
        ("０９０ー１２３４ー５６７８に電話", "phone", "０９０ー１２３４ー５６７８"),
        ("番号は090 1234\n5678だった", "phone", "090 1234\n5678"),
        ("+81 90 2345 6789", "phone", "+81 90 2345 6789"),
        ("自宅(03)1234-5678", "phone", "(03)1234-5678"),
        ("連絡先07012345678まで", "phone", "07012345678"),
        ("メールはtran@example.comまで", "email", "tran@example.com"),
        ("ｓａｍｐｌｅ＠ｅｘａｍｐｌｅ．ｏｒｇ", "email", "ｓａｍｐｌｅ＠ｅｘａｍｐｌｅ．ｏｒｇ"),
        ("在留カードAB12345678CD", "residence-card", "AB12345678CD"),
        ("特別永住者証明書 CC22223333DD", "special-permanent-resident", "CC22223333DD"),
        ("書類に123456789018とあった", "my-number", "123456789018"),
        ("個人番号 3016 6131\n8600", "my-number", "3016 6131\n8600"),
        ("住民票コード34259868523", "resident-code", "34259868523"),
        ("パスポート番号TZ1234567", "passport", "TZ1234567"),
        ("P<UTOSAMPLE<<HANAKO<<<<<<<<<<<<<<<<<<<<<<<<<", "passport-mrz", "P<UTOSAMPLE<<HANAKO<<<<<<<<<<<<<<<<<<<<<<<<<"),
        ("〒１２３ー４５６７", "postal-code", "〒１２３ー４５６７"),
        ("見本市本町3丁目5番2号", "address", "見本市本町3丁目5番2号"),
        ("サンプルハイツ203号室", "address", "サンプルハイツ203号室"),
        ("普通 1234567", "bank-account", "1234567"),
        ("保険者番号06130017", "health-insurance", "06130017"),
        ("基礎年金番号1234-567890", "pension-number", "1234-567890"),
        ("運転免許証番号：123456789012", "drivers-licence", "123456789012"),
        ("外国人登録番号：A1234567", "alien-registration", "A1234567"),
        ("平成7年4月12日生まれ", "date-day", "平成7年4月12日"),
        ("H7.4.12", "date-day", "H7.4.12"),
        ("２０２３／１１／２に出た", "date-day", "２０２３／１１／２"),
        ("She arrived on April 12, 2019.", "date-day", "April 12, 2019"),
        ("https://www.facebook.com/sample.person.123", "personal-url", "https://www.facebook.com/sample.person.123"),
        ("LINE ID: tran_1990", "sns-handle", "tran_1990"),
        ("インスタは@sample_life_jpで", "sns-handle", "@sample_life_jp"),
        ("令和5年(行ウ)第123号", "court-case", "令和5年(行ウ)第123号"),
        ("2023年11月に解雇", "date-month", "2023年11月"),
        ("相談者は34歳", "age", "34歳"),
        ("株式会社サンプル工業", "employer", "株式会社サンプル工業"),
        ("サンプル事業協同組合", "supervising-org", "サンプル事業協同組合"),
        ("見本台小学校", "school", "見本台小学校"),
        ("例示モスク", "religious-site", "例示モスク"),
    ],
)
def test_detects(text: str, kind: str, found: str) -> None:
    assert (kind, found) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Aさん（30代・女性）は2024年春に来日し、関東地方に住む。",
        "生活保護法第4条により10万円を受給した。第2条第1項。",
        "65歳以上の高齢者と18歳未満の子ども",
        "市役所で3-4時間待った",
        "地元の小学校と公立中学校、近くの教会",
        "監理団体である協同組合に相談した",
        "在留カードの更新、マイナンバーカードの申請、電話番号の変更",
        "家賃は月5万円、1日8時間、週5日",
        "相談件数は2023年度に1.5倍になった",
    ],
)
def test_clean_text_passes(text: str) -> None:
    assert kinds(text) == []


def test_invalid_check_digit_twelve_digits_is_not_my_number() -> None:
    assert ("my-number", "123456789012") not in kinds("番号123456789012")


def test_check_digits() -> None:
    assert my_number_valid("123456789018") and not my_number_valid("123456789012")
    assert insurer_number_valid("33120015")
    assert mrz_check("L898902C3") == 6 and mrz_check("740812") == 2


def test_normalisation_maps_back_to_original_columns() -> None:
    norm = normalize("ａｂ（㍻）")
    assert norm.text == "ab(平成)"
    assert norm.span(3, 5) == (3, 4)  # 平成 came from the one character ㍻
    [hit] = scan_text("電話：\n　　０９０ー１２３４ー５６７８です", "casebook/x.md")
    assert (hit.line, hit.column, hit.end_line, hit.end_column) == (2, 3, 2, 15)


def test_handbook_profile_warns_on_day_dates_and_drops_year_month() -> None:
    text = "改正法は2024年6月10日施行。2024年4月から変わった。"
    assert [(h.kind, h.severity) for h in scan_text(text, "docs/law.md")] == [("date-day", "warn")]
    assert [(h.kind, h.severity) for h in scan_text(text, "casebook/c.md")] == [
        ("date-day", "block"),
        ("date-month", "warn"),
    ]


def test_other_kinds_block_in_handbook_too() -> None:
    [hit] = scan_text("電話090-1234-5678", "docs/a.md")
    assert hit.severity == "block"


@pytest.mark.parametrize(
    ("path", "profile"),
    [
        ("docs/a.md", "handbook"),
        ("docs/sub/a.en.md", "handbook"),
        ("casebook/case-001.md", "case"),
        ("courses/basic/module-1.md", "case"),
        ("README.md", "case"),
    ],
)
def test_profile_for(path: str, profile: str) -> None:
    assert profile_for(path) == profile


def test_profile_for_absolute_path_with_root(tmp_path) -> None:
    assert profile_for(tmp_path / "docs" / "a.md", root=tmp_path) == "handbook"


def test_front_matter_metadata_dates_are_exempt() -> None:
    text = (
        "---\nvalid_as_of: 2025-04-01\nreviewed: 2025-03-01\nreview:\n  date: 2025-03-15\n"
        "law_changes:\n  - date: 2024-06-10\nchanges:\n  - date: 2024-01-05\n"
        "client_birthday: 1990-04-12\n---\n本文\n"
    )
    assert kinds(text) == [("date-day", "1990-04-12")]


def test_front_matter_other_values_are_scanned() -> None:
    assert ("phone", "090-1234-5678") in kinds("---\ncontact: 090-1234-5678\n---\n本文")


def test_every_kind_has_messages_and_its_example_is_detected() -> None:
    for kind, info in KINDS.items():
        assert all([info.label_ja, info.label_en, info.message_ja, info.message_en, info.hint_ja, info.hint_en])
        if kind == "allowlist-invalid":
            continue  # raised by load_allowlist, not by scanning text
        assert kind in {h.kind for h in scan_text(info.example, "casebook/x.md")}, kind
