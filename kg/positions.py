"""Posts held, read from title chains.

"市委常委、宣传部部长、统战部部长孙立新" is a chain of (organisation, title)
segments ending at a name; a segment with no organisation of its own, or with a
bare unit ("宣传部", "管委会"), takes it from the segment before. Elections and
appointments ("刘晓峰当选市政协秘书长", "任拉萨市信访局党组书记的马建军") are
read the same way after the verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import surnames, title_pattern, titles_anywhere
from .model import Article, Mention, Position, Sentence
from .orgs import COMPANY_REFERENCES, Org, OrgResolver

_SEPARATORS = re.compile(r"[、，,]")
# Words that end the text before an organisation name inside a segment.
_LEAD_JUNK = re.compile(
    r".*(?:的|了|是|等|各|有关|相关|主要|会上|期间|介绍|表示|[:：“”\"'‘’()（）\s\d/*■%\.])"
)
_NOT_ORGS = re.compile(r"(大会|会议|会场|会上|分会场)$")
_VERB = re.compile(r"(当选为?|担任过?|出任|兼任|(?<![主责信担连就])任(?![务何职期命用意]))")
_CHAIN_END = re.compile(r"[，。；,;！？]|的|$")


@dataclass
class _Segment:
    org_text: str
    title: str
    start: int  # in sentence text
    end: int


class PositionReader:
    def __init__(self, resolver: OrgResolver) -> None:
        self.resolver = resolver

    def read_article(self, article: Article) -> None:
        legal: str | None = None  # the last company named in full (…有限公司) so far
        brand: str | None = None  # the last company named any way
        for sentence in article.sentences:
            self._add_names_after_titles(sentence)
            article.positions += self.read_sentence(sentence, legal or brand)
            legal, brand = _last_company(sentence, legal, brand)

    def read_sentence(self, sentence: Sentence, company: str | None = None) -> list[Position]:
        """Posts in a sentence; `company` is the one a bare "公司总经理" refers to."""
        persons = [m for m in sentence.mentions if m.type == "PERSON"]
        found: list[Position] = []
        previous_end, context = 0, None
        for person in persons:
            start = person.start - sentence.start
            segments = self._chain(sentence.text, previous_end, start)
            # "县委书记X、县长Y": a chain right after the previous person's continues its place
            adjacent = segments and segments[0].start - previous_end == 1 and previous_end > 0
            positions, context = self._positions(
                sentence, person, segments, company, context if adjacent else None
            )
            found += positions
            previous_end = person.end - sentence.start
        found += self._appointments(sentence, persons, company)
        return _unique(found)

    def _chain(self, text: str, left: int, right: int) -> list[_Segment]:
        """Title segments ending exactly at `right` (where a name starts), read backwards."""
        segments: list[_Segment] = []
        end = right
        while end > left:
            sep = max((m.start() for m in _SEPARATORS.finditer(text, left, end)), default=left - 1)
            seg_start = sep + 1
            piece = text[seg_start:end]
            match = title_pattern().search(piece)
            if not match:
                break
            org_text = piece[: match.start()]
            junk = _LEAD_JUNK.match(org_text)
            if junk:
                org_text = org_text[junk.end() :]
            if not _plausible_org(org_text):
                break
            segments.append(_Segment(org_text, match.group(), seg_start + match.start() - len(org_text), end))
            if junk:
                break  # the chain began inside this segment
            end = sep
        return segments[::-1]

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
        for segment in segments:
            org = self._org(segment, context, company)
            if org is None:
                continue
            context = last = org
            found.append(_position(sentence, person, segment, org, segments))
            self._add_mentions(sentence, segment, org)
        return found, last

    def _org(self, segment: _Segment, context: Org | None, company: str | None) -> Org | None:
        if segment.org_text in COMPANY_REFERENCES:
            return self.resolver.build("", company) if company else None
        if segment.org_text:
            org = self.resolver.resolve(self.resolver.trim(segment.org_text), context)
            return self.resolver.head_of(segment.title, org) if not org.unit else org
        return self.resolver.head_of(segment.title, context) or context

    def _appointments(
        self, sentence: Sentence, persons: list[Mention], company: str | None
    ) -> list[Position]:
        """ "X当选市政协秘书长", "选举X为…", "任…的X", "X…担任过…"."""
        found: list[Position] = []
        text, base = sentence.text, sentence.start
        for verb in _VERB.finditer(text):
            end = _CHAIN_END.search(text, verb.end()).start()
            if text.startswith("为", verb.end()):
                continue
            segments = self._chain(text, verb.end(), end)
            if not segments or segments[0].start != verb.end():
                continue
            after = [p for p in persons if p.start - base == end + 1 and text[end : end + 1] == "的"]
            before = [p for p in persons if p.end - base <= verb.start()]
            person = after[0] if after else (before[-1] if before else None)
            if person is not None:
                found += self._positions(sentence, person, segments, company)[0]
        for match in re.finditer(r"选举(\S{2,4}?)为", text):
            person = next((p for p in persons if p.start - base == match.start(1)), None) or self._name_at(
                sentence, match.start(1), match.end(1)
            )
            end = _CHAIN_END.search(text, match.end()).start()
            segments = self._chain(text, match.end(), end)
            if person and segments and segments[0].start == match.end():
                found += self._positions(sentence, person, segments, company)[0]
        return found

    def _name_at(self, sentence: Sentence, start: int, end: int) -> Mention | None:
        """A word the model typed as a place but the grammar says is a person ("选举刘晓峰为…")."""
        word = sentence.text[start:end]
        if word[0] not in surnames() or self.resolver.gazetteer.lookup(word):
            return None
        mention = Mention(sentence.start + start, sentence.start + end, word, "PERSON", source="pattern")
        sentence.mentions = [
            m for m in sentence.mentions if not (m.start == mention.start and m.end == mention.end)
        ]
        sentence.mentions.append(mention)
        return mention

    def _add_names_after_titles(self, sentence: Sentence) -> None:
        """Names the model missed right after a title: 主任高山 (高山 is also a noun)."""
        starts = {m.start for m in sentence.mentions if m.type == "PERSON"}
        tokens = sentence.tokens
        by_start = {t.start: i for i, t in enumerate(tokens)}
        for match in titles_anywhere().finditer(sentence.text):
            i = by_start.get(match.end())
            if i is None or sentence.start + match.end() in starts:
                continue
            name = tokens[i]
            if name.tag in ("PERSON", "w", "v", "p", "c", "u", "m") or name.text[0] not in surnames():
                continue
            # only where a real chain stands before it: not "各成员单位", "主要负责人安全生产"
            chain = self._chain(sentence.text, 0, match.end())
            if not any(segment.org_text for segment in chain):
                continue
            if 2 <= len(name.text) <= 3:
                start = sentence.start + name.start
                sentence.mentions.append(
                    Mention(start, start + len(name.text), name.text, "PERSON", source="pattern")
                )
        sentence.mentions.sort(key=lambda m: (m.start, -m.end))

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


def _plausible_org(text: str) -> bool:
    """Empty, or a short run of Chinese (an organisation name, not a clause or a meeting)."""
    if _NOT_ORGS.search(text):
        return False
    return len(text) <= 30 and all("\u4e00" <= ch <= "\u9fff" or ch in "()（）·" for ch in text)


def _position(
    sentence: Sentence, person: Mention, segment: _Segment, org: Org, chain: list[_Segment]
) -> Position:
    return Position(
        person=person.text,
        title=segment.title,
        organization=org.name,
        org_subtype=org.subtype,
        org_text=segment.org_text,
        sentence=sentence,
        chain_start=sentence.start + chain[0].start,
        chain_end=person.end,
        person_start=person.start,
        person_end=person.end,
    )


def _last_company(sentence: Sentence, legal: str | None, brand: str | None) -> tuple[str | None, str | None]:
    """Track the company a later "公司总经理X" means, preferring full legal names (…有限公司)."""
    for m in sentence.mentions:
        if m.type == "ORG" and m.subtype == "company":
            brand = m.text
            if m.text.endswith("公司"):
                legal = m.text
    return legal, brand


def _unique(positions: list[Position]) -> list[Position]:
    seen, out = set(), []
    for p in positions:
        key = (p.person, p.title, p.organization)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out
