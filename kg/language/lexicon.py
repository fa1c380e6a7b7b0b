"""Lexicons and patterns from kg/data: read once, shared by every stage."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


def data_text(name: str) -> str:
    return (resources.files("kg") / "data" / name).read_text(encoding="utf-8")


def numbered_lines(text: str) -> list[tuple[int, str]]:
    """The entries of a data file: (line number, the line stripped), leaving out blanks and # comments."""
    lines = ((number, line.strip()) for number, line in enumerate(text.splitlines(), start=1))
    return [(number, line) for number, line in lines if line and not line.startswith("#")]


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for _, line in numbered_lines(data_text(name))]


@cache
def patterns(name: str) -> dict[str, re.Pattern[str]]:
    """The named regular expressions of a pattern file, rows of id, pattern and example
    (kg/data/event_patterns.tsv), their placeholders filled (`expanded`); `kg lexicon check` runs every
    example."""
    return {row[0]: re.compile(expanded(name, row[1])) for row in _rows(name)}


_PLACEHOLDER = re.compile(r"\{(words|pattern):([\w.]+)\}")


def expanded(name: str, pattern: str) -> str:
    """A pattern of the file `name` with its placeholders filled: {words:FILE} is the alternation of a
    word list of kg/data (longest first), {pattern:ID} the text of another pattern of the same file."""

    def fill(placeholder: re.Match[str]) -> str:
        kind, key = placeholder.groups()
        if kind == "words":
            return alternation(word_list(key))
        return expanded(name, _pattern_texts(name)[key])

    return _PLACEHOLDER.sub(fill, pattern)


@cache
def _pattern_texts(name: str) -> dict[str, str]:
    return {row[0]: row[1] for row in _rows(name)}


@cache
def word_list(name: str) -> tuple[str, ...]:
    """One entry per line; longest first so alternations prefer the longest match."""
    return tuple(sorted({row[0] for row in _rows(name)}, key=len, reverse=True))


@cache
def table(name: str) -> dict[str, tuple[str, ...]]:
    """Tab-separated rows keyed by their first column."""
    return {row[0]: tuple(row[1:]) for row in _rows(name)}


@cache
def role_classes() -> dict[str, str]:
    """Each participation role (主持, 调研, 会见 …) → its class (presided, visited, met …), from
    participation_roles.tsv."""
    return {role: cls for role, cls in table("participation_roles.tsv").values()}


def recorded_role(written: str) -> str:
    """The role kg records for a verb as written (就坐 → 就座, 主持召开 → 主持); a verb the lexicon does
    not know is its own role."""
    row = table("participation_roles.tsv").get(written)
    return row[0] if row else written


@cache
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


@cache
def title_aliases() -> dict[str, tuple[str, ...]]:
    """Titles written as two at once (主席团常务(执行)主席) → the titles they stand for."""
    return {written: tuple(titles[0].split()) for written, titles in table("title_aliases.tsv").items()}


@cache
def title_pattern() -> re.Pattern[str]:
    """A title at the end of a string."""
    return re.compile(_title_regex() + "$")


@cache
def titles_anywhere() -> re.Pattern[str]:
    return re.compile(_title_regex())


@cache
def surnames() -> frozenset[str]:
    return frozenset(word_list("surnames.txt"))


@cache
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
