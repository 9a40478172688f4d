"""Throughput of the PII checker on synthetic anonymised cases.

Usage: python scripts/pii_bench.py [--cases 10000] [--seed 1]
Generates cases of about 1,500 characters written like anonymised case text,
sprinkles a few synthetic identifiers into some of them, and prints cases/second
and characters/second for scan_text (the Sudachi dictionary load is timed apart).
"""
from __future__ import annotations

import argparse
import random
import time

from bansou.pii import scan_text
from bansou.pii.names import tokenize

SENTENCES = [
    "{p}さん（{age}代・{sex}）は{year}年{season}に来日した。",
    "{p}さんは{region}地方に住み、{job}として働いていた。",
    "福祉事務所のケースワーカーさんは、生活保護法第4条を理由に申請を受け付けなかった。",
    "支援者{q}が同行し、在留カードの更新について入管の窓口で確認した。",
    "通訳さんを介して、職員さんから{money}万円の一時金について説明を受けた。",
    "相談者{q}は{region}地方の食品工場で働いていたが、{year}年に雇い止めにあった。",
    "監理団体に相談したが、取り合ってもらえなかったという。",
    "入管法第22条の2による申請が必要だと分かり、必要書類を一緒にそろえた。",
    "病院の先生は、医療通訳がいないと説明できないと話した。",
    "家賃は月{money}万円で、収入は月{money2}万円ほどだった。",
    "子どもは地元の小学校に通っており、日本語の方が得意になっている。",
    "近くの教会で知り合った支援者から、私たちの団体を紹介された。",
    "在留資格「特定技能1号」から「家族滞在」への変更を検討した。",
    "難民認定申請の{n}回目の審査が続いており、仮放免のまま就労はできない。",
    "ハローワークで雇用保険の手続きをし、職業訓練の案内を受けた。",
    "保険証がなかったため、無料低額診療を行う病院を探した。",
    "{p}さんの夫は東南アジア出身で、来日{n}年目になる。",
    "区役所の窓口で3時間待った後、ようやく担当者に会えた。",
    "ソーシャルワーカーさんが病院と福祉事務所の間の調整をしてくれた。",
    "第{n}回の面談で、ようやく本人の希望が分かってきた。",
    "The caseworker told Ms. {p} that the application could not be accepted.",
    "Chị {p} đến văn phòng phúc lợi cùng với người hỗ trợ.",
]
# Synthetic identifiers of the shapes the checker must catch (never real data).
LEAKS = [
    "電話は090-{a4}-{b4}だった。",
    "メールはuser{a4}@example.comまで。",
    "グエン・ヴァン・アンさんが同席した。",
    "在留カード番号はAB{a4}{b4}CDだった。",
    "平成7年4月12日生まれ。",
    "住所はサンプル市本町3丁目{n}番{n}号。",
]


def make_case(rng: random.Random, leaks: int) -> str:
    values = {
        "p": rng.choice("ABCDEFGH"),
        "q": rng.choice("IJKLMN"),
        "age": rng.choice([20, 30, 40, 50]),
        "sex": rng.choice(["女性", "男性"]),
        "year": rng.randint(2015, 2025),
        "season": rng.choice(["春", "夏", "秋", "冬"]),
        "region": rng.choice(["関東", "東海", "近畿", "九州", "東北"]),
        "job": rng.choice(["技能実習生", "派遣社員", "アルバイト"]),
        "money": rng.randint(3, 12),
        "money2": rng.randint(8, 25),
        "n": rng.randint(1, 9),
        "a4": f"{rng.randint(0, 9999):04d}",
        "b4": f"{rng.randint(0, 9999):04d}",
    }
    parts: list[str] = []
    while sum(map(len, parts)) < 1500:
        paragraph = "".join(rng.choice(SENTENCES).format(**values) for _ in range(4))
        parts.append(paragraph + "\n\n")
    for _ in range(leaks):
        i = rng.randrange(len(parts))
        parts[i] = parts[i].rstrip("\n") + rng.choice(LEAKS).format(**values) + "\n\n"
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    cases = [make_case(rng, rng.choice([0, 0, 1, 2, 3])) for _ in range(args.cases)]
    chars = sum(map(len, cases))

    t0 = time.perf_counter()
    tokenize("辞書の読み込み")
    load = time.perf_counter() - t0

    t0 = time.perf_counter()
    hits = [h for text in cases for h in scan_text(text, "casebook/bench.md")]
    elapsed = time.perf_counter() - t0

    print(f"dictionary load: {load:.2f} s")
    print(f"{len(cases)} cases, {chars:,} chars, {len(hits)} findings in {elapsed:.1f} s")
    print(f"{len(cases) / elapsed:,.0f} cases/s, {chars / elapsed:,.0f} chars/s")


if __name__ == "__main__":
    main()
