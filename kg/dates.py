"""Dates as the news writes them, to ISO 8601: "2025年1月2日至3日", "12月27日", "28日上午".

A year is never invented: it comes from the expression itself or from the issue
date the user gives (`--date`). Without one a date stays month-day ("--12-27",
xsd:gMonthDay).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DATE = re.compile(
    r"(?:(?P<year>\d{4})\s*年\s*)?(?:(?P<month>\d{1,2})\s*月\s*)?(?P<day>\d{1,2})\s*[日号]"
    r"(?:\s*(?:至|到|—|-|~)\s*(?:(?P<month2>\d{1,2})\s*月\s*)?(?P<day2>\d{1,2})\s*[日号])?"
)


@dataclass(frozen=True)
class DateSpan:
    start: str  # "2025-01-02" or "--01-02"
    end: str | None = None

    @property
    def year_known(self) -> bool:
        return not self.start.startswith("--")


def _iso(year: int | None, month: int, day: int) -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def parse_date(text: str, issue_date: str | None = None, month_hint: int | None = None) -> DateSpan | None:
    """The first date in `text`. `issue_date` ("2024-12-28") supplies a missing year: the most recent
    year that does not put the date after the issue; `month_hint` supplies a missing month ("28日")."""
    match = _DATE.search(text)
    if not match:
        return None
    month = int(match["month"]) if match["month"] else month_hint
    if month is None:
        return None
    day = int(match["day"])
    year = int(match["year"]) if match["year"] else _year_from_issue(issue_date, month, day)
    start = _iso(year, month, day)
    if start is None:
        return None
    end = None
    if match["day2"]:
        month2 = int(match["month2"]) if match["month2"] else month
        end = _iso(year, month2, int(match["day2"]))
    return DateSpan(start, end)


def _year_from_issue(issue_date: str | None, month: int, day: int) -> int | None:
    if not issue_date:
        return None
    year, issue_month, issue_day = (int(part) for part in issue_date.split("-"))
    # News reports what happened before the issue, or what is announced for soon after it:
    # a date more than two months after the issue date belongs to the previous year.
    months_ahead = (month - issue_month) % 12
    if (month, day) > (issue_month, issue_day) and months_ahead > 2:
        return year - 1
    if (month, day) < (issue_month, issue_day) and (issue_month - month) % 12 > 9:
        return year + 1  # "1月2日" in a late-December issue
    return year


def month_of(text: str) -> int | None:
    match = re.search(r"(\d{1,2})月", text)
    return int(match.group(1)) if match and 1 <= int(match.group(1)) <= 12 else None
