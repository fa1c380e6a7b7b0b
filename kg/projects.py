"""Projects and companies: what is built where, by whom, for how much.

- A project is a noun phrase ending in 项目 ("山东华电聊城九标段343.75兆瓦风电项目"), not one
  made only of classifying words ("重点项目", "20个实体投资项目") nor a predicate ("是…项目");
- "总投资约26亿元" → 2.6e9 yuan, approximate; "由X全资建设", "X投资", "承建该项目的X" → owner,
  contractor; "在阳谷县开工" → place; "装机容量343.75兆瓦", "年产200万台" → quantities;
  签约/开工/投产/竣工 → status changes;
- companies: "由A与B联合组建" (joint venture) and "是一家生产…的企业" (industry).
"""

from __future__ import annotations

import re
from functools import cache

from .dates import parse_date
from .engines import Token
from .gazetteer import Gazetteer
from .lexicon import alternation, table, word_list
from .model import Article, Mention, ProjectMention, Quantity, Relation, Sentence
from .names import merge_by_name

_NAME_TAGS = {"n", "nz", "nw", "m", "q", "a", "an", "vn", "ORG", "PLACE", "PERSON", "s", "f", "c"}
_NAME_VERBS = {"年产", "年加工", "年处理", "新建", "改建", "扩建"}
_PREDICATE = ("是", "属于", "列入", "作为")
_SUFFIX = re.compile(r"^(?:[一二三四五六七八九十\d]+期)")
_SET = re.compile(
    r"^(?:全市|全区|全县|全省|我市|我区|我县|省市|省级|市级|更多|各类|一批|多个|部分|[\d一二三四五六七八九十百]+[个项批家余])"
)
_CLAUSE = re.compile(r"[，,。；;：:]")
_COUNTED_BEFORE = re.compile(r"(?:多个|若干|一批|[\d一二三四五六七八九十百]+[个项批])[^，,。]*$")
_COUNTED_AFTER = re.compile(r"^\s*[\d一二三四五六七八九十百]+(?:余|多)?[个项]")
_PLANNED = re.compile(r"(?:预计|计划|将|力争|拟)[^，,。]{0,14}$")
_SENTENCE_PLACE = re.compile(r"^(?:[^，,。]{0,12}?[日月])?[，,]?\s*在(?P<place>[^，,。]{2,12})[，,]")
_MONEY = re.compile(
    r"(?:总投资|投资总额|计划投资|投资额|投资)(?:额)?(?:为|达)?(?P<approx>约|超过|超|近|达)?"
    r"(?P<amount>\d+(?:\.\d+)?)(?P<mult>万亿|亿|万)?(?P<more>多|余)?元"
)
_OWNER = re.compile(r"由(?P<org>[^，,。；由]{2,40}?)(?:全资|独资|投资|出资)?(?:建设|投资|开发|实施)")
_CONTRACTOR = re.compile(r"承建(?:该|此|这个)?项目的(?P<org>[^，,。；]{2,40}?)(?=[，,。；]|$)")
_PLACE_AFTER = re.compile(
    r"^(?:二期|一期|三期)?(?:建设)?(?:在|落户|位于)(?P<place>[^，,。在]{2,15}?)(?:正式|顺利)?(?:开工|建设|落地|投产|签约|动工|实施|$)"
)
_REFERENCE = re.compile(r"(?:该|此|这个|这一)项目")
_JOINT_VENTURE = re.compile(
    r"由(?P<a>[^，,。与和]{2,20})(?:与|和)(?P<b>[^，,。]{2,20}?)(?:强强)?(?:联合|合资|共同出资)(?:组建|成立|设立)"
)
_LISTED = re.compile(
    r"(?:^|[，,；;：:])(?P<items>[^，,。；;：:]+、[^，,。；;：:]+?)等(?:[\d一二三四五六七八九十百]+(?:余|多)?[个家项])?"
    r"(?P<kind>[\u4e00-\u9fff]{0,6}?)项目"
)
_ZONES = re.compile(r"开发区|高新区|经开区")
_OWN_CITY = re.compile(r"我市|全市|本市")
_DEMONSTRATIVE = re.compile(r"这家|该公司|该企业|该集团")
_INDUSTRY = re.compile(
    r"是一家(?:主要)?(?:从事|专注于?)?(?P<what>[^，,。]{2,30}?)的(?:[^，,。的]{0,12})(?:企业|公司)"
)


@cache
def _quantity() -> re.Pattern[str]:
    units = alternation(word_list("quantity_units.txt"))
    return re.compile(
        rf"(?P<kind>总装机容量|装机容量|装机规模|年产|年加工|年处理|产能)?(?:达到|为|约)?"
        rf"(?P<value>\d+(?:\.\d+)?)(?P<mult>万|亿)?(?P<unit>{units})"
    )


@cache
def _status() -> re.Pattern[str]:
    return re.compile(alternation(tuple(sorted(table("project_status.tsv"), key=len, reverse=True))))


def yuan(amount: str, multiplier: str | None) -> float:
    scale = {"万": 1e4, "亿": 1e8, "万亿": 1e12}.get(multiplier or "", 1.0)
    return round(float(amount) * scale, 2)


class ProjectReader:
    def __init__(self, issue_date: str | None = None) -> None:
        self.issue_date = issue_date

    def read_article(self, article: Article, city: str | None = None) -> None:
        projects: list[ProjectMention] = []
        for sentence in article.sentences:
            named = self._projects_in(sentence) + _listed_projects(sentence)
            kept = [merge_by_name(projects, project, ("place", "owner")) for project in named]
            referred = kept or (projects[-1:] if _REFERENCE.search(sentence.text) else [])
            for project in referred:
                self._details(sentence, project)
        fallback = _headline_place(article) or _article_place(article, city)
        for project in projects:
            project.place = project.place or fallback
            _add_mention(project)
        article.projects = projects
        article.relations += _company_relations(article)

    def _projects_in(self, sentence: Sentence) -> list[ProjectMention]:
        found = []
        tokens = sentence.tokens
        for i, token in enumerate(tokens):
            if token.text != "项目" and not (token.text.endswith("项目") and token.tag in ("n", "nz")):
                continue
            project = self._project_ending_at(sentence, tokens, i)
            if project:
                found.append(project)
        return found

    def _project_ending_at(self, sentence: Sentence, tokens: list[Token], last: int) -> ProjectMention | None:
        first = last
        owner = None
        while first > 0:
            token = tokens[first - 1]
            if token.tag == "ORG" and token.text.endswith(("公司", "集团")):
                owner = token.text  # "聊城长鑫材料科技有限公司年产200万台…项目"
                break
            if token.tag not in _NAME_TAGS and token.text not in _NAME_VERBS or token.text.endswith("项目"):
                break
            first -= 1
        start, end = tokens[first].start, tokens[last].end
        clause = sentence.text[
            max((m.end() for m in _CLAUSE.finditer(sentence.text, 0, start)), default=0) : start
        ]
        if any(word in clause for word in _PREDICATE):
            return None  # "…是首批集中式陆上风电项目": a kind, not a name
        if _COUNTED_BEFORE.search(clause) or _COUNTED_AFTER.match(sentence.text[end:]):
            return None  # "引进多个汽车制造、新材料项目", "集中式光伏项目26个": a set
        suffix = _SUFFIX.match(sentence.text[end:])
        name = sentence.text[start : end + (suffix.end() if suffix else 0)]
        if not _specific(name, tokens[first : last + 1], owner):
            return None
        base = sentence.start
        project = ProjectMention(name, sentence, base + start, base + start + len(name), owner=owner)
        place = _PLACE_AFTER.match(sentence.text[start + len(name) :]) or _SENTENCE_PLACE.match(sentence.text)
        if place:
            project.place = place.group("place")
        else:
            project.place = _division_prefix(name)  # "冠县代屯二期棚改安置区项目", "东昌府区力得科技…"
        return project

    def _details(self, sentence: Sentence, project: ProjectMention) -> None:
        text = sentence.text
        money = _MONEY.search(text)
        if money and project.investment is None:
            project.investment = yuan(money["amount"], money["mult"])
            project.investment_approximate = bool(money["approx"] or money["more"])
        owner = _OWNER.search(text)
        if owner and not project.owner:
            project.owner = owner.group("org")
        contractor = _CONTRACTOR.search(text)
        if contractor:
            project.contractor = contractor.group("org")
        name_span = range(project.start - sentence.start, project.end - sentence.start)
        for match in _quantity().finditer(text):
            if match["kind"] or (project.sentence is sentence and match.start() in name_span):
                value = float(match["value"]) * {"万": 1e4, "亿": 1e8}.get(match["mult"] or "", 1.0)
                quantity = Quantity(value, match["unit"], match["kind"] or "", match.group())
                if quantity.text not in {q.text for q in project.quantities}:
                    project.quantities.append(quantity)
        for match in _status().finditer(text):
            if _PLANNED.search(text[: match.start()]):
                continue  # "预计2025年底全容量投产" is a plan, not a change
            status = table("project_status.tsv")[match.group()][0]
            date = parse_date(text[: match.start()], self.issue_date)
            known = dict(project.statuses)
            if status not in known or (date and known[status] is None):
                project.statuses = [s for s in project.statuses if s[0] != status]
                project.statuses.append((status, date.start if date else None))


def _listed_projects(sentence: Sentence) -> list[ProjectMention]:
    """ "推进A、B、C等9个项目落地建设": each item of a list the text calls projects is one."""
    found = []
    for match in _LISTED.finditer(sentence.text):
        if "类" in match.group("kind") or _COUNTED_AFTER.match(sentence.text[match.end() :]):
            continue  # "休闲书吧、餐饮酒吧等各类业态活化项目140余个": kinds of projects, not projects
        offset = match.start("items")
        for item in re.finditer(r"[^、]+", match.group("items")):
            start, end = offset + item.start(), offset + item.end()
            start = _skip_leading_verbs(sentence, start, end)
            name = sentence.text[start:end]
            if len(name) < 3 or _generic(name) or "项目" in name:
                continue
            base = sentence.start
            project = ProjectMention(name, sentence, base + start, base + end)
            first = next((t for t in sentence.tokens if t.start == start), None)
            if (
                first is not None
                and first.tag == "ORG"
                and first.text.endswith(("集团", "公司"))
                and first.end < end
            ):
                project.owner = first.text  # "鲁商集团福瑞达医药产业园"
            found.append(project)
    return found


def _skip_leading_verbs(sentence: Sentence, start: int, end: int) -> int:
    """ "继续推进上海国创…" → "上海国创…": drop verbs and adverbs before a list item's name."""
    for token in sentence.tokens:
        if token.start < start or token.start >= end:
            continue
        if token.tag not in ("v", "d", "p", "c", "vd", "u"):
            return token.start
    return start


def _generic(name: str) -> bool:
    rest = name
    for word in word_list("generic_project_words.txt"):
        rest = rest.replace(word, "")
    return len(re.sub(r"[\d.]+|[个项批类期]", "", rest)) < 2


def _specific(name: str, tokens: list[Token], owner: str | None) -> bool:
    """Does the phrase name one project? It needs a proper name (a company, a person, a named
    place that is no division, a Latin acronym), a quantity, or words beyond the classifiers
    ("重点", "改造", …); a set ("全市重点项目", "5个项目") is no project."""
    if _SET.match(name):
        return False
    if owner or re.search(r"[A-Za-z]{2,}", name) or _quantity().search(name):
        return True
    if any(t.tag in ("ORG", "PERSON") or (t.tag == "PLACE" and not _is_division(t.text)) for t in tokens):
        return True
    rest = name.removesuffix("项目")
    for t in tokens:
        if t.tag == "PLACE":
            rest = rest.replace(t.text, "")
    for word in word_list("generic_project_words.txt"):
        rest = rest.replace(word, "")
    return len(re.sub(r"[\d.]+|[个项批类期]", "", rest)) >= 3


def _division_prefix(name: str) -> str | None:
    """The longest administrative division a name begins with, written in full (东昌府区, 冠县)."""
    gazetteer = Gazetteer.default()
    for length in range(min(len(name), 8), 1, -1):
        if any(d.name == name[:length] for d in gazetteer.lookup(name[:length])):
            return name[:length]
    return None


def _known_place(name: str) -> bool:
    """A division, or a zone named as one ("嘉明经济开发区"): not a word the model typed as a place."""
    return _is_division(name) or name.endswith(("开发区", "高新区", "园区", "新区"))


def _is_division(name: str) -> bool:
    return bool(Gazetteer.default().lookup(name))


def _headline_place(article: Article) -> str | None:
    """A division or zone the headline names ("…风电项目在阳谷开工建设")."""
    for sentence in article.sentences:
        if sentence.headline:
            places = [m.text for m in sentence.mentions if m.type == "PLACE" and _known_place(m.text)]
            if places:
                return places[-1]
    return None


def _article_place(article: Article, city: str | None) -> str | None:
    """The place an article is about: the one it names most ("我市", "全市" count for the city)."""
    counts: dict[str, int] = {}
    for sentence in article.sentences:
        for mention in sentence.mentions:
            if mention.type == "PLACE":
                counts[mention.text] = counts.get(mention.text, 0) + 1
        for zone in _ZONES.findall(sentence.text):
            counts[zone] = counts.get(zone, 0) + 1
        if city:
            counts[city] = counts.get(city, 0) + len(_OWN_CITY.findall(sentence.text))
    best = max(counts.items(), key=lambda kv: kv[1], default=(None, 0))
    return best[0] if best[1] >= 2 else None


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
        named = [m.text for m in sentence.mentions if m.type == "ORG" and m.subtype == "company"]
        venture = _JOINT_VENTURE.search(sentence.text)
        subject = company or (named[0] if named else None)
        if venture and subject:
            for parent in (venture["a"], venture["b"]):
                relations.append(
                    Relation(subject, "ORG", "parentOrganization", parent.strip(), "ORG", sentence)
                )
        industry = _INDUSTRY.search(sentence.text)
        if industry:
            before = [
                m.text
                for m in sentence.mentions
                if m.type == "ORG" and m.end - sentence.start <= industry.start()
            ]
            # "这家…的企业，是一家…": the company the passage is about, not an organisation named on the way
            pointed = _DEMONSTRATIVE.search(sentence.text, 0, industry.start())
            owner = company if pointed and company else (before or [company])[-1]
            if owner:
                relations.append(Relation(owner, "ORG", "industry", industry["what"], "LITERAL", sentence))
        company = ([n for n in named if n.endswith("公司")] or named or [company])[-1]
    return relations
