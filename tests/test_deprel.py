"""Relations from a dependency parse, on tokens with hand-made arcs (as HanLP's multi-task model gives)."""

from __future__ import annotations

from kg.language.engines import Token
from kg.language.engines.hanlp import with_arcs
from kg.model import Sentence
from kg.readers.deprel import relations_in


def _sentence(words: list[tuple[str, str, int, str]]) -> Sentence:
    """(text, tag, head index or -1, relation) per token."""
    tokens, pos = [], 0
    for text, tag, head, rel in words:
        tokens.append(Token(text, pos, pos + len(text), tag, head, rel))
        pos += len(text)
    return Sentence(0, pos, "".join(w[0] for w in words), tokens=tokens)


def test_a_visit_to_several_companies() -> None:
    # 曾晓黎 先后 来到 山东瑞生药用辅料有限公司 、 澳润药业有限公司 。
    sentence = _sentence(
        [
            ("曾晓黎", "PERSON", 2, "nsubj"),
            ("先后", "d", 2, "advmod"),
            ("来到", "v", -1, "root"),
            ("山东瑞生药用辅料有限公司", "ORG", 2, "dobj"),
            ("、", "w", 5, "punct"),
            ("澳润药业有限公司", "ORG", 3, "conj"),
            ("。", "w", 2, "punct"),
        ]
    )
    found = {(r.subject, r.predicate, r.object) for r in relations_in(sentence)}
    assert found == {
        ("曾晓黎", "visited", "山东瑞生药用辅料有限公司"),
        ("曾晓黎", "visited", "澳润药业有限公司"),
    }


def test_signing_through_a_preposition() -> None:
    # 聊城市技师学院 与 聊城市科学技术局 签署 了 协议
    sentence = _sentence(
        [
            ("聊城市技师学院", "ORG", 3, "nsubj"),
            ("与", "p", 3, "prep"),
            ("聊城市科学技术局", "ORG", 1, "pobj"),
            ("签署", "v", -1, "root"),
            ("了", "u", 3, "asp"),
            ("协议", "n", 3, "dobj"),
        ]
    )
    found = {(r.subject, r.predicate, r.object) for r in relations_in(sentence)}
    assert found == {("聊城市技师学院", "signedWith", "聊城市科学技术局")}


def test_no_relation_without_a_named_subject() -> None:
    sentence = _sentence(
        [("企业", "n", 1, "nsubj"), ("来到", "v", -1, "root"), ("聊城市", "PLACE", 1, "dobj")]
    )
    assert relations_in(sentence) == []


def test_arcs_of_words_become_arcs_of_tokens() -> None:
    # words: 曾晓黎 | 到 | 东阿 | 县 | 调研 — the entity 东阿县 covers two words
    text = "曾晓黎到东阿县调研"
    spans = [(0, 3), (3, 4), (4, 6), (6, 7), (7, 9)]
    arcs = [(5, "nsubj"), (5, "prep"), (4, "nn"), (2, "pobj"), (0, "root")]  # heads 1-based, 0 = root
    tokens = [
        Token("曾晓黎", 0, 3, "PERSON"),
        Token("到", 3, 4, "p"),
        Token("东阿县", 4, 7, "PLACE"),
        Token("调研", 7, 9, "v"),
    ]
    parsed = with_arcs(tokens, spans, arcs)
    assert [(t.text, t.head, t.deprel) for t in parsed] == [
        ("曾晓黎", 3, "nsubj"),
        ("到", 3, "prep"),
        ("东阿县", 1, "pobj"),  # the word 县 heads the entity; its head is 到
        ("调研", -1, "root"),
    ]
    found = {
        (r.subject, r.predicate, r.object) for r in relations_in(Sentence(0, len(text), text, tokens=parsed))
    }
    assert found == {("曾晓黎", "visited", "东阿县")}
