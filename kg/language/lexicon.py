"""Lexicons and patterns from kg/data, with the lines of a user's own lexicons after kg's: read once per
set of lexicons, shared by every stage.

A run reads kg's own files and, after each, the file of the same name in each folder of its `Lexicons`
(`kg build --lexicons DIR`): a user adds titles, bodies, event heads or roles of their papers without
editing kg. The pipeline makes its context's lexicons the active ones for the run (`using`); every
loader's cache is kept per set of lexicons (`lexicon_cache`), so two runs with different lexicons never
share a table.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import wraps
from importlib import resources
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from kg.language import money

P = ParamSpec("P")
R = TypeVar("R")


class LexiconError(ValueError):
    """A user's folder of lexicons that kg cannot use: the message names the file and the problem."""


@dataclass(frozen=True)
class Lexicons:
    """The data files a run reads: kg's own, then the file of the same name in each of `folders`."""

    folders: tuple[str, ...] = ()

    def user_files(self, name: str) -> list[Path]:
        return [path for path in (Path(folder) / name for folder in self.folders) if path.is_file()]


BUILT_IN = Lexicons()
_ACTIVE: ContextVar[Lexicons] = ContextVar("lexicons", default=BUILT_IN)


def active() -> Lexicons:
    return _ACTIVE.get()


@contextmanager
def using(lexicons: Lexicons) -> Iterator[Lexicons]:
    """Make `lexicons` the ones the loaders read while the block runs."""
    token = _ACTIVE.set(lexicons)
    try:
        yield lexicons
    finally:
        _ACTIVE.reset(token)


def lexicon_cache(function: Callable[P, R]) -> Callable[P, R]:
    """functools.cache kept per set of lexicons: what a loader derived from one set is never served
    to a run with another (a worker's copy of the run's lexicons is equal to it, and shares its tables)."""
    stores: dict[Lexicons, dict[object, R]] = {}
    last: tuple[Lexicons | None, dict[object, R]] = (None, {})  # the loaders run hot: one lookup

    @wraps(function)
    def cached(*args: P.args, **kwargs: P.kwargs) -> R:
        nonlocal last
        lexicons = _ACTIVE.get()
        if last[0] is not lexicons:
            last = (lexicons, stores.setdefault(lexicons, {}))
        store = last[1]
        key = (args, tuple(kwargs.items())) if kwargs else args
        try:
            return store[key]
        except KeyError:
            store[key] = found = function(*args, **kwargs)
            return found

    return cached


class LexiconPattern:
    """A named pattern of a pattern file, compiled for the active lexicons when it is used: a module keeps
    one as a constant, and a user's words for its placeholders still reach it."""

    __slots__ = ("file", "id", "_last")

    def __init__(self, file: str, id: str) -> None:
        self.file, self.id = file, id
        self._last: tuple[Lexicons | None, re.Pattern[str] | None] = (None, None)
        if id not in _pattern_texts(file):  # an unknown id fails where the module names it
            raise LexiconError(f"kg/data/{file}: no pattern {id!r}")
        # compiled when first used, so that a pattern that does not compile is reported by `kg lexicon
        # check` (and before a build reads any input) with its file and line, not at import

    def compiled(self) -> re.Pattern[str]:
        lexicons, pattern = self._last
        if pattern is None or lexicons is not _ACTIVE.get():  # compiled for the run's lexicons once
            lexicons, pattern = _ACTIVE.get(), patterns(self.file)[self.id]
            self._last = (lexicons, pattern)
        return pattern

    @property
    def pattern(self) -> str:
        """The pattern's text, placeholders filled (not compiled: a module may build on it at import)."""
        return expanded(self.file, _pattern_texts(self.file)[self.id])

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled().findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled().sub(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled().split(string, maxsplit)


def package_text(name: str) -> str:
    """kg's own data file (kg/data/NAME)."""
    return (resources.files("kg") / "data" / name).read_text(encoding="utf-8")


def entries(name: str, own: Callable[[str], str] = package_text) -> list[tuple[str, str]]:
    """(where, line) of each entry of kg's data file ("kg/data/titles.txt:3"), then of the active user
    folders' files of that name ("DIR/titles.txt:1"); `own` reads kg's file."""
    texts = [(f"kg/data/{name}", own(name))]
    texts += [(str(path), path.read_text(encoding="utf-8")) for path in active().user_files(name)]
    return [(f"{label}:{number}", line) for label, text in texts for number, line in numbered_lines(text)]


def numbered_lines(text: str) -> list[tuple[int, str]]:
    """The entries of a data file: (line number, the line stripped), leaving out blanks and # comments."""
    lines = ((number, line.strip()) for number, line in enumerate(text.splitlines(), start=1))
    return [(number, line) for number, line in lines if line and not line.startswith("#")]


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for _, line in entries(name)]


@lexicon_cache
def patterns(name: str) -> dict[str, re.Pattern[str]]:
    """The named regular expressions of a pattern file, rows of id, pattern and example
    (kg/data/event_patterns.tsv), their placeholders filled (`expanded`); `kg lexicon check` runs every
    example."""
    compiled = {}
    for where, line in entries(name):
        id, text = line.split("\t")[:2]
        try:
            compiled[id] = re.compile(expanded(name, text))
        except re.error as error:
            raise LexiconError(f"{where}: {id}: {error}") from None
    return compiled


PATTERN_FILES = ("date_patterns.tsv", "event_patterns.tsv", "name_patterns.tsv", "project_patterns.tsv")


def compile_patterns() -> None:
    """Compile every pattern file for the active lexicons; LexiconError names a pattern that does not
    compile, by its file and line."""
    for name in PATTERN_FILES:
        patterns(name)


_PLACEHOLDER = re.compile(r"\{(words|pattern|money):([\w.]+)(?: but not (\w+))?\}")
# the parts of the one grammar of money (kg.language.money), for patterns that read an amount
_MONEY_PARTS = {"number": money.NUMBER, "unit": money.UNIT}


def expanded(name: str, pattern: str) -> str:
    """A pattern of the file `name` with its placeholders filled: {words:FILE} is the alternation of a
    word list of kg/data (longest first), {words:FILE but not CLASS} the same without the words whose
    participation role is of that class (met …), {pattern:ID} the text of another pattern of the file,
    {money:number} and {money:unit} an amount's number and unit (groups amount and mult)."""

    def fill(placeholder: re.Match[str]) -> str:
        kind, key, unless = placeholder.groups()
        if kind == "pattern":
            return expanded(name, _pattern_texts(name)[key])
        if kind == "money":
            return _MONEY_PARTS[key]
        roles = table("participation_roles.tsv")
        return alternation(
            tuple(w for w in word_list(key) if not unless or w not in roles or roles[w][1] != unless)
        )

    return _PLACEHOLDER.sub(fill, pattern)


@lexicon_cache
def _pattern_texts(name: str) -> dict[str, str]:
    return {row[0]: row[1] for row in _rows(name)}


@lexicon_cache
def word_list(name: str) -> tuple[str, ...]:
    """One entry per line; longest first so alternations prefer the longest match."""
    return tuple(sorted({row[0] for row in _rows(name)}, key=len, reverse=True))


@lexicon_cache
def table(name: str) -> dict[str, tuple[str, ...]]:
    """Tab-separated rows keyed by their first column."""
    return {row[0]: tuple(row[1:]) for row in _rows(name)}


@lexicon_cache
def role_classes() -> dict[str, str]:
    """Each participation role (主持, 调研, 会见 …) → its class (presided, visited, met …), from
    participation_roles.tsv."""
    return {role: cls for role, cls in table("participation_roles.tsv").values()}


def recorded_role(written: str) -> str:
    """The role kg records for a verb as written (就坐 → 就座, 主持召开 → 主持); a verb the lexicon does
    not know is its own role."""
    row = table("participation_roles.tsv").get(written)
    return row[0] if row else written


@lexicon_cache
def person_verbs() -> tuple[str, ...]:
    """Verbs whose subject is a person: person_verbs.txt and the participation roles."""
    return word_list("person_verbs.txt") + tuple(table("participation_roles.tsv"))


def alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words)


def _title_regex() -> str:
    """Qualifiers then a base title: 常务副市长, 二级巡视员, 执行董事."""
    qualifiers = alternation(word_list("title_qualifiers.txt"))
    written = tuple(sorted({*word_list("titles.txt"), *title_aliases()}, key=len, reverse=True))
    return f"(?:{qualifiers})*(?:{alternation(written)})"


@lexicon_cache
def title_aliases() -> dict[str, tuple[str, ...]]:
    """Titles written as two at once (主席团常务(执行)主席) → the titles they stand for."""
    return {written: tuple(titles[0].split()) for written, titles in table("title_aliases.tsv").items()}


@lexicon_cache
def title_pattern() -> re.Pattern[str]:
    """A title at the end of a string."""
    return re.compile(_title_regex() + "$")


@lexicon_cache
def titles_anywhere() -> re.Pattern[str]:
    return re.compile(_title_regex())


@lexicon_cache
def surnames() -> frozenset[str]:
    return frozenset(word_list("surnames.txt"))


@lexicon_cache
def org_types() -> list[tuple[str, str]]:
    """(suffix, or ^prefix, subtype) in the file's order: the first that fits wins."""
    return [(key, values[0]) for key, values in table("org_types.tsv").items()]


def org_subtype(name: str) -> str:
    """One of: government, party, congress, cppcc, court, procuratorate, company,
    university, association, media, other."""
    for key, subtype in org_types():
        if name.startswith(key[1:]) if key.startswith("^") else name.endswith(key):
            return subtype
    return "other"
