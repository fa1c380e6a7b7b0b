"""A rule-only engine: words and their tags given by hand, no model. Rule tests run on it in
milliseconds and say exactly what the rules see: `RuleEngine({"张三": "PERSON", "市委": "ORG"})`.

Tags are kg's: an entity type (PERSON, ORG, PLACE, DATE) or a POS tag of kg.language.engines.POS_TAGS (NOUN,
VERB …). Text is cut at the longest word given; of the rest, runs of digits are NUM, punctuation PUNCT,
and every other character a token of its own tagged OTHER. `--engine rules:FILE` reads the words from a
file of `WORD<TAB>TAG` lines.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path

from kg.language.engines import ENTITY_TAGS, POS_TAGS, EngineError, Token


class RuleEngine:
    name = "rules"

    def __init__(self, words: Mapping[str, str] | None = None) -> None:
        self.words = dict(words or {})
        unknown = sorted({t for t in self.words.values() if t not in ENTITY_TAGS and t not in POS_TAGS})
        if unknown:
            raise EngineError(
                f"rules: unknown tags {', '.join(unknown)}; kg's tags are {', '.join(POS_TAGS)} and "
                f"{', '.join(sorted(ENTITY_TAGS))}"
            )
        self._longest = max((len(w) for w in self.words), default=0)

    @classmethod
    def from_spec(cls, argument: str | None) -> RuleEngine:
        if not argument:
            return cls()
        path = Path(argument)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise EngineError(f"rules:{argument}: cannot read the word list ({error.strerror})") from None
        words = {}
        for number, line in enumerate(lines, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            word, sep, tag = line.partition("\t")
            if not sep or not word or not tag.strip():
                raise EngineError(f"rules:{argument}:{number}: expected WORD<TAB>TAG")
            words[word] = tag.strip()
        return cls(words)

    def analyse(self, sentences: Sequence[str]) -> list[list[Token]]:
        return [self._tokens(sentence) for sentence in sentences]

    def _tokens(self, text: str) -> list[Token]:
        tokens, i = [], 0
        while i < len(text):
            word = self._word_at(text, i)
            if word:
                tokens.append(Token(word, i, i + len(word), self.words[word]))
            else:
                end = i + 1
                while text[i].isdigit() and end < len(text) and text[end].isdigit():
                    end += 1
                word = text[i:end]
                tokens.append(Token(word, i, end, _tag(word)))
            i += len(word)
        return tokens

    def _word_at(self, text: str, i: int) -> str | None:
        for length in range(min(self._longest, len(text) - i), 0, -1):
            if text[i : i + length] in self.words:
                return text[i : i + length]
        return None


def _tag(word: str) -> str:
    if word.isdigit():
        return "NUM"
    if unicodedata.category(word[0]).startswith(("P", "Z", "S")):
        return "PUNCT"
    return "OTHER"
