"""Regular-expression detectors for identifiers, dates, places and organisations.

All detectors run on NFKC-normalised text (see normalize.py) and return spans in
that text. Python's \\b treats kana and kanji as word characters, so identifiers
glued to Japanese text are delimited with explicit ASCII lookarounds instead.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from . import checkdigits


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    kind: str


# --- character classes --------------------------------------------------------

KANJI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff々〆ヶ"
KATA = "\u30a1-\u30fa\u30fc"
HIRA = "\u3041-\u3096"
# People type the katakana long mark ー (and every other dash) as a hyphen.
DASH = "[-‐‑‒–—―−ー－]"
WS = "[ \\t]"
START = "(?<![0-9A-Za-z])"
END = "(?![0-9A-Za-z])"
# Between parts of one number: a dash, one or two spaces, or a line break
# (Markdown wraps long lines; a blockquote marker may follow the break).
SEP = f"(?:{WS}*{DASH}{WS}*(?:\\n{WS}*)?|{WS}*\\n{WS}*(?:>{WS}*)*|{WS}{{1,2}})"
OPT = f"(?:{SEP})?"


def digits(low: int, high: int | None = None) -> str:
    """Between `low` and `high` digits, any of them separated by SEP."""
    high = low if high is None else high
    return f"\\d(?:{OPT}\\d){{{low - 1},{high - 1}}}"


def only_digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


@dataclass(frozen=True)
class Lines:
    """The lines of a text that hold a keyword, joined by line breaks.

    Most detectors below match within one line and only where a keyword (a
    digit, 丁目, 学校…) occurs, and their lookarounds read a line break like the
    start or end of the text: scanning these lines finds exactly the matches
    of scanning the whole text, and most text has no such line.
    """

    text: str
    starts: list[int]  # where each line begins in `text`
    shifts: list[int]  # what to add to a `text` offset on that line for the original offset

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[tuple[re.Match[str], int]]:
        """Matches of `pattern`, each with the shift to original offsets."""
        for m in pattern.finditer(self.text):
            yield m, self.shifts[bisect.bisect_right(self.starts, m.start()) - 1]


def lines_with(text: str, keyword: re.Pattern[str]) -> Lines:
    """The lines holding a match of `keyword`, which lies within a line."""
    parts: list[str] = []
    starts: list[int] = []
    shifts: list[int] = []
    size = pos = 0
    while k := keyword.search(text, pos):
        start = text.rfind("\n", 0, k.start()) + 1
        end = text.find("\n", k.end())
        end = len(text) if end < 0 else end
        parts.append(text[start:end])
        starts.append(size)
        shifts.append(start - size)
        size += end - start + 1
        pos = end + 1
    return Lines("\n".join(parts), starts, shifts)


def _found(lines: Lines, patterns: Iterable[re.Pattern[str]], kind: str) -> Iterator[Match]:
    for pattern in patterns:
        for m, shift in lines.finditer(pattern):
            yield Match(m.start() + shift, m.end() + shift, kind)


DIGIT = re.compile("\\d")


def _context(text: str, start: int, width: int = 24) -> str:
    """The text before a number on its own line: keywords on earlier lines
    (a list item after 保険 in a heading) say nothing about it."""
    line_start = text.rfind("\n", 0, start) + 1
    return text[max(line_start, start - width) : start]


def _nearest_keyword(keywords: dict[str, re.Pattern[str]], context: str) -> str | None:
    """The kind whose keyword ends closest to the number (ties: the longer keyword)."""
    best: tuple[int, int, str] | None = None
    for kind, pattern in keywords.items():
        for m in pattern.finditer(context):
            key = (m.end(), m.end() - m.start(), kind)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else None


# --- numbers ------------------------------------------------------------------

NUMBER_KEYWORDS: dict[str, re.Pattern[str]] = {
    "resident-code": re.compile("住民票コード|住基(?:ネット)?コード"),
    "my-number": re.compile("マイナンバー|個人番号|(?i:my ?number)"),
    "drivers-licence": re.compile("免許|(?i:licen[cs]e|driver)"),
    "pension-number": re.compile("年金|(?i:pension)"),
    "health-insurance": re.compile("保険|記号|(?i:insurance)"),
    "bank-account": re.compile("口座|普通|当座|支店|店番|銀行|ゆうちょ|信用金庫|信金|(?i:(?<![a-z])(?:account|bank|conta)(?![a-z]))"),
    "alien-registration": re.compile("外国人登録|外登|登録証|登録番号"),
    "passport": re.compile("旅券|パスポート|(?i:passport|hộ chiếu|pasaporte|passaporte)"),
    "residence-card": re.compile("在留カード|(?i:residence card)"),
    "postal-code": re.compile("郵便番号|(?i:postal|zip)"),
    "phone": re.compile("電話|携帯|(?i:(?<![a-z])(?:tel|phone|mobile|fax|điện thoại|telefone|celular)(?![a-z]))|ファックス"),
}

SHORT_NUMBER_LABEL = re.compile(f"(?:記号|番号|支店|店番|口座|普通|当座){WS}*[:]?{WS}*$")
NUMBER_RUN = re.compile(f"{START}{digits(2, 16)}{END}")
ISBN = re.compile("(?i:isbn)[-: ]*$")
DATE_LIKE = re.compile(f"(?:19|20)\\d\\d{DASH}\\d{{1,2}}{DASH}\\d{{1,2}}")


def phone_valid(d: str) -> bool:
    if len(d) == 11:
        return d[:3] in ("020", "050", "060", "070", "080", "090") or d[:4] == "0800"
    return len(d) == 10 and d[0] == "0" and d[1] != "0" and d[:3] not in ("050", "070", "080", "090")


def _classify_number(text: str, m: re.Match[str]) -> str | None:
    raw, d = m.group(), only_digits(m.group())
    keyword = _nearest_keyword(NUMBER_KEYWORDS, _context(text, m.start()))
    if DATE_LIKE.fullmatch(raw) or ISBN.search(_context(text, m.start(), 8)):
        return None
    if keyword == "phone":
        return "phone" if len(d) >= 10 else None
    if keyword is not None:
        # 記号12, 支店 123: short numbers count only right after their label;
        # a year (2022年) near 保険 or 年金 is not an identifier.
        if len(d) >= 5 or SHORT_NUMBER_LABEL.search(_context(text, m.start(), 6)):
            return keyword
        return None
    if phone_valid(d):
        return "phone"
    if len(d) == 12 and checkdigits.my_number_valid(d):
        return "my-number"
    if re.fullmatch(f"\\d{{4}}{DASH}\\d{{6}}", raw):
        return "pension-number"
    if len(d) == 11 and checkdigits.modulus11_valid(d):
        return "resident-code"
    if len(d) >= 10:
        return "id-number"
    return None


URL = re.compile("https?://[^\\s)\\]>\"']+")


def find_numbers(text: str) -> Iterator[Match]:
    # Digits inside links (page ids, query strings) are not identifiers;
    # profile links are caught by find_internet.
    urls = [u.span() for u in URL.finditer(text)] if "://" in text else []
    for m in NUMBER_RUN.finditer(text):
        if any(s <= m.start() < e for s, e in urls):
            continue
        kind = _classify_number(text, m)
        if kind:
            yield Match(m.start(), m.end(), kind)


# +81 and bracketed area codes are phone numbers whatever the digit count says.
PHONE_INTL = re.compile(f"\\+{WS}?81{OPT}(?:\\(0\\){OPT})?{digits(9, 10)}{END}")
PHONE_PAREN = re.compile(
    f"{START}(?:\\(0\\d{{1,4}}\\){WS}?{digits(1, 4)}{OPT}\\d{{4}}|0\\d{{1,4}}{WS}?\\(\\d{{1,4}}\\){WS}?\\d{{4}}){END}"
)


def find_phones(text: str) -> Iterator[Match]:
    for m in PHONE_INTL.finditer(text):
        yield Match(m.start(), m.end(), "phone")
    for m in PHONE_PAREN.finditer(text):
        if phone_valid(only_digits(m.group())):
            yield Match(m.start(), m.end(), "phone")


POSTAL = re.compile(
    f"〒{WS}*{digits(7)}{END}"
    f"|(?<!\\d{DASH})(?<!\\d ){START}\\d{{3}}{DASH}\\d{{4}}(?!\\d|{DASH}\\d)"
)


def find_postal(text: str) -> Iterator[Match]:
    for m in POSTAL.finditer(text):
        yield Match(m.start(), m.end(), "postal-code")


# Letters and digits: residence card (AB12345678CD), passports, old registrations.
RESIDENCE_CARD = re.compile(f"{START}[A-Za-z]{{2}}{OPT}{digits(8)}{OPT}[A-Za-z]{{2}}{END}")
LETTER_NUMBER = re.compile(f"{START}[A-Z]{{1,3}}{OPT}{digits(6, 9)}{END}")
LETTER_KEYWORDS = {
    k: NUMBER_KEYWORDS[k] for k in ("passport", "alien-registration", "residence-card", "drivers-licence")
}
SPECIAL_PERMANENT = re.compile("特別永住|(?i:special permanent)")


def find_letter_numbers(text: str) -> Iterator[Match]:
    for m in RESIDENCE_CARD.finditer(text):
        special = SPECIAL_PERMANENT.search(_context(text, m.start(), 40))
        yield Match(m.start(), m.end(), "special-permanent-resident" if special else "residence-card")
    for m in LETTER_NUMBER.finditer(text):
        keyword = _nearest_keyword(LETTER_KEYWORDS, _context(text, m.start(), 30))
        if keyword:
            yield Match(m.start(), m.end(), keyword)
        elif re.fullmatch("[A-Z]{2}\\d{7}", m.group()):
            yield Match(m.start(), m.end(), "passport")  # Japanese passport shape


MRZ_LINE1 = re.compile("(?<![A-Z0-9<])P[A-Z<][A-Z<]{3}(?=[A-Z<]*<<)[A-Z<]{20,39}(?![A-Z0-9<])")
MRZ_LINE2 = re.compile("(?<![A-Z0-9<])[A-Z0-9<]{9}\\d[A-Z<]{3}\\d{7}[MFX<]\\d{7}[A-Z0-9<]{10,16}(?![A-Z0-9<])")


# Parts every match holds: the filler after the surname, the birth date-sex-expiry run.
MRZ_KEYWORD1 = re.compile("<<")
MRZ_KEYWORD2 = re.compile("\\d{7}[MFX<]\\d{7}")


def find_mrz(text: str) -> Iterator[Match]:
    yield from _found(lines_with(text, MRZ_KEYWORD1), (MRZ_LINE1,), "passport-mrz")
    for m, shift in lines_with(text, MRZ_KEYWORD2).finditer(MRZ_LINE2):
        if checkdigits.mrz_line2_valid(m.group()):
            yield Match(m.start() + shift, m.end() + shift, "passport-mrz")


# --- addresses on the internet ------------------------------------------------

EMAIL = re.compile(
    "(?<![A-Za-z0-9._%+\\-])[A-Za-z0-9][A-Za-z0-9._%+\\-]*"
    f"(?:@|{WS}*[\\[(]{WS}*(?:at|AT){WS}*[\\])]{WS}*|{WS}*アットマーク{WS}*)"
    "(?:[A-Za-z0-9\\-]+\\.)+[A-Za-z]{2,}(?![A-Za-z0-9])"
)

PROFILE_HOSTS = (
    "facebook\\.com|fb\\.com|fb\\.me|m\\.me|instagram\\.com|line\\.me|x\\.com|twitter\\.com|tiktok\\.com"
    "|wa\\.me|t\\.me|zalo\\.me|vk\\.com|weibo\\.com|threads\\.net|linkedin\\.com/in|youtube\\.com/@"
)
PERSONAL_URL = re.compile(
    f"(?<![A-Za-z0-9.\\-])(?:https?://)?(?:[a-z0-9\\-]+\\.)?(?:{PROFILE_HOSTS})/?"
    "[^\\s)\\]>\"'、。，]{2,}"
)

SERVICES = (
    "LINE|ライン|WeChat|微信|WhatsApp|Viber|Zalo|Instagram|インスタ(?:グラム)?|Facebook|フェイスブック"
    "|Messenger|メッセンジャー|Telegram|Skype|TikTok|Twitter|ツイッター|KakaoTalk|カカオトーク|Signal|imo|X"
)
HANDLE = "@?[A-Za-z0-9][A-Za-z0-9._\\-]{2,}"
SNS_HANDLE = re.compile(
    f"(?<![A-Za-z])(?:{SERVICES})(?:{WS}*の)?{WS}*(?:"
    f"(?:ID|アカウント|(?i:account|username|user name|handle)|ユーザー名|ユーザーネーム){WS}*(?:[:=]|は|(?i:is))?"
    f"|[:=]){WS}*(?P<handle>{HANDLE})"
)
BARE_HANDLE = re.compile("(?<![A-Za-z0-9._%+\\-@/])@[A-Za-z0-9_][A-Za-z0-9_.]{2,29}(?![A-Za-z0-9_@])")


# Keywords that every match holds: an e-mail separator (or a handle's @), a host, a service.
AT_KEYWORD = re.compile("@|[\\[(]|アットマーク")
HOST_KEYWORD = re.compile(PROFILE_HOSTS)
SERVICE_KEYWORD = re.compile(SERVICES)


def find_internet(text: str) -> Iterator[Match]:
    at_lines = lines_with(text, AT_KEYWORD)
    yield from _found(at_lines, (EMAIL,), "email")
    for m, shift in lines_with(text, HOST_KEYWORD).finditer(PERSONAL_URL):
        url = m.group().rstrip(".,;:")  # sentence punctuation is not part of the URL
        yield Match(m.start() + shift, m.start() + shift + len(url), "personal-url")
    for m, shift in lines_with(text, SERVICE_KEYWORD).finditer(SNS_HANDLE):
        yield Match(m.start("handle") + shift, m.end("handle") + shift, "sns-handle")
    yield from _found(at_lines, (BARE_HANDLE,), "sns-handle")


# --- dates --------------------------------------------------------------------

ERA = "(?P<era>明治|大正|昭和|平成|令和|[MTSHR])"
ERA_LIMITS = {"明治": 45, "M": 45, "大正": 15, "T": 15, "昭和": 64, "S": 64, "平成": 31, "H": 31, "令和": 99, "R": 99}
EY = "(?P<ey>元|\\d{1,2})"
Y4 = "(?P<y>(?:19|20)\\d\\d)"
MO = "(?P<mo>\\d{1,2})"
DD = "(?P<d>\\d{1,2})"
J = f"{WS}*"
MONTHS_EN = (
    "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
MONTHS_PT = "janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro"
MONTHS_TL = "Enero|Pebrero|Marso|Abril|Mayo|Hunyo|Hulyo|Agosto|Setyembre|Oktubre|Nobyembre|Disyembre"

DAY_DATES = [
    re.compile(f"{ERA}{J}{EY}{J}年{J}{MO}{J}月{J}{DD}{J}日"),
    re.compile(f"(?<![A-Za-z])(?P<era>[MTSHR]){WS}?(?P<ey>\\d{{1,2}})(?P<s>[./\\-]){MO}(?P=s){DD}{END}"),
    re.compile(f"{START}{Y4}{J}年{J}{MO}{J}月{J}{DD}{J}日"),
    re.compile(f"{START}{Y4}(?P<s>[/.\\-]|{DASH}){MO}(?P=s){DD}{END}"),
    re.compile(f"{START}{DD}(?P<s>[/.])(?P<mo>\\d{{1,2}})(?P=s){Y4}{END}"),
    re.compile(f"(?<![0-9年]){MO}{J}月{J}{DD}{J}日"),
    # 7/15 without a year: only before a particle or weekday, so fractions (1/2の) pass.
    re.compile(f"(?<![0-9/.]){MO}/{DD}(?=(?:に|から|まで|付|頃|、|。|\\(|[月火水木金土日]曜))"),
    re.compile(f"(?<![A-Za-z])(?:{MONTHS_EN}|{MONTHS_TL})\\.?{WS}+{DD}(?:st|nd|rd|th)?,?(?:{WS}+{Y4})?{END}"),
    re.compile(f"{START}{DD}(?:st|nd|rd|th)?{WS}+(?:of{WS}+)?(?:{MONTHS_EN})\\.?,?(?:{WS}+{Y4})?{END}"),
    re.compile(f"{START}{DD}{WS}+de{WS}+(?i:{MONTHS_PT})(?:{WS}+de{WS}+{Y4})?"),
    re.compile(f"(?i:ngày){WS}+{DD}(?:{WS}+tháng{WS}+|/){MO}(?:(?:{WS}+năm{WS}+|/){Y4})?"),
]
# "2024年10月時点" / "as of October 2024" state when a text was checked;
# "2024年6月施行" dates a law, not a person's life.
AS_OF_JA = f"{J}(?:時点|現在|(?:に|の|から|からの)?(?:施行|改正|公布|変更|制度))"
MONTH_DATES = [
    re.compile(f"{ERA}{J}{EY}{J}年{J}{MO}{J}月(?!{J}\\d{{1,2}}{J}日|{AS_OF_JA})"),
    re.compile(f"{START}{Y4}{J}年{J}{MO}{J}月(?!{J}\\d{{1,2}}{J}日|{AS_OF_JA})"),
    re.compile(f"(?<!(?i:as of) )(?<![A-Za-z])(?:{MONTHS_EN}|{MONTHS_TL}){WS}+(?:of{WS}+)?{Y4}{END}"),
    re.compile(f"(?i:tháng){WS}+{MO}(?:{WS}+năm{WS}+|/){Y4}"),
    re.compile(f"(?i:{MONTHS_PT}){WS}+de{WS}+{Y4}"),
]


def _date_valid(m: re.Match[str]) -> bool:
    groups = m.groupdict()
    if groups.get("era"):
        ey = groups["ey"]
        year = 1 if ey == "元" else int(ey)
        if not 1 <= year <= ERA_LIMITS[groups["era"]]:
            return False
    if groups.get("mo") and not 1 <= int(groups["mo"]) <= 12:
        return False
    return not (groups.get("d") and not 1 <= int(groups["d"]) <= 31)


def find_dates(text: str) -> Iterator[Match]:
    lines = lines_with(text, DIGIT)  # every date has a digit
    for kind, patterns in (("date-day", DAY_DATES), ("date-month", MONTH_DATES)):
        for pattern in patterns:
            for m, shift in lines.finditer(pattern):
                if _date_valid(m):
                    yield Match(m.start() + shift, m.end() + shift, kind)


COURT_CASE = re.compile(
    f"(?:(?:令和|平成|昭和){J}(?:元|\\d{{1,2}}){J}年{J})?\\({J}[{KANJI}{KATA}{HIRA}]{{1,4}}{J}\\){J}第?{J}\\d{{1,6}}{J}号"
)


def find_court_cases(text: str) -> Iterator[Match]:
    return _found(lines_with(text, DIGIT), (COURT_CASE,), "court-case")


# --- ages ---------------------------------------------------------------------

AGE = re.compile(
    f"(?<![0-9.])(?:満{J})?\\d{{1,3}}{J}(?:歳|才)"
    f"(?!{J}(?:未満|以上|以下|から|まで|超|を超|以降|前後|くらい|ぐらい|頃|程度|代|児))"
    f"|{START}\\d{{1,3}}[- ]years?[- ]old{END}|(?i:aged){WS}+\\d{{1,3}}{END}"
    f"|{START}\\d{{1,3}}{WS}+tuổi|(?i:tem|com){WS}+\\d{{1,3}}{WS}+anos|{START}\\d{{1,3}}{WS}+(?:taong gulang|anyos)"
)


def find_ages(text: str) -> Iterator[Match]:
    return _found(lines_with(text, DIGIT), (AGE,), "age")


# --- places -------------------------------------------------------------------

PREF = f"(?:[{KANJI}]{{2,3}}[都道府県])"
MUNI = f"(?:[{KANJI}{KATA}]{{1,6}}[市区町村郡]|[{HIRA}]{{2,5}}市)(?:[{KANJI}]{{1,4}}[区町村])?"
TOWN = f"[{KANJI}{KATA}]{{0,10}}"
KANSUJI = "[一二三四五六七八九十]{1,3}"
CHOME = (
    f"(?:\\d{{1,2}}|{KANSUJI}){J}丁目(?:{J}\\d{{1,4}}{J}(?:番地?|{DASH})?(?:{J}\\d{{1,4}}{J}号?)?)?"
)
BANCHI = f"\\d{{1,5}}{J}番地?(?:の?\\d{{1,4}})?(?:{J}\\d{{1,4}}{J}号)?"
HYPHENS = (
    f"\\d{{1,4}}{DASH}\\d{{1,4}}(?:{DASH}\\d{{1,4}})+(?!\\d)"
    f"|\\d{{1,4}}{DASH}\\d{{1,4}}(?![0-9]|{J}(?:時|分|階|人|歳|%|件|日|月|年|回|万|円|か月|ヶ月|週|条|項|代|名|歳|割|倍|才))"
)
BUILDING = "マンション|ハイツ|コーポ|荘|団地|レジデンス|アパート|メゾン|パレス|ハイム|コーポラス|住宅"
ADDRESSES = [
    re.compile(f"{PREF}?{MUNI}{TOWN}(?:{CHOME}|{BANCHI}|{HYPHENS})"),
    re.compile(f"[{KANJI}{KATA}]{{1,8}}{CHOME}"),
    re.compile(f"{START}\\d{{1,5}}{J}番地(?:の?\\d{{1,4}})?"),
    re.compile(
        f"(?:[{HIRA}]{{2,6}}[{KANJI}{KATA}A-Za-z]{{0,12}}|[{KANJI}{KATA}A-Za-z]{{1,12}})(?:{BUILDING}){J}"
        f"(?:\\d{{1,4}}{J}(?:号棟|号館|棟|号室|号)|\\d{{3,4}}(?!\\d)|[A-Z]{J}棟)(?:{J}\\d{{1,4}}{J}号室?)?"
    ),
    re.compile(f"{START}\\d{{1,4}}{J}号室"),
    re.compile(f"(?:{BUILDING})[{KANJI}{KATA}A-Za-z]{{1,8}}{J}\\d{{3,4}}(?![0-9]|{J}(?:円|人|年|件|時間|万))"),
    re.compile(f"(?i:apt\\.?|apartment|room|rm\\.|unit){WS}*#?{WS}*\\d{{1,4}}{END}"),
    re.compile(
        f"{START}\\d{{1,4}}(?:-\\d{{1,4}}){{1,2}},?{WS}+[A-Z][a-z]+(?:-(?:cho|machi|chome|ku|shi))?{END}"
    ),
]


# Every address has a digit, or 丁目 after a kanji numeral, or 棟 after a letter.
ADDRESS_KEYWORD = re.compile("\\d|丁目|棟")


def find_addresses(text: str) -> Iterator[Match]:
    return _found(lines_with(text, ADDRESS_KEYWORD), ADDRESSES, "address")


MUNICIPALITY = re.compile(f"(?<![{KANJI}{KATA}])(?:[{KANJI}]{{1,5}}|[{KATA}]{{2,6}})[市区町村](?![{KANJI}])|[{HIRA}]{{2,5}}市")
MUNICIPALITY_GENERIC = frozenset(
    "都市 地区 市区 区市 町村 市町 特別区 行政区 選挙区 学区 管区 同市 同区 同町 同村 本市 各市 他市 当市 全市 "
    "農村 漁村 山村 寒村 下町 城下町 門前町 政令市 中核市 大都市 地方都市 市区町 区市町 町内 住所地の市 "
    "区町村 市町村 東京23区 外国人集住都市 当該市 隣の市 隣の区 近くの市".split()
)
NATIONALITY = re.compile(
    "(?:ネパール|ベトナム|フィリピン|ミャンマー|スリランカ|バングラデシュ|パキスタン|インドネシア|カンボジア|ラオス"
    "|モンゴル|ウズベキスタン|クルド|トルコ|イラン|アフガニスタン|ブラジル|ペルー|ボリビア|コロンビア|ナイジェリア"
    "|ガーナ|カメルーン|ウガンダ|エチオピア|コンゴ|ロヒンギャ|シリア|ウクライナ|ロシア|マレーシア|ブータン)"
    "|(?:タイ|インド|中国|韓国|朝鮮|台湾|ネパール)(?:人|出身|国籍|系)"
)


def find_municipality_nationality(text: str) -> Iterator[Match]:
    # Only the combination narrows a person down; either alone is fine.
    for m, shift in lines_with(text, NATIONALITY).finditer(MUNICIPALITY):
        if m.group() not in MUNICIPALITY_GENERIC and not m.group().startswith(("同", "各", "当", "他")):
            yield Match(m.start() + shift, m.end() + shift, "municipality-nationality")


# --- named organisations (warn) -----------------------------------------------

NAME_RUN = f"[{KANJI}{KATA}A-Za-z0-9&]"  # no ・: 小学校・中学校 is a list, not a name
# Words that make a facility name generic (公立小学校, 近所の教会). Single
# characters (同, 本, 大…) only count when they are all that is left, so that
# 本町教会 still reads as a name.
GENERIC_WORDS = frozenset(
    "公立 私立 国立 県立 都立 府立 道立 市立 区立 町立 村立 夜間 定時制 通信制 全日制 特別支援 外国人 朝鮮 韓国 "
    "中華 インター インターナショナル 日本語 専門 短期 近隣 地元 地域 当該 市内 県内 都内 区内 町内 府内 道内 "
    "近所 近く 女子 男子 名門 普通 職業 工業 商業 農業 看護 介護 国際 民間 公的 緊急 一時 DV 女性 母子 社員 会社 "
    "学生 技能実習生 実習生 従業員 独身 難民 支援 自立支援 婦人保護 シェア ゲスト カトリック プロテスタント "
    "キリスト キリスト教 福音 仏教 イスラム イスラーム ヒンドゥー ヒンドゥー教 日本 日本人 英語 ポルトガル語 "
    "スペイン語 タガログ語 ベトナム語 ネパール語 多言語 事業 中小企業 企業 漁業 生活 労働者 監理団体 組合 系列 "
    "下請け 大手 中小 零細 派遣 受入れ 受け入れ 受入 実習先 勤務先 就労先 派遣先 自動車 部品 金属 食品 建設 "
    "土木 冷凍 水産 縫製 製造 教会 寺院 モスク 地方 首都圏 関東 関西 東海 九州 東北 北海道 都市 宗教 礼拝 "
    "公営 県営 市営 都営 府営 町営 村営 社宅 寮 夜間中 特定 来年 今年 去年 翌年 来月 当時 現在 当面 "
    "本国 友人 外国籍 当事者 次".split()
)
GENERIC_PREFIXES = tuple(sorted(GENERIC_WORDS, key=len, reverse=True))
GENERIC_SINGLE = frozenset("同本当各他別元前新現全大小中高某市県区町村農漁お")


def is_generic_name(name: str) -> bool:
    """True when `name` is made only of generic words (公立, 近くの…) or is a pseudonym (A社)."""
    rest = name.strip("・&")
    while rest:
        prefix = next((p for p in GENERIC_PREFIXES if rest.startswith(p)), None)
        if prefix is None:
            break
        rest = rest[len(prefix) :]
    return not rest or rest in GENERIC_SINGLE or re.fullmatch("[A-Z]{1,2}|[0-9]+", rest) is not None


@dataclass(frozen=True)
class Facility:
    kind: str
    pattern: re.Pattern[str]
    keyword: re.Pattern[str]  # the suffix or prefix words, part of every match


def _facility(kind: str, pattern: str, keywords: str) -> Facility:
    return Facility(kind, re.compile(pattern), re.compile(keywords))


def _suffixed(kind: str, suffixes: str) -> Facility:
    return _facility(kind, f"(?P<name>{NAME_RUN}{{1,15}})(?:{suffixes})", suffixes)


def _prefixed(kind: str, prefixes: str) -> Facility:
    return _facility(kind, f"(?:{prefixes}){J}(?P<name>{NAME_RUN}{{1,15}})", prefixes)


def _quoted(kind: str, words: str) -> Facility:
    return _facility(kind, f"(?:{words}){J}[「『](?P<name>[^」』\\n]{{1,20}})[」』]", words)


COMPANY_FORMS = "株式会社|有限会社|合同会社|合資会社|\\(株\\)|\\(有\\)|\\(同\\)"
COMPANY_FORMS_EN = "Co\\., ?Ltd\\.?|Inc\\.|Ltd\\.|Corporation|Corp\\.|K\\.K\\."
RELIGIOUS_SITES_EN = "Church|Mosque|Masjid|Temple|Cathedral|Gurdwara|Parish"
RELIGIOUS_SITES_PREFIX = "Igreja|Mesquita|Templo|Simbahan ng"
FACILITIES = (
    _prefixed("employer", COMPANY_FORMS),
    _suffixed("employer", COMPANY_FORMS),
    _suffixed(
        "employer",
        "工業|製作所|鉄工所|工務店|商事|商会|興業|製菓|製麺|運送|運輸|物流|電機|精機|ホールディングス",
    ),
    _facility(
        "employer",
        f"(?P<name>[A-Z][A-Za-z&]+(?: [A-Z][A-Za-z&]+){{0,3}}),? (?:{COMPANY_FORMS_EN})",
        COMPANY_FORMS_EN,
    ),
    _suffixed("supervising-org", "事業協同組合|協同組合"),
    _prefixed("supervising-org", "協同組合"),
    _quoted("supervising-org", "監理団体|組合"),
    _suffixed(
        "school",
        "日本語学校|専門学校|高等専修学校|小学校|中学校|高等学校|義務教育学校|高校|中学|大学院|短期大学|大学(?!生)"
        "|学園|学院|幼稚園|保育園|保育所|こども園|インターナショナルスクール",
    ),
    _quoted("school", "学校|日本語学校"),
    _suffixed("shelter", "シェルター|ハウス"),
    _quoted("shelter", "シェルター|女性の家|施設|寮|ハウス|宿泊所|保護施設"),
    _suffixed(
        "religious-site",
        "カトリック教会|教会|大聖堂|聖堂|カテドラル|モスク|マスジド|寺院|寺|神社|グルドワラ|グルドワーラー|礼拝所",
    ),
    _facility(
        "religious-site",
        f"(?P<name>(?:St\\. )?[A-Z][a-z]+(?: [A-Z][a-z]+){{0,3}}) (?:{RELIGIOUS_SITES_EN})",
        RELIGIOUS_SITES_EN,
    ),
    _facility(
        "religious-site",
        f"(?:{RELIGIOUS_SITES_PREFIX}) (?P<name>[A-Z][a-z]+(?: [A-Za-z][a-z]+){{0,3}})",
        RELIGIOUS_SITES_PREFIX,
    ),
)


def find_facilities(text: str) -> Iterator[Match]:
    for facility in FACILITIES:
        # Facility patterns match within a line (see Lines).
        for m, shift in lines_with(text, facility.keyword).finditer(facility.pattern):
            if not is_generic_name(m.group("name")):
                yield Match(m.start() + shift, m.end() + shift, facility.kind)


DETECTORS: tuple[Callable[[str], Iterable[Match]], ...] = (
    find_numbers,
    find_phones,
    find_postal,
    find_letter_numbers,
    find_mrz,
    find_internet,
    find_dates,
    find_court_cases,
    find_ages,
    find_addresses,
    find_municipality_nationality,
    find_facilities,
)


def find_all(text: str) -> list[Match]:
    return [m for detector in DETECTORS for m in detector(text)]
