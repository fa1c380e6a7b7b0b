"""The state --append keeps is JSON read back by its types: a planted, damaged, foreign or old state
stops the run with a message naming the file, and nothing in it ever runs."""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import pytest

from kg import state as codec
from kg.cli import main
from kg.model import Corpus, Entity, Evidence, Membership, PostChange
from kg.readers.orgs import Locale
from kg.stream import STATE, State

SEED = Path(__file__).resolve().parent.parent / "seeds" / "001_7e8a689627b3833d.txt"


def test_a_state_reads_back_as_it_was_written() -> None:
    evidence = Evidence("a.txt", "a-1", 3, 9, "市长张三出席。", "市长张三")
    corpus = Corpus()
    corpus.entities["person:张三"] = Entity("person:张三", "PERSON", "张三", alt_labels={"老张", "张三"})
    membership = Membership("person:张三", "org:X", "市长", [evidence], held=True, attested={"2024-01-02"})
    membership.changes.append(PostChange("appointed", evidence, "2024-01-01", "text"))
    corpus.memberships[("person:张三", "org:X", "市长")] = membership
    corpus.participations[("person:张三", "event:会", "出席")] = [evidence]
    locale = Locale.for_city("聊城市")
    written = State(locale, corpus, counts={"a.txt": {"posts": 1}})
    read = codec.loads(codec.dumps(written), State)
    assert read == written
    assert codec.dumps(read) == codec.dumps(written)  # the same bytes: sets are written sorted


@pytest.fixture()
def built(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    assert main(["build", str(SEED), "--out", str(out)]) == 0
    return out


def _append(out: Path) -> int:
    return main(["build", str(SEED), "--append", str(out)])


class Planted:
    def __reduce__(self):  # what a planted pickle would run on load
        return (Path("/tmp/kg-planted").touch, ())


def test_an_old_pickled_state_is_never_loaded(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "kg-state.pickle").write_bytes(pickle.dumps(Planted()))
    Path("/tmp/kg-planted").unlink(missing_ok=True)
    with pytest.raises(SystemExit, match="kg-state.pickle was written by an older kg"):
        _append(out)
    assert not Path("/tmp/kg-planted").exists()


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda text: "", "not JSON"),
        (lambda text: text[: len(text) // 2], "not JSON"),
        (lambda text: text.replace('"version":2', '"version":7'), "version 7"),
        (lambda text: re.sub(r'"label":"[^"]*"', '"label":1', text, count=1), "expected str"),
        (lambda text: json.dumps({"version": 2, "locale": {}, "corpus": {"evil": 1}}), "no field evil"),
    ],
)
def test_a_damaged_state_is_named_and_nothing_is_lost(built: Path, damage, message: str) -> None:
    path = built / STATE
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    graph = (built / "graph.nt").read_bytes()
    with pytest.raises(SystemExit) as stopped:
        _append(built)
    assert str(path) in str(stopped.value) and message in str(stopped.value)
    assert (built / "graph.nt").read_bytes() == graph  # the build already there is untouched
