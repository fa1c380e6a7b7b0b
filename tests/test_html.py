"""The HTML explorer: self-contained, escaped, and really used in a browser with the network cut off.

The browser tests drive Debian's /usr/bin/chromium with Playwright (no browser download). Without it they
are skipped, except under CI, where they fail: CI must run .ci/install-browser.sh.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest
from rdflib import RDF, RDFS, SKOS, BNode, Graph, Literal, Namespace, URIRef

from kg.explore.html import (
    _declutter,
    _repulsion_dense,
    _repulsion_grid,
    layout,
    read_graph,
    spring,
    write_html,
)

from .conftest import BROWSER_SKIPPED

KG = Namespace("https://w3id.org/kg-news/ns#")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
ID = Namespace("https://w3id.org/kg-news/id/")

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "build" / "test-screenshots"  # not out/: that folder is the user's
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Every request goes to a dead proxy (and Playwright aborts them too): the page must need none.
    "--proxy-server=127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
]

# If any of these ever runs, it leaves a mark that the tests look for.
SCRIPT = "<script>window.__pwned='script';alert(1)</script>"
IMG = "<img src=x onerror=\"window.__pwned='img';alert(1)\">"


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def add_entity(g: Graph, key: str, label: str, kg_class: URIRef, schema_class: URIRef, *alt: str) -> URIRef:
    node = ID[key]
    g.add((node, RDF.type, kg_class))
    g.add((node, RDF.type, schema_class))
    g.add((node, RDFS.label, zh(label)))
    for a in alt:
        g.add((node, SKOS.altLabel, zh(a)))
    return node


def add_evidence(g: Graph, fact: URIRef, key: str, article: URIRef, quote: str) -> None:
    evidence, quote_sel, pos_sel = ID[f"ev/{key}"], BNode(), BNode()
    g.add((fact, PROV.wasDerivedFrom, article))
    g.add((fact, KG.evidence, evidence))
    g.add((evidence, RDF.type, OA.SpecificResource))
    g.add((evidence, KG.article, article))
    g.add((evidence, OA.hasSelector, quote_sel))
    g.add((quote_sel, RDF.type, OA.TextQuoteSelector))
    g.add((quote_sel, OA.exact, Literal(quote)))
    g.add((evidence, OA.hasSelector, pos_sel))
    g.add((pos_sel, RDF.type, OA.TextPositionSelector))
    g.add((pos_sel, OA.start, Literal(10)))
    g.add((pos_sel, OA.end, Literal(10 + len(quote))))


def add_membership(g: Graph, key: str, person: URIRef, org: URIRef, role: str, article: URIRef, quote: str):
    membership, role_node = ID[f"m/{key}"], ID[f"role/{key}"]
    g.add((membership, RDF.type, ORG.Membership))
    g.add((membership, ORG.member, person))
    g.add((membership, ORG.organization, org))
    g.add((membership, ORG.role, role_node))
    g.add((role_node, RDF.type, ORG.Role))
    g.add((role_node, RDFS.label, zh(role)))
    add_evidence(g, membership, key, article, quote)


def add_participation(
    g: Graph, key: str, person: URIRef, event: URIRef, role: str, article: URIRef, quote: str
):
    participation = ID[f"p/{key}"]
    g.add((participation, RDF.type, KG.Participation))
    g.add((participation, KG.participant, person))
    g.add((participation, KG.event, event))
    g.add((participation, KG.role, zh(role)))
    g.add((event, SCHEMA.attendee, person))
    add_evidence(g, participation, f"p{key}", article, quote)


def small_graph() -> Graph:
    g = Graph()
    zhang = add_entity(g, "p/zhang", "张三", KG.Person, SCHEMA.Person, "张部长")
    li = add_entity(g, "p/li", "李四", KG.Person, SCHEMA.Person)
    evil = add_entity(g, "p/evil", f"王五{SCRIPT}", KG.Person, SCHEMA.Person)
    reporter = add_entity(g, "p/zhao", "赵六", KG.Person, SCHEMA.Person)
    editor = add_entity(g, "p/sun", "孙七", KG.Person, SCHEMA.Person)
    dept = add_entity(g, "o/xcb", "中共聊城市委宣传部", KG.PartyOrganization, SCHEMA.GovernmentOrganization)
    gov = add_entity(
        g, "o/gov", "聊城市人民政府", KG.GovernmentOrganization, SCHEMA.GovernmentOrganization, f"市政府{IMG}"
    )
    company = add_entity(g, "o/co", "聊城鲁西化工有限公司", KG.Company, SCHEMA.Corporation)
    uni = add_entity(g, "o/uni", "聊城大学", KG.University, SCHEMA.Organization)
    city = add_entity(g, "pl/lc", "聊城市", KG.Place, SCHEMA.Place)
    meeting = add_entity(g, "e/meeting", "全市宣传思想工作会议", KG.Event, SCHEMA.Event)
    add_entity(g, "pr/canal", "大运河文化带建设", KG.Project, SCHEMA.Project)

    good, bad = ID["a/1"], ID["a/2"]
    for article, headline in ((good, "全市宣传思想工作会议召开"), (bad, f"市政府常务会议{SCRIPT}")):
        g.add((article, RDF.type, SCHEMA.NewsArticle))
        g.add((article, SCHEMA.headline, zh(headline)))
        g.add((article, SCHEMA.author, reporter))
        g.add((article, SCHEMA.editor, editor))
        for entity in (zhang, li, evil, dept, gov, city):
            g.add((article, SCHEMA.mentions, entity))

    add_membership(g, "1", zhang, dept, "部长", good, "市委常委、宣传部部长张三出席会议并讲话。")
    add_membership(g, "2", li, gov, f"市长{IMG}", bad, f"市长李四主持会议。{IMG}")
    add_membership(g, "3", evil, company, "董事长", bad, "董事长王五汇报了项目进展。")
    add_participation(g, "1", zhang, meeting, "讲话", good, "张三在全市宣传思想工作会议上讲话。")
    g.add((company, SCHEMA.location, city))
    g.add((dept, ORG.subOrganizationOf, gov))
    g.add((uni, SCHEMA.location, city))
    return g  # 赵六 (an author), 孙七 (an editor) and 大运河文化带建设 take part in no relation


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "graph.html"
    write_html(small_graph(), path, title=f"聊城 测试图谱 {IMG}")
    return path


def page_data(page: Path) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page.read_text("utf-8"))
    assert match, "no kg-data block"
    return json.loads(match.group(1))


# ---- the file --------------------------------------------------------------------------------------------


def test_page_is_self_contained(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in text
    assert not re.search(r"<script[^>]*\bsrc\s*=", text, re.I), "scripts must be inlined"
    assert not re.search(r"<link\b", text, re.I), "stylesheets must be inlined"
    assert not re.search(r"""\b(src|href)\s*=\s*["']?\s*(https?:)?//""", text, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(https?:)?//""", text, re.I)
    assert "@import" not in text
    assert "vis.Network" in text and "tom-select" not in text.lower() and "bootstrap" not in text.lower()
    # No IRIs leak into the page, not even as data.
    for namespace in (KG, SCHEMA, ORG, PROV, OA, ID):
        assert str(namespace) not in text


class Tags(HTMLParser):
    """The elements an HTML parser sees, script bodies skipped as a browser does."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_payloads_are_escaped_in_the_file(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert "<script>window" not in text and "<img src=x" not in text
    parser = Tags()
    parser.feed(text)
    # Exactly our three scripts (vis-network, the JSON data, the page code): the data never ends its
    # <script> early, and no payload turned into an element.
    scripts = [attrs.get("type") for tag, attrs in parser.tags if tag == "script"]
    assert scripts == [None, "application/json", None]
    assert {tag for tag, _ in parser.tags} <= {
        *"html head meta title style body header h1 h2 span div aside section input ul main button p script".split()
    }
    assert "<title>聊城 测试图谱 &lt;img src=x" in text


def test_page_data(page: Path) -> None:
    data = page_data(page)
    entities = {e["label"]: e for e in data["entities"]}
    # Every entity is in the data (so search finds them all); only those in relations have a position.
    assert len(entities) == 12
    drawn = {label for label, e in entities.items() if "x" in e}
    assert (
        "赵六" not in drawn
        and "孙七" not in drawn
        and "大运河文化带建设" not in drawn
        and "张三" in drawn
        and "聊城市" in drawn
    )
    assert "另有 3 个仅被提及的实体未绘出" in page.read_text(encoding="utf-8")
    assert entities["张三"]["alt"] == ["张部长"]
    assert len(entities["赵六"]["authored"]) == 2
    assert len(entities["孙七"]["edited"]) == 2 and "authored" not in entities["孙七"]
    assert [t["name"] for t in data["types"]][:3] == ["人物", "党的组织", "国家机关"]

    ids = {label: i for i, label in enumerate(e["label"] for e in data["entities"])}
    links = {
        (data["entities"][k["from"]]["label"], data["entities"][k["to"]]["label"]): k for k in data["links"]
    }
    relations = [r["key"] for r in data["relations"]]
    post = links[("张三", "中共聊城市委宣传部")]["facts"][0]
    assert relations[post["rel"]] == "post" and post["label"] == "部长"
    sentence, article = post["evidence"][0]
    assert sentence == "市委常委、宣传部部长张三出席会议并讲话。"
    assert data["articles"][article] == "全市宣传思想工作会议召开"
    # Attendance reads from the person; the participation's part (讲话) wins over schema:attendee.
    talk = links[("张三", "全市宣传思想工作会议")]["facts"]
    assert [(relations[f["rel"]], f["label"]) for f in talk] == [("attendance", "讲话")]
    assert relations[links[("中共聊城市委宣传部", "聊城市人民政府")]["facts"][0]["rel"]] == "part"
    location = data["relations"][relations.index("location")]
    assert location["background"] is True and location["name"].startswith("位于")
    assert links[("聊城鲁西化工有限公司", "聊城市")]["facts"][0]["label"] == "位于"
    assert ids["张三"] != ids["李四"]


def test_empty_graph(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "empty.html"
    write_html(Graph(), path)
    assert "图谱为空" in path.read_text(encoding="utf-8")


# ---- the layout ------------------------------------------------------------------------------------------


def test_grid_repulsion_matches_the_exact_one() -> None:
    rng = np.random.default_rng(1)
    pos = (rng.random((1500, 2)) - 0.5) * 40
    pos[:200] *= 0.2  # a dense cluster too
    exact, approx = _repulsion_dense(pos), _repulsion_grid(pos)
    error = np.linalg.norm(exact - approx, axis=1) / np.linalg.norm(exact, axis=1)
    assert np.median(error) < 0.08


def test_layout_is_deterministic_and_components_do_not_overlap() -> None:
    explorer = read_graph(small_graph())
    edges = [(k.source, k.target) for k in explorer.links]
    drawn = sorted({i for edge in edges for i in edge})
    labels = [e.label for e in explorer.entities]
    degree = np.bincount(np.array(edges).reshape(-1), minlength=len(labels))
    first = layout(drawn, edges, labels, degree)
    assert first == layout(drawn, edges, labels, degree)
    assert sorted(first) == drawn
    star = spring(30, [(0, i) for i in range(1, 30)])
    assert np.allclose(star, spring(30, [(0, i) for i in range(1, 30)]))


def test_declutter_parts_names_that_overlap() -> None:
    pos = np.zeros((6, 2))  # six nodes on one spot
    labels = ["中共聊城市委宣传部", "张三", "李四", "王五", "聊城市人民政府", "赵六"]
    out = _declutter(pos, labels, np.full(6, 9.0), np.full(6, 13.0))
    gaps = [np.abs(out[i] - out[j]) for i in range(6) for j in range(i)]
    # Each pair now apart by a name's height or by the half widths of both names.
    assert all(dy >= 20 or dx >= 20 for dx, dy in gaps)


# ---- in a browser, offline -------------------------------------------------------------------------------


def need_chromium() -> None:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} missing: CI must run .ci/install-browser.sh")
        pytest.skip(f"{CHROMIUM} {BROWSER_SKIPPED}")


def launch() -> Iterator:
    """Debian's Chromium under Playwright, for a module's tests (each opens its own offline context)."""
    need_chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip("playwright not installed: pip install -e '.[dev]'")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def browser() -> Iterator:
    yield from launch()


@dataclass
class Opened:
    page: object
    requests: list[str] = field(default_factory=list)  # anything but the file itself: must stay empty
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, script: str, arg: object = None) -> object:
        return self.page.evaluate(script, arg)


def open_explorer(browser, path: Path, width: int = 1400, height: int = 900) -> Opened:
    """The page in a fresh offline context; every request other than the file is recorded and refused."""
    context = browser.new_context(offline=True, viewport={"width": width, "height": height})
    opened = Opened(context.new_page())

    def refuse(route) -> None:
        opened.requests.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^(?!file:)"), refuse)
    opened.page.on("pageerror", lambda error: opened.errors.append(str(error)))
    opened.page.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
    opened.page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
    opened.page.goto(path.resolve().as_uri())
    opened.page.wait_for_selector("body[data-kg-state=ready]", timeout=60_000)
    return opened


def entity_id(opened: Opened, label: str) -> int:
    return opened.js(
        "(label) => kg.data.entities.findIndex(function (e) { return e.label === label; })", label
    )


def node_on_screen(opened: Opened, node: int) -> tuple[float, float]:
    return tuple(
        opened.js(
            """(id) => { var rect = document.querySelector('#kg-network canvas').getBoundingClientRect();
                 var at = kg.network.canvasToDOM(kg.network.getPositions([id])[id]);
                 return [rect.left + at.x, rect.top + at.y]; }""",
            node,
        )
    )


def off_canvas(opened: Opened, nodes: list[int]) -> list[int]:
    """The nodes whose centre is outside the visible canvas."""
    return opened.js(
        """(ids) => { var c = document.querySelector('#kg-network canvas');
             return ids.filter(function (id) {
               var at = kg.network.canvasToDOM(kg.network.getPositions([id])[id]);
               return at.x < 0 || at.y < 0 || at.x > c.clientWidth || at.y > c.clientHeight; }); }""",
        nodes,
    )


def panel_text(opened: Opened) -> str:
    opened.page.wait_for_selector("#kg-panel:not([hidden])")
    return opened.page.inner_text("#kg-panel")


def assert_clean(opened: Opened) -> None:
    assert opened.requests == [], "the page asked the network for something"
    assert opened.errors == []
    assert opened.dialogs == [], "an injected alert() ran"
    assert opened.js("window.__pwned === undefined"), "an injected payload ran"
    assert opened.js("document.images.length") == 0
    assert opened.js("document.scripts.length") == 3


def test_loads_offline_with_legend_and_filters(browser, page: Path) -> None:
    opened = open_explorer(browser, page)
    assert opened.js("!!document.querySelector('#kg-network canvas')")
    assert opened.js("kg.nodes.length") == 9
    types = opened.page.inner_text("#kg-types")
    relations = opened.page.inner_text("#kg-relations")
    assert "人物" in types and "党的组织" in types and "国家机关" in types
    assert "职务（人物 → 机构）" in relations and "出席（人物 → 活动）" in relations and "位于" in relations
    assert "另有 3 个仅被提及的实体未绘出" in opened.page.inner_text("#kg-header")
    assert_clean(opened)


def test_search_centres_and_selects(browser, page: Path) -> None:
    opened = open_explorer(browser, page)
    search = opened.page.locator("#kg-search")
    search.click()
    opened.page.keyboard.insert_text("张三")  # as an input method commits a word: one input event
    opened.page.wait_for_selector("#kg-results li[role=option]")
    assert opened.page.inner_text("#kg-results li[role=option]").startswith("张三")
    opened.page.keyboard.press("Enter")
    zhang = entity_id(opened, "张三")
    text = panel_text(opened)
    assert opened.js("kg.network.getSelectedNodes()") == [zhang]
    assert "部长 @ 中共聊城市委宣传部" in text and "别名：张部长" in text
    assert "市委常委、宣传部部长张三出席会议并讲话。" in text and "《全市宣传思想工作会议召开》" in text
    assert "出席活动" in text and "全市宣传思想工作会议（讲话）" in text
    # Centred: once the animation is over, the middle of the view is the node.
    opened.page.wait_for_timeout(700)
    centre = opened.js("kg.network.getViewPosition()")
    at = opened.js("(id) => kg.network.getPositions([id])[id]", zhang)
    assert abs(centre["x"] - at["x"]) < 5 and abs(centre["y"] - at["y"]) < 5
    # ... with its neighbours in view around it
    neighbours = opened.js("(id) => kg.network.getConnectedNodes(id)", zhang)
    assert neighbours and off_canvas(opened, neighbours) == []
    # An alternative label finds him too.
    search.fill("张部长")
    opened.page.wait_for_selector("#kg-results li[role=option]")
    assert "别名 张部长" in opened.page.inner_text("#kg-results")
    assert_clean(opened)


def test_click_on_a_node_shows_posts_and_evidence(browser, page: Path) -> None:
    opened = open_explorer(browser, page)
    li = entity_id(opened, "李四")
    opened.page.mouse.click(*node_on_screen(opened, li))
    text = panel_text(opened)
    assert opened.js("kg.network.getSelectedNodes()") == [li]
    assert f"市长{IMG} @ 聊城市人民政府" in text  # the role's label, payload and all, as text
    assert f"市长李四主持会议。{IMG}" in text and f"《市政府常务会议{SCRIPT}》" in text
    assert_clean(opened)


def test_click_on_an_edge_shows_its_sentence_and_headline(browser, page: Path) -> None:
    opened = open_explorer(browser, page)
    zhang, dept = entity_id(opened, "张三"), entity_id(opened, "中共聊城市委宣传部")
    edge = opened.js(
        "(ends) => kg.edges.get().filter(function (e) { return e.from === ends[0] && e.to === ends[1]; })[0].id",
        [zhang, dept],
    )
    # Zoom in on the edge so its middle is far from both nodes, then click there.
    point = opened.js(
        """(id) => { var mid = kg.network.body.edges[id].edgeType.getPoint(0.5);
             kg.network.moveTo({position: mid, scale: 2.5});
             var rect = document.querySelector('#kg-network canvas').getBoundingClientRect();
             var at = kg.network.canvasToDOM(mid); return [rect.left + at.x, rect.top + at.y]; }""",
        edge,
    )
    opened.page.mouse.click(*point)
    text = panel_text(opened)
    assert opened.js("kg.network.getSelectedEdges()") == [edge]
    assert "张三 → 中共聊城市委宣传部" in text and "职务：部长" in text
    assert "市委常委、宣传部部长张三出席会议并讲话。" in text and "《全市宣传思想工作会议召开》" in text
    assert_clean(opened)


def test_filters_hide_a_type_and_a_relation(browser, page: Path) -> None:
    opened = open_explorer(browser, page)
    dept, city = entity_id(opened, "中共聊城市委宣传部"), entity_id(opened, "聊城市")
    hidden = "(id) => !!kg.nodes.get(id).hidden"
    shown = int(opened.js("document.body.getAttribute('data-kg-visible')"))
    # 位于 starts unchecked: 聊城市, in no other relation, is not drawn until it is checked.
    assert opened.js(hidden, city)
    opened.page.locator("#kg-relations label[data-key=location] input").check()
    assert not opened.js(hidden, city)
    opened.page.locator("#kg-relations label[data-key=location] input").uncheck()
    # Unchecking 党的组织 hides the 宣传部 and its edges; 张三 stays, by his attendance.
    opened.page.locator("#kg-types label[data-key=party] input").uncheck()
    assert opened.js(hidden, dept) and not opened.js(hidden, entity_id(opened, "张三"))
    assert int(opened.js("document.body.getAttribute('data-kg-visible')")) == shown - 1
    opened.page.locator("#kg-types label[data-key=party] input").check()
    assert not opened.js(hidden, dept)
    assert_clean(opened)


def test_entities_only_mentioned_are_found_and_shown_on_demand(browser, page: Path) -> None:
    opened = open_explorer(browser, page)
    opened.page.fill("#kg-search", "赵六")
    opened.page.wait_for_selector("#kg-results li[role=option]")
    assert "仅提及" in opened.page.inner_text("#kg-results")
    opened.page.keyboard.press("Enter")
    text = panel_text(opened)
    zhao = entity_id(opened, "赵六")
    assert opened.js("(id) => kg.nodes.get(id) !== null", zhao)
    assert "仅被报道提及" in text and "署名报道" in text and "《全市宣传思想工作会议召开》" in text
    opened.page.fill("#kg-search", "孙七")
    opened.page.wait_for_selector("#kg-results li[role=option]")
    opened.page.keyboard.press("Enter")
    text = panel_text(opened)
    assert "编辑报道" in text and "署名报道" not in text and "《全市宣传思想工作会议召开》" in text
    assert_clean(opened)


def test_injected_payloads_never_run(browser, page: Path) -> None:
    opened = open_explorer(browser, page)
    # Search results, panel, tooltip and the title all carry the payloads, as text.
    opened.page.fill("#kg-search", "王五")
    opened.page.wait_for_selector("#kg-results li[role=option]")
    assert SCRIPT in opened.page.inner_text("#kg-results")
    opened.page.keyboard.press("Enter")
    assert SCRIPT in panel_text(opened)
    opened.page.fill("#kg-search", "市政府")
    opened.page.wait_for_selector("#kg-results li[role=option]")
    opened.page.keyboard.press("Enter")
    assert f"别名：市政府{IMG}" in panel_text(opened)
    opened.js("kg.clearSelection()")
    opened.page.wait_for_timeout(500)
    opened.page.mouse.move(*node_on_screen(opened, entity_id(opened, f"王五{SCRIPT}")))
    opened.page.wait_for_selector("div.vis-tooltip", state="visible")
    assert SCRIPT in opened.page.inner_text("div.vis-tooltip")
    assert opened.page.title() == f"聊城 测试图谱 {IMG}"
    assert_clean(opened)


def test_seeds_explorer_screenshots(browser, seeds_out: Path) -> None:
    """The real graph of the seed pages: the overview, then 张百顺 found and selected."""
    opened = open_explorer(browser, seeds_out / "graph.html", 1440, 900)
    SHOTS.mkdir(parents=True, exist_ok=True)
    opened.page.wait_for_timeout(300)
    opened.page.screenshot(path=str(SHOTS / "explorer-overview.png"))
    # the first view holds the whole graph: no node and no name is cut off, and no two names overlap
    drawn = opened.js("() => kg.nodes.getIds({filter: function (n) { return !n.hidden; }})")
    assert len(drawn) > 100 and off_canvas(opened, drawn) == []
    width, height = opened.js(
        "() => { var c = document.querySelector('#kg-network canvas'); return [c.clientWidth, c.clientHeight]; }"
    )
    names = opened.js("() => kg.namesWritten()")
    assert len(names) > 60
    assert all(
        -1 <= left and right <= width + 1 and -1 <= top and bottom <= height + 1
        for left, top, right, bottom in names
    )
    assert not [
        (a, b)
        for n, a in enumerate(names)
        for b in names[n + 1 :]
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
    ]
    opened.page.fill("#kg-search", "张百顺")
    opened.page.wait_for_selector("#kg-results li[role=option]")
    opened.page.keyboard.press("Enter")
    text = panel_text(opened)
    assert "市长 @ 聊城市人民政府" in text and "副书记 @ 中共聊城市委员会" in text
    # each sentence once, under the posts it supports ("市委副书记、市长张百顺…" gives two)
    posts = opened.js(
        """() => Array.from(document.querySelector('#kg-panel-body ul').children).map(li => [
             li.querySelectorAll('.kg-fact').length,
             Array.from(li.querySelectorAll('.kg-evidence')).map(e => e.innerText)])"""
    )
    sentences = [sentence for _, evidence in posts for sentence in evidence]
    assert len(sentences) == len(set(sentences)) and any(count > 1 for count, _ in posts)
    opened.page.wait_for_timeout(700)
    selected = opened.js("() => kg.network.getSelectedNodes()")
    assert off_canvas(opened, opened.js("(id) => kg.network.getConnectedNodes(id)", selected[0])) == []
    opened.page.screenshot(path=str(SHOTS / "explorer.png"))
    assert (SHOTS / "explorer.png").stat().st_size > 20_000
    assert_clean(opened)


def test_a_persons_posts_read_as_a_timeline(browser, tmp_path: Path) -> None:
    """examples/terms: the mayor attested in March 2018 and removed in January 2019."""
    from kg.cli import main

    out = tmp_path / "terms"
    assert main(["build", str(ROOT / "examples" / "terms"), "--out", str(out), "--city", "德州市"]) == 0
    opened = open_explorer(browser, out / "graph.html")
    person = entity_id(opened, "张立新")
    opened.page.mouse.click(*node_on_screen(opened, person))
    text = panel_text(opened)
    deputy = text.index("2018-03-01 副书记 @ 中共德州市委员会")
    mayor = text.index("2018-03-01 — 2019-01-09 原 市长 @ 德州市人民政府")
    assert deputy < mayor  # known from the same day; both before any later post
    assert "《德州市召开全市经济工作会议》" in text  # the headline, not the page's date line
    assert_clean(opened)


def test_a_projects_panel_shows_its_investment_scale_and_status(browser, seeds_out: Path) -> None:
    opened = open_explorer(browser, seeds_out / "graph.html")
    opened.page.fill("#kg-search", "山东华电聊城九标段343.75兆瓦风电项目")
    opened.page.wait_for_selector("#kg-results li[role=option]")
    opened.page.keyboard.press("Enter")
    text = panel_text(opened)
    assert "项目概况" in text and "总投资：约 26 亿元" in text and "总装机容量343.75兆瓦" in text
    assert "状态：开工（--12-27）" in text and "中国华电集团有限公司（建设）" in text
    assert_clean(opened)
