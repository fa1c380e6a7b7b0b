"""Split a cleaned page into articles, and articles into sentences.

A page is a sequence of lines. Bylines ("本报讯(记者 X)", "东昌府讯", "■ 本报记者 X")
open articles; runs of short unpunctuated lines are headlines. On pages laid out
in columns a headline can stand *after* its article, so each headline block goes
to whichever neighbouring article shares more of its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.input.clean import HEADLINE_MAX, above_particulars, credit_labels, headline_shaped, particulars_line
from kg.language.dates import dateline
from kg.language.lexicon import lexicon_cache, surnames, table, title_pattern, word_list
from kg.language.recognise import BODY_ENDINGS
from kg.model import Article, Document, Sentence

_OPENER = re.compile(r"^[■\s]*(本报讯|据新华社|本报记者|[\u4e00-\u9fff]{2,4}讯(?![息员录号])|■)")
_REPORTER_LINE = re.compile(
    r"^[■\s]*[\u4e00-\u9fff]{0,4}(记者|通讯员|融媒体)([ \u3000]+[\u4e00-\u9fff]{2,4})+$"
)
_CREDIT = re.compile(r"^[(（]\s*(融媒体|记者|通讯员|文/图)[^()（）]*[)）]$")
_CONTINUED = re.compile(r"[(（]\s*下转[^()（）]{0,6}[)）]")
# A line that only names where the article comes from ("来源:江西民盟、景德镇政协微信公众号"), after the
# body has begun: the article's last line, never a headline. (Above the body, with the page's date, it is
# the page's dateline.)
_SOURCE = re.compile(r"^[《(（【]?\s*(?:来源|稿源|出处|文章来源)\s*[:：][^\d]*$")
# A photo's caption: "▲开工仪式现场 张三摄", "图为…": part of the article around it, never a headline
_CAPTION = re.compile(
    r"^[▲△▼↑]|[\u4e00-\u9fff]{2,4}\s*摄$|^图为|^(?:图片|\[图\])$|^[\u4e00-\u9fff]{0,8}现场$"
    r"|[(（][^()（）]{0,16}摄[)）]$|\s(?:供图|图片来源)[\s:：]*[\u4e00-\u9fff]{2,16}$|[\u4e00-\u9fff]{2,16}\s*供图$"
    r"|[(（]\s*摄影[\s:：]*[\u4e00-\u9fff]{2,4}\s*[)）]$"
)  # "图片": an image's place; "会议现场", "签约仪式现场": a photo of the scene; "…讲话(张三 摄)";
# "闭幕式现场(摄影 张三)"; "…作政府工作报告 供图 和平区委宣传部": a photo credited to a body
# A web page's furniture between its headline and its text: "阅读:39228", "2022-05-10 16:48:59"
_PAGE_FURNITURE = re.compile(
    r"^(?:(?:阅读|浏览|点击|阅读量|浏览量|点击量|访问量|浏览次数|阅读次数)\s*[:：]?\s*\d+\s*次?"
    r"|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?)$"
)
_CHAIN_AND_NAME = re.compile(r"[\u4e00-\u9fff、]{4,30}")
_REPORTERS = re.compile(r"(?:记者|通讯员|融媒体)((?:[ \u3000]+[\u4e00-\u9fff]{2,4}(?=[ \u3000)）\n]|$))+)")
_CREDIT_MARK = re.compile(r"(?<=[\u4e00-\u9fff]{2})摄$")
MAX_SENTENCE = 300
_SOFT_BREAK = re.compile(r"[，,、：:\s]")
_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’\"」』]?|\n")


@dataclass
class _Line:
    start: int
    end: int
    text: str
    kind: str  # opener, credit, headline, body


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        stripped = raw.strip()
        if not stripped:
            continue
        kind = _classify(stripped)
        if kind == "headline" and _SOURCE.match(stripped) and any(ln.kind == "body" for ln in lines):
            kind = "credit"
        if particulars_line(stripped):
            # with the headline above the body ("2022-02-09 17:13 来源:X日报"), else the article's end
            kind = "credit" if lines and lines[-1].kind == "body" else "headline"
        lines.append(_Line(start, end, raw, kind))
    _reclassify(lines)
    return lines


def _reclassify(lines: list[_Line]) -> None:
    """What a line is by the lines around it: a title over particulars or over its date, a subtitle,
    a line of reporters' names."""
    _find_titles(lines)
    for i, line in enumerate(lines):
        if _REPORTER_LINE.match(line.text.strip()):
            line.kind = _reporter_line_kind(lines, i)
    body_begun = False
    for line in lines:
        if line.kind == "headline" and body_begun and _portrait_caption(line.text.strip()):
            line.kind = "credit"  # "县委书记X" under a photo, between body lines: no article of its own
        body_begun = body_begun or line.kind == "body"


def _find_titles(lines: list[_Line]) -> None:
    for line, following in zip(lines, lines[1:], strict=False):
        if line.kind == "body" and above_particulars(line.text, following.text):
            line.kind = "headline"
    if len(lines) > 1 and _title_with_a_comma(lines[0], lines[1]):
        lines[0].kind = "headline"
    for above, line, below in zip(lines, lines[1:], lines[2:], strict=False):
        if above.kind == "headline" and below.kind == "opener" and _unstopped(line):
            line.kind = "headline"  # a subtitle with commas ("提振信心,鼓足干劲,…") between title and byline


def _portrait_caption(text: str) -> bool:
    """A title chain and a name, nothing else ("县委副书记、县人民政府县长马立新"): a portrait's caption."""
    if not _CHAIN_AND_NAME.fullmatch(text):
        return False
    return any(title_pattern().search(text[:-n]) for n in (2, 3) if len(text) - n >= 2)


def _title_with_a_comma(first: _Line, following: _Line) -> bool:
    """A page's first line with a comma but no stop, over a short line ("-", its date): a title in two
    parts ("市长X莅临Y调研指导,鼓励企业冲刺…"), not a body line."""
    return _unstopped(first) and following.kind in ("headline", "credit")


def _unstopped(line: _Line) -> bool:
    """A short body line with no sentence stop: a title's shape, commas and all."""
    text = line.text.strip()
    return line.kind == "body" and len(text) <= HEADLINE_MAX and not re.search("[。！？!?；;]", text)


def _reporter_line_kind(lines: list[_Line], i: int) -> str:
    """A line of reporters' names opens the article below it, or credits the one above."""
    if i > 0 and _REPORTER_LINE.match(lines[i - 1].text.strip()):
        return "credit"
    j = i + 1
    while j < len(lines) and _REPORTER_LINE.match(lines[j].text.strip()):
        j += 1
    following = lines[j].kind if j < len(lines) else "headline"
    return "opener" if following == "body" else "credit"


def _classify(line: str) -> str:
    if _OPENER.match(line):
        return "opener"
    if (
        _CREDIT.match(line)
        or _CONTINUED.fullmatch(line)
        or _CAPTION.search(line)
        or _PAGE_FURNITURE.match(line)
    ):
        return "credit"
    if headline_shaped(line):
        return "headline"
    return "body"


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1) if not text[i : i + 2].isspace()}


def _overlap(headline: str, body: str) -> float:
    grams = _bigrams(headline)
    return len(grams & _bigrams(body)) / len(grams) if grams else 0.0


@dataclass
class _Draft:
    body: list[_Line]
    headlines: list[list[_Line]]
    before: list[list[_Line]]  # headline blocks standing just above the body


def _drafts(lines: list[_Line]) -> list[_Draft]:
    """Group lines into articles: bodies, and the headline blocks around them."""
    drafts: list[_Draft] = []
    pending: list[list[_Line]] = []  # headline blocks not yet given to an article
    block: list[_Line] = []
    single = _one_article_page(lines)
    for line in lines:
        if line.kind == "headline":
            block.append(line)
            continue
        if block:
            pending.append(block)
            block = []
        if _taken_inside(line, drafts, pending, single):
            pending = []
        if _starts_article(line, drafts, pending):
            drafts.append(_Draft([line], [], pending))
            pending = []
        else:
            if pending and _only_credits(drafts[-1]):  # the page's headline, its credits, then its dateline
                drafts[-1].headlines.extend(pending)
                pending = []
            drafts[-1].body.append(line)
    _close(drafts, pending + ([block] if block else []))
    for i, draft in enumerate(drafts):
        _assign(draft.before, drafts[i - 1] if i else None, draft)
    return drafts


def _starts_article(line: _Line, drafts: list[_Draft], pending: list[list[_Line]]) -> bool:
    """An opening line starts an article, and so does body text after headlines, or the page's first
    line; a credit never does after the first, nor an opening line right below a caption ("图为大会会场。
    张三摄" above "本报讯…")."""
    if not drafts:
        return True
    if _only_credits(drafts[-1]):  # "来源:…", "阅读:39228" under the page's headline: its article goes on
        return False
    return line.kind == "opener" or (bool(pending) and line.kind == "body")


def _one_article_page(lines: list[_Line]) -> bool:
    """A site's page of one article: one line of particulars ("发布时间:… 来源:…"), above its first
    body line (a file of many pages, a dump of a crawl, has many)."""
    particulars = [i for i, line in enumerate(lines) if particulars_line(line.text)]
    first_body = next((i for i, line in enumerate(lines) if line.kind == "body"), len(lines))
    return len(particulars) == 1 and particulars[0] < first_body


# How an article's first line begins: with its date or time ("2月12日", "今天下午", "近日")
_ARTICLE_START = re.compile(
    r"^\s*(?:\d{4}年|\d{1,2}月|[今昨前]天|今日|昨日|近日|日前|近期|连日来|[一二三四五六七八九十]{1,3}月)"
)


def _continues(line: _Line, drafts: list[_Draft]) -> bool:
    """Body text below captions or subheads of a one-article page ("会议现场", "X主持开幕式") goes on
    with the article, unless it begins as an article does."""
    return bool(drafts) and line.kind == "body" and not _ARTICLE_START.match(line.text)


def _taken_inside(line: _Line, drafts: list[_Draft], pending: list[list[_Line]], single: bool) -> bool:
    """Give the headline blocks above `line` to the article above them when they stand inside it:
    captions and subheads of a one-article page, or lines above one that refers back to the article."""
    if not (pending and drafts):
        return False
    if single and _continues(line, drafts):
        drafts[-1].headlines.extend(pending)
        return True
    if _goes_on(line):
        _fold_in(drafts[-1], pending)
        return True
    return False


def _goes_on(line: _Line) -> bool:
    """A body line that refers back to the article above it ("会议由X主持", "会上"): no article's first."""
    return line.kind == "body" and line.text.strip().startswith(tuple(word_list("continuing_openers.txt")))


def _fold_in(draft: _Draft, blocks: list[list[_Line]]) -> None:
    """Headline-shaped lines inside an article: its headline when it has none above it, else captions."""
    if not draft.headlines and not draft.before:
        draft.headlines.extend(blocks)
        return
    for block in blocks:
        for line in block:
            line.kind = "credit"
            draft.body.append(line)


def _only_credits(draft: _Draft) -> bool:
    return bool(draft.body) and all(line.kind == "credit" for line in draft.body)


def _close(drafts: list[_Draft], pending: list[list[_Line]]) -> None:
    """Headline blocks after the last body: the last article's (set below it), or an article of
    headlines only."""
    if pending and drafts:
        drafts[-1].headlines.extend(pending)
    elif pending:
        drafts.append(_Draft([], pending, []))


def _assign(blocks: list[list[_Line]], previous: _Draft | None, new: _Draft) -> None:
    """Give headline blocks standing between two articles to the one they describe. A block can
    hold the headline set below the article before and the one above the next: it is cut where
    the lines above share most words with the article before and those below with the next."""
    for block in blocks:
        if previous is None:
            new.headlines.append(block)
            continue
        before, after = _body_text(previous), _body_text(new)
        cut = max(range(len(block) + 1), key=lambda k: (_fit(block, k, before, after), -k))
        if block[:cut]:
            previous.headlines.append(block[:cut])
        if block[cut:]:
            new.headlines.append(block[cut:])


def _fit(block: list[_Line], cut: int, before: str, after: str) -> float:
    """How well the lines above `cut` describe the text before, and those below the text after."""
    above = sum(_overlap(line.text, before) * len(line.text) for line in block[:cut])
    return above + sum(_overlap(line.text, after) * len(line.text) for line in block[cut:])


def _body_text(draft: _Draft) -> str:
    return "".join(line.text for line in draft.body)


def _headline(draft: _Draft) -> str:
    candidates = _headline_candidates([line.text.strip() for block in draft.headlines for line in block])
    if candidates:
        return max(candidates, key=len)
    first = draft.body[0].text.strip() if draft.body else ""
    return first[:30]


def _headline_candidates(candidates: list[str]) -> list[str]:
    """The lines above an article that may be its headline, each filter keeping at least one."""
    # a subtitle ("——…") or the page's date line ("2018-03-01 来源:德州日报") is not the headline
    candidates = [c for c in candidates if not c.startswith("——") and dateline(c) is None] or candidates
    # nor is a line of credits or particulars ("(一审:张三 二审:李四)", "来源:某县融媒体中心"): a page
    # with only those above or below its text has no headline but its first words
    candidates = [c for c in candidates if not _credit_line(c) and not particulars_line(c)]
    # a subtitle of clauses ("提振信心,鼓足干劲,为…添一份力") under a title that has none
    return [c for c in candidates if len(c) >= 6 and not re.search("[,，]", c)] or candidates


def _credit_line(text: str) -> bool:
    return bool(
        _credit().search(text) or _REPORTERS.search(text) or re.search(r"(?:记者|通讯员)\s*[:：]", text)
    )


def _authors(lines: list[_Line]) -> list[str]:
    names: list[str] = []
    for line in lines:
        if line.kind not in ("opener", "credit") and not line.text.lstrip().startswith("■"):
            head = line.text[:40]
            if "记者" not in head and "通讯员" not in head:
                continue
        for match in _REPORTERS.finditer(line.text[:80]):
            for name in re.split(r"[ \u3000]+", match.group(1).strip()):
                name = _CREDIT_MARK.sub("", name)  # "记者 李华摄": the photo's credit
                if (
                    2 <= len(name) <= 4
                    and name not in names
                    and name not in word_list("byline_roles.txt")
                    and not name.endswith("报道")
                ):
                    names.append(name)
    return names


# "作者:张三", "作者: 李四 来源: 某某日报", "责任编辑:王五", "(一审:赵六 二审:孙七)": who wrote or edited
# the article, named on a line of its particulars or under it (kg/data/credit_labels.tsv)
@lexicon_cache
def _credit() -> re.Pattern[str]:
    labels = credit_labels()
    # the names run to the next label: "编辑:张三 李四编审:王五" credits 张三 and 李四, then 王五
    names = rf"[\u4e00-\u9fff](?:(?!(?:{labels})\s*[:：])[\u4e00-\u9fff、]|[ \u3000](?=[\u4e00-\u9fff]))*"
    return re.compile(rf"(?P<label>{labels})\s*[:：]\s*(?P<names>{names})")


@lexicon_cache
def _not_a_name() -> re.Pattern[str]:
    """Where a credit's names end: the next field's label ("李四 来源"), or a word no name is."""
    return re.compile(
        rf"{credit_labels()}|来源|时间|日期|发布|浏览|点击|责任|网站|报社|中心|政府|办公室|融媒|文章|信息|消息|"
        r"佚名|不详|本站|网络|原创|摄影"
    )


def _credits(lines: list[_Line], credit: str) -> list[str]:
    """The names credited as `credit` (author, editor) on these lines."""
    names: list[str] = []
    for line in lines:
        for match in _credit().finditer(line.text):
            if table("credit_labels.tsv")[match["label"]][0] != credit:
                continue
            for name in _names_of(match["names"]):
                if name not in names:
                    names.append(name)
    return names


def _names_of(run: str) -> list[str]:
    """The names of a credit: "王五、赵六", "王 五" (one name, spaced), "李四 来源" (to the next field)."""
    field = _not_a_name().search(run)
    names: list[str] = []
    for part in re.split(r"[、]", run[: field.start()] if field else run):
        words = part.split()
        if len(words) > 1 and all(len(w) == 1 for w in words):
            words = ["".join(words)]  # "王 五"
        names += [w for w in words if _name_shaped(w)]
    return names


def _name_shaped(word: str) -> bool:
    """A surname and one or two characters, or a surname of two and two ("佚名", "文章" are none; "刘彬蒋葵",
    two names run together, is none either)."""
    if word in word_list("byline_roles.txt") or word[-1] in BODY_ENDINGS:
        return False  # "作者:区委办": 区 is a surname, 区委办 the body that wrote it
    return (2 <= len(word) <= 3 and word[0] in surnames()) or (len(word) == 4 and word[:2] in surnames())


def split_sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Sentences of text[start:end], dropping continuation marks and blank pieces."""
    sentences: list[Sentence] = []
    pos = start
    for match in _SENTENCE_END.finditer(text, start, end):
        for piece_start, piece_end in _bounded(text, pos, match.end()):
            _add_sentence(text, piece_start, piece_end, sentences)
        pos = match.end()
    for piece_start, piece_end in _bounded(text, pos, end):
        _add_sentence(text, piece_start, piece_end, sentences)
    return sentences


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run with no sentence end (a page of OCR without punctuation) cut into pieces of at most
    MAX_SENTENCE characters, at a comma or space where there is one: the model's time grows faster
    than the length of what it is given."""
    pieces = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        soft = max(
            (m.end() for m in _SOFT_BREAK.finditer(text, start + MAX_SENTENCE // 2, limit)), default=limit
        )
        pieces.append((start, soft))
        start = soft
    pieces.append((start, end))
    return pieces


def _add_sentence(text: str, start: int, end: int, out: list[Sentence]) -> None:
    piece = text[start:end]
    mark = _CONTINUED.search(piece)
    if mark:
        _add_sentence(text, start, start + mark.start(), out)
        _add_sentence(text, start + mark.end(), end, out)
        return
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))


def segment_document(doc: Document) -> Document:
    lines = _lines(doc.text)
    doc.articles = []
    for index, draft in enumerate(_drafts(lines), start=doc.first_article + 1):
        body = draft.body
        start = body[0].start if body else draft.headlines[0][0].start
        end = body[-1].end if body else draft.headlines[-1][-1].end
        article = Article(index=index, headline=_headline(draft), start=start, end=end)
        headlines = [line for block in draft.headlines for line in block]
        article.authors = _authors(body[:3] + body[-2:])
        # the lines that credit an article's writers and editors: above it, at its head and at its end
        credited = sorted(
            {line.start: line for line in headlines + body[:3] + body[-2:]}.values(),
            key=lambda line: line.start,
        )
        article.authors += [n for n in _credits(credited, "author") if n not in article.authors]
        article.editors = [n for n in _credits(credited, "editor") if n not in article.authors]
        for line in sorted(headlines + body, key=lambda line: line.start):
            if particulars_line(line.text):
                continue  # the page's source and time: no sentence of the article, nor its lead
            for sentence in split_sentences(doc.text, line.start, line.end):
                sentence.headline = line.kind == "headline"
                sentence.caption = line.kind == "credit"  # a caption, a byline
                article.sentences.append(sentence)
        doc.articles.append(article)
    return doc
