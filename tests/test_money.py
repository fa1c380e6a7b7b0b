"""The one grammar of amounts (kg/language/money.py): what the recogniser marks as MONEY and what the
project reader reads as an investment."""

from __future__ import annotations

import pytest

from kg.language.money import AMOUNT, chinese_number, yuan


@pytest.mark.parametrize(
    "amount, unit, value",
    [("3.2", "亿", 3.2e8), ("三千", "万", 3e7), ("两", "亿", 2e8), ("1,200", "万", 1.2e7), ("百", "亿", 1e10),
     ("一百五十", "万", 1.5e6), ("十二", "亿", 1.2e9), ("500", None, 500.0)],
)  # fmt: skip
def test_an_amount_in_yuan(amount: str, unit: str | None, value: float) -> None:
    assert yuan(amount, unit) == value


def test_chinese_numerals_below_ten_thousand() -> None:
    assert [chinese_number(t) for t in ("三千", "一百零五", "十", "二十", "九")] == [3000, 105, 10, 20, 9]
    assert [chinese_number(t) for t in ("5", "15", "十三")] == [5, 15, 13]  # a term or a sitting


@pytest.mark.parametrize(
    "text, found",
    [("总投资3.2亿元", "3.2亿元"), ("投资三千万元", "三千万元"), ("约1,200万元", "1,200万元"), ("20多亿元", "20多亿元"),
     ("城乡二元结构", None), ("多元化发展", None)],
)  # fmt: skip
def test_what_is_an_amount_in_the_text(text: str, found: str | None) -> None:
    match = AMOUNT.search(text)
    assert (match.group() if match else None) == found
