"""Score the extractor against gold annotations: precision, recall, F1 per relation.

Gold lives in a folder of JSON-lines files (see tests/gold/README.md): positions,
persons, events, participation, projects and org_types. Facts are compared per
file, so a post found in the wrong article's file is wrong. Names of events and
projects match leniently (one contains the other, or most of their character
pairs agree), because "全国摄影展开展仪式" and "“七十五载…”全国摄影展开展仪式" name one event.
Gold of a page in traditional characters says what the page says (李剛); kg reads such a page in
simplified characters (李刚), so that file's gold is compared in simplified characters.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.input.script import is_traditional, to_simplified
from kg.language.lexicon import recorded_role
from kg.language.names import normalize
from kg.model import Corpus


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


def _gold(corpus: Corpus, folder: Path, name: str) -> list[dict]:
    """The gold of the files that were read: scoring one page of a gold set counts only its lines."""
    read = {Path(article.source).name for article in corpus.articles}
    traditional = _traditional_files(folder)
    return [
        _simplified(g) if g.get("file") in traditional else g
        for g in load_gold(folder, name)
        if "file" not in g or g["file"] in read
    ]


GOLD_FILES = ("persons", "positions", "changes", "events", "participation", "projects")


def _traditional_files(folder: Path) -> frozenset[str]:
    """Files whose gold, all of it together, is written in traditional characters (read once per
    version of the gold files: every relation's scoring asks)."""
    paths = [folder / f"{name}.jsonl" for name in GOLD_FILES]
    return _traditional_in(folder, tuple(p.stat().st_mtime_ns if p.exists() else 0 for p in paths))


@cache
def _traditional_in(folder: Path, versions: tuple[int, ...]) -> frozenset[str]:
    text: dict[str, list[str]] = defaultdict(list)
    for name in GOLD_FILES:
        for g in load_gold(folder, f"{name}.jsonl"):
            text[g.get("file", "")] += [v for v in g.values() if isinstance(v, str)]
    return frozenset(file for file, values in text.items() if is_traditional(" ".join(values)))


def _simplified(gold: dict) -> dict:
    return {
        key: to_simplified(value) if isinstance(value, str) and key != "file" else value
        for key, value in gold.items()
    }


def predicted_positions(corpus: Corpus) -> set[tuple[str, str, str, str]]:
    found = set()
    for m in corpus.memberships.values():
        if not m.held:
            continue  # a nomination is no post
        person, org = corpus.entities[m.person].label, corpus.entities[m.organization].label
        for evidence in m.evidence:
            found.add((Path(evidence.source).name, person, m.role, org))
    return found


def predicted_persons(corpus: Corpus) -> set[tuple[str, str]]:
    found = set()
    for article in corpus.articles:
        for key in article.mentions + article.authors + article.editors:
            entity = corpus.entities[key]
            if entity.type == "PERSON":
                found.add((Path(article.source).name, entity.label))
    return found


def _note_differences(kind: str, gold: set, predicted: set, errors: list[str] | None) -> None:
    if errors is not None:
        errors += [f"{kind} missed {item}" for item in sorted(gold - predicted, key=str)]
        errors += [f"{kind} spurious {item}" for item in sorted(predicted - gold, key=str)]


def _score(relation: str, gold: set, predicted: set) -> Score:
    return Score(relation, len(gold), len(predicted), len(gold & predicted))


def evaluate(corpus: Corpus, gold_dir: Path, errors: list[str] | None = None) -> list[Score]:
    gold_positions = {
        (g["file"], g["person"], g["title"], g["org"]) for g in _gold(corpus, gold_dir, "positions.jsonl")
    }
    gold_persons = {(g["file"], g["person"]) for g in _gold(corpus, gold_dir, "persons.jsonl")}
    files = {g[0] for g in gold_positions | gold_persons}
    positions = {p for p in predicted_positions(corpus) if p[0] in files}
    persons = {p for p in predicted_persons(corpus) if p[0] in files}
    _note_differences("person", gold_persons, persons, errors)
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
    scores += _change_scores(corpus, _gold(corpus, gold_dir, "changes.jsonl"), errors)
    return scores + evaluate_relations(corpus, gold_dir, errors)


def predicted_changes(corpus: Corpus) -> set[tuple[str, str, str, str, str, str | None]]:
    """(file, person, title, organisation, change, date) of every post change read."""
    found = set()
    for m in corpus.memberships.values():
        person, org = corpus.entities[m.person].label, corpus.entities[m.organization].label
        for change in m.changes:
            found.add((Path(change.evidence.source).name, person, m.role, org, change.change, change.date))
    return found


def _change_scores(corpus: Corpus, gold: list[dict], errors: list[str] | None) -> list[Score]:
    """Personnel decisions: the change (who, which post, appointed/removed/…), and with its date."""
    if not gold:
        return []
    wanted = {(g["file"], g["person"], g["title"], g["org"], g["change"], g["date"]) for g in gold}
    files = {g[0] for g in wanted}
    found = {c for c in predicted_changes(corpus) if c[0] in files}
    _note_differences("change", wanted, found, errors)
    return [
        _score("post-change", {c[:5] for c in wanted}, {c[:5] for c in found}),
        _score("post-change-date", wanted, found),
    ]


def same_name(a: str, b: str) -> bool:
    a, b = normalize(a), normalize(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    grams_a, grams_b = {a[i : i + 2] for i in range(len(a) - 1)}, {b[i : i + 2] for i in range(len(b) - 1)}
    return 2 * len(grams_a & grams_b) / (len(grams_a) + len(grams_b) or 1) >= 0.6


def same_place(a: str | None, b: str | None) -> bool:
    return (not a and not b) or bool(a and b and (a in b or b in a))


def _match(gold: list[str], predicted: list[str]) -> dict[int, int]:
    """Greedy one-to-one matching of predicted names to gold names: predicted index → gold index.
    Equal names pair first, so "摄影展开展仪式" pairs with the ceremony, not with "摄影展"."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for same in (lambda a, b: normalize(a) == normalize(b), same_name):
        for i, name in enumerate(predicted):
            if i in pairs:
                continue
            j = next((j for j, wanted in enumerate(gold) if j not in used and same(name, wanted)), None)
            if j is not None:
                pairs[i] = j
                used.add(j)
    return pairs


def _by_file(corpus: Corpus, kind: str) -> dict[str, list[str]]:
    """Entity keys of a type, per file whose articles mention them."""
    found: dict[str, list[str]] = defaultdict(list)
    for article in corpus.articles:
        for key in article.mentions:
            if corpus.entities[key].type == kind and key not in found[Path(article.source).name]:
                found[Path(article.source).name].append(key)
    return found


def _location(corpus: Corpus, key: str) -> str | None:
    places = [
        corpus.entities[f.object].label
        for f in corpus.facts.values()
        if f.subject == key and f.predicate == "location"
    ]
    return places[0] if places else None


def _owner(corpus: Corpus, key: str) -> str | None:
    owners = [
        corpus.entities[f.object].label
        for f in corpus.facts.values()
        if f.subject == key and f.predicate in ("owner", "contractor")
    ]
    return owners[0] if owners else None


def evaluate_relations(corpus: Corpus, gold_dir: Path, errors: list[str] | None = None) -> list[Score]:
    """Events (name; with date and place), participation, projects (name; with place and
    investment; owner) and organisation types. Each mismatch is described in `errors`
    when a list is given."""
    errors = [] if errors is None else errors
    scores: list[Score] = []
    gold_events = _gold(corpus, gold_dir, "events.jsonl")
    if gold_events:
        scores += _event_scores(corpus, gold_events, _gold(corpus, gold_dir, "participation.jsonl"), errors)
    gold_projects = _gold(corpus, gold_dir, "projects.jsonl")
    if gold_projects:
        scores += _project_scores(corpus, gold_projects, errors)
    gold_types = _gold(corpus, gold_dir, "org_types.jsonl")
    if gold_types:
        labels = {e.label: e.subtype for e in corpus.entities.values() if e.type == "ORG"}
        found = [g for g in gold_types if g["org"] in labels]
        right = [g for g in found if labels[g["org"]] == g["type"]]
        scores.append(Score("org-type (accuracy of found)", len(found), len(found), len(right)))
        scores.append(Score("org (found by name)", len(gold_types), len(labels), len(found)))
    return scores


@dataclass
class _Pair:
    file: str
    key: str  # the predicted entity
    label: str
    gold: dict  # the gold line it matched


def _pairs(corpus: Corpus, gold: list[dict], kind: str, errors: list[str]) -> tuple[int, list[_Pair]]:
    """Predicted events or projects matched by name to gold lines of the same file; the unmatched on
    either side described in `errors`. Returns the number predicted and the pairs."""
    field = kind.lower()
    predicted = _by_file(corpus, kind)
    pairs: list[_Pair] = []
    for file in {g["file"] for g in gold} | set(predicted):
        wanted = [g for g in gold if g["file"] == file]
        keys = predicted.get(file, [])
        labels = [corpus.entities[k].label for k in keys]
        matched = _match([g[field] for g in wanted], labels)
        _unmatched(errors, field, file, wanted, field, labels, matched)
        pairs += [_Pair(file, keys[i], labels[i], wanted[j]) for i, j in matched.items()]
    return sum(len(keys) for keys in predicted.values()), pairs


def _event_scores(
    corpus: Corpus, gold: list[dict], participation: list[dict], errors: list[str]
) -> list[Score]:
    predicted_count, pairs = _pairs(corpus, gold, "EVENT", errors)
    full = 0
    renamed = {(pair.file, pair.key): pair.gold["event"] for pair in pairs}  # → the gold's name
    for pair in pairs:
        details = corpus.events.get(pair.key)
        date, place = details.date if details else None, _location(corpus, pair.key)
        if date == pair.gold["date"] and same_place(place, pair.gold["place"]):
            full += 1
        else:
            errors.append(
                f"event {pair.file} {pair.label}: date {date} place {place}"
                f" (gold {pair.gold['date']} {pair.gold['place']})"
            )
    scores = [
        Score("event", len(gold), predicted_count, len(pairs)),
        Score("event-date-place", len(gold), predicted_count, full),
    ]
    if participation:
        found = set()
        for (person, event, role), evidence in corpus.participations.items():
            for item in evidence:
                file = Path(item.source).name
                name = renamed.get((file, event), corpus.entities[event].label)
                found.add((file, corpus.entities[person].label, name, role))
        # gold writes the verb as the page does; kg records its role (就坐 → 就座)
        wanted = {(g["file"], g["person"], g["event"], recorded_role(g["role"])) for g in participation}
        files = {g[0] for g in wanted}
        found = {f for f in found if f[0] in files}
        errors += [f"participation missed {m}" for m in sorted(wanted - found)]
        errors += [f"participation spurious {s}" for s in sorted(found - wanted)]
        scores.append(_score("participation", wanted, found))
    return scores


def _project_scores(corpus: Corpus, gold: list[dict], errors: list[str]) -> list[Score]:
    predicted_count, pairs = _pairs(corpus, gold, "PROJECT", errors)
    placed = owned = priced = 0
    for pair in pairs:
        details = corpus.projects.get(pair.key)
        money, expected = details.investment if details else None, pair.gold["investment_yuan"]
        same_money = money == expected or (money and expected and abs(money - expected) <= 0.01 * expected)
        priced += bool(expected and same_money)
        place, owner = _location(corpus, pair.key), _owner(corpus, pair.key)
        if same_money and same_place(place, pair.gold["place"]):
            placed += 1
        else:
            errors.append(
                f"project {pair.file} {pair.label}: place {place} investment {money}"
                f" (gold {pair.gold['place']} {expected})"
            )
        if same_place(owner, pair.gold["owner"]):
            owned += 1
        else:
            errors.append(f"project-owner {pair.file} {pair.label}: {owner} (gold {pair.gold['owner']})")
    return [
        Score("project", len(gold), predicted_count, len(pairs)),
        Score("project-place-investment", len(gold), predicted_count, placed),
        # the relation issue's bar: of the projects whose text states an investment, how many kg
        # finds with that amount (recall); precision over the found projects kg gives an amount
        Score("project-investment", sum(bool(g["investment_yuan"]) for g in gold), _priced(corpus), priced),
        Score("project-owner", len(gold), predicted_count, owned),
    ]


def _priced(corpus: Corpus) -> int:
    return sum(bool(details.investment) for details in corpus.projects.values())


def _unmatched(
    errors: list[str], kind: str, file: str, wanted: list[dict], field: str, labels: list[str], pairs: dict
) -> None:
    matched = set(pairs.values())
    errors += [f"{kind} missed {file} {g[field]}" for j, g in enumerate(wanted) if j not in matched]
    errors += [f"{kind} spurious {file} {label}" for i, label in enumerate(labels) if i not in pairs]


def differences(corpus: Corpus, gold_dir: Path) -> tuple[list[tuple], list[tuple]]:
    """(missed gold positions, spurious predicted positions)."""
    gold = {
        (g["file"], g["person"], g["title"], g["org"]) for g in _gold(corpus, gold_dir, "positions.jsonl")
    }
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
