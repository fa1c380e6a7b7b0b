"""Characters a page writes otherwise than kg's model and lexicons read them.

Two kinds: look-alikes of a character (巿 for 市, a Kangxi radical or a compatibility ideograph for
its unified ideograph), and pages written in traditional characters, which kg reads in simplified
characters (OpenCC's t2s tables). Each is replaced one character for one, so a position in the text
kg reads is the same position in the page: offsets, and the mentions `kg extract` quotes, stay the
page's own.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from opencc import OpenCC

from kg.language.lexicon import lexicon_cache, table
from kg.model import Document

# Share of a page's Chinese characters that t2s changes. On the 350 real pages of tests/real a page in
# simplified characters changes at most 0.3 % of them (乾 in a name → 干), one in traditional characters
# at least 29 %.
TRADITIONAL_SHARE = 0.1
# Code points whose compatibility form (NFKC) is the ideograph they stand for.
_RADICALS_AND_COMPATIBILITY = ((0x2E80, 0x2FDF), (0xF900, 0xFAFF))


@cache
def _t2s() -> OpenCC:
    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    """`text` in simplified characters, one character for one (a phrase that converted to a
    different length falls back to converting character by character)."""
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(_one_simplified(ch) for ch in text)


@cache
def _one_simplified(ch: str) -> str:
    converted = _t2s().convert(ch)
    return converted if len(converted) == 1 else ch


def _han(text: str) -> str:
    return "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")


def is_traditional(text: str) -> bool:
    """Is `text` written in traditional characters?"""
    han = _han(text)
    changed = sum(_one_simplified(ch) != ch for ch in han)  # character by character: cached, fast
    return bool(han) and changed >= TRADITIONAL_SHARE * len(han)


@lexicon_cache
def _lookalikes() -> dict[int, str]:
    """A translation table: each look-alike's code point → the character it stands for."""
    found: dict[int, str] = {}
    for low, high in _RADICALS_AND_COMPATIBILITY:
        for code in range(low, high + 1):
            compatible = unicodedata.normalize("NFKC", chr(code))
            if len(compatible) == 1 and compatible != chr(code):
                found[code] = compatible
    found.update({ord(ch): replacement for ch, (replacement,) in table("lookalikes.tsv").items()})
    return found


def replace_lookalikes(text: str) -> str:
    return text.translate(_lookalikes())


def readable(text: str) -> tuple[str, bool]:
    """The text kg reads for a page's text, and whether the page is in traditional characters."""
    text = replace_lookalikes(text)
    if is_traditional(text):
        return to_simplified(text), True
    return text, False


def as_read(doc: Document) -> str:
    """A document's page in the characters kg reads, converted once however many stages ask."""
    if doc.read is None:
        doc.read, doc.traditional = readable(doc.original)
    return doc.read
