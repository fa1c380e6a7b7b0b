"""Bytes → text in the encodings Chinese news files come in: UTF-8 (with or without a byte-order mark),
UTF-16 and UTF-32 (with a byte-order mark, or UTF-16 without one), GB18030 (which covers GBK and GB2312)
and Big5 (with the Hong Kong characters).

A byte-order mark decides; otherwise UTF-8 is tried first, because GB18030 accepts many byte sequences
that are really UTF-8 and would turn them into nonsense, and valid UTF-8 that is not meant as UTF-8 is
vanishingly rare in Chinese text. Only when the bytes are valid in more than one of the legacy encodings
(Big5 text is nearly always valid GB18030, read as nonsense) does a statistical guess choose, by which
reading is made of common characters (the first levels of GB2312 and Big5).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import cache

from kg.input.formats import FormatError

_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Characters no news text has more than a trace of: C0/C1 controls (tab, line breaks and form feed
# excepted), private-use characters, and U+FFFD left by an earlier bad decoding.
_UNREADABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")
UNREADABLE_SHARE = 0.05
LEGACY = ("gb18030", "big5hkscs")  # first: the likelier when nothing tells them apart
GUESS_SAMPLE = 64 * 1024  # bytes a guess reads (a cut character at its end costs nothing)
COMMON_CODES = {  # codes of punctuation and of the first level (the common characters) of each set
    "gb2312": ((0xA1A1, 0xA3FE), (0xB0A1, 0xD7FE)),
    "big5": ((0xA140, 0xA3BF), (0xA440, 0xC67E)),
}


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    note: str = ""


def decode(data: bytes) -> Decoded:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _with_bom(data, len(bom), codec)
    if b"\x00" in data:
        decoded = _utf16_without_bom(data)
        if decoded is None:
            raise FormatError("looks binary (contains NUL bytes), not text")
        return decoded
    try:
        return _strict(data, "utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _mixed_utf8(data)
    if mixed:
        raise FormatError(mixed)
    readings = _legacy_readings(data)
    if readings:
        return readings[_likeliest(data, list(readings))]
    try:
        data.decode("gb18030")
        where = ""
    except UnicodeDecodeError as error:
        where = f" (as GB18030, byte 0x{data[error.start]:02X} at offset {error.start} cannot be decoded)"
    raise FormatError(f"not text in UTF-8, UTF-16, GB18030 or Big5{where}")


def _legacy_readings(data: bytes) -> dict[str, Decoded]:
    """Each legacy encoding the bytes are valid and readable text in."""
    readings = {}
    codecs_to_try = LEGACY + (("utf-16-le", "utf-16-be") if len(data) % 2 == 0 else ())
    for codec in codecs_to_try:
        try:
            readings[codec] = _strict(data, codec)
        except (UnicodeDecodeError, FormatError):
            continue
    return readings


def _likeliest(data: bytes, codecs_valid: list[str]) -> str:
    """The reading whose characters are most often the common ones (ties: the first, GB18030)."""
    if len(codecs_valid) == 1:
        return codecs_valid[0]
    sample = data[:GUESS_SAMPLE]
    shares = {c: _common_share(sample.decode(c, errors="ignore")) for c in codecs_valid}
    return max(codecs_valid, key=lambda c: shares[c])


def _common_share(text: str) -> float:
    """The share of the non-ASCII characters that are common Chinese ones or punctuation: in the first
    level of GB2312 (simplified) or of Big5 (traditional). A wrong reading of Chinese bytes is made of
    rare characters, kana, Cyrillic and radicals."""
    wide = [ch for ch in text if not ch.isascii()]
    return sum(map(_is_common, wide)) / len(wide) if wide else 0.0


@cache
def _is_common(ch: str) -> bool:
    for codec, ranges in COMMON_CODES.items():
        try:
            code = int.from_bytes(ch.encode(codec), "big")
        except UnicodeEncodeError:
            continue
        if any(low <= code <= high for low, high in ranges):
            return True
    return False


def check_readable(text: str) -> None:
    """Refuse text that is mostly control or private-use characters: a binary file that happened to
    decode, or a PDF font without a Unicode map."""
    if "\x00" in text:
        raise FormatError("looks binary (contains NUL characters), not text")
    unreadable = sum(1 for _ in _UNREADABLE.finditer(text))
    if unreadable > UNREADABLE_SHARE * len(text):
        share = 100 * unreadable / len(text)
        raise FormatError(f"looks binary, not text: {share:.0f}% of its characters are control codes")


def _strict(data: bytes, codec: str, label: str | None = None) -> Decoded:
    """Decode, raising on any invalid byte, except that an incomplete character at the very end (a
    truncated file) is dropped and said so."""
    decoder = codecs.getincrementaldecoder(codec)()
    text = decoder.decode(data, final=False)
    pending = decoder.getstate()[0]
    note = ""
    if pending:
        note = f"truncated: it ends inside a {codec} character, whose {len(pending)} byte(s) were dropped"
    decoded = Decoded(text, label or codec, note)
    check_readable(decoded.text)
    return decoded


def _with_bom(data: bytes, bom: int, codec: str) -> Decoded:
    label = "utf-8-sig" if codec == "utf-8" else codec
    try:
        return _strict(data[bom:], codec, label)
    except UnicodeDecodeError as error:
        raise FormatError(
            f"starts with a {codec.upper()} byte-order mark but is not {codec.upper()} text"
            f" (offset {bom + error.start}: {error.reason})"
        ) from None


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text that holds some ASCII (digits, line breaks) has NUL bytes on one side only."""
    if len(data) % 2:
        return None  # without a byte-order mark, an odd length is not worth the guess
    sample = data[:8192]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 2 * even:
        codec = "utf-16-le"
    elif even > 2 * odd:
        codec = "utf-16-be"
    else:
        return None
    try:
        decoded = _strict(data, codec)
    except (UnicodeDecodeError, FormatError):
        return None
    return decoded if decoded.text and "\x00" not in decoded.text else None


def _mixed_utf8(data: bytes) -> str:
    """A reason when some lines are UTF-8 Chinese and others are not: a damaged file, or files in two
    encodings pasted together. GB18030 would decode such a file, turning the UTF-8 lines into nonsense.
    GB18030 text almost never has a line that is valid UTF-8 with two non-ASCII characters."""
    first_bad = None
    utf8_lines = 0
    offset = 0
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.isascii():
            try:
                utf8_lines += sum(not ch.isascii() for ch in line.decode("utf-8")) >= 2
            except UnicodeDecodeError as error:
                if first_bad is None:
                    first_bad = (number, offset + error.start, line[error.start])
        offset += len(line) + 1
    if first_bad is None or not utf8_lines:
        return ""
    number, at, byte = first_bad
    return (
        f"mixed encodings: line {number} is not UTF-8 (byte 0x{byte:02X} at offset {at}) but other lines"
        " are; a damaged file, or texts in two encodings pasted together: save it in one encoding"
    )
