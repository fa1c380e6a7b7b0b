"""Posts stated in the genre's other forms: personnel decisions, name-then-title listings, brackets.

Each form is a row of kg/data/post_forms.tsv: a *lead* ("决定任命", "免去", "发布人：") and a *unit*
written with two placeholders, {P} for a person or a list of persons (or {TP}, persons each named after
their own title chain) and {T} for a title chain,
repeated after the lead ("任命A为X、B为Y"). The forms match over the sentence with every person
masked by placeholder characters of the same length, so a pattern never has to know what a name
looks like and offsets stay those of the sentence. The title chain is then read by the same
reader as "title + name" chains, which resolves its organisations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.language.lexicon import entries, lexicon_cache

CHANGES = ("appointed", "elected", "nominated", "acting", "removed", "resigned", "transferred")
_HEAD, _REST = "\ue000", "\ue001"  # a masked person: first character, then the others
_PERSON = f"{_HEAD}{_REST}*(?:[(（][男女][)）])?(?:同志)?"  # "戴某(女)"
# "A、B和C", "A、B等18人"
_COUNTED = "(?:等?[\\d两一二三四五六七八九十百]+(?:人|名同志|位同志)|等)?"  # 等47人, 四位同志
_PERSONS = f"(?P<p>{_PERSON}(?:(?:[、，,]|和|及|与){_PERSON})*){_COUNTED}"
# greedy over 、 (one chain: "副市长、代理市长"), but never into the next person ("X为A、B为Y")
_WORDS = f'[^，。；：！？、,;:!?\\s{_HEAD}{_REST}（）()“”"]+'
_CHAIN = f"{_WORDS}(?:、{_WORDS})*"
_TITLES = f"(?P<t>{_CHAIN})(?<!的)"
# persons each named after their own title chain, or none: "区长A，区人大常委会主任B，副主任C、D"
_TITLED_PERSONS = f"(?P<p>(?:{_CHAIN})?{_PERSON}(?:[、，,](?:{_CHAIN})?{_PERSON})*)"
_BETWEEN_UNITS = re.compile(r"(?:[、，,；;]|和|及)\s*")  # "主席A和副主席B"
_MASKED_PERSON = re.compile(f"{_HEAD}{_REST}*")


class FormError(ValueError):
    """A row of post_forms.tsv that cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Form:
    id: str
    change: str | None  # one of CHANGES, or None when the form only states the post
    former: bool
    lead: re.Pattern[str] | None
    unit: re.Pattern[str]
    example: str


@dataclass(frozen=True)
class FormMatch:
    """One person list and the title chain stated for it, as spans of the sentence."""

    form: Form
    persons: tuple[int, int]
    titles: tuple[int, int]


def _compile_unit(text: str) -> str:
    if text.count("{P}") + text.count("{TP}") != 1 or text.count("{T}") != 1:
        raise ValueError("a unit needs exactly one {P} (or {TP}) and one {T}")
    return text.replace("{TP}", _TITLED_PERSONS).replace("{P}", _PERSONS).replace("{T}", _TITLES)


def _form(where: str, row: list[str]) -> Form:
    if len(row) != 5:
        raise FormError(f"{where}: expected 5 tab-separated columns (id, change, lead, unit, example)")
    form_id, change, lead, unit, example = row
    if change not in (*CHANGES, "-", "former"):
        raise FormError(f"{where}: unknown change {change!r}; one of {', '.join(CHANGES)}, -, former")
    try:
        return Form(
            form_id,
            change if change in CHANGES else None,
            change in ("former", "removed", "resigned"),
            re.compile(lead) if lead else None,
            re.compile(_compile_unit(unit)),
            example,
        )
    except (re.error, ValueError) as error:
        raise FormError(f"{where} ({form_id}): {error}") from error


@lexicon_cache
def forms() -> tuple[Form, ...]:
    """The forms of kg/data/post_forms.tsv, validated."""
    rows = []
    for where, line in entries("post_forms.tsv"):
        rows.append(_form(where, line.split("\t")))
    ids = [f.id for f in rows]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise FormError(f"kg/data/post_forms.tsv: forms named twice: {', '.join(duplicates)}")
    return tuple(rows)


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each person span replaced by placeholders of the same length."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = [_HEAD] + [_REST] * (end - start - 1)
    return "".join(chars)


def person_spans(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """The persons masked in masked[start:end]."""
    return [m.span() for m in _MASKED_PERSON.finditer(masked, start, end)]


def find(masked: str, continued: Form | None = None) -> list[FormMatch]:
    """Every unit of every form in a masked sentence. `continued` is the form whose units the
    sentence before ended with at a semicolon: its units go on at this sentence's start ("选举A为
    主任；B为区长，C、D为副区长")."""
    found: list[FormMatch] = []
    if continued is not None:
        found += _units(continued, masked, len(masked) - len(masked.lstrip()))
    for form in forms():
        if form.lead is None:
            found += [_unit_match(form, m) for m in form.unit.finditer(masked)]
            continue
        for lead in form.lead.finditer(masked):
            found += _units(form, masked, lead.end())
    return found


def _units(form: Form, masked: str, position: int) -> list[FormMatch]:
    """The units of a form from `position` on, one after another."""
    found = []
    while (unit := form.unit.match(masked, position)) is not None:
        found.append(_unit_match(form, unit))
        between = _BETWEEN_UNITS.match(masked, unit.end())
        if between is None:
            break
        position = between.end()
    return found


def continuing(masked: str, matches: list[FormMatch]) -> Form | None:
    """The form of a decision whose units run to the semicolon that ends the sentence, and may go on
    in the next."""
    end = len(masked.rstrip())
    if not masked[:end].endswith(("；", ";")):
        return None
    last = max(matches, key=lambda m: m.titles[1], default=None)
    if last is None or last.form.change is None or last.form.lead is None:
        return None
    rest = masked[last.titles[1] : end - 1]  # "…检察长(须报经…批准任命);": a note may close it
    return last.form if not rest or _NOTE.fullmatch(rest) else None


_NOTE = re.compile(r"[(（][^()（）]*[)）]")


def _unit_match(form: Form, match: re.Match[str]) -> FormMatch:
    return FormMatch(form, match.span("p"), match.span("t"))
