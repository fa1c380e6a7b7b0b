"""Plain data passed between pipeline stages.

Spans (`start`, `end`) count characters of the *cleaned* text of a document;
`Document.to_original` maps them back to the original file text.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Mention:
    """A typed span of text: a person, organisation, title, place, …"""

    start: int
    end: int
    text: str
    type: str  # PERSON, ORG, PLACE, POSITION, PROJECT, EVENT, DATE, MONEY
    subtype: str | None = None  # for ORG: government, party, company, …
    source: str = "model"  # model, lexicon or pattern
    canonical: str | None = None  # resolved name, where a stage resolved it (市委 → 中共聊城市委员会)


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    mentions: list[Mention] = field(default_factory=list)
    tokens: list[Any] = field(default_factory=list)  # the engine's tokens, offsets into `text`
    headline: bool = False  # from the article's headline lines
    caption: bool = False  # a photo's caption or a byline ("▲…现场 张三摄", "■记者 张三"): never the lead


@dataclass
class Position:
    """A post held by a person, read from one sentence.

    `organization` is the canonical name resolved in the city of publication
    ("中共聊城市委宣传部"); `org_text` the words it was read from ("宣传部").
    """

    person: str
    title: str
    organization: str
    org_subtype: str
    org_text: str
    sentence: Sentence
    chain_start: int  # span of the whole title chain + name
    chain_end: int
    person_start: int
    person_end: int
    former: bool = False  # held before, not now: 原…局长, 曾任, 免去, 辞去
    acting: bool = False  # 代市长, 代理检察长: `title` is then the post itself (市长, 检察长)
    change: str | None = None  # what the sentence says happened to it: appointed, elected, removed, …
    form: str = "chain"  # the form it was read from (a row id of kg/data/post_forms.tsv, or chain)


@dataclass
class EventMention:
    """An event read from the text: a meeting, ceremony, inspection, …"""

    name: str
    type: str  # meeting, conference, press_conference, ceremony, signing, exhibition, competition, inspection
    sentence: Sentence
    start: int  # span of the name in the cleaned text
    end: int
    date: str | None = None  # ISO date "2025-01-02", or "--12-27" when the year is not known
    end_date: str | None = None
    place: str | None = None  # as written
    organizers: list[str] = field(default_factory=list)  # as written (主办)
    co_organizers: list[str] = field(default_factory=list)  # 承办, 协办
    visitor: str | None = None  # the person whose visit ("X到Y调研") or meeting ("X会见Y") the event is
    visit_verb: str | None = None  # the visitor's role as written: 调研, 考察, 会见 …
    led: str = ""  # the visitor led the group, written so ("X率党政考察团来Y考察": 率团; 率队, 带队)
    co_visitors: list[str] = field(default_factory=list)  # listed with the visitor: "A，B率团来Y考察"
    sites: list[str] = field(default_factory=list)  # a visit to several places ("到A、B调研"): no one place
    part_of: EventMention | None = None  # the event it opens or is an agenda item of
    in_passing: bool = False  # found by its name alone: roles read later in its sentence are not its
    cited: bool = False  # a meeting whose speeches or spirit the text studies ("传达X精神"): held before
    # where a later sentence names it again in short ("出席2021年重点项目开工复工仪式"): (sentence, start)
    named_again: list[tuple[Sentence, int]] = field(default_factory=list)


@dataclass
class Participation:
    person: str
    event: EventMention
    role: str  # the verb: 出席, 主持, 讲话, …
    sentence: Sentence


@dataclass
class Quantity:
    value: float
    unit: str
    kind: str = ""  # 装机容量, 年产, …
    text: str = ""


@dataclass
class ProjectMention:
    name: str
    sentence: Sentence
    start: int
    end: int
    place: str | None = None  # as written
    investment: float | None = None  # yuan
    investment_approximate: bool = False
    owner: str | None = None  # as written (由…建设, …投资)
    contractor: str | None = None  # 承建
    quantities: list[Quantity] = field(default_factory=list)
    statuses: list[tuple[str, str | None]] = field(default_factory=list)  # (签约/开工/投产…, date)


@dataclass
class Relation:
    """A plain binary fact between named things, read from a sentence (a company's parent, its place, …)."""

    subject: str
    subject_type: str  # ORG, PERSON, PLACE, …
    predicate: str  # parentOrganization, location, industry
    object: str
    object_type: str  # ORG, PLACE, or LITERAL
    sentence: Sentence


@dataclass
class Article:
    index: int  # 1-based position on the page
    headline: str
    start: int
    end: int
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    participations: list[Participation] = field(default_factory=list)
    projects: list[ProjectMention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    @property
    def mentions(self) -> list[Mention]:
        return [m for s in self.sentences for m in s.mentions]

    @property
    def lead(self) -> Sentence | None:
        """The article's first sentence of text: no headline, caption or byline, nor a line of rhetoric
        that names nothing ("凝心聚力谋发展，继往开来谱新篇。") before the report begins."""
        text = [s for s in self.sentences if not (s.headline or s.caption)]
        return next(
            (s for s in text if s.mentions or any(c.isdigit() for c in s.text)), text[0] if text else None
        )


@dataclass
class Document:
    path: str
    original: str
    text: str = ""  # cleaned
    offsets: list[int] = field(default_factory=list)  # cleaned index -> original index
    articles: list[Article] = field(default_factory=list)
    city: str | None = None
    province: str | None = None
    county: str | None = None  # the county-level place of a county's news, when it is one
    # What the file was: text, html or pdf. For html and pdf, `original` is the extracted text (offsets
    # point into it), and the page's title and date (YYYY-MM-DD) are kept here when the file has them.
    format: str = "text"
    title: str | None = None
    date: str | None = None
    date_source: str | None = None  # where `date` came from: metadata, dateline, path or given (--date)
    # A piece of a large file (kg/pieces.py): where `original` begins in the file's text, and how many
    # articles the pieces before it hold (this piece's are numbered after them).
    base: int = 0
    first_article: int = 0
    traditional: bool = False  # written in traditional characters: `text` reads it in simplified ones
    # `original` in the characters kg reads (simplified, no look-alikes), before cleaning: set once
    # (kg.input.script.as_read) for the stages that read the page before it is cleaned
    read: str | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned span [start, end) to the original text (of the whole file, for a piece)."""
        if start >= end:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.original)
            return pos + self.base, pos + self.base
        return self.offsets[start] + self.base, self.offsets[end - 1] + 1 + self.base


# ---- resolved records: what the graph layer reads (it knows nothing of NER) ----


@dataclass
class Evidence:
    """Where a fact was read: a sentence, with offsets into the original file."""

    source: str  # file path
    article: str  # article id
    start: int
    end: int
    sentence: str
    quote: str = ""  # the words the fact was read from


@dataclass
class Entity:
    key: str  # stable: "person:赵志明", "org:中共聊城市委员会"
    type: str  # PERSON, ORG, PLACE, EVENT, PROJECT
    label: str
    subtype: str | None = None
    alt_labels: set[str] = field(default_factory=set)
    identifier: str | None = None  # e.g. an administrative division code


@dataclass
class PostChange:
    """What a sentence says happened to a post: appointed, elected, nominated, acting, removed,
    resigned or transferred (see kg/data/post_forms.tsv)."""

    change: str
    evidence: Evidence
    date: str | None = None  # YYYY-MM-DD: stated in the sentence, else the article's date
    date_from: str | None = None  # "text" or "article": where `date` came from


@dataclass
class Membership:
    person: str  # entity keys
    organization: str
    role: str
    evidence: list[Evidence] = field(default_factory=list)
    held: bool = False  # some sentence says it is or was held (not only a nomination to it)
    former: bool = False  # a sentence says it is held no more (原, 曾任, 免去, 辞去)
    acting: bool = False  # held as acting (代市长)
    changes: list[PostChange] = field(default_factory=list)
    attested: set[str] = field(default_factory=set)  # dates of articles that state it as held then


@dataclass
class ArticleRecord:
    id: str  # "<file stem>-<index>"
    source: str
    index: int
    headline: str
    authors: list[str] = field(default_factory=list)  # entity keys
    editors: list[str] = field(default_factory=list)  # entity keys
    mentions: list[str] = field(default_factory=list)  # entity keys


@dataclass
class Fact:
    """subject –predicate→ object between entities (object a key), or to a literal value."""

    subject: str
    predicate: str  # location, containedInPlace, organizer, coOrganizer, parentOrganization, …
    object: str
    literal: bool = False
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class EventDetails:
    type: str
    date: str | None = None
    end_date: str | None = None


@dataclass
class ProjectDetails:
    investment: float | None = None
    investment_approximate: bool = False
    quantities: list[Quantity] = field(default_factory=list)
    statuses: list[tuple[str, str | None]] = field(default_factory=list)


@dataclass
class SourceInfo:
    format: str = "text"  # text, html, pdf
    title: str | None = None  # an HTML page's title
    date: str | None = None  # the article's date (YYYY-MM-DD)
    date_source: str | None = None  # metadata, dateline, path or given


@dataclass
class Corpus:
    entities: dict[str, Entity] = field(default_factory=dict)
    memberships: dict[tuple[str, str, str], Membership] = field(default_factory=dict)
    articles: list[ArticleRecord] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    source_info: dict[str, SourceInfo] = field(default_factory=dict)  # by path: what the page itself says
    facts: dict[tuple[str, str, str], Fact] = field(default_factory=dict)
    events: dict[str, EventDetails] = field(default_factory=dict)  # by event key
    participations: dict[tuple[str, str, str], list[Evidence]] = field(
        default_factory=dict
    )  # (person, event, role)
    projects: dict[str, ProjectDetails] = field(default_factory=dict)  # by project key
    notes: dict[str, list[str]] = field(default_factory=dict)  # by entity key: how mentions were joined


def source_key(path: str) -> str:
    """A file's path as a stable key: the same file named as "seeds/a.txt" or "./seeds/a.txt" is one
    source, and a/1.txt and b/1.txt are two."""
    return Path(os.path.normpath(path)).as_posix()
