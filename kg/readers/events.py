"""Events and who took part in them, read from the patterns of the genre.

- "XX会议(在P)召开/举行", "召开/举行XX会议", "在召开的XX大会上": a named event;
- "PERSON到P调研": a visit, an event of its own;
- "由A、B主办，C承办": organisers;
- "PERSON(、PERSON)…出席/主持/讲话/…": participation with the verb as role; persons
  listed before a verb all get it, and "主持并讲话" gives both roles.
The year of a date comes only from the text or the issue date (kg.language.dates).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.language.dates import DateSpan, month_of, parse_date, year_of_text
from kg.language.gazetteer import Gazetteer
from kg.language.lexicon import (
    LexiconPattern,
    alternation,
    lexicon_cache,
    person_verbs,
    table,
    title_pattern,
    word_list,
)
from kg.language.money import chinese_number
from kg.language.names import fill_from, merge_by_name, normalize
from kg.model import Article, EventMention, Mention, Participation, Sentence


def _pattern(name: str) -> LexiconPattern:
    """A pattern of kg/data/event_patterns.tsv, where the genre's words in this module's patterns live."""
    return LexiconPattern("event_patterns.tsv", name)


_CLAUSE = re.compile(r"[，,。；;：:！？!?]")
_CLAUSE_OR_SPACE = re.compile(r"[，,。；;：:！？!?\s]")  # a headline's clauses end at a space too
_LEADING = _pattern("leading")
_BEFORE_TRIGGER = _pattern("before_trigger")
# "在P隆重召开"; not "在雄壮的国歌声中胜利闭幕", "在热烈的掌声中…" (in a sound or a mood, no place)
_PLACE_BEFORE_TRIGGER = _pattern("place_before_trigger")
_ORGANIZERS = _pattern("organizers")
_CO_ORGANIZERS = _pattern("co_organizers")
_LIST = _pattern("list_parts")
_PREDICATE = _pattern("predicate")
_COUNTED = _pattern("counted")
_DONE_FOR = _pattern("done_for")
_COLLECTIVE_LEAD = _pattern("collective_lead")
_URGED_WORKS = _pattern("urged_works")
_JOINED = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")  # layout spaces inside a name
_SAME_DAY = _pattern("same_day")
_NOT_A_NAME = _pattern("not_a_name")
_HOSTING_AS_PART = _pattern("hosting_as_part")
_ORGANISED_BEFORE = _pattern("organised_before")
_VENUE_PART = _pattern("venue_part")
_VENUE_PART_AFTER = _pattern("venue_part_after")
_COUNT_NOT_NAME = _pattern("count_not_name")
_SERIAL = _pattern("serial")
_REPORTING = _pattern("reporting")
_LEARNED_AT = _pattern("learned_at")
_HELD_AT = _pattern("held_at")
_SIGNED = _pattern("signed")
_SPEECH_AS_NOUN = _pattern("speech_as_noun")
_SPEECH_RECALLED = _pattern("speech_recalled")
_DURING = _pattern("during")
_HELD_WHERE_SAID = _pattern("held_where_said")
_PLANNED = _pattern("planned")
_HEARING = _pattern("hearing")
_TERM = _pattern("term")
_SITTING = _pattern("sitting")
_NTH = _pattern("nth")
_NUMBERED_PART = _pattern("numbered_part")
_RELAYED_BEFORE = _pattern("relayed_before")
_SPEECH_AFTER = _pattern("speech_after")
_LEADER_OF = _pattern("leader_of")


@lexicon_cache
def _heads() -> list[tuple[str, str]]:
    return sorted(((k, v[0]) for k, v in table("event_heads.tsv").items()), key=lambda kv: -len(kv[0]))


@lexicon_cache
def _acts() -> list[tuple[str, str, str | None, re.Pattern[str]]]:
    """The rows of event_acts.tsv: the event's name, its type, the role of its doers, its pattern
    (kg lexicon check runs their examples)."""
    rows = table("event_acts.tsv").values()
    return [
        (name, kind, None if role == "-" else role, re.compile(pattern))
        for name, kind, role, pattern, _ in rows
    ]


@lexicon_cache
def _trigger_after() -> re.Pattern[str]:
    """A verb after an event's name; not one inside a briefing's name ("…集中开工新闻发布会")."""
    briefings = tuple(head for head, kind in _heads() if kind == "press_conference")
    return re.compile(f"(?:{alternation(word_list('event_triggers.txt'))})(?!{alternation(briefings)})")


_TRIGGER_BEFORE = _pattern("trigger_before")  # a verb before an event's name: 召开, 签订, 出席 …


_REFERRING = _pattern("referring")


def _named_in_full(name: str) -> bool:
    """ "甘肃省重大项目集中开工仪式", not "座谈会", "此次调研活动" or "第一次、第二次全体会议"."""
    bare = any(name == head for head, _ in _heads())
    listed = "、" in name and not _DELEGATIONS_SITTING.search(name)
    return len(name) >= 5 and not bare and not listed and not _REFERRING.match(name)


_DELEGATIONS_SITTING = _pattern("delegations_sitting")
_JOINED_EVENTS = _pattern("joined_events")


def _last_event_end(piece: str) -> int:
    """Where the last event's name in `piece` ends (after its head and a venue's part), or -1:
    "…新闻发布会莱州市专场——凝心聚力谋发展" ends after 专场, not after 发展 (a word that ends like a
    head: non_event_endings.txt)."""
    # a head's 会 in a venue's 会场 ("…活动(仁化分会场)") ends no name, nor in talks, 会谈 ("举行工作会谈")
    ends = {
        m.end()
        for head, _ in _heads()
        for m in re.finditer(re.escape(head), piece)
        if piece[m.end() : m.end() + 1] not in ("场", "谈")
    }
    end = max((end for end in ends if event_type(piece[:end])), default=-1)
    venue = _VENUE_PART_AFTER.match(piece, end) if end > 0 else None
    return venue.end() if venue else end


@lexicon_cache
def _roles() -> re.Pattern[str]:
    # "《政府工作报告》": 作报告 inside 工作报告 is no one's part (but "开工培土奠基" is); "副调研员": a
    # title, not a visit
    return re.compile(
        f"(?!(?<=工)作)(?:(?P<document>{_pattern('document_report').pattern})|(?P<answer>{_pattern('answering').pattern})|"
        + alternation(tuple(sorted(table("participation_roles.tsv"), key=len, reverse=True)))
        + ")(?!员)"
    )


def _role_of(verb: re.Match[str]) -> tuple[str, str]:
    """The role and its class of a verb `_roles` found: "作《X》的报告" is 报告, "作关于X的说明" 说明,
    "回答大家关心的问题" 答记者问."""
    written = "回答记者提问" if verb["answer"] else verb.group()
    if verb["document"]:
        written = "作说明" if written.rfind("说明") > written.rfind("报告") else "作报告"
    role, role_class = table("participation_roles.tsv")[written]
    return role, role_class


_LED = _pattern("led").pattern  # "率党政考察团": the visitor leads a group
_LEADS_GROUP = _pattern("leads_group")
_INSPECTION = _pattern("inspection")  # after a person: "(一行)到P调研", "带领…来P实地考察", "现场督导X"


def event_type(name: str) -> str | None:
    """The type an event's name gives by its last word, or None when it names no event."""
    if _SITTING_OF_A_BODY.search(name):
        return "meeting"
    body = next((e for e in word_list("non_event_endings.txt") if name.endswith(e)), "")
    name = _VENUE_PART.sub("", name)  # a venue's part has the type of the event it is part of
    for head, kind in _heads():
        if name.endswith(head):
            return kind if len(head) > len(body) else None  # "协商会" is a meeting, "商会" a body
    if name.endswith(word_list("signed_documents.txt")) and not body:
        return "signing"
    return None


def home_names(city: str, county: str = "", inferred: bool = False) -> dict[str, str]:
    """What the paper's "we" names (我市, 我县, 我区): the county whose news it is, or the city given for
    the run (a city inferred from the text may be the prefecture of the county-level city that says 我市)."""
    ours = county if county.endswith("市") else "" if inferred else city
    home = {"我市": ours, "本市": ours}
    for level in "县区旗":
        home["我" + level] = county if county.endswith(level) else ""
    return {word: name for word, name in home.items() if name}


class EventReader:
    def __init__(
        self, issue_date: str | None = None, home: dict[str, str] | None = None, city: str = ""
    ) -> None:
        self.issue_date = issue_date
        self.home = home or {}  # 我市 → 衡阳市: events are named where they were held, not as the paper says
        self.city = city  # the paper's city, before a county's name that several counties have

    def read_article(self, article: Article) -> None:
        lead = article.lead
        lead_date = self._date(lead.text, None) if lead else None
        events: list[EventMention] = []
        for sentence in article.sentences:
            for event in self._events_in(sentence, lead_date):
                self._name_home(event)  # before merging: "来胶考察" and "来胶州市考察" are one visit
                _merge_event(events, event)
        _join_headline_event(events, lead)
        _join_sessions(events)
        _sessions_of_sittings(events)
        _join_collective_start(events)
        _met_where_visited(events)
        events = _group_met_on_its_visit(events)
        _fold_session_parts(events)
        article.events = events
        main = _main_event(article, events, lead)
        _dates_of_the_day(events, main, lead, lead_date)
        _within_main(events, main)
        _year_from_name(events)
        _year_of_the_day(events, main)
        if self.issue_date is None:
            _year_from_text(events, article)
        _chronicle_days(article, events)
        _opened(events)
        _sessions_opened(events)
        main = _join_abbreviated_headline(events, main)
        _programme(article, events, main)
        particulars = _particulars(article)
        if particulars and main is None:  # a transcript's page opens with its particulars, not its lead
            main = next((e for e in events if not (e.cited or e.in_passing)), None)
        self._fill_from_particulars(main, particulars)
        self._parts_taken(article, events, main, particulars)
        article.events = _reported_events(article, events)
        for event in article.events:
            if event.place is None and event.type in ("ceremony", "signing"):
                event.place = _holding_division(event)
            self._name_home(event)
            if event.place in word_list("unnamed_homes.txt"):
                event.place = None  # "我县" of a page that never names its county is no place to show
            _add_mention(event)

    def _name_home(self, event: EventMention) -> None:
        """ "X到我县调研" is "X到衡阳县调研" in a graph of many papers; "来怀考察" went to 怀宁县."""
        for word, name in self.home.items():
            event.name = event.name.replace(word, name)
            place = event.place
            # "来胶考察" is "来胶州市考察", "来竹考察" "来大竹县考察"
            if place and len(place) == 1 and place in name[:-1]:
                after = name[name.index(place) + 1]
                event.name = re.sub(
                    f"(?<=[来到莅赴]){re.escape(place)}(?!{after})", name, event.name, count=1
                )
                event.place = name
            elif place:  # "我县融媒体中心" is 寿宁县融媒体中心
                event.place = place.replace(word, name)

    def _fill_from_particulars(self, main: EventMention | None, particulars: list[_Particular]) -> None:
        """The date and place a page's lines of particulars give the event it is about, when the
        text gives none."""
        if main is None:
            return
        for line in particulars:
            if line.reads == "place" and main.place is None:
                main.place = line.value
            span = self._date(line.value, None) if line.reads == "date" and main.date is None else None
            if span:
                main.date, main.end_date = span.start, span.end

    def _parts_taken(
        self,
        article: Article,
        events: list[EventMention],
        main: EventMention | None,
        particulars: list[_Particular],
    ) -> None:
        """Who took part in which event: each visit's visitor, the persons of the lines of particulars,
        then the roles the sentences give (reporters take none); and the organisers."""
        reporters = set(article.authors)
        seen: set[tuple[str, int, str]] = set()
        for line in particulars:
            for person in line.persons if line.reads == "role" else []:  # "日期：…" gives no part
                if main and person.text not in reporters:
                    _add_participation(
                        article, seen, Participation(person.text, main, line.role, line.sentence)
                    )
        for event in events:
            if event.visitor:
                role = _visit_role(event.visit_verb or "")
                for visitor in (event.visitor, *event.co_visitors):  # "A、B到P调研": both visited
                    _add_participation(article, seen, Participation(visitor, event, role, event.sentence))
                led = event.led or _lead_role(event.name)  # "X、Y率党政考察团来Z考察": they led it too
                for leader in (event.visitor, *event.co_visitors) if led else ():
                    _add_participation(article, seen, Participation(leader, event, led, event.sentence))
        self._parts_in_sentences(article, events, main, seen)
        _elected_after(article, seen)
        _sworn_newly(article, events, seen)

    def _parts_in_sentences(
        self,
        article: Article,
        events: list[EventMention],
        main: EventMention | None,
        seen: set[tuple[str, int, str]],
    ) -> None:
        """The roles each sentence gives (reporters take none), and the organisers it names."""
        carried: list[Mention] = []
        for sentence in article.sentences:
            self._organizers(sentence, events, main)
            for participation in _participations(sentence, events, main, carried):
                if participation.person not in article.authors:
                    _add_participation(article, seen, participation)
            listed = _listed_for_later(sentence)
            carried = [*carried, *listed] if listed else []

    def _date(self, text: str, month_hint: int | None) -> DateSpan | None:
        return parse_date(text, self.issue_date, month_hint)

    def _events_in(self, sentence: Sentence, lead_date: DateSpan | None) -> list[EventMention]:
        text = sentence.text
        found = [e for e in (self._named_before(sentence, m) for m in _trigger_after().finditer(text)) if e]
        found += [e for m in _TRIGGER_BEFORE.finditer(text) for e in self._named_after(sentence, m)]
        found += self._inspections(sentence)
        found += _not_overlapping(_group_visits(sentence), found)
        found += self._meetings(sentence)
        found += _not_overlapping(self._talks(sentence), found)
        found += _not_overlapping(_talks_on_visits(sentence, found), found)
        found += self._signings(sentence)
        found += _not_overlapping(_acted(sentence), found)
        for sitting in self._sessions(sentence):
            found = _with_sitting(found, sitting)
        found += self._hosting_events(sentence, found)
        found += self._held_at(sentence, found)
        found += _not_overlapping(self._learned_at(sentence), found)
        found += _not_overlapping(self._held_where_said(sentence), found)
        if sentence.headline and not found:
            found += self._headline_name(sentence) or self._headline_visit(sentence)
        cited = _cited(sentence)  # "传达学习了省委X全会、市委Y全会精神": held before, not today
        found = [e for e in found if not any(c.start <= e.start and e.end <= c.end for c in cited)]
        self._dates_before(sentence, found, lead_date)
        found += _not_overlapping(cited, found)
        return found + self._during(sentence, found) + self._hosting_as_part(sentence, found)

    def _dates_before(
        self, sentence: Sentence, found: list[EventMention], lead_date: DateSpan | None
    ) -> None:
        """Each event without a date takes the date written before it in the sentence (after the report's
        own words), its month from the sentence or the lead's when the date gives none."""
        text = sentence.text
        hint = month_of(text) or (
            month_of(lead_date.start) if lead_date and not lead_date.year_known else None
        )
        for event in found:
            if event.in_passing and any(f.end <= event.start for f in found):
                continue  # "1月1日，X举行发布会，介绍Y全会有关情况": the date is the conference's
            before = text[: event.start - sentence.start]
            date = self._date(before[_report_end(before) :], hint)
            if date and event.date is None:
                event.date, event.end_date = date.start, date.end

    def _during(self, sentence: Sentence, found: list[EventMention]) -> list[EventMention]:
        """ "在X研讨班期间，A与B签署…协议": X was under way; what the sentence reports after it is
        part of it. The sentence's date is that part's, not X's start."""
        wholes = []
        for match in _DURING.finditer(sentence.text):
            whole = self._event(sentence, match.start("name"), match.end("name"), None)
            if whole is None:
                continue
            for event in found:
                if event.start >= sentence.start + match.end() and event.part_of is None:
                    event.part_of = whole
            wholes.append(whole)
        return wholes

    def _named_before(self, sentence: Sentence, trigger: re.Match[str]) -> EventMention | None:
        """ "XX会议(将在P)召开"."""
        text = sentence.text
        if _holds_event_after(text, trigger):
            return None
        before = text[: trigger.start()]
        name_end, where = _name_end_and_place(before)
        # in a headline a space separates phrases: "坚定信心 勇毅前行 … 市十八届人大三次会议胜利闭幕"
        breaks = _CLAUSE_OR_SPACE if sentence.headline else _CLAUSE
        clause_start = max((m.end() for m in breaks.finditer(text, 0, name_end)), default=0)
        if where and not _LEADING.sub("", text[clause_start:name_end]).strip() and clause_start > 0:
            # "XX会议圆满完成各项议程，在P胜利闭幕": the event is the subject of the clause before
            previous = max((m.end() for m in breaks.finditer(text, 0, clause_start - 1)), default=0)
            subject = _PREDICATE.split(text[previous : clause_start - 1], maxsplit=1)[0]
            cut = max(
                (subject.rfind(head) + len(head) for head, _ in _heads() if head in subject), default=-1
            )
            return self._event(sentence, previous, previous + cut, where) if cut > 0 else None
        if trigger.group() in word_list("ground_breaking_triggers.txt"):
            return self._ground_breaking(sentence, clause_start, name_end, trigger, where)
        event = self._event(sentence, clause_start, name_end, where)
        when = self._date(before[name_end:], None)  # "X会议于2025年1月13日至16日在潍坊召开"
        if event and when:
            event.date, event.end_date = when.start, when.end
        return event

    def _ground_breaking(
        self, sentence: Sentence, start: int, end: int, trigger: re.Match[str], place: str | None
    ) -> EventMention | None:
        """ "XX项目在P开工建设": the ground-breaking is an event (a ceremony) named after the project."""
        subject = _COLLECTIVE_LEAD.sub("", _LEADING.sub("", sentence.text[start:end]).strip())
        # "出席2021年重点项目开工复工仪式": the ceremony attended, named in full
        attended = next((v for v in word_list("attending_verbs.txt") if subject.startswith(v)), "")
        ceremony = _CEREMONY_AFTER.match(sentence.text, trigger.end()) if attended else None
        subject = _DONE_FOR.sub("", subject[len(attended) :] if ceremony else subject)
        if not _names_works(subject) or _has_person(sentence, start, end) or _URGED_WORKS.match(subject):
            return None  # "项目开工" says nothing of which project; "副市长X宣布项目开工" is no name
        name = subject + trigger.group() + (ceremony.group() if ceremony else "")
        base = sentence.start
        begin = base + sentence.text.index(subject, start)
        return EventMention(name, "ceremony", sentence, begin, begin + len(subject), place=place)

    def _named_after(self, sentence: Sentence, trigger: re.Match[str]) -> list[EventMention]:
        """ "召开XX会议", "在召开的XX大会上", "签署XX协议"; "先后召开A会和B会议": two events."""
        event = self._named_after_trigger(sentence, trigger)
        if event is None:
            return []
        joined = _JOINED_EVENTS.fullmatch(event.name)
        if joined is None or not (event_type(joined["first"]) and event_type(joined["second"])):
            return [event]
        base = event.start - sentence.start
        first = self._event(sentence, base, base + joined.end("first"), event.place)
        second = self._event(sentence, base + joined.start("second"), event.end - sentence.start, event.place)
        return [e for e in (first, second) if e] or [event]

    def _named_after_trigger(self, sentence: Sentence, trigger: re.Match[str]) -> EventMention | None:
        text = sentence.text
        end = next((m.start() for m in _CLAUSE.finditer(text, trigger.end())), len(text))
        start = trigger.end() + (1 if text.startswith("的", trigger.end()) else 0)
        piece = text[start:end]
        cut = _last_event_end(piece)
        if trigger.group(1) in ("签署", "签订"):
            signed = _SIGNED.match(text, trigger.end())  # "签订战略合作协议等内容": up to the document
            return self._event(sentence, trigger.start(1), signed.end() if signed else end, None, drop="了")
        if cut <= 0 or piece.startswith("代表", cut):
            return None  # "出席山东省第十四届人民代表大会代表": the deputies to it, not a report of it
        if trigger.group(1) in word_list("attending_verbs.txt") and not _named_in_full(
            piece[:cut].removeprefix("了")
        ):
            return None  # "出席座谈会", "参加上述活动": the article's event, named elsewhere
        serial = _SERIAL.match(piece[cut:])
        place = _held_in(sentence, trigger) if trigger.group(1) in _holding_verbs() else None
        end = start + cut + (serial.end() if serial else 0)
        sitting = _sitting_of_the_session(sentence, trigger, piece[:cut], start)
        if sitting:
            return sitting
        host = _host_before(text, trigger) or _body_of_counted_sitting(text, trigger, piece)
        if host:
            return self._event(sentence, host.start(), end, place, drop=trigger.group())
        return self._event(sentence, start, end, place)

    def _hosting_events(self, sentence: Sentence, found: list[EventMention]) -> list[EventMention]:
        """ "第19届中国·金湖荷花节举行X仪式": the festival that holds X is an event too, X a part of it."""
        hosts = []
        for trigger in _TRIGGER_BEFORE.finditer(sentence.text):
            host = _host_before(sentence.text, trigger)
            if host:
                begin, end = sentence.start + host.start(), sentence.start + host.end()
                kind = event_type(host.group()) or "other"
                hosts.append(EventMention(host.group(), kind, sentence, begin, end))
        for event in found:
            event.part_of = next((h for h in hosts if event.name.startswith(h.name)), event.part_of)
        return hosts

    def _hosting_as_part(self, sentence: Sentence, found: list[EventMention]) -> list[EventMention]:
        """ "作为X节的主体活动之一——Y举行": X is an event too, Y a part of it; the sentence's date is Y's."""
        hosts = []
        for match in _HOSTING_AS_PART.finditer(sentence.text):
            begin, end = sentence.start + match.start("host"), sentence.start + match.end("host")
            host = EventMention(match["host"], event_type(match["host"]) or "other", sentence, begin, end)
            for event in found:
                if event.start >= sentence.start + match.end() and event.part_of is None:
                    event.part_of = host
            hosts.append(host)
        return hosts

    def _learned_at(self, sentence: Sentence) -> list[EventMention]:
        """ "记者从X新闻发布会上获悉": the reporter was at X, held on the sentence's day."""
        events = (
            self._event(sentence, m.start("name"), m.end("name"), None)
            for m in _LEARNED_AT.finditer(sentence.text)
        )
        return [e for e in events if e]

    def _held_where_said(self, sentence: Sentence) -> list[EventMention]:
        """ "在X开工仪式上，A宣布…": X is where the sentence's roles were taken, held on its day. X is
        the shortest span after 在 that names an event before 上 or 中 ("…集中开工…" goes on); "在X会议上的
        讲话精神" is cited, not attended."""
        found = []
        for match in _HELD_WHERE_SAID.finditer(sentence.text):
            end = _at_event_end(sentence.text, match.end())
            event = self._event(sentence, match.end(), end, None) if end else None
            found += [event] if event else []
        return found

    def _held_at(self, sentence: Sentence, earlier: list[EventMention]) -> list[EventMention]:
        """ "XX现场会主会场设在P现场": the event, held at P; "X活动在固安召开，主会场设在P现场": the
        event before, held at P, not only in the county."""
        found = []
        for match in _HELD_AT.finditer(sentence.text):
            start = max((m.end() for m in _CLAUSE.finditer(sentence.text, 0, match.start())), default=0)
            event = self._event(sentence, start, match.start(), match["place"])
            if event:
                found.append(event)
            elif start == match.start() and earlier:
                earlier[-1].place = match["place"]
        return found

    def _event(
        self, sentence: Sentence, start: int, end: int, place: str | None, drop: str = ""
    ) -> EventMention | None:
        raw = sentence.text[start:end]
        lead = _LEADING.match(raw)
        if lead:
            start += lead.end()
        organised = _ORGANISED_BEFORE.match(sentence.text, start, end)
        start = organised.end() if organised else start
        name = _JOINED.sub("", _trim_quotes(sentence.text[start:end].strip()).removeprefix("了"))
        name = _COUNTED.sub(r"\1", name)  # "8个项目的集中签约仪式" is named 8个项目集中签约仪式
        if drop:
            name = name.replace(drop, "", 1)  # "签署了战略合作框架协议" names "签署战略合作框架协议"
        kind = event_type(_NUMBERED_PART.sub("", name))
        if len(name) < 3 or kind is None or _NOT_A_NAME.search(name) or _COUNT_NOT_NAME.match(name):
            return None
        if _has_person(sentence, start, end):
            return None
        if _bare_head_after(name):
            return None  # "对大会召开表示祝贺", "祝贺大会召开": the article's event, not one named 对大会
        base = sentence.start
        return EventMention(name, kind, sentence, base + start, base + end, place=place)

    def _headline_visit(self, sentence: Sentence) -> list[EventMention]:
        """A headline that is a visit by a body or a group, no person named ("县人大常委会调研县检察院
        工作情况", "县领导到宁海三门湾新区调研工作"): the visit the lead reports, named as the headline
        names it."""
        text = sentence.text.strip()
        if not _pattern("headline_visit").fullmatch(text) or _has_person(sentence, 0, len(sentence.text)):
            return []
        start = sentence.start + sentence.text.index(text)
        return [EventMention(text, "inspection", sentence, start, start + len(text))]

    def _headline_name(self, sentence: Sentence) -> list[EventMention]:
        """A headline line that is an event's name and nothing else ("深赣港产城特别合作区一期项目集中开工
        仪式"); a short one is a photo's caption ("授牌仪式", "互换战略合作协议"). A kicker before a dash
        ("新年重头戏——X仪式") is no part of it."""
        start = sentence.text.rfind("——") + 2 if "——" in sentence.text else 0
        event = self._event(sentence, start, len(sentence.text), None)
        named = event and event.name == sentence.text[start:].strip() and len(event.name) >= 12
        return [event] if event and named else []

    def _with_city(self, name: str, place: str) -> str:
        """ "城中区第十三届人民代表大会…" is 柳州市城中区's: so named in a graph of many papers, as its posts'
        body is."""
        shared = self.city and name.startswith(place) and Gazetteer.default().shared_county_name(place)
        return self.city + name if shared else name

    def _sessions(self, sentence: Sentence) -> list[EventMention]:
        """ "湘西州十五届人大常委会第二十五次会议", "市五届人大三次会议主席团第一次会议": a sitting of a
        congress, its standing committee or a CPPCC is an event wherever the text names it, with the
        place or level written before it."""
        found = []
        text = sentence.text
        for match in _SITTING_NAME.finditer(text):
            start = match.start() - len(_place_before(text, match.start()))
            name = self._with_city(text[start : match.end()], _place_only_before(text, match.start()))
            # "X人大常委会召开第二十一次会议" is X人大常委会第二十一次会议; so is "…主席团在P举行第二次会议"
            for said in ("held", "at", "presidium", "plenary"):
                name = name.replace(match[said], "", 1) if match[said] else name
            kind = "meeting" if _STANDING.search(name) else "conference"
            event = EventMention(name, kind, sentence, sentence.start + start, sentence.start + match.end())
            event.place = match["at"][1:] if match["at"] else None
            event.in_passing = True
            self._date_after(event, text[match.end() :])
            found += [event, *_joined_sitting(event, text, match.end())]
        return found + _plenaries(sentence) + _party_congresses(sentence)

    def _date_after(self, event: EventMention, after: str) -> None:
        """ "X常委会第二次会议于2017年6月21日决定：…", "…第二十六次会议3月29日决定…": the sitting's day."""
        acted = _DATED_ACT.match(after)
        when = self._date(acted["date"], None) if acted else None
        if when:
            event.date, event.end_date = when.start, when.end

    def _inspections(self, sentence: Sentence) -> list[EventMention]:
        """ "孙七到东阿县调研": the visit is an event, the visitor its first participant."""
        persons = _persons(sentence)
        found: list[EventMention] = []
        for person in persons:
            if any(e.start < person.start < e.end for e in found):
                continue  # "X率A，B一行赴P考察": A and B are in X's visit, not visitors of their own
            event = _visit(sentence, person, persons)
            found += [event] if event else []
        return found

    def _meetings(self, sentence: Sentence) -> list[EventMention]:
        """ "王五会见了首钢集团…赵六一行": the meeting is an event, "王五会见赵六"; hosts listed
        together share it ("张三、李四会见王五"); a guest that is no named person is named as
        written ("赵六会见阿拉伯国家驻华使节团"). The first host is its first participant."""
        found = []
        persons = _persons(sentence)
        for i, host in enumerate(persons):
            match = _pattern("meeting").match(sentence.text[host.end - sentence.start :])
            if match:
                found += _meetings_of(sentence, persons[: i + 1], persons, match)
        return found

    def _talks(self, sentence: Sentence) -> list[EventMention]:
        """ "张三、李四与某集团负责人座谈交流": the talk is an event, "张三、李四与某集团负责人座谈"."""
        found = []
        persons = _persons(sentence)
        for i, host in enumerate(persons):
            match = _pattern("talk").match(sentence.text, host.end - sentence.start)
            if not match:
                continue
            start, end = sentence.start + match.start("other"), sentence.start + match.end("other")
            guests = [m for m in persons if start <= m.start and m.end <= end]
            other = _guest_as_named(sentence, guests, match["other"]) if guests else match["other"]
            hosts = _hosts(sentence.text, sentence.start, persons[: i + 1])
            sides = f"{match['led'] or ''}与{other}{match['work'] or ''}{match['verb']}"
            name = "、".join(h.text for h in hosts) + sides
            event = EventMention(name, "meeting", sentence, hosts[0].start, sentence.start + match.end())
            event.visitor, event.visit_verb = hosts[0].text, match["verb"]
            found.append(event)
        return found

    def _signings(self, sentence: Sentence) -> list[EventMention]:
        """ "集安市政府与澳洋集团签订人参精深加工项目": a signing named as written, from its first party."""
        found = []
        for match in _SIGNING.finditer(sentence.text):
            first = _PARTY_LEAD.sub("", match["a"])
            if len(first) < 2 or _has_person(sentence, match.end("a") - len(first), match.end("a")):
                continue
            name = f"{first}{match['with']}{match['b']}{match['verb']}{match['what']}"
            start = sentence.start + match.end("a") - len(first)
            found.append(EventMention(name, "signing", sentence, start, sentence.start + match.end()))
        return found

    def _organizers(self, sentence: Sentence, events: list[EventMention], main: EventMention | None) -> None:
        target = _event_named_in(sentence, events) or main
        if target is None:
            return
        for match in _ORGANIZERS.finditer(sentence.text):
            target.organizers += _split_list(match.group("orgs"))
        for match in _CO_ORGANIZERS.finditer(sentence.text):
            target.co_organizers += _split_list(match.group("orgs"))


_WITHIN_SESSION = _pattern("within_session")


def _chronicle_days(article: Article, events: list[EventMention]) -> None:
    """ "2020年10月大事记": a chronicle's entries open with their day ("7日 县长X到…"), and an entry marked ※
    (or a sentence after the first) is of the day before; its events without a date are of that day."""
    month = _CHRONICLE.search(article.headline or "")
    if month is None:
        return
    day = None
    for sentence in article.sentences:
        opening = _ENTRY_DAY.match(sentence.text)
        day = int(opening[1]) if opening else day
        for event in (e for e in events if e.sentence is sentence and e.date is None and day):
            event.date = f"{month[1]}-{int(month[2]):02d}-{day:02d}"


_CHRONICLE = _pattern("chronicle")
_ENTRY_DAY = _pattern("entry_day")


def _names_works(subject: str) -> bool:
    """Do the words before 开工 name the project or works started ("XX项目", "册亨县第四中学建设": a works
    named after its place, without 项目)?"""
    if subject.endswith("项目集中") and (not _starts_with_place(subject) or re.search("[、等]", subject)):
        return False  # "全市150个…", "1359个…", "A、B等一批项目集中开工": a count or a list, no name
    built = subject.endswith(("建设", "工程")) and _starts_with_place(subject)
    return (
        (subject.endswith(("项目", "项目集中")) or built)
        and len(subject) >= 8
        and not _NOT_A_NAME.search(subject)  # "景县组织开展…项目集中开工活动": the 活动 is the event
        # "A节举行重大项目开工暨签约仪式": the 仪式 is the event
        and not any(verb in subject for verb in _holding_verbs())
    )


def _within_session(name: str) -> bool:
    return bool(_WITHIN_SESSION.search(name))


def _bare_head_after(name: str) -> bool:
    """ "对大会", "祝贺大会": a bare head after a word that makes it no name (before_bare_heads.txt)."""
    heads = table("event_heads.tsv")
    return any(
        name.startswith(w) and name.removeprefix(w) in heads for w in word_list("before_bare_heads.txt")
    )


def _merge_event(events: list[EventMention], event: EventMention) -> None:
    """One event for names that contain one another ("X会议" and "X会议开幕式"), but a meeting within
    a session ("X会议主席团第一次会议", "X会议第三次全体会议") is never the session, nor a meeting cited
    for its spirit the one reported."""
    same_visit = next((e for e in events if _same_visit(e, event)), None)
    if same_visit:  # "A到P部分企业，就…进行调研" and "A深入P部分企业就…进行调研": one visit
        fill_from(same_visit, event, ("date", "end_date"))
        return
    led = next((e for e in events if _group_they_led(e, event)), None)
    if led:  # "A、B带领党政代表团来临考察 … 对休宁县党政代表团来临考察表示欢迎": the group's visit, so named
        led.name = event.name
        return
    if any(_restates(e, event) for e in events):
        return
    if any(e.part_of is event for e in events):  # "X节" holding "X节Y仪式" (`_hosting_events`): two
        events.append(event)
        return
    within = _within_session(event.name)
    # a meeting whose spirit is relayed ("传达了省、市X会议精神") is not the one that relays it ("X会议")
    peers = [
        e
        for e in events
        if _within_session(e.name) == within and _briefing(e) == _briefing(event) and e.cited == event.cited
    ]
    _merge_among(events, peers, event)


def _merge_among(events: list[EventMention], peers: list[EventMention], event: EventMention) -> None:
    """Merge `event` into the one of `peers` whose name holds its or is held in it, else add it."""
    before = list(peers)
    kept = merge_by_name(peers, event, ("date", "end_date", "place", "part_of"))
    if len(peers) == len(before):  # one event: the other name is where it is named again
        other = event if kept in before else before[peers.index(kept)]
        kept.named_again.append((other.sentence, other.start))
    for old, new in zip(before, peers[: len(before)], strict=True):
        if new is not old:
            events[events.index(old)] = new
    if len(peers) > len(before):
        events.append(event)


def _restates(named: EventMention, event: EventMention) -> bool:
    """ "举行2024年第一季度重点项目集中开工仪式，26个项目参加集中开工活动": the activity of the sentence
    is the ceremony it named before, spoken of again by what is done there."""
    core = event.name.removesuffix("活动").removesuffix("仪式")
    return (
        named.sentence is event.sentence
        and named.end <= event.start
        and len(core) >= 2
        and core != event.name
        and core in named.name
        and named.name != event.name
        and named.type in ("ceremony", "signing")
    )


def _same_visit(a: EventMention, b: EventMention) -> bool:
    """One visit: the same visitor, verb and place, or a stop at one of the sites the visit listed
    ("到新宝铝业、才湾镇、桂北新城调研 … 当天，X来到新宝铝业视察")."""
    if not (a.type == b.type == "inspection" and a.visitor is not None and a.visitor == b.visitor):
        return False
    if (a.visit_verb, a.place) == (b.visit_verb, b.place):
        return True
    place = b.place or ""
    return bool(place) and any(site in place or place in site for site in a.sites if len(site) >= 2)


def _group_they_led(visit: EventMention, group: EventMention) -> bool:
    """Is `group` a delegation's visit to where the visitors of `visit` led a delegation?"""
    return (
        visit.type == group.type == "inspection"
        and visit.led == "率团"
        and group.visitor is None
        and visit.place is not None
        and visit.place == group.place
        and _named_group(group.name)
    )


def _named_group(name: str) -> bool:
    """Does a group's visit name the group by whose it is ("休宁县党政代表团来临考察"), not only by its kind
    ("代表团来乌兰考察")?"""
    noun = re.search(alternation(word_list("delegation_nouns.txt")), name)
    return noun is not None and len(name[: noun.start()].removesuffix("党政")) >= 2


def _acted(sentence: Sentence) -> list[EventMention]:
    """ "新任命人员进行了宪法宣誓": an act of event_acts.tsv is that event, wherever it is written."""
    found: list[EventMention] = []
    for name, kind, role, pattern in _acts():
        for match in pattern.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            event = EventMention(name, kind, sentence, start, end)
            event.visit_verb = role  # "A向宪法宣誓": the act's verb is A's part
            if not any(_overlap(event, f) for f in found):
                found.append(event)
    return found


_AT_EVENT_END = _pattern("at_event_end")


def _at_event_end(text: str, start: int) -> int | None:
    """Where the event named after 在 ends: the first 上 or 中 after a name of an event of six characters
    or more."""
    limit = min(len(text), start + 60)
    clause = next((m.start() for m in _CLAUSE.finditer(text, start, limit)), limit)
    for match in _AT_EVENT_END.finditer(text, start + 4, clause + 1):  # the mark after 上 is seen
        name = text[start : match.start()]
        # a bare kind ("在开工仪式上") is the event reported, named before; a bracket is a venue's
        if len(name) >= 6 and event_type(name) and not any(bracket in name for bracket in "(（"):
            return match.start()
    return None


def _trim_quotes(name: str) -> str:
    """Drop quote marks and a bracket left over at the ends, keep those that pair up ("“书香德州”全民
    阅读摄影展")."""
    while name and name[0] in "“\"'" and name.count("“") + name.count('"') > name.count("”") + 1:
        name = name[1:]
    while name and name[-1] in "”\"'" and name.count("”") > name.count("“"):
        name = name[:-1]
    if name.startswith("“") and "”" not in name:
        name = name[1:]
    if name[:1] in "(（" and not any(close in name for close in ")）"):
        name = name[1:]  # a photo's caption: "(永州市四届人大七次会议开幕，全体起立 记者 X/摄)"
    return _COLUMN_TAG.sub("", name)


_COLUMN_TAG = _pattern("column_tag")


def _holds_event_after(text: str, trigger: re.Match[str]) -> bool:
    """ "XX会议在P举行预备会议", "X项目在此举行集中开工仪式": the event is the one named after the
    trigger, not before it; but "出席X开工复工仪式" is one name."""
    end = next((m.start() for m in _CLAUSE.finditer(text, trigger.end())), len(text))
    if event_type(text[trigger.end() : end].removeprefix("了")) is None:
        return False
    if trigger.group() not in word_list("ground_breaking_triggers.txt"):
        return True
    start = max((m.end() for m in _CLAUSE.finditer(text, 0, trigger.start())), default=0)
    return any(verb in text[start : trigger.start()] for verb in _holding_verbs())


def _name_end_and_place(before: str) -> tuple[int, str | None]:
    """Where the name before a trigger ends and the place written between them ("X会议将在P召开");
    在 inside the name after a word ("昌乐籍在外人士回乡行座谈会召开") is no place's."""
    tail = _BEFORE_TRIGGER.search(before)
    if tail and _ends_with_head(tail.group()) and _HAN_BEFORE.search(before, 0, tail.start()):
        return len(before), None
    place = _PLACE_BEFORE_TRIGGER.search(before)
    return (tail.start() if tail else len(before)), (place.group("place") if place else None)


_HAN_BEFORE = re.compile(r"[\u4e00-\u9fff]$")  # a word goes on into 在: "昌乐籍在外人士…"


def _ends_with_head(text: str) -> bool:
    return text.endswith(tuple(head for head, _ in _heads()))


def _has_person(sentence: Sentence, start: int, end: int) -> bool:
    base = sentence.start
    return any(
        m.type == "PERSON"
        and m.start < base + end
        and base + start < m.end
        and not _word_of_a_projects_name(sentence, m, end)
        for m in sentence.mentions
    )


def _word_of_a_projects_name(sentence: Sentence, person: Mention, end: int) -> bool:
    """ "…活动暨艾绿|芳香度假小镇项目开工仪式": a word the model read as a name, then nouns up to 项目, is a
    brand inside a project's name, not a person in the event's."""
    at = person.end - sentence.start
    following = next((t for t in sentence.tokens if t.start == at), None)
    stem, head, _ = sentence.text[at:end].partition("项目")
    return (
        following is not None
        and following.tag in _NAME_WORD_TAGS
        and bool(head)
        and not _STEM_BREAKS.search(stem)
        and not title_pattern().search(stem)  # "彭某书记调研…项目": a title and a visit, a person
        and not any(verb in stem for verb in person_verbs())
    )


_NAME_WORD_TAGS = ("NOUN", "PROPER", "ADJ")
_STEM_BREAKS = _pattern("stem_breaks")


@dataclass
class _Particular:
    """A line of particulars ("主持人：…"): what it gives (date, place or role) and its persons."""

    reads: str
    value: str
    role: str
    sentence: Sentence
    persons: list[Mention]


@lexicon_cache
def _particular_line() -> re.Pattern[str]:
    keys = alternation(tuple(table("particular_lines.tsv")))
    of = _pattern("particular_of").pattern  # "会议时间：", "市民代表、媒体等列席情况："
    return re.compile(rf"^\s*(?:{of})?(?P<key>{keys})\s*[：:]\s*(?P<value>\S.*?)\s*[;；。]?$")


def _particulars(article: Article) -> list[_Particular]:
    """The lines of particulars that open a press conference's or a meeting's page ("地点：…",
    "主持人：…", "发言人：A；B；C", a list that runs over several sentences), when one of them names
    who took part: a page's "时间：" alone is when it was posted."""
    found: list[_Particular] = []
    for sentence in article.sentences:
        match = _particular_line().match(sentence.text)
        if match:
            reads, role = table("particular_lines.tsv")[match["key"]]
            found.append(_Particular(reads, match["value"], role, sentence, _persons(sentence)))
        elif found and found[-1].reads == "role" and found[-1].sentence.text.rstrip()[-1:] in ";；、":
            listed = found[-1]  # "发言人：A；" + "B；": the list goes on
            found.append(_Particular("role", sentence.text, listed.role, sentence, _persons(sentence)))
    return found if any(line.persons for line in found if line.reads == "role") else []


def _persons(sentence: Sentence) -> list[Mention]:
    return [m for m in sentence.mentions if m.type == "PERSON"]


def _add_participation(
    article: Article, seen: set[tuple[str, int, str]], participation: Participation
) -> None:
    key = (participation.person, id(participation.event), participation.role)
    if key not in seen:
        seen.add(key)
        article.participations.append(participation)


def _split_list(text: str) -> list[str]:
    return [part.strip() for part in _LIST.split(text) if len(part.strip()) >= 2]


def _main_event(article: Article, events: list[EventMention], lead: Sentence | None) -> EventMention | None:
    """The event an article is about: named in its headline, else in its lead. An article that
    names events only further down ("在此前举办的X对接会上…") is about something else."""
    for wanted in (lambda e: _in_headline(e, lead), lambda e: e.sentence is lead):
        chosen = next((e for e in events if wanted(e) and not e.cited), None)
        if chosen:
            return _held_by(chosen, events) or chosen
    # the lead's event merged into a fuller name read later ("…四次会议" into "…四次会议第二次全体会议")
    named = [e for e in events if not e.in_passing]
    if lead is not None and len(named) == 1 and _shares_name(named[0], lead):
        return named[0]
    return None if named else _session_spoken_of(article, events)


_HOLDS = _pattern("holds")


def _held_by(host: EventMention, events: list[EventMention]) -> EventMention | None:
    """ "X委员会第二次会议召开协商议政座谈会": the meeting the session holds is what the article reports,
    a part of the session."""
    text, base = host.sentence.text, host.sentence.start
    for event in events:
        if event.sentence is host.sentence and _HOLDS.fullmatch(text, host.end - base, event.start - base):
            event.part_of = event.part_of or host
            return event
    return None


def _session_spoken_of(article: Article, events: list[EventMention]) -> EventMention | None:
    """A page cut before its lead ("…在大会主席台前排就坐。大会由X主持。…审议通过了政协Y县第九届委员会
    第三次会议议程") is about the one session it names, when it speaks of "大会"."""
    sessions = {key: e for e in events if (key := _session_key(e.name))}
    if len(sessions) != 1 or not any(_THE_SESSION.search(s.text) for s in article.sentences):
        return None
    return next(iter(sessions.values()))


_THE_SESSION = _pattern("the_session")


def _in_headline(event: EventMention, lead: Sentence | None) -> bool:
    """Named in the article's headline (or named again there, in short): a line without a stop before
    the lead, not a subheading further down ("(…主席团第一次会议推定)")."""
    return any(
        sentence.headline and (lead is None or sentence.start < lead.start)
        for sentence in (event.sentence, *(named for named, _ in event.named_again))
    )


def _shares_name(event: EventMention, sentence: Sentence) -> bool:
    """Does the sentence name a part of the event's name of at least six characters?"""
    name = event.name
    return any(name[i : i + 6] in sentence.text for i in range(max(len(name) - 5, 0)))


def _report_end(before: str) -> int:
    """Where what a reporter learnt begins in the text before an event ("7月1日，记者了解到，在刚刚
    召开的X上…"): a date before it is the report's, not the event's. 0 when nothing is reported."""
    return max((m.end() for m in _REPORTING.finditer(before)), default=0)


def _within_main(events: list[EventMention], main: EventMention | None) -> None:
    """ "此次推介会上，A与B签订…", "会上，X会见Y": what happens within the article's event happens on its
    day and at its place, unless the text gives its own."""
    if main is None:
        return
    for event in events:
        before = event.sentence.text[: event.start - event.sentence.start]
        if event is not main and event.part_of is None and not event.cited and _WITHIN.search(before):
            fill_from(event, main, ("date", "end_date", "place"))


_WITHIN = _pattern("within")


def _reported(event: EventMention) -> bool:
    return _report_end(event.sentence.text[: event.start - event.sentence.start]) > 0


def _session_key(name: str) -> tuple[str, bool, int, int] | None:
    """ "市政协十三届五次会议" and "中国人民政治协商会议第十三届潍坊市委员会第五次会议" are one
    session: (body, standing committee?, term, sitting)."""
    body = next((body for word, (body,) in table("session_bodies.tsv").items() if word in name), "")
    term, sitting = _TERM.search(name), _SITTING.search(name)
    if not (body and term and sitting) or _SITTING.search(name, sitting.end()):
        return None  # "…第七次会议主席团第一次会议" is a meeting within the session, not the session
    standing = "常委" in name or "常务委员会" in name
    return body, standing, int(chinese_number(term.group(1))), int(chinese_number(sitting.group(1)))


def _join_sessions(events: list[EventMention]) -> None:
    """One event for a session named in full and in short within an article: the full name kept."""
    for short in sorted((e for e in events if not _briefing(e)), key=lambda e: len(e.name)):
        key = _session_key(short.name)
        full = next(
            (
                e
                for e in events
                if e is not short and not _briefing(e) and key and _session_key(e.name) == key
            ),
            None,
        )
        if short not in events or full is None or len(full.name) < len(short.name):
            continue
        if full.in_passing and not short.in_passing:
            # "X人大一次会议胜利闭幕 … 会议通过了X人民代表大会第一次会议关于…的决议": the report is
            # where it is named short; it takes the full name
            short.name = full.name
            full, short = short, full
        fill_from(full, short, ("date", "end_date", "place"))
        events.remove(short)


def _met_where_visited(events: list[EventMention]) -> None:
    """ "X率队来湖考察，市长A会见X一行": a meeting the sentence of a visit reports is held where the
    visit went."""
    for meeting in [e for e in events if e.type == "meeting" and e.visitor and not e.place]:
        visits = [e for e in events if e.type == "inspection" and e.sentence is meeting.sentence and e.place]
        if visits:
            meeting.place = visits[0].place


def _group_met_on_its_visit(events: list[EventMention]) -> list[EventMention]:
    """ "…考察团来到A县…。A县委书记X会见考察团并一同考察": meeting the visiting group is part of
    its visit, where the hosts' roles go, not an event of its own."""
    groups = word_list("delegation_nouns.txt")
    visits = [e for e in events if e.type == "inspection" and any(g in e.name for g in groups)]
    if not visits:
        return events
    return [e for e in events if not (e.type == "meeting" and e.visitor and _meets_a_group(e, groups))]


def _meets_a_group(meeting: EventMention, groups: tuple[str, ...]) -> bool:
    guest = meeting.name.rsplit(meeting.visit_verb or "会见", 1)[-1].removesuffix("一行")
    return guest in groups


def _join_collective_start(events: list[EventMention]) -> None:
    """ "南康14个项目集中开工" and "…一期项目集中开工仪式" (or "…集中开工动员大会", "…集中开竣工活动") in one
    article are one event: the one held for it."""
    starts = [e for e in events if _COLLECTIVE_START.search(e.name)]
    held = next((e for e in events if e not in starts and _START_HELD.search(e.name)), None)
    if held is None:
        return
    for start in starts:
        fill_from(held, start, ("date", "end_date", "place"))
        events.remove(start)


_COLLECTIVE_START = _pattern("collective_start")
_START_HELD = _pattern("start_held")


def _sessions_of_sittings(events: list[EventMention]) -> None:
    """ "X会议主席团第一次会议", "X会议第三次全体会议": a sitting within a session is part of the
    session X, an event too, as the sitting names it unless the article names X already."""
    for sitting in list(events):
        within = _WITHIN_SESSION.search(sitting.name)
        name = sitting.name[: within.start() + 2] if within else ""  # up to the session's 会议
        key = _session_key(name)
        if key is None or sitting.part_of is not None:
            continue
        session = next((e for e in events if e is not sitting and _session_key(e.name) == key), None)
        if session is None:
            kind = event_type(name) or "conference"
            session = EventMention(name, kind, sitting.sentence, sitting.start, sitting.start + len(name))
            events.append(session)
        elif len(name) > len(session.name):  # "双牌县十二届人大七次会议": the sitting names it in full
            session.name = name
        sitting.part_of = session


def _fold_session_parts(events: list[EventMention]) -> None:
    """ "举行选举大会" in an article on a session is a sitting of that session, not an event of its
    own: drop it, so that who chaired it is taken to the session (the article's main event). A
    preparatory meeting is the exception: "X会议举行预备会议" is the sitting "X会议预备会议", held the
    day before X opens, with a chair of its own (preparatory_sittings.txt)."""
    preparatory = word_list("preparatory_sittings.txt")
    parts = [e for e in events if _session_part(e.name)]
    if len(parts) == len(events):
        return
    sessions = [e for e in events if _session_key(e.name) and not _WITHIN_SESSION.search(e.name)]
    for part in parts:
        before = part.sentence.text[: part.start - part.sentence.start]
        held_by = [s for s in sessions if s.name in before] or sessions
        counted = part.name in preparatory or _SESSION_SITTING.fullmatch(part.name)
        if counted and len(held_by) == 1:
            part.name, part.part_of = held_by[0].name + part.name, held_by[0]
        else:
            events.remove(part)


def _session_part(name: str) -> bool:
    """A sitting or part of a session named without it: "选举大会", "预备会议", "第二次全体会议"."""
    parts = word_list("session_parts.txt")
    return (
        _NTH.sub("", name) in parts
        or name in word_list("preparatory_sittings.txt")
        or bool(_SESSION_SITTING.fullmatch(name))
    )


@lexicon_cache
def _openings() -> list[tuple[str, str]]:
    return sorted(((k, v[0]) for k, v in table("opening_ceremonies.tsv").items()), key=lambda kv: -len(kv[0]))


_FIRST_SITTING = _pattern("first_sitting")


def _sessions_opened(events: list[EventMention]) -> None:
    """ "X会议第一次全体会议", "X会议开幕会": the session X opened that day (its date is its first)."""
    for sitting in events:
        session = sitting.part_of
        if session and session.date is None and _FIRST_SITTING.search(sitting.name):
            session.date = sitting.date


def _opened(events: list[EventMention]) -> None:
    """ "X展开展仪式": the exhibition X is an event of its own that the ceremony is part of, on the same
    day at the same place. "X图书馆开馆仪式": the ceremony is held at X."""
    for ceremony in list(events):
        last = re.split("暨|、", ceremony.name)[-1]  # "X项目集中开工、Y合作区揭牌仪式": Y is opened
        suffix, opens = next(((s, o) for s, o in _openings() if last.endswith(s)), ("", ""))
        opened = last[: len(last) - len(suffix)]
        if not suffix or len(opened) < 3:
            continue
        kind = event_type(opened)
        if opens == "event" and kind:
            whole = next((e for e in events if normalize(e.name) == normalize(opened)), None)
            if whole is None:
                end = ceremony.start + len(opened) if ceremony.name.startswith(opened) else ceremony.end
                whole = EventMention(opened, kind, ceremony.sentence, ceremony.start, end)
                whole.date, whole.place = ceremony.date, ceremony.place
                events.insert(events.index(ceremony) + 1, whole)
            ceremony.part_of = whole
        elif opens == "venue" and ceremony.place is None:
            ceremony.place = opened


def _programme(article: Article, events: list[EventMention], main: EventMention | None) -> None:
    """Events a passage on the main event names as its parts: "既举办省工商联执委会议，又举办…大会"
    name the main event's own parts (abbreviated), so they are the main event; "大会共有9项议程，…
    签订战略合作协议" is an item of its programme, held where it is held (and on its day, if it lasts
    one day)."""
    if main is None or not (main.date or main.place):
        return
    on_programme = _programme_sentences(article, main)
    for event in list(events):
        if _not_on_programme(event, main):
            continue
        if any(_abbreviates(event.name, part) for part in main.name.split("暨")):
            events.remove(event)
        elif event.place is None and id(event.sentence) in on_programme and not _planned(event):
            event.part_of, event.place = main, main.place
            if not main.end_date:
                event.date = event.date or main.date


def _not_on_programme(event: EventMention, main: EventMention) -> bool:
    """The main event itself, what it is part of, a visit, a meeting cited from before, or the briefing
    that announced it ("记者从X新闻发布会上获悉，Y开幕式将于…举行")."""
    briefing = event.type == "press_conference" and main.type != "press_conference"
    return event is main or event is main.part_of or event.type == "inspection" or event.cited or briefing


def _planned(event: EventMention) -> bool:
    """ "审议通过了关于召开X的决定": X is to come, not an item of this event's programme."""
    return bool(_PLANNED.search(event.sentence.text, 0, event.start - event.sentence.start))


def _abbreviates(short: str, name: str, in_order: bool = True) -> bool:
    """ "省工商联执委会议" for "山东省工商联十四届四次执委会议": its characters, in order. A headline
    may also reorder them ("台儿庄运河非遗展" for "“运河人家…”台儿庄区非物质文化遗产展"): then
    all of them in the name and the same last character."""
    short, name = normalize(short), normalize(name)
    if len(short) >= len(name):
        return False
    if in_order:
        rest = iter(name)
        return all(ch in rest for ch in short)
    return short[-1:] == name[-1:] and set(short) <= set(name)


def _programme_sentences(article: Article, main: EventMention) -> set[int]:
    """Sentences of the paragraphs on the main event: a paragraph that opens with its head word
    ("大会涉及…") or has a cue ("会上", "议程")."""
    head = next((h for h, _ in _heads() if main.name.endswith(h)), None)
    paragraphs: list[list[Sentence]] = []
    for sentence in article.sentences:
        if not paragraphs or sentence.start > paragraphs[-1][-1].end:  # a line break between them
            paragraphs.append([])
        paragraphs[-1].append(sentence)
    found: set[int] = set()
    for paragraph in paragraphs:
        opens = bool(head) and _LEADING.sub("", paragraph[0].text).startswith(head or "")
        if opens or any(cue in s.text for s in paragraph for cue in word_list("programme_cues.txt")):
            found.update(id(s) for s in paragraph)
    return found


def _join_headline_event(events: list[EventMention], lead: Sentence | None) -> None:
    """A headline names the lead's event in short ("市十八届人大三次会议" for
    "聊城市第十八届人民代表大会第三次会议"): same type, one event, the lead's name."""
    headline = next((e for e in events if _in_headline(e, lead)), None)
    in_lead = _lead_event_like(events, lead, headline) if headline else None
    if not (headline and in_lead and headline is not in_lead and headline.type == in_lead.type):
        return
    if _within_session(headline.name) or _within_session(in_lead.name):
        return  # a meeting within a session is not the session
    if _visit_named_by_headline(headline, in_lead):
        events.remove(in_lead)
        return
    fill_from(in_lead, headline, ("date", "place"))
    in_lead.named_again.append((headline.sentence, headline.start))  # the article is about it
    events.remove(headline)


def _visit_role(verb: str) -> str:
    """The visitor's part as kg records it: the verb's role, or the role of the verb it begins with
    ("督导检查" → 督导); 调研 when it names none."""
    known = _roles().match(verb)
    if known:
        return _role_of(known)[0]
    own = word_list("visit_roles_of_their_own.txt")  # "带队检查…": 检查
    return next((v for v in own if verb.startswith(v)), "调研")


def _lead_role(name: str) -> str:
    """The part of one who led a visit, as its name writes it: 率队 and 带队 are their own, a group led
    ("率党政考察团") is 率团; "" when the name says no one led."""
    led = re.search(rf"率队|带队|{_LED}", name)
    return "" if not led else led[0] if led[0] in ("率队", "带队") else "率团"


def _holding_verbs() -> tuple[str, ...]:
    return word_list("holding_verbs.txt")  # 举行, 召开 …: verbs that hold an event


def _host_before(text: str, trigger: re.Match[str]) -> re.Match[str] | None:
    """The edition of a festival or gathering that holds what the trigger names after it."""
    return _HOSTING_EVENT.search(text, 0, trigger.start()) if trigger.group(1) in _holding_verbs() else None


def _sitting_of_the_session(
    sentence: Sentence, trigger: re.Match[str], named: str, start: int
) -> EventMention | None:
    """ "大会举行第一次全体会议", "大会主席团举行第三次会议": a sitting of the session the article reports,
    named by its count (kept as "第一次全体会议", "主席团第三次会议" until the session names it)."""
    said = _SESSION_SAID.search(sentence.text, 0, trigger.start())
    if trigger.group(1) not in _holding_verbs() or said is None or not _COUNTED_SITTING.fullmatch(named):
        return None
    name = (said["presidium"] or "") + named
    return EventMention(
        name, "meeting", sentence, sentence.start + start, sentence.start + start + len(named)
    )


def _body_of_counted_sitting(text: str, trigger: re.Match[str], named: str) -> re.Match[str] | None:
    """ "县政府召开第四次全体会议": a sitting named by its count alone is the body's before the verb that
    holds it (县政府第四次全体会议)."""
    if trigger.group(1) not in _holding_verbs() or not _COUNTED_SITTING.match(named):
        return None
    return _SITTING_BODY.search(text, 0, trigger.start())


def _visit_named_by_headline(headline: EventMention, in_lead: EventMention) -> bool:
    """A visit is named as the headline names it ("X到吉水县调研", "X县党政代表团来怀考察" for "A、B率团来
    我县考察"), with the lead's visitor, day and exact place. True when the headline's event takes the
    lead's."""
    if headline.type == in_lead.type == "inspection" and headline.visitor is None and in_lead.visitor:
        headline.visitor, headline.visit_verb = in_lead.visitor, in_lead.visit_verb
        headline.led = in_lead.led or _lead_role(in_lead.name)
        headline.co_visitors = in_lead.co_visitors
        fill_from(headline, in_lead, ("date", "end_date", "place"))
        return True
    if headline.type == in_lead.type == "inspection" and in_lead.name.startswith(
        word_list("delegation_nouns.txt")
    ):
        # "考察团来到交城县考察": the lead's group is the headline's "清徐县党政考察团"
        fill_from(headline, in_lead, ("date", "end_date", "place"))
        return True
    if not (headline.visitor and headline.visitor == in_lead.visitor):
        return False
    if in_lead.place and not in_lead.place.startswith("我"):
        headline.place = in_lead.place
    fill_from(headline, in_lead, ("date", "end_date"))
    return True


def _lead_event_like(
    events: list[EventMention], lead: Sentence | None, headline: EventMention
) -> EventMention | None:
    """The lead's event that the headline's may name: the one of its type most like it by name
    ("漯河市…集中开工活动" rather than "…奠基仪式"), else the lead's first. A meeting named after its hosts
    ("X会见Y") is only a meeting of the same hosts, not the session its guests came to."""
    candidates = [
        e
        for e in events
        if e.sentence is lead
        and e is not headline
        and (not headline.visitor or e.visitor == headline.visitor)
    ]
    pairs = _pairs(headline.name)
    same_type = [e for e in candidates if e.type == headline.type]
    best = max(
        same_type, key=lambda e: len(pairs & _pairs(e.name)) / len(pairs | _pairs(e.name)), default=None
    )
    # "市十八届人大三次会议" shares 5 of its 9 pairs with "聊城市第十八届人民代表大会第三次会议"
    if best is not None and len(pairs & _pairs(best.name)) >= 0.3 * len(pairs):
        return best
    return candidates[0] if candidates else None


def _pairs(name: str) -> set[str]:
    return {name[i : i + 2] for i in range(len(name) - 1)}


def _join_abbreviated_headline(events: list[EventMention], main: EventMention | None) -> EventMention | None:
    """A headline names an event in short ("济宁市非遗精品展开幕" for the body's "“…”济宁市非物质文化
    遗产精品展开幕式"): one event, the body's name. Returns the main event, which may be the body's."""
    for short in [e for e in events if e.sentence.headline]:
        full = next(
            (
                e
                for e in events
                if not e.sentence.headline
                and e.cited == short.cited
                and _abbreviates(short.name, e.name, False)
            ),
            None,
        )
        if full is None or _within_session(full.name) != _within_session(short.name):
            continue  # a session's headline does not name its plenary
        fill_from(full, short, ("date", "place"))
        events.remove(short)
        if main is short:
            main = next((e for e in events if e.part_of is full), full)  # the ceremony that opens it
    return main


def _event_named_in(sentence: Sentence, events: list[EventMention]) -> EventMention | None:
    text = normalize(sentence.text)
    named = [e for e in events if e.sentence is sentence or normalize(e.name) in text]
    return named[0] if named else None


def _participations(
    sentence: Sentence, events: list[EventMention], main: EventMention | None, carried: list[Mention]
) -> list[Participation]:
    """Persons before a role verb take that role; a verb with none right before it ("主持并讲话")
    shares the persons of the verb before; the first verb's persons come after those `carried` from
    the sentences before (`_listed_for_later`)."""
    persons = _persons_taking_part(sentence)
    found: list[Participation] = []
    reading = _RoleReading()
    for verb in _roles().finditer(sentence.text):
        role, role_class = _role_of(verb)
        if _joined_to_joining_role(sentence.text[reading.previous_end : verb.start()], reading, role):
            # "陪同调研", "参加考察": the others' part is 陪同, the visit is the visitor's; so is a verb
            # joined to that one ("参加调研或座谈"), unless it is a part of its own ("陪同考察或参加座谈")
            reading.previous_end = verb.end()
            continue
        if _modifier(sentence, verb, role_class):
            continue  # "A、B等参会的各位乡友进行了交流发言": a modifier; the part is the verb after
        reading.previous_role = role
        if _no_part_taken(sentence, verb, role_class, events):
            continue
        target = _target(sentence, events, verb, main)
        if target is None:
            continue
        before = reading.persons_before(sentence, persons, verb.start(), role in ("出席", "参加"))
        here = _not_hosts_elsewhere(before, target, events)
        if here and carried and not found:
            here = reading.previous_persons = [*carried, *here]
        found += [Participation(person.text, target, role, sentence) for person in here]
        found += reading.described(sentence, here, target, verb, role)
        reading.previous_end = verb.end()
        if role_class == "met":  # "会见了…赵六一行，": who was met takes no part named after
            clause_end = _CLAUSE.search(sentence.text, verb.end())
            reading.previous_end = clause_end.start() if clause_end else len(sentence.text)
    return found + _listed_after(sentence, persons, events, main) + _elected(sentence, persons, events, main)


def _joined_to_joining_role(gap: str, reading: _RoleReading, role: str) -> bool:
    joining = word_list("joining_roles.txt")
    joined = _VERBS_JOINED.fullmatch(gap) is not None and role not in joining
    return reading.previous_role in joining and (gap == "" or joined)


_VERBS_JOINED = _pattern("verbs_joined")


def _listed_for_later(sentence: Sentence) -> list[Mention]:
    """ "市委副书记、市长A；市委常委、副市长B；副市长C出席新闻发布会": a title chain and its person ended by a
    semicolon, with no verb, is an item of a list whose verb comes in the sentence after."""
    if not sentence.text.rstrip().endswith(("；", ";")) or any(t.tag == "VERB" for t in sentence.tokens):
        return []
    return [m for m in sentence.mentions if m.type == "PERSON"]


def _persons_taking_part(sentence: Sentence) -> list[Mention]:
    """The sentence's persons, but not a photo's credit, one a place is named after, nor one on whose
    behalf another acts ("受市委书记A委托，市长B…")."""
    left_out = [
        m.span() for pattern in (_CREDIT, _ON_BEHALF, _EDITORIAL) for m in pattern.finditer(sentence.text)
    ]
    return [
        m
        for m in sentence.mentions
        if m.type == "PERSON"
        and not any(a <= m.start - sentence.start < b for a, b in left_out)
        and not _place_named_after(sentence, m)
        and not _speech_recalled(sentence, m)
    ]


def _speech_recalled(sentence: Sentence, person: Mention) -> bool:
    """ "宣讲张三总书记视察贵州重要讲话精神并调研", "传达贯彻A、B在省委全会上的讲话精神": the speaker of a
    speech relayed takes no part."""
    before = sentence.text[: person.start - sentence.start]
    return bool(
        _RELAYED_BEFORE.search(before) or _SPEECH_AFTER.match(sentence.text, person.end - sentence.start)
    )


def _place_named_after(sentence: Sentence, person: Mention) -> bool:
    """ "邓稼先生平陈列馆", "张三故居": a person a place is named after takes no part."""
    return sentence.text.startswith(word_list("named_after_person.txt"), person.end - sentence.start)


def _briefing(event: EventMention) -> bool:
    """A press conference: "X会议新闻发布会" is held about X, never X itself."""
    return event.type == "press_conference"


def _deputies_to(event: EventMention) -> bool:
    """ "出席Y大会的代表": Y is the congress its deputies go to, not the one they are elected at."""
    after = event.sentence.text[event.end - event.sentence.start :]
    return after.startswith(("的代表", "代表"))


_ELECTING = _pattern("electing")


def _elected(
    sentence: Sentence, persons: list[Mention], events: list[EventMention], main: EventMention | None
) -> list[Participation]:
    found = []
    for match in _ELECTING.finditer(sentence.text):
        target = _plenary_under_way(events, main, sentence) or main or _target(sentence, events, match, main)
        if target is not None and _deputies_to(target):  # "选举了出席Y大会的代表，选举X为…": not Y
            target = None
        if target is None:
            continue
        for start, end in [match.span("who"), *_elected_next(sentence, persons, match.end())]:
            found += [
                Participation(p.text, target, "当选", sentence)
                for p in persons
                if sentence.start + start <= p.start < sentence.start + end
            ]
    return found


_NEXT_ELECTED = _pattern("next_elected")


def _elected_after(article: Article, seen: set[tuple[str, int, str]]) -> None:
    """ "选举A为主任；B为区长，C、D为副区长": the posts the election goes on to give after a semicolon
    (read by the posts component) are elections at the event of the first."""
    elected = [p for p in article.participations if p.role == "当选"]
    if not elected:
        return
    at = elected[0].event
    for position in article.positions:
        if position.change == "elected" and position.sentence.start >= elected[0].sentence.start:
            _add_participation(article, seen, Participation(position.person, at, "当选", position.sentence))


_SWORN_NEWLY = _pattern("sworn_newly")
_NEW_IN_POST = ("elected", "appointed", "acting")  # Position.change of one who takes the oath


def _sworn_newly(article: Article, events: list[EventMention], seen: set[tuple[str, int, str]]) -> None:
    """ "新当选的区长、区监察委员会主任进行了宪法宣誓": those the article elects or appoints to the titles
    the sentence lists swear at the oath written in that sentence, or at the article's oath ceremony
    ("会议举行了宪法宣誓仪式。新当选的…宣誓"). "新当选人员进行了宪法宣誓" lists none: the gold of real pages
    names all those elected as often as it names none, so kg names none."""
    for sentence in article.sentences:
        match = _SWORN_NEWLY.search(sentence.text)
        oath = match and _oath_of(sentence, events)
        if not (match and oath):
            continue
        new = [
            p for p in article.positions if p.change in _NEW_IN_POST and p.sentence.start <= sentence.start
        ]
        listed = [p for p in new if p.title in match["titles"]]
        for position in listed:
            _add_participation(article, seen, Participation(position.person, oath, "宣誓", sentence))


def _oath_of(sentence: Sentence, events: list[EventMention]) -> EventMention | None:
    oaths = [e for e in events if e.type == "ceremony" and "宣誓" in e.name]
    return next((e for e in oaths if e.sentence is sentence), oaths[0] if oaths else None)


def _elected_next(sentence: Sentence, persons: list[Mention], at: int) -> list[tuple[int, int]]:
    """ "选举A为主任，B、C为副主任": the clauses after an election that list only names, each before 为."""
    spans = []
    while (match := _NEXT_ELECTED.match(sentence.text, at)) and _only_names(sentence, persons, match):
        spans.append(match.span("who"))
        at = match.end()
    return spans


def _only_names(sentence: Sentence, persons: list[Mention], match: re.Match[str]) -> bool:
    named = [p.text for p in persons if match.start("who") <= p.start - sentence.start < match.end("who")]
    return bool(named) and re.sub("[、和及]", "", match["who"]) == "".join(named)


def _not_hosts_elsewhere(
    persons: list[Mention], target: EventMention, events: list[EventMention]
) -> list[Mention]:
    """ "A、B分别会见C": each meeting is its host's own, not the other host's."""
    hosts = {e.visitor for e in events if e is not target and e.sentence is target.sentence}
    return [p for p in persons if p.text not in hosts]


_SAME_SUBJECT = _pattern("same_subject")


@dataclass
class _RoleReading:
    """Where the reading of a sentence's role verbs is: after which verb, and who took the last part."""

    previous_end: int = 0
    previous_persons: list[Mention] = field(default_factory=list)
    previous_role: str = ""
    describing: str = ""  # the part a verb before 的 gives the persons the next verb names

    def described(
        self, sentence: Sentence, persons: list[Mention], target: EventMention, verb: re.Match[str], role: str
    ) -> list[Participation]:
        """The part a verb before 的 gave the persons of this verb ("应邀出席会议的区领导A、B在主席台就座":
        A and B attended, then sat); remember this verb's part when it is such a one."""
        described, self.describing = self.describing, ""
        if not persons and role in ("出席", "列席", "参加") and _ATTENDED_BY.match(sentence.text, verb.end()):
            self.describing = role
        return [Participation(p.text, target, described, sentence) for p in persons] if described else []

    def persons_before(
        self, sentence: Sentence, persons: list[Mention], verb_start: int, attends: bool = False
    ) -> list[Mention]:
        """The persons between the previous verb and this one; with none, those of the verb before when
        no clause ends between them ("主持并讲话"), or when this one attends right after a comma ("A一行到P
        调研督导重点项目建设，出席X仪式")."""
        start = sentence.start
        begin = self.previous_end
        if sentence.text.endswith("的", 0, verb_start) or sentence.text.startswith("陪同下", verb_start):
            # "A在B的陪同下", "A在B陪同下": B accompanied, not A
            begin = max(begin, sentence.text.rfind("在", begin, verb_start) + 1)
        here = [p for p in persons if begin <= p.end - start <= verb_start]
        # "A对B一行来胶考察表示欢迎": A is the subject of what follows B's part, not of B's verb
        here = [p for i, p in enumerate(here) if i == len(here) - 1 or not _addresses(sentence, p)]
        if (
            not here
            and self.previous_persons
            and _same_subject(sentence.text[self.previous_end : verb_start], attends)
        ):
            here = self.previous_persons
        if here:
            self.previous_persons = here
        return here


def _same_subject(gap: str, attends: bool) -> bool:
    """Do the persons of the verb before take this verb too, with `gap` between the two?"""
    if not _CLAUSE.search(gap) and len(gap) <= 12 and not gap.startswith("下"):  # not "在B的陪同下"
        return True
    return bool(_SAME_SUBJECT.search(gap)) or (attends and gap.endswith(("，", ",")))


def _addresses(sentence: Sentence, person: Mention) -> bool:
    """ "A对B…": A speaks to (welcomes, thanks) what comes after 对."""
    return sentence.text.startswith(("对", "同志对"), person.end - sentence.start)


_GREETED = _pattern("greeted")
_HOSTING_EVENT = _pattern("hosting_event")
_CEREMONY_AFTER = _pattern("ceremony_after")
_CLAUSE_TO_DE = _pattern("clause_to_de")


def _modifier(sentence: Sentence, verb: re.Match[str], role_class: str) -> bool:
    """ "参会的各位乡友": a verb before 的 describes the people after it (but "新当选的" still elects, and
    "出席会议的还有" lists those who took the part); so does one after a preposition ("向参加…的") or
    after a greeting ("看望出席大会的代表")."""
    text = sentence.text
    at = verb.start() - (1 if text.endswith("新", 0, verb.start()) else 0)  # "为新当选的…颁发证书"
    if text.endswith(("向", "对", "为", "给"), 0, at) and not _has_person(sentence, at - 1, at):
        return True  # "向参加本次活动的…": whom a verb addresses (not 张大|为|陪同, a name ending in 为)
    if _GREETED.search(text, 0, verb.start()) and _CLAUSE_TO_DE.match(text, verb.end()):
        return True
    return (
        text.startswith("的", verb.end())
        and role_class != "elected"
        and not _LISTED_AFTER.match(text, verb.start())
    )


def _no_part_taken(
    sentence: Sentence, verb: re.Match[str], role_class: str, events: list[EventMention]
) -> bool:
    """A role verb that names no part taken: a speech studied ("学习…重要讲话精神"), a noun ("座谈会上",
    "签约仪式", "考察团"), a time ("会见时"), a word of an event's name ("主持宪法宣誓仪式")."""
    if _as_noun(sentence.text, verb):
        return True
    if role_class == "met" and sentence.text.startswith("时", verb.end()):
        return True  # "会见时在座": when they sat in, not a meeting of theirs ("讲话时强调" is a speech)
    if role_class in _NOUN_CLASSES and sentence.text.startswith(word_list("role_noun_heads.txt"), verb.end()):
        return True
    return _inside_event(events, sentence.start + verb.start())


def _target(
    sentence: Sentence, events: list[EventMention], verb: re.Match[str], main: EventMention | None
) -> EventMention | None:
    """The event a part is taken in: one named right after the verb or earlier in the sentence; else
    the latest event the verb names ("A、B进行宣誓" after "…主持宪法宣誓仪式"); else the main one ("X
    介绍，在此前举办的Y上…": Y, named after the verb, is not where X spoke)."""
    target = _event_at(sentence, events, verb.start()) or _named_by_head(sentence, events, verb)
    target = target or _named_earlier(sentence, events, verb.start())
    target = target or _named_by_verb(events, sentence.start + verb.start(), verb.group())
    target = target or _plenary_under_way(events, main, sentence) or main
    return target or _latest_before(events, sentence)


def _plenary_under_way(
    events: list[EventMention], main: EventMention | None, sentence: Sentence
) -> EventMention | None:
    """ "X会议闭幕 … X会议举行第三次全体会议。…出席会议并在主席台就座": after the text names a plenary of
    the session it reports, "会议" is that plenary."""
    key = _session_key(main.name) if main else None
    if key is None or sentence.headline:
        return None
    sittings = [
        e
        for e in events
        if e.start <= sentence.start + len(sentence.text)
        and _PLENARY_SITTING.search(e.name)
        and _session_key(_PLENARY_SITTING.sub("", e.name)) == key
    ]
    return sittings[-1] if sittings else None


def _latest_before(events: list[EventMention], sentence: Sentence) -> EventMention | None:
    """ "X一行到访Y调研交流。A、B等参加交流": with no main event, the part is taken in the event the
    sentences before reported last."""
    before = [e for e in events if e.end <= sentence.start and not e.in_passing and not e.cited]
    return max(before, key=lambda e: e.end) if before else None


def _listed_after(
    sentence: Sentence, persons: list[Mention], events: list[EventMention], main: EventMention | None
) -> list[Participation]:
    """ "出席会议并在主席台就座的领导同志还有：A、B、C等": the names listed after the verbs take their
    roles."""
    match = _LISTED_AFTER.search(sentence.text)
    if match is None:
        return []
    verbs = [_role_of(v)[0] for v in _roles().finditer(match["verbs"])]
    target = _named_earlier(sentence, events, match.start()) or main
    if not verbs or target is None:
        return []
    listed = [p for p in persons if p.start - sentence.start >= match.end()]
    return [Participation(p.text, target, role, sentence) for p in listed for role in dict.fromkeys(verbs)]


_SITTING_OF_A_BODY = _pattern("sitting_of_a_body")
_COUNTED_SITTING, _SITTING_BODY = _pattern("counted_sitting"), _pattern("sitting_body")
_SESSION_SAID, _SESSION_SITTING = _pattern("session_said"), _pattern("session_sitting")
_PLENARY_SITTING = _pattern("plenary_sitting")
_SITTING_NAME = _pattern("sitting_name")
_DATED_ACT = _pattern("dated_act")
_STANDING = _pattern("standing")
_PLENARY = _pattern("plenary")
_JOINED_SITTING = _pattern("joined_sitting")
_NTH_SITTING_AT_END = _pattern("nth_sitting_at_end")
_PARTY = _pattern("party")
_PARTY_CONGRESS = _pattern("party_congress")


def _plenaries(sentence: Sentence) -> list[EventMention]:
    """ "中共绵阳市委八届九次全会": a Party committee's plenary, with its place and 中共 as written."""
    found = []
    text = sentence.text
    for match in _PLENARY.finditer(text):
        start = match.start()
        if not match.group().startswith("党的"):
            start -= len(_place_before(text, start))
            party = _PARTY.search(text, 0, start)
            start = party.start() if party else start
        event = EventMention(
            text[start : match.end()],
            "meeting",
            sentence,
            sentence.start + start,
            sentence.start + match.end(),
        )
        event.in_passing = True
        found.append(event)
    return found


def _party_congresses(sentence: Sentence) -> list[EventMention]:
    """ "中国共产党X区第二次代表大会", "区第二次党代会": a Party congress named, held or to be held."""
    found = []
    for match in _PARTY_CONGRESS.finditer(sentence.text):
        begin, end = sentence.start + match.start(), sentence.start + match.end()
        event = EventMention(match.group(), "conference", sentence, begin, end)
        event.in_passing = True
        found.append(event)
    return found


def _joined_sitting(sitting: EventMention, text: str, end: int) -> list[EventMention]:
    """ "X会议举行第三次全体会议及主席团第5次会议": the second sitting is X会议's too, held with the first."""
    joined = _JOINED_SITTING.match(text, end)
    if joined is None:
        return []
    session = _NTH_SITTING_AT_END.sub("", sitting.name)
    base = sitting.sentence.start
    second = EventMention(
        session + joined["sitting"],
        sitting.type,
        sitting.sentence,
        base + joined.start("sitting"),
        base + joined.end(),
    )
    fill_from(second, sitting, ("date", "end_date", "place"))
    second.in_passing = True
    return [second]


def _starts_with_place(text: str) -> bool:
    return any(Gazetteer.default().lookup(text[:length]) for length in range(2, min(len(text), 10)))


def _overlap(a: EventMention, b: EventMention) -> bool:
    return a.start < b.end and b.start < a.end


def _not_overlapping(new: list[EventMention], found: list[EventMention]) -> list[EventMention]:
    """The new events whose names are not already read as part of another's."""
    return [e for e in new if not any(_overlap(e, f) for f in found)]


def _place_before(text: str, start: int) -> str:
    """The place or level written before a sitting's term: 湘西州, 临沧市, 市, 政协 (政协第六届…),
    with the body written in full before it (中国人民政治协商会议太和县)."""
    place = _place_only_before(text, start)
    body = "中国人民政治协商会议"
    return body + place if place and text[: start - len(place)].endswith(body) else place


def _place_only_before(text: str, start: int) -> str:
    for length in range(min(start, 10), 0, -1):
        head = text[start - length : start]
        if Gazetteer.default().lookup(head.removeprefix("政协")) or head in (
            "市",
            "县",
            "区",
            "省",
            "州",
            "旗",
            "政协",
        ):
            return head
        bare = head.removeprefix("政协")
        if bare.endswith(("市", "县", "区", "州", "盟", "旗")) and Gazetteer.default().lookup(bare[:-1]):
            return head  # 湘西州 (湘西土家族苗族自治州), 旬阳县 (旬阳市 since 2021)
    return ""


_NOUN_CLASSES = ("met", "visited", "signed", "led")
_LISTED_AFTER = _pattern("listed_after")
_ATTENDED_BY = _pattern("attended_by")
_ON_BEHALF = _pattern("on_behalf")
_CREDIT = _pattern("credit")
_EDITORIAL = _pattern("editorial_credit")
_SIGNING = _pattern("signing")
_PARTY_LEAD = _pattern("party_lead")


_RECALLED = _pattern("recalled")


def _held_in(sentence: Sentence, trigger: re.Match[str]) -> str | None:
    """ "X在P组织开展Y活动", "在P举行Y": held at P; not "在市政府新闻办召开…" (who holds it)."""
    at = _PLACE_BEFORE_TRIGGER.search(sentence.text, 0, trigger.start())
    if at is None or at["place"].endswith(word_list("holder_endings.txt")):
        return None
    return at["place"] if _is_place(sentence, sentence.start + at.start("place")) else None


def _is_place(sentence: Sentence, start: int) -> bool:
    """A place or an organisation the model named starts at `start` (absolute)."""
    return any(m.type in ("PLACE", "ORG") and m.start == start for m in sentence.mentions)


def _meetings_of(
    sentence: Sentence, before: list[Mention], persons: list[Mention], match: re.Match[str]
) -> list[EventMention]:
    """The meetings of the host (the last of `before`) that `match` reads after the host's name."""
    base = sentence.start
    end = before[-1].end + match.start("object")
    clause = _CLAUSE.search(match["object"])
    limit = end + (clause.start() if clause else len(match["object"]))
    guests = [m for m in persons if end <= m.start and m.end <= limit and not _leads_group(sentence, m)]
    guest = _guest_as_named(sentence, guests, match["object"][: limit - end])
    if not guest:
        return []
    hosts = _hosts(sentence.text, base, before)
    found = []
    for sides in [[h] for h in hosts] if match["each"] else [hosts]:  # "A、B分别会见C": each met C
        name = f"{'、'.join(h.text for h in sides)}{match['verb']}{guest}"
        event = EventMention(name, "meeting", sentence, sides[0].start, guests[-1].end if guests else limit)
        event.place, event.visitor, event.visit_verb = match["place"], sides[0].text, match["verb"]
        found.append(event)
    return found


def _guest_as_named(sentence: Sentence, guests: list[Mention], written: str) -> str:
    """Who was met, as the meeting's name gives them: the last guest named, without the posts the text
    gives him ("李四一行" when the text says so), else the guest as written (in a headline, all of it)."""
    if sentence.headline and not guests:
        return written.strip() if _guest(written) else ""
    if not guests:
        return _guest(written)
    party = "一行" if sentence.text.startswith("一行", guests[-1].end - sentence.start) else ""
    return guests[-1].text + party


_GROUP_LEADER = _pattern("group_leader")


def _leads_group(sentence: Sentence, person: Mention) -> bool:
    """ "会见了以丽江市委书记B为团长的丽江市党政代表团": B leads the group met, which is the guest."""
    at = person.end - sentence.start
    return bool(_GROUP_LEADER.search(sentence.text, 0, person.start - sentence.start)) and bool(
        _LEADER_OF.match(sentence.text, at)
    )


def _guest(text: str) -> str:
    """Who was met, as written, when no named person is: "出席…的港澳政协委员及嘉宾" → 港澳政协委员及
    嘉宾; "中能建代表团一行" → 中能建代表团."""
    text = re.split("一行|并", text)[0]  # "会见考察团并一同考察": the group, not what followed
    text = text.rsplit("的", 1)[-1]
    if text.startswith(("时", "后", "期间")):
        return ""  # "会见时在座": when, not whom
    return text if 2 <= len(text) <= 20 else ""


def _hosts(text: str, base: int, persons: list[Mention]) -> list[Mention]:
    """The host and the hosts listed before them ("市委书记张三，市长李四，市政协主席王五会见"):
    persons joined by 、 or by a comma and a title chain, with no verb between."""
    hosts = [persons[-1]]
    for earlier in reversed(persons[:-1]):
        gap = text[earlier.end - base : hosts[0].start - base]
        if not _HOST_GAP.fullmatch(gap):
            break
        hosts.insert(0, earlier)
    return hosts


_HOST_GAP = _pattern("host_gap")


def _named_earlier(sentence: Sentence, events: list[EventMention], position: int) -> EventMention | None:
    """The event this sentence names last before `position` ("在XX会议上，X讲话")."""
    best, best_at = None, -1
    for event in events:
        if event.in_passing:
            continue
        at = event.start - sentence.start if event.sentence is sentence else sentence.text.find(event.name)
        again = [start - sentence.start for named, start in event.named_again if named is sentence]
        at = max([at, *(a for a in again if a < position)])
        if best_at < at < position:
            best, best_at = event, at
    return best


_YEAR_IN_NAME = _pattern("year_in_name")
_YEAR_BEFORE = _pattern("year_before")


def _year_from_name(events: list[EventMention]) -> None:
    """ "甘肃省2023年下半年重大项目集中开工…" on 8月29日: a date without its year takes the year the
    event's name gives (one year only: "2022—2023年…" gives none)."""
    for event in events:
        before = event.sentence.text[
            max(0, event.start - event.sentence.start - 5) : event.start - event.sentence.start
        ]
        written = _YEAR_BEFORE.search(before)  # "举行2017年招商引资签约…仪式": the name's own year
        years = {written.group(1)} if written else set(_YEAR_IN_NAME.findall(event.name))
        if len(years) != 1:
            continue
        _give_year(event, years.pop())


def _year_from_text(events: list[EventMention], article: Article) -> None:
    """On a page that prints no date, a date without its year takes the year the page's own words give
    ("刚刚过去的2017年" at a session of 1月14日: 2018; kg.language.dates.year_of_text)."""
    text = article.headline + "".join(sentence.text for sentence in article.sentences)
    for event in events:
        if event.date and event.date.startswith("--"):
            year = year_of_text(text, int(event.date[2:4]))
            if year:
                _give_year(event, str(year))


def _give_year(event: EventMention, year: str) -> None:
    """A date without its year ("--03-07") takes `year`."""
    if event.date and event.date.startswith("--"):
        start = event.date[2:]  # MM-DD
        event.date = f"{year}-{start}"
        end = event.end_date[2:] if event.end_date and event.end_date.startswith("--") else None
        if end and end >= start:  # a range across the year end keeps its end's year unknown
            event.end_date = f"{year}-{end}"


def _year_of_the_day(events: list[EventMention], main: EventMention | None) -> None:
    """ "2018乐清…座谈会召开。会上还…举行了签约仪式": an event on the day of the article's event
    takes the year that event's name gave it."""
    if main is None or not main.date or main.date.startswith("--"):
        return
    for event in events:
        if event.date == "--" + main.date[5:]:
            event.date = main.date


def _dates_of_the_day(
    events: list[EventMention], main: EventMention | None, lead: Sentence | None, lead_date: DateSpan | None
) -> None:
    """The main event, those the text says happened the same day ("会上", "随后"), and those of the
    sentence right after the lead in its paragraph ("9月19日，X来瑞考察。市委书记Y主持召开座谈会。")
    take the lead's date when they have none (an event only reported, "据了解…", does not)."""
    for event in events:
        next_to_lead = lead is not None and event.sentence.start == lead.end and _held_there(event)
        same_day = event is main or next_to_lead or _SAME_DAY.match(event.sentence.text) or _an_act(event)
        if event.date is None and lead_date and same_day and not _reported(event) and not event.cited:
            event.date, event.end_date = lead_date.start, lead_date.end


def _an_act(event: EventMention) -> bool:
    """An act of event_acts.tsv ("新当选人员进行了宪法宣誓") is an item of the day the article reports."""
    return any(event.name == name for name, *_ in _acts())


_HOLDING_VERB = _pattern("holding_verb")


def _held_there(event: EventMention) -> bool:
    """ "Y主持召开X": the sentence holds the event (not "在此前举办的X上")."""
    return bool(_HOLDING_VERB.search(event.sentence.text[: event.start - event.sentence.start]))


# "项城市举行2017年第一批重点项目集中开工…", "我县隆重举行…签约仪式": the division that holds it
_HELD_BY_DIVISION = _pattern("held_by_division")


_BEFORE_NAME = _pattern("before_held_name")


def _holding_division(event: EventMention) -> str | None:
    """The county or city a ceremony or a signing with no locative was held by, as the subject of
    its sentence: it was held there."""
    sentence = event.sentence
    offset = event.start - sentence.start
    for match in _HELD_BY_DIVISION.finditer(sentence.text, 0, offset + 8):
        near = offset <= match.end() + 2 or _BEFORE_NAME.fullmatch(sentence.text, match.end(), offset)
        if match.start("place") <= offset and near:
            return match["place"]
    return None


def _reported_events(article: Article, events: list[EventMention]) -> list[EventMention]:
    """An event named only in passing, with no date, place, organiser or participant, is background
    ("在刚刚召开的X大会上，我市…入选"), unless the headline names it: then the article is about it."""
    taking_part = {id(p.event) for p in article.participations}
    kept = [e for e in events if id(e) in taking_part or _reported_for_itself(e)]
    wholes = {id(e.part_of) for e in kept if e.part_of}  # "在X期间": X stays with its parts
    return [e for e in events if e in kept or id(e) in wholes]


def _cited(sentence: Sentence) -> list[EventMention]:
    """ "传达学习X会议精神", "传达了A在X会议上的讲话精神": X is a meeting held before, whose spirit the
    meeting reported relays (an item of its agenda); it takes none of the sentence's dates or roles. A
    meeting cited otherwise ("深入学习领会…精神") is background, as the seeds' gold has it."""
    found = []
    relayed = sentence.text.find("传达")
    for match in _CITED.finditer(sentence.text, relayed if relayed >= 0 else len(sentence.text)):
        for first, end in _joint_spans(sentence.text, *match.span("name")):
            start = max((m.end() for m in _CITING.finditer(sentence.text, first, end)), default=first)
            found += [event] if (event := _cited_meeting(sentence, start, end)) else []
    return found


def _joint_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The meetings a cited name holds: "市委五届八次全会和市委工作务虚会" is two, "全省经济和信息化工作会议"
    one."""
    spans = []
    for joint in _CITED_JOINT.finditer(text, start, end):
        spans.append((start, joint.start("joint")))
        start = joint.end()
    return [*spans, (start, end)]


def _cited_meeting(sentence: Sentence, start: int, end: int) -> EventMention | None:
    name = sentence.text[start:end]
    if len(name) < 4 or _NOT_A_NAME.search(name.removeprefix("党的")) or _has_person(sentence, start, end):
        return None
    event = EventMention(name, "meeting", sentence, sentence.start + start, sentence.start + end)
    event.in_passing = event.cited = True
    return event


_CITED = _pattern("cited")
_CITED_JOINT = _pattern("cited_joint")
_CITING = _pattern("citing")


def _reported_for_itself(event: EventMention) -> bool:
    """Given a date, a place or organisers; named in the headline; held right before its name ("桐柏县
    举行了X仪式", not "在刚刚召开的X上"); a signing ("A与B签订…协议" is no background); a congress's
    sitting named in full; a meeting whose spirit is relayed."""
    return bool(
        event.date
        or event.place
        or event.organizers
        or event.sentence.headline
        or (
            _HELD_RIGHT_BEFORE.search(event.sentence.text, 0, event.start - event.sentence.start)
            and "、" not in event.name
        )
        or event.type == "signing"
        or ((_SITTING_NAME.search(event.name) or _local_plenary(event.name)) and not _its_spirit(event))
        or event.cited
    )


_SPIRIT = _pattern("spirit")
_HELD_RIGHT_BEFORE = _pattern("held_right_before")


def _local_plenary(name: str) -> bool:
    """A plenary of a local Party committee (市委八届九次全会); one of the Central Committee (十八届三中全会)
    is only ever recalled in a local paper."""
    plenary = _PLENARY.search(name)
    return plenary is not None and "中全会" not in plenary.group()


def _its_spirit(event: EventMention) -> bool:
    """ "贯彻党的十九届五中全会精神": a sitting recalled for its spirit, not reported; so is one a report
    is about ("关于州十六届人大三次会议代表建议办理情况的报告"; "关于召开X会议的决定" schedules X)."""
    text, start = event.sentence.text, event.start - event.sentence.start
    return bool(_SPIRIT.match(text, event.end - event.sentence.start)) or text.endswith("关于", 0, start)


def _with_sitting(found: list[EventMention], sitting: EventMention) -> list[EventMention]:
    """ "甘谷县第十八届人大常委会召开第二十一次会议": the sitting's full name replaces the part a trigger
    read ("第二十一次会议"), and is no event in passing then."""
    inside = [e for e in found if _overlap(sitting, e)]
    if inside and all(_briefing(e) and e.start <= sitting.start for e in inside):
        return found + [sitting]  # a briefing about the sitting X, named in passing
    if not all(sitting.start <= e.start and e.end <= sitting.end for e in inside):
        return found
    sitting.in_passing = not inside
    for part in inside:
        fill_from(sitting, part, ("date", "end_date", "place", "organizers", "part_of"))
    return [e for e in found if e not in inside] + [sitting]


_CAMPAIGN = _pattern("campaign")
_VISIT_SUBJECT = _pattern("visit_subject")
_SITES_LISTED = _pattern("sites_listed")
_LISTED_SUBJECT = _pattern("listed_subject")
_VISIT_FILLER = _pattern("visit_filler")


def _group_visits(sentence: Sentence) -> list[EventMention]:
    """A group's visit (代表团, 考察组 …) to a place, when no person is named as its visitor."""
    found = []
    for match in _pattern("group_visit").finditer(sentence.text):
        start = _group_start(sentence, match)
        if start is None:
            continue
        # "…参访团一行6人来P进行了为期3天的参观考察" is named "…参访团来P参观考察"; what it is for stays
        # as written ("…代表团来P开展山海协作交流活动")
        named_to = match.start("purpose") if match["purpose"] else match.end()
        name = _VISIT_FILLER.sub("", sentence.text[start:named_to]) + sentence.text[named_to : match.end()]
        event = EventMention(
            name, "inspection", sentence, sentence.start + start, sentence.start + match.end()
        )
        event.place = match["place"]
        found.append(event)
    return found


def _group_start(sentence: Sentence, match: re.Match[str]) -> int | None:
    """Where a group's name begins: after a clause mark, or after what it is made of ("…共同组成的联合调研
    组"), after the persons and the 对 before it ("区委书记X对Y县党政代表团来临考察表示欢迎": Y县党政代表团);
    None when a person leads it ("X带领市政协调研组在P调研": X's visit, the inspection reader's)."""
    group = match["group"]
    start = match.start("group") + max(group.rfind(c) for c in "，,。、：:的") + 1
    base, end = sentence.start, match.end("group")
    persons = [
        m.end - base for m in sentence.mentions if m.type == "PERSON" and start <= m.start - base < end
    ]
    if persons and sentence.text.startswith(("带领", "率"), max(persons)):
        return None
    start = max([start, *persons])
    towards = [m.end() for m in _TOWARDS_GROUP.finditer(sentence.text, start, end)]
    return max([start, *towards])


_TOWARDS_GROUP = _pattern("towards_group")
_TALK_ON_VISIT = _pattern("talk_on_visit")


def _talks_on_visits(sentence: Sentence, found: list[EventMention]) -> list[EventMention]:
    """ "X到P调研，并在县委常委会议室和县四家班子领导进行座谈": the visitor's talk on the visit, an event
    of its own ("X与县四家班子领导座谈"), held where it says."""
    talks = []
    for visit in [e for e in found if e.type == "inspection" and e.visitor and e.sentence is sentence]:
        at = visit.end - sentence.start
        match = _TALK_ON_VISIT.match(sentence.text[at:])
        if match is None:
            continue
        start, end = sentence.start + at + match.start("other"), sentence.start + at + match.end()
        guests = [m for m in _persons(sentence) if start <= m.start and m.end <= end]
        other = _guest_as_named(sentence, guests, match["other"]) if guests else match["other"]
        name = f"{visit.visitor}与{other}{match['verb']}"
        talk = EventMention(name, "meeting", sentence, start, end, place=match["place"])
        talk.visitor, talk.visit_verb = visit.visitor, match["verb"]
        talks.append(talk)
    return talks


def _visit(sentence: Sentence, person: Mention, persons: list[Mention]) -> EventMention | None:
    """The visit a person's verb reports right after the name ("到东阿县调研"), named after its
    visitors ("张三、李四到高要区调研"), or None."""
    rest = sentence.text[person.end - sentence.start :]
    match = _INSPECTION.match(rest)
    if not match:
        return None
    if not _reports_a_visit(sentence, person, match):
        return None
    verb, place = _verb_of(match), match["place"] or match["object"] or ""
    hosts = _hosts(sentence.text, sentence.start, [p for p in persons if p.start <= person.start])
    if rest.count("“", 0, match.end()) > rest.count("”", 0, match.end()):
        # "到P开展“再学习、再调研、再落实”暨…调研活动": the verb is inside the name of a campaign
        campaign = _CAMPAIGN.search(rest, match.start())
        if campaign is None:
            return None
        name, start, end = campaign["name"], person.end + campaign.start("name"), person.end + campaign.end()
        place = place.split("开展")[0]
    else:
        name = _visitors_named(hosts, rest) + _visit_name(rest, match)
        start, end = hosts[0].start, person.end + match.end()
    event = EventMention(name, "inspection", sentence, start, end)
    event.place = _place_of_visit(sentence, person.end - sentence.start, match, place, hosts[0])
    written = match["place"] or ""
    event.sites = _SEVERAL_PLACES.split(written) if _SEVERAL_PLACES.search(written) else []
    event.visitor, event.visit_verb = hosts[0].text, verb
    event.co_visitors = [h.text for h in hosts[1:]]
    event.led = _led_before(rest, match)
    return event


def _reports_a_visit(sentence: Sentence, person: Mention, match: re.Match[str]) -> bool:
    """Whether the words after a person (`match`, of the inspection pattern) report a visit they paid."""
    if match["motion"] == "在" and (
        match["purpose"] or not _is_place(sentence, person.end + match.start("place"))
    ):
        return False  # "在公开接待群众来访时": no place, no visit; "在县委开展对接工作": work done at home
    # "贯彻X在黄冈调研时重要讲话精神": a visit recalled, not reported
    return not _RECALLED.match(sentence.text, person.end - sentence.start + match.end())


def _led_before(rest: str, match: re.Match[str]) -> str:
    """ "X，率A、B等10家企业考察团一行到P考察": X led the group, however long its name."""
    return "率团" if match["motion"] and _LEADS_GROUP.match(rest, 0, match.start("motion")) else ""


def _place_of_visit(
    sentence: Sentence, at: int, match: re.Match[str], place: str, visitor: Mention
) -> str | None:
    """The place a visit went to as written, else, when it names none ("调研重点项目建设情况", but not
    "深入部分重点企业调研"), the visitor's own county or city; `at` is where the visitor's name ends."""
    rest = sentence.text[at:]
    visited = place and not _inspected_work(rest, match)
    found = _visited_place(sentence, at + match.start(), place) if visited else None
    if found is None and not match["place"]:
        found = _visitor_division(sentence, visitor)
    return found


_VISITOR_DIVISION = _pattern("visitor_division")


def _visitor_division(sentence: Sentence, visitor: Mention) -> str | None:
    """Where a visit that names no place went: the visitor's own county or city, as their title chain
    names it ("单县县委副书记、县长X现场调研…" → 单县); a bare "县委书记X" is the paper's own (我县)."""
    before = sentence.text[: visitor.start - sentence.start]
    titles = _CLAUSE_OR_SPACE.split(before)[-1].split("、")
    found = [m for m in map(_VISITOR_DIVISION.match, titles) if m]
    named = [m["division"] for m in found if m["division"]]  # "梅州市委常委、兴宁市委书记": 兴宁市's
    return named[-1] if named else "我" + found[0]["level"] if found else None


def _visitors_named(hosts: list[Mention], rest: str) -> str:
    """A visit is named after its visitors ("张三、李四到高要区调研"), a long list followed by 一行 after the
    first and 一行 ("州委书记A，州长B，…副州长H一行到永靖县调研" → "A一行到永靖县调研")."""
    if len(hosts) >= 3 and rest.startswith("一行"):
        return hosts[0].text + "一行"
    return "、".join(h.text for h in hosts)


def _inspected_work(rest: str, match: re.Match[str]) -> bool:
    """ "调研交通基础设施建设工作": what was inspected is a field of work, not a place."""
    if not match["verb2"]:
        return False
    fields = word_list("fields_of_work.txt")
    listed = _LISTED_WORK.match(rest, match.end())
    return rest.startswith(fields, match.end()) or match["object"].endswith(fields) or listed is not None


_LISTED_WORK = _pattern("listed_work")


_ACCOMPANIED = _pattern("accompanied")


def _verb_of(match: re.Match[str]) -> str:
    """The verb of visiting an inspection match found, whichever of its forms wrote it."""
    return match["verb"] or match["verb2"] or match["topic_verb"] or ""


def _visit_name(rest: str, match: re.Match[str]) -> str:
    """A visit's name after its visitors: "到博兴县调研乡村振兴工作". Every motion (来, 赴, 莅临, 深入 …)
    is "到", as the genre's short name writes it: the visited place's paper says 来, the visitor's 到 or
    赴, and one visit should have one name in a graph of both papers; "在P调研" stays 在."""
    if not match["place"]:  # "一行在A的陪同下，调研了X": "一行调研X"
        written = _ACCOMPANIED.sub("", rest[: match.end()])
        for staff in (match["with"], match["brought"]):  # "X率(带领)市直部门负责人调研Y": "X调研Y"
            written = written.replace(staff, "", 1) if staff else written
        listed = _LISTED_WORK.match(rest, match.end())  # "检查A、B及C工作": all it looks into
        written += listed[0] if listed else ""
        return written.replace(_verb_of(match) + "了", _verb_of(match), 1)
    motion = "在" if match["motion"] == "在" else "到"
    led = match["led"] or ""  # "张三率党政考察团来威海考察": the delegation is in the visit's name
    if match["purpose"]:  # "到信宜市开展粤桂协作对接工作": named by what it is for
        return f"{led}{motion}{match['place']}{match['purpose']}"
    also = match["also"] or ""
    verb = match["verb"] or match["verb2"]
    sites = _SITES_LISTED.search(match["place"]) and _LISTED_SUBJECT.match(rest, match.end())
    if sites:  # "至A、B等地督查校园安全稳定工作": named by what it looks into, not by the sites
        return f"{led}{verb}{also}{sites[0]}"
    subject = _VISIT_SUBJECT.match(rest, match.end())  # what it looks into: "调研乡村振兴工作"
    also += subject[0] if subject and not also else ""
    return f"{led}{motion}{match['place']}{verb}{also}"


def _visited_place(sentence: Sentence, at: int, place: str) -> str | None:
    """Where a visit went: not where some of a kind were visited ("深入部分重点企业调研"), nor whom
    ("走访代表X"), nor several places at once; `at` is where the words of the visit begin in the sentence."""
    start = sentence.text.find(place, at)
    if _has_person(sentence, start, start + len(place)):
        return None
    if _SEVERAL_PLACES.search(place):
        return None
    vague = _VAGUE_PLACE.search(place)  # "龙山区部分企业": the visit went to 龙山区
    return place if vague is None else place[: vague.start()] if vague.start() >= 2 else None


_VAGUE_PLACE = _pattern("vague_place")
_SEVERAL_PLACES = _pattern("several_places")


def _inside_event(events: list[EventMention], position: int) -> bool:
    """Inside the name of an event named by its head ("宪法宣誓仪式"); a visit, a meeting or an act is
    named by its verb ("张三会见李四", "向宪法宣誓"), which is a part taken."""
    return any(e.start <= position < e.end and e.visitor is None and e.visit_verb is None for e in events)


def _named_by_verb(events: list[EventMention], position: int, verb: str) -> EventMention | None:
    named = [e for e in events if e.end <= position and verb in e.name]
    return max(named, key=lambda e: e.end) if named else None


def _as_noun(text: str, verb: re.Match[str]) -> bool:
    """ "学习总书记重要讲话精神": the speech, not a part he took in this event; "此次考察旨在": the
    visit spoken of; "听取企业负责人介绍": someone else's."""
    return (
        bool(_SPEECH_AS_NOUN.match(text, verb.end()))
        or bool(_SPEECH_RECALLED.match(text, verb.end()))
        or text.endswith(word_list("verb_as_noun_before.txt"), 0, verb.start())  # "此次考察旨在…"
        # "听取了县长X作的政府工作报告": the report heard is X's part
        or (bool(_HEARING.search(text, 0, verb.start())) and not verb.group().startswith("作的"))
    )


_HEAD_AFTER_VERB = _pattern("head_after_verb")


def _named_by_head(
    sentence: Sentence, events: list[EventMention], verb: re.Match[str]
) -> EventMention | None:
    """ "举行X开工仪式，26个项目参加集中开工活动，A出席仪式并讲话": "仪式" is the event named earlier
    in the sentence with that head, not the one named last."""
    head = _HEAD_AFTER_VERB.match(sentence.text, verb.end())
    if head is None:
        return None
    absolute = sentence.start + verb.start()
    named = [e for e in events if e.sentence is sentence and e.end <= absolute and e.name.endswith(head[1])]
    return named[-1] if named else None


def _event_at(sentence: Sentence, events: list[EventMention], position: int) -> EventMention | None:
    """An event named in this sentence right after the verb ("出席了阳谷县图书馆开馆仪式")."""
    absolute = sentence.start + position
    after = [
        e
        for e in events
        for named, start in [(e.sentence, e.start), *e.named_again]
        if named is sentence and 0 <= start - absolute <= 4
    ]
    return after[0] if after else None


def _add_mention(event: EventMention) -> None:
    sentence = event.sentence
    if not any(m.type == "EVENT" and m.start == event.start for m in sentence.mentions):
        # the mention's text is the span as written; the event's name drops layout spaces ("主 主会")
        text = sentence.text[event.start - sentence.start : event.end - sentence.start]
        sentence.mentions.append(Mention(event.start, event.end, text, "EVENT", event.type, "pattern"))
        sentence.mentions.sort(key=lambda m: (m.start, -m.end))
