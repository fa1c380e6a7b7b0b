"""Projects and companies: what is built where, by whom, for how much.

- A project is a noun phrase ending in 项目 ("德州新能源装备产业园项目"), not one
  made only of classifying words ("重点项目", "20个实体投资项目") nor a predicate ("是…项目");
- "总投资约26亿元" → 2.6e9 yuan, approximate; "由X全资建设", "X投资", "承建该项目的X" → owner,
  contractor; "在乐陵市开工" → place; "装机容量343.75兆瓦", "年产200万台" → quantities;
  签约/开工/投产/竣工 → status changes;
- a project's place is what the text states: a locative after the name or opening the sentence,
  a division the name begins with, "位于同一区域" (the previous project's place), or else the place
  the passage is about (`_Topic`: the headline's, then each clause whose subject is a place or
  我市 — later sentences without a subject of their own keep it); otherwise none;
- companies: "由A与B联合组建" (joint venture) and "是一家生产…的企业" (industry).
"""

from __future__ import annotations

import itertools
import re

from kg.language.dates import parse_date
from kg.language.engines import Token
from kg.language.gazetteer import Division, Gazetteer, SuffixTable
from kg.language.lexicon import (
    LexiconPattern,
    alternation,
    lexicon_cache,
    org_subtype,
    table,
    title_pattern,
    word_list,
)
from kg.language.money import yuan
from kg.language.names import merge_by_name, normalize
from kg.model import Article, Mention, ProjectMention, Quantity, Relation, Sentence

_NAME_TAGS = {
    "NOUN",
    "PROPER",
    "WORK",
    "NUM",
    "MEASURE",
    "ADJ",
    "NOMINAL_ADJ",
    "VERBAL_NOUN",
    "ORG",
    "PLACE",
    "PERSON",
    "PLACE_WORD",
    "LOCALITY",
    "CONJ",
}


def _pattern(name: str) -> LexiconPattern:
    """A pattern of kg/data/project_patterns.tsv, where the genre's words in this module's patterns live."""
    return LexiconPattern("project_patterns.tsv", name)


_SUFFIX = _pattern("suffix")
_NAME_FILLER = _pattern("name_filler")
_SET = _pattern("set")
_CLAUSE = re.compile(r"[，,。；;：:]")
_EMPHASIS = _pattern("emphasis")
_COUNTED_BEFORE = _pattern("counted_before")
_COUNTED_AFTER = _pattern("counted_after")
_PLANNED = _pattern("planned")
_SENTENCE_PLACE = _pattern("sentence_place")
# an investment stated after its word, in the one grammar of money (kg.language.money)
_MONEY = _pattern("investment")
_OWNER = _pattern("owner")
_CONTRACTOR = _pattern("contractor")
_PLACE_AFTER = _pattern("place_after")
_SETTLED = _pattern("settled")
_CEREMONY = _pattern("ceremony")
_BUILT_BY = _pattern("built_by")
_COUNTED_HEAD = _pattern("counted_head")
_AMOUNT_CLASS = _pattern("amount_class")
_CONJUNCTIONS = ("和", "及", "与", "以及")
_REFERENCE = _pattern("reference")
_SUBJECTLESS = _pattern("subjectless")
_JOINT_VENTURE = _pattern("joint_venture")
_LISTED = _pattern("listed")
_LISTED_AFTER_HEAD = _pattern("listed_after_head")
_LISTED_AFTER_COLON = _pattern("listed_after_colon")
_LISTED_AFTER_COUNT = _pattern("listed_after_count")
_COUNT_INSIDE = _pattern("count_inside")
_LISTED_COUNTED = _pattern("listed_counted")
_EACH_ABOVE = _pattern("each_above")
_OWN_CITY = ("我市", "全市", "本市")
_OWN_UNIT = _pattern("own_unit")
_BACK_REFERENCE = _pattern("back_reference")
_SENTENCE_END = re.compile(r"[。！？!?；;…”\"」）)]\s*$")
# Leading words of a clause that are not its subject: dates, connectives, adverbs, quotes.
_LEADING_TAGS = {"PUNCT", "CONJ", "ADV", "ADVERBIAL_ADJ", "LOCALITY", "DATE", "TIME_WORD"}
# What follows a subject: its verb, an adverb, a preposition.
_AFTER_SUBJECT_TAGS = {"VERB", "ADVERBIAL_VERB", "ADV", "ADVERBIAL_ADJ", "PREP"}
_QUOTES = set("“”‘’\"'「」")
_DEMONSTRATIVE = _pattern("demonstrative")
_INDUSTRY = _pattern("industry")


_QUANTITY = _pattern("quantity")


@lexicon_cache
def _status() -> re.Pattern[str]:
    return re.compile(alternation(tuple(sorted(table("project_status.tsv"), key=len, reverse=True))))


def _as_named_before(projects: list[ProjectMention], project: ProjectMention) -> ProjectMention:
    """ "年产300万吨水泥项目" after "300万吨水泥生产项目": the same project in other filler words; it keeps
    the name the article gave it first."""
    key = _NAME_FILLER.sub("", normalize(project.name))
    project.name = next(
        (p.name for p in projects if _NAME_FILLER.sub("", normalize(p.name)) == key), project.name
    )
    return project


def _referred(sentence: Sentence, projects: list[ProjectMention]) -> list[ProjectMention]:
    """The project a sentence that finds none of its own speaks of: the one named before named again
    ("据了解,“城市会客厅”项目总投资约5亿元", a name the readers do not take after a comma), or the last one
    when it says 该项目 or, right after the sentence that named it, begins with no subject ("总投资…")."""
    again = [p for p in projects if len(p.name) >= 6 and _named_again(p.name, sentence.text)]
    if len(again) == 1:
        return again
    before = [p for p in projects if p.sentence.end == sentence.start]
    if len(before) == 1 and _SUBJECTLESS.match(sentence.text):
        return before  # "X项目是…重点项目。总投资7000万元，…" goes on about X (not after a list: its total)
    return projects[-1:] if _REFERENCE.search(sentence.text) else []


def _named_again(name: str, text: str) -> bool:
    """The project's name in `text`, or its name without 项目 ("大藤峡博物馆位于…"), unless that begins a
    longer project's name ("X产业园碳纤维项目" is not "X产业园项目")."""
    if name in text:
        return True
    stem = name.removesuffix("项目")
    at = text.find(stem) if len(stem) >= 5 else -1
    return at >= 0 and not _LONGER_NAME.match(text, at + len(stem))


_LONGER_NAME = _pattern("longer_name")


# what a project named again ("中云科技智能制造产业项目" after "…公司投资30亿元的智能制造产业项目") keeps
_MERGED_FIELDS = ("place", "owner", "investment+investment_approximate")


def _quantities_of_their_own(named: list[ProjectMention]) -> None:
    """A quantity written in one project's name ("…公司年产1.5万吨转杯纺纱纯棉纱生产线") is no other's
    of the same sentence ("包括A、B公司年产1.5万吨…生产线、C等")."""
    for project in named:
        others = [p.name for p in named if p is not project]
        project.quantities = [
            q
            for q in project.quantities
            if q.text in project.name or not any(q.text in name for name in others)
        ]


class ProjectReader:
    def __init__(self, issue_date: str | None = None) -> None:
        self.issue_date = issue_date

    def read_article(self, article: Article, city: str | None = None) -> None:
        projects: list[ProjectMention] = []
        topic = _Topic(article, city)
        company: str | None = None  # the company the passage is about
        for sentence in article.sentences:
            listed = _listed_projects(sentence) + _counted_list(sentence)
            named = (
                self._projects_in(sentence) + _priced_projects(sentence) + listed + _one_of_projects(sentence)
            )
            named += self._facilities(sentence) + _enumerated(sentence)
            named += _listed_with_projects(sentence, named)
            topic.read(sentence, projects)
            for project in named:
                project.place = project.place or _division_prefix(project.name, city) or topic.at(project)
                project.owner = project.owner or _pointed_owner(sentence, project, company)
            kept = [merge_by_name(projects, _as_named_before(projects, p), _MERGED_FIELDS) for p in named]
            self._each_with_its_money(sentence, kept, named, listed)
            _quantities_of_their_own(kept)
            for project in _referred(sentence, projects) if not kept else []:
                self._details(sentence, project, _MONEY.search(sentence.text))
            company = _passage_company(sentence, company)
        for project in projects:
            _add_mention(project)
        article.projects = projects
        article.relations += _company_relations(article)

    def _each_with_its_money(
        self,
        sentence: Sentence,
        kept: list[ProjectMention],
        named: list[ProjectMention],
        listed: list[ProjectMention],
    ) -> None:
        """The details of each project the sentence names, with the amount written for it."""
        # "A、B等5个项目相继落地，总投资23.8亿元": the sum is the set's, not each item's
        in_sets = {id(k) for k, n in zip(kept, named, strict=True) if any(n is item for item in listed)}
        spans = [(n.start - sentence.start, n.end - sentence.start) for n in named]
        for project, mention in zip(kept, named, strict=True):
            span = (mention.start - sentence.start, mention.end - sentence.start)
            money = _own_money(sentence.text, span, spans, alone=id(project) not in in_sets)
            self._details(sentence, project, money)

    def _projects_in(self, sentence: Sentence) -> list[ProjectMention]:
        found = []
        tokens = sentence.tokens
        for i, token in enumerate(tokens):
            if token.text != "项目" and not (token.text.endswith("项目") and token.tag in ("NOUN", "PROPER")):
                continue
            if sentence.text.startswith(word_list("project_collections.txt"), token.end):
                continue  # "…支持项目储备库": 项目 modifies a collection, it heads no name
            project = self._project_ending_at(sentence, tokens, i)
            if project:
                found.append(project)
        return found

    def _facilities(self, sentence: Sentence) -> list[ProjectMention]:
        """ "X产业园区成为…，项目投产后…": a named facility opening a clause, which a later clause of
        the same sentence calls 项目, is a project (a park only called 园区 is not)."""
        reference = _BACK_REFERENCE.search(sentence.text)
        if not reference:
            return []
        found = []
        for first, tokens in _clauses(sentence):
            head = first
            while head < len(tokens) and tokens[head].tag in _NAME_TAGS:
                head += 1
            if head == first or tokens[head - 1].end > reference.start():
                continue
            if tokens[head - 1].text.endswith(word_list("facility_heads.txt")):
                project = self._project_ending_at(sentence, tokens, head - 1)
                found += [project] if project else []
        return found

    def _project_ending_at(self, sentence: Sentence, tokens: list[Token], last: int) -> ProjectMention | None:
        first, owner = _name_start(tokens, last)
        start, end = tokens[first].start, tokens[last].end
        clause = sentence.text[
            max((m.end() for m in _CLAUSE.finditer(sentence.text, 0, start)), default=0) : start
        ]
        if any(word in _EMPHASIS.sub("", clause) for word in word_list("project_predicates.txt")):
            return None  # "…是首批省级示范项目": a kind, not a name (but "特别是X项目" names X)
        if _COUNTED_BEFORE.search(clause) or _COUNTED_AFTER.match(sentence.text[end:]):
            return None  # "引进多个汽车制造、新材料项目", "集中式光伏项目26个": a set
        suffix = _SUFFIX.match(sentence.text[end:])
        name = sentence.text[start : end + (suffix.end() if suffix else 0)]
        if _COUNT_INSIDE.search(name):
            return None  # "爱莎国际教育3个百亿元以上项目": the list's count, read by _listed_projects
        named = tokens[first : last + 1]
        if not _specific(name, named, owner) or _generic_conjunct(sentence, named) or _programme(name):
            return None
        base = sentence.start
        start, name, owner, invested = _priced(sentence.text, start, name, owner)
        project = ProjectMention(
            name, sentence, base + start, base + start + len(name), investment=invested, owner=owner
        )
        _stated_place(sentence, start, project)
        return project

    def _details(self, sentence: Sentence, project: ProjectMention, money: re.Match[str] | None) -> None:
        text = sentence.text
        if money and project.investment is None:
            project.investment = yuan(money["amount"], money["mult"])
            project.investment_approximate = bool(money["approx"] or money["more"])
        owner = _OWNER.search(text)
        if owner and not project.owner:
            project.owner = owner.group("org")
        contractor = _CONTRACTOR.search(text)
        if contractor:
            project.contractor = contractor.group("org")
        self._quantities(sentence, project)
        self._statuses(text, project)

    @staticmethod
    def _quantities(sentence: Sentence, project: ProjectMention) -> None:
        """Quantities of a kind ("年产10万吨") the sentence states, and those written in the name."""
        name_span = range(project.start - sentence.start, project.end - sentence.start)
        for match in _QUANTITY.finditer(sentence.text):
            if match["kind"] or (project.sentence is sentence and match.start() in name_span):
                value = float(match["value"]) * {"万": 1e4, "亿": 1e8}.get(match["mult"] or "", 1.0)
                quantity = Quantity(value, match["unit"], match["kind"] or "", match.group())
                if quantity.text not in {q.text for q in project.quantities}:
                    project.quantities.append(quantity)

    def _statuses(self, text: str, project: ProjectMention) -> None:
        """Changes of status the sentence reports (开工, 投产 …), each with its date when given."""
        for match in _status().finditer(text):
            if _PLANNED.search(text[: match.start()]):
                continue  # "预计2025年底全容量投产" is a plan, not a change
            status = table("project_status.tsv")[match.group()][0]
            date = parse_date(text[: match.start()], self.issue_date)
            known = dict(project.statuses)
            if status not in known or (date and known[status] is None):
                project.statuses = [s for s in project.statuses if s[0] != status]
                project.statuses.append((status, date.start if date else None))


_PRICED_PREFIX = _pattern("priced_prefix")
_INVESTOR_BEFORE = _pattern("investor_before")


def _priced(text: str, start: int, name: str, owner: str | None) -> tuple[int, str, str | None, float | None]:
    """ "X公司投资10亿元建设Y项目", "3.29亿元Z建设项目", "X公司投资7.3亿元的Y项目" (the amount before the
    name's first word): the project is Y (Z), with its amount and owner."""
    priced = _PRICED_PREFIX.match(name)
    amount = None
    if priced and len(name) - priced.end() >= 4:
        amount = yuan(priced["amount"], priced["mult"])
        start, name, owner = start + priced.end(), name[priced.end() :], priced["owner"] or owner
    investor = _INVESTOR_BEFORE.search(text, 0, start)
    if investor and (amount or investor["amount"]):
        owner = owner or investor["org"]
        amount = amount or yuan(investor["amount"], investor["mult"])
    return start, name, owner, amount


def _own_money(
    text: str, span: tuple[int, int], spans: list[tuple[int, int]], alone: bool
) -> re.Match[str] | None:
    """The investment a sentence states for the project at `span`: "总投资4.5亿元的X项目" (before it,
    after the previous project), "X项目，总投资4.5亿元" (after it, before the next); with one project
    in the sentence, any amount in it. `alone` is False for an item of a set ("A、B等5个项目，总投资
    23.8亿元"): the sentence's amount is the set's, so only an amount written on the item counts."""
    start, end = span
    previous_end = max((e for s, e in spans if e <= start), default=0)
    before = [
        m for m in _MONEY.finditer(text, previous_end, start) if _BUILDS.fullmatch(text, m.end(), start)
    ]
    if before and _heads_a_set(text, before[-1].start(), end):
        return None
    if before:
        return before[-1]
    return _money_after(text, span, spans) if alone else None


# what stands between an amount and the project it pays for: "4.5亿元的X项目", "5.7亿元建设了X产业园"
_BUILDS = _pattern("builds")
_SET_AFTER = _pattern("set_after")


def _heads_a_set(text: str, money: int, end: int) -> bool:
    """ "总投资80亿元的A等6个项目集中开工", "总投资74.8亿元的A、B等9个项目开工": the amount before a set's
    first named item is the set's total; in "投资10亿元的A、投资15亿元的B等16个项目" each item has its own."""
    return bool(_SET_AFTER.match(text, end)) and not text[:money].endswith("、")


def _money_after(text: str, span: tuple[int, int], spans: list[tuple[int, int]]) -> re.Match[str] | None:
    """An amount after the project, before the next one and in the same sentence; with one project in
    the sentence, any amount in it."""
    end = span[1]
    next_start = min((s for s, e in spans if s >= end), default=len(text))
    after = [m for m in _MONEY.finditer(text, end, next_start) if not text.startswith("的", m.end())]
    if after and _SET_TOTAL.search(text, end, after[0].start()):
        return None  # "…、X项目，共计7个，总投资27.78亿元": the set's total
    if after and not _SENTENCE_STOP.search(text, end, after[0].start()):
        return after[0]
    others = [s for s in spans if s != span]
    return _MONEY.search(text) if not others else None


_SENTENCE_STOP = re.compile(r"[。；;]")
_SET_TOTAL = _pattern("set_total")
_COUNTED_LIST = _pattern("counted_list")
_COUNTED_FIRST = _pattern("counted_first")


def _counted_list(sentence: Sentence) -> list[ProjectMention]:
    """Every item of a list the text counts as projects, before or after it."""
    found = []
    for match in [*_COUNTED_LIST.finditer(sentence.text), *_COUNTED_FIRST.finditer(sentence.text)]:
        offset = match.start("items")
        for item in re.finditer(r"[^、]+", match["items"]):
            project = _listed_project(sentence, offset + item.start(), offset + item.end(), counted=True)
            found += [project] if project else []
    return found


_ONE_OF = _pattern("one_of")


def _one_of_projects(sentence: Sentence) -> list[ProjectMention]:
    found = []
    for match in _ONE_OF.finditer(sentence.text):
        project = _listed_project(sentence, match.start("name"), match.end("name"))
        found += [project] if project else []
    return found


def _stated_place(sentence: Sentence, start: int, project: ProjectMention) -> None:
    """The place the sentence states for a project named from `start`: after the name ("…项目在乐陵市
    开工", "落户…", "开工仪式在…举行"), before it ("X公司在夏津县投资建设的…"), or opening the
    sentence ("6月5日，在宋官屯街道，…"); "X公司在…建设的" also gives the owner."""
    after = sentence.text[start + len(project.name) :]
    built = _BUILT_BY.search(sentence.text, 0, start)
    place = (
        _PLACE_AFTER.match(after)
        or _SETTLED.match(after)
        or _CEREMONY.match(after)
        or built
        or _SENTENCE_PLACE.match(sentence.text)
    )
    if place and not _EVENT_SITE.search(place.group("place")):
        project.place = place.group("place")
    else:  # "义马市“一带一路”大宗商品…项目", "长兴县经济技术开发区的X项目"
        project.place = _division_before(sentence.text[:start]) or _zone_of(sentence.text[:start])
    project.owner = project.owner or (built.group("org") if built else None)
    _of_a_unit(sentence, start - 1, project)


def _of_a_unit(sentence: Sentence, de: int, project: ProjectMention) -> None:
    """ "其中包括高新区的X项目、水利局的Y项目、堽城镇的Z项目": an item named after its unit and 的 (`de`
    is where 的 stands) is in that town or zone, or is that body's."""
    tokens = sentence.tokens
    i = next((k for k, t in enumerate(tokens) if t.start == de and t.text == "的"), 0)
    if i < 1 or (
        i >= 2 and tokens[i - 2].text not in "、，,：:" and tokens[i - 2].tag not in ("VERB", "PRON")
    ):
        return  # "…的" that is not the whole of what opens a list's item
    unit = tokens[i - 1].text
    if unit.endswith(word_list("town_suffixes.txt") + word_list("zone_suffixes.txt")) and len(unit) > 2:
        project.place = project.place or unit
    elif org_subtype(unit) in _BODIES:
        project.owner = project.owner or unit


_BODIES = ("government", "party", "company")


_EVENT_SITE = _pattern("event_site")


def _division_before(text: str) -> str | None:
    """A county or city written right before a project's name, across a quoted phrase between."""
    text = _QUOTED_TAIL.sub("", text)
    for length in range(min(len(text), 10), 1, -1):
        head = text[-length:]
        if head.endswith(("市", "县", "区", "旗")) and _is_division(head):
            return head
    return None


_QUOTED_TAIL = _pattern("quoted_tail")


def _zone_of(text: str) -> str | None:
    """A division's zone or park that a project's name follows with 的: "长兴县经济技术开发区的"."""
    zone = re.search(r"[\u4e00-\u9fff]{3,16}(?=的$)", text)
    if zone is None or not zone[0].endswith(word_list("zone_suffixes.txt")):
        return None
    for cut in range(len(zone[0]) - 2, 1, -1):  # the division that ends right before the zone's own name
        division = _division_before(zone[0][:cut])
        if division:
            return zone[0][cut - len(division) :]
    return None


def _after_an_official(tokens: list[Token], first: int, last: int) -> int:
    """ "县长钱程调研重点项目": an official named with their title, and what they do, stand before
    the name."""
    for k in range(last - 1, first, -1):
        if tokens[k].tag == "PERSON" and title_pattern().match(tokens[k - 1].text):
            after = k + 1
            while after < last and tokens[after].tag in ("VERB", "VERBAL_NOUN", "ADV"):
                after += 1
            return after
    return first


def _name_start(tokens: list[Token], last: int) -> tuple[int, str | None]:
    """Walk left from the head over the tokens a name is made of; a company ends the walk and
    both begins the name and owns the project ("德州恒信装备科技有限公司年产3万台…项目")."""
    first = last
    while first > 0:
        token = tokens[first - 1]
        if token.tag == "ORG" and token.text.endswith(("公司", "集团")):
            return first - 1, token.text
        opening = _opening_of(tokens, first - 1, last)
        if opening is not None:  # "传化物流“公路港”项目", "健康食品产业园(一期、二期)项目"
            first = opening
            continue
        if (
            token.text.endswith("项目")
            or token.text == "暨"
            or token.text in _acts_before_a_name()  # "书记X到基层一线调研督导|重点项目": what was done
            or not (  # "…活动暨X项目开工仪式"
                token.tag in _NAME_TAGS
                or token.text in word_list("project_name_verbs.txt")
                or _split_word(tokens, first - 1)
                or _A_RATE.fullmatch(token.text)
            )
        ):
            break
        first -= 1
    first = _past_leading_words(tokens, _after_an_official(tokens, first, last), last)
    return _from_list_mark(tokens, first, last), _company_prefix(tokens[first])


_A_RATE = _pattern("a_rate")


@lexicon_cache
def _acts_before_a_name() -> frozenset[str]:
    lists = ("inspection_verbs.txt", "holding_verbs.txt", "project_name_stops.txt")
    return frozenset(word for name in lists for word in word_list(name))


_VISIT_AFTER_LIST = _pattern("visit_after_list")


def _past_leading_words(tokens: list[Token], first: int, last: int) -> int:
    """Where the name begins after the words a walk left takes in that are no part of it."""
    while first < last and tokens[first].tag == "CONJ":  # "…和建设X项目": the name begins after 和
        first += 1
    if first and tokens[first].text == "一" and tokens[first - 1].text in ("这", "该", "此"):
        first += 1  # "这一旅游休闲综合体项目": the project named before
    if first < last and tokens[first].text.endswith("讯"):
        first += 1  # "本报讯 X项目…": the dateline
    return first


_PAIRS = {"”": "“", '"': '"', ")": "(", "）": "（", "」": "「"}


def _opening_of(tokens: list[Token], close: int, head: int) -> int | None:
    """The token opening what `close` closes inside the name of a project headed at `head`: brackets
    ("产业园(一期、二期)项目", "中林集团(醴陵)油茶产业园项目"), a quoted name after a company's
    ("传化物流“公路港”项目"), after a verb that builds it ("投资建设“城市会客厅”项目") or before more
    words of the name ("“智慧安防”小区建设项目"); not a programme's quoted kind ("鸡东县“金鸡归巢”项目")
    nor a note of funding ("(政府投资)项目")."""
    opener = _PAIRS.get(tokens[close].text)
    if opener is None:
        return None
    for i in range(close - 1, max(close - 6, -1), -1):
        if tokens[i].text == opener:
            inside = "".join(t.text for t in tokens[i + 1 : close])
            if opener not in '“"「':
                return None if i == 0 or _FUNDING.search(inside) else i
            after_a_company = i > 0 and tokens[i - 1].tag in ("ORG", "PROPER")
            built = i > 0 and tokens[i - 1].text in word_list("project_building_verbs.txt")
            more_words = "".join(t.text for t in tokens[close + 1 : head + 1])
            return i if after_a_company or built or not _generic(more_words) else None
        if tokens[i].text in "。，,；;“”":
            return None
    return None


_FUNDING = _pattern("funding")


_PROPER_TAGS = ("ORG", "PROPER", "PLACE", "PERSON", "NUM", "WORK")


def _from_list_mark(tokens: list[Token], first: int, head: int) -> int:
    """An item of a list of projects begins right after its mark ("…项目、惠升制药胰岛素二期项目"): the
    words the walk stopped at (a name the segmenter read as a verb, 惠升; "中医院医养结合中心项目")
    belong to the name, unless the item opens with a verb ("…项目、加快推进X项目"), or the walk took no
    word and the item holds no proper word: a verb right before 项目 then does something to projects
    ("天天谋项目、天天抓项目", "大力度落实项目"; but "…项目、某某光电有限公司5万千瓦…发电项目")."""
    for i in range(first - 1, max(first - 8, 0) - 1, -1):
        token = tokens[i]
        if token.text == "、":
            before = tokens[i - 1].text if i else ""
            short = sum(len(t.text) for t in tokens[i + 1 : first]) <= 3
            named = short or tokens[i + 1].tag not in _BEFORE_A_NAME
            done_to_projects = first == head and not any(t.tag in _PROPER_TAGS for t in tokens[i + 1 : first])
            return i + 1 if before.endswith("项目") and named and not done_to_projects else first
        if (token.tag == "PUNCT" and token.text not in "()（）") or token.tag in ("PART", "PREP"):
            return first
    return first


def _company_prefix(token: Token) -> str | None:
    """The company an organisation token that begins a name starts with ("德齐集团康宁医药" →
    德齐集团): the segmenter often runs a company's name into the project's."""
    company = re.match(r"^.+(?:公司|集团)", token.text) if token.tag == "ORG" else None
    return company.group() if company else None


def _split_word(tokens: list[Token], i: int) -> bool:
    """A verb next to a one-character noun inside a name is half of a word the segmenter cut
    ("棚/n 改/v" is 棚改, "保持/v 器/n" is 保持器): a lone 棚 or 器 is no word of its own. On the
    left the one-character noun must itself follow a name word ("我/r 市/n 实施/v" stays cut); on the
    right the verb must follow a name word of two characters or more. A one-character verb between two
    nouns is inside a word too ("城市/n 会/v 客厅/n"), unless it joins clauses (是, 到 …)."""
    if tokens[i].tag != "VERB" or i == 0:
        return False
    left = tokens[i - 1]
    right = tokens[i + 1] if i + 1 < len(tokens) else None
    if (
        len(tokens[i].text) == 1
        and right is not None
        and left.tag == right.tag == "NOUN"
        and right.text != "项目"
    ):
        return tokens[i].text not in word_list("clause_joining_verbs.txt")  # 城市/n 会/v 客厅/n: 城市会客厅
    if len(left.text) == 1:
        return left.tag == "NOUN" and i > 1 and tokens[i - 2].tag in _NAME_TAGS
    return left.tag in _NAME_TAGS and right is not None and len(right.text) == 1 and right.tag == "NOUN"


def _generic_conjunct(sentence: Sentence, tokens: list[Token]) -> bool:
    """ "调研工业经济和重点项目建设": a coordination whose last conjunct, the one 项目 heads, is only
    classifying words ("…制动器和铝合金轮毂建设项目" is not)."""
    joins = [t for t in tokens if t.tag == "CONJ" and t.text in _CONJUNCTIONS]
    if not joins:
        return False
    return _generic(sentence.text[joins[-1].end : tokens[-1].end].removesuffix("项目"))


def _programme(name: str) -> bool:
    """ "小麦政策性保险项目": a policy programme (insurance, subsidies, training), nothing built."""
    return name.removesuffix("项目").endswith(word_list("project_programmes.txt"))


def _priced_projects(sentence: Sentence) -> list[ProjectMention]:
    """ "总投资6亿元的互助县东润国际项目、…", "投资了5.7亿元建设了福娃稻米食品产业园": a project named
    after its own amount, whatever the tagger made of its words; the amount bounds the name on the left,
    项目 (or a facility's head) on the right."""
    found = []
    for match in [*_PRICED.finditer(sentence.text), *_BUILT_WITH.finditer(sentence.text)]:
        name = match.group("name")
        if _generic(name) or _COUNTED_BEFORE.search(name):
            continue
        start = sentence.start + match.start("name")
        found.append(ProjectMention(name, sentence, start, start + len(name)))
    return found


_PRICED = _pattern("priced")
_BUILT_WITH = _pattern("built_with")
_ENUMERATION = _pattern("enumeration")


_ENUMERATED_ITEM = _pattern("enumerated_item")


def _enumerated(sentence: Sentence) -> list[ProjectMention]:
    """ "8个项目，分别是A集团投资55亿元的X、B公司投资20亿元的Y…和C投资5亿元的Z项目": each item of an
    enumeration of investments is a project with its own amount and investor, called 项目 or not."""
    text, found = sentence.text, []
    for lead in _ENUMERATION.finditer(text):
        items, at = [], lead.end()
        while item := _ENUMERATED_ITEM.match(text, at):
            items.append(item)
            at = item.end()
        for item in items if len(items) >= 2 else []:
            start = sentence.start + item.start("name")
            project = ProjectMention(
                item["name"], sentence, start, start + len(item["name"]), owner=item["owner"]
            )
            project.investment = yuan(item["amount"], item["mult"])
            project.investment_approximate = bool(item["approx"] or item["more"])
            found.append(project)
    return found


def _listed_projects(sentence: Sentence) -> list[ProjectMention]:
    """ "推进A、B、C等9个项目落地建设": each item of a list the text calls projects is one. A single
    item ("实施X等文保利用项目46个") or a list followed by a count is one only when its items are
    proper names: "书店、茶馆等各类业态活化项目60余个" are kinds of projects."""
    found = []
    lists = (_LISTED, _LISTED_COUNTED, _LISTED_AFTER_HEAD, _LISTED_AFTER_COLON, _LISTED_AFTER_COUNT)
    for match in [m for pattern in lists for m in pattern.finditer(sentence.text)]:
        if not _of_projects(match):
            continue
        items = _after_persons(sentence, _items(sentence, match))
        field = match.group("kind").startswith(word_list("project_fields.txt"))  # "A、B等领域合作项目"
        strict = len(items) == 1 or field or _COUNTED_AFTER.match(sentence.text[match.end() :])
        if strict and not all(
            _proper(sentence, start, end) or _own_amount(sentence, start, end) for start, end in items
        ):
            continue
        bound = _EACH_ABOVE.fullmatch(match.group("kind"))
        for start, end in items:
            project = _listed_project(sentence, start, end)
            if project and bound:  # "A、B、C3个百亿元以上项目": each is a project of at least 100亿
                project.investment = yuan(bound["amount"], bound["mult"])
                project.investment_approximate = True
            found += [project] if project else []
    return found


def _of_projects(match: re.Match[str]) -> bool:
    """Is a list the text calls projects a list of projects? Not "各类…项目", "62个非遗项目" (kinds,
    programmes), nor "X代表市委、市政府向8个重点项目…表示祝贺" (who speaks to the projects)."""
    kind = match.group("kind")
    return not ("类" in kind or _programme(kind + "项目") or re.search("[向对为给与]$", match.group("items")))


_LIST_RUN = re.compile(r"[^，,。；;：:、等]+(?:、[^，,。；;：:、等]+)+")  # a list ends at 等


def _listed_with_projects(sentence: Sentence, named: list[ProjectMention]) -> list[ProjectMention]:
    """ "深入到市民中心工程、邦基生物饲料项目、宏飞包装彩印项目、保障性安居工程实地观摩": in a list
    whose items are mostly projects the text names, the other items are projects too; so are all the items
    of a list the sentence says are projects started or signed ("我区开工的还有A产业园、B项目、C汽车")."""
    ends = {p.end - sentence.start for p in named}
    found = []
    for spans in [*_list_items(sentence), *_priced_items(sentence.text)]:
        projects = [end in ends for _, end in spans]
        said = _SAID_TO_BE_PROJECTS.search(sentence.text, 0, spans[0][0]) is not None
        if not said and (sum(projects) < 2 or sum(projects) * 2 < len(spans)):
            continue
        for (start, end), known in zip(spans, projects, strict=True):
            plain = "的" not in sentence.text[start:end]  # "…等情况的介绍": no name
            # an item named …项目 the name reader missed ("远通实业再生铜循环利用技术改造项目") is one too,
            # not one that ends in the list's count ("爱莎国际教育3个百亿元以上项目")
            whole = not _COUNT_INSIDE.search(sentence.text, start, end)
            project = None if known or not plain else _listed_project(sentence, start, end, counted=whole)
            found += [project] if project else []
    return found


_SAID_TO_BE_PROJECTS = _pattern("said_to_be_projects")


def _list_items(sentence: Sentence) -> list[list[tuple[int, int]]]:
    """The items of each list of the sentence ("A、B、C"), without the words of a visit around them."""
    lists = []
    for run in _LIST_RUN.finditer(sentence.text):
        spans = [(run.start() + m.start(), run.start() + m.end()) for m in re.finditer("[^、]+", run.group())]
        spans[0] = (_after_visiting(sentence, *spans[0]), spans[0][1])
        spans[-1] = (spans[-1][0], _before_visiting(sentence.text, *spans[-1]))
        lists.append(spans)
    return lists


def _priced_items(text: str) -> list[list[tuple[int, int]]]:
    """The names of a list whose items are each priced ("投资15亿元的A项目，投资20亿元的B基地，…")."""
    return [
        [m.span("name") for m in _PRICED_ITEM.finditer(text, run.start(), run.end())]
        for run in _PRICED_RUN.finditer(text)
    ]


_PRICED_ITEM = _pattern("priced_item")
_PRICED_RUN = _pattern("priced_run")


def _after_visiting(sentence: Sentence, start: int, end: int) -> int:
    """Where a list's first item begins after the words of a visit to it ("视察组先后深入到X") and the
    verbs that govern it."""
    visit = list(_visiting().finditer(sentence.text, start, end))
    return _skip_leading_verbs(sentence, visit[-1].end() if visit else start, end)


def _before_visiting(text: str, start: int, end: int) -> int:
    """Where a list's last item ends before the words of the visit ("Y实地观摩", "Z等地调研")."""
    visit = _visit_after().search(text, start, end)
    return visit.start() if visit else end


@lexicon_cache
def _visit_after() -> re.Pattern[str]:
    return re.compile(f"{_VISIT_AFTER_LIST.pattern}|{_visiting().pattern}")


@lexicon_cache
def _visiting() -> re.Pattern[str]:
    # words of two characters or more: 至, 到 and 来 stand inside names ("余坊大桥至三松酒店段慢道工程")
    words = (*word_list("visit_motions.txt"), *word_list("inspection_verbs.txt"), "观摩")
    return re.compile(
        "|".join(map(re.escape, sorted((w for w in words if len(w) > 1), key=len, reverse=True)))
    )


def _items(sentence: Sentence, match: re.Match[str]) -> list[tuple[int, int]]:
    """Spans of a list's items. The verbs that govern the list, and the words of a visit to it, stand
    before its first item ("继续推进黄河国际会展中心、…", "视察组先后深入X、…"); a later item that seems
    to begin with one is a name the tagger took for a verb (a brand tagged v before "新型建材")."""
    offset = match.start("items")
    spans = []
    for n, item in enumerate(re.finditer(r"[^、]+", match.group("items"))):
        start, end = offset + item.start(), offset + item.end()
        spans.append((_after_visiting(sentence, start, end) if n == 0 else start, end))
    return spans


def _after_persons(sentence: Sentence, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "茂名市委常委、政法委书记、高州市委书记X…宣布潘州大道北等项目": items that end with a title,
    before a later one that holds a person, are that person's titles, not projects (a person in the first
    item is the subject of the list's verb, "X察看了A、B等项目", which `_skip_leading_verbs` drops)."""
    base = sentence.start
    people = [m for m in sentence.mentions if m.type == "PERSON"]
    held = [n for n, (start, end) in enumerate(items) if any(start <= m.start - base < end for m in people)]
    if not held or held[-1] == 0:
        return items
    titles = items[: held[-1]]
    if not all(title_pattern().search(sentence.text[start:end]) for start, end in titles):
        return items
    return items[held[-1] + 1 :]


def _listed_project(sentence: Sentence, start: int, end: int, counted: bool = False) -> ProjectMention | None:
    """An item of a list of projects; one named …项目 is read on its own, unless the list is one the
    text counts ("项目为A、B项目、C，共计3个")."""
    name = sentence.text[start:end]
    if len(name) < 3 or _generic(name) or ("项目" in name and not counted):
        return None
    if _people_listed(sentence, start, end):
        return None
    base = sentence.start
    first = next((t for t in sentence.tokens if t.start == start), None)
    owner = _company_prefix(first) if first is not None and first.end < end else None
    item_start = start
    start, name, owner, invested = _priced(sentence.text, start, name, owner)  # "1、X公司投资10亿元建设Y"
    invested = None if _heads_a_set(sentence.text, item_start, end) else invested
    de = name.find("的")
    if 2 <= de <= 6 and first is not None and first.end == start + de:  # "伏山镇的电芯壳体智能制造中心"
        start, name = start + de + 1, name[de + 1 :]
    project = ProjectMention(
        name, sentence, base + start, base + start + len(name), investment=invested, owner=owner
    )
    _of_a_unit(sentence, start - 1, project)
    return project


def _people_listed(sentence: Sentence, start: int, end: int) -> bool:
    """ "副镇长X等领导和相关项目投资方": people, not projects (unless the item has its own amount: the
    model reads a brand as a name, "投资10亿元的某某医药中间体")."""
    base = sentence.start
    people = any(m.type == "PERSON" and base + start <= m.start < base + end for m in sentence.mentions)
    return people and not _own_amount(sentence, start, end)


def _own_amount(sentence: Sentence, start: int, end: int) -> bool:
    """ "投资9.2亿元的某某大健康产业园": an item with an amount of its own is one project, whatever
    its words."""
    return _PRICED_PREFIX.match(sentence.text[start:end]) is not None


def _proper(sentence: Sentence, start: int, end: int) -> bool:
    """Does the span hold a proper name: an organisation, a person, a work (nz), a named place
    that is no division ("文庙大成殿"), a Latin acronym?"""
    if re.search(r"[A-Za-z]{2,}", sentence.text[start:end]):
        return True
    return any(
        t.tag in ("ORG", "PERSON", "PROPER") or (t.tag == "PLACE" and not _is_division(t.text))
        for t in sentence.tokens
        if start <= t.start and t.end <= end
    )


def _skip_leading_verbs(sentence: Sentence, start: int, end: int) -> int:
    """ "继续推进黄河国际会展中心…" → "黄河国际会展中心…": drop verbs and adverbs before a list
    item's name, and the city or county as their subject ("我市实施X等…项目", "全县X、Y等…")."""
    own = _OWN_UNIT.match(sentence.text, start)
    start = own.end() if own else start
    start += next((len(w) for w in word_list("scene_words.txt") if sentence.text.startswith(w, start)), 0)
    inside = [t for t in sentence.tokens if start <= t.start < end]
    start = _after_a_persons_acts(sentence, inside, start, end)
    # "会议集中审议了X、Y等…项目": a verb done (了) closes what stands before the list
    done = [t.end for before, t in itertools.pairwise(inside) if t.text == "了" and before.tag == "VERB"]
    start = max([start, *done])
    joining = 0
    for token in inside:
        joining += token.tag in ("CONJ", "PREP")
        if token.start >= start and (not _before_a_name(token) or joining > 1):
            return token.start  # "以及和其昌新材料生产基地": one word joins, a second is the name's
    return start


def _before_a_name(token: Token) -> bool:
    """A word that stands before a list item's name: a verb, an adverb, …, or a day or month ("5月份计划开
    复工X"; not 四季, a word of the name)."""
    return token.tag in _BEFORE_A_NAME or (token.tag == "DATE" and any(c.isdigit() for c in token.text))


_BEFORE_A_NAME = ("VERB", "ADV", "PREP", "CONJ", "ADVERBIAL_VERB", "ADVERBIAL_ADJ", "PART")


def _after_a_persons_acts(sentence: Sentence, inside: list[Token], start: int, end: int) -> int:
    """ "庞某详细询问和听取了X、Y等…项目": a person and what they did stand before the list."""
    base = sentence.start
    people = (m for m in sentence.mentions if m.type == "PERSON" and start <= m.start - base < end)
    person = next(people, None)
    if person is None:
        return start
    acts = [t.end for t in inside if t.start >= person.end - base and t.tag in _BEFORE_A_NAME]
    return max(acts, default=start)


_COUNTS = _pattern("counts")


def _generic(name: str) -> bool:
    return len(_beyond_generic(name)) < 2


def _beyond_generic(text: str) -> str:
    """What a name says beyond the classifiers and counts ("重点", "改造", "第二批", "3个")."""
    for word in word_list("generic_project_words.txt"):
        text = text.replace(word, "")
    return _COUNTS.sub("", text)


def _specific(name: str, tokens: list[Token], owner: str | None) -> bool:
    """Does the phrase name one project? It needs a proper name (a company, a person, a named
    place that is no division, a Latin acronym), a quantity, or words beyond the classifiers
    ("重点", "改造", …); a set ("全市重点项目", "5个项目") is no project. A place token shaped like a
    division ("平区", an OCR cut of a district's name) counts as a division, not as a name."""
    if _SET.match(name) or _COUNTED_HEAD.search(name) or _AMOUNT_CLASS.search(name):
        return False
    if owner or re.search(r"[A-Za-z]{2,}", name) or _QUANTITY.search(name):
        return True
    places = [t.text for t in tokens if t.tag == "PLACE"]
    if any(t.tag in ("ORG", "PERSON") for t in tokens) or any(not _division_like(p) for p in places):
        return True
    rest = name.removesuffix("项目")
    for place in places:
        rest = rest.replace(place, "")
    return len(_beyond_generic(rest)) >= 3


def _division_like(name: str) -> bool:
    named = name.endswith(word_list("named_place_ends.txt"))  # "阳光城名苑小区" is no district
    return _is_division(name) or (name.endswith(_division_suffixes()) and not named)


@lexicon_cache
def _division_suffixes() -> tuple[str, ...]:
    return tuple(SuffixTable.load().suffixes)


def _division_prefix(name: str, city: str | None = None) -> str | None:
    """The longest administrative division a name begins with, as written: a full name anywhere
    (德城区, 齐河县), or the short form of a county of the city of publication (陵城); a township of
    that county or city written next is the place ("砚山县稼依镇补佐村…项目": 稼依镇)."""
    gazetteer = Gazetteer.default()
    within = _city_division(city)
    for length in range(min(len(name), 8), 1, -1):
        for division in gazetteer.lookup(name[:length]):
            if division.name == name[:length] or _inside(division, within):
                return _township_at(name, length, division) or name[:length]
    return _township_at(name, 0, within) if within else None


def _township_at(name: str, start: int, county_or_city: Division) -> str | None:
    """A township's full name written at `start` of a name, inside the division written before it."""
    gazetteer = Gazetteer.default()
    for end in range(min(len(name), start + 8), start + 2, -1):
        written = name[start:end]
        if any(
            d.level == 4 and d.name == written and gazetteer.contains(county_or_city, d)
            for d in gazetteer.lookup(written)
        ):
            return written
    return None


def _inside(division: Division, within: Division | None) -> bool:
    """A county of the city. Short forms of towns are too often words, or brands named after them."""
    return within is not None and division.level == 3 and Gazetteer.default().contains(within, division)


@lexicon_cache
def _city_division(city: str | None) -> Division | None:
    return Gazetteer.default().resolve(city) if city else None


def _is_division(name: str) -> bool:
    return bool(Gazetteer.default().lookup(name))


def _known_place(name: str, city: str | None) -> bool:
    """A division (a short form only of a province, a prefecture or a county of the city: "合作" is
    a town elsewhere and a word here), or a zone ("德州经济技术开发区", "开发区")."""
    if name.endswith(word_list("zone_suffixes.txt")):
        return True
    within = _city_division(city)
    for division in Gazetteer.default().lookup(name):
        if division.name == name or division.level <= 2 or _inside(division, within):
            return True
    return False


class _Topic:
    """The place a passage is about, clause by clause. The headline's place (its subject, or a
    locative 在X) starts it; a clause whose subject is a place ("开发区将…", "我市不断完善…",
    "在乐陵市，…") sets it, and the sentences after it that have no subject of their own keep it;
    a clause whose subject is an organisation ("市发展和改革委员会坚持…") ends it. "位于同一区域"
    takes the previous project's place."""

    def __init__(self, article: Article, city: str | None) -> None:
        self.city = city
        self.place = _headline_place(article, city)
        self.marks: list[tuple[int, str | None]] = []  # (clause start in the sentence, place)
        self.previous: Sentence | None = None

    def read(self, sentence: Sentence, projects: list[ProjectMention]) -> None:
        self.marks = [(0, self.place)]
        if sentence.headline:
            return  # the headline's place is read first, wherever the headline stands
        broken = _cut(self.previous)
        self.previous = sentence
        for n, (first, tokens) in enumerate(_clauses(sentence)):
            if n == 0 and broken:
                continue  # "…，德州" + "经济开发区开展…": a line cut mid-name starts no subject
            if _same_place(sentence.text[tokens[first].start :]):
                self.place = next((p.place for p in reversed(projects) if p.place), self.place)
            else:
                self.place = _clause_place(tokens, first, self.city, self.place)
            self.marks.append((tokens[first].start, self.place))

    def at(self, project: ProjectMention) -> str | None:
        """The place of the passage at the clause the project is named in."""
        offset = project.start - project.sentence.start
        return next(place for start, place in reversed(self.marks) if start <= offset)


def _cut(sentence: Sentence | None) -> bool:
    """Does the sentence stop mid-way ("…瞄准头部企业，德州" / "经济开发区开展…", a line cut by the
    layout)? A byline ("■ 本报记者 王芳") also ends without punctuation, but in a name."""
    if sentence is None or sentence.headline or not sentence.tokens or _SENTENCE_END.search(sentence.text):
        return False
    return sentence.tokens[-1].tag != "PERSON"


def _same_place(clause: str) -> bool:
    return clause.startswith(tuple("位于同一" + word for word in word_list("same_place_words.txt")))


def _clauses(sentence: Sentence) -> list[tuple[int, list[Token]]]:
    """The sentence's tokens, and for each clause the index of its first token after the words
    that lead into it (dates, connectives, adverbs, quotes)."""
    tokens = sentence.tokens
    found, start = [], 0
    for i in range(len(tokens) + 1):
        if i == len(tokens) or _CLAUSE.fullmatch(tokens[i].text):
            first = start
            while first < i and tokens[first].tag in _LEADING_TAGS:
                first += 1
            if first < i:
                found.append((first, tokens))
            start = i + 1
    return found


def _clause_place(tokens: list[Token], first: int, city: str | None, current: str | None) -> str | None:
    """The place a clause starting at `first` is about, or `current` when its subject is no place
    (or it has none); None when an organisation is its subject or the place it is at."""
    if tokens[first].text == "在":
        place, after = _place_at(tokens, first + 1, city)
        ends = after >= len(tokens) or _CLAUSE.fullmatch(tokens[after].text)
        if place and (ends or _subject_ends(tokens, after)):
            return place  # "在乐陵市，…", "在开发区，…"
        at_organisation = first + 1 < len(tokens) and tokens[first + 1].tag == "ORG"
        return None if at_organisation else current  # "在X有限公司…项目现场": a site, not a place
    place, after = _place_at(tokens, first, city)
    if place and _subject_ends(tokens, after):
        return place  # "开发区将…", "我市不断完善…"
    token = tokens[first]
    if token.tag == "ORG" and org_subtype(token.text) != "other" and _subject_ends(tokens, first + 1):
        return None  # "市发展和改革委员会坚持…": the passage is now about an organisation
    return _visited_place(tokens, first, city) or current


def _visited_place(tokens: list[Token], first: int, city: str | None) -> str | None:
    """ "市委书记张三深入龙山区部分企业调研": the place a person's visit goes to is what the passage
    is about; not when the visit goes to several ("到宁夏、云南、常州等地招商": a trip away)."""
    motions = word_list("visit_motions.txt")
    for i in range(first, len(tokens) - 2):
        if _CLAUSE.fullmatch(tokens[i].text):
            return None
        if tokens[i].tag == "PERSON":
            j = i + 1 + (tokens[i + 1].text == "一行")
            if j < len(tokens) and tokens[j].text in motions:
                place, after = _place_at(tokens, j + 1, city)
                return None if after < len(tokens) and tokens[after].text in ("、", "和") else place
    return None


def _place_at(tokens: list[Token], i: int, city: str | None) -> tuple[str | None, int]:
    """A place named from token i on ("我市" → the city; PLACE tokens or a zone word), and the index
    after it."""
    if i >= len(tokens):
        return None, i
    pair = tokens[i].text + (tokens[i + 1].text if i + 1 < len(tokens) else "")
    if tokens[i].text in _OWN_CITY:
        return city, i + 1
    if pair in _OWN_CITY:
        return city, i + 2
    j = i
    zones = word_list("zone_suffixes.txt")
    while j < len(tokens) and (tokens[j].tag == "PLACE" or tokens[j].text.endswith(zones)):
        j += 1
    name = "".join(t.text for t in tokens[i:j])
    if name and _known_place(name, city):
        return _narrower(tokens, j, name, city)  # "德州/PLACE 经济开发区/PLACE" is one zone
    if j > i and all(_known_place(t.text, city) for t in tokens[i:j]):
        return _narrower(tokens, j, tokens[j - 1].text, city)  # "寿光市/PLACE 洛城街道/PLACE": the narrowest
    return None, i


def _narrower(tokens: list[Token], j: int, place: str, city: str | None) -> tuple[str, int]:
    """The place and the index after it, taking in a county written right after the place it lies in
    that the model did not see as a place ("广东/PLACE 怀集/VERB")."""
    while j < len(tokens) and _lies_in(tokens[j].text, place, city):
        place, j = tokens[j].text, j + 1
    return place, j


def _lies_in(word: str, place: str, city: str | None) -> bool:
    """Is `word` a known place inside `place` ("怀集" in 广东)?"""
    gazetteer = Gazetteer.default()
    outer = gazetteer.resolve(place)
    inner = gazetteer.resolve(word, outer) if outer and len(word) >= 2 and _known_place(word, city) else None
    return bool(outer and inner and inner is not outer and gazetteer.contains(outer, inner))


def _subject_ends(tokens: list[Token], i: int) -> bool:
    """Is token i (quotes skipped) where a subject ends: a verb, an adverb, a preposition, or a
    headline's colon ("齐河县：…")?"""
    while i < len(tokens) and tokens[i].text in _QUOTES:
        i += 1
    if i >= len(tokens) or tokens[i].text in word_list("project_name_verbs.txt"):
        return False  # "德州恒信装备科技有限公司年产…项目": the company begins a name
    return tokens[i].tag in _AFTER_SUBJECT_TAGS or tokens[i].text in (":", "：")


def _headline_place(article: Article, city: str | None) -> str | None:
    """The place the headline is about: its subject ("齐河县：…", "我市积极探索…") or a
    locative ("…项目在乐陵开工建设"). A place that only qualifies a word ("…的“德州温度”") is not."""
    for sentence in article.sentences:
        if not sentence.headline:
            continue
        for first, tokens in _clauses(sentence):
            place = _clause_place(tokens, first, city, None)
            if place:
                return place
        for i, token in enumerate(sentence.tokens):
            if token.text == "在":
                place, after = _place_at(sentence.tokens, i + 1, city)
                if place and _subject_ends(sentence.tokens, after):
                    return place
    return None


def _pointed_owner(sentence: Sentence, project: ProjectMention, company: str | None) -> str | None:
    """ "这家…的企业，正对X项目进行技术改造": the company the passage is about owns the project."""
    before = sentence.text[: project.start - sentence.start]
    return company if company and _DEMONSTRATIVE.search(before) else None


def _passage_company(sentence: Sentence, company: str | None) -> str | None:
    """The company the passage is about after this sentence: the last one it names, preferring a
    full name (…公司) to a short one."""
    named = [m.text for m in sentence.mentions if m.type == "ORG" and m.subtype == "company"]
    return ([n for n in named if n.endswith("公司")] or named or [company or ""])[-1] or None


def _add_mention(project: ProjectMention) -> None:
    sentence = project.sentence
    if not any(m.type == "PROJECT" and m.start == project.start for m in sentence.mentions):
        sentence.mentions.append(
            Mention(project.start, project.end, project.name, "PROJECT", source="pattern")
        )
        sentence.mentions.sort(key=lambda m: (m.start, -m.end))


def _company_relations(article: Article) -> list[Relation]:
    """Joint ventures and industries of the company a passage is about."""
    relations: list[Relation] = []
    company: str | None = None
    for sentence in article.sentences:
        relations += _ventures(sentence, company) + _industries(sentence, company)
        company = _passage_company(sentence, company)
    return relations


def _ventures(sentence: Sentence, company: str | None) -> list[Relation]:
    """ "由A和B共同出资成立": the company the passage is about (or the first named) has A and B as parents."""
    named = [m.text for m in sentence.mentions if m.type == "ORG" and m.subtype == "company"]
    venture = _JOINT_VENTURE.search(sentence.text)
    subject = company or (named[0] if named else None)
    if not venture or not subject:
        return []
    return [
        Relation(subject, "ORG", "parentOrganization", parent.strip(), "ORG", sentence)
        for parent in (venture["a"], venture["b"])
    ]


def _industries(sentence: Sentence, company: str | None) -> list[Relation]:
    """ "是一家…的企业": the industry of the organisation named before, or of the passage's company."""
    industry = _INDUSTRY.search(sentence.text)
    if not industry:
        return []
    before = [
        m.text for m in sentence.mentions if m.type == "ORG" and m.end - sentence.start <= industry.start()
    ]
    # "这家…的企业，是一家…": the company the passage is about, not an organisation named on the way
    pointed = _DEMONSTRATIVE.search(sentence.text, 0, industry.start())
    owner = company if pointed and company else (before or [company or ""])[-1] or None
    return [Relation(owner, "ORG", "industry", industry["what"], "LITERAL", sentence)] if owner else []
