"""A user's own lexicons (`--lexicons DIR`): their lines add to kg's for the run that names them, reach
the patterns built from word lists, and are checked as kg's own files are, each problem named by file
and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.language.engines.rules import RuleEngine
from kg.language.lexicon import BUILT_IN, LexiconError, Lexicons
from kg.model import Document
from kg.pipeline import analyse
from kg.readers.orgs import Locale
from kg.service import user_lexicons

WORDS = {"吴建国": "PERSON", "出席": "VERB", "会议": "NOUN", "首席专家": "NOUN", "市林业局": "ORG"}
MEMBERSHIP = "<http://www.w3.org/ns/org#Membership>"
EXPERT = "本报讯 市林业局首席专家吴建国出席会议。\n"


def _folder(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "mine"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name.replace("_txt", ".txt").replace("_tsv", ".tsv")).write_text(text, encoding="utf-8")
    return folder


def _read(text: str, lexicons: Lexicons = BUILT_IN) -> Document:
    return analyse(
        [Document("a.txt", text)], RuleEngine(WORDS), Locale.for_city("德州市"), lexicons=lexicons
    )[0]


def _posts(doc: Document) -> set[tuple[str, str, str]]:
    return {(p.person, p.title, p.organization) for a in doc.articles for p in a.positions}


def test_a_title_of_ones_own_gives_posts_in_that_run_only(tmp_path: Path) -> None:
    mine = Lexicons((str(_folder(tmp_path, titles_txt="# titles of our papers\n首席专家\n")),))
    assert _posts(_read(EXPERT)) == set()
    assert _posts(_read(EXPERT, mine)) == {("吴建国", "首席专家", "德州市林业局")}
    assert _posts(_read(EXPERT)) == set()  # the tables of one set of lexicons are never another's


def test_a_verb_of_ones_own_reaches_the_patterns_built_from_word_lists(tmp_path: Path) -> None:
    text = "本报讯 6月3日，市委副书记吴建国到临邑县踏勘重点项目。\n"
    mine = Lexicons((str(_folder(tmp_path, inspection_verbs_txt="踏勘\n")),))
    assert [e.name for a in _read(text).articles for e in a.events] == []
    assert [e.name for a in _read(text, mine).articles for e in a.events] == ["吴建国到临邑县踏勘"]


NEW_ZONE = "371499\t临空新区\t3\t371400\n"  # a county-level place in 德州市 the dataset does not have


def test_a_division_of_ones_own_is_in_the_gazetteer_of_that_run_only(tmp_path: Path) -> None:
    from kg.language.gazetteer import Gazetteer
    from kg.language.lexicon import using
    from kg.readers.orgs import document_locale

    mine = user_lexicons([str(_folder(tmp_path, divisions_tsv=NEW_ZONE))])
    page = "本报讯 临空新区召开项目建设推进会。区委书记吴建国出席。临空新区将加快建设。\n"
    assert Gazetteer.default().lookup("临空新区") == []
    with using(mine):
        (zone,) = Gazetteer.default().lookup("临空新区")
        assert (zone.level, Gazetteer.default().parent(zone).name) == (3, "德州市")
        locale = document_locale(page, Locale())
        assert (locale.city, locale.own_county()) == ("德州市", "临空新区")
    assert Gazetteer.default().lookup("临空新区") == []


@pytest.mark.parametrize(
    "row, problem",
    [
        ("371400\t某某市\t2\t370000\n", "'371400' is not a new code of digits"),
        ("371499\t某某新区\t3\t999900\n", "某某新区: parent '999900' is no division above level 3"),
        ("371499\t某某新区\t5\t371400\n", "'5' is not one of 1, 2, 3, 4"),
        ("371499\t某某新区\t\t371400\n", "'' is not one of 1, 2, 3, 4"),
    ],
)
def test_a_division_kg_cannot_place_is_refused(tmp_path: Path, row: str, problem: str) -> None:
    with pytest.raises(LexiconError, match="lexicons that kg cannot use") as refused:
        user_lexicons([str(_folder(tmp_path, divisions_tsv=row))])
    assert problem in str(refused.value)


@pytest.mark.parametrize(
    "files, problem",
    [
        ({"titles_list.txt": "首席专家\n"}, "mine/titles_list.txt: not one of kg's lexicons"),
        (
            {"event_heads.tsv": "恳谈会\tmeeting\t多余\n"},
            "mine/event_heads.tsv:1: expected 2 tab-separated columns",
        ),
        ({"event_heads.tsv": "恳谈会\tparty\n"}, "mine/event_heads.tsv:1: 'party' is not one of meeting"),
        ({"titles.txt": "\n市长\n"}, "mine/titles.txt:2: '市长' is already at kg/data/titles.txt:"),
    ],
)
def test_a_folder_kg_cannot_use_is_refused_with_file_line_and_problem(
    tmp_path: Path, files: dict[str, str], problem: str
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match="lexicons that kg cannot use") as refused:
        user_lexicons([str(folder)])
    assert problem in str(refused.value)


def test_no_such_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="no_such: no such folder of lexicons"):
        user_lexicons([str(tmp_path / "no_such")])


def test_kg_lexicon_check_checks_ones_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path, titles_txt="首席专家\n")
    assert main(["lexicon", "check", "--lexicons", str(folder)]) == 0
    assert f"kg/data and {folder}: every lexicon and pattern file is sound" in capsys.readouterr().out
    (folder / "event_heads.tsv").write_text("恳谈会\n", encoding="utf-8")
    assert main(["lexicon", "check", "--lexicons", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"{folder}/event_heads.tsv:1: expected 2 tab-separated columns, found 1" in err
    assert f"1 problem(s) in kg/data and {folder}" in err


def test_kg_build_reads_ones_lexicons_in_every_worker(tmp_path: Path) -> None:
    words = tmp_path / "words.tsv"
    people = ("吴建国", "马立新", "孙立平", "张建军")
    words.write_text(
        "".join(f"{w}\t{t}\n" for w, t in {**WORDS, **dict.fromkeys(people, "PERSON")}.items()), "utf-8"
    )
    pages = tmp_path / "pages"
    pages.mkdir()
    for n, person in enumerate(people):  # a file each: both workers read some
        (pages / f"p{n}.txt").write_text(EXPERT.replace("吴建国", person), encoding="utf-8")
    out, folder = tmp_path / "out", _folder(tmp_path, titles_txt="首席专家\n")
    argv = ["build", str(pages), "--city", "德州市", "--engine", f"rules:{words}", "--out", str(out)]
    assert main([*argv, "--workers", "2", "--lexicons", str(folder)]) == 0
    assert (out / "graph.nq").read_text(encoding="utf-8").count(MEMBERSHIP) == 4
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["run"]["lexicons"] == [str(folder)]
    assert main(argv) == 0
    assert MEMBERSHIP not in (out / "graph.nq").read_text(encoding="utf-8")


def test_kg_build_refuses_a_bad_folder_before_reading_anything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(EXPERT, encoding="utf-8")
    folder = _folder(tmp_path, notes_txt="首席专家\n")
    out = tmp_path / "out"
    assert main(["build", str(page), "--lexicons", str(folder), "--out", str(out)]) == 2
    assert f"{folder}/notes.txt: not one of kg's lexicons" in capsys.readouterr().err
    assert not out.exists()


def test_a_pattern_that_does_not_compile_is_named_by_file_and_line_not_at_import(tmp_path: Path) -> None:
    # A module keeps its patterns as constants; they compile when first used, so a bad row (in kg's
    # data, or a user's) is reported by `kg lexicon check` and by a build, never as a crash at import.
    from kg.language.lexicon import LexiconPattern, compile_patterns, using

    (tmp_path / "event_patterns.tsv").write_text("broken\t(?P<x>a)(?P<x>b)\tab\n", encoding="utf-8")
    with using(Lexicons((str(tmp_path),))):
        nth = LexiconPattern("event_patterns.tsv", "nth")  # constructed as at import: nothing compiled
        with pytest.raises(LexiconError, match=r"event_patterns\.tsv:1: broken: redefinition of group"):
            compile_patterns()
        with pytest.raises(LexiconError, match="event_patterns.tsv:1"):
            nth.search("第二次会议")
    assert nth.search("第二次会议")  # kg's own patterns, outside that folder
    with pytest.raises(LexiconError, match="no pattern 'no_such_id'"):
        LexiconPattern("event_patterns.tsv", "no_such_id")
