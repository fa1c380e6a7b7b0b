"""A corpus of many papers: each document read in its own city, placed by --city-map, appended in its
own city; the paper's name as a signal; bad maps and cities rejected with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli import EXIT_NOTHING_READ, main
from kg.readers.orgs import paper_place

# A page that names no city: only its paper's place, or the map, can say whose 市委 it is.
BARE = "市委召开常委会会议\n\n本报讯 市委书记王建国主持召开市委常委会会议，市委副书记、市长刘海洋出席。\n"
LIAOCHENG = (
    "聊城市召开工作会议\n\n本报讯 聊城市召开全市工作会议。市委书记李志强出席。聊城市各县区负责人参加。\n"
)


def _build(*argv: str) -> int:
    return main(["build", *argv])


def test_a_city_map_places_documents_by_path(tmp_path: Path) -> None:
    for folder in ("dezhou", "liaocheng"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(BARE, encoding="utf-8")
    city_map = tmp_path / "cities.txt"
    city_map.write_text("# path glob → city\ndezhou/* 德州市\nliaocheng/*\t聊城市\n", encoding="utf-8")
    out = tmp_path / "out"
    assert _build(str(tmp_path / "dezhou"), str(tmp_path / "liaocheng"), "--city-map", str(city_map),
                  "--out", str(out)) == 0  # fmt: skip
    graph = (out / "graph.nt").read_text(encoding="utf-8")
    assert "中共德州市委员会" in graph and "中共聊城市委员会" in graph
    assert "德州市人民政府" in graph and "聊城市人民政府" in graph


def test_an_appended_page_is_read_in_its_own_city(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BARE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(LIAOCHENG, encoding="utf-8")
    out = tmp_path / "out"
    assert _build(str(tmp_path / "a.txt"), "--city", "德州市", "--out", str(out)) == 0
    assert _build(str(tmp_path / "b.txt"), "--append", "--out", str(out)) == 0
    graph = (out / "graph.nt").read_text(encoding="utf-8")
    assert "中共德州市委员会" in graph  # the first build's page, in the city it was given
    assert "中共聊城市委员会" in graph  # the appended page, in its own city, not silently in 德州


def test_the_papers_name_places_the_page() -> None:
    assert paper_place("标题\n2011-05-03 15:51:41   来源:罗源新闻网\n正文").name == "罗源县"
    assert paper_place("德州日报\n2025年1月3日\n正文").name == "德州市"
    assert paper_place("政和新资讯网讯 9月20日，县委副书记吴建国深入东平镇调研。").name == "政和县"
    assert paper_place("市工商联赴织调研座谈会召开-织金发布\n正文").name == "织金县"  # a web page's title
    assert paper_place("正文" + "。" * 500 + "（昌吉市融媒体中心记者 吴建国）").name == "昌吉市"  # a byline
    assert paper_place("标题\n" + "。" * 500 + "\n德州日报") is None  # only where a page prints its paper


@pytest.mark.parametrize(
    "content, message",
    [
        ("dezhou/*\n", "cities.txt:1: expected 'GLOB CITY'"),
        ("# a comment\ndezhou/* 火星\n", "cities.txt:2: unknown city '火星'"),
    ],
)
def test_a_bad_city_map_is_named_with_its_line(tmp_path: Path, capsys, content: str, message: str) -> None:
    (tmp_path / "a.txt").write_text(BARE, encoding="utf-8")
    (tmp_path / "cities.txt").write_text(content, encoding="utf-8")
    code = _build(
        str(tmp_path / "a.txt"), "--city-map", str(tmp_path / "cities.txt"), "--out", str(tmp_path / "o")
    )
    assert code == EXIT_NOTHING_READ
    assert message in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_an_unknown_city_is_a_usage_error(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text(BARE, encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        _build(str(tmp_path / "a.txt"), "--city", "山东省", "--out", str(tmp_path / "o"))
    assert stopped.value.code == 2
    assert "unknown city '山东省'" in capsys.readouterr().err
