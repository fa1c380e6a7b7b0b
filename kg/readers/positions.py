"""Posts held, read from title chains.

"市委常委、宣传部部长、统战部部长孙立新" is a chain of (organisation, title)
segments ending at a name; a segment with no organisation of its own, or with a
bare unit ("宣传部", "管委会"), takes it from the segment before. Elections and
appointments ("赵六当选市政协秘书长", "任拉萨市信访局党组书记的周八") are
read the same way after the verb.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from kg.language.lexicon import (
    alternation,
    lexicon_cache,
    table,
    title_aliases,
    title_pattern,
    titles_anywhere,
    word_list,
)
from kg.model import Article, Mention, Position, Sentence
from kg.readers import post_forms
from kg.readers.names import name_at
from kg.readers.orgs import LEVEL_WORDS, Org, OrgResolver, company_references

_SEPARATORS = re.compile(r"[、，,]|兼(?!职|任)")
_NEWS = r"(?<![通资电音])讯"  # a byline's 讯 (本报讯, 东昌府讯), not 通讯, 资讯, 电讯, 音讯
# Words that end the text before an organisation name inside a segment.
_LEAD_JUNK_FORMS = (
    r".*(?:的|了|是|等|各|有关|相关|主要|会上|期间|介绍|表示|由|与(?![^，,、]*领导小组$)(?![\u4e00-\u9fff]{2,6}局$)|及|关于|当选为?|代表(?!大会|总?团)|推选|包括|还有|领导有|分别为|会见|拜会|会晤|接见|根据|和(?=人大|政协|市|区|省)|并[和与同跟]|[和及与](?=$)|驻[\u4e00-\u9fff](?=全国|省|市)|"
    + _NEWS
    + r"|\d[日号]"  # a day (before a digit alone matches): "10日原全国政协主席X" in a chronicle
    + r"|(?<![主责信担连就兼现曾历原前])任(?![城务何职期命用意])|[:：“”\"'‘’《》\s\d/*■▲△▼↑●◆★%\.]"
    # a bracket, but not one around a place inside a company's name: "瓷行天下文化传播(湖北)有限公司"
    + r"|[(（](?![\u4e00-\u9fff]{2,4}[)）][\u4e00-\u9fff]{0,8}?(?:公司|集团))"
    + r"|[)）](?![\u4e00-\u9fff]{0,8}?(?:公司|集团))"
)


@lexicon_cache
def _lead_junk() -> re.Pattern[str]:
    return re.compile(f"{_LEAD_JUNK_FORMS}|{alternation(word_list('chain_openers.txt'))})")


# "市政府在代理市长张三的带领下": the words before a preposition right before the title are a clause
_BEFORE_PREPOSITION = re.compile(r".*[在由向对从将把被](?=$)")
_PREPOSITIONS = "以在向对为据从和及与受到"  # and the conjunctions: "张三和红安县长李四"
_LEVEL_BODY = re.compile("[省市县区旗州](?:委|政府|人大|政协)")
# "X督查室以主任Y为组长的检查组": 以 between a body and its own title
_HEADED_BY = re.compile("(?<=[会委局院办厅部府司处所校社室馆站心])以$")
# meetings, and the bylines that open a report ("本报讯 院长张三出席", "东昌府讯")
_NOT_ORGS = re.compile(rf"(大会|会议|会场|会上|分会场|班子)$|^(?:本报讯|[\u4e00-\u9fff]{{2,4}}{_NEWS})$")
_VERB = re.compile(r"(当选为?|担任过?|出任|兼任|(?<![主责信担连就拟])任(?![务何职期命用意]))")
_CHAIN_END = re.compile(r"[，。；,;！？]|的|$")
_MEMBERS_BODY = re.compile(r"[省市县区旗州]?(?:政协|人大)")  # "5位政协委员", "2名县人大代表": the page's own
_NEXT_DECISION = re.compile(r"、(?:选举|补选|增选|选出|任命|决定)")
# A chain that begins with 原/前任/往届 is a post held before ("原市财政局局长X", "往届县政协主席X").
_FORMER = re.compile(r"^(?:原任|原|前任|往届|历届)")
# …or says it between the body and the title: "市人大常委会原副主任X", "广州军区原司令员" (not 太原, 中原: a
# body ends before it)
_FORMER_AFTER_BODY = re.compile(r"(?<=[会委局院办厅部府司处所校社室馆站心区学团行])(?:原|前任)$")
_ACTING = re.compile(r"^(?:代理|代)(?=.)")
# The session an article reports: 聊城市第十八届人民代表大会第三次会议, 政协第十四届X市委员会第二次会议.
_NUMBER = "[一二三四五六七八九十百\\d]+"
_SESSION = re.compile(
    f"(?:中国人民政治协商会议|政协)?([\\u4e00-\\u9fff]{{0,8}}?)(?:第{_NUMBER}届"
    f"[\\u4e00-\\u9fff]{{0,12}}?(?:人民代表大会|委员会)第{_NUMBER}次(?:全体)?会议"
    f"|(?:政协|人大)?{_NUMBER}届(?:人大)?{_NUMBER}次会议)"
)
_SESSION_BODIES = ("", "大会", "大会主席团", "主席团", "本次大会", "本届大会")
_SITTING_WORDS = re.compile(r"^(?:本次大会|大会)|第[一二三四五六七八九十\d]+次")


def _of_the_session(org_text: str) -> bool:
    """The session itself or one of its sittings: "大会主席团", "开幕会", "大会第一次全体会议"."""
    return org_text in _SESSION_BODIES or _SITTING_WORDS.sub("", org_text) in word_list("session_parts.txt")


# "五届人大三次会议" is 第五届人民代表大会第三次会议 (a 政协 session keeps the short form it is known by)
_PLACE_LEVEL = re.compile("[市县区旗州盟]")
_CONJUNCTION_BEFORE_LEVEL = re.compile("[和与及](?=[市县区旗州盟](?![市县区旗州盟]))")
_SESSION_NUMBERS = re.compile(f"({_NUMBER})[届次]")
_SHORT_CONGRESS = re.compile(f"^(?:人大)?({_NUMBER})届人大({_NUMBER})次会议$")


@dataclass
class _Reading:
    """Where the reading of a sentence's chains is: after which person, in which organisation, with
    which posts a list of names after it shares."""

    previous_end: int = 0
    context: Org | None = None
    shared: list[Position] = field(default_factory=list)
    shared_last: str | None = None  # the title of the sentence's last post
    # the last post of the sentence before: "区政协主席X讲话。副主席A、B出席" (副主席 of 区政协)
    before: tuple[str | None, Org | None] = (None, None)


@dataclass
class _Segment:
    org_text: str
    title: str
    start: int  # in sentence text
    end: int
    former: bool = False  # the chain said 原/前任 at or before this segment


class PositionReader:
    def __init__(self, resolver: OrgResolver) -> None:
        self.resolver = resolver
        self._session: Org | None = None  # the session the article being read reports
        self._named: dict[str, str] = {}  # 院, 局, 公司 … → the last organisation of that kind named
        self._subjects: dict[str, Org] = {}  # court, … → the body of that subtype the article is about
        self._holders: dict[str, Org] = {}  # court, … → the one that holds the article's meeting
        self._times_named: Counter[Org] = Counter()  # the courts, … the article names, by how often
        # the last post of the sentence before: "区政协主席X讲话。副主席A、B出席" (副主席 of 区政协)
        self._before: tuple[str | None, Org | None] = (None, None)
        self._last_person: Mention | None = None  # whom a biography's 他 (其) refers to
        self._continued: post_forms.Form | None = None  # a decision's units go on after a semicolon

    def read_article(self, article: Article) -> None:
        legal: str | None = None  # the last company named in full (…有限公司) so far
        brand: str | None = None  # the last company named any way
        self._session = self._session_of(article)
        self._named = {}
        self._subjects, self._holders = {}, {}
        self._times_named = Counter()
        self._before = (None, None)
        self._last_person = None
        self._continued = None
        for sentence in article.sentences:
            self._named.update(_named_bodies(sentence))  # "市中级人民法院召开…，该院院长X"
            self._note_bodies(sentence, sentence.mentions)
            named_before = set(map(id, sentence.mentions))
            article.positions += self.read_sentence(sentence, legal or brand)
            # and the bodies the sentence's posts named (mentions added while reading it)
            self._note_bodies(sentence, [m for m in sentence.mentions if id(m) not in named_before])
            legal, brand = _last_company(sentence, legal, brand)
        _companies_in_full(article)

    def read_sentence(self, sentence: Sentence, company: str | None = None) -> list[Position]:
        """Posts in a sentence; `company` is the one a bare "公司总经理" refers to."""
        persons = [m for m in sentence.mentions if m.type == "PERSON"]
        found = self._forms(sentence, persons, company)
        reading = _Reading(before=self._before)
        chained: list[Position] = []
        for person in persons:
            chained += self._chain_before(
                sentence, person, reading, _company_before(sentence, person, company)
            )
            reading.previous_end = person.end - sentence.start
        self._before = (reading.shared_last, reading.context) if chained else (None, None)
        found += chained
        together = table("paired_heads.tsv")  # "两院" is no organisation: its holders are paired below
        found = [p for p in found if together.keys().isdisjoint((p.org_text, p.organization))]
        found += self._paired(sentence, persons)
        found += self._appointments(sentence, persons, company)
        found = self._career(sentence, persons, company) + found
        self._last_person = persons[-1] if persons else self._last_person
        for position in found:
            self._place_in_sentence(sentence, position)
        return _unique(found)

    def _place_in_sentence(self, sentence: Sentence, position: Position) -> None:
        """ "在西宁市城中区,…与区委书记A、区长B座谈" in a county's news: a body of a level the page's
        own place does not give ("区委") is that of the one division of the level the sentence names."""
        level, unit = position.organization[:1], position.organization[1:]
        if level not in "区县市旗" or self.resolver.split(position.organization)[0] or not unit:
            return
        # a place named alone, or in a body's name ("内蒙古自治区乌拉特前旗旗委书记A，旗委副书记B")
        named = [
            m.text if m.type == "PLACE" else self.resolver.split(m.text)[0]
            for m in sentence.mentions
            if m.type in ("PLACE", "ORG")
        ]
        places = sorted({place for place in named if place.endswith(level)}, key=len)
        if places and all(place in places[-1] for place in places):  # "西宁市城中区" and "城中区": one
            org = self.resolver.resolve(places[-1] + unit)
            if org.scope:
                position.organization, position.org_subtype = org.name, org.subtype

    def _paired(self, sentence: Sentence, persons: list[Mention]) -> list[Position]:
        """ "两院院长、检察长A、B": each holder takes the title and body of its place in the order
        (kg/data/paired_heads.tsv); the bodies together are no organisation."""
        found = []
        for written, pairs in table("paired_heads.tsv").items():
            titles, bodies = pairs[0::2], pairs[1::2]
            lead = written + "、".join(titles)
            for match in re.finditer(re.escape(lead), sentence.text):
                holders = _listed_from(sentence, persons, match.end(), len(titles))
                for person, title, body in zip(holders, titles, bodies, strict=False):
                    org = self.resolver.build(self.resolver.paper_scope(), body)
                    found.append(_held(sentence, person, title, org, sentence.start + match.start()))
        return found

    def _career(self, sentence: Sentence, persons: list[Mention], company: str | None) -> list[Position]:
        """The posts of a biography, held before: "X…历任：A处秘书，B处副处长、处长等职",
        "2017年，他任A，2018年任B" (a post the text says is held 至今 is current)."""
        found: list[Position] = []
        text, base = sentence.text, sentence.start
        holder: Mention | None = None
        for trigger in _CAREER.finditer(text):
            before = [p for p in persons if p.end - base <= trigger.end()]
            pronoun = _PRONOUN.search(text, 0, trigger.end())
            holder = before[-1] if before else holder or (self._last_person if pronoun else None)
            if holder is None:
                continue
            end = _CAREER_END.search(text, trigger.end())
            found += self._career_posts(sentence, holder, trigger, end.start() if end else len(text), company)
        return found

    def _career_posts(
        self, sentence: Sentence, holder: Mention, trigger: re.Match[str], end: int, company: str | None
    ) -> list[Position]:
        """The posts listed between commas after one trigger; "在莘县历任副县长，县委常委": a place
        named right before the trigger is where the bare bodies are."""
        text, found = sentence.text, []
        place = next(
            (
                m
                for m in sentence.mentions
                if m.type == "PLACE" and trigger.start() - 3 <= m.end - sentence.start <= trigger.end()
            ),
            None,
        )
        context = self.resolver.as_place(place.text) if place else None
        for piece in _CAREER_PIECE.finditer(text, trigger.end(), end):
            segments = self._whole_chain(text, piece.start(), piece.end())
            if not segments:
                break
            positions, last = self._positions(sentence, holder, segments, company, context)
            context = last or context
            for position in positions:
                position.former = not text.startswith("至今", segments[-1].end)
                position.form = "career"
            found += positions
        return found

    def _chain_before(
        self, sentence: Sentence, person: Mention, reading: _Reading, company: str | None
    ) -> list[Position]:
        """The posts of the title chain right before a person, or the shared post of the list the
        person is in ("副市长A、B、C")."""
        start, previous_end = person.start - sentence.start, reading.previous_end
        # "主持人：市委宣传部副部长 张三": a line of particulars spaces a title off the name it ends
        # with (in "刘五任市委书记 赵六任代市长" the space separates a headline's two phrases)
        chain_end = start
        if sentence.text[person.end - sentence.start :].strip()[:1] in ("", *_LINE_ENDS):
            chain_end = len(sentence.text[previous_end:start].rstrip(" ")) + previous_end
        # "市委常委：沈七、韩八", "执行主席是:(以姓氏笔画为序)马七": a title, a colon, a list of names
        colon = _BEFORE_LIST.search(sentence.text, previous_end, chain_end)
        segments = self._chain(sentence.text, previous_end, colon.start() if colon else chain_end)
        gap = _NOTE.sub("", sentence.text[previous_end:start])  # "陈三(市人大)、褚四"
        if not segments and reading.shared and gap in _LIST_SEPARATORS:
            return [_for_person(p, person) for p in reading.shared]
        context = _inherited(segments, reading) if segments else None
        positions, reading.context = self._positions(sentence, person, segments, company, context)
        # "往届县政协主席A、B、C": a post held before was held by many
        reading.shared = [p for p in positions if _shared_title(p.title) or p.former]
        reading.shared_last = positions[-1].title if positions else reading.shared_last
        return positions

    def _forms(self, sentence: Sentence, persons: list[Mention], company: str | None) -> list[Position]:
        """Posts of the forms in kg/data/post_forms.tsv: decisions, listings, brackets."""
        base, text = sentence.start, sentence.text
        persons = sorted(persons + _referred_persons(sentence, persons), key=lambda m: m.start)
        masked = post_forms.mask(text, [(p.start - base, p.end - base) for p in persons])
        found: list[Position] = []
        # "A当选X主任，B、C当选为副主任": the decision before gives the deputies' body
        decided: list[tuple[str, Org]] = []
        # in the order the text states them (a form's order only breaks ties), so that the decision
        # before a bare title is the one right before it
        matches = post_forms.find(masked, self._continued)
        self._continued = post_forms.continuing(masked, matches)
        for match in sorted(matches, key=lambda m: m.persons[0]):
            segments = self._whole_chain(text, *match.titles)
            if not segments or not _form_reads(match.form.id, text, segments):
                continue
            for span in post_forms.person_spans(masked, *match.persons):
                person = next(p for p in persons if p.start - base == span[0])
                body = self._form_body(match.form.id, sentence, person) or _deputies_body(segments, decided)
                posts, last = self._positions(sentence, person, segments, company, body)
                found += [_stated_by(position, match.form) for position in posts]
                if match.form.change and posts and last:
                    decided.append((posts[-1].title, last))
        return found

    def _form_body(self, form_id: str, sentence: Sentence, person: Mention) -> Org | None:
        """The organisation a form's bare title is of, when the form itself says."""
        if form_id in _BARE_TITLE_FORMS:
            return self._body_before(sentence, person)
        if form_id in _SESSION_MEMBER_FORMS:
            return self._session_body()
        return None

    def _body_before(self, sentence: Sentence, person: Mention) -> Org | None:
        """ "青岛市国际投资合作促进局杨九局长": the organisation named right before the name is the
        bare title's."""
        body = next((m for m in sentence.mentions if m.type == "ORG" and m.end == person.start), None)
        return self.resolver.resolve(self.resolver.trim(body.text)) if body else None

    def _session_of(self, article: Article) -> Org | None:
        """The fullest name of the congress or CPPCC session the article reports, as an organisation
        for the posts held in it (执行主席, 主席团成员)."""
        names = [self._session_name(s.text, m) for s in article.sentences for m in _SESSION.finditer(s.text)]
        if not names:
            return None
        # the session the article reports is the one it names first; "完成县十八届人大一次会议确定的
        # 目标" names an earlier one, whatever its length
        reported = _SESSION_NUMBERS.findall(names[0])
        # a name the article writes in full ("科右前旗第十八届人民代表大会第六次会议") before one kg completes
        text = re.sub(r"\s", "", "".join(s.text for s in article.sentences))  # "…人民代表大会 第六次会议"
        same = (n for n in names if _SESSION_NUMBERS.findall(n) == reported)
        name = max(same, key=lambda n: (n in text, len(n)))
        return Org(name, "cppcc" if "政治协商" in name or "政协" in name else "congress", "", "会议")

    def _session_name(self, text: str, match: re.Match[str]) -> str:
        """A session's name as written, with its place (the paper's own where it names none)."""
        lead = match.group(1)
        place = self._division_tail(lead)
        place = self._with_its_city(lead[: len(lead) - len(place)], place) if place else place
        # "中国人民政治协商会议" or "政协" may stand before the lead: it stays in the name
        body, rest = text[match.start() : match.start(1)], text[match.end(1) : match.end()]
        if not place and not body and not _PLACE_LEVEL.search(rest):
            # "市第十五届人民代表大会…", "五届人大三次会议": the paper's own
            level = lead[-1] if lead and lead[-1] in "市县区旗州盟" else ""
            place = self.resolver.paper_scope(level)
        return body + place + _full_session(rest) if not body else body + place + rest

    def _with_its_city(self, before: str, place: str) -> str:
        """ "大同市平城区第二届人民代表大会…": a county's session is named with the city written before it,
        and one of a name several counties have ("城中区") with the paper's city, so the two are not one."""
        gazetteer = self.resolver.gazetteer
        city = self._division_tail(before)
        if any(d.level <= 2 for d in gazetteer.lookup(city)):
            return city + place
        own = self.resolver.locale.city
        return own + place if own and gazetteer.shared_county_name(place) else place

    def _division_tail(self, text: str) -> str:
        """The longest end of `text` that names a division ("…率利川市" → 利川市), or ""."""
        return next((text[i:] for i in range(len(text)) if self.resolver.gazetteer.lookup(text[i:])), "")

    def _session_body(self) -> Org | None:
        """The congress or CPPCC whose session the article reports: the body of the members it counts
        ("杨某、马某等8名委员作大会发言" in a CPPCC session are members of that CPPCC)."""
        if self._session is None:
            return None
        return self.resolver.resolve(_SESSION_ORDINALS.sub("", self._session.name))

    def _whole_chain(self, text: str, start: int, end: int) -> list[_Segment]:
        """The longest title chain that starts at `start` and ends at a title within [start, end):
        "副市长的决定" is the chain "副市长"."""
        ends = [
            m.end()
            for m in titles_anywhere().finditer(text, start, end)
            if text[m.end() : m.end() + 1] not in _NAME_GOES_ON or m.end() == len(text)
        ]
        for chain_end in sorted(set(ends), reverse=True):
            segments = self._chain(text, start, chain_end)
            if segments and segments[0].start == start:
                return segments
        return []

    def _chain_from(self, text: str, start: int, end: int) -> list[_Segment]:
        """The title chain that starts at `start` and runs as far as its posts are listed (、 兼):
        "担任大会执行主席并在主席台就座" is the chain "大会执行主席", not one up to 主席台."""
        found: list[_Segment] = []
        for match in titles_anywhere().finditer(text, start, end):
            if text[match.end() : match.end() + 1] in _NAME_GOES_ON:
                continue  # 委员|会, 主席|台: a title's characters inside a longer word
            segments = self._chain(text, start, match.end())
            if segments and segments[0].start == start:
                if not _SEPARATORS.match(text, match.end()):
                    # the chain ends where the clause goes on: "…执行主席并在主席台就座"
                    return segments if text[match.end() : match.end() + 1] in "并和及" else found
                found = segments
        return found

    def _chain(self, text: str, left: int, right: int) -> list[_Segment]:
        """Title segments ending exactly at `right` (where a name starts), read backwards."""
        segments: list[_Segment] = []
        end = right
        while end > left:
            sep = max((m.start() for m in _SEPARATORS.finditer(text, left, end)), default=left - 1)
            seg_start = _segment_start(text, sep + 1, left)
            piece = text[seg_start:end]
            match = title_pattern().search(piece)
            if not match:
                break
            inner = title_pattern().search(piece, 0, match.start())
            if inner and inner.start() > 0:
                # "市委副书记市长X": two titles with no mark between; the second stands alone
                seg_start = sep = seg_start + inner.end()  # the next segment ends where this one begins
                piece, match = piece[inner.end() :], title_pattern().search(piece[inner.end() :])
                assert match is not None
            org_text, junk, former = self._org_words(piece[: match.start()])
            if match.group() == "代表" and not org_text.endswith(word_list("delegate_bodies.txt")):
                break
            session_titles = word_list("session_titles.txt")
            if not _plausible_org(org_text) and not (
                _of_the_session(org_text) and all(t in session_titles for t in _titles_written(match.group()))
            ):
                break
            segment_start = seg_start + match.start() - len(org_text)
            # "主席团常务(执行)主席": one written title, two posts (kg/data/title_aliases.tsv)
            for title in reversed(_titles_written(match.group())):
                body, title = self._place_committee(org_text, title)
                segments.append(_Segment(body, title, segment_start, end, bool(former)))
            if junk:
                break  # the chain began inside this segment
            end = sep
        return segments[::-1]

    def _place_committee(self, org_text: str, title: str) -> tuple[str, str]:
        """ "自治区党委常委", "某乡党委书记": a place's Party committee and its post (常委 of 自治区党委),
        as 市委书记 is 书记 of 市委; a company's 党委书记 stays the company's."""
        if not title.startswith(_PARTY_COMMITTEE) or len(title) <= len(_PARTY_COMMITTEE) or not org_text:
            return org_text, title
        # places below a county and zones, whose 党委 is their Party committee (镇党委书记: 书记 of
        # 中共X镇委员会)
        below = word_list("town_suffixes.txt") + word_list("zone_suffixes.txt")
        local = len(org_text) > 2 and org_text.endswith(below)  # 汜水镇
        if org_text in LEVEL_WORDS or local or self.resolver.as_place(org_text):
            return org_text + _PARTY_COMMITTEE, title[len(_PARTY_COMMITTEE) :]
        return org_text, title

    def _org_words(self, written: str) -> tuple[str, bool, bool]:
        """The organisation's words of a segment: without the clause before them (junk: the chain began
        inside the segment), a preposition, or 原/前任 (former)."""
        alias = _BRACKETED_ALIAS.match(written)
        # "高新区(新吴区)人民检察院" is 新吴区's; "瓷行天下文化传播(湖北)有限公司" is a company's name
        if (
            alias
            and self.resolver.gazetteer.lookup(alias.group(1))
            and not written.endswith(("公司", "集团"))
        ):
            written = alias.group(1) + written[alias.end() :]
        junk = _lead_junk().match(written) or _BEFORE_PREPOSITION.match(written)
        org_text = self._without_preposition(written[junk.end() :] if junk else written)
        former = _FORMER.match(org_text)
        if former and not self.resolver.gazetteer.lookup(org_text[:3]):
            org_text = org_text[former.end() :]
        former_after = _FORMER_AFTER_BODY.search(org_text)  # "襄阳市人大常委会原副主任"
        if former_after:
            org_text = org_text[: former_after.start()]
        org_text = _HEADED_BY.sub("", org_text)  # "督查室以主任X为组长": the body headed by its 主任
        return org_text, bool(junk), bool(former or former_after)

    def _without_preposition(self, org_text: str) -> str:
        """ "以丽江市委", "在传达学习", "和红安": a preposition or conjunction before the organisation
        is not part of it (but 从化区 and 对外经济贸易大学 begin with one)."""
        gazetteer = self.resolver.gazetteer
        inner = org_text.rfind(
            "在", 1
        )  # "县党政考察团在通州区", "调研组在县政协": after 在, the body's words
        after = org_text[inner + 1 :]
        if inner > 0 and (any(gazetteer.lookup(after[:n]) for n in (2, 3)) or _LEVEL_BODY.match(after)):
            return after
        if len(org_text) < 3 or org_text[0] not in _PREPOSITIONS or org_text.startswith("对外"):
            return org_text
        if any(gazetteer.lookup(org_text[:n]) for n in (2, 3)):
            return org_text
        return org_text[1:]

    def _positions(
        self,
        sentence: Sentence,
        person: Mention,
        segments: list[_Segment],
        company: str | None,
        context: Org | None = None,
    ) -> tuple[list[Position], Org | None]:
        """The chain's posts, and the organisation of its last post (None when it has none)."""
        found: list[Position] = []
        last: Org | None = None
        former = False
        waiting: list[_Segment] = []  # "党组书记、院长X": the party group's title takes the next one's body
        for segment in segments:
            former = former or segment.former
            org = self._org(segment, context, company)
            if org is None:
                if not segment.org_text and segment.title.startswith(_PARTY_GROUPS):
                    waiting.append(segment)
                continue
            context = last = org
            for earlier in [*waiting, segment] if not segment.org_text else [segment]:
                position = _position(sentence, person, earlier, org, segments)
                position.former = former
                found.append(position)
                self._add_mentions(sentence, earlier, org)
            waiting = []
        return found, last

    def _org(self, segment: _Segment, context: Org | None, company: str | None) -> Org | None:
        title = _ACTING.sub("", segment.title)
        if title in word_list("session_titles.txt") and _of_the_session(segment.org_text):
            return self._session  # "开幕会执行主席": a sitting's chair is the session's
        if segment.org_text in company_references():
            return self.resolver.build("", company) if company else None
        if segment.org_text:
            return self._written_org(segment.org_text, title, context)
        if context is not None and title in table("implied_bodies.tsv"):
            context = self.resolver.body_of(context)  # "审委会委员、副院长": the court's, not its committee's
        found = self.resolver.head_of(title, context) or context or self._implied(title)
        if found is None and company and _base_title(title) in word_list("company_titles.txt"):
            return self.resolver.build("", company)  # "总工程师尤二" in a company's news
        return found

    def _written_org(self, org_text: str, title: str, context: Org | None) -> Org | None:
        """The organisation a chain's segment writes before its title: one named before ("该院"), a
        place whose head the title is ("秦皇岛" 市长), or a body resolved in the chain's context."""
        if _the_papers_own(org_text):
            context = None  # "三明市政协副主席、我市市委书记X": the paper's own 市委, not the chain's city's
        org_text = _this_place(org_text)
        if org_text in _OWN_BODY:  # "我院党组书记": the court (procuratorate) the article names most
            return self._times_named.most_common(1)[0][0] if self._times_named else self._implied(title)
        level_court = self._level_court(org_text, title)
        if level_court:
            return level_court
        referred = self._referred(org_text)
        if org_text.startswith("该") and len(org_text) <= 3 and not referred:
            return self._implied(title)  # "该院院长" with no 院 named before: the court the article is about
        written = referred or self.resolver.as_place(org_text) or self._resolved(org_text, title, context)
        org = self._head_of(title, written)
        if org and not org.scope and self.resolver.needs_scope(org.name):
            return None  # "管委会主任X" with no zone known: no organisation to give the post
        return org and self.resolver.standing_committee(org, title)

    def _head_of(self, title: str, place: Org) -> Org | None:
        """The body a title heads in a place written alone: 市长 the city's government; so does an
        autonomous region's 主席 ("自治区副主席张三"), a title that elsewhere heads a CPPCC. A level written
        alone ("省副省长X") is only a place; any other body written is the post's."""
        if place.unit and place.name not in LEVEL_WORDS:
            return place
        return self._head_of_place(title, place) or (place if place.unit else None)

    def _head_of_place(self, title: str, place: Org) -> Org | None:
        if place.scope.endswith("自治区") and title.endswith("主席"):
            return self.resolver.build(place.scope, "政府")
        return self.resolver.head_of(title, place)

    def _level_court(self, org_text: str, title: str) -> Org | None:
        """ "市院党组书记、检察长X": the city's 人民检察院 (in a court's news, its 中级人民法院); the kind is
        the title's (院长, 检察长) or that of the bodies the article names."""
        if len(org_text) != 2 or org_text[1] != "院" or org_text[0] not in "省市县区":
            return None
        implied = table("implied_bodies.tsv").get(title)
        named = self._times_named.most_common(1)
        # courts write their city's court 市中院: a bare 市院 is the procuratorates' word
        kind = implied[0] if implied else named[0][0].subtype if named else "procuratorate"
        level = org_text[0]
        courts = {"市": "中级人民法院", "省": "高级人民法院"}
        unit = {"procuratorate": "人民检察院", "court": courts.get(level, "人民法院")}.get(kind)
        return self.resolver.resolve(level + unit) if unit else None

    def _implied(self, title: str) -> Org | None:
        """ "院长张三" in a court's news: the court the article is about (kg/data/implied_bodies.tsv)."""
        subtype = table("implied_bodies.tsv").get(title)
        return self._subjects.get(subtype[0]) if subtype else None

    def _note_bodies(self, sentence: Sentence, mentions: list[Mention]) -> None:
        """The body of each kind the article is about: the one that holds its meeting ("祁东法院召开…"),
        else the one named most fully so far (not "市中院" in a county court's news, once it is known)."""
        kinds = {subtype for (subtype,) in table("implied_bodies.tsv").values()}
        for m in mentions:
            if m.type != "ORG" or not m.text.endswith(_IMPLIED_ENDINGS):
                continue
            org = self.resolver.resolve(self.resolver.trim(m.text))
            if org.subtype in kinds and org.scope:  # a local body: 最高人民法院 writes no "我院" news here
                self._times_named[org] += 1
            if org.subtype not in kinds or org.subtype in self._holders:
                continue
            if sentence.text.startswith(_HOLDING, m.end - sentence.start):
                self._subjects[org.subtype] = self._holders[org.subtype] = org
            elif len(org.name) > len(getattr(self._subjects.get(org.subtype), "name", "")):
                self._subjects[org.subtype] = org

    @staticmethod
    def _department(org_text: str, title: str) -> str:
        """ "统战部长", "青岛市商务局长": the head of a 部 or 局 written without its 部 or 局; "政府县长":
        the government of the title's level."""
        level = title.removeprefix("常务").removeprefix("副")[:1]
        if org_text == "政府" and title.endswith("长") and level in "县区市州省旗":
            return level + org_text
        if title.endswith("部长") and any(d == org_text[-len(d) + 1 :] + "部" for d in _departments()):
            return org_text + "部"
        unit = title[-2] if title.endswith(_UNIT_HEADS) else ""
        if unit and len(org_text) >= 3 and not org_text.endswith(_UNIT_ENDINGS):
            return org_text + unit  # 商务 + 局
        return org_text

    def _resolved(self, org_text: str, title: str, context: Org | None) -> Org:
        written = self.resolver.resolve(self.resolver.trim(self._department(org_text, title)), context)
        if written.name == org_text and not written.scope:  # a division the text names alone ("刑庭")
            return self._division_of_subject(org_text.removeprefix("该院"), context) or written
        return written

    def _division_of_subject(self, unit: str, context: Org | None) -> Org | None:
        """ "刑庭庭长X", "该院刑庭法官Y" in a court's news: a division of the court the article is about."""
        if context is not None:
            return None
        return next(
            (found for body in self._subjects.values() if (found := self.resolver.inside(unit, body))), None
        )

    def _referred(self, org_text: str) -> Org | None:
        """ "该院党组书记、检察长X": the 院 (局, 公司 …) the article named last; "集团副董事长X",
        "集团市场营销部总经理Y": the group it named (and a department of it)."""
        group = self._named.get("集团")
        if org_text.startswith("集团") and group and group != "集团":
            return self.resolver.resolve(self.resolver.trim(group + org_text[2:]))
        if not org_text.startswith("该") or len(org_text) > 3:
            return None
        named = self._named.get(org_text[1:])
        return self.resolver.resolve(self.resolver.trim(named)) if named else None

    def _appointments(
        self, sentence: Sentence, persons: list[Mention], company: str | None
    ) -> list[Position]:
        """ "X当选市政协秘书长", "选举X为…", "任…的X", "X…担任过…"."""
        found: list[Position] = []
        text, base = sentence.text, sentence.start
        for verb in _VERB.finditer(text):
            end = _chain_end(text, verb.end())
            if text.startswith("为", verb.end()):
                continue
            segments = self._chain(text, verb.end(), end)
            if not segments or segments[0].start != verb.end():
                segments = self._chain_from(text, verb.end(), end)  # "担任大会执行主席并…"
            if not segments:
                continue
            after = [p for p in persons if p.start - base == end + 1 and text[end : end + 1] == "的"]
            before = [p for p in persons if p.end - base <= verb.start()]
            holders = after[:1] or _listed_before(text, base, before, verb.start())
            for person in holders:
                found += self._positions(sentence, person, segments, company)[0]
        return found + self._elected(sentence, persons, company)

    def _elected(self, sentence: Sentence, persons: list[Mention], company: str | None) -> list[Position]:
        """ "选举X为…": the post X is elected to."""
        found: list[Position] = []
        text, base = sentence.text, sentence.start
        for match in re.finditer(r"选举(\S{2,4}?)为", text):
            elected = next((p for p in persons if p.start - base == match.start(1)), None) or name_at(
                sentence, match.start(1), match.end(1), self.resolver.gazetteer
            )
            end = _chain_end(text, match.end())
            following = _NEXT_DECISION.search(text, match.end(), end)  # "…县长、选举B为…副主任"
            segments = self._chain(text, match.end(), following.start() if following else end)
            if elected and segments and segments[0].start == match.end():
                found += self._positions(sentence, elected, segments, company)[0]
        return found

    def body_before_title(self, text: str, title_end: int) -> bool:
        """Does a real title chain end at `title_end`, with an organisation in it ("市商务局局长"),
        not a bare title ("各成员单位主要负责人")?"""
        return any(segment.org_text for segment in self._chain(text, 0, title_end))

    def _add_mentions(self, sentence: Sentence, segment: _Segment, org: Org) -> None:
        """Type the chain's words: the title as POSITION, the organisation as ORG with its canonical name.
        Replaces model mentions that overlap them ("德城区委书记" typed ORG as a whole)."""
        base = sentence.start
        title_start = base + segment.start + len(segment.org_text)
        new = [
            Mention(
                title_start, title_start + len(segment.title), segment.title, "POSITION", source="lexicon"
            )
        ]
        if segment.org_text:
            start = base + segment.start
            new.append(
                Mention(
                    start,
                    start + len(segment.org_text),
                    segment.org_text,
                    "ORG",
                    org.subtype,
                    "pattern",
                    org.name,
                )
            )
        lo, hi = new[-1].start, new[0].end
        kept = [m for m in sentence.mentions if m.type == "PERSON" or m.end <= lo or m.start >= hi]
        sentence.mentions = sorted(kept + new, key=lambda m: (m.start, -m.end))


_LINE_ENDS = tuple(";；、，,。")


def _segment_start(text: str, start: int, left: int) -> int:
    """Where a segment's words begin: right after a name, 和 before a level is the conjunction
    ("万五和县政府办主任X": and the county's office, not 和县's)."""
    if start == left > 0 and _CONJUNCTION_BEFORE_LEVEL.match(text, start):
        return start + 1
    return start


def _listed_before(text: str, base: int, persons: list[Mention], verb: int) -> list[Mention]:
    """The person before a verb, with the names listed with them: "A、B、C担任大会执行主席",
    "副省长A、市委书记B，新当选为省委常委"."""
    to_verb = text[persons[-1].end - base : verb] if persons else ""
    if not persons or (_CLAUSE_BREAK.search(to_verb) and not _LIST_TO_VERB.fullmatch(to_verb)):
        return []  # "朱十任…局长、秦一任…": the verb's own name was missed; not the name before
    listed = [persons[-1]]
    for earlier in reversed(persons[:-1]):
        gap = text[earlier.end - base : listed[0].start - base]
        if gap[:1] not in ("、", "，", ",", "和", "及") or not _title_chain_or_nothing(gap[1:]):
            break
        listed.insert(0, earlier)
    return listed if len(listed) > 1 and _LIST_TO_VERB.fullmatch(to_verb) else listed[-1:]


def _title_chain_or_nothing(text: str) -> bool:
    """ "", "吉林省副省长": what may stand between two names of one list (each name's own posts)."""
    return not text or (bool(title_pattern().search(text[-8:])) and not _CLAUSE_BREAK.search(text))


# Forms whose title follows the name with nothing between: only a bare title, ending a word.
_BARE_TITLE_FORMS = ("name-title",)
# A biography: after 历任 its posts follow one another between commas; after "2017年，他任" up to
# the next year
_CAREER = re.compile(
    r"(?:曾先后担任|先后担任|先后任|历任)[：:]?"
    r"|\d{4}年(?:\d{1,2}月)?(?:起|至\d{4}年(?:\d{1,2}月)?)?[，,]?[^，,。；;\d]{0,8}?(?:先后)?(?:任|担任|出任|调任|升任)"
)
_CAREER_END = re.compile(r"等(?:领导)?职务?|[。；;]|[，,](?=\d{4}年)")
_CAREER_PIECE = re.compile(r"[^，,]+")
_PRONOUN = re.compile("[他她其]")
_SESSION_MEMBER_FORMS = ("counted-members", "titled-members")
_SESSION_ORDINALS = re.compile(f"第{_NUMBER}(?:届|次(?:全体)?会议)")


def _bare_title(text: str, segments: list[_Segment]) -> bool:
    return (
        len(segments) == 1
        and not segments[0].org_text
        and text[segments[0].end : segments[0].end + 1] not in _NAME_GOES_ON
    )


_UNIT_HEADS = ("局长", "厅长", "处长")
_HOLDING = ("召开", "举行", "举办", "组织召开")  # "祁东法院召开…": the body the article is about
_OWN_BODY = ("我院", "本院", "院")  # written by the court or procuratorate whose news it is ("院党组书记")
_IMPLIED_ENDINGS = ("院",)  # what the names of the bodies in implied_bodies.tsv end with: 法院, 中院, 检察院
_PARTY_GROUPS = ("党组",)  # the party group inside a body, written before its other title
_PARTY_COMMITTEE = "党委"
_BRACKETED_ALIAS = re.compile(r"[^()（）]{1,10}[(（]([^()（）]{2,8})[)）]")
# An organisation's name ends with its kind of unit; a 局长 after one of these heads it as it is.
_UNIT_ENDINGS = tuple("局厅处部委办院会司心所站队校室科府组团")
_CLAUSE_BREAK = re.compile(r"[、，,；;。：:]")
_NAME_GOES_ON = tuple("会团部局办厅室处院所台")
_LIST_TO_VERB = re.compile(r"(?:同志)?(?:等\d*人)?[，,]?(?:分别|均|新|同时)?")


def _chain_end(text: str, start: int) -> int:
    match = _CHAIN_END.search(text, start)
    return match.start() if match else len(text)  # _CHAIN_END matches at the end of any text


def _full_session(name: str) -> str:
    short = _SHORT_CONGRESS.match(name)
    return f"第{short[1]}届人民代表大会第{short[2]}次会议" if short else name


_REFERRED = re.compile(r"(?:(?<=决定)|(?<=并)|(?<=同时))其(?=为|代理|任)")


def _referred_persons(sentence: Sentence, persons: list[Mention]) -> list[Mention]:
    """ "任命王五为副市长，并决定其为代理市长": 其 is the person the decision named before it, as a
    mention of that person at 其 (it is not added to the sentence's mentions)."""
    found = []
    for match in _REFERRED.finditer(sentence.text):
        at = sentence.start + match.start()
        before = [p for p in persons if p.end <= at]
        if before:
            found.append(Mention(at, at + 1, before[-1].text, "PERSON", source="pattern"))
    return found


def _plausible_org(text: str) -> bool:
    """Empty, or a short run of Chinese (an organisation name, not a clause or a meeting)."""
    if _NOT_ORGS.search(text):
        return False
    return len(text) <= 30 and all("\u4e00" <= ch <= "\u9fff" or ch in "()（）·" for ch in text)


def _position(
    sentence: Sentence, person: Mention, segment: _Segment, org: Org, chain: list[_Segment]
) -> Position:
    title = _ACTING.sub("", segment.title)
    return Position(
        person=person.text,
        title=title if title_pattern().fullmatch(title) else segment.title,
        acting=title != segment.title and bool(title_pattern().fullmatch(title)),
        organization=org.name,
        org_subtype=org.subtype,
        org_text=segment.org_text,
        sentence=sentence,
        chain_start=sentence.start + chain[0].start,
        chain_end=person.end,
        person_start=person.start,
        person_end=person.end,
    )


_LIST_SEPARATORS = ("、", "和", "及", "，")
_NOTE = re.compile(r"^[(（][^()（）]{1,12}[)）]")
_BEFORE_LIST = re.compile(r"(?:是|为)?[:：](?:[(（][^()（）]{1,16}[)）])?$")  # its order: "(以姓氏笔画为序)"


def _titles_written(written: str) -> tuple[str, ...]:
    for alias, titles in title_aliases().items():
        if written.endswith(alias):
            return tuple(written[: -len(alias)] + t for t in titles)
    return (written,)


def _shared_title(title: str) -> bool:
    """Titles that many hold at once, so that a list of names after one shares it: 副市长A、B、C."""
    return "副" in title or title.endswith(word_list("shared_titles.txt"))


def _base_title(title: str) -> str:
    return re.sub(f"^(?:{alternation(word_list('title_qualifiers.txt'))})+", "", title)


def _same_body(segment: _Segment, last_title: str | None) -> bool:
    """A bare title later in the sentence is of the body named before when it is that body's
    title again or its deputy's ("市人大常委会主任X主持，副主任A、B，秘书长C出席")."""
    if segment.org_text or last_title is None:
        return False
    base = _base_title(segment.title)
    return (
        base == _base_title(last_title)
        or base.endswith(word_list("body_member_titles.txt"))
        or base.startswith(("党委", "党组"))
    )


def _form_reads(form_id: str, text: str, segments: list[_Segment]) -> bool:
    if form_id in _BARE_TITLE_FORMS:
        return _bare_title(text, segments)  # "王五副区长", "某某总书记"; not "钱一在主席台", "冯二局长办公室"
    if form_id in _SESSION_MEMBER_FORMS:
        # "A等辞去…代表职务": members are counted by a bare title, by the session's ("A、B等大会执行主席"),
        # or by their body's ("A、B5位政协委员")
        org = segments[0].org_text
        return not org or _of_the_session(org) or _MEMBERS_BODY.fullmatch(org) is not None
    return True


def _deputies_body(segments: list[_Segment], decided: list[tuple[str, Org]]) -> Org | None:
    """The body of a bare title decided right after its head's ("A当选X主任，B、C当选为副主任")."""
    if len(segments) != 1 or segments[0].org_text or not decided:
        return None
    head, body = decided[-1]
    deputy = segments[0].title
    return body if head.removeprefix("常务") in deputy else None


def _stated_by(position: Position, form: post_forms.Form) -> Position:
    """The post as the form states it: what happened to it, whether it is held before."""
    position.change = form.change or position.change
    if position.acting and position.change == "appointed":
        position.change = "acting"  # 任命…为代理市长: the change that makes an acting head
    position.former = position.former or form.former
    position.form = form.id
    return position


def _inherited(segments: list[_Segment], reading: _Reading) -> Org | None:
    """The organisation a chain goes on in, from the posts read before it."""
    first, previous_end = segments[0], reading.previous_end
    # "县委书记X、县长Y": a chain right after the previous person's continues its place
    if (previous_end > 0 and first.start - previous_end == 1) or _same_body(first, reading.shared_last):
        return reading.context
    last_title, last_body = reading.before
    # "区政协主席X讲话。副主席A、B出席": the title, or its deputy's, of the sentence before's last post
    if not previous_end and last_title and not first.org_text:
        return last_body if _base_title(first.title) == _base_title(last_title) else None
    return None


def _listed_from(sentence: Sentence, persons: list[Mention], at: int, count: int) -> list[Mention]:
    """The `count` persons listed from offset `at` of the sentence on ("A、B"), or none."""
    listed: list[Mention] = []
    for person in persons:
        if len(listed) < count and person.start - sentence.start == at:
            listed.append(person)
            at = person.end - sentence.start + 1  # past the 、 after it
    return listed if len(listed) == count else []


def _held(sentence: Sentence, person: Mention, title: str, org: Org, chain_start: int) -> Position:
    return Position(
        person=person.text,
        title=title,
        organization=org.name,
        org_subtype=org.subtype,
        org_text=org.unit,
        sentence=sentence,
        chain_start=chain_start,
        chain_end=person.end,
        person_start=person.start,
        person_end=person.end,
    )


def _for_person(position: Position, person: Mention) -> Position:
    return replace(
        position, person=person.text, person_start=person.start, person_end=person.end, chain_end=person.end
    )


@lexicon_cache
def _departments() -> tuple[str, ...]:
    return tuple(d for d in word_list("party_departments.txt") if d.endswith("部"))


def _this_place(org_text: str) -> str:
    """ "该市市委" is the 市委 and "该县公安局" the 县公安局 of the place written about ("我市市委" of
    the paper's)."""
    if len(org_text) <= 2 or org_text[0] not in "该我本" or org_text[1] not in "市县区":
        return org_text
    return org_text[2:] if org_text[2] == org_text[1] else org_text[1:]


def _the_papers_own(org_text: str) -> bool:
    """ "我市市委", "本县公安局": a body of the paper's own place."""
    return len(org_text) > 2 and org_text[0] in "我本" and org_text[1] in "市县区"


def _named_bodies(sentence: Sentence) -> dict[str, str]:
    """The organisations a sentence names, by the word "该X" refers to them with (院, 局, 公司 …): those
    named before the sentence's first 该 (the body a 该院 refers to is named before it), and not the
    courts of a whole city ("全市法院")."""
    named: dict[str, str] = {}
    first_reference = sentence.text.find("该")
    for m in sentence.mentions:
        local = m.start - sentence.start
        if 0 <= first_reference < local or (local and sentence.text[local - 1] == "全"):
            continue
        if m.type == "ORG":
            for kind in _REFERRED_KINDS:
                # "润州法院金山湖人民法庭": a 院 named at the head of a longer name is named too
                if m.text.endswith(kind):
                    named[kind] = m.text
                elif kind in m.text:
                    named[kind] = m.text[: m.text.find(kind) + len(kind)]
    return named


_REFERRED_KINDS = ("院", "局", "公司", "集团", "委", "办", "中心", "厅", "行", "校", "所", "会")


_LEGAL_FORMS = ("有限公司", "有限责任公司", "股份公司", "集团公司", "总公司")


_COMPANY_SHORT = re.compile(r"^(?P<core>[\u4e00-\u9fff]{2,6}?)(?:集团|公司|集团公司)$")


def _companies_in_full(article: Article) -> None:
    """ "粤海集团" in an article that names 广东粤海控股集团有限公司: a company written short is the one
    named in full whose name holds the short name's core, when only one does."""
    full = {m.text for m in article.mentions if m.type == "ORG" and m.text.endswith(_LEGAL_FORMS)}
    for position in article.positions:
        short = _COMPANY_SHORT.match(position.organization)
        if position.org_subtype != "company" or not short or position.organization in full:
            continue
        # "金川集团矿山工程有限公司" holds "金川集团" whole: a subsidiary, not the group
        holders = [name for name in full if short["core"] in name and position.organization not in name]
        if len(holders) == 1:
            position.organization = holders[0]


def _company_before(sentence: Sentence, person: Mention, company: str | None) -> str | None:
    """The company "该公司" before a person means: one named earlier in the sentence ("在X公司，孔某拜访了
    该公司董事长Y"), else the one the sentences before were about."""
    named = [
        m.text
        for m in sentence.mentions
        if m.type == "ORG" and m.subtype == "company" and m.end <= person.start
        if m.text not in company_references() and len(m.text) > 3  # not "集团", "该公司"
    ]
    return named[-1] if named else company


def _last_company(sentence: Sentence, legal: str | None, brand: str | None) -> tuple[str | None, str | None]:
    """Track the company a later "公司总经理X" means, preferring full legal names (…有限公司)."""
    for m in sentence.mentions:
        if m.type == "ORG" and m.subtype == "company":
            brand = m.text
            if m.text.endswith(_LEGAL_FORMS):
                legal = m.text
    return legal, brand


def _unique(positions: list[Position]) -> list[Position]:
    """One post per (person, title, organisation): the first reading, with what the others add."""
    kept: dict[tuple[str, str, str], Position] = {}
    for p in positions:
        key = (p.person, p.title, p.organization)
        if key not in kept:
            kept[key] = p
            continue
        first = kept[key]
        first.change = first.change or p.change
        first.former = first.former or p.former
        first.acting = first.acting or p.acting
    return list(kept.values())
