"""The explorer on a large graph: a synthetic corpus of 5,000+ entities in the kg vocabulary.

`synthetic_graph()` builds what `kg build` would write for a few thousand articles of a city daily: people
holding one to three posts (in organisations picked with a skew, so 市委 and 市政府 gather many members),
organisations under their parents, companies located in places, events with attendees, and a tail of
entities that are only mentioned. The tests check the page is written quickly, stays a reasonable size and
becomes interactive in headless Chromium; `python -m tests.test_html_scale OUT.html` writes the page and
prints the numbers.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef

from kg.explore.html import write_html

from .test_html import SHOTS, assert_clean, launch, open_explorer

KG = Namespace("https://w3id.org/kg-news/ns#")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
ID = Namespace("https://w3id.org/kg-news/id/")
OFFSET = URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")  # not rdflib's XSD: pytest trips on it

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国庆东海波宁斌云峰鹏辉昌松百顺发文学志红春雪晓光荣新"
COUNTIES = ["东昌府区", "茌平区", "临清市", "阳谷县", "莘县", "东阿县", "冠县", "高唐县"]
TOWNS = (
    "古楼 柳园 新区 道口铺 闫寺 凤凰 郑家 张炉集 侯营 沙镇 堂邑 梁水镇 斗虎屯 朱老庄 顾官屯 于集 许营".split()
)
BUREAUS = "发展和改革委员会 教育局 科学技术局 工业和信息化局 公安局 民政局 司法局 财政局 人力资源和社会保障局 自然资源和规划局 生态环境局 住房和城乡建设局 交通运输局 水利局 农业农村局 商务局 文化和旅游局 卫生健康委员会 退役军人事务局 应急管理局 审计局 市场监督管理局 统计局 医疗保障局 信访局 大数据局".split()
PARTY = "组织部 宣传部 统战部 政法委员会 纪律检查委员会 机构编制委员会办公室 党校 办公室".split()
COMPANY_WORDS = (
    "鲁西 金号 信发 时风 泉林 凤祥 东阿阿胶 景阳冈 中通 祥光 华建 恒通 瑞丰 金蔡 昌润 海汇 新凤".split()
)
COMPANY_KINDS = "化工 纺织 铝业 食品 机械 钢管 生物科技 新能源 物流 建设 电子 制药".split()
ROLES = "书记 副书记 常委 市长 副市长 局长 副局长 主任 副主任 部长 副部长 院长 董事长 总经理 主席 副主席 委员 秘书长 县长 区长 镇长 党委书记".split()
EVENTS = "工作会议 推进会 座谈会 动员大会 表彰大会 签约仪式 开工仪式 博览会 运动会 培训班".split()


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


class Corpus:
    """Adds entities, articles and posts to a graph in the shape kg/rdf/graph.py writes them."""

    def __init__(self, rng: random.Random) -> None:
        self.g = Graph()
        self.rng = rng
        self.labels: set[str] = set()
        self.n_evidence = 0

    def entity(
        self, kind: str, label: str, kg_class: URIRef, schema_class: URIRef, *alt: str
    ) -> URIRef | None:
        if label in self.labels:
            return None
        self.labels.add(label)
        node = ID[f"{kind}/{len(self.labels)}"]
        for cls in (kg_class, schema_class):
            self.g.add((node, RDF.type, cls))
        self.g.add((node, RDFS.label, zh(label)))
        for a in alt:
            self.g.add((node, SKOS.altLabel, zh(a)))
        return node

    def article(self, index: int, headline: str, mentions: list[URIRef], author: URIRef | None) -> URIRef:
        node = ID[f"article/synthetic-{index}"]
        self.g.add((node, RDF.type, SCHEMA.NewsArticle))
        self.g.add((node, SCHEMA.headline, zh(headline)))
        self.g.add((node, KG.articleIndex, Literal(index)))
        for m in mentions:
            self.g.add((node, SCHEMA.mentions, m))
        if author is not None:
            self.g.add((node, SCHEMA.author, author))
        return node

    def post(self, person: URIRef, org: URIRef, role: str, article: URIRef, sentence: str) -> None:
        self.n_evidence += 1
        m, ev = ID[f"membership/{self.n_evidence}"], ID[f"evidence/{self.n_evidence}"]
        g = self.g
        g.add((m, RDF.type, ORG.Membership))
        g.add((m, ORG.member, person))
        g.add((m, ORG.organization, org))
        g.add((m, ORG.role, ID[f"role/{role}"]))
        g.add((ID[f"role/{role}"], RDF.type, ORG.Role))
        g.add((ID[f"role/{role}"], RDFS.label, zh(role)))
        g.add((m, PROV.wasDerivedFrom, article))
        g.add((m, KG.evidence, ev))
        g.add((ev, RDF.type, OA.SpecificResource))
        g.add((ev, KG.article, article))
        position, quote = URIRef(f"{ev}#position"), URIRef(f"{ev}#quote")
        g.add((ev, OA.hasSelector, position))
        g.add((ev, OA.hasSelector, quote))
        g.add((position, RDF.type, OA.TextPositionSelector))
        g.add((position, OA.start, Literal(100, datatype=OFFSET)))
        g.add((position, OA.end, Literal(100 + len(sentence), datatype=OFFSET)))
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        g.add((quote, OA.exact, zh(sentence)))


AREAS = ["聊城市", *COUNTIES]


def _organisations(c: Corpus) -> dict[str, list[URIRef]]:
    """Per area (the city and each county): Party and state bodies first (they gather the most posts),
    then departments, bureaus, town governments, companies and other bodies."""
    rng, g = c.rng, c.g
    areas: dict[str, list[URIRef | None]] = {}
    for place in AREAS:
        short = place[:-1] if len(place) > 2 else place
        committee = c.entity(
            "org", f"中共{place}委员会", KG.PartyOrganization, SCHEMA.GovernmentOrganization, f"{short}委"
        )
        government = c.entity(
            "org", f"{place}人民政府", KG.GovernmentOrganization, SCHEMA.GovernmentOrganization
        )
        congress = c.entity(
            "org", f"{place}人民代表大会常务委员会", KG.Congress, SCHEMA.GovernmentOrganization
        )
        cppcc = c.entity("org", f"中国人民政治协商会议{place}委员会", KG.CPPCC, SCHEMA.GovernmentOrganization)
        orgs = [committee, government, congress, cppcc]
        for dept in PARTY:
            orgs.append(
                c.entity("org", f"中共{place}委{dept}", KG.PartyOrganization, SCHEMA.GovernmentOrganization)
            )
            g.add((orgs[-1], ORG.subOrganizationOf, committee))
        for bureau in BUREAUS:
            orgs.append(
                c.entity("org", f"{place}{bureau}", KG.GovernmentOrganization, SCHEMA.GovernmentOrganization)
            )
            g.add((orgs[-1], ORG.subOrganizationOf, government))
        for town in rng.sample(TOWNS, 8):
            orgs.append(
                c.entity(
                    "org", f"{place}{town}人民政府", KG.GovernmentOrganization, SCHEMA.GovernmentOrganization
                )
            )
        while len(orgs) < 4 + len(PARTY) + len(BUREAUS) + 8 + 75:
            name = f"{short}{rng.choice(COMPANY_WORDS)}{rng.choice(COMPANY_KINDS)}有限公司"
            orgs.append(c.entity("org", name, KG.Company, SCHEMA.Corporation))
        for i in range(30):
            cls = rng.choice([KG.University, KG.Association, KG.MediaOrganization, KG.OtherOrganization])
            kind = ["学院", "协会", "融媒体中心", "服务中心"][i % 4]
            orgs.append(c.entity("org", f"{short}第{i + 1}{kind}", cls, SCHEMA.Organization))
        areas[place] = orgs
    return {place: [o for o in orgs if o is not None] for place, orgs in areas.items()}


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def synthetic_graph(n_people: int = 3300, n_articles: int = 1500, seed: int = 7) -> Graph:
    rng = random.Random(seed)
    c = Corpus(rng)
    areas = _organisations(c)
    places = {a: [c.entity("place", f"{a}{t}", KG.Place, SCHEMA.Place) for t in TOWNS] for a in AREAS}
    people: dict[str, list[URIRef]] = {a: [] for a in AREAS}
    while sum(map(len, people.values())) < n_people:
        node = c.entity("person", _name(rng), KG.Person, SCHEMA.Person)
        if node is not None:
            people[rng.choice(AREAS + ["聊城市"])].append(node)  # the city's paper: the city counts twice
    events = {
        a: [c.entity("event", f"{a}{e}（第{i}次）", KG.Event, SCHEMA.Event) for i, e in enumerate(EVENTS * 3)]
        for a in AREAS
    }
    for i, kind in enumerate(COMPANY_KINDS * 12):
        c.entity("project", f"{rng.choice(TOWNS)}{kind}项目{i}", KG.Project, SCHEMA.Project)
    labels = {node: str(label) for node, label in c.g.subject_objects(RDFS.label)}

    articles: dict[str, list[tuple[URIRef, list[URIRef]]]] = {a: [] for a in AREAS}
    for i in range(n_articles):
        area = rng.choice(AREAS)
        mentioned = (
            rng.sample(people[area], 4)
            + rng.sample(areas[area], 4)
            + rng.sample([p for p in places[area] if p], 2)
        )
        headline = f"{labels[mentioned[4]]}召开{rng.choice(EVENTS)}（{i + 1}）"
        articles[area].append((c.article(i, headline, mentioned, people["聊城市"][i % 40]), mentioned))
    for area in AREAS:
        orgs = areas[area]
        # A skewed choice: the first bodies (市委, 市政府, …) get most posts, as in a real city daily.
        weights = [1 / (i + 2) ** 1.1 for i in range(len(orgs))]
        for person in people[area][: int(0.85 * len(people[area]))]:  # the rest are only mentioned
            posts = rng.choices(orgs, weights, k=rng.choice((1, 1, 1, 2, 2, 3)))
            if area != "聊城市" and rng.random() < 0.05:
                posts.append(rng.choice(areas["聊城市"][:40]))  # a county official with a city post
            for org in dict.fromkeys(posts):
                role = rng.choice(ROLES)
                article, mentioned = rng.choice(articles[area])
                c.post(person, org, role, article, f"{labels[org]}{role}{labels[person]}出席会议并讲话。")
                for node in (person, org):
                    if node not in mentioned:
                        c.g.add((article, SCHEMA.mentions, node))
        for org in orgs:
            if (org, RDF.type, KG.Company) in c.g:
                c.g.add((org, SCHEMA.location, rng.choice([p for p in places[area] if p])))
        for event in [e for e in events[area] if e][:15]:
            for person in rng.sample(people[area], 3):
                c.g.add((event, SCHEMA.attendee, person))
    return c.g


# ---- tests -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator:
    yield from launch()


@pytest.fixture(scope="module")
def big_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float, Graph]:
    graph = synthetic_graph()
    path = tmp_path_factory.mktemp("big") / "graph.html"
    start = time.perf_counter()
    write_html(graph, path, title="合成图谱（5,000 个实体）")
    return path, time.perf_counter() - start, graph


def n_entities(graph: Graph) -> int:
    return len({s for s, cls in graph.subject_objects(RDF.type) if str(cls).startswith(str(KG))})


def test_big_graph_is_written_quickly_and_stays_small(big_page: tuple[Path, float, Graph]) -> None:
    path, seconds, graph = big_page
    assert n_entities(graph) >= 5000
    assert seconds < 60, f"writing the page took {seconds:.1f} s"
    assert path.stat().st_size < 4_000_000


def test_big_graph_is_interactive_in_chromium(browser, big_page: tuple[Path, float, Graph]) -> None:
    path, seconds, graph = big_page
    start = time.perf_counter()
    opened = open_explorer(browser, path, 1440, 900)
    wall = time.perf_counter() - start
    ready_ms = int(opened.js("document.body.getAttribute('data-kg-ready-ms')"))
    assert opened.js("kg.nodes.length") > 4000
    # A click's worth of work on the largest hub: select, highlight, panel, redraw.
    work_ms = opened.js(
        """() => { var i = kg.search('中共聊城市委员会')[0], t = performance.now();
             kg.selectEntity(i, true); kg.network.redraw(); return performance.now() - t; }"""
    )
    assert "任职人员" in opened.page.inner_text("#kg-panel")
    SHOTS.mkdir(parents=True, exist_ok=True)
    opened.page.screenshot(path=str(SHOTS / "explorer-5000-selected.png"))
    opened.js("kg.clearSelection(); kg.network.fit()")
    opened.page.wait_for_timeout(300)
    opened.page.screenshot(path=str(SHOTS / "explorer-5000.png"))
    numbers = {
        "entities": n_entities(graph),
        "drawn": opened.js("kg.nodes.length"),
        "relations": opened.js("kg.edges.length"),
        "write_s": round(seconds, 1),
        "size_mb": round(path.stat().st_size / 1e6, 2),
        "ready_ms": ready_ms,
        "load_wall_s": round(wall, 1),
        "select_hub_ms": round(work_ms),
    }
    (SHOTS / "explorer-5000.json").write_text(json.dumps(numbers, indent=1), encoding="utf-8")
    print(numbers)
    assert ready_ms < 20_000 and work_ms < 5_000, numbers
    assert_clean(opened)


def main(out: Path) -> None:
    graph = synthetic_graph()
    start = time.perf_counter()
    write_html(graph, out, title="合成图谱（5,000 个实体）")
    print(
        f"{n_entities(graph)} entities; page written in {time.perf_counter() - start:.1f} s, "
        f"{out.stat().st_size / 1e6:.2f} MB"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
