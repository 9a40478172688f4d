"""What each kind of finding means, in Japanese and English, and how to fix it.

`bansou check` turns PiiHits into contributor-facing findings with this table;
every kind the detectors emit has an entry (a test makes sure of it).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["block", "warn"]


@dataclass(frozen=True)
class KindInfo:
    label_ja: str
    label_en: str
    message_ja: str
    message_en: str
    hint_ja: str
    hint_en: str
    severity_default: Severity
    example: str  # a synthetic sample the detector flags


def _id(label_ja: str, label_en: str, example: str, placeholder: str = "番号") -> KindInfo:
    """Identifier numbers share one wording: never write them, at most a placeholder."""
    return KindInfo(
        label_ja=label_ja,
        label_en=label_en,
        message_ja=f"{label_ja}のように見えます",
        message_en=f"This looks like a {label_en.lower()}",
        hint_ja=f"{label_ja}は書かないでください。必要なら「({placeholder})」のように置き換えます。",
        hint_en=f"Do not write a {label_en.lower()}. If the sentence needs it, write a placeholder such as “(number)”.",
        severity_default="block",
        example=example,
    )


def _warn(label_ja: str, label_en: str, hint_ja: str, hint_en: str, example: str) -> KindInfo:
    return KindInfo(
        label_ja=label_ja,
        label_en=label_en,
        message_ja=f"{label_ja}が書かれています。個人の特定につながらないか確認してください",
        message_en=f"{label_en} found. Check that it cannot point to a person",
        hint_ja=hint_ja,
        hint_en=hint_en,
        severity_default="warn",
        example=example,
    )


KINDS: dict[str, KindInfo] = {
    "residence-card": _id("在留カード番号", "Residence card number", "AB12345678CD", "在留カード番号"),
    "special-permanent-resident": _id(
        "特別永住者証明書番号", "Special permanent resident certificate number", "特別永住者証明書 AB12345678CD"
    ),
    "my-number": _id("マイナンバー（個人番号）", "My Number (individual number)", "1234 5678 9018", "個人番号"),
    "resident-code": _id("住民票コード", "Resident register code", "住民票コード 12345678901"),
    "passport": _id("旅券番号", "Passport number", "パスポート番号 TZ1234567", "旅券番号"),
    "passport-mrz": _id("旅券の機械読取領域（MRZ）", "Passport machine-readable zone (MRZ)", "P<UTOSAMPLE<<HANAKO<<<<<<<<<<<<<<<<<<<<<<<<<"),
    "phone": KindInfo(
        label_ja="電話番号",
        label_en="Phone number",
        message_ja="電話番号のように見えます",
        message_en="This looks like a phone number",
        hint_ja="電話番号は書かないでください。必要なら「(電話番号)」のように置き換えます。"
        "公的機関の窓口番号なら pii-allow.yml に理由を書いて登録します。",
        hint_en="Do not write phone numbers; write “(phone number)” if needed. "
        "A public office's number can be listed in pii-allow.yml with a reason.",
        severity_default="block",
        example="090-1234-5678",
    ),
    "email": KindInfo(
        label_ja="メールアドレス",
        label_en="E-mail address",
        message_ja="メールアドレスのように見えます",
        message_en="This looks like an e-mail address",
        hint_ja="メールアドレスは書かないでください。必要なら「(メールアドレス)」と書きます。",
        hint_en="Do not write e-mail addresses; write “(e-mail address)” if needed.",
        severity_default="block",
        example="tran@example.com",
    ),
    "postal-code": _id("郵便番号", "Postal code", "〒123-4567", "郵便番号"),
    "address": KindInfo(
        label_ja="番地・部屋番号までの住所",
        label_en="Street-level address",
        message_ja="番地や部屋番号まで書かれた住所のように見えます",
        message_en="This looks like a street-level address or room number",
        hint_ja="住所は都道府県か地方（例:「関東地方」）までにします。番地・建物名・部屋番号は書きません。",
        hint_en="Give places at prefecture or region level (e.g. “Kanto region”); no street, building or room.",
        severity_default="block",
        example="見本市本町3丁目5番2号",
    ),
    "bank-account": _id("銀行口座番号", "Bank account number", "普通 1234567", "口座番号"),
    "health-insurance": _id("保険証の記号・番号", "Health insurance number", "保険証 記号12 番号345", "保険証番号"),
    "pension-number": _id("基礎年金番号", "Basic pension number", "1234-567890", "年金番号"),
    "drivers-licence": _id("運転免許証番号", "Driver's licence number", "免許証番号 123456789012", "免許証番号"),
    "alien-registration": _id("外国人登録番号", "Alien registration number", "外国人登録番号 A1234567"),
    "id-number": _id("識別番号", "Identification number", "12345678901", "番号"),
    "date-day": KindInfo(
        label_ja="日付（日まで）",
        label_en="Day-level date",
        message_ja="日にちまで特定できる日付です",
        message_en="This date names a day",
        hint_ja="事例では年か季節（「2024年春」）、または「来日3年目」のような相対的な時期にします。"
        "法令の施行日などは、ハンドブック（docs/）では警告のみです。",
        hint_en="In cases give a year or season (“spring 2024”) or a relative time (“third year in Japan”). "
        "Law dates in the handbook (docs/) only warn.",
        severity_default="block",
        example="平成7年4月12日",
    ),
    "personal-url": KindInfo(
        label_ja="個人のSNS等のURL",
        label_en="Personal profile URL",
        message_ja="個人のSNSページなどのURLのように見えます",
        message_en="This looks like the URL of a personal profile",
        hint_ja="個人のSNSやページへのリンクは載せません。団体の公式ページなら pii-allow.yml に理由を書きます。",
        hint_en="Do not link to personal profiles. An organisation's official page can go in pii-allow.yml with a reason.",
        severity_default="block",
        example="https://www.facebook.com/tran.example",
    ),
    "sns-handle": KindInfo(
        label_ja="SNS・メッセージアプリのID",
        label_en="Social media or messaging handle",
        message_ja="SNSやメッセージアプリのIDのように見えます",
        message_en="This looks like a social media or messaging handle",
        hint_ja="LINE・WhatsApp・Zalo などのIDは書かないでください。「LINEで連絡した」のようにします。",
        hint_en="Do not write LINE/WhatsApp/Zalo IDs; write “contacted via LINE” instead.",
        severity_default="block",
        example="LINE ID: tran_example",
    ),
    "court-case": KindInfo(
        label_ja="事件番号",
        label_en="Court case number",
        message_ja="裁判の事件番号のように見えます",
        message_en="This looks like a court case number",
        hint_ja="事件番号から当事者が分かります。事例には書かず、公刊判例の引用なら pii-allow.yml に理由を書きます。",
        hint_en="A case number identifies the parties. Leave it out of cases; a published judgment can be allowed with a reason.",
        severity_default="block",
        example="令和5年(行ウ)第123号",
    ),
    "person-name": KindInfo(
        label_ja="人名",
        label_en="Person name",
        message_ja="人の名前のように見えます",
        message_en="This looks like a person's name",
        hint_ja="実名やイニシャルは使わず「Aさん」「相談者B」のような仮名にします。役割なら「通訳さん」のように書きます。",
        hint_en="Use pseudonyms not derived from the name (“Ms. A”, “client B”), or a role (“the interpreter”).",
        severity_default="block",
        example="グエン・ヴァン・アンさん",
    ),
    "allow-without-reason": KindInfo(
        label_ja="理由のない pii-allow",
        label_en="pii-allow without a reason",
        message_ja="pii-allow に理由が書かれていません",
        message_en="This pii-allow marker gives no reason",
        hint_ja="<!-- pii-allow: 理由 --> の形で、なぜ個人情報ではないのかを書いてください。",
        hint_en="Write <!-- pii-allow: REASON --> saying why this is not personal data.",
        severity_default="block",
        example="<!-- pii-allow -->",
    ),
    "allowlist-invalid": KindInfo(
        label_ja="pii-allow.yml の誤り",
        label_en="Invalid pii-allow.yml entry",
        message_ja="pii-allow.yml の項目に text か reason がありません",
        message_en="A pii-allow.yml entry lacks text or reason",
        hint_ja="各項目に text（許可する文字列）と reason（理由）を書きます。path は任意です。",
        hint_en="Each entry needs text (the allowed string) and reason; path is optional.",
        severity_default="block",
        example="- text: 0570-000-000",
    ),
    "date-month": _warn(
        "年月まで書かれた日付",
        "Year-month date",
        "事例では年か季節（「2024年春」）で足りないか確認してください。",
        "In cases check whether a year or season (“spring 2024”) is enough.",
        "2024年3月",
    ),
    "age": _warn(
        "正確な年齢",
        "Exact age",
        "年齢は「30代」のように幅で書きます。",
        "Give ages as bands (“in their 30s”).",
        "34歳",
    ),
    "municipality-nationality": _warn(
        "市区町村と国籍の組み合わせ",
        "Municipality with nationality",
        "市区町村と国籍がそろうと少数のコミュニティでは本人が分かります。地方名か「東南アジア出身」などにします。",
        "A municipality plus a nationality can point to one person in a small community; use a region.",
        "見本市のネパール人",
    ),
    "employer": _warn(
        "勤務先の名前",
        "Named employer",
        "勤務先は「食品工場」「建設会社」のように業種で書きます。",
        "Describe the employer by trade (“a food factory”).",
        "株式会社サンプル工業",
    ),
    "supervising-org": _warn(
        "監理団体の名前",
        "Named supervising organisation",
        "監理団体は名前を書かず「監理団体」とします。",
        "Write “the supervising organisation”, not its name.",
        "サンプル事業協同組合",
    ),
    "school": _warn(
        "学校の名前",
        "Named school",
        "学校名は書かず「地元の小学校」「日本語学校」のようにします。",
        "Write “a local primary school”, not its name.",
        "見本台小学校",
    ),
    "shelter": _warn(
        "シェルター・施設の名前",
        "Named shelter",
        "シェルターの名前や場所は書きません（利用者の安全のため）。",
        "Never name or locate a shelter (residents' safety).",
        "シェルター「ひかり」",
    ),
    "religious-site": _warn(
        "宗教施設の名前",
        "Named religious site",
        "「近くの教会」「モスク」のように一般名で書きます。",
        "Write “a nearby church/mosque”, not its name.",
        "カトリック見本町教会",
    ),
}

BLOCK_KINDS = frozenset(k for k, info in KINDS.items() if info.severity_default == "block")
WARN_KINDS = frozenset(k for k, info in KINDS.items() if info.severity_default == "warn")
