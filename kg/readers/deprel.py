"""Relations read from a dependency parse, where the engine gives one (HanLP's multi-task model).

Surface patterns read "X到Y调研"; a parse also reads "X先后来到A公司、B公司" or "A与B签署协议" whatever
stands between the words: the subject of a verb of kg/data/dependency_verbs.tsv, and each of its objects
(direct, through a preposition, or joined to another object by a conjunction), make a relation.
"""

from __future__ import annotations

from kg.language.engines import Token
from kg.language.lexicon import lexicon_cache, table
from kg.model import Article, Relation, Sentence

SUBJECT = {"nsubj", "top", "xsubj", "SBV"}
OBJECT = {"dobj", "VOB", "range", "attr"}
THROUGH_PREPOSITION = {"pobj", "POB"}
CONJUNCT = {"conj", "COO"}
NAMED = {"PERSON", "ORG", "PLACE"}


@lexicon_cache
def _verbs() -> dict[str, str]:
    return {verb: row[0] for verb, row in table("dependency_verbs.tsv").items()}


def has_parse(sentence: Sentence) -> bool:
    return any(token.head >= 0 for token in sentence.tokens)


def read_article(article: Article) -> None:
    for sentence in article.sentences:
        if has_parse(sentence):
            article.relations += relations_in(sentence)


def relations_in(sentence: Sentence) -> list[Relation]:
    tokens: list[Token] = sentence.tokens
    found = []
    for i, verb in enumerate(tokens):
        predicate = _verbs().get(verb.text)
        if predicate is None:
            continue
        subjects = [t for t in _dependents(tokens, i, SUBJECT) if t.tag in NAMED]
        for subject in subjects:
            for obj in _objects(tokens, i):
                if obj.tag in NAMED and obj is not subject:
                    found.append(Relation(subject.text, subject.tag, predicate, obj.text, obj.tag, sentence))
    return found


def _dependents(tokens: list[Token], head: int, relations: set[str]) -> list[Token]:
    return [t for t in tokens if t.head == head and t.deprel in relations]


def _objects(tokens: list[Token], verb: int) -> list[Token]:
    """Direct objects, objects of a preposition that depends on the verb, and their conjuncts."""
    direct = _dependents(tokens, verb, OBJECT)
    for k, token in enumerate(tokens):
        if token.head == verb and token.deprel in ("prep", "ADV", "CMP"):
            direct += _dependents(tokens, k, THROUGH_PREPOSITION | OBJECT)
    found = list(direct)
    for obj in found:  # grows while it is read: conjuncts of conjuncts ("A、B、C")
        found += [t for t in _dependents(tokens, tokens.index(obj), CONJUNCT) if t not in found]
    return found
