"""Check digits of Japanese identifiers and passport MRZ lines.

A valid check digit lets the checker block a bare number that carries no keyword
(a 12-digit number with a valid My Number check digit is almost surely one).
"""
from __future__ import annotations


def my_number_valid(digits: str) -> bool:
    """個人番号: 11 digits + check digit (総務省令第85号 第5条)."""
    if len(digits) != 12 or not digits.isdigit():
        return False
    body = digits[:11]
    total = 0
    for n in range(1, 12):
        p = int(body[-n])
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    r = total % 11
    return int(digits[11]) == (0 if r <= 1 else 11 - r)


def modulus11_valid(digits: str) -> bool:
    """Modulus 11 with weights 2..7 from the right; remainder 0 or 1 gives 0.

    Used for the 11-digit 住民票コード. The exact weights are not confirmed from
    the ordinance, so a number failing this check still blocks when a keyword
    names it.
    """
    if len(digits) < 2 or not digits.isdigit():
        return False
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(d) * (2 + i % 6) for i, d in enumerate(reversed(body)))
    r = total % 11
    return check == (0 if r <= 1 else 11 - r)


def insurer_number_valid(digits: str) -> bool:
    """保険者番号 (8 digits): weights 2,1,2,… from the right, digits of products summed."""
    if len(digits) not in (6, 8) or not digits.isdigit():
        return False
    body, check = digits[:-1], int(digits[-1])
    total = 0
    for i, d in enumerate(reversed(body)):
        product = int(d) * (2 if i % 2 == 0 else 1)
        total += product // 10 + product % 10
    return check == (10 - total % 10) % 10


def _mrz_value(ch: str) -> int:
    if ch.isdigit():
        return int(ch)
    if "A" <= ch <= "Z":
        return ord(ch) - ord("A") + 10
    return 0  # the filler '<'


def mrz_check(field: str) -> int:
    """ICAO 9303 check digit: weights 7, 3, 1 repeated, sum mod 10."""
    weights = (7, 3, 1)
    return sum(_mrz_value(c) * weights[i % 3] for i, c in enumerate(field)) % 10


def mrz_line2_valid(line: str) -> bool:
    """Second line of a passport MRZ (TD3): document number or birth date checks out."""
    if len(line) < 28:
        return False
    doc_ok = line[9].isdigit() and mrz_check(line[0:9]) == int(line[9])
    birth_ok = line[19].isdigit() and line[13:19].isdigit() and mrz_check(line[13:19]) == int(line[19])
    return doc_ok or birth_ok
