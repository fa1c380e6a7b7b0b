"""The extractor against our gold annotations of the seeds: a regression guard."""

from __future__ import annotations

from kg.cli import main
from kg.evaluate import Score, evaluate
from kg.pipeline import build_corpus, locale_for, run

from .conftest import GOLD, SEEDS


def test_positions_meet_the_quality_bar() -> None:
    docs = run([SEEDS])
    scores = {s.relation: s for s in evaluate(build_corpus(docs, locale_for(docs, None)), GOLD)}
    assert scores["person-title"].precision >= 0.95
    assert scores["person-title"].recall >= 0.90
    assert scores["post-organisation (accuracy)"].precision >= 0.90
    assert scores["person"].recall >= 0.95


def test_score_arithmetic() -> None:
    s = Score("x", gold=10, predicted=8, correct=6)
    assert (s.precision, s.recall) == (0.75, 0.6)
    assert round(s.f1, 4) == round(2 * 0.75 * 0.6 / 1.35, 4)
    assert Score("empty", 0, 0, 0).f1 == 0.0


def test_eval_command_prints_a_table(capsys) -> None:
    assert main(["eval", str(GOLD), "--input", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert "person-title" in out and "F1" in out
