"""Person names: Japanese text through SudachiPy, romanised names through rules.

Dictionaries tag only parts of foreign names (グエン・ヴァン・アン: ヴァン is a
common noun), so tokens are merged into runs, runs are joined across ・ and ＝,
a run followed by an honorific counts unless it is a plain common noun
(ケースワーカーさん), and a shipped list covers surnames the dictionary misses.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterator, NamedTuple

from .patterns import HIRA, KANJI, KATA, Match, lines_with

HONORIFICS = frozenset("さん 様 さま 氏 くん 君 ちゃん 先生 夫妻 一家 殿 一族".split())
# Job titles written after a surname (鈴木弁護士) mark a name like an honorific.
JOB_TITLES = frozenset("弁護士 行政書士 司法書士 社労士 医師 看護師 社長 会長 部長 課長 係長 所長 院長 議員 教授 牧師 神父".split())
JOINERS = frozenset("・=＝")
# Common nouns that the honorific rule must let pass even when the dictionary
# does not know them as common nouns.
ROLE_WORDS = frozenset(
    "ケースワーカー ワーカー ソーシャルワーカー ボランティア スタッフ ヘルパー ドクター ナース マネージャー "
    "オーナー シスター ママ パパ リーダー メンバー コーディネーター サポーター カウンセラー ガイド ホスト "
    "ケアマネ ケアマネージャー アドバイザー コーチ トレーナー ドライバー".split()
)
KATA_RE = re.compile(f"[{KATA}]+")
KANJI_RE = re.compile(f"[{KANJI}]+")
HIRA_RE = re.compile(f"[{HIRA}ー]+")
NEEDS_TOKENS = re.compile(f"[{KANJI}{KATA}]")
MAX_SEGMENT = 4000  # Sudachi rejects very long inputs; lines rarely get close


class Token(NamedTuple):
    """What the rules need of a morpheme. Its offset is kept apart (see tokenize), so
    one record serves every occurrence of the same surface, POS and oov flag."""

    surface: str
    pos: tuple[str, ...]
    oov: bool
    is_person: bool
    is_kata: bool
    is_common: bool
    is_place_or_org: bool
    is_name_part: bool
    is_kanji: bool
    is_joiner: bool


@dataclass(frozen=True)
class PosClass:
    """What the rules need to know about a part of speech, computed once per id."""

    pos: tuple[str, ...]
    person: bool
    common: bool
    place_or_org: bool
    symbol: bool


@lru_cache(maxsize=1)
def _tokenizer():  # type: ignore[no-untyped-def]
    # Loaded once per process: the dictionary takes ~0.2 s and 200 MB to map.
    from sudachipy import Dictionary, SplitMode

    dictionary = Dictionary(dict="core")
    return dictionary, dictionary.tokenizer(mode=SplitMode.C)


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(katakana, romanised) surnames from data/migrant_surnames.txt."""
    text = resources.files("bansou").joinpath("data/migrant_surnames.txt").read_text(encoding="utf-8")
    entries = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    kata = frozenset(unicodedata.normalize("NFKC", e).replace("・", "") for e in entries if not e.isascii() and KATA_RE.match(e))
    roman = frozenset(e.casefold() for e in entries if not KATA_RE.match(e))
    return kata, roman


_POS_CLASSES: dict[int, PosClass] = {}


def _pos_class(pid: int) -> PosClass:
    cls = _POS_CLASSES.get(pid)
    if cls is None:
        pos = tuple(_tokenizer()[0].pos_of(pid))
        cls = _POS_CLASSES[pid] = PosClass(
            pos,
            person=pos[2] == "人名",
            common=pos[1] == "普通名詞",
            place_or_org=pos[0] != "名詞" or pos[1] == "固有名詞" and pos[2] in ("地名", "組織名"),
            symbol=pos[0] == "補助記号",
        )
    return cls


def _is_kata(surface: str) -> bool:
    return "\u30a1" <= surface[0] <= "\u30fc" and KATA_RE.fullmatch(surface) is not None


_TOKENS: dict[tuple[str, int, bool], Token] = {}  # by (surface, part-of-speech id, oov)


def _token(surface: str, pid: int, oov: bool) -> Token:
    cls = _pos_class(pid)
    ascii_ = surface.isascii()
    # Sudachi tags many hiragana strings (furigana such as かりほうめん) as names.
    person = cls.person and not ascii_ and not HIRA_RE.fullmatch(surface)
    kata = _is_kata(surface)
    name_part = person or kata or (oov and not ascii_ and not cls.symbol and not HIRA_RE.fullmatch(surface))
    kanji = KANJI_RE.fullmatch(surface) is not None
    common = cls.common and not oov
    return Token(surface, cls.pos, oov, person, kata, common, cls.place_or_org, name_part, kanji, surface in JOINERS)


def tokenize(segment: str) -> tuple[list[Token], list[int]]:
    """The tokens of a segment and the offset of each, plus the segment's length."""
    # This loop runs for every morpheme of every case: a dict lookup per token,
    # since texts repeat their words.
    if len(_TOKENS) > 500_000:  # bound the table in long-running processes
        _TOKENS.clear()
    tokens, begins = [], []
    begin = 0  # surfaces are consecutive slices of the input
    for m in _tokenizer()[1].tokenize(segment):
        key = (m.surface(), m.part_of_speech_id(), m.is_oov())
        tokens.append(_TOKENS.get(key) or _TOKENS.setdefault(key, _token(*key)))
        begins.append(begin)
        begin += len(key[0])
    begins.append(begin)
    return tokens, begins


# A line is cut into pieces at table cell and block marks, and each piece loses the
# whitespace and Markdown markers around it. The same sentence then gives the same piece
# in a source (`- 文`, `| 文 |`), its built page (` ¦ 文 ¦ `) and its search index entry,
# so it is tokenised once per process (see _segment_names).
_PIECE = re.compile(r"(?:^[ \t]*(?:[-*+>#]+|\d+[.)])[ \t]+)?([^|¦]+)")
_EDGES = " \t\u3000"


def _segments(text: str) -> Iterator[tuple[int, str]]:
    """Pieces of lines that contain kanji or katakana, cut at sentence ends when very long."""
    for line in re.finditer("[^\n]+", text):
        if not NEEDS_TOKENS.search(line.group()):
            continue
        for piece in _PIECE.finditer(line.group()):
            raw = piece.group(1)
            s = raw.strip(_EDGES)
            if not s or not NEEDS_TOKENS.search(s):
                continue
            start = line.start() + piece.start(1) + (len(raw) - len(raw.lstrip(_EDGES)))
            while len(s) > MAX_SEGMENT:
                cut = max(s.rfind("。", 0, MAX_SEGMENT), s.rfind(" ", 0, MAX_SEGMENT)) + 1 or MAX_SEGMENT
                yield start, s[:cut]
                start, s = start + cut, s[cut:]
            yield start, s


def _runs(tokens: list[Token]) -> Iterator[tuple[int, int]]:
    """[i, j) index ranges of name-like tokens, joined across ・/＝ and single spaces."""
    i, n = 0, len(tokens)
    while i < n:
        if not tokens[i].is_name_part:
            i += 1
            continue
        j = i + 1
        while j < n:
            if tokens[j].is_name_part:
                j += 1
            elif (tokens[j].is_joiner or tokens[j].surface == " ") and j + 1 < n and tokens[j + 1].is_name_part:
                j += 2
            else:
                break
        yield i, j
        i = j


def _japanese_names(tokens: list[Token], begins: list[int]) -> Iterator[tuple[int, int]]:
    """Character spans (in the segment) of names found in one tokenised segment."""
    kata_surnames, _ = surnames()
    for i, j in _runs(tokens):
        run = tokens[i:j]
        parts = [t for t in run if not (t.is_joiner or t.surface == " ")]
        text = "".join(t.surface for t in parts)
        words = re.split("[・= ]", "".join(t.surface for t in run))
        honorific = j < len(tokens) and (tokens[j].surface in HONORIFICS or tokens[j].surface in JOB_TITLES)
        joined = len(parts) < len(run)
        persons = [t for t in parts if t.is_person]
        surname_hit = any(w in kata_surnames for w in words)
        if text in ROLE_WORDS:
            continue
        if honorific:
            plain = all(t.is_common or t.is_place_or_org for t in parts)
            if plain and not (joined or surname_hit or persons):
                continue
        elif not persons and not (surname_hit and (joined or any(len(w) >= 3 and w in kata_surnames for w in words))):
            continue
        elif len(persons) == 1 and len(parts) == 1 and not surname_hit and not _standalone_person(tokens, j):
            continue
        yield begins[i], begins[j]


def _standalone_person(tokens: list[Token], j: int) -> bool:
    """A lone 人名 token (tokens[j - 1]) without an honorific counts when it is a
    surname or given name of 2+ chars with no common-noun reading (町村 is also
    "towns and villages") and does not start a compound (マリア像, マイナ保険証)."""
    t = tokens[j - 1]
    if len(t.surface) < 2 or not (t.pos[3] in ("姓", "名") or t.is_kata and len(t.surface) >= 3):
        return False
    if j < len(tokens) and tokens[j].pos[0] in ("名詞", "接尾辞"):
        return False
    return not _has_common_reading(t.surface)


@lru_cache(maxsize=4096)
def _has_common_reading(surface: str) -> bool:
    return any(m.part_of_speech()[1] == "普通名詞" for m in _tokenizer()[0].lookup(surface))


def _kanji_before_honorific(tokens: list[Token], begins: list[int]) -> Iterator[tuple[int, int]]:
    """1–4 kanji before an honorific are a name when they hold a 人名 or unknown token."""
    for h, t in enumerate(tokens):
        if t.surface not in HONORIFICS or h == 0:
            continue
        k, chars = h, 0
        while k > 0 and tokens[k - 1].is_kanji and chars + len(tokens[k - 1].surface) <= 4:
            k -= 1
            chars += len(tokens[k].surface)
        names = [m for m in range(k, h) if tokens[m].is_person or tokens[m].oov]
        if names:
            yield begins[names[0]], begins[h]


@lru_cache(maxsize=1 << 16)  # a build's worker sees every sentence three times (source, page, index)
def _segment_names(segment: str) -> tuple[tuple[int, int], ...]:
    """Name spans in one segment. Sentences repeat (headings, list items, a source
    paragraph, the same paragraph in its built page): each is tokenised once."""
    tokens, begins = tokenize(segment)
    return (*_japanese_names(tokens, begins), *_kanji_before_honorific(tokens, begins))


def find_japanese_names(text: str) -> Iterator[Match]:
    for offset, segment in _segments(text):
        for start, end in _segment_names(segment):
            yield Match(offset + start, offset + end, "person-name")


# --- romanised names ----------------------------------------------------------

def _letters(upper: bool) -> str:
    ranges = [(0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF)]
    chars = (chr(c) for a, b in ranges for c in range(a, b + 1))
    return "".join(c for c in chars if c.isalpha() and (c.isupper() if upper else c.islower()))


UPPER, LOWER = _letters(True), _letters(False)
# A capital then a lower-case letter: "B's" (a pseudonym's possessive) is no name.
CAPWORD = f"(?:[{UPPER}][{LOWER}][{LOWER}'’]*|[{UPPER}]['’][{UPPER}][{LOWER}]+)(?:-[{UPPER}{LOWER}][{LOWER}]+)?"
PARTICLES = "de|da|do|dos|das|del|dela|della|van|von|bin|binti|ibn|la|le|y"
NAME_SEQ = f"(?P<name>{CAPWORD}(?:[ \\t]+(?:(?:{PARTICLES})[ \\t]+)?{CAPWORD}){{0,4}})"
NOT_LATIN = f"(?<![{UPPER}{LOWER}])"
ROMAN_TITLES = (
    "Mr|Mrs|Ms|Miss|Mx|Dr|Mister|Madam|Mme|Sir|Sr|Sra|Srta|Dona|Seu|Senhor|Senhora|Señor|Señora"
    "|Ate|Kuya|Tita|Tito|Lola|Lolo|Manang|Manong|Aling|Mang|Gng|Bb"
)
VI_TITLES = "anh|chị|em|ông|bà|cô|chú|bác|Anh|Chị|Em|Ông|Bà|Cô|Chú|Bác"
INTRODUCERS = (
    "named|called|(?:is|was) known as|chamad[oa]|de nome|llamad[oa]|tên là|tên|nagngangalang|pangalan(?: niya)? ay"
)
TAGALOG_MARKERS = f"{NOT_LATIN}(?:[Ss]i|[Nn]i|[Kk]ay|[Ss]ina|[Nn]ina|[Kk]ina)"
SUFFIXES = "-(?:san|sama|chan|kun)(?![a-z])|[ \\t]?(?:さん|様|氏|くん|ちゃん)"
# Each rule after a keyword that every match of it holds: only lines holding
# the keyword need the rule (see patterns.Lines; all these match within a line).
ROMAN_RULES = tuple(
    (re.compile(keyword), re.compile(rule))
    for keyword, rule in (
        (ROMAN_TITLES, f"{NOT_LATIN}(?:{ROMAN_TITLES})\\.?[ \\t]+{NAME_SEQ}"),
        (TAGALOG_MARKERS, f"{TAGALOG_MARKERS}[ \\t]+{NAME_SEQ}"),
        (INTRODUCERS, f"{NOT_LATIN}(?:{INTRODUCERS})[ \\t]+{NAME_SEQ}"),
        (SUFFIXES, f"{NAME_SEQ}(?:{SUFFIXES})"),
    )
)
# Vietnamese kinship words double as Portuguese "em" (in): only trust them in
# lines that carry letters only Vietnamese uses.
VIETNAMESE_ONLY = re.compile("[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")
VI_RULE = re.compile(f"{NOT_LATIN}(?:{VI_TITLES})[ \\t]+{NAME_SEQ}")
CAP_SEQUENCE = re.compile(f"{NOT_LATIN}{NAME_SEQ}")
# Capitalised words that start sentences, or titles swallowed by a longer
# sequence: trimmed from the front of a candidate. Places: trimmed from both ends.
LEADING_NOT_NAMES = frozenset(
    "The A An In On At When After Before Yesterday Today She He They We I It Her His Their This That Then "
    "Tôi Chị Anh Em Ông Bà Cô Chú Bác Ele Ela Eu Nós Ang Si Ni Kay Siya Ako Mr Mrs Ms Dr Sr Sra Dona Seu "
    "Ate Kuya Tita Tito Lola Lolo Aling Mang".split()
)
PLACES = frozenset(
    "Japan Tokyo Osaka Japanese Vietnam Nepal Brazil Philippines Immigration Bureau City Office Ward "
    "Nhật Bản Việt".split()
)


def _trim(name: str, start: int) -> tuple[int, int] | None:
    words = list(re.finditer("\\S+", name))
    while words and (words[0].group() in LEADING_NOT_NAMES or words[0].group() in PLACES):
        words.pop(0)
    while words and words[-1].group() in PLACES:
        words.pop()
    if not words:
        return None
    return start + words[0].start(), start + words[-1].end()


def find_romanised_names(text: str) -> Iterator[Match]:
    _, roman_surnames = surnames()
    for keyword, rule in (*ROMAN_RULES, (VIETNAMESE_ONLY, VI_RULE)):
        for m, shift in lines_with(text, keyword).finditer(rule):
            span = _trim(m.group("name"), m.start("name") + shift)
            if span:
                yield Match(*span, "person-name")
    for m in CAP_SEQUENCE.finditer(text):
        words = m.group("name").split()
        if any(w.casefold() in roman_surnames for w in words):
            span = _trim(m.group("name"), m.start("name"))
            if span:
                yield Match(*span, "person-name")


def find_names(text: str) -> list[Match]:
    return [*find_japanese_names(text), *find_romanised_names(text)]
