"""Repair layout damage while keeping a map back to the original text.

Newspaper text comes out of page layout with words broken across lines
("嘉明经\\n\\n济开发区"), spaces inside runs of Chinese ("聊城 市绿色低碳"),
and full-width ASCII ("１２月"). Cleaning only deletes characters or replaces
one character by one, so every cleaned character has exactly one original
position: `offsets[i]` is the original index of cleaned character `i`.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from kg.input.script import as_read
from kg.language.lexicon import alternation, lexicon_cache, table
from kg.model import Document

_TERMINAL = set("。！？!?；;…")
_CLOSING = set('”"』」）)’')
_CONTINUING = set("，,、：:（(“‘《")
# Bylines keep their spaces: they separate reporters' names ("记者 王晓东 李卫").
_BYLINE = re.compile(r"(?:记者|通讯员|融媒体|摄影)((?:[ \u3000]+[\u4e00-\u9fff]{2,4})+)")
_CREDITED = re.compile(
    r"(?:(?:记者|通讯员|摄影|摄)(?:[ \u3000]+[\u4e00-\u9fff]{2,4})+"  # "本报记者 王晓东"
    r"|[ \u3000][\u4e00-\u9fff]{2,4}[ \u3000]*/?摄|[\u4e00-\u9fff]{2,4}/摄)$"  # "…现场 张三摄"
)
_JUMP = re.compile(r"[（(](?:下转|上接|转)[^)）]{0,12}[)）]$")  # "（下转第二版）" ends the article here
HEADLINE_MAX = 45  # longer lines are body text, even on pages of long paragraphs
PARAGRAPH_MIN = 80  # no column is this wide: a line this long is a paragraph of its own
# A page's line of particulars ("来源:濮阳日报  发布时间:2018-04-25 07:51:44") is never run on into the text.
_PARTICULAR = r"(?:发布时间|发布日期|来源|作者|责任编辑|编辑|字体)[:：]"
_PARTICULARS = re.compile(
    rf"{_PARTICULAR}|\d{{4}}[-/年]\d{{1,2}}[-/月]\d{{1,2}}日?\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?$"
)
_PARTICULARS_FIRST = re.compile(rf"^[\d年月日:/ -]*{_PARTICULAR}")
_OPENERS = re.compile(r"^\s*(■|本报讯|据新华社|[\u4e00-\u9fff]{2,5}讯|（下转|\(下转|——)")


def is_cjk(ch: str) -> bool:
    """Chinese characters, CJK punctuation and full-width forms."""
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x3000 < code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
        or code in (0x201C, 0x201D, 0x2018, 0x2019, 0x2014, 0x2026, 0x00B7)
    )


def _joinable(ch: str) -> bool:
    return is_cjk(ch) or ch.isdigit() or ch == "%"


def to_halfwidth(ch: str) -> str:
    """Full-width ASCII and the ideographic space to their ASCII forms."""
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E and not (0xFF08 <= code <= 0xFF09 or code in (0xFF0C, 0xFF1A, 0xFF1B)):
        return chr(code - 0xFEE0)
    if code == 0x3000:
        return " "
    return ch


def particulars_line(line: str) -> bool:
    """A page's line of particulars: its source, author, time of publication; neither headline nor
    body text."""
    return len(line.strip()) <= 80 and bool(_PARTICULARS.search(line.strip()))


def above_particulars(line: str, following: str) -> bool:
    """A line that ends no sentence right above a line of particulars: the article's headline, however
    long ("真抓实干往前赶 创新突破向未来 市政协八届五次会议隆重开幕 丁纯讲话…",
    "现场签约9个项目!X在广州举行")."""
    line = line.rstrip()
    return particulars_line(following) and "。" not in line and not (line and line[-1] in _TERMINAL)


def _column_width(lines: list[str]) -> float:
    """Typical length of a full line of body text on this page."""
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    if not lengths:
        return 0.0
    return float(statistics.quantiles(lengths, n=4)[2]) if len(lengths) > 3 else float(lengths[-1])


@lexicon_cache
def credit_labels() -> str:
    """The labels of credits (作者, 责任编辑, 一审 …: kg/data/credit_labels.tsv), as an alternation."""
    return alternation(tuple(sorted(table("credit_labels.tsv"), key=len, reverse=True)))


@lexicon_cache
def _credit_names() -> re.Pattern[str]:
    """The names after a credit's label ("作者:张三 李四"): their spaces separate them too."""
    label = rf"(?:{credit_labels()})\s*[:：]"
    name = rf"(?!{label})[\u4e00-\u9fff]{{2,4}}"
    return re.compile(rf"{label}\s*{name}((?:[ \u3000]+{name})+)")


def _protected(text: str) -> set[int]:
    """Positions of spaces inside bylines and credits, which must stay."""
    keep: set[int] = set()
    for match in (*_BYLINE.finditer(text), *_credit_names().finditer(text)):
        keep.update(i for i in range(match.start(1), match.end(1)) if text[i] in " \u3000")
    return keep


def _break_is_soft(prev_line: str, next_line: str, width: float, body: bool) -> bool:
    """A line break that the layout made, not the author. `body`: prev_line is body text."""
    prev, nxt = prev_line.rstrip(), next_line.lstrip()
    if not prev or not nxt or _stands_alone(prev, nxt):
        return False
    if nxt.startswith("暨"):
        return True  # "我县举行X活动" + "暨Y仪式": one name a phone's layout broke (暨 opens no sentence)
    last, first = prev[-1], nxt[0]
    if last in _CLOSING and len(prev) > 1:
        last = prev[-2] if prev[-2] in _TERMINAL else "字"  # a quote closes a sentence only after 。！？
    if last in _TERMINAL:
        return False
    if last in _CONTINUING:
        return True
    if not (_joinable(last) and _joinable(first)) or len(prev) > PARAGRAPH_MIN:
        return False  # a paragraph that lacks its full stop ends where its line does
    # a full line runs on; so does a short line of body text in a narrow column
    return len(prev) >= min(0.6 * width, HEADLINE_MAX + 1) or body


def _stands_alone(prev: str, nxt: str) -> bool:
    """A break no layout made: before an article's opening, after a jump mark, a line of reporters,
    a caption ending in its credit ("■ 本报记者 王晓东"), around a line of particulars, or before a
    labelled line ("主持人：…", "摘要：…")."""
    if _OPENERS.match(nxt) or _JUMP.search(prev) or _CREDITED.search(prev) or _labelled().match(nxt):
        return True
    return particulars_line(prev) or bool(_PARTICULARS_FIRST.match(nxt))


@lexicon_cache
def _labelled() -> re.Pattern[str]:
    """A line that opens with a label of a press conference's particulars (kg/data/particular_lines.tsv)
    or of the page's abstract."""
    labels = alternation(tuple(table("particular_lines.tsv")) + ("摘要", "内容摘要", "导语"))
    return re.compile(rf"^\s*(?:{labels})\s*[:：]")


@dataclass
class _Layout:
    soft_ends: set[int]  # positions of the line breaks the layout made
    headline_starts: set[int]  # where the lines that may be headlines start


def _layout(text: str, width: float) -> _Layout:
    """Read the lines in order. A line is body text when it is not headline-shaped, opens an article
    ("本报讯…"), or continues body text from the line before; a line of body text runs on into the
    next when the break falls inside a sentence, unless the next line stands right above an article's
    opening line: that is the article's headline."""
    layout = _Layout(set(), set())
    lines = [m for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    body = False
    for i, line in enumerate(lines):
        if particulars_line(line.group()):
            continue  # stands alone, neither headline nor body
        following = lines[i + 1].group() if i + 1 < len(lines) else ""
        shaped = headline_shaped(line.group()) or above_particulars(line.group(), following)
        continued = (
            i > 0
            and not (shaped and _OPENERS.match(following.strip()))
            and _break_is_soft(lines[i - 1].group(), line.group(), width, body)
        )
        if continued:
            layout.soft_ends.add(lines[i - 1].end())
        body = (continued and body) or not shaped or bool(_OPENERS.match(line.group().strip()))
        if not body:
            layout.headline_starts.add(line.start())
    return layout


# "縣政協(xié)主席": a reading in pinyin (with its tone marks) a page glosses a character with; "龍游[LongYou]
# 縣": a word's, its syllables capitalised, in square brackets
_PINYIN_GLOSS = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]|\[(?:[A-Z][a-z]{1,5}){1,4}\](?=[\u4e00-\u9fff]))"
)


# a roster: a line of names set apart by spaces, a name of two characters padded to the width of three
# ("吴建国   马立新   王    勇   孙立平"); a label with nothing after its colon heads it ("列席人员:")
_ROSTER_LINE = re.compile(r"[ \u3000]*[\u4e00-\u9fff]{1,4}(?:[ \u3000]+[\u4e00-\u9fff]{1,4}){3,}[ \u3000]*")
_ROSTER_LABEL = re.compile(r"[ \u3000]*[\u4e00-\u9fff、]{2,24}[:：][ \u3000]*")  # "市民代表、媒体等列席情况:"


def _roster_spacing(text: str) -> dict[int, tuple[int, str]]:
    """The whitespace runs of a page's rosters, by where they start: where each ends and what it
    becomes, one space between two names, nothing inside a padded name or after the roster's label; so
    a roster reads as one line of names ("列席人员:吴建国 马立新 王勇 孙立平"). Only whitespace changes: the
    cleaner adds no character of its own."""
    spacing: dict[int, tuple[int, str]] = {}
    previous: re.Match[str] | None = None  # the roster's label or last line, while the roster goes on
    for line in re.finditer(r"[^\n]+", text):
        if not line.group().strip():
            continue
        if not _ROSTER_LINE.fullmatch(line.group()):
            if previous is not None and _ROSTER_LINE.fullmatch(previous.group()):
                spacing.update(_between(previous, line, "\n"))  # the roster ends with its line
            previous = line if _ROSTER_LABEL.fullmatch(line.group()) else None
            continue
        if previous is not None:  # the roster goes on from its label or its line before
            spacing.update(_between(previous, line, "" if previous.group().rstrip()[-1] in ":：" else " "))
        spacing.update(_names_spaced(line))
        previous = line
    return spacing


def _between(line: re.Match[str], following: re.Match[str], mark: str) -> dict[int, tuple[int, str]]:
    """The whitespace from the end of a line's words to the first word of a following line, made `mark`:
    "" after a roster's label, " " between its lines, a line break after its last ("会议内容:" is no name)."""
    ended = line.start() + len(line.group().rstrip())
    begins = following.start() + len(following.group()) - len(following.group().lstrip())
    return {ended: (begins, mark)}


def _names_spaced(line: re.Match[str]) -> dict[int, tuple[int, str]]:
    """The runs between a roster line's words: a single character and the single one after it are one
    name ("王   勇"), all else separates two names."""
    words = list(re.finditer(r"[\u4e00-\u9fff]+", line.group()))
    spacing = {}
    paired = False  # the word on the left closes a pair already ("王 勇 张 勇" is two names)
    for left, right in zip(words, words[1:], strict=False):
        paired = not paired and len(left.group()) == 1 and len(right.group()) == 1
        spacing[line.start() + left.end()] = (line.start() + right.start(), "" if paired else " ")
    return spacing


def clean(text: str) -> tuple[str, list[int]]:
    """Return the cleaned text and, per cleaned character, its original index."""
    layout = _layout(text, _column_width(text.split("\n")))
    keep_spaces = _protected(text)
    glosses = {m.start(): m.end() for m in _PINYIN_GLOSS.finditer(text)}
    roster = _roster_spacing(text)
    out: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if i in glosses:
            i = glosses[i]
            continue
        if i in roster:
            i, mark = roster[i]
            out += [mark] if mark else []
            offsets += [i - 1] if mark else []
            continue
        if ch.isspace() and i not in keep_spaces:
            j = i
            while j < n and text[j].isspace():
                j += 1
            _emit_whitespace(text, i, j, layout, out, offsets)
            i = j
            continue
        out.append(to_halfwidth(ch) if ch != "\u3000" else " ")
        offsets.append(i)
        i += 1
    return "".join(out), offsets


def _emit_whitespace(text: str, i: int, j: int, layout: _Layout, out: list[str], offsets: list[int]) -> None:
    """Decide what a run of whitespace text[i:j] becomes: nothing, a space, or a line break."""
    if "\n" in text[i:j]:
        _emit_line_break(text, i, j, layout, out, offsets)
        return
    before = out[-1] if out else ""
    after = text[j] if j < len(text) else ""
    digits = before.isdigit() and after.isdigit()  # "2018-04-25 07:51": two numbers, not one
    if (
        before
        and after
        and _joinable(before)
        and _joinable(after)
        and not digits
        and not _in_headline(text, i, layout)
    ):
        return  # a space inside a run of Chinese (in a headline it separates phrases: keep it)
    if before and after and before != " ":
        out.append(" ")
        offsets.append(i)


def _emit_line_break(text: str, i: int, j: int, layout: _Layout, out: list[str], offsets: list[int]) -> None:
    """A run of whitespace with a line break: nothing where the layout broke the line (a space after
    a reporter's title), else one line break."""
    soft = bool(out) and j < len(text) and text.find("\n", i) in layout.soft_ends
    if soft:
        if text[max(0, i - 4) : i].rstrip().endswith(("记者", "通讯员")):
            out.append(" ")  # "本报讯(记者\n王晓东)": the space that separates the reporter's name
            offsets.append(i)
        return
    if out and out[-1] != "\n":
        out.append("\n")
        offsets.append(i + text[i:j].index("\n"))


def headline_shaped(line: str) -> bool:
    """Short, with no sentence punctuation: a headline, unless the layout cut a body line short.
    A comma marks body text ("局长王某介绍,我市…"); only a subtitle ("——访…") has one."""
    line = line.strip()
    if len(line) > HEADLINE_MAX or re.search(r"[。！？!?；;][”’\"]?$", line) or "。" in line:
        return False
    return not re.search(r"[，,]", line) or line.startswith("—")


def _in_headline(text: str, i: int, layout: _Layout) -> bool:
    """Is position i on a line that may be a headline and does not run on into the next?"""
    start = text.rfind("\n", 0, i) + 1
    end = text.find("\n", i)
    return start in layout.headline_starts and (end == -1 or end not in layout.soft_ends)


def clean_document(doc: Document) -> Document:
    doc.text, doc.offsets = clean(as_read(doc))
    return doc
