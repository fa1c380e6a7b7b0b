"""The development part of the real corpus (tests/real/dev): pages of many cities' papers, read in
one run with each page in its own city, scored against gold written blind. A regression guard for
the genres (people's congress decisions, sessions, courts, companies, press conferences …); the
floors are the scores at the time they were set, a little below."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.evaluate import evaluate
from kg.pipeline import build_corpus, locale_for, run

DEV = Path(__file__).parent / "real" / "dev"


def _scores(files: list[Path]) -> dict:
    docs = run(files)
    return {s.relation: s for s in evaluate(build_corpus(docs, locale_for(docs, None)), DEV / "gold")}


def _pages(genre: str) -> list[Path]:
    """The pages of a genre; a dated page is filed under its date (pages/2023-02-13/x.txt), as archives
    keep them."""
    rows = [json.loads(line) for line in (DEV / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    by_name = {path.name: path for path in (DEV / "pages").rglob("*.txt")}
    return [by_name[row["file"]] for row in rows if row["genre"] == genre]


def test_development_pages_keep_their_scores() -> None:
    scores = _scores(sorted((DEV / "pages").rglob("*.txt")))
    assert scores["person-title"].precision >= 0.96
    assert scores["person-title"].recall >= 0.91
    assert scores["person-title-org"].f1 >= 0.89
    assert scores["post-organisation (accuracy)"].precision >= 0.94
    # personnel decisions: the change, and with its date
    assert scores["post-change"].f1 >= 0.79
    assert scores["post-change-date"].f1 >= 0.65
    # the relation layer on the same pages
    assert scores["event"].f1 >= 0.74
    assert scores["participation"].f1 >= 0.77
    assert scores["project"].f1 >= 0.74


@pytest.mark.parametrize(
    "genre, recall",
    [
        ("appointment", 0.84),
        ("court", 0.85),
        ("company", 0.78),
        ("press", 0.80),
        ("meeting", 0.80),
        ("session", 0.83),
        ("inspection", 0.82),
        ("project", 0.88),
    ],
)
def test_each_genre_end_to_end(genre: str, recall: float) -> None:
    scores = _scores(_pages(genre))
    assert scores["person-title-org"].recall >= recall
    assert scores["person-title"].precision >= 0.83


def test_pages_of_many_cities_resolve_each_in_its_own() -> None:
    docs = run(sorted((DEV / "pages").rglob("*.txt")))
    rows = [json.loads(line) for line in (DEV / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    expected = {row["file"]: (row["city"], row["county"]) for row in rows}
    right = sum(doc.city in expected[Path(doc.path).name] for doc in docs)
    assert right >= 0.85 * len(docs)


def test_an_appointment_notice_answers_who_held_the_post(tmp_path: Path) -> None:
    """A real people's congress notice, filed under its date: the district head who resigned and the
    acting one who followed, as a reader of the notice would say."""
    from kg.cli import main
    from kg.explore.query import open_store, presets

    page = next((DEV / "pages").rglob("h1_beijing_02.txt"))
    assert main(["build", str(page), "--out", str(tmp_path / "out")]) == 0
    store = open_store(tmp_path / "out", "rdflib")
    post = {"role": "区长", "organization": "北京市通州区人民政府"}
    rows = store.run(presets()["holders"].bind(post)).rows
    terms = {str(row[0]): (str(row[3] or ""), str(row[4] or "")) for row in rows}
    assert terms == {"孟景伟": ("", "2023-03-09"), "郑皓": ("2023-03-09", "")}
    on_the_day_after = store.run(presets()["holders"].bind({**post, "date": "2023-03-10"})).rows
    assert [str(row[0]) for row in on_the_day_after] == ["郑皓"]
