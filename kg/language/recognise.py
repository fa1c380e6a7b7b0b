"""Mentions: the engine's named entities plus patterns for what it misses.

The model gives PERSON, ORG, PLACE and DATE; patterns add MONEY and the DATE forms
it misses, and mend its slips around names. Later stages type what they read:
POSITION and the organisations of posts (kg.readers.positions), EVENT (kg.readers.events),
PROJECT (kg.readers.projects).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.language.dates import DATE_MENTION
from kg.language.engines import ENTITY_TAGS, Engine, Token
from kg.language.gazetteer import Gazetteer
from kg.language.lexicon import org_subtype, person_verbs, surnames, title_pattern, titles_anywhere, word_list
from kg.language.money import AMOUNT
from kg.model import Document, Mention, Sentence


def recognise(docs: Sequence[Document], engine: Engine) -> None:
    """Fill every sentence's mentions, with one batched engine call for all documents."""
    sentences = [s for doc in docs for article in doc.articles for s in article.sentences]
    for sentence, tokens in zip(sentences, engine.analyse([s.text for s in sentences]), strict=True):
        sentence.tokens = tokens
        sentence.mentions = mentions_of(sentence, tokens)


def mentions_of(sentence: Sentence, tokens: list[Token]) -> list[Mention]:
    base = sentence.start
    found = []
    repaired = _orgs_split_at_conjunction(repair_names(tokens))
    for i, t in enumerate(repaired):
        kind = _entity_type(t) or _name_after_title(repaired, i) or _long_name_in_list(repaired, i)
        if kind:
            found.append(
                Mention(
                    base + t.start, base + t.end, t.text, kind, org_subtype(t.text) if kind == "ORG" else None
                )
            )
    found += _pattern_mentions(sentence, AMOUNT, "MONEY")
    found += [m for m in _pattern_mentions(sentence, DATE_MENTION, "DATE") if not overlaps(m, found)]
    return sorted(found, key=lambda m: (m.start, -m.end))


_JOINED_ORGS = re.compile(r"(?P<a>[\u4e00-\u9fff]{2,}?)?(?P<conj>[和与及])(?P<b>[省市县区][\u4e00-\u9fff]+)")


def _orgs_split_at_conjunction(tokens: list[Token]) -> list[Token]:
    """ "县总工会和县妇联": two bodies the model read as one; "《…的请示》和县妇联《…》": 和 after a
    title of a document, then the county's 妇联, not 和县's."""
    out: list[Token] = []
    for t in tokens:
        match = _JOINED_ORGS.fullmatch(t.text) if t.tag == "ORG" else None
        after_item = bool(out) and (out[-1].tag == "ORG" or out[-1].text in '》”"')
        first = match["a"] if match else None  # the body before 和, if any
        if match is None or not _two_bodies(first, match["b"], after_item):
            out.append(t)
            continue
        conj = t.start + match.start("conj")
        out += [Token(first, t.start, conj, "ORG")] if first else []
        out += [Token(match["conj"], conj, conj + 1, "CONJ"), Token(match["b"], conj + 1, t.end, "ORG")]
    return out


def _two_bodies(first: str | None, second: str, after_item: bool) -> bool:
    """Both sides are bodies; with nothing before 和, the token follows a body or a document's title."""
    if org_subtype(second) == "other":
        return False
    return org_subtype(first) != "other" if first else after_item


def repair_names(tokens: list[Token]) -> list[Token]:
    """Mend the model's slips around names: a surname split off ("钱|小红" → 钱小红), a name typed as a
    place before a person's verb ("赵六当选" where 赵六 is no known place), 由 taken into a name."""
    tokens = _place_title_name(
        [part for t in tokens for part in _title_and_name(t) for part in _name_and_post(part)]
    )
    tokens = _route_ends(_name_end_in_verb(_verb_out_of_names(_title_end_in_name(tokens))))
    out: list[Token] = []
    for i, t in enumerate(tokens):
        if out and _surname_cut_off(out, t):
            out[-1] = Token(out[-1].text + t.text, out[-1].start, t.end, "PERSON")
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        t = _retyped(t, following.text if following else "", out)
        if out and _cut_given_name(out[-1], t, following, out[-2] if len(out) > 1 else None):
            out[-1] = Token(out[-1].text + t.text, out[-1].start, t.end, "PERSON")
            continue
        out.append(t)
    return _list_members(_join_dotted(_split_after_title(out)))


def _route_ends(tokens: list[Token]) -> list[Token]:
    """ "鲁布格至岔江公路": a word typed as a person before 至 and a place is the place a route (a road,
    a line) runs from, not a name."""
    return [
        Token(t.text, t.start, t.end, "PLACE")
        if t.tag == "PERSON"
        and i + 2 < len(tokens)
        and tokens[i + 1].text == "至"
        and tokens[i + 2].tag == "PLACE"
        else t
        for i, t in enumerate(tokens)
    ]


def _name_end_in_verb(tokens: list[Token]) -> list[Token]:
    """ "县委书记李双|会出席": the model read a three-character name's last character into the verb
    after it; after a title (or a list's 、), a two-character name and a word that is one character
    and a person's verb (出席, 主持, 会见 …) are a three-character name and the verb."""
    out = list(tokens)
    for i in range(1, len(out) - 1):
        before, name, word = out[i - 1], out[i], out[i + 1]
        if (
            name.tag == "PERSON"
            and len(name.text) == 2
            and "\u4e00" <= word.text[:1] <= "\u9fff"
            and word.text[:1] not in word_list("name_followers.txt")
            and (word.text[1:] in person_verbs() or word.text[1:] == "等")  # "王安|平等": 王安平 等
            and _after_title(before)
        ):
            out[i] = Token(name.text + word.text[0], name.start, name.end + 1, "PERSON")
            out[i + 1] = Token(word.text[1:], word.start + 1, word.end, word.tag)
    return out


def _surname_cut_off(out: list[Token], t: Token) -> bool:
    """ "钱|小红", "令|狐绍辉": a surname (a compound one's first character) the model cut off a name;
    "县委书记商友|江": a two-character word that begins with a surname, then the name's last character,
    after a title or at a clause's start."""
    if t.tag != "PERSON":
        return False
    before = out[-1]
    if before.tag == "PERSON" and len(before.text) == 1:
        return len(t.text) <= 2 or before.text + t.text[0] in surnames()
    opens = len(out) == 1 or out[-2].tag == "PUNCT" or bool(title_pattern().search(out[-2].text))
    return (
        opens
        and len(t.text) == 1
        and len(before.text) == 2
        and before.tag in ("NOUN", "PLACE")
        and before.text[0] in surnames()
    )


def _split_after_title(tokens: list[Token]) -> list[Token]:
    """ "副主任才|让|当智、": a long name (Tibetan, Mongolian) the model cut into single characters and a
    name, between a title and a list's mark, is one name."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        out.append(tokens[i])
        i += 1
        if not title_pattern().search(out[-1].text):
            continue
        for singles in (2, 1):
            run = tokens[i : i + singles + 2]
            if len(run) == singles + 2 and _cut_long_name(run):
                out.append(Token("".join(t.text for t in run[:-1]), run[0].start, run[-2].end, "PERSON"))
                i += singles + 1
                break
        else:
            run = tokens[i : i + 3]
            if (
                _two_characters_of_a_name(run)
                or _word_and_character_of_a_name(run)
                or _character_and_word_of_a_name(run)
            ):
                out.append(
                    Token(tokens[i].text + tokens[i + 1].text, tokens[i].start, tokens[i + 1].end, "PERSON")
                )
                i += 2
    return out


def _two_characters_of_a_name(run: list[Token]) -> bool:
    """ "副市长曾|艳|到我县调研": a surname and a given name the model read as two words, between a title
    and the verb of a visit or of a person."""
    if len(run) < 3 or any(t.tag in ENTITY_TAGS or len(t.text) != 1 for t in run[:2]):
        return False
    surname, given, verb = run
    return (
        surname.text in surnames()
        and _name_character(given)
        and verb.text.startswith((*word_list("visit_motions.txt"), *word_list("person_verbs.txt")))
    )


def _character_and_word_of_a_name(run: list[Token]) -> bool:
    """ "主席祝|学军|率调研组": a surname the model read as a word of its own (祝, "to wish") and a
    two-character given name, between a title and the verb of a visit or of a person."""
    if len(run) < 3:
        return False
    surname, given, verb = run
    return (
        len(surname.text) == 1
        and surname.tag in ("VERB", "NOUN", "ADJ")
        and surname.text in surnames()
        and len(given.text) == 2
        and given.tag in ("NOUN", "VERB")
        and all(_of_a_name(c) for c in given.text)
        and given.text not in word_list("common_nouns.txt")
        and verb.text.startswith(("率", *word_list("visit_motions.txt"), *word_list("person_verbs.txt")))
    )


def _word_and_character_of_a_name(run: list[Token]) -> bool:
    """ "主任宋国|地，", "主席高善|玉、": a word that begins with a surname and one more character,
    between a title and a list's or clause's mark, are a three-character name."""
    if len(run) < 3:
        return False
    word, last, mark = run
    return (
        len(word.text) == 2
        and word.tag in ("PLACE", "NOUN", "ADJ")
        and word.text[0] in surnames()
        and _name_character(last)
        and mark.text in ("，", ",", "、")
    )


def _name_character(token: Token) -> bool:
    """One character that may be part of a name: a Chinese character that does not follow names (在, 等)."""
    return len(token.text) == 1 and _of_a_name(token.text)


def _of_a_name(char: str) -> bool:
    return _HAN.match(char) is not None and char not in word_list("name_followers.txt")


def _cut_long_name(run: list[Token]) -> bool:
    """Single characters, then a name the model found, then a list's mark: 4 to 6 characters in all."""
    *singles, name, mark = run
    return (
        all(_name_character(t) for t in singles)
        and name.tag == "PERSON"
        and mark.text == "、"
        and 4 <= sum(len(t.text) for t in run[:-1]) <= 6
    )


def _verb_out_of_names(tokens: list[Token]) -> list[Token]:
    """ "沈星率|团": a verb's first character read into the name before it (a name, or a word right
    after a title) goes back to the verb; "钱中原和|区监委": so does a conjunction."""
    out: list[Token] = []
    for i, t in enumerate(tokens):
        after = "".join(n.text for n in tokens[i + 1 : i + 4])
        after_title = bool(out) and title_pattern().search(out[-1].text) is not None
        cut = _word_read_in(t, after, after_title)
        if cut:
            out += [
                Token(t.text[:-1], t.start, t.end - 1, "PERSON"),
                Token(t.text[-1], t.end - 1, t.end, cut),
            ]
            continue
        out.append(t)
    return out


def _word_read_in(t: Token, after: str, after_title: bool) -> str | None:
    """The tag of a name's last character that belongs to the word after it, if it does."""
    if t.tag != "PERSON" and not (t.tag in ("NOUN", "PROPER") and after_title):
        return None
    name, last = t.text[:-1], t.text[-1]
    if not (name[:1] in surnames() and plausible_name(name)):
        return None
    if len(t.text) == 3 and (last + after).startswith(word_list("verbs_read_into_names.txt")):
        return "VERB"
    if len(t.text) == 3 and (last + after).startswith(word_list("conjunctions_read_into_names.txt")):
        return "CONJ"
    if last == "摄" and not _HAN.match(after):
        return "VERB"  # "范涛摄" under a photo: who took it
    return _last_of_four(t.text) if len(t.text) == 4 else None


def _last_of_four(text: str) -> str | None:
    """The tag of the fourth character of a four-character name that is a word of its own."""
    if text[-1] == "率" and text[:2] not in surnames():
        return "VERB"  # "龚大明率|市政府…负责人调研": 率 leads; no given name of two ends in it
    if text[-1] == "家" and text[:2] not in surnames():
        return "NOUN"  # "走进村支书杨小科家|,": the home of a three-character name
    if text[-1] == "等":
        return "PART"  # "马立新等|陪同": 等 closes the list the name ends
    return "CONJ" if text[-1] in _LIST_MARKS else None


def _retyped(t: Token, following: str, out: list[Token]) -> Token:
    """A name typed as a place before a person's verb is a name, and a county's or city's name typed
    as a person ("在马尔康闭幕", "本报阿克苏讯") a place unless a title stands before it ("市长江华") or a
    list of names goes on after it; a name read with the 由 before it ("由张三、李四担任") is the preposition
    (added to `out`) and the name."""
    if t.tag == "PLACE" and _name_before_verb(t.text, following, out):
        t = Token(t.text, t.start, t.end, "PERSON")
    elif t.tag == "PERSON" and _division_name(t.text) and not _named_as_person(out, following):
        t = Token(t.text, t.start, t.end, "PLACE")
    elif t.tag == "PERSON" and _motion_to_abbreviated_place(t.text, following):
        t = Token(t.text, t.start, t.end, "VERB")
    elif t.tag == "PERSON" and following.startswith("工作") and _word_of_a_campaign(out):
        t = Token(t.text, t.start, t.end, "NOUN")  # "创文|巩卫|工作会议": a campaign's word, no name
    if t.tag == "PERSON" and len(t.text) >= 3 and t.text[0] == "由" and t.text[1] in surnames():
        out.append(Token("由", t.start, t.start + 1, "PREP"))
        t = Token(t.text[1:], t.start + 1, t.end, "PERSON")
    return t


def _word_of_a_campaign(out: list[Token]) -> bool:
    """Does a word of a campaign's name, not a title, stand right before ("创文巩卫", "双拥共建")?"""
    before = out[-1] if out else None
    return (
        before is not None
        and before.tag in ("PROPER", "NOUN", "VERBAL_NOUN")
        and title_pattern().search(before.text) is None
    )


def _motion_to_abbreviated_place(word: str, following: str) -> bool:
    """ "来瑞考察", "到胶调研": a motion and a place's one-character short name before a visit's verb,
    not a person named 来瑞."""
    return (
        len(word) == 2 and word[0] in "来到赴莅" and following.startswith(word_list("inspection_verbs.txt"))
    )


_LIST_MARKS = ("、", "和", "及")
_HAN = re.compile(r"[\u4e00-\u9fff]+")


_DOTTED_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[·•][\u4e00-\u9fff]{1,10}){1,3}")


def _join_dotted(tokens: list[Token]) -> list[Token]:
    """ "阿不都|·|热合曼", "巴哈尔|古丽•艾麦提", "阿布都|沙拉木|·麦木|提明|主持": a name written with
    the middle dot (· or •), cut by the model, is one name: the persons right before the dot and
    what follows it, up to a stop or a person's verb when that is short and only a name's
    characters, else the person right after it."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        dot = next((k for k, ch in enumerate(t.text) if ch in _DOTS), -1)
        first = _persons_before(out)
        end = _dotted_end(tokens, i, dot) if dot >= 0 and (first < len(out) or t.tag == "PERSON") else i
        before = "".join(x.text for x in out[first:]) + t.text[: max(dot, 0)]
        if end == i or len(before) < 2 or not _name_like(before):  # "人才·聚里下河" is no name
            out.append(t)
            i += 1
            continue
        start = out[first].start if first < len(out) else t.start
        text = before + "".join(x.text for x in tokens[i:end])[max(dot, 0) :]
        out[first:] = [Token(text, start, tokens[end - 1].end, "PERSON")]
        i = end
    return _dotted_to_the_stop(out)


def _persons_before(out: list[Token]) -> int:
    """Where the one or two persons at the end of `out` begin (len(out) when there are none)."""
    first = len(out)
    while first > 0 and out[first - 1].tag == "PERSON" and len(out) - first < 2:
        first -= 1
    return first


def _dotted_end(tokens: list[Token], at: int, dot: int) -> int:
    """Where the name whose dot is in tokens[at] ends (the index after its last token), or `at`."""
    after, end = tokens[at].text[dot + 1 :], at + 1
    while end < len(tokens) and not _ends_dotted_name(tokens[end].text) and len(after) <= 5:
        after, end = after + tokens[end].text, end + 1
    if end < len(tokens) and _ends_dotted_name(tokens[end].text) and _rest_of_name(after, ""):
        return end  # "托合提|·|热合|木提|," , "沙拉木|·麦木|提明|主持"
    if tokens[at].text[dot + 1 :]:  # "古丽•艾麦提": the model's own dotted name
        return at + 1 if tokens[at].tag == "PERSON" else at
    following = tokens[at + 1] if at + 1 < len(tokens) else None
    return at + 2 if following is not None and following.tag == "PERSON" else at  # "阿不都|·|热合曼"


_NOT_A_NAME_END = tuple("在和与及为率等的了向对将到来赴")  # "阿不都·热合曼在讲话中…"


def _ends_dotted_name(word: str) -> bool:
    return word in _STOPS or word.startswith(word_list("person_verbs.txt"))


_DOTS = "·•"
_STOPS = set("，,、。；;：:")


def _dotted_to_the_stop(tokens: list[Token]) -> list[Token]:
    """ "凯赛尔·阿不|都|克|热木|，": a dotted name the model cut short runs on to the stop right after
    it, when what it would take in is short and holds no verb of a person, nor a title."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        out.append(t)
        i += 1
        if t.tag != "PERSON" or "·" not in t.text:
            continue
        end = i
        while end < len(tokens) and tokens[end].text not in _STOPS and end - i < 8:
            end += 1
        rest = "".join(x.text for x in tokens[i:end])
        if end < len(tokens) and tokens[end].text in _STOPS and _rest_of_name(rest, tokens[end].text):
            out[-1] = Token(t.text + rest, t.start, tokens[end - 1].end, "PERSON")
            i = end
    return out


def _rest_of_name(rest: str, stop: str) -> bool:
    """What follows a dotted name up to `stop` is the rest of it: short, only a name's characters."""
    # a list's 、 closes a name for sure: "达扎·尕|让|托布旦|拉西|降措|、" runs on further
    longest = 10 if stop == "、" else 5
    return 0 < len(rest) <= longest and _name_like(rest) and not rest.endswith(_NOT_A_NAME_END)


def _name_like(text: str) -> bool:
    """No verb a person does, no title, no entity of its own: only the characters of a name."""
    if titles_anywhere().search(text) or any(verb in text for verb in word_list("person_verbs.txt")):
        return False
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


def _list_members(tokens: list[Token]) -> list[Token]:
    """A name the model missed inside a list of names: "何一、吕二、施三、张四" — an item of two
    or three characters starting with a surname, with a person on either side, is a person too; so
    is a word the model typed as a place that is no county or city. The first item counts with a person
    after it when a verb that names people comes before it ("任命白云、程二为…")."""
    tokens = _joined(tokens, _long_names_cut(tokens))
    items = _items(tokens)
    missed = [
        (first, last) for k, (first, last) in enumerate(items) if _item_is_missed_name(tokens, items, k)
    ]
    missed += _names_closed_by_deng(tokens, items, missed)
    return _joined(tokens, {first: (last, _as_name(tokens[first : last + 1])) for first, last in missed})


def _names_closed_by_deng(
    tokens: list[Token], items: list[tuple[int, int]], missed: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """ "A、B、周子|平等市领导和…出席": the item that closes a run of names with 等, cut by the model
    into words of no entity, is a name when it looks like one. Its run is the words before 等."""
    found, taken = [], {first for first, _ in missed}
    for k in range(2, len(items)):
        first = items[k][0]
        if first in taken or any(tokens[items[j][1]].tag != "PERSON" for j in (k - 2, k - 1)):
            continue
        deng = next(
            (i for i in range(first + 1, min(first + 3, len(tokens))) if tokens[i].text == "等"), None
        )
        if deng is not None and not (deng == first + 1 and tokens[first].tag == "PERSON"):
            found += [(first, deng - 1)] if _missed_name(tokens[first:deng]) else []
    return found


def _long_names_cut(tokens: list[Token]) -> dict[int, tuple[int, Token]]:
    """ "张某、汤某、才|仁达哇、格扎": in a list of names, an item of single characters and a name the
    model found, four to six characters in all, is one name (Tibetan, Mongolian)."""
    items = _items(tokens)
    if _persons_listed(tokens, items) < 2:
        return {}
    cut = {}
    for first, last in items:
        run = tokens[first : last + 1]
        if (
            len(run) >= 2
            and run[-1].tag == "PERSON"
            and all(_name_character(t) and t.tag not in ("CONJ", "PREP", "PART") for t in run[:-1])
            and 4 <= sum(len(t.text) for t in run) <= 6
        ):  # not "A、B、及王小明": 及 joins the list
            cut[first] = (last, _as_name(run))
    return cut


def _persons_listed(tokens: list[Token], items: list[tuple[int, int]]) -> int:
    """How many items of a list are one name the model found."""
    return sum(1 for first, last in items if first == last and tokens[first].tag == "PERSON")


def _as_name(run: list[Token]) -> Token:
    return Token("".join(t.text for t in run), run[0].start, run[-1].end, "PERSON")


def _joined(tokens: list[Token], names: dict[int, tuple[int, Token]]) -> list[Token]:
    """The tokens with each run in `names` (first token → (last token, name)) made one name."""
    out, i = [], 0
    while i < len(tokens):
        last, name = names.get(i, (i, tokens[i]))
        out.append(name)
        i = last + 1
    return out


BODY_ENDINGS = "局院会委办厅处所部司行社站队校团组"  # the last characters of bodies' names
_DIVISION_ENDINGS = "省市县区旗州盟镇乡村"  # and of divisions' names


def _closes_list_of_people(tokens: list[Token], items: list[tuple[int, int]]) -> bool:
    """ "副主任A、B、C、富五参加": the last item of a list of three or more names, typed as an
    organisation or a word, is a name when it looks like one and names no body."""
    if len(items) < 3 or any(tokens[items[k][1]].tag != "PERSON" for k in (-3, -2)):
        return False
    word = tokens[items[-1][0]]
    return (
        word.tag in ("ORG", "PROPER")
        and 2 <= len(word.text) <= 3
        and word.text[0] in surnames()
        and org_subtype(word.text) == "other"  # no 公司, 集团, 协会 …
        and word.text[-1] not in BODY_ENDINGS
        and plausible_name(word.text)
    )


def _item_is_missed_name(tokens: list[Token], items: list[tuple[int, int]], k: int) -> bool:
    if k == len(items) - 1:
        return _closes_list_of_people(tokens, items)
    first, last = items[k]
    before = tokens[items[k - 1][1]] if k else (tokens[first - 1] if first else None)
    after = tokens[items[k + 1][0]]
    people_on_both_sides = before is not None and before.tag == "PERSON" and after.tag == "PERSON"
    opens_list_of_people = (
        k == 0 and before is not None and before.text in _PEOPLE_VERBS and after.tag == "PERSON"
    )
    run = tokens[first : last + 1]
    return (
        ((people_on_both_sides or opens_list_of_people) and _missed_name(run))
        or (people_on_both_sides and (_unsurnamed_name(run) or _place_among_people(tokens, items, run)))
        or _in_a_run_of_missed_names(tokens, items, k)
    )


def _in_a_run_of_missed_names(tokens: list[Token], items: list[tuple[int, int]], k: int) -> bool:
    """ "A、B、施|立意、黄龙、严明云、C": up to three items in a row that the model missed, each looking
    like a name, between two names of a list mostly of names."""
    people = _persons_listed(tokens, items)
    if people < 4 or people * 2 <= len(items):
        return False

    def looks_like_a_name(j: int) -> bool:
        run = tokens[items[j][0] : items[j][1] + 1]
        return _missed_name(run) or _name_typed_as_place(run)

    def is_person(j: int) -> bool:
        return 0 <= j < len(items) and items[j][0] == items[j][1] and tokens[items[j][0]].tag == "PERSON"

    if not looks_like_a_name(k):
        return False
    low, high = k, k
    while low > 0 and looks_like_a_name(low - 1):
        low -= 1
    while high < len(items) - 1 and looks_like_a_name(high + 1):
        high += 1
    return high - low < 3 and is_person(low - 1) and is_person(high + 1)


def _place_among_people(tokens: list[Token], items: list[tuple[int, int]], run: list[Token]) -> bool:
    """ "…、王斌、金川、司戎、…": a short word typed as a place (金川, a county's short name) in a list of
    names, of two or three characters that begin with a surname, is a name when most items are names."""
    people = _persons_listed(tokens, items)
    return _name_typed_as_place(run) and people >= 4 and people * 2 > len(items)


def _name_typed_as_place(run: list[Token]) -> bool:
    """A word of two or three characters typed as a place that begins with a surname and ends with no
    division's ending (金川, 黄龙: a county's short name, or a person's)."""
    text = run[0].text
    return (
        len(run) == 1
        and run[0].tag == "PLACE"
        and 2 <= len(text) <= 3
        and text[0] in surnames()
        and text[-1] not in _DIVISION_ENDINGS
    )


def _unsurnamed_name(run: list[Token]) -> bool:
    """Four characters of words between two names in a list ("A、洛桑多吉、B"): a Tibetan or Yi name the
    model cut into words, when no word of it is an entity or a title."""
    text = "".join(t.text for t in run)
    return (
        len(text) == 4
        and len(run) >= 2
        and _HAN.fullmatch(text) is not None
        and all(t.tag not in ("PERSON", "ORG", "PLACE", "NUM") for t in run)
        and not title_pattern().search(text)
    )


_PEOPLE_VERBS = ("任命", "免去", "提名", "选举", "推选", "补选", "增选", "接受")  # before a list of names


def _missed_name(run: list[Token]) -> bool:
    """A list item the model did not type as a person that is one: a word typed as a place that is no
    division, two or three characters that begin with a surname, or a surname the model took for a
    name on its own and a word after it ("孟|开封": 开封, a city)."""
    text = "".join(t.text for t in run)
    surname_and_word = len(run) == 2 and run[0].tag == "PERSON" and len(run[0].text) == 1
    return _unknown_place(run) or (
        (surname_and_word or all(t.tag not in ("PERSON", "ORG", "PLACE") for t in run))
        and 2 <= len(text) <= 3
        and text[0] in surnames()
        and plausible_name(text)
    )


def _items(tokens: list[Token]) -> list[tuple[int, int]]:
    """The token ranges of a sentence's list items: the runs between 、 marks (only those that touch
    one; the first and last items of a list are single-token runs next to the mark)."""
    marks = [i for i, t in enumerate(tokens) if t.text in _LIST_MARKS]
    if not marks:
        return []
    items = [(marks[0] - 1, marks[0] - 1)] if marks[0] > 0 else []
    items += [(a + 1, b - 1) for a, b in zip(marks, marks[1:], strict=False) if b - a > 1]
    if marks[-1] + 1 < len(tokens):
        items.append((marks[-1] + 1, marks[-1] + 1))
    return items


def _cut_given_name(name: Token, char: Token, after: Token | None, before: Token | None) -> bool:
    """A three-character name the model cut to two: "严小|明、", "华大|伟,", "吴小|至)" — a lone character
    between a two-character name and the separator of a list (or 同志, 等, a closing bracket) is the end of
    the name; so is one between a name right after its title (or a list's 、) and the verb the name is the
    subject of ("副主任孟小|全|陪同", "院长胡大|才|在")."""
    if not (name.tag == "PERSON" and len(name.text) == 2 and len(char.text) == 1 and _HAN.match(char.text)):
        return False
    if after is None:
        return char.text not in word_list("name_followers.txt")
    closes = after.text[:1] in "、，,。)）"
    if char.text in word_list("name_followers.txt"):
        # "段训|和|、": a conjunction joins what follows it, so one before a list's mark ends the name
        return closes and char.text in _LIST_MARKS + ("与", "同")
    if closes or after.text.startswith(("同志", "等")):
        return True
    # after its title, or after the 、 of a list ("A、B、孔小|成|出席")
    after_title = before is not None and _after_title(before)
    return after_title and (after.text in ("在", *_LIST_MARKS) or after.text.startswith(person_verbs()))


def _after_title(before: Token) -> bool:
    """Does a name start after this token: a title ("副主任"), or a list's 、 (of names after one)?"""
    return before.text == "、" or title_pattern().search(before.text) is not None


def _title_end_in_name(tokens: list[Token]) -> list[Token]:
    """ "副主|委胥敏": the model read a title's last character into the name after it; it is the
    title's when the words before it end in a title with it, and the rest is a name by its surname.
    "代区|长安明哲及…": the same in a word the model took for a body or a place (长安), when the name
    ends where a clause, a conjunction or a verb begins."""
    out: list[Token] = []
    for i, t in enumerate(tokens):
        before = out[-1] if out else None
        if (
            before is not None
            and _title_char_read_into(t, tokens[i + 1] if i + 1 < len(tokens) else None)
            and t.text[1] in surnames()
            and not title_pattern().search(before.text)
            and title_pattern().search(before.text + t.text[0])
        ):
            out[-1] = Token(before.text + t.text[0], before.start, t.start + 1, "NOUN")
            t = Token(t.text[1:], t.start + 1, t.end, "PERSON")
        out.append(t)
    return out


def _title_char_read_into(t: Token, following: Token | None) -> bool:
    """Could `t` be a title's last character and a name read as one word?"""
    if t.tag == "PERSON":
        return len(t.text) == 3
    ends = following is None or following.tag in ("PUNCT", "CONJ", "VERB")
    division = t.text[-1] in _DIVISION_ENDINGS  # "唐古拉山镇|长江源村": a place
    return (
        t.tag in ("ORG", "PLACE")
        and len(t.text) in (3, 4)
        and ends
        and not division
        and plausible_name(t.text[1:])
    )


def _title_and_name(token: Token) -> list[Token]:
    """ "副市长王大明" as one word: a title and the name after it, when the rest is a plausible name."""
    if token.tag in ENTITY_TAGS or len(token.text) < 4:
        return [token]
    title = titles_anywhere().match(token.text)
    name = token.text[title.end() :] if title else ""
    if not title or not 2 <= len(name) <= 3 or name[0] not in surnames() or not plausible_name(name):
        return [token]
    cut = token.start + title.end()
    return [Token(title.group(), token.start, cut, "NOUN"), Token(name, cut, token.end, "PERSON")]


def _given_name_word(token: Token | None) -> bool:
    """A word after a title and a surname that can be the given name: one or two characters the model
    took for no entity, verb, preposition, particle, conjunction or mark."""
    return (
        token is not None
        and 1 <= len(token.text) <= 2
        and _HAN.fullmatch(token.text) is not None
        and token.tag not in ("VERB", "PREP", "PART", "CONJ", "PUNCT", "PERSON", "ORG", "PLACE", "NUM")
    )


def _place_title_name(tokens: list[Token]) -> list[Token]:
    """ "信阳市市长尚|朝阳": a place, a title and a surname read as one place, the given name as the
    next word: the place, the title and the name. "副书记马|越": a title and a surname read as one word,
    the given name as a word of no entity's, no verb's or particle's kind."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        parts = _title_and_surname(tokens[i], following) if following else []
        out += parts or [tokens[i]]
        i += 2 if parts else 1
    return out


def _title_and_surname(token: Token, following: Token) -> list[Token]:
    """The place (if any), the title and the name that `token` and the word after it are, or []."""
    title = titles_anywhere().search(token.text) if token.tag in ("PLACE", "ORG", "NOUN") else None
    if title is None:
        return []
    surname = token.text[title.end() :]
    # "负责人和|企业": 和, 同, 向 … after a title are words, not surnames, where no place stands before it
    placed = title.start() > 0 or (_given_name_word(following) and surname not in "和同向于由将")
    name = surname + following.text
    if not (placed and len(surname) == 1 and surname in surnames() and plausible_name(name)):
        return []
    if len(name) > 3 or following.start != token.end:
        return []
    cut, named = token.start + title.start(), token.start + title.end()
    place = [Token(token.text[: title.start()], token.start, cut, token.tag)] if title.start() else []
    return [*place, Token(title.group(), cut, named, "NOUN"), Token(name, named, following.end, "PERSON")]


def _name_and_post(token: Token) -> list[Token]:
    """ "张大富任市公用事业局" as one name: a name, 任 and the body it is appointed to; "吴道成和县政府办
    主任X": a name, the conjunction and the body of the next person's post."""
    if token.tag != "PERSON" or len(token.text) < 5:
        return [token]
    for cut in (2, 3):
        name, verb, body = token.text[:cut], token.text[cut], token.text[cut + 1 :]
        if (
            verb in _NAME_THEN_BODY
            and len(body) >= 2
            and org_subtype(body) != "other"
            and plausible_name(name)
        ):
            at = token.start
            return [
                Token(name, at, at + cut, "PERSON"),
                Token(verb, at + cut, at + cut + 1, _NAME_THEN_BODY[verb]),
                Token(body, at + cut + 1, token.end, "ORG"),
            ]
    return [token]


_NAME_THEN_BODY = {"任": "VERB", "和": "CONJ", "与": "CONJ", "及": "CONJ"}  # the word between, its tag


def _unknown_place(run: list[Token]) -> bool:
    """ "赵家村", a Tibetan name typed as a place in a list of names, "自|福庄": words of two to four
    characters typed as places, none a division above a township (a name need not begin with a
    surname: Tibetan names do not)."""
    text = "".join(t.text for t in run)
    if len(run) > 2 or any(t.tag != "PLACE" for t in run) or not 2 <= len(text) <= 4:
        return False
    return all(d.level >= 4 for t in run for d in Gazetteer.default().lookup(t.text))


def _named_as_person(before: list[Token], following: str) -> bool:
    return following == "、" or bool(before and title_pattern().search(before[-1].text))


def _division_name(word: str) -> bool:
    """The short name of a county, a city or a province (安平, 阿克苏), not of a town."""
    division = Gazetteer.default().resolve(word)
    return division is not None and division.level <= 3


def _name_before_verb(word: str, following: str, before: list[Token]) -> bool:
    """A word typed as a place before a person's verb that no division bears: a name when it begins with
    a surname, or when a title stands right before it (a Mongolian name, "副主任X宣布", has no surname)."""
    title = bool(before) and before[-1].tag == "NOUN" and _after_title(before[-1])
    return (
        2 <= len(word) <= 3
        and (title or word[0] in surnames())
        and following.startswith(word_list("person_verbs.txt"))
        and not Gazetteer.default().lookup(word)
    )


def _name_after_title(tokens: list[Token], i: int) -> str | None:
    """A name of four characters with no Chinese surname (次仁多布, 巴雅尔图) where the genre puts
    names: right after a title, or after a title and a colon ("市委常委:沈七、…")."""
    token = tokens[i]
    if (
        token.tag != "PERSON"
        or len(token.text) != 4
        or not all("\u4e00" <= ch <= "\u9fff" for ch in token.text)
    ):
        return None
    before = tokens[i - 1].text if i else ""
    if before in (":", "：", "、") and i > 1:
        before = tokens[i - 2].text
    return "PERSON" if title_pattern().search(before) else None


def _long_name_in_list(tokens: list[Token], i: int) -> str | None:
    """ "张三、索朗扎西多、李四": a name of four to six characters with no surname (Tibetan, Mongolian names)
    that the model typed as a person is one when a list mark joins it to another person."""
    t = tokens[i]
    if t.tag != "PERSON" or not 4 <= len(t.text) <= 6 or not _HAN.fullmatch(t.text):
        return None
    before = i >= 2 and tokens[i - 1].text == "、" and tokens[i - 2].tag == "PERSON"
    after = i + 2 < len(tokens) and tokens[i + 1].text == "、" and tokens[i + 2].tag == "PERSON"
    return "PERSON" if before or after else None


_LEVELS_JOINED = re.compile("[省市县区][市县区乡镇](?:委|政府|人大|政协)")


def _entity_type(token: Token) -> str | None:
    """The model's entity type, or None where the token cannot be one (a slip of the model)."""
    if token.tag not in ENTITY_TAGS:
        return None
    if token.tag == "PERSON":
        return "PERSON" if plausible_name(token.text) else None
    if token.tag == "ORG":
        if len(token.text) < 2 or _LEVELS_JOINED.match(token.text):
            return None  # "省市委全会": the province's and the city's committees, no body of its own
        return "PLACE" if Gazetteer.default().lookup(token.text) else "ORG"  # 东昌府区 typed ORG
    return token.tag


def plausible_name(text: str) -> bool:
    """Chinese personal names: 2-3 characters, 4 with a compound surname; not 王女士, not 周周."""
    if _DOTTED_NAME.fullmatch(text):
        return True  # 阿布·买买提, 阿不都·热合曼: names of Tibetan, Uyghur, Kazakh … officials
    if not 2 <= len(text) <= 4 or not all("\u4e00" <= ch <= "\u9fff" or ch == "·" for ch in text):
        return False
    if len(text) == 2 and text[0] == text[1]:
        return False
    if len(text) == 4 and text[:2] not in surnames() and "·" not in text:
        return False
    return not text.endswith(word_list("honorifics.txt"))


def _pattern_mentions(sentence: Sentence, pattern: re.Pattern[str], kind: str) -> list[Mention]:
    base = sentence.start
    return [
        Mention(base + m.start(), base + m.end(), m.group(), kind, source="pattern")
        for m in pattern.finditer(sentence.text)
    ]


def overlaps(mention: Mention, others: list[Mention]) -> bool:
    return any(o.start < mention.end and mention.start < o.end for o in others)
