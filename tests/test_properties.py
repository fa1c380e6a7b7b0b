"""Property-based tests: cleaning, segmentation, extraction and decoding never crash on any input, offsets
always map back into the original, and no text is lost on the way.

Strings are built from the pieces news pages are made of (Chinese, full-width forms, bylines, continuation
marks, layout line breaks and spaces) mixed with arbitrary Unicode, so that both the heuristics and the
corner cases get exercised.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.input.clean import clean, to_halfwidth
from kg.input.formats import FormatError, extract
from kg.input.formats.text import decode
from kg.input.segment import _CONTINUED, segment_document
from kg.model import Document

from .conftest import SEEDS

FRAGMENTS = [
    "本报讯", "（记者 张伟 于新新）", "记者 王晓东", "■ 本报记者 李卫", "东昌府讯", "据新华社", "(下转二版)",
    "（下转A3版）", "——", "市委常委、常务副市长刘昌松", "聊城市人民政府", "出席会议。", "，", "、", "：",
    "“", "”", "。", "！", "？", "；", "…", "１２月５日", "ＡＢＣ", "\u3000", " ", "  ", "\n", "\n\n", "\r\n",
    "\t", "12月5日", "3.5亿元", "《聊城日报》", "项目", "大会", "记者", "通讯员", "融媒体",
]  # fmt: skip
PIECES = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(alphabet="市委书记长副主任区县人民政府党组会议项目开工建设张王李刘。，、\n ", max_size=12),
    st.text(max_size=4),  # anything Unicode has, control characters and emoji included
)
NEWS = st.lists(PIECES, max_size=40).map("".join)
PROPERTIES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _squash(text: str) -> str:
    """The text as compared across cleaning: no whitespace, full-width ASCII as ASCII."""
    return "".join(to_halfwidth(ch) for ch in text if not ch.isspace())


@PROPERTIES
@given(NEWS)
def test_cleaning_maps_every_character_back_and_loses_no_text(original: str) -> None:
    cleaned, offsets = clean(original)
    assert len(cleaned) == len(offsets)
    assert all(a < b for a, b in zip(offsets, offsets[1:], strict=False))  # strictly increasing
    for ch, pos in zip(cleaned, offsets, strict=True):
        assert 0 <= pos < len(original)
        source = original[pos]
        assert ch == to_halfwidth(source) or (ch in " \n" and source.isspace())
    # Only whitespace is ever dropped: every other character is still there, in order.
    assert _squash(cleaned) == _squash(original)


def _cleaned(original: str) -> Document:
    doc = Document("page.txt", original)
    doc.text, doc.offsets = clean(original)
    return segment_document(doc)


@PROPERTIES
@given(NEWS)
def test_segmentation_loses_no_text_and_sentences_map_into_the_original(original: str) -> None:
    doc = _cleaned(original)
    covered = [False] * len(doc.text)
    for article in doc.articles:
        assert 0 <= article.start <= article.end <= len(doc.text)
        for sentence in article.sentences:
            assert 0 <= sentence.start < sentence.end <= len(doc.text)
            assert sentence.text == doc.text[sentence.start : sentence.end]
            assert not any(covered[sentence.start : sentence.end]), "sentences overlap"
            covered[sentence.start : sentence.end] = [True] * (sentence.end - sentence.start)
            start, end = doc.to_original(sentence.start, sentence.end)
            assert 0 <= start < end <= len(original)
            assert _squash(original[start:end]) == _squash(sentence.text)
    for mark in _CONTINUED.finditer(doc.text):  # continuation marks (下转二版) are dropped on purpose
        covered[mark.start() : mark.end()] = [True] * (mark.end() - mark.start())
    lost = "".join(ch for ch, seen in zip(doc.text, covered, strict=True) if not seen and not ch.isspace())
    assert lost == ""


def _titled_surname(written: str, named: str) -> bool:
    from kg.language.lexicon import title_pattern

    return any(written[:n] == named[:n] and title_pattern().fullmatch(written[n:]) for n in (1, 2))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(NEWS, min_size=1, max_size=3))
@example(pages=["召开主 主会"])  # an event named across a layout space: its mention is the span as written
@example(pages=["刘组长刘主"])  # a titled surname named as the document's one full name of that surname
def test_extraction_never_crashes_and_offsets_point_into_the_original(engine, pages: list[str]) -> None:
    from kg.extract import document_json
    from kg.pipeline import analyse
    from kg.readers.orgs import Locale

    docs = analyse(
        [Document(f"p{i}.txt", page) for i, page in enumerate(pages)], engine, Locale.for_city("聊城市")
    )
    for doc in docs:
        for article in doc.articles:
            for sentence in article.sentences:
                for m in sentence.mentions:
                    assert sentence.start <= m.start < m.end <= sentence.end
                    written = doc.text[m.start : m.end]
                    # "宋院长": a surname and a title is named as the one full name of that surname the
                    # document gives (kg.readers.names); every other mention's text is its span's
                    assert m.text == written or _titled_surname(written, m.text)
            for p in article.positions:
                assert p.sentence.start <= p.person_start < p.person_end <= p.sentence.end
        record = document_json(doc)
        for m in record["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(doc.original)
            assert _squash(doc.original[m["start"] : m["end"]]) == _squash(m["text"])
        for fact in record["facts"]:
            if "person_start" in fact:
                assert _squash(doc.original[fact["person_start"] : fact["person_end"]]) == _squash(
                    fact["person"]
                )


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_decoding_any_bytes_gives_text_or_a_reason(data: bytes) -> None:
    try:
        decoded = decode(data)
    except FormatError as error:
        assert str(error)
        return
    assert "\x00" not in decoded.text
    assert decoded.encoding


READABLE = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Co"), whitelist_characters="\n\t"), max_size=60
)


@PROPERTIES
@given(READABLE, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_utf_text_decodes_to_itself(text: str, encoding: str) -> None:
    decoded = decode(text.encode(encoding))
    assert decoded.text == text and decoded.note == ""


SEED_LINES = sorted(
    {line.strip() for path in SEEDS.glob("*.txt") for line in path.read_text(encoding="utf-8").splitlines()}
    - {""}
)


@PROPERTIES
@given(st.lists(st.sampled_from(SEED_LINES), min_size=1, max_size=8))
def test_gb18030_news_text_decodes_to_itself(lines: list[str]) -> None:
    text = "\n".join(lines)
    decoded = decode(text.encode("gb18030"))
    assert decoded.text == text
    assert decoded.encoding == ("utf-8" if text.isascii() else "gb18030")


MARKUP = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "<html>",
                "<body>",
                "<p>",
                "</p>",
                "<?xml version='1.0' encoding='gbk'?>",
                "<!DOCTYPE html>",
                "<title>",
                "</title>",
                "<script>",
                "&amp;",
                "&#0;",
                "&#x1;",
                "<meta charset='utf-16'>",
                "<![CDATA[",
                "<!--",
                "-->",
                "本报讯（记者 张伟）",
                "市委常委、常务副市长刘昌松出席会议。",
            ]
        ),  # fmt: skip
        st.text(max_size=5),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=100, deadline=None)
@given(MARKUP)
def test_any_html_gives_text_or_a_reason(html: str) -> None:
    try:
        extracted = extract(Path("page.html"), html.encode("utf-8"))
    except FormatError as error:
        assert str(error)
        return
    assert extracted.format == "html" and "\x00" not in extracted.text


@lru_cache(maxsize=1)
def _a_pdf() -> bytes:
    from .test_inputs import EPAPER, _pdf

    return _pdf(EPAPER)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_damaged_pdf_gives_text_or_a_reason(data) -> None:
    pdf = bytearray(_a_pdf())
    for _ in range(data.draw(st.integers(0, 8))):  # overwrite a few bytes anywhere …
        pdf[data.draw(st.integers(0, len(pdf) - 1))] = data.draw(st.integers(0, 255))
    pdf = pdf[: data.draw(st.integers(5, len(pdf)))]  # … and cut it anywhere after the header
    try:
        extracted = extract(Path("page.pdf"), bytes(pdf))
    except FormatError as error:
        assert str(error)
        return
    assert extracted.format == "pdf"
