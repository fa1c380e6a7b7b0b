"""The one grammar of amounts of money: a number (in figures, "1,200" with its thousands marked, or in
Chinese numerals: "三千万", "两亿", "百亿"), a unit (万, 亿, 万亿; none is yuan) and 元. The recogniser
marks such amounts as MONEY; the project reader reads them as a project's investment.
"""

from __future__ import annotations

import re

FIGURES = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CHINESE_NUMERALS = r"[零一二两三四五六七八九十百千]+"
# the two parts of an amount, as named groups: "3.2" + "亿", "三千" + "万"
NUMBER = rf"(?P<amount>{FIGURES}|{CHINESE_NUMERALS})"
UNIT = r"(?P<mult>万亿|亿|万)"
_MORE = "(?:多|余)?"  # "20多亿元", "1亿余元"
# an amount as the text writes it; in Chinese numerals only with a unit ("二元结构" is no amount)
AMOUNT = re.compile(
    rf"(?:{FIGURES}){_MORE}(?:万亿|亿|万)?{_MORE}元|(?:{CHINESE_NUMERALS}){_MORE}(?:万亿|亿|万){_MORE}元"
)

_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_POWERS = {"十": 10, "百": 100, "千": 1000}


def yuan(amount: str, multiplier: str | None) -> float:
    """ "3.2", "亿" → 320000000.0; "三千", "万" → 30000000.0; "1,200", "万" → 12000000.0."""
    scale = {"万": 1e4, "亿": 1e8, "万亿": 1e12}.get(multiplier or "", 1.0)
    number = float(amount.replace(",", "")) if amount[0].isdigit() else chinese_number(amount)
    return round(number * scale, 2)


def chinese_number(text: str) -> float:
    """A number in Chinese numerals below ten thousand: "三千" → 3000, "一百五十" → 150, "十二" → 12,
    "百" (of 百亿) → 100; or in figures: "5" → 5."""
    if text.isdigit():
        return float(text)
    total = digit = 0
    for char in text:
        if char in _POWERS:
            total += (digit or 1) * _POWERS[char]
            digit = 0
        else:
            digit = _DIGITS[char]
    return float(total + digit)
