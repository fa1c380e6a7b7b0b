"""NER engines behind one small interface, looked up by name like rdflib plugins.

An engine turns sentences into tokens: (text, start, end, tag), where tag is a kg entity type
(PERSON, ORG, PLACE, DATE) for named entities and a kg part-of-speech tag otherwise (NOUN, VERB,
PREP …: kg/data/pos_tags.tsv maps each engine's tag set to them). Offsets count characters of the
sentence. Rules read only these tags, whichever engine ran.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, get_args

from kg.language.lexicon import lexicon_cache, table

EntityType = Literal["PERSON", "ORG", "PLACE", "DATE"]
PosTag = Literal[
    "NOUN", "PROPER", "WORK", "VERB", "ADVERBIAL_VERB", "VERBAL_NOUN", "ADJ", "ADVERBIAL_ADJ", "NOMINAL_ADJ",
    "ADV", "PREP", "CONJ", "PART", "NUM", "MEASURE", "PRON", "LOCALITY", "PLACE_WORD", "TIME_WORD", "PUNCT",
    "OTHER",
]  # fmt: skip
ENTITY_TAGS: frozenset[str] = frozenset(get_args(EntityType))
POS_TAGS: tuple[str, ...] = get_args(PosTag)
TAG_SETS = ("lac", "pku", "ctb", "863")  # the columns of kg/data/pos_tags.tsv


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    tag: str  # an EntityType or a PosTag
    head: int = -1  # index of the head token in the sentence, where the engine parses dependencies
    deprel: str = ""  # the dependency relation to the head (nsubj, dobj, pobj, …)


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
    `kg.language.engines` (name = a callable taking the argument or None)."""
    name, _, argument = spec.partition(":")
    if name not in _REGISTRY:
        _register_entry_points()
    if name not in _REGISTRY:
        raise EngineError(f"unknown engine {name!r}; available: {', '.join(sorted(_REGISTRY))}")
    return _REGISTRY[name](argument or None)


@lexicon_cache
def pos_map(tag_set: str) -> dict[str, str]:
    """An engine's POS tags (one of TAG_SETS) → kg's, from kg/data/pos_tags.tsv."""
    column = TAG_SETS.index(tag_set)
    return {tag: kg for kg, row in table("pos_tags.tsv").items() for tag in row[column].split() if tag != "-"}


def kg_tag(tag: str, tag_set: str) -> str:
    """The kg tag of an engine's POS tag (an entity type stays; a tag the table does not know is OTHER)."""
    if tag in ENTITY_TAGS or tag in POS_TAGS:
        return tag
    return pos_map(tag_set).get(tag, "OTHER")


def tokens_from_words(
    words: Sequence[tuple[str, str]], entity_map: dict[str, str], tag_set: str = "lac"
) -> list[Token]:
    """Tokens with offsets from an engine's (word, tag) list: entity tags become kg types, the others
    kg POS tags."""
    tokens, pos = [], 0
    for word, tag in words:
        tokens.append(Token(word, pos, pos + len(word), entity_map.get(tag) or kg_tag(tag, tag_set)))
        pos += len(word)
    return tokens


def _register_builtin() -> None:
    from kg.language.engines import hanlp, lac, rules

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
