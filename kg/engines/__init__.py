"""NER engines behind one small interface, looked up by name like rdflib plugins.

An engine turns sentences into tokens: (text, start, end, tag), where tag is a
kg type (PERSON, ORG, PLACE, DATE) for named entities or the engine's own
part-of-speech tag otherwise. Offsets count characters of the sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    tag: str
    head: int = -1  # index of the head token in the sentence, where the engine parses dependencies
    deprel: str = ""  # the dependency relation to the head (nsubj, dobj, pobj, …)


ENTITY_TAGS = {"PERSON", "ORG", "PLACE", "DATE"}


class EngineError(ValueError):
    """An engine that cannot be used: unknown name, missing model. The message says what to do."""


class Engine(Protocol):
    name: str

    def analyse(self, sentences: Sequence[str]) -> list[list[Token]]:
        """Tokens of each sentence, in one batched call where the engine allows."""
        ...


_REGISTRY: dict[str, Callable[[str | None], Engine]] = {}


def register(name: str, factory: Callable[[str | None], Engine]) -> None:
    _REGISTRY[name] = factory


def load_engine(spec: str = "lac") -> Engine:
    """`lac`, `hanlp`, `auto`, `rules`, or `NAME:ARGUMENT` for engines that take one (`hanlp:DIR`: a
    model folder; `rules:FILE`: a word list). Other packages add engines by the entry-point group
    `kg.engines` (name = a callable taking the argument or None)."""
    name, _, argument = spec.partition(":")
    if name not in _REGISTRY:
        _register_entry_points()
    if name not in _REGISTRY:
        raise EngineError(f"unknown engine {name!r}; available: {', '.join(sorted(_REGISTRY))}")
    return _REGISTRY[name](argument or None)


def tokens_from_words(words: Sequence[tuple[str, str]], tag_map: dict[str, str]) -> list[Token]:
    """Tokens with offsets from an engine's (word, tag) list, mapping entity tags to kg types."""
    tokens, pos = [], 0
    for word, tag in words:
        tokens.append(Token(word, pos, pos + len(word), tag_map.get(tag, tag)))
        pos += len(word)
    return tokens


def _register_builtin() -> None:
    from . import hanlp, lac, rules

    register("lac", lac.LacEngine)
    register("hanlp", hanlp.HanlpEngine)
    register("auto", hanlp.auto)
    register("rules", rules.RuleEngine.from_spec)


def _register_entry_points() -> None:
    from importlib.metadata import entry_points

    for entry in entry_points(group="kg.engines"):
        if entry.name not in _REGISTRY:
            register(entry.name, entry.load())


_register_builtin()
