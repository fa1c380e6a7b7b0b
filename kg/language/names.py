"""Names that denote the same thing within an article: "全国摄影展" and "“…”全国摄影展开展仪式"."""

from __future__ import annotations

import re
from typing import Protocol, TypeVar

_QUOTES_AND_SPACES = re.compile(r"[“”\"'‘’「」\s]")


def normalize(name: str) -> str:
    return _QUOTES_AND_SPACES.sub("", name or "")


class Named(Protocol):
    name: str


T = TypeVar("T", bound=Named)


def fill_from(keep: object, other: object, fields: tuple[str, ...]) -> None:
    """Two mentions of one thing: `keep` takes the other's value of each field it lacks. Fields joined
    by + go together ("investment+investment_approximate": an amount with its 约)."""
    for field in fields:
        first, *rest = field.split("+")
        if not getattr(keep, first):
            for name in (first, *rest):
                setattr(keep, name, getattr(other, name))


def merge_by_name(items: list[T], new: T, fill: tuple[str, ...]) -> T:
    """Add `new` to `items` unless a name there contains it or is contained in it; then the longer
    name is kept and its empty `fill` fields are taken from the other. Returns the item kept."""
    for i, old in enumerate(items):
        a, b = normalize(old.name), normalize(new.name)
        if a in b or b in a:
            keep, other = (new, old) if len(b) > len(a) else (old, new)
            fill_from(keep, other, fill)
            items[i] = keep
            return keep
    items.append(new)
    return new
