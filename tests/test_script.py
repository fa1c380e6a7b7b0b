"""Pages whose characters differ from those kg's model and lexicons read: look-alikes (巿 for 市) and
pages in traditional characters. Sentences written for these tests."""

from __future__ import annotations

import json

from kg.cli import main
from kg.input.clean import clean_document
from kg.input.script import is_traditional, readable, replace_lookalikes, to_simplified
from kg.model import Document

TRADITIONAL_PAGE = (
    "5月29日，麗江市委書記吳建國，市委副書記、市長馬立新到古城區鄉村振興項目調研。"
    "吳建國指出，要做好項目前期各類要素保障，爭取早日實現開工建設。"
)


def test_a_lookalike_is_read_as_the_character_it_stands_for() -> None:
    assert replace_lookalikes("聊城巿委书记") == "聊城市委书记"  # U+5DFF for U+5E02
    assert replace_lookalikes("县\u2f08大常委会") == "县人大常委会"  # the Kangxi radical ⼈
    assert replace_lookalikes("聊城市委书记") == "聊城市委书记"


def test_a_page_in_traditional_characters_is_told_from_one_in_simplified() -> None:
    assert is_traditional(TRADITIONAL_PAGE)
    assert not is_traditional(to_simplified(TRADITIONAL_PAGE))
    # a simplified page may hold a character t2s would change (乾 in a name): not enough to convert it
    assert not is_traditional("镇党委书记钟乾伟主持会议，镇长刘建国出席会议并讲话，各村党支部书记参加会议。")
    assert readable("市長出席") == ("市长出席", True)
    assert readable("市长出席") == ("市长出席", False)


def test_conversion_is_one_character_for_one() -> None:
    text = "後來，於是，瞭解" + TRADITIONAL_PAGE
    assert len(to_simplified(text)) == len(text)


def test_the_cleaned_text_reads_simplified_and_points_into_the_page() -> None:
    page = "麗江市召開項目推進會\n\n本報訊（記者 王曉東）5月29日，市長馬立新出席會議。"
    doc = clean_document(Document("lijiang.txt", page))
    assert doc.traditional
    assert "市长马立新出席会议" in doc.text and "记者 王晓东" in doc.text
    start = doc.text.index("马立新")
    begin, end = doc.to_original(start, start + 3)
    assert page[begin:end] == "馬立新"


def test_a_traditional_page_gives_its_posts_and_quotes_the_page(tmp_path, capsys) -> None:
    (tmp_path / "lijiang.txt").write_text(TRADITIONAL_PAGE, encoding="utf-8")
    assert main(["extract", str(tmp_path / "lijiang.txt"), "--city", "丽江市"]) == 0
    record = json.loads(capsys.readouterr().out.splitlines()[0])
    posts = {
        (f["person"], f["title"], f["organization"]) for f in record["facts"] if f["relation"] == "position"
    }
    assert ("吴建国", "书记", "中共丽江市委员会") in posts
    assert ("马立新", "市长", "丽江市人民政府") in posts
    quoted = {m["text"] for m in record["mentions"]}
    assert "吳建國" in quoted  # a mention quotes the page as written


def test_gold_of_a_traditional_page_is_scored_in_simplified_characters(tmp_path, capsys) -> None:
    pages, gold = tmp_path / "pages", tmp_path / "gold"
    pages.mkdir(), gold.mkdir()
    (pages / "lijiang.txt").write_text(TRADITIONAL_PAGE, encoding="utf-8")
    lines = [  # as an annotator writes them: what the page says
        {"file": "lijiang.txt", "person": "馬立新", "title": "市長", "org": "麗江市人民政府"},
        {"file": "lijiang.txt", "person": "吳建國", "title": "書記", "org": "中共麗江市委員會"},
        {"file": "lijiang.txt", "person": "馬立新", "title": "副書記", "org": "中共麗江市委員會"},
    ]
    (gold / "positions.jsonl").write_text("\n".join(json.dumps(g, ensure_ascii=False) for g in lines))
    assert main(["eval", str(gold), "--input", str(pages), "--city", "丽江市"]) == 0
    rows = {line.split()[0]: line.split() for line in capsys.readouterr().out.splitlines()[1:]}
    assert rows["person-title-org"][1:4] == ["3", "3", "3"]
