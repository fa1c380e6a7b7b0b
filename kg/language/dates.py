"""Dates as the news writes them, to ISO 8601: "2025年1月2日至3日", "12月27日", "28日上午".

A year is never invented: it comes from the expression itself or from the article's date
(`published`: the page's metadata, its dateline, its path, or `--date`). Without one a date
stays month-day ("--12-27", xsd:gMonthDay).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import PurePath

from kg.language.lexicon import LexiconPattern
from kg.model import Document

# What the recogniser marks as a DATE mention: a day, a year, a month ("2023年5月8日", "2023年", "5月份");
# parse_date reads the days (and ranges) an event is dated with.
DATE_MENTION = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{4}年(?:\d{1,2}月)?|\d{1,2}月(?:份)?(?=\D)")
# "3月20上午": a month's day written without 日 before the time of day
_DAY_END = r"(?:[日号]|(?(month)(?=[上下中]午|晚上|凌晨|早上)|(?!)))"
_DATE = re.compile(
    rf"(?:(?P<year>\d{{4}})\s*年\s*)?(?:(?P<month>\d{{1,2}})\s*月\s*)?(?P<day>\d{{1,2}})\s*{_DAY_END}"
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
    # "12月12日电": the day a wire dispatch was filed, not the day of what it reports; "12月29日讯": the
    # day of the report, the day of what it reports only when the text states no other
    dates = [m for m in _DATE.finditer(text) if not text.startswith("电", m.end())]
    stated = [m for m in dates if not text.startswith("讯", m.end())]
    match = next(iter(stated or dates), None)
    relative = _RELATIVE.search(text) if issue_date else None
    if relative and (not match or relative.start() < match.start()):
        return _relative(relative.group(), issue_date)
    return _span(match, issue_date, month_hint) if match else None


def _span(match: re.Match[str], issue_date: str | None, month_hint: int | None) -> DateSpan | None:
    day = int(match["day"])
    month = int(match["month"]) if match["month"] else month_hint
    if month is None and issue_date and not match["month2"]:
        month = _month_from_issue(issue_date, day)  # "8日，…": the issue's month or the one before
    if month is None:
        return None
    year = int(match["year"]) if match["year"] else _year_from_issue(issue_date, month, day)
    start = _iso(year, month, day)
    if start is None:
        return None
    end = None
    if match["day2"]:
        end = _iso(year, int(match["month2"]) if match["month2"] else month, int(match["day2"]))
    return DateSpan(start, end)


# "昨日", "今天": days before the article's date; only with that date ("日前", "近日" say no day)
_RELATIVE = re.compile(r"(?<![0-9一二三四五六七八九十])(?:前天|前日|昨天|昨日|今天|今日)")
_DAYS_BEFORE = {"前天": 2, "前日": 2, "昨天": 1, "昨日": 1, "今天": 0, "今日": 0}


def _relative(word: str, issue_date: str | None) -> DateSpan | None:
    if not issue_date:
        return None
    day = datetime.date.fromisoformat(issue_date) - datetime.timedelta(days=_DAYS_BEFORE[word])
    return DateSpan(day.isoformat())


def _month_from_issue(issue_date: str, day: int) -> int:
    """The month of "8日" in an article of `issue_date`: the issue's own month when that day is not
    after the issue, else the month before (a report of the 28th in an issue of the 2nd)."""
    _, issue_month, issue_day = (int(part) for part in issue_date.split("-"))
    return issue_month if day <= issue_day else (issue_month - 2) % 12 + 1


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


_YEAR_OF_MONTH = LexiconPattern("date_patterns.tsv", "year_of_month")
_YEAR_GONE_BY = LexiconPattern("date_patterns.tsv", "year_gone_by")
_YEAR_PLANNED = LexiconPattern("date_patterns.tsv", "year_planned")
_YEAR_SO_FAR = LexiconPattern("date_patterns.tsv", "year_so_far")


def year_of_text(text: str, month: int) -> int | None:
    """The year of a date in `month` that a page printing no date gives without its year, as the page's
    own words tell it: a month of a year that is the date's ("2021年8月（总第149期）"), the year just gone
    by that a session reviews ("刚刚过去的2017年": 2018), the year whose work a meeting plans ("2019年工作
    要点"), or a part of a year that is over by that month ("2025年上半年…情况" in August). None when
    they disagree or say nothing."""
    of_month = {int(m["year"]) for m in _YEAR_OF_MONTH.compiled().finditer(text) if int(m["month"]) == month}
    if of_month:
        return of_month.pop() if len(of_month) == 1 else None
    years = {int(m["year"]) + 1 for m in _YEAR_GONE_BY.compiled().finditer(text)}
    years |= {int(m["year"]) for m in _YEAR_PLANNED.compiled().finditer(text)}
    years |= {int(m["year"]) for m in _YEAR_SO_FAR.compiled().finditer(text) if month > _months_over(m)}
    return years.pop() if len(years) == 1 else None


def _months_over(part: re.Match[str]) -> int:
    """The last month of a part of a year: 上半年 6, 前三季度 9, "1—10月" 10."""
    return 6 if part["half"] else 9 if part["three"] else int(part["to"])


# ---- an article's own date: its dateline, or its file's path ------------------------------------------

_FULL = r"(?P<y>(?:19|20)\d{2})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})(?!\d)\s*日?"
# A page's date line as sites print it: "2023-02-13 来源:…", "2018/9/4 15:32:43", "发布时间：2020年6月7日",
# "2025年1月3日 星期五". A date in running text ("2020年8月18日上午，…") is an event's, not the page's.
_NUMERIC = re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?![\d.])")
_LABELLED = re.compile(r"(?:发布|发稿|更新|发表|出版|时间|日期)\s*[:：]?\s*" + _FULL)
_WEEKDAY = re.compile(_FULL + r"\s*(?:星期|周|礼拜)[一二三四五六日天]")
_SOURCED = re.compile(
    _FULL + r"\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:来源|稿源|作者|编辑)\s*[:：]"
)  # "2026年01月20日 15:29 来源:"
_DATE_LINE = re.compile(r"^\s*[【\[(（]?\s*" + _FULL + r"\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*[】\])）]?\s*$")
_HEAD_CHARS = 600  # where the page's date line is printed: above the article, with its source and author
_TAIL_LINES = 3  # a notice signs off with its date: "中共X市委组织部 / 2023年3月10日"


def dateline(text: str) -> str | None:
    """The page's own date as printed on it, ISO, or None."""
    head = text[:_HEAD_CHARS]
    for pattern in (_LABELLED, _WEEKDAY, _SOURCED, _NUMERIC):
        match = pattern.search(head)
        if match:
            return _valid(match)
    lines = [line for line in text.splitlines() if line.strip()]
    for line in lines[:8] + lines[-_TAIL_LINES:]:
        match = _DATE_LINE.match(line)
        if match:
            return _valid(match)
    return None


_PATH_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<sep>[-_/.]?)(?P<m>\d{2})(?P=sep)(?P<d>\d{2})(?!\d)")


def path_date(path: str) -> str | None:
    """A date in a file's path, as archives name them: 2024-12-28.txt, 20241228/, 2024/12/28/a.txt."""
    match = _PATH_DATE.search(PurePath(path).as_posix())
    return _valid(match) if match else None


def _valid(match: re.Match[str]) -> str | None:
    try:
        return datetime.date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat()
    except ValueError:
        return None


def date_document(doc: Document, given: str | None = None) -> None:
    """Give the document its date and say where it came from: the page's metadata (set when it was
    read), else its dateline, else its path, else the date given for the run."""
    if doc.date:
        return
    for source, found in (
        ("dateline", dateline(doc.original)),
        ("path", path_date(doc.path)),
        ("given", given),
    ):
        if found:
            doc.date, doc.date_source = found, source
            return
