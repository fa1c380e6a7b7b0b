"""Person names mended before the readers read them.

The model cuts names, splits them, types them as something else or misses them; the genre shows
where they are. This component mends a document's PERSON mentions once, so that every reader sees
the same names: a name cut short or a given name written alone, joined to the full name the
document writes (金小|明 → 金小明, 建国 → 周建国, 宋院长 → the one 宋 named in full); a name right after
a title (主任江河, 局长向|小焰); a name a personnel decision shows (任命吴九为…, 免去钱立平德州市…); and
such a name wherever else the article writes it as a word of its own. (Splits inside the engine's
words are mended as the tokens are read: `kg.language.recognise.repair_names`.)
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.language.engines import Token
from kg.language.gazetteer import Gazetteer
from kg.language.lexicon import (
    LexiconPattern,
    alternation,
    lexicon_cache,
    person_verbs,
    surnames,
    title_pattern,
    titles_anywhere,
    word_list,
)
from kg.language.recognise import BODY_ENDINGS, overlaps
from kg.model import Article, Document, Mention, Sentence

# Where a decision names a person the model did not type ("任命吴九为…", "免去郑十同志…").
_A_BODY = re.compile(r"(?:政府|党委|人大|政协)$")  # bodies whose name a surname may begin (区, 党)
_DECISION = re.compile(r"任命|免去|选举|提名|辞去|代理|不再担任")
_BEFORE_BODY = re.compile(r"(?:免去|任命|辞去)(?=[\u4e00-\u9fff])")
_DECISION_NAME = re.compile(
    r"(?:任命|免去|选举|补选|提名|接受|决定|[、，])([\u4e00-\u9fff]{2,3}?)"
    r"(?=同志|为|辞去|代理|不再担任|的[^，,。；;]{2,30}?职务)"  # "免去…、王五的市民政局局长职务"
)
_LIST_MARKS = ("、", "，", ",")
_LIST_WORDS = "等和及与同跟是在的也并又"

# Does a title chain with an organisation in it end at this offset of the text? (the post reader's)
BodyBeforeTitle = Callable[[str, int], bool]


def mend_names(doc: Document, body_before_title: BodyBeforeTitle, gazetteer: Gazetteer) -> None:
    """Mend the document's person names (see the module's docstring)."""
    for sentence in (s for a in doc.articles for s in a.sentences):
        _add_names_of_syllables(sentence, gazetteer)
        _add_dotted_names_after_titles(sentence)
    complete_names(doc)
    for article in doc.articles:
        for sentence in article.sentences:
            _drop_names_of_doctrines(sentence)
            _add_noted_names(sentence)
            _add_names_after_titles(sentence, body_before_title)
            if _DECISION.search(sentence.text):
                _add_decision_names(sentence, gazetteer)
        _names_written_again(article)


def _add_names_of_syllables(sentence: Sentence, gazetteer: Gazetteer) -> None:
    """ "县长次仁|达瓦", "县委书记才让尼玛": a name of two syllables of kg/data/name_syllables.txt after a
    title or as an item of a list, which the model cut or missed."""
    text = sentence.text
    for match in _syllable_name().finditer(text):
        begin, end = match.span()
        listed = text[begin - 1 : begin] in _LIST_MARKS and text[end : end + 1] in (*_LIST_MARKS, "等")
        if (listed or _title_ends_at(text, begin)) and not gazetteer.lookup(match.group()):
            _replace_persons(sentence, sentence.start + begin, sentence.start + end, match.group())


def _add_dotted_names_after_titles(sentence: Sentence) -> None:
    """ "党组成员买买|提艾力·吐尔逊", "区委副书记艾山·买提": a name in two parts joined by a dot, right
    after a title, begins there."""
    for match in _dotted_name().finditer(sentence.text):
        for begin in range(match.start("dot") - 2, match.start() - 1, -1):  # the title nearest the dot
            if _title_ends_at(sentence.text, begin):
                name = sentence.text[begin : match.end()]
                _replace_persons(sentence, sentence.start + begin, sentence.start + match.end(), name)
                break


@lexicon_cache
def _dotted_name() -> re.Pattern[str]:
    """Two parts and a dot, the second ending before a mark, a verb whose subject is a person, 等 …"""
    after = alternation(("等", "和", "同志", *person_verbs()))
    return re.compile(
        rf"[\u4e00-\u9fff]{{2,8}}(?P<dot>[·•])[\u4e00-\u9fff]{{2,6}}?(?=[^\u4e00-\u9fff]|{after}|$)"
    )


@lexicon_cache
def _syllable_name() -> re.Pattern[str]:
    syllables = alternation(word_list("name_syllables.txt"))
    return re.compile(f"(?:{syllables})(?:{syllables})")


def _title_ends_at(text: str, at: int) -> bool:
    return any(m.end() == at for m in titles_anywhere().finditer(text, max(0, at - 12), at))


def _replace_persons(sentence: Sentence, start: int, end: int, name: str) -> None:
    """The name at start…end is one person: the parts the model typed inside or across it are not."""
    sentence.mentions = [
        m for m in sentence.mentions if not (m.type == "PERSON" and m.start < end and start < m.end)
    ]
    sentence.mentions.append(Mention(start, end, name, "PERSON", source="pattern"))
    sentence.mentions.sort(key=lambda m: (m.start, -m.end))


def name_at(sentence: Sentence, start: int, end: int, gazetteer: Gazetteer) -> Mention | None:
    """A word the model typed as a place but the grammar says is a person ("选举赵六为…");
    one followed by 同志 is a person even if it is also a place ("任命江河同志为…")."""
    word = sentence.text[start:end]
    comrade = sentence.text.startswith("同志", end)
    if word[0] not in surnames() or (gazetteer.lookup(word) and not comrade):
        return None
    if _A_BODY.search(word):
        return None  # "、区政府代理区长X": 区 is a surname, 区政府 a body
    mention = Mention(sentence.start + start, sentence.start + end, word, "PERSON", source="pattern")
    sentence.mentions = [
        m for m in sentence.mentions if not (m.start == mention.start and m.end == mention.end)
    ]
    sentence.mentions.append(mention)
    return mention


def complete_names(doc: Document) -> None:
    """Mend names by the full names in the same document: a name the model cut short
    ("金小|明向…" → 金小明), and a given name used alone ("建国" → 周建国); and a name in a list cut
    one character short ("某某某|吐、王五": Mongolian and Tibetan names are longer than most)."""
    mentions = [m for a in doc.articles for s in a.sentences for m in s.mentions if m.type == "PERSON"]
    _join_tails_in_lists(doc.text, mentions)
    _name_the_titled(mentions)
    names = sorted({m.text for m in mentions}, key=lambda name: (-len(name), name))
    for m in mentions:
        for full in names:
            if _cut_short(doc.text, m, full):
                m.text, m.end = full, m.end - len(m.text) + len(full)
                _drop_persons_inside(doc, m)
                break
            if len(m.text) == 2 and len(full) == 3 and full.endswith(m.text):
                m.canonical = full
                break


def _drop_persons_inside(doc: Document, name: Mention) -> None:
    """The other parts of a name mended whole ("阿布都|沙拉木•…": 沙拉木) are no persons of their own."""
    for sentence in (s for a in doc.articles for s in a.sentences if s.start <= name.start < s.end):
        sentence.mentions = [
            m
            for m in sentence.mentions
            if m is name or m.type != "PERSON" or not (name.start <= m.start and m.end <= name.end)
        ]


def _cut_short(text: str, mention: Mention, full: str) -> bool:
    """The text goes on after the mention with the rest of a longer name of the document: one
    character short, or a dotted name cut anywhere ("阿布都|沙拉木•麦木提明向大会作…")."""
    rest = full[len(mention.text) :]
    if not rest or not full.startswith(mention.text) or text[mention.end : mention.end + len(rest)] != rest:
        return False
    return len(rest) == 1 or "·" in full or "•" in full


def _name_the_titled(mentions: list[Mention]) -> None:
    """ "宋院长", "李书记": a surname and a title the model took for a name is the one person of that
    surname the document names in full (left as it is when there are several)."""
    for m in mentions:
        surname = _surname_of(m.text)
        if not surname or not title_pattern().fullmatch(m.text[len(surname) :]):
            continue
        full = {
            n.text for n in mentions
            if n.text.startswith(surname) and not title_pattern().fullmatch(n.text[len(surname) :])
        }  # fmt: skip
        if len(full) == 1:
            m.text = full.pop()


def _surname_of(name: str) -> str:
    return next((name[:n] for n in (2, 1) if name[:n] in surnames() and len(name) > n), "")


def _join_tails_in_lists(text: str, mentions: list[Mention]) -> None:
    """A name between two list separators, or between one and the next name, followed by one character
    that is no word of the list's own (等, 和 …) lost that character to the model."""
    starts = {m.start for m in mentions}
    for m in mentions:
        tail, after = text[m.end : m.end + 1], text[m.end + 1 : m.end + 2]
        listed = text[m.start - 1 : m.start] in _LIST_MARKS and after in _LIST_MARKS
        if listed and "\u4e00" <= tail <= "\u9fff" and tail not in _LIST_WORDS and (m.end + 2) in starts:
            m.text, m.end = m.text + tail, m.end + 1


_NOTED_IN_LIST = LexiconPattern("name_patterns.tsv", "noted_in_list")


def _drop_names_of_doctrines(sentence: Sentence) -> None:
    """ "学习<name>新时代中国特色社会主义思想": a name in a doctrine's name is no mention of the person."""
    doctrines = word_list("doctrine_names.txt")
    sentence.mentions = [
        m
        for m in sentence.mentions
        if m.type != "PERSON" or not sentence.text.startswith(doctrines, m.end - sentence.start)
    ]


def _add_noted_names(sentence: Sentence) -> None:
    """ "执行主席：马某(女)、闪某(回族)、…": an item of a list noted with its sex or nation is a person,
    where the model took it for a word."""
    for match in _NOTED_IN_LIST.finditer(sentence.text):
        start, end = sentence.start + match.start("name"), sentence.start + match.end("name")
        if not any(m.start < end and start < m.end for m in sentence.mentions if m.type == "PERSON"):
            sentence.mentions = [m for m in sentence.mentions if not (m.start < end and start < m.end)]
            sentence.mentions.append(Mention(start, end, match["name"], "PERSON", source="pattern"))


def _add_names_after_titles(sentence: Sentence, body_before_title: BodyBeforeTitle) -> None:
    """Names the model missed right after a title: 主任江河 (江河 is also a noun)."""
    tokens = sentence.tokens
    for end, i in _words_after_titles(sentence):
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        after = tokens[i + 2].text if i + 2 < len(tokens) else "。"
        # "局长向|小焰" is a split name, "主席由|张三" the preposition 由 (rare as a surname) before one
        name = tokens[i]
        if (
            len(name.text) == 1
            and name.text != "由"
            and following is not None
            and _given_name(following, after)
        ):
            _join_split_name(sentence, name, following)
        elif _missed_name(sentence, end, name, body_before_title):
            start = sentence.start + name.start
            text = name.text + _third_character(name, following, tokens[i + 2 : i + 3])
            sentence.mentions.append(Mention(start, start + len(text), text, "PERSON", source="pattern"))
    sentence.mentions.sort(key=lambda m: (m.start, -m.end))


def _words_after_titles(sentence: Sentence) -> list[tuple[int, int]]:
    """Where each title of the sentence ends and the index of the word right after it, unless a name the
    model found begins there or the title ends a form of address ("郭区长和徐副区长": 和 is no surname)."""
    starts = {m.start - sentence.start for m in sentence.mentions if m.type == "PERSON"}
    by_start = {t.start: i for i, t in enumerate(sentence.tokens)}
    addressed = {t.end for t in sentence.tokens if t.tag == "PERSON"}
    return [
        (match.end(), by_start[match.end()])
        for match in titles_anywhere().finditer(sentence.text)
        if match.end() in by_start and match.end() not in starts and match.end() not in addressed
    ]


def _third_character(name: Token, following: Token | None, after: list[Token]) -> str:
    """ "县委书记周三|连|到…": the model read two characters of a name as a word of its own (a weekday) and
    the third as another (连); a character that no name is followed by, before a verb, ends the name (it is
    returned, else "")."""
    if following is None:
        return ""
    ends_name = (
        len(name.text) == 2
        and len(following.text) == 1
        and "\u4e00" <= following.text <= "\u9fff"
        and following.tag not in ("PUNCT", "PREP", "CONJ", "PART")
        and following.text not in word_list("name_followers.txt")
        and bool(after)
        and after[0].tag == "VERB"
    )
    return following.text if ends_name else ""


def _missed_name(sentence: Sentence, title_end: int, name: Token, body_before_title: BodyBeforeTitle) -> bool:
    """A word of two or three characters after a title, starting with a surname, that is no verb or
    function word (but a verb of three characters is a name the model misread: "代市长蒋小六等"),
    where a real chain stands before the title (not "各成员单位", "主要负责人安全生产"); of four
    characters when the surname is of two ("副市长上官明远")."""
    compound = len(name.text) == 4 and name.text[:2] in surnames()
    misread_verb = name.tag == "VERB" and (len(name.text) == 3 or compound)
    if name.tag in ("PERSON", "PUNCT", "PREP", "CONJ", "PART", "NUM") or (
        name.tag == "VERB" and not misread_verb
    ):
        return False
    if not compound and (name.text[0] not in surnames() or not 2 <= len(name.text) <= 3):
        return False
    if name.text in word_list("common_nouns.txt") or name.text in word_list("title_qualifiers.txt"):
        return False  # "省市长项目": a word, not a name; "常委常务副县长": a title's qualifier
    return body_before_title(sentence.text, title_end)


def _add_decision_names(sentence: Sentence, gazetteer: Gazetteer) -> None:
    """Names in a personnel decision that the model typed otherwise or cut: "任命吴九为…"."""
    spans = [(m.start(1), m.end(1)) for m in _DECISION_NAME.finditer(sentence.text)]
    for verb in _BEFORE_BODY.finditer(sentence.text):
        # "免去钱立平德州市人民政府市长职务": the name ends where the body's name begins
        body = next(
            (m for m in sentence.mentions if m.type in ("ORG", "PLACE") and m.start > verb.end()), None
        )
        if body and 2 <= body.start - sentence.start - verb.end() <= 3:
            spans.append((verb.end(), body.start - sentence.start))
    for begin, end in spans:
        start = sentence.start + begin
        if not any(m.type == "PERSON" and m.start <= start < m.end for m in sentence.mentions):
            name_at(sentence, begin, end, gazetteer)
    sentence.mentions.sort(key=lambda m: (m.start, -m.end))


def _given_name(token: Token, after: str) -> bool:
    """A given name cut off its surname: typed PERSON, or one or two characters, no title, before a
    separator ("局长向|小焰,")."""
    if token.tag == "PERSON":
        return True
    return (
        1 <= len(token.text) <= 2
        and token.tag not in ("PRON", "CONJ", "PART")  # "委员和|其他列席人员"
        and all("\u4e00" <= ch <= "\u9fff" for ch in token.text)
        and not titles_anywhere().search(token.text)
        and (after[:1] in "，,、。；;等" or after.startswith(person_verbs()))
    )


def _join_split_name(sentence: Sentence, surname: Token, given: Token) -> None:
    """ "副市长操|小龙", "局长向|小焰,": a surname the model split off its given name is one name."""
    joined = surname.text + given.text
    if surname.text in surnames() and 2 <= len(joined) <= 3 and given.start == surname.end:
        start = sentence.start + surname.start
        sentence.mentions = [
            m for m in sentence.mentions if not (m.type == "PERSON" and m.start == start + 1)
        ]
        sentence.mentions.append(Mention(start, start + len(joined), joined, "PERSON", source="pattern"))


def _unambiguous_name(name: str) -> bool:
    """A name of three characters or more that begins with a surname and ends in no body's word
    ("宣传部", tagged a person once, is no name to find elsewhere)."""
    return len(name) >= 3 and name[0] in surnames() and name[-1] not in BODY_ENDINGS


def _names_written_again(article: Article) -> None:
    """A name the model missed but a title showed ("主委辜清") is a name wherever else the article writes
    it as a word of its own (the headline "辜清赴景德镇开展专题调研活动"); so is a name of three or more
    characters the model found, where it took the same word for a body or a place ("吴光福主持…")."""
    names = {
        m.text
        for s in article.sentences
        for m in s.mentions
        if m.type == "PERSON" and (m.source == "pattern" or _unambiguous_name(m.text) or _listed_name(s, m))
    }
    for sentence in article.sentences if names else []:
        for name in names:
            for at in (m.start() for m in re.finditer(re.escape(name), sentence.text)):
                _name_at(sentence, name, sentence.start + at)
        sentence.mentions.sort(key=lambda m: (m.start, -m.end))


def _listed_name(sentence: Sentence, name: Mention) -> bool:
    """A name of two characters the model found between names of a list ("吴建国、江河、马立新"): a name,
    though the same word may be a noun (江河, rivers)."""
    persons = {(m.start, m.end) for m in sentence.mentions if m.type == "PERSON"}
    before = {end for _, end in persons if end == name.start - 1}
    after = {start for start, _ in persons if start == name.end + 1}
    text, base = sentence.text, sentence.start
    return (
        len(name.text) == 2
        and name.text[0] in surnames()
        and bool(before)
        and bool(after)
        and text[name.start - base - 1] == "、"
        and text[name.end - base : name.end - base + 1] == "、"
    )


def _name_at(sentence: Sentence, name: str, start: int) -> None:
    """Make the word at `start` the person `name`, if it is a word of its own and no other mention's
    (a body or a place of the same span gives way to a name that cannot be one)."""
    at = start - sentence.start
    if not any(t.start == at for t in sentence.tokens) or not any(
        t.end == at + len(name) for t in sentence.tokens
    ):
        return  # inside a longer word
    found = Mention(start, start + len(name), name, "PERSON", source="pattern")
    same = [m for m in sentence.mentions if (m.start, m.end) == (found.start, found.end)]
    if same and same[0].type in ("ORG", "PLACE") and _unambiguous_name(name):
        sentence.mentions.remove(same[0])
    if not overlaps(found, sentence.mentions):
        sentence.mentions.append(found)
