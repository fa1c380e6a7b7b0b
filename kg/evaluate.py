"""Score the extractor against gold annotations: precision, recall, F1 per relation.

Gold lives in a folder of JSON-lines files (see tests/gold/README.md):
positions.jsonl ({file, person, title, org}) and persons.jsonl ({file, person}).
Facts are compared per file, so a post found in the wrong article's file is wrong.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .model import Corpus


@dataclass
class Score:
    relation: str
    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_gold(folder: Path, name: str) -> list[dict]:
    path = folder / name
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predicted_positions(corpus: Corpus) -> set[tuple[str, str, str, str]]:
    found = set()
    for m in corpus.memberships.values():
        person, org = corpus.entities[m.person].label, corpus.entities[m.organization].label
        for evidence in m.evidence:
            found.add((Path(evidence.source).name, person, m.role, org))
    return found


def predicted_persons(corpus: Corpus) -> set[tuple[str, str]]:
    found = set()
    for article in corpus.articles:
        for key in article.mentions + article.authors:
            entity = corpus.entities[key]
            if entity.type == "PERSON":
                found.add((Path(article.source).name, entity.label))
    return found


def _score(relation: str, gold: set, predicted: set) -> Score:
    return Score(relation, len(gold), len(predicted), len(gold & predicted))


def evaluate(corpus: Corpus, gold_dir: Path) -> list[Score]:
    gold_positions = {
        (g["file"], g["person"], g["title"], g["org"]) for g in load_gold(gold_dir, "positions.jsonl")
    }
    gold_persons = {(g["file"], g["person"]) for g in load_gold(gold_dir, "persons.jsonl")}
    files = {g[0] for g in gold_positions | gold_persons}
    positions = {p for p in predicted_positions(corpus) if p[0] in files}
    persons = {p for p in predicted_persons(corpus) if p[0] in files}
    scores = [
        _score("person", gold_persons, persons),
        _score("person-title", {g[:3] for g in gold_positions}, {p[:3] for p in positions}),
        _score("person-title-org", gold_positions, positions),
    ]
    # organisation of each post: of the (person, title) pairs found, how many got the right organisation
    found_pairs = {g[:3] for g in gold_positions} & {p[:3] for p in positions}
    pairs_gold = {g for g in gold_positions if g[:3] in found_pairs}
    scores.append(
        Score("post-organisation (accuracy)", len(pairs_gold), len(pairs_gold), len(pairs_gold & positions))
    )
    return scores


def differences(corpus: Corpus, gold_dir: Path) -> tuple[list[tuple], list[tuple]]:
    """(missed gold positions, spurious predicted positions)."""
    gold = {(g["file"], g["person"], g["title"], g["org"]) for g in load_gold(gold_dir, "positions.jsonl")}
    files = {g[0] for g in gold}
    predicted = {p for p in predicted_positions(corpus) if p[0] in files}
    return sorted(gold - predicted), sorted(predicted - gold)


def format_scores(scores: list[Score]) -> str:
    lines = [f"{'relation':<30} {'gold':>5} {'pred':>5} {'ok':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for s in scores:
        lines.append(
            f"{s.relation:<30} {s.gold:>5} {s.predicted:>5} {s.correct:>5} "
            f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}"
        )
    return "\n".join(lines)
