"""The rule-only engine: words and tags given by hand, so that a rule test says exactly what the rules
see, and runs without a model."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.engines import EngineError, load_engine
from kg.engines.rules import RuleEngine
from kg.model import Document
from kg.orgs import Locale
from kg.pipeline import analyse

WORDS = {
    "市委": "ORG",
    "常委": "n",
    "宣传部": "ORG",
    "部长": "n",
    "孙立新": "PERSON",
    "出席": "v",
    "会议": "n",
}


def test_words_are_cut_longest_first_and_the_rest_tagged_by_kind() -> None:
    tokens = RuleEngine(WORDS).analyse(["市委常委、宣传部部长孙立新出席12次会议。"])[0]
    assert [(t.text, t.tag) for t in tokens] == [
        ("市委", "ORG"), ("常委", "n"), ("、", "w"), ("宣传部", "ORG"), ("部长", "n"), ("孙立新", "PERSON"),
        ("出席", "v"), ("12", "m"), ("次", "x"), ("会议", "n"), ("。", "w"),
    ]  # fmt: skip
    assert all(t.end - t.start == len(t.text) for t in tokens)


def test_a_title_chain_on_the_rule_engine() -> None:
    text = "本报讯 市委常委、宣传部部长孙立新出席会议。\n"
    docs = analyse([Document("a.txt", text)], RuleEngine(WORDS), Locale.for_city("德州市"))
    posts = {(p.person, p.title, p.organization) for a in docs[0].articles for p in a.positions}
    assert posts == {("孙立新", "常委", "中共德州市委员会"), ("孙立新", "部长", "中共德州市委宣传部")}


def test_rules_from_a_word_list(tmp_path: Path) -> None:
    words = tmp_path / "words.tsv"
    words.write_text("# word\ttag\n孙立新\tPERSON\n", encoding="utf-8")
    engine = load_engine(f"rules:{words}")
    assert [t.tag for t in engine.analyse(["孙立新"])[0]] == ["PERSON"]
    words.write_text("孙立新 PERSON\n", encoding="utf-8")
    with pytest.raises(EngineError, match="words.tsv:1: expected WORD<TAB>TAG"):
        load_engine(f"rules:{words}")
