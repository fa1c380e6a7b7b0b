"""The rule-only engine: words and tags given by hand, so that a rule test says exactly what the rules
see, and runs without a model."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from kg.language.engines import EngineError, kg_tag, load_engine
from kg.language.engines.rules import RuleEngine
from kg.model import Document
from kg.pipeline import analyse
from kg.readers.orgs import Locale

WORDS = {
    "市委": "ORG",
    "常委": "NOUN",
    "宣传部": "ORG",
    "部长": "NOUN",
    "孙立新": "PERSON",
    "出席": "VERB",
    "会议": "NOUN",
}


def _persons(words: dict[str, str], text: str, city: str) -> list[str]:
    """The person mentions the rules leave in `text`, read on the rule engine with `words`."""
    docs = analyse([Document("a.txt", text)], RuleEngine(words), Locale.for_city(city))
    return [m.text for a in docs[0].articles for s in a.sentences for m in s.mentions if m.type == "PERSON"]


def test_words_are_cut_longest_first_and_the_rest_tagged_by_kind() -> None:
    tokens = RuleEngine(WORDS).analyse(["市委常委、宣传部部长孙立新出席12次会议。"])[0]
    assert [(t.text, t.tag) for t in tokens] == [
        ("市委", "ORG"), ("常委", "NOUN"), ("、", "PUNCT"), ("宣传部", "ORG"), ("部长", "NOUN"),
        ("孙立新", "PERSON"), ("出席", "VERB"), ("12", "NUM"), ("次", "OTHER"), ("会议", "NOUN"), ("。", "PUNCT"),
    ]  # fmt: skip
    assert all(t.end - t.start == len(t.text) for t in tokens)


def test_a_title_chain_on_the_rule_engine() -> None:
    text = "本报讯 市委常委、宣传部部长孙立新出席会议。\n"
    docs = analyse([Document("a.txt", text)], RuleEngine(WORDS), Locale.for_city("德州市"))
    posts = {(p.person, p.title, p.organization) for a in docs[0].articles for p in a.positions}
    assert posts == {("孙立新", "常委", "中共德州市委员会"), ("孙立新", "部长", "中共德州市委宣传部")}


def test_a_leaders_name_in_a_doctrines_name_is_no_mention_of_the_person() -> None:
    words = {"吴建国": "PERSON", "王文明": "PERSON", "学习": "VERB", "讲话": "NOUN"}
    text = "本报讯 会议要求学习吴建国新时代中国特色社会主义思想，学习王文明同志讲话精神。\n"
    assert _persons(words, text, "德州市") == ["王文明"]


def test_a_titles_last_character_read_into_a_name_taken_for_a_body_is_the_titles() -> None:
    # the model cut "代区|长安明哲" (长安, a place): the title is 代区长, the name 安明哲
    words = {"区委": "ORG", "副书记": "NOUN", "代区": "NOUN", "长安明哲": "ORG", "及": "CONJ", "参加": "VERB"}
    text = "本报讯 区委副书记、代区长安明哲及区委各常委参加会议。\n"
    assert _persons(words, text, "巴彦淖尔市") == ["安明哲"]
    # "唐古拉山镇|长江源村": a village, not 镇长 and a name
    words = {"唐古拉山镇": "PLACE", "长江源村": "PLACE", "来到": "VERB"}
    assert _persons(words, "本报讯 驻华使节来到唐古拉山镇长江源村。\n", "海西蒙古族藏族自治州") == []


def test_a_surname_and_a_place_between_names_of_a_list_is_a_name() -> None:
    # the model read "夏|开封" (开封, a city) as a surname alone and a place
    words = {"吴立新": "PERSON", "杨广": "PERSON", "夏": "PERSON", "开封": "PLACE", "彭凯": "PERSON"}
    text = "本报讯 区领导吴立新、杨广、夏开封、彭凯等参加活动。\n"
    assert _persons(words, text, "淮安市") == ["吴立新", "杨广", "夏开封", "彭凯"]


def test_a_names_last_character_read_into_deng_is_the_names() -> None:
    # "陈利|平等": 平等 (equal) took the last character of 陈利平 before 等
    words = {"李明": "PERSON", "陈利": "PERSON", "平等": "ADJ", "参加": "VERB"}
    text = "本报讯 李明、陈利平等县政府常务会组成人员参加会议。\n"
    assert _persons(words, text, "永州市") == ["李明", "陈利平"]


def test_a_name_read_with_the_conjunction_and_the_next_body_is_cut_from_them() -> None:
    # the model read "吴道成和县政府办" as one name: the name, 和, and the next post's body
    words = {
        "副县长": "NOUN",
        "万学成": "PERSON",
        "吴道成和县政府办": "PERSON",
        "主任": "NOUN",
        "李安": "PERSON",
    }
    text = "本报讯 副县长万学成、吴道成和县政府办主任李安出席会议。\n"
    assert _persons(words, text, "巴中市") == ["万学成", "吴道成", "李安"]


class _RetypingEngine(RuleEngine):
    """The rule engine, but a sentence that opens with `word` has it typed as a body, as the model
    sometimes does with a name it found as a person elsewhere."""

    def __init__(self, words: dict[str, str], word: str) -> None:
        super().__init__(words)
        self.word = word

    def analyse(self, texts):  # type: ignore[no-untyped-def]
        return [
            [
                replace(t, tag="ORG") if t.text == self.word and text.startswith(self.word) else t
                for t in tokens
            ]
            for text, tokens in zip(texts, super().analyse(texts), strict=True)
        ]


def test_a_name_the_model_found_is_a_name_where_it_took_the_same_word_for_a_body() -> None:
    words = {"执行主席": "NOUN", "吴光灿": "PERSON", "吴光福": "PERSON", "马彦": "PERSON", "主持": "VERB"}
    text = "本报讯 本次大会的执行主席是:吴光灿、吴光福、马彦。\n吴光福主持开幕大会。\n"
    docs = analyse(
        [Document("a.txt", text)], _RetypingEngine(words, "吴光福"), Locale.for_city("文山壮族苗族自治州")
    )
    persons = [
        m.text for a in docs[0].articles for s in a.sentences for m in s.mentions if m.type == "PERSON"
    ]
    assert persons == ["吴光灿", "吴光福", "马彦", "吴光福"]


def test_a_title_and_a_surname_read_as_one_word_and_the_given_name_after_it() -> None:
    # "副书记马|越": the model read the surname into the title, the given name as an adverb
    words = {"地委": "ORG", "副书记马": "NOUN", "越": "ADV", "在": "PREP", "听取": "VERB"}
    assert _persons(words, "本报讯 地委副书记马越在县里听取汇报。\n", "昌都市") == ["马越"]
    # "负责人和|企业": 和 after a title is the conjunction
    words = {"部门": "NOUN", "负责人和": "NOUN", "企业": "NOUN", "参加": "VERB"}
    assert _persons(words, "本报讯 有关部门负责人和企业代表参加会议。\n", "昌都市") == []


def test_rules_from_a_word_list(tmp_path: Path) -> None:
    words = tmp_path / "words.tsv"
    words.write_text("# word\ttag\n孙立新\tPERSON\n", encoding="utf-8")
    engine = load_engine(f"rules:{words}")
    assert [t.tag for t in engine.analyse(["孙立新"])[0]] == ["PERSON"]
    words.write_text("孙立新 PERSON\n", encoding="utf-8")
    with pytest.raises(EngineError, match="words.tsv:1: expected WORD<TAB>TAG"):
        load_engine(f"rules:{words}")
    words.write_text("孙立新\tnr\n", encoding="utf-8")  # a model's tag, not kg's
    with pytest.raises(EngineError, match="unknown tags nr; kg's tags are NOUN"):
        load_engine(f"rules:{words}")


@pytest.mark.parametrize(
    "tag_set, tags, expected",
    [
        ("lac", ["n", "v", "p", "w", "vd"], ["NOUN", "VERB", "PREP", "PUNCT", "ADVERBIAL_VERB"]),
        ("pku", ["n", "nr", "Vg", "w", "y"], ["NOUN", "PROPER", "VERB", "PUNCT", "OTHER"]),
        ("ctb", ["NN", "VV", "P", "PU", "NT"], ["NOUN", "VERB", "PREP", "PUNCT", "TIME_WORD"]),
        ("863", ["n", "nh", "wp", "nt", "nd"], ["NOUN", "PROPER", "PUNCT", "TIME_WORD", "LOCALITY"]),
    ],
)
def test_every_tag_set_becomes_kgs_tags(tag_set: str, tags: list[str], expected: list[str]) -> None:
    # one rule reads every engine alike: "nt" is an organisation in PKU and a time word in 863
    assert [kg_tag(tag, tag_set) for tag in tags] == expected
    assert kg_tag("PERSON", tag_set) == "PERSON" and kg_tag("no-such-tag", tag_set) == "OTHER"


def test_the_contributing_guide_s_example_runs() -> None:
    guide = (Path(__file__).parents[1] / "CONTRIBUTING.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```python\n(.*?)```", guide, re.S)
    exec(compile(example, "CONTRIBUTING.md", "exec"), {})  # its assert is the test


def test_a_names_last_character_read_into_the_verb_after_it() -> None:
    """ "县委书记李双|会出席": after a title, a two-character name and a word that is one character and a
    person's verb are a three-character name and the verb (but "许明|率考察组": 率 leads a phrase)."""
    words = {"县委书记": "NOUN", "李双": "PERSON", "会出席": "VERB", "许明": "PERSON", "率考察": "VERB"}
    text = "本报讯 县委书记李双会出席会议。县委书记许明率考察组调研。\n"
    docs = analyse([Document("a.txt", text)], RuleEngine(words), Locale.for_city("吕梁市"))
    names = {m.text for a in docs[0].articles for s in a.sentences for m in s.mentions if m.type == "PERSON"}
    assert {"李双会", "许明"} <= names and "许明率" not in names


def test_an_item_of_a_list_noted_with_its_sex_or_nation_is_a_person() -> None:
    # the model took the name for a word; its note "(回族)" says it is a person of the list
    words = {"马立新": "PERSON", "孙立平": "PERSON", "闪立业": "NOUN", "执行主席": "NOUN"}
    text = "本报讯 政协凤台县第十一届委员会第一次会议开幕。执行主席:马立新(女)、闪立业(回族)、孙立平。\n"
    assert _persons(words, text, "淮南市") == ["马立新", "闪立业", "孙立平"]
