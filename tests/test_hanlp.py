"""The HanLP engine: a tiny NER model trained by `kg train-ner` drives `kg build` end to end; the pretrained
model is never downloaded (a clear error offline); `auto` falls back to LAC; tag maps and token merging.

Every name and company here is invented for these tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph

from kg.cli import main
from kg.commands.train_ner import read_samples, spans
from kg.language.engines import Token, load_engine
from kg.language.engines.hanlp import PRETRAINED, merge, tag_map, word_spans

ROOT = Path(__file__).resolve().parent.parent

PEOPLE = ["韩素梅", "郑远航", "段启明", "邵家宁", "龚思远", "钱晓川", "温立群", "阎嘉禾", "蒲文涛", "符国栋"]
ORGS = [
    "丰源食品有限公司",
    "德州市财政局",
    "德州市教育局",
    "鲁北机械有限公司",
    "德州市农业农村局",
    "德州市卫生健康委员会",
]
PLACES = ["德州", "陵城区", "禹城市", "齐河县"]
TEMPLATES = [
    "{org}局长{per}出席会议并讲话。",
    "{per}在{loc}调研{org}的生产情况。",
    "会议由市委常委、秘书长{per}主持。",
    "{org}董事长{per}介绍了项目进展。",
    "市政府副市长{per}到{loc}检查防汛工作。",
    "{per}表示，{org}将加快推进技术改造。",
    "记者从{org}获悉，{loc}今年新建学校三所。",
    "{loc}副县长{per}一行到{org}考察。",
]


def _sentence(k: int) -> tuple[str, list[tuple[int, int, str]]]:
    """The k-th training sentence and its entity spans: every name, company and place comes round in turn."""
    fill = {"per": PEOPLE[k % len(PEOPLE)], "org": ORGS[k % len(ORGS)], "loc": PLACES[k % len(PLACES)]}
    template = TEMPLATES[k % len(TEMPLATES)]
    text, found = "", []
    for piece in template.replace("}", "{").split("{"):
        if piece in fill:
            found.append(
                (len(text), len(text) + len(fill[piece]), {"per": "PER", "org": "ORG", "loc": "LOC"}[piece])
            )
            piece = fill[piece]
        text += piece
    return text, found


def _bio(text: str, found: list[tuple[int, int, str]]) -> str:
    tags = ["O"] * len(text)
    for start, end, kind in found:
        tags[start:end] = [f"B-{kind}"] + [f"I-{kind}"] * (end - start - 1)
    return "\n".join(f"{ch} {tag}" for ch, tag in zip(text, tags, strict=True)) + "\n"


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory) -> tuple[Path, str]:
    """`kg train-ner` on 48 generated sentences (dev: 12 more); its model folder and what it printed."""
    folder = tmp_path_factory.mktemp("hanlp-ner")
    train, dev = folder / "train.bio", folder / "dev.bio"
    train.write_text("\n".join(_bio(*_sentence(k)) for k in range(48)), encoding="utf-8")
    dev.write_text("\n".join(_bio(*_sentence(k)) for k in range(48, 60)), encoding="utf-8")
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg.cli",
            "train-ner",
            str(train),
            "--dev",
            str(dev),
            "--out",
            str(folder / "model"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return folder / "model", result.stdout + f"\nwall {time.perf_counter() - started:.1f} s"


def test_train_ner_reports_dev_scores_and_saves_a_model(tiny_model) -> None:
    model, report = tiny_model
    assert (model / "config.json").is_file()
    line = next(row for row in report.splitlines() if row.startswith("entities "))
    f1 = float(line.split()[-1])
    assert f1 >= 0.8, report
    assert "PER" in report and "--engine hanlp:" in report


def test_build_with_the_trained_model_end_to_end(tiny_model, tmp_path) -> None:
    model, _ = tiny_model
    page = tmp_path / "page.txt"
    page.write_text(
        "本报讯(记者 温立群)5月8日，市委常委、秘书长段启明到禹城市调研。\n"
        "市政府副市长韩素梅出席会议并讲话。德州市财政局局长郑远航介绍了今年的预算安排。\n",
        encoding="utf-8",
    )
    engine = load_engine(f"hanlp:{model}")
    (tokens,) = engine.analyse(["市政府副市长韩素梅出席会议并讲话。"])
    tags = {t.text: t.tag for t in tokens}
    assert tags["韩素梅"] == "PERSON"  # the model's PER, mapped by kg/data/hanlp_tags.tsv
    assert "".join(t.text for t in tokens) == "市政府副市长韩素梅出席会议并讲话。"
    assert tags["副市长"] == "NOUN"  # the words between entities are LAC's, with their kg POS tags,
    assert tags["市政府"] == "PROPER"  # and LAC's own entities are plain words: the trained model decides

    out = tmp_path / "out"
    assert (
        main(["build", str(page), "--out", str(out), "--city", "德州市", "--engine", f"hanlp:{model}"]) == 0
    )
    g = Graph().parse(out / "graph.ttl")
    posts = {
        tuple(str(v) for v in row)
        for row in g.query(
            """PREFIX org: <http://www.w3.org/ns/org#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?person ?role ?org WHERE { ?m a org:Membership ; org:member/rdfs:label ?person ;
              org:role/rdfs:label ?role ; org:organization/rdfs:label ?org }"""
        )
    }
    assert ("段启明", "秘书长", "中共德州市委员会") in posts
    assert ("韩素梅", "副市长", "德州市人民政府") in posts
    assert ("郑远航", "局长", "德州市财政局") in posts


def _kg(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "HANLP_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, env=env, cwd=ROOT
    )


def test_pretrained_model_missing_is_a_clear_error_at_once(tmp_path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("市政府副市长韩素梅出席会议并讲话。\n", encoding="utf-8")
    started = time.perf_counter()
    result = _kg(
        "build", str(page), "--out", str(tmp_path / "out"), "--engine", "hanlp", home=tmp_path / "hanlp"
    )
    assert time.perf_counter() - started < 15  # HanLP's own download attempt takes ~25 s to fail here
    assert "Downloading" not in result.stderr  # HanLP's word when it starts one
    assert result.returncode == 4
    assert "Traceback" not in result.stderr
    assert PRETRAINED in result.stderr and f"HANLP_HOME={tmp_path / 'hanlp'}" in result.stderr
    assert str(tmp_path / "hanlp" / "mtl") in result.stderr  # where it looked
    assert not (tmp_path / "out").exists()


def test_auto_falls_back_to_lac_and_says_so(tmp_path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("市政府副市长韩素梅出席会议并讲话。\n", encoding="utf-8")
    result = _kg("extract", str(page), "--city", "德州市", "--engine", "auto", home=tmp_path / "hanlp")
    assert result.returncode == 0, result.stderr
    assert "--engine auto: using lac" in result.stderr
    mentions = json.loads(result.stdout.splitlines()[0])["mentions"]
    assert any(m["type"] == "PERSON" and m["text"] == "韩素梅" for m in mentions)


def test_a_folder_without_a_model_is_a_clear_error(tmp_path) -> None:
    assert main(["extract", str(ROOT / "README.md"), "--engine", f"hanlp:{tmp_path}"]) == 4


class _MultiTask:
    """Stands in for HanLP's pretrained multi-task model: its tasks and its output for one sentence."""

    tasks = dict.fromkeys(
        ["tok/fine", "tok/coarse", "pos/ctb", "pos/pku", "ner/msra", "ner/pku", "dep", "srl"]
    )

    def __call__(self, texts: list[str], tasks: list[str]) -> dict:
        assert texts == ["市长韩素梅在德州 调研"] and tasks == ["tok/fine", "pos/pku", "ner/msra", "dep"]
        return {
            "tok/fine": [["市长", "韩素梅", "在", "德州", "调研"]],
            "pos/pku": [["n", "nr", "p", "ns", "v"]],
            "ner/msra": [[("韩素梅", "PERSON", 1, 2), ("德州", "LOCATION", 3, 4)]],
            "dep": [[(2, "nn"), (5, "nsubj"), (5, "prep"), (3, "pobj"), (0, "root")]],  # heads 1-based
        }


def test_multi_task_model_gives_words_pos_and_typed_entities(monkeypatch, capsys) -> None:
    import kg.language.engines.hanlp as module

    monkeypatch.setattr(module, "_load", lambda model_dir: _MultiTask())
    module._show_licence.cache_clear()
    engine = load_engine("hanlp")
    assert engine.analyse(["市长韩素梅在德州 调研", ""]) == [
        [
            Token("市长", 0, 2, "NOUN", 1, "nn"),  # PKU's tags become kg's (kg/data/pos_tags.tsv)
            Token("韩素梅", 2, 5, "PERSON", 4, "nsubj"),
            Token("在", 5, 6, "PREP", 4, "prep"),
            Token("德州", 6, 8, "PLACE", 2, "pobj"),
            Token(
                "调研", 9, 11, "VERB", -1, "root"
            ),  # offsets into the sentence, past the space the tokeniser dropped
        ],
        [],
    ]
    load_engine("hanlp")
    assert capsys.readouterr().err.count("CC BY-NC-SA 4.0") == 1  # the licence, once per run


def test_auto_takes_hanlp_when_its_model_is_there(monkeypatch, capsys) -> None:
    import kg.language.engines.hanlp as module

    monkeypatch.setattr(module, "_load", lambda model_dir: _MultiTask())
    assert isinstance(load_engine("auto"), module.HanlpEngine)
    assert f"--engine auto: using hanlp ({PRETRAINED})" in capsys.readouterr().err


def test_merge_cuts_words_at_entity_edges_and_maps_tags() -> None:
    text = "德城区委书记孙立新讲话"
    words = [(0, 6, "NOUN"), (6, 9, "PROPER"), (9, 11, "VERB")]
    entities = [(0, 3, "NS"), (6, 9, "PERSON"), (9, 11, "INTEGER")]
    assert merge(text, words, entities) == [
        Token("德城区", 0, 3, "PLACE"),
        Token("委书记", 3, 6, "NOUN"),
        Token("孙立新", 6, 9, "PERSON"),
        Token("讲话", 9, 11, "VERB"),  # an entity type kg has no use for leaves the word's POS tag
    ]


def test_word_spans_skip_spaces_a_tokeniser_dropped() -> None:
    assert word_spans("聊城 市长 讲话", ["聊城", "市长", "讲话"]) == [(0, 2), (3, 5), (6, 8)]
    assert merge("聊城 市长", [(0, 2, "PROPER"), (3, 5, "NOUN")], []) == [
        Token("聊城", 0, 2, "PROPER"),
        Token("市长", 3, 5, "NOUN"),
    ]


@pytest.mark.parametrize(
    ("tag", "kind"),
    [("NR", "PERSON"), ("NT", "ORG"), ("NS", "PLACE"), ("PERSON", "PERSON"), ("ORGANIZATION", "ORG"),
     ("LOCATION", "PLACE"), ("GPE", "PLACE"), ("FAC", "PLACE"), ("DATE", "DATE"), ("nr", "PERSON"),
     ("nt", "ORG"), ("ns", "PLACE"), ("name", "PERSON"), ("government", "ORG"), ("address", "PLACE")],
)  # fmt: skip
def test_tag_sets_map_to_kg_types(tag: str, kind: str) -> None:
    assert tag_map()[tag] == kind
    assert "MONEY" not in tag_map() and "NORP" not in tag_map()


def test_training_files_in_both_formats(tmp_path) -> None:
    clue = tmp_path / "clue.json"
    clue.write_text(
        json.dumps(
            {
                "text": "郑远航在丰源食品有限公司调研",
                "label": {"name": {"郑远航": [[0, 2]]}, "company": {"丰源食品有限公司": [[4, 11]]}},
            },
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    ((chars, tags),) = read_samples(clue)
    assert spans(tags) == [(0, 3, "name"), (4, 12, "company")]
    bmes = tmp_path / "resume.char.bmes"
    bmes.write_text("郑 B-NAME\n远 M-NAME\n航 E-NAME\n说 O\n\n好 S-ORG\n", encoding="utf-8")
    assert [spans(t) for _, t in read_samples(bmes)] == [[(0, 3, "NAME")], [(0, 1, "ORG")]]


def test_without_hanlp_installed_the_message_names_the_extra(monkeypatch, capsys, tmp_path) -> None:
    import sys

    from kg.cli import main

    monkeypatch.setitem(sys.modules, "hanlp", None)  # as if `pip install kg` without the extra
    page = tmp_path / "a.txt"
    page.write_text("市长张三出席会议。", encoding="utf-8")
    assert main(["build", str(page), "--engine", "hanlp", "--out", str(tmp_path / "o")]) != 0
    assert "pip install 'kg[hanlp]'" in capsys.readouterr().err
    assert main(["train-ner", str(page), "--out", str(tmp_path / "m")]) != 0
    assert "kg[hanlp]" in capsys.readouterr().err
