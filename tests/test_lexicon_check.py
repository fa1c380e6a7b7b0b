"""`kg lexicon check`: the data files are sound, and a bad row is named by file and line."""

from __future__ import annotations

import re

import pytest

from kg import lexicon_check
from kg.cli import main


def test_the_shipped_data_is_sound(capsys) -> None:
    assert main(["lexicon", "check"]) == 0
    assert "sound" in capsys.readouterr().out


@pytest.fixture()
def data(monkeypatch):
    """Replace one data file's text for the checks."""
    texts: dict[str, str] = {}
    real = lexicon_check.package_text
    monkeypatch.setattr(lexicon_check, "package_text", lambda name: texts.get(name, real(name)))
    return texts


@pytest.mark.parametrize(
    "name, text, problem",
    [
        ("org_templates.tsv", "# comment\n委\t中共{scope}委员会\tparty\n局\t{scope}局\tbureau\n",
         "kg/data/org_templates.tsv:3: 'bureau' is not one of"),
        ("participation_roles.tsv", "主持\t主持\tpresided\n主持\t主持\tchaired\n",
         "kg/data/participation_roles.tsv:2: 'chaired' is not one of"),
        ("head_titles.tsv", "市长\t政府\n市长\t政府\n", "kg/data/head_titles.tsv:2: '市长' is already at kg/data/head_titles.tsv:1"),
        ("particular_lines.tsv", "地点\tplace\t-\n主持人\trole\t主席\n",
         "kg/data/particular_lines.tsv:2: 主持人: '主席' does not fit 'role'"),
        ("shared_titles.txt", "常委\n田野\n", "kg/data/shared_titles.txt:2: '田野' is no title"),
        ("event_heads.tsv", "会议\tmeeting\t多余\n", "kg/data/event_heads.tsv:1: expected 2 tab-separated columns"),
        ("ground_breaking_triggers.txt", "开工\n剪彩\n",
         "kg/data/ground_breaking_triggers.txt:2: '剪彩' is not in event_triggers.txt"),
        ("session_bodies.tsv", "政协\n", "kg/data/session_bodies.tsv:1: expected 2 tab-separated columns"),
        ("former_divisions.tsv", "户县\t鄠邑区\t宝鸡市\t2016\n",
         "kg/data/former_divisions.tsv:1: 户县: no division 鄠邑区 under 宝鸡市"),
        ("event_patterns.tsv", "# why\nvague_place\t部分|一些\t多家企业\n",
         "kg/data/event_patterns.tsv:2: vague_place: the pattern does not match its example"),
        ("event_patterns.tsv", "on_behalf\t受(委托\t受市长委托\n", "kg/data/event_patterns.tsv:1: on_behalf: missing )"),
        ("event_patterns.tsv", "visit\t到{words:no_such_verbs.txt}\t到调研\n",
         "kg/data/event_patterns.tsv:1: visit: no such placeholder's source"),
        ("event_patterns.tsv", "visit\t{pattern:no_such_id}调研\t调研\n",
         "kg/data/event_patterns.tsv:1: visit: no such placeholder's source: 'no_such_id'"),
        ("project_patterns.tsv", "investment\t投资{money:yuan}\t投资5亿元\n",
         "kg/data/project_patterns.tsv:1: investment: no such placeholder's source: 'yuan'"),
        ("org_subtypes.tsv", "party\tGovernmentOrganization\tPartyOrganization\tparty\t党\n"
         "hospital\tHospital\tHospital\torganization\t医院\n",
         "kg/data/org_subtypes.tsv:2: hospital: kg:Hospital is no class of kg/data/ontology.ttl"),
        ("org_subtypes.tsv", "party\tGovernmentOrganization\tPartyOrganization\tparties\t党\n",
         "kg/data/org_subtypes.tsv:1: party: no legend style 'parties'"),
    ],
)  # fmt: skip
def test_a_bad_row_is_named_by_file_and_line(data, capsys, name: str, text: str, problem: str) -> None:
    data[name] = text
    assert main(["lexicon", "check"]) == 1
    assert problem in capsys.readouterr().err


def test_a_pattern_fills_its_placeholders_from_word_lists_and_other_patterns() -> None:
    from kg.language.lexicon import expanded, patterns, word_list

    assert expanded("event_patterns.tsv", "{words:visit_motions.txt}") == "|".join(
        word_list("visit_motions.txt")
    )
    talk = patterns("event_patterns.tsv")["talk"]
    assert talk.match("率党政代表团与杭州市党政领导座谈")["led"] == "率党政代表团"


def test_a_money_placeholder_reads_an_amount_in_the_one_grammar_of_money() -> None:
    """Patterns that read an amount take its number and unit from kg.language.money: figures with their
    thousands marked, Chinese numerals."""
    from kg.language.lexicon import expanded
    from kg.language.money import yuan

    pattern = re.compile(expanded("project_patterns.tsv", "投资{money:number}{money:unit}元"))
    for text, amount in (
        ("投资1,200万元", 12_000_000),
        ("投资三千万元", 30_000_000),
        ("投资3.2亿元", 320_000_000),
    ):
        found = pattern.search(text)
        assert found and yuan(found["amount"], found["mult"]) == amount


def test_a_word_list_placeholder_can_leave_out_a_role_class() -> None:
    """The verbs of a visit that are no meeting: "X拜访Y" with no motion before it is the meeting reader's."""
    from kg.language.lexicon import expanded

    visits = expanded("event_patterns.tsv", "{words:inspection_verbs.txt but not met}").split("|")
    assert "调研" in visits and "督导" in visits
    assert "拜访" not in visits and "接待" not in visits
    assert "拜访" in expanded("event_patterns.tsv", "{words:inspection_verbs.txt}").split("|")
